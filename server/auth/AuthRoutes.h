// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PasswordHasher.h"
#include "Recovery.h"
#include "Sessions.h"

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::auth {

/// What accounts and sign-in need, from the configuration.
struct Settings
{
    /// The token service, refresh-token lifetimes and the sign-in lockout.
    SessionSettings sessions;
    /// Password reset and address confirmation e-mails.
    MailSettings mail;
    Argon2Parameters argon2;
    /// Requests a minute from one address to each of registration, sign-in and the e-mail
    /// routes; refreshing may do ten times as many.
    int rateLimitPerMinute = 30;
};

/// /api/v1/auth/{register,login,refresh,logout,logout-all}, /api/v1/auth/password/*,
/// /api/v1/auth/email/*, /api/v1/me, /api/v1/me/password and the administrators'
/// /api/v1/users[/{id}]. Passwords are hashed on the CPU pool, between database steps.
void registerRoutes(http::HttpContext &context, const Settings &settings);

} // namespace influence::server::auth
