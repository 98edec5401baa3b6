// SPDX-License-Identifier: Apache-2.0
#include "Throttle.h"

#include "core/db/Connection.h"

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::auth {

namespace {

const db::SqlStatement kLockedUntil(
        u"SELECT ceil(extract(epoch FROM locked_until - now()))::int FROM auth_login_failures "
        "WHERE email_key = :key AND locked_until > now() FOR UPDATE"_s);

// A day without failures forgets the earlier ones. From the threshold on, each failure doubles
// the lock: 1 s, 2 s, 4 s … capped at 15 minutes.
const db::SqlStatement kCountFailure(
        u"INSERT INTO auth_login_failures AS f (email_key, failures, last_failure_at) "
        "VALUES (:key, 1, now()) "
        "ON CONFLICT (email_key) DO UPDATE SET "
        "  failures = CASE WHEN f.last_failure_at < now() - interval '1 day' THEN 1 "
        "                  ELSE f.failures + 1 END, "
        "  last_failure_at = now() "
        "RETURNING failures"_s);
const db::SqlStatement kLock(u"UPDATE auth_login_failures SET locked_until = now() + "
                             "  least(interval '15 minutes', make_interval(secs => :seconds)) "
                             "WHERE email_key = :key"_s);
const db::SqlStatement kClear(u"DELETE FROM auth_login_failures WHERE email_key = :key"_s);

Error tooMany(const QString &detail, int retryAfter)
{
    Error error = Error::make(ErrorCode::TooManyRequests, detail);
    error.retryAfterSeconds = qMax(1, retryAfter);
    return error;
}

} // namespace

namespace throttle {

QString emailKey(const QString &email)
{
    return email.trimmed().toLower().left(254);
}

Result<void> reserveLoginAttempt(
        db::Connection &connection, const QString &emailKey, int lockoutThreshold)
{
    const auto locked = connection.scalar(kLockedUntil, {{u":key"_s, emailKey}});
    if (!locked) {
        return locked.error();
    }
    if (!locked->isNull()) {
        return tooMany(
                u"Too many failed sign-ins for this account; try again later."_s, locked->toInt());
    }
    const auto failures = connection.scalar(kCountFailure, {{u":key"_s, emailKey}});
    if (!failures) {
        return failures.error();
    }
    const int count = failures->toInt();
    if (count >= lockoutThreshold) {
        const double seconds = std::pow(2.0, qMin(count - lockoutThreshold, 20));
        if (auto ok = connection.run(kLock, {{u":key"_s, emailKey}, {u":seconds"_s, seconds}});
                !ok) {
            return ok.error();
        }
    }
    return {};
}

Result<void> clearLoginFailures(db::Connection &connection, const QString &emailKey)
{
    auto ok = connection.run(kClear, {{u":key"_s, emailKey}});
    if (!ok) {
        return ok.error();
    }
    return {};
}

} // namespace throttle

} // namespace influence::server::auth
