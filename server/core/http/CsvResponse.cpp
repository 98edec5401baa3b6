// SPDX-License-Identifier: Apache-2.0
#include "CsvResponse.h"

#include "BodyStream.h"
#include "common/Money.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::server::http::csv {

namespace {

constexpr const char *kContentType = "text/csv; charset=utf-8";

QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const auto &part : QStringView(path).split(u'.')) {
        value = value.toObject().value(part);
    }
    return value;
}

QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        // Counts and minor units are whole; ratios (an engagement rate, CPE) keep their decimals.
        const double number = value.toDouble();
        return number == std::floor(number) ? QString::number(value.toInteger(), 10)
                                            : QString::number(number, 'g', 15);
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QString::fromUtf8(value.isArray()
                        ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return {};
}

QString majorUnits(qint64 minor, const QString &currency)
{
    const int digits = std::max(0, common::currencyMinorDigits(currency));
    if (digits == 0) {
        return QString::number(minor);
    }
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i) {
        scale *= 10;
    }
    const QString sign = minor < 0 ? u"-"_s : QString();
    const qint64 magnitude = minor < 0 ? -minor : minor;
    return sign + QString::number(magnitude / scale) + u'.'
            + u"%1"_s.arg(magnitude % scale, digits, 10, QChar(u'0'));
}

} // namespace

bool wanted(const Request &request)
{
    return request.header("accept").contains("text/csv");
}

QByteArray field(const QString &value)
{
    QString safe = value;
    if (!safe.isEmpty() && QStringView(u"=+-@").contains(safe.front())
            && !(safe.size() > 1 && safe.at(1).isDigit() && safe.front() == u'-')) {
        safe.prepend(u'\'');
    }
    const bool quote = safe.contains(u',') || safe.contains(u'"') || safe.contains(u'\n')
            || safe.contains(u'\r');
    if (!quote) {
        return safe.toUtf8();
    }
    safe.replace(u"\""_s, u"\"\""_s);
    return '"' + safe.toUtf8() + '"';
}

namespace {

QByteArray headerLine(const QList<Column> &columns)
{
    QList<QByteArray> headers;
    for (const Column &column : columns) {
        headers.append(field(column.header));
    }
    return headers.join(',') + "\r\n";
}

QByteArray rowLine(const QByteArray &row, const QList<Column> &columns)
{
    const QJsonObject object = QJsonDocument::fromJson(row).object();
    QList<QByteArray> fields;
    for (const Column &column : columns) {
        const QJsonValue value = at(object, column.path);
        if (column.kind == Column::Kind::MoneyAmount && value.isDouble()) {
            fields.append(field(
                    majorUnits(value.toInteger(), at(object, column.currencyPath).toString())));
        } else {
            fields.append(field(text(value)));
        }
    }
    return fields.join(',') + "\r\n";
}

QByteArray disposition(const QString &filename)
{
    return "attachment; filename=\"" + filename.toLatin1() + '"';
}

} // namespace

Response response(
        const QList<QByteArray> &rows, const QList<Column> &columns, const QString &filename)
{
    QByteArray out = headerLine(columns);
    for (const QByteArray &row : rows) {
        out += rowLine(row, columns);
    }
    Response answer;
    answer.status = 200;
    answer.contentType = kContentType;
    answer.body = std::move(out);
    answer.withHeader("Content-Disposition", disposition(filename));
    return answer;
}

Response stream(const Responder &out, const RowSource &source, const QList<Column> &columns,
        const QString &filename)
{
    QByteArray pending = headerLine(columns);
    std::shared_ptr<BodyStream> body;
    bool open = true;
    const auto handOn = [&] {
        if (!body) {
            body = std::make_shared<BodyStream>();
            out.send(Response::streamed(kContentType, body)
                             .withHeader("Content-Disposition", disposition(filename)));
        }
        open = body->write(std::exchange(pending, {}));
        return open;
    };
    const auto produced = source([&](const QByteArray &row) {
        pending += rowLine(row, columns);
        return pending.size() < kChunkBytes || handOn();
    });
    if (!body) {
        if (!produced) {
            return Response::fromError(produced.error());
        }
        Response answer;
        answer.contentType = kContentType;
        answer.body = std::move(pending);
        answer.withHeader("Content-Disposition", disposition(filename));
        return answer;
    }
    // A database error after the head, or a client that went or stalled: what it got is not
    // the whole file, and must not look like it.
    if (produced && open && (pending.isEmpty() || handOn())) {
        body->finish();
    } else {
        body->abort();
    }
    return Response::deferred();
}

} // namespace influence::server::http::csv
