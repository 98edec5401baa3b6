// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::social {

class SocialService;

/// GET /api/v1/connected-accounts/{platform}/connect (signed-in creators) and …/callback
/// (public: the platform sends the browser back without our token). `service` may be null (no
/// platform configured): every platform then answers 404.
void registerRoutes(http::HttpContext &context, SocialService *service);

} // namespace influence::server::social
