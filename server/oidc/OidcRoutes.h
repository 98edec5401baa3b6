// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/Sessions.h"

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::oidc {

class OidcService;

/// What OpenID Connect sign-in needs.
struct Settings
{
    /// The configured providers' client, made by ServerApp, which keeps it alive while requests
    /// are served; null when no provider is configured (the list is empty and every provider is
    /// unknown: 404).
    OidcService *service = nullptr;
    /// To open a session for whoever signed in.
    auth::SessionSettings sessions;
    /// Requests a minute from one address to start, callback and token together.
    int rateLimitPerMinute = 30;
};

/// GET /api/v1/auth/oidc/providers, /api/v1/auth/oidc/{provider}/start and
/// /api/v1/auth/oidc/{provider}/callback (the authorization code flow with PKCE, OpenID Connect
/// Core §3.1), and a native app's POST /api/v1/auth/oidc/token.
void registerRoutes(http::HttpContext &context, const Settings &settings);

} // namespace influence::server::oidc
