// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/AuthSettings.h"

namespace influence::server::crypto {
class TokenService;
}
namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::oidc {

class OidcService;

/// GET /api/v1/auth/oidc/providers, /api/v1/auth/oidc/{provider}/start and
/// /api/v1/auth/oidc/{provider}/callback (the authorization code flow with PKCE, OpenID Connect
/// Core §3.1), and a native app's POST /api/v1/auth/oidc/token. A sign-in opens a session under
/// auth's `settings` (its lifetimes, its per-address limit, its front end), signed by `tokens`.
/// `service` is the configured providers' client, null when there is none (the list is empty
/// and every provider is unknown: 404). ServerApp keeps both alive while requests are served.
void registerRoutes(http::HttpContext &context, const auth::Settings &settings,
        const crypto::TokenService &tokens, OidcService *service);

} // namespace influence::server::oidc
