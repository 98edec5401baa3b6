// SPDX-License-Identifier: Apache-2.0
#include "authenticity/LabelledSeries.h"

#include <cmath>
#include <random>

namespace influence::authenticity {

namespace {

/// Uniform [0, 1) from the engine's bits (std:: distributions differ between libraries).
class Uniform
{
public:
    explicit Uniform(std::uint64_t seed)
        : m_engine(seed)
    { }
    double operator()() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    int below(int n) { return static_cast<int>((*this)() * n); }

private:
    std::mt19937_64 m_engine;
};

} // namespace

LabelledAccount labelledAccount(std::uint64_t seed, int index, int days)
{
    Uniform u(seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index));
    const double size = kPlantedSizes[index % 5];
    const double start = std::exp(std::log(2e3) + u() * (std::log(2e6) - std::log(2e3)));
    const double growth = (0.05 + 0.6 * u()) / 365.0;
    const double viewShare = 0.03 + 0.25 * u();
    const double rate = 0.005 + 0.08 * u() * u();

    // Days of the planted events, at least 25 days apart and clear of the series' ends.
    LabelledAccount out;
    const int stepDay = 40 + u.below(days / 2 - 50);
    const int organicDay = stepDay + 25 + u.below(days / 2 - 40);
    const bool ramp = index % 3 == 2;
    out.planted.push_back({stepDay, size, EventKind::FollowerStep});
    out.planted.push_back({organicDay, size, EventKind::OrganicSpike});
    int churnDay = -1;
    int churnBack = 0;
    double churnSize = 0.0;
    if (index % 4 == 3) {
        churnDay = std::min(days - 10, organicDay + 20 + u.below(20));
        churnBack = 2 + u.below(4);
        churnSize = 0.03 + 0.07 * u();
        out.planted.push_back({churnDay, churnSize, EventKind::Churn});
    }
    // Organic: the jump comes with at least 3× the account's typical views that day.
    const double burst = 3.0 + 40.0 * size * (0.5 + u());

    double level = start;
    double bought = 0.0; // followers added by planted steps, carried forward
    out.days.reserve(static_cast<std::size_t>(days));
    for (int t = 0; t < days; ++t) {
        level *= std::exp(growth);
        double views = level * viewShare * (0.6 + 0.8 * u()) * (t % 7 >= 5 ? 1.25 : 1.0);
        if (t == stepDay) {
            bought += level * size * (ramp ? 0.5 : 1.0);
        }
        if (ramp && t == stepDay + 1) {
            bought += level * size * 0.5;
        }
        if (t == organicDay) {
            views += level * viewShare * (burst - 1.0);
            level *= 1.0 + size;
        }
        double churn = 0.0;
        if (churnDay >= 0 && t >= churnDay && t < churnDay + churnBack) {
            churn = level * churnSize;
        }
        const double followers = (level + bought + churn) * (1.0 + 0.002 * (u() - 0.5));
        DayFigures d;
        d.followers = std::llround(followers);
        d.views = std::llround(views);
        // Engagements follow the real audience: bought followers add none, so the rate dips.
        d.engagementRate = rate * (0.8 + 0.4 * u()) * level / std::max(1.0, followers);
        out.days.push_back(d);
    }
    return out;
}

} // namespace influence::authenticity
