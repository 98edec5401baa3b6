// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PasswordHasher.h"
#include "Recovery.h"
#include "Sessions.h"

#include <QString>

namespace influence::server::auth {

/// How POST /auth/register answers (AUTH_REGISTRATION).
enum class Registration {
    /// 202 for a new and a taken address alike, so registration tells nobody which addresses
    /// have accounts: a new address gets its account and a confirmation link, and signs in with
    /// its password once confirmed; the owner of a taken one is told by e-mail and nothing else
    /// happens. Password sign-in needs a confirmed address.
    Confirm,
    /// 201 with a session at once, 409 email_taken for a taken address (which tells anyone
    /// whether an address has an account): for development, tests and closed installations.
    Immediate,
};

/// Accounts and sign-in: the auth part of the configuration. OpenID Connect sign-in shares it
/// (the same sessions, the same per-address limit, the same front end).
struct Settings
{
    /// Refresh-token lifetimes and the sign-in lockout.
    SessionSettings sessions;
    /// Password reset and address confirmation e-mails; mail.appUrl is APP_URL, empty: the
    /// server's public URL.
    MailSettings mail;
    Argon2Parameters argon2;
    /// Requests a minute from one address to each of registration, sign-in and the e-mail
    /// routes; refreshing may do ten times as many.
    int rateLimitPerMinute = 30;
    Registration registration = Registration::Confirm;

    /// The front end's URL, where links in e-mails point: APP_URL, or else `publicUrl`.
    QString effectiveAppUrl(const QString &publicUrl) const
    {
        return mail.appUrl.isEmpty() ? publicUrl : mail.appUrl;
    }
};

} // namespace influence::server::auth
