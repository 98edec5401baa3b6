// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::analytics {

/// Analytics: /api/v1/analytics/campaigns/{id}, …/overview, …/creators/{id} (JSON, or the main
/// table as CSV for `Accept: text/csv`), …/emv-tables[/{currency}], a post's daily history
/// (/api/v1/posts/{id}/metrics) and a live deliverable's figures typed in
/// (/api/v1/deliverables/{id}/metrics/{day}).
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::analytics
