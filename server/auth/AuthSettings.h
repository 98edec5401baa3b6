// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PasswordHasher.h"
#include "Recovery.h"
#include "Sessions.h"

#include <QString>

namespace influence::server::auth {

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

    /// The front end's URL, where links in e-mails point: APP_URL, or else `publicUrl`.
    QString effectiveAppUrl(const QString &publicUrl) const
    {
        return mail.appUrl.isEmpty() ? publicUrl : mail.appUrl;
    }
};

} // namespace influence::server::auth
