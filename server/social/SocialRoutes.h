// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}
namespace influence::server::http {
class Authenticator;
}

namespace influence::server::social {

class SocialService;

/// GET /api/v1/connected-accounts/{platform}/connect and …/callback. `service` may be null (no
/// platform configured): every platform then answers 404.
void registerRoutes(http::HttpContext &context, SocialService *service,
        const http::Authenticator &authenticator);

} // namespace influence::server::social
