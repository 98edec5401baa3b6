// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::auth {
class AuthModule;
}
namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::oidc {

class OidcService;

/// GET /api/v1/auth/oidc/providers, /api/v1/auth/oidc/{provider}/start and
/// /api/v1/auth/oidc/{provider}/callback. Without a service (no provider configured) the list is
/// empty and every provider is unknown (404). Registered by AuthModule.
void registerRoutes(http::HttpContext &context, OidcService *service, const auth::AuthModule &auth);

} // namespace influence::server::oidc
