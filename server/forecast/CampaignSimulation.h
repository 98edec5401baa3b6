// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace influence::server::forecast {

/// The figures of one post (or what one deliverable will have): views, engagements, reach.
using PostFigures = std::array<double, 3>;

/// How each simulation draws a deliverable from its creator's past posts.
enum class Bootstrap {
    /// Every deliverable draws one past post, independently of the creator's others.
    OneStage,
    /// Each simulation first resamples the creator's past posts (their level), then every
    /// deliverable of that creator draws from the resample (Davison & Hinkley 1997, ch. 3.8).
    TwoStage,
    /// Two stages, and every post drawn at either stage smoothed: its figures multiplied by a
    /// log-normal factor of mean 1 whose spread is Silverman's bandwidth of the history's log
    /// views (the smoothed bootstrap, Silverman & Young 1987). What the product uses.
    SmoothedTwoStage,
};

/// Silverman's rule-of-thumb bandwidth (Silverman 1986, eq. 3.31; R's bw.nrd0) of the log views
/// of the posts with views: 0.9 min(sd, IQR / 1.34) n^(-1/5), sd when the IQR is 0; 0 for fewer
/// than two such posts or when they all have the same views.
double logViewsBandwidth(const std::vector<PostFigures> &history);

/// One deliverable not yet measured, to be drawn from its creator's past posts.
struct PendingDeliverable
{
    /// Index into SimulationInput::offerFees for a proposed deliverable; nothing when accepted.
    std::optional<std::size_t> offer;
    /// The creator's past posts it draws from (never empty). Deliverables sharing the same
    /// history share the creator's level in a two-stage bootstrap.
    const std::vector<PostFigures> *history = nullptr;
};

struct SimulationInput
{
    PostFigures achieved{}; ///< measured so far: every total starts here
    double acceptedCost = 0; ///< fees of the accepted deals (minor units)
    std::vector<PendingDeliverable> deliverables;
    std::vector<double> offerFees; ///< per open offer: its fee (minor units)
    double acceptance = 1.0; ///< the chance that an open offer is accepted
};

/// The draws of one simulation: each figure's totals and the cost, one entry per draw.
struct Draws
{
    std::array<std::vector<double>, 3> totals;
    std::vector<double> cost;
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

/// The bootstrap of the totals (see CampaignForecast.cpp): `simulations` draws, seeded. Without
/// `withProposed` the proposed deliverables are left out; with it, each open offer is accepted
/// in a draw with probability `input.acceptance`, all its deliverables and its fee together.
Draws simulateDraws(const SimulationInput &input, bool withProposed, int simulations,
        std::uint64_t seed, Bootstrap method);

/// The mean and percentiles of the draws' totals.
TotalForecast summarize(const Draws &draws);

} // namespace influence::server::forecast
