// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Response.h"
#include "common/Result.h"
#include "core/db/Transaction.h"

#include <QString>

#include <chrono>

namespace influence::server::db {
class Connection;
}

namespace influence::server::http {

/// The outcome of counting one request against a fixed-window limit.
struct RateDecision
{
    bool allowed = true;
    int limit = 0;
    int remaining = 0;
    int resetSeconds = 0;

    /// RateLimit and RateLimit-Policy headers (IETF httpapi-ratelimit-headers), and Retry-After
    /// when refused.
    void addHeaders(Response &response, std::chrono::seconds window) const;
};

/// Counts a request in `bucket` (e.g. "login:203.0.113.7") against `limit` per `window`. The
/// counters live in PostgreSQL (auth_rate_limits), so that every server process agrees.
common::Result<RateDecision> countRequest(
        db::Connection &connection, const QString &bucket, int limit, std::chrono::seconds window);

/// A limit on a group of routes for one client address.
struct RateLimit
{
    QString bucket; ///< the group and the address: "login:203.0.113.7"
    int limit = 0; ///< requests per window
    std::chrono::seconds window{60};
    /// The 429's detail: what was refused, in the group's words.
    QString refusal = QStringLiteral("Too many requests from your address; try again in a minute.");
};

/// `response` with the RateLimit headers of `rate`.
Response withRateHeaders(Response response, const RateDecision &rate, std::chrono::seconds window);

/// Counts the request against `limit`: 429 (with Retry-After) over it, else what
/// `then(const RateDecision &)` answers; both with the RateLimit headers. Runs on a database
/// worker; the count is retried once on a connection lost before it.
template<class Then>
Response limited(db::Connection &c, const RateLimit &limit, Then &&then)
{
    const auto rate = db::withRetry(c, [&](db::Connection &connection) {
        return countRequest(connection, limit.bucket, limit.limit, limit.window);
    });
    if (!rate) {
        return Response::fromError(rate.error());
    }
    if (!rate->allowed) {
        common::Error error =
                common::Error::make(common::ErrorCode::TooManyRequests, limit.refusal);
        error.retryAfterSeconds = qMax(1, rate->resetSeconds);
        return withRateHeaders(Response::fromError(error), *rate, limit.window);
    }
    return withRateHeaders(then(*rate), *rate, limit.window);
}

} // namespace influence::server::http
