// SPDX-License-Identifier: Apache-2.0
#include "Cors.h"

#include "Request.h"

namespace influence::server::http {

Cors::Cors(QStringList allowedOrigins)
    : m_allowedOrigins(std::move(allowedOrigins))
{ }

bool Cors::allows(const QByteArray &origin) const
{
    return !origin.isEmpty() && m_allowedOrigins.contains(QString::fromLatin1(origin));
}

Response Cors::preflight(const Request &request, const QByteArray &allow) const
{
    Response response = Response::noContent();
    response.withHeader("Allow", allow);
    const QByteArray origin = request.header("origin");
    if (!request.header("access-control-request-method").isEmpty() && allows(origin)) {
        response.withHeader("Access-Control-Allow-Methods", allow);
        response.withHeader("Access-Control-Allow-Headers",
                "Authorization, Content-Type, Idempotency-Key, Influence-Wal-Position, "
                "X-Request-Id");
        response.withHeader("Access-Control-Max-Age", "600");
    }
    return response;
}

void Cors::addResponseHeaders(
        const Request &request, QList<std::pair<QByteArray, QByteArray>> &headers) const
{
    if (m_allowedOrigins.isEmpty()) {
        return;
    }
    headers.emplaceBack("Vary", "Origin");
    const QByteArray origin = request.header("origin");
    if (allows(origin)) {
        headers.emplaceBack("Access-Control-Allow-Origin", origin);
        headers.emplaceBack("Access-Control-Expose-Headers",
                "X-Request-Id, Location, Retry-After, RateLimit, RateLimit-Policy, "
                "Influence-Wal-Position");
    }
}

} // namespace influence::server::http
