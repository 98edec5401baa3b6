// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}
namespace influence::server::auth {
class Authenticator;
}

namespace influence::server::collab {

/// Routes for collaboration: /api/v1/campaigns[…], /api/v1/deals[…], /api/v1/deliverables[…],
/// /api/v1/notifications[…] and /api/v1/brands/{id}/members[…]. Every route is for signed-in
/// users; another party's campaign, deal or deliverable answers 404.
void registerRoutes(http::HttpContext &context, const auth::Authenticator &authenticator);

} // namespace influence::server::collab
