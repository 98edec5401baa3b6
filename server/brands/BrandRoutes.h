// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::brands {

/// /api/v1/brands/{id}/members[/{userId}]: the staff who act for a brand. (A brand's profile,
/// /api/v1/brands/{id}, is the profiles domain's.)
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::brands
