// SPDX-License-Identifier: Apache-2.0
// forecast::ets's initial states (initstate) for the optimiser to start from.
#include "forecast/Ets.h"
#include "forecast/SeriesMath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace influence::forecast {

namespace {

/// initstate()'s seasonal component for n < 3m: a simple Fourier regression,
/// y ~ 1 + t + sin(2πt/m) + cos(2πt/m), t = 1…n, and the series against its linear part.
std::vector<double> fourierSeasonal(std::span<const double> y, int m, bool mult)
{
    const std::size_t n = y.size();
    std::vector<std::vector<double>> x(2, std::vector<double>(n, 1.0));
    std::vector<double> sine(n);
    std::vector<double> cosine(n);
    for (std::size_t t = 0; t < n; ++t) {
        x[1][t] = static_cast<double>(t + 1);
        const double angle = 2 * std::numbers::pi * static_cast<double>(t + 1) / m;
        sine[t] = std::sin(angle);
        cosine[t] = std::cos(angle);
    }
    if (m > 2) {
        x.push_back(sine); // sin(πt) is 0 for m = 2: R's fourier() leaves it out
    }
    x.push_back(cosine);
    const std::vector<double> beta = leastSquares(x, y);
    const double b0 = beta.empty() ? 0.0 : beta[0];
    const double b1 = beta.empty() ? 0.0 : beta[1];
    std::vector<double> seasonal(n);
    for (std::size_t t = 0; t < n; ++t) {
        const double trend = b0 + b1 * static_cast<double>(t + 1);
        seasonal[t] = mult ? y[t] / trend : y[t] - trend;
    }
    return seasonal;
}

/// rev(seasonal[2:m]): s_0 is the season of t = m, s_{m-2} that of t = 2; multiplicative ones
/// at least 0.01 and scaled down when they sum past m.
std::vector<double> seasonSeeds(const std::vector<double> &seasonal, int m, bool mult)
{
    std::vector<double> seeds;
    for (int j = m; j >= 2; --j) {
        seeds.push_back(seasonal[static_cast<std::size_t>(j - 1)]);
    }
    if (!mult) {
        return seeds;
    }
    double sum = 0.0;
    for (double &s : seeds) {
        s = std::max(s, 1e-2);
        sum += s;
    }
    if (sum > m) {
        for (double &s : seeds) {
            s /= sum + 1e-2 * static_cast<double>(seeds.size());
        }
    }
    return seeds;
}

} // namespace

std::vector<double> etsInitialState(std::span<const double> y, int m, EtsSpec spec)
{
    const std::size_t n = y.size();
    std::vector<double> adjusted(y.begin(), y.end());
    std::vector<double> seeds;
    std::size_t period = 1;
    if (hasSeason(spec)) {
        period = static_cast<std::size_t>(m);
        const bool mult = spec.season == SeasonType::Multiplicative;
        const std::vector<double> seasonal =
                n < 3 * period ? fourierSeasonal(y, m, mult) : classicalSeasonal(y, m, mult);
        seeds = seasonSeeds(seasonal, m, mult);
        for (std::size_t t = 0; t < n; ++t) {
            adjusted[t] = mult ? y[t] / std::max(seasonal[t], 1e-2) : y[t] - seasonal[t];
        }
    }
    const std::size_t maxn = std::min(std::max<std::size_t>(10, 2 * period), n);
    const std::span<const double> head(adjusted.data(), maxn);
    std::vector<double> state;
    if (!hasTrend(spec)) {
        double mean = 0.0;
        for (const double v : head) {
            mean += v;
        }
        state.push_back(mean / static_cast<double>(maxn));
    } else {
        // lsfit(1:maxn, y): the level is the intercept at t = 0.
        const Line line = fitLine(head);
        double l0 = line.intercept - line.slope;
        double b0 = line.slope;
        if (std::fabs(l0 + b0) < 1e-8) {
            l0 *= 1 + 1e-3;
            b0 *= 1 - 1e-3;
        }
        state.push_back(l0);
        state.push_back(b0);
    }
    state.insert(state.end(), seeds.begin(), seeds.end());
    return state;
}

} // namespace influence::forecast
