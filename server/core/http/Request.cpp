// SPDX-License-Identifier: Apache-2.0
#include "Request.h"

#include "common/Validation.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::http {

std::pair<QString, QUrlQuery> splitTarget(const QByteArray &target)
{
    QByteArray pathPart = target;
    QByteArray queryPart;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form (RFC 9112 §3.2.2): route by its path.
        const QUrl url = QUrl::fromEncoded(target, QUrl::StrictMode);
        pathPart = url.path(QUrl::FullyEncoded).toLatin1();
        queryPart = url.query(QUrl::FullyEncoded).toLatin1();
        if (pathPart.isEmpty()) {
            pathPart = "/";
        }
    } else if (const qsizetype mark = target.indexOf('?'); mark >= 0) {
        pathPart = target.first(mark);
        queryPart = target.sliced(mark + 1);
    }
    if (const qsizetype hash = queryPart.indexOf('#'); hash >= 0) {
        queryPart.truncate(hash);
    }
    // Form encoding: '+' is a space in query strings; a literal plus arrives as %2B.
    queryPart.replace('+', "%20");
    return {QString::fromLatin1(pathPart), QUrlQuery(QString::fromLatin1(queryPart))};
}

QByteArray Request::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName) {
            return value;
        }
    }
    return {};
}

Result<QJsonObject> Request::jsonObject() const
{
    const QByteArray contentType = header("content-type");
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    if (mediaType != "application/json" && !mediaType.endsWith("+json")) {
        return Error::make(ErrorCode::UnsupportedMediaType,
                u"Send the body as JSON with Content-Type: application/json."_s);
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::make(ErrorCode::MalformedJson,
                u"The body is not valid JSON: %1 at offset %2."_s.arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return Error::make(ErrorCode::MalformedJson, u"The body must be a JSON object."_s);
    }
    return document.object();
}

Result<QUuid> Request::uuidParam(const QString &name) const
{
    return common::validation::parseUuid(pathParams.value(name), name);
}

QString Request::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

bool Request::hasQuery(const QString &name) const
{
    return query.hasQueryItem(name);
}

} // namespace influence::server::http
