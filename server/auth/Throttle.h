// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/http/Response.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace influence::server::db {
class Connection;
}

namespace influence::server::auth {

/// The outcome of counting one request against a fixed-window limit.
struct RateDecision
{
    bool allowed = true;
    int limit = 0;
    int remaining = 0;
    int resetSeconds = 0;

    /// RateLimit and RateLimit-Policy headers (IETF httpapi-ratelimit-headers), and Retry-After
    /// when refused.
    void addHeaders(http::Response &response, std::chrono::seconds window) const;
};

/// Request limits and sign-in back-off, counted in PostgreSQL so that every server process
/// agrees.
namespace throttle {

/// Counts a request in `bucket` (e.g. "login:203.0.113.7") against `limit` per `window`.
common::Result<RateDecision> hit(
        db::Connection &connection, const QString &bucket, int limit, std::chrono::seconds window);

/// Before checking a password: refuses (with the seconds to wait) while the account is locked,
/// otherwise counts the attempt as failed in advance, so that parallel guesses count too.
/// Applies to every e-mail address, registered or not.
common::Result<void> reserveLoginAttempt(
        db::Connection &connection, const QString &emailKey, int lockoutThreshold);
/// After a successful sign-in: the account starts with a clean record.
common::Result<void> clearLoginFailures(db::Connection &connection, const QString &emailKey);

/// The key an e-mail address is counted under (lower case, trimmed).
QString emailKey(const QString &email);

} // namespace throttle

} // namespace influence::server::auth
