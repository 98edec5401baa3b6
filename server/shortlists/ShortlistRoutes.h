// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::shortlists {

/// Shortlists: /api/v1/shortlists (list, create), /api/v1/shortlists/{id} (read, rename,
/// delete), its members (list, add or edit a note, remove), its CSV export and inviting the
/// whole list to a campaign.
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::shortlists
