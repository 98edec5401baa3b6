// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpHead.h"
#include "common/Result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <QUuid>

namespace influence::server::http {

/// Everything a handler may know about a request, copied out of the socket's parser before any
/// work starts (QHttpServerRequest cannot be copied and is reused per connection), so it can be
/// handed to worker threads by value.
struct Request
{
    HttpMethod method = HttpMethod::Get;
    QString path; ///< percent-encoded path, e.g. /api/v1/influencers/3f2a…
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lower-case
    QByteArray body;
    QHostAddress peer;
    QString requestId;
    QHash<QString, QString> pathParams; ///< decoded values of the route's {placeholders}
    QString routeTemplate; ///< the matched route, e.g. /api/v1/influencers/{id}
    /// The matched route in the router (read-only after start), for the metrics; null: none.
    const void *route = nullptr;
    QElapsedTimer received;
    bool keepAlive = true; ///< false: the connection closes after this response
    bool http10 = false;

    /// The first value of a header (name in lower case), or a null QByteArray.
    QByteArray header(QByteArrayView lowerCaseName) const;

    /// The body as a JSON object: 415 unless Content-Type is application/json (or +json),
    /// 400 malformed_json when it does not parse or is not an object.
    common::Result<QJsonObject> jsonObject() const;

    /// A path parameter that must be a UUID (400 invalid_parameter otherwise).
    common::Result<QUuid> uuidParam(const QString &name) const;

    /// A query parameter as text; `present` tells an empty value from a missing one.
    QString queryValue(const QString &name) const;
    bool hasQuery(const QString &name) const;
};

/// A request-target (origin- or absolute-form) as the percent-encoded path and the query, '+'
/// in the query read as a space.
std::pair<QString, QUrlQuery> splitTarget(const QByteArray &target);

} // namespace influence::server::http
