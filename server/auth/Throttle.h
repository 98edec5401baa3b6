// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace influence::server::db {
class Connection;
}

namespace influence::server::auth {

/// Sign-in back-off per account, counted in PostgreSQL so that every server process agrees.
namespace throttle {

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
