// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::analytics {

/// Analytics: /api/v1/analytics/campaigns/{id}, …/overview, …/creators/{id} (JSON, or the main
/// table as CSV for `Accept: text/csv`), …/emv-tables[/{currency}], a post's daily history
/// (/api/v1/posts/{id}/metrics) and a live deliverable's figures typed in
/// (/api/v1/deliverables/{id}/metrics/{day}). The campaign's analytics and the overview keep
/// their answers in up to `cacheBytes` of memory (0: none; see DashboardCache).
void registerRoutes(http::HttpContext &context, qsizetype cacheBytes);

} // namespace influence::server::analytics
