// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/RouteTable.h"

#include <array>
#include <cstdint>
#include <vector>

namespace influence::server::forecast {

/// GET /api/v1/campaigns/{id}/forecast: the expected views, engagements and reach of the
/// campaign's accepted and proposed deliverables, with 80 % and 95 % intervals. The campaign's
/// read rules decide who sees it (404 otherwise); its brand side sees every creator's
/// deliverables, a creator only their own.
http::Prepare campaignForecastRoute();

/// The figures of one post (or what one deliverable will have): views, engagements, reach.
using PostFigures = std::array<double, 3>;

/// One deliverable to be forecast: its measured figures if it has them, else the creator's past
/// posts to draw from (empty: no history, left out of the totals).
struct PendingDeliverable
{
    bool proposed = false;
    bool measured = false;
    PostFigures figures{}; // when measured
    const std::vector<PostFigures> *history = nullptr;
};

/// mean and the 10/90 and 2.5/97.5 percentiles of each figure's total.
struct TotalForecast
{
    std::array<double, 3> mean{};
    std::array<double, 3> lo80{};
    std::array<double, 3> hi80{};
    std::array<double, 3> lo95{};
    std::array<double, 3> hi95{};
};

/// The bootstrap of the totals (see CampaignForecast.cpp): `simulations` draws, seeded.
TotalForecast simulateTotals(const std::vector<PendingDeliverable> &deliverables, bool withProposed,
        int simulations, std::uint64_t seed);

} // namespace influence::server::forecast
