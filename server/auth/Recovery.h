// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"
#include "common/Result.h"

#include <QString>

#include <chrono>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

namespace influence::server::auth {

/// The e-mails of password reset and address confirmation, from the configuration.
struct MailSettings
{
    QString appUrl; ///< links in e-mails start here (APP_URL)
    std::chrono::seconds resetTokenLifetime{30 * 60};
    std::chrono::seconds verifyTokenLifetime{24 * 3600};
    /// At most one e-mail of a kind (reset, verification) per account in this time.
    std::chrono::seconds mailInterval{60};
};

/// Single-use tokens sent by e-mail (auth_email_tokens, stored as SHA-256): resetting a
/// forgotten password and confirming an address. Each operation runs its own transaction unless
/// it says it runs inside the caller's.
namespace recovery {

/// Sends a reset link if the address belongs to an active account (at most one per
/// mailInterval); says nothing either way.
common::Result<void> forgotPassword(
        db::Connection &c, const MailSettings &settings, const QString &email);
/// Sets the password with a reset token, confirms the address the link went to, and ends every
/// session of the account.
common::Result<void> resetPassword(db::Connection &c, const QString &token, const QString &newHash);
/// Confirms the address a verification link went to.
common::Result<void> verifyEmail(db::Connection &c, const QString &token);
/// Sends the caller a new verification link (nothing when the address is confirmed already;
/// 429 within mailInterval of the last one).
common::Result<void> resendVerification(
        db::Connection &c, const MailSettings &settings, const http::Principal &principal);

/// Inside the caller's transaction: tells the owner of `account` that someone tried to register
/// with its address (nothing changes; they may sign in or reset the password).
common::Result<void> sendRegistrationAttempt(
        db::Connection &tx, const MailSettings &settings, const common::UserAccount &account);

/// Inside the caller's transaction: mails `account` a link that confirms its address.
common::Result<void> sendVerification(
        db::Connection &tx, const MailSettings &settings, const common::UserAccount &account);

} // namespace recovery

} // namespace influence::server::auth
