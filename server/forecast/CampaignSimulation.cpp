// SPDX-License-Identifier: Apache-2.0
// The campaign forecast's simulation: the bootstrap of a campaign's totals from its creators'
// past posts (CampaignForecast.cpp reads the data and answers the route). No database or HTTP
// here; tst_campaign_forecast_coverage measures the intervals it gives on simulated creators.
//
// Two stages (Davison & Hinkley, "Bootstrap Methods and their Application", CUP 1997, ch. 3.8,
// resampling hierarchical data): a creator's deliverables are not independent of each other —
// they share the creator's level, which a handful of past posts pins down only roughly. Each
// simulation therefore first resamples the creator's past posts with replacement (a level the
// creator might really have) and then draws each deliverable from that resample. Drawing each
// deliverable straight from the past posts (one stage) ignores the uncertainty of the level and
// gives intervals that are too narrow as soon as a creator has several deliverables:
// tst_campaign_forecast_coverage measures both on simulated creators.
//
// Smoothed (Silverman & Young, "The bootstrap: to smooth or not to smooth?", Biometrika 74,
// 1987; Davison & Hinkley 1997, ch. 3.4): a handful of past posts rarely holds the tails of a
// creator's skewed distribution, and resampling them can never draw a post larger than the
// largest seen. Every post drawn, at either stage, is therefore multiplied by a log-normal
// factor exp(h z - h^2 / 2) (mean 1, so the expectation stays put), h being Silverman's
// bandwidth of the history's log views, one factor per post for its views, engagements and
// reach alike (a post that does well does well on all three; zero stays zero). On the simulated
// creators the 80 % interval covers 70-85 % where the unsmoothed one covered 58-79 %.
#include "CampaignSimulation.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace influence::server::forecast {

namespace {

/// The percentile `p` (0…1) of sorted `values`, linearly interpolated (R's type 7).
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty()) {
        return 0.0;
    }
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

} // namespace

double logViewsBandwidth(const std::vector<PostFigures> &history)
{
    std::vector<double> logs;
    for (const PostFigures &post : history) {
        if (post[0] > 0) {
            logs.push_back(std::log(post[0]));
        }
    }
    std::sort(logs.begin(), logs.end());
    if (logs.size() < 2 || logs.front() == logs.back()) {
        return 0.0;
    }
    const auto n = static_cast<double>(logs.size());
    double mean = 0.0;
    for (const double v : logs) {
        mean += v / n;
    }
    double squares = 0.0;
    for (const double v : logs) {
        squares += (v - mean) * (v - mean);
    }
    const double sd = std::sqrt(squares / (n - 1.0));
    const double iqr = (percentile(logs, 0.75) - percentile(logs, 0.25)) / 1.34;
    const double spread = iqr > 0 ? std::min(sd, iqr) : sd;
    return 0.9 * spread * std::pow(n, -0.2);
}

namespace {

using Histories = std::vector<const std::vector<PostFigures> *>;

/// Standard normal draws by inverse transform sampling from a table: the normal quantiles of
/// the midpoints of 16 384 equal-probability cells (128 KB, kept in cache), so that a draw
/// costs one random number and a lookup instead of std::normal_distribution's two, a logarithm
/// and a square root. A forecast draws two per deliverable per simulation: 50 creators with 3
/// deliverables each took 244 ms with std::normal_distribution and take 128 ms with the table
/// (the unsmoothed two stages: 57 ms; -O2, this machine). Tails beyond ±4 σ are cut off, which
/// smoothing noise does not miss.
class NormalTable
{
public:
    static constexpr int kBits = 14;

    NormalTable()
    {
        // Newton's method on Φ(x) = p, each cell started from the previous one's quantile.
        const auto phi = [](double x) {
            return 0.5 * std::erfc(-x / std::sqrt(2.0));
        };
        const double density = 1.0 / std::sqrt(2.0 * 3.141592653589793);
        double x = -4.0;
        for (std::size_t i = 0; i < m_quantiles.size(); ++i) {
            const double p = (static_cast<double>(i) + 0.5) / static_cast<double>(kCells);
            for (int step = 0; step < 50; ++step) {
                const double next = x - (phi(x) - p) / (density * std::exp(-x * x / 2.0));
                const bool done = std::abs(next - x) < 1e-12;
                x = next;
                if (done) {
                    break;
                }
            }
            m_quantiles.at(i) = x;
        }
    }
    double operator()(std::mt19937_64 &random) const
    {
        return m_quantiles[random() >> (64 - kBits)];
    }

private:
    static constexpr std::size_t kCells = std::size_t{1} << kBits;
    std::array<double, kCells> m_quantiles{};
};

const NormalTable &normalTable()
{
    static const NormalTable table;
    return table;
}

/// The log of one drawn post's smoothing factor exp(h z - h^2 / 2) (of mean 1), h z - h^2 / 2;
/// 0 without smoothing.
double logSmoothing(double bandwidth, std::mt19937_64 &random)
{
    return bandwidth > 0 ? bandwidth * normalTable()(random) - bandwidth * bandwidth / 2.0 : 0.0;
}

/// One entry of a creator's resampled past posts (stage one): which post, and the log of its
/// smoothing factor.
struct LevelEntry
{
    std::size_t post = 0;
    double logFactor = 0.0;
    std::size_t drawnIn = 0; ///< the simulation (from 1) that drew it; 0: none yet
};

struct DrawState
{
    std::vector<std::size_t> historyOf; ///< per deliverable, its index in the histories
    std::vector<double> bandwidth; ///< per history, its smoothing bandwidth (0: none)
    std::vector<std::vector<LevelEntry>> resampled; ///< per history, this draw's resample
    std::vector<char> offerAccepted; ///< per open offer, whether this draw accepts it
    std::size_t simulation = 0; ///< the current simulation, from 1
};

/// Entry `i` of history `h`'s resample in this simulation (stage one of a two-stage draw: the
/// creator's level, as a resample of their past posts, each smoothed when the history has a
/// bandwidth). Drawn when stage two first picks it: a resample's entries are independent and
/// only those picked matter, so this is the same distribution as resampling all of them, for
/// a handful of draws per creator instead of up to kHistoryPosts.
const LevelEntry &levelEntry(std::size_t h, std::size_t i, const Histories &histories,
        DrawState &state, std::mt19937_64 &random)
{
    LevelEntry &entry = state.resampled[h][i];
    if (entry.drawnIn != state.simulation) {
        std::uniform_int_distribution<std::size_t> pick(0, histories[h]->size() - 1);
        entry.post = pick(random);
        entry.logFactor = logSmoothing(state.bandwidth[h], random);
        entry.drawnIn = state.simulation;
    }
    return entry;
}

/// Which open offers this draw accepts; answers the draw's cost.
double drawOffers(const SimulationInput &input, bool withProposed, std::vector<char> &accepted,
        std::bernoulli_distribution &accepts, std::mt19937_64 &random)
{
    double cost = input.acceptedCost;
    if (withProposed) {
        for (std::size_t o = 0; o < accepted.size(); ++o) {
            accepted[o] = accepts(random) ? 1 : 0;
            cost += accepted[o] != 0 ? input.offerFees[o] : 0.0;
        }
    }
    return cost;
}

/// Stage two (or the only stage): one post of its creator for every deliverable in play.
PostFigures drawDeliverables(const SimulationInput &input, bool withProposed,
        const Histories &histories, DrawState &state, Bootstrap method, std::mt19937_64 &random)
{
    PostFigures sum = input.achieved;
    for (std::size_t i = 0; i < input.deliverables.size(); ++i) {
        const PendingDeliverable &d = input.deliverables[i];
        if (d.offer && (!withProposed || state.offerAccepted.at(*d.offer) == 0)) {
            continue;
        }
        std::uniform_int_distribution<std::size_t> pick(0, d.history->size() - 1);
        std::size_t index = pick(random);
        double factor = 1.0;
        if (method != Bootstrap::OneStage) {
            const std::size_t h = state.historyOf[i];
            const LevelEntry &entry = levelEntry(h, index, histories, state, random);
            index = entry.post;
            // Both stages' factors at once: one exp per draw.
            const double logFactor = entry.logFactor + logSmoothing(state.bandwidth[h], random);
            factor = logFactor != 0.0 ? std::exp(logFactor) : 1.0;
        }
        const PostFigures &figures = (*d.history)[index];
        for (std::size_t f = 0; f < sum.size(); ++f) {
            sum.at(f) += figures.at(f) * factor;
        }
    }
    return sum;
}

} // namespace

Draws simulateDraws(const SimulationInput &input, bool withProposed, int simulations,
        std::uint64_t seed, Bootstrap method)
{
    std::mt19937_64 random(seed);
    Draws draws;
    const auto n = static_cast<std::size_t>(std::max(simulations, 0));
    for (auto &figure : draws.totals) {
        figure.reserve(n);
    }
    draws.cost.reserve(n);
    // The histories in play, each once: a two-stage draw resamples each per simulation.
    Histories histories;
    DrawState state;
    for (const PendingDeliverable &d : input.deliverables) {
        const auto known = std::find(histories.begin(), histories.end(), d.history);
        state.historyOf.push_back(static_cast<std::size_t>(known - histories.begin()));
        if (known == histories.end()) {
            histories.push_back(d.history);
        }
    }
    for (const auto *history : histories) {
        state.resampled.emplace_back(history->size());
        state.bandwidth.push_back(
                method == Bootstrap::SmoothedTwoStage ? logViewsBandwidth(*history) : 0.0);
    }
    state.offerAccepted.assign(input.offerFees.size(), 0);
    std::bernoulli_distribution accepts(std::clamp(input.acceptance, 0.0, 1.0));
    for (std::size_t s = 0; s < n; ++s) {
        state.simulation = s + 1;
        const double cost = drawOffers(input, withProposed, state.offerAccepted, accepts, random);
        const PostFigures sum =
                drawDeliverables(input, withProposed, histories, state, method, random);
        for (std::size_t f = 0; f < sum.size(); ++f) {
            draws.totals.at(f).push_back(sum.at(f));
        }
        draws.cost.push_back(cost);
    }
    return draws;
}

TotalForecast summarize(const Draws &draws)
{
    TotalForecast forecast;
    for (std::size_t f = 0; f < draws.totals.size(); ++f) {
        std::vector<double> values = draws.totals.at(f);
        std::sort(values.begin(), values.end());
        double mean = 0.0;
        for (const double v : values) {
            mean += v;
        }
        forecast.mean.at(f) = values.empty() ? 0.0 : mean / static_cast<double>(values.size());
        forecast.lo80.at(f) = percentile(values, 0.10);
        forecast.hi80.at(f) = percentile(values, 0.90);
        forecast.lo95.at(f) = percentile(values, 0.025);
        forecast.hi95.at(f) = percentile(values, 0.975);
    }
    return forecast;
}

} // namespace influence::server::forecast
