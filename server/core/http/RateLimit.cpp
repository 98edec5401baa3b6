// SPDX-License-Identifier: Apache-2.0
#include "RateLimit.h"

#include "Response.h"
#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::http {

namespace {

// One row per bucket: a window that has passed starts again at 1.
const db::SqlStatement kHit(
        u"INSERT INTO auth_rate_limits AS r (bucket, window_start, hits) "
        "VALUES (:bucket, now(), 1) "
        "ON CONFLICT (bucket) DO UPDATE SET "
        "  hits = CASE WHEN r.window_start <= now() - make_interval(secs => :window) "
        "              THEN 1 ELSE r.hits + 1 END, "
        "  window_start = CASE WHEN r.window_start <= now() - make_interval(secs => :window) "
        "                      THEN now() ELSE r.window_start END "
        "RETURNING hits, "
        "  ceil(extract(epoch FROM window_start + make_interval(secs => :window) - now()))::int"_s);

} // namespace

void RateDecision::addHeaders(Response &response, std::chrono::seconds window) const
{
    response.withHeader("RateLimit-Policy",
            QByteArray::number(limit) + ";w=" + QByteArray::number(window.count()));
    response.withHeader("RateLimit",
            "limit=" + QByteArray::number(limit) + ", remaining=" + QByteArray::number(remaining)
                    + ", reset=" + QByteArray::number(resetSeconds));
}

Response withRateHeaders(Response response, const RateDecision &rate, std::chrono::seconds window)
{
    rate.addHeaders(response, window);
    return response;
}

Result<RateDecision> countRequest(
        db::Connection &connection, const QString &bucket, int limit, std::chrono::seconds window)
{
    auto query = connection.run(kHit,
            {{u":bucket"_s, bucket.left(200)}, {u":window"_s, static_cast<int>(window.count())}});
    if (!query) {
        return query.error();
    }
    RateDecision decision;
    decision.limit = limit;
    if ((*query)->next()) {
        const int hits = (*query)->value(0).toInt();
        decision.resetSeconds = qMax(0, (*query)->value(1).toInt());
        decision.allowed = hits <= limit;
        decision.remaining = qMax(0, limit - hits);
    }
    (*query)->finish();
    return decision;
}

} // namespace influence::server::http
