// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::campaigns {

/// /api/v1/campaigns[/{id}[/launch|pause|resume|complete|cancel]]: briefs, budgets and
/// targeting, made and run by their brand's side, browsed by creators. Signed-in users only;
/// another brand's private campaign answers 404.
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::campaigns
