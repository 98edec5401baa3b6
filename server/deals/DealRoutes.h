// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::deals {

/// Deals and their deliverables: /api/v1/campaigns/{id}/invitations and …/applications (a deal
/// starts), /api/v1/deals[…] (offers, the state machine, messages, the timeline) and
/// /api/v1/deliverables[…] (drafts, reviews, the live post). Signed-in users only; a deal the
/// caller is no party to answers 404.
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::deals
