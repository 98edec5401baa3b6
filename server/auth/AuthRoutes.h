// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthSettings.h"

namespace influence::server::crypto {
class TokenService;
}
namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::auth {

/// /api/v1/auth/{register,login,refresh,logout,logout-all}, /api/v1/auth/password/*,
/// /api/v1/auth/email/*, /api/v1/me, /api/v1/me/password and the administrators'
/// /api/v1/users[/{id}]. Passwords are hashed on the CPU pool, between database steps. `tokens`
/// signs the sessions' tokens; ServerApp keeps it alive while requests are served.
void registerRoutes(
        http::HttpContext &context, const Settings &settings, const crypto::TokenService &tokens);

} // namespace influence::server::auth
