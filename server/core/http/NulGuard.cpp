// SPDX-License-Identifier: Apache-2.0
#include "NulGuard.h"

#include "Request.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::FieldError;

namespace influence::server::http {

namespace {

constexpr QChar kNul(u'\0');
const QString kCode = u"contains_nul"_s;

/// A name as it can be shown in a problem: the NUL written as the escape that sent it.
QString shown(QString name)
{
    return name.replace(kNul, u"\\u0000"_s);
}

/// RFC 6901: "~" as "~0", "/" as "~1".
QString pointerToken(QString key)
{
    return shown(key.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s));
}

/// The field (the house's JSON pointer without the leading "/": "bio", "rates/0/label", as in
/// every validation problem) of the first string or key under `value` that holds a NUL.
std::optional<QString> firstNul(const QJsonValue &value, const QString &pointer)
{
    if (value.isString()) {
        return value.toString().contains(kNul) ? std::optional(pointer) : std::nullopt;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString element =
                    (pointer.isEmpty() ? QString() : pointer + u'/') + QString::number(i);
            if (auto found = firstNul(array.at(i), element)) {
                return found;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString member =
                    (pointer.isEmpty() ? QString() : pointer + u'/') + pointerToken(it.key());
            if (it.key().contains(kNul)) {
                return member;
            }
            if (auto found = firstNul(it.value(), member)) {
                return found;
            }
        }
    }
    return std::nullopt;
}

std::optional<Error> nulInBody(const QByteArray &body)
{
    // Most bodies have no NUL, escaped or raw, and are not parsed here.
    if (!body.contains("\\u0000") && !body.contains('\0')) {
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return std::nullopt;
    }
    const QJsonValue root =
            document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    const std::optional<QString> pointer = firstNul(root, {});
    if (!pointer) {
        return std::nullopt; // "\\u0000": an escaped backslash, then text
    }
    if (pointer->isEmpty()) {
        return Error::make(common::ErrorCode::MalformedJson,
                u"The body contains the character U+0000, which is not accepted."_s);
    }
    const QString message = u"The character U+0000 is not accepted."_s;
    return Error::validation({FieldError{*pointer, kCode, message}},
            u"The field %1 contains the character U+0000, which is not accepted."_s.arg(*pointer));
}

Error nulInParameter(const QString &name)
{
    return Error::invalidParameter(shown(name), kCode,
            u"The parameter %1 contains the character U+0000 (%00), which is not accepted."_s.arg(
                    shown(name)));
}

} // namespace

std::optional<Error> refuseNul(const Request &request)
{
    for (auto it = request.pathParams.cbegin(); it != request.pathParams.cend(); ++it) {
        if (it.value().contains(kNul)) {
            return nulInParameter(it.key());
        }
    }
    if (request.query.query(QUrl::FullyEncoded).contains("%00"_L1, Qt::CaseInsensitive)) {
        for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
            if (name.contains(kNul) || value.contains(kNul)) {
                return nulInParameter(name);
            }
        }
    }
    return nulInBody(request.body);
}

} // namespace influence::server::http
