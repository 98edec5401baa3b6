// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/RouteTable.h"

namespace influence::server::forecast {

/// GET /api/v1/campaigns/{id}/forecast: what the campaign has achieved so far plus the expected
/// views, engagements and reach of its accepted deliverables not yet measured, and of those and
/// the proposed ones weighted by the chance that an offer is accepted, with 80 % and 95 %
/// intervals and the chance of reaching each of the campaign's targets. The campaign's read
/// rules decide who sees it (404 otherwise); its brand side sees every creator's deliverables
/// and the targets, a creator only their own deliverables and no targets.
http::Prepare campaignForecastRoute();

} // namespace influence::server::forecast
