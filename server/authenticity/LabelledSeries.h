// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authenticity/Detector.h"

#include <cstdint>
#include <vector>

/// Labelled demo series for the authenticity detector: daily follower, views and engagement
/// figures shaped like the seeder's histories (yearly growth, ±0.1 % daily noise, weekend views)
/// with planted events whose day, size and kind are returned beside the series, so that the
/// detector's precision and recall can be measured (tests/unit/tst_authenticity.cpp).
namespace influence::authenticity {

/// The planted step sizes (fractions of followers): bought-follower steps and organic spikes of
/// each size are planted in turn.
inline constexpr double kPlantedSizes[] = {0.01, 0.02, 0.05, 0.10, 0.25};

struct PlantedEvent
{
    int day = 0;
    double size = 0.0;
    EventKind kind = EventKind::FollowerStep;
};

struct LabelledAccount
{
    std::vector<DayFigures> days; ///< oldest first
    std::vector<PlantedEvent> planted;
};

/// Account `index` of the labelled set for `seed`: `days` days long, with one bought-follower
/// step (a one-day step, or every third a two-day ramp) and one organic spike (followers matched
/// by a views burst of at least 3×), both of size kPlantedSizes[index % 5], and for every fourth
/// account a follow/unfollow churn (a jump of 3–10 % given back 2–5 days later). Deterministic.
LabelledAccount labelledAccount(std::uint64_t seed, int index, int days = 365);

} // namespace influence::authenticity
