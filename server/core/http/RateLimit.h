// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

#include <chrono>

namespace influence::server::db {
class Connection;
}

namespace influence::server::http {

struct Response;

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

} // namespace influence::server::http
