// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

/// Follower-anomaly detection for one account: plain C++20 (no Qt, no I/O), so the server, the
/// unit test over generated data and any bench use exactly the same code.
///
/// Method: a Hampel identifier (Hampel 1974, "The influence curve and its role in robust
/// estimation", JASA 69; as a filter: Pearson 2002, "Outliers in process modeling and
/// identification", IEEE TCST 10) on the daily follower increments. Each day's increment is
/// compared with the median of the increments of the kWindow days before it; a robust z-score
/// (increment − median) / (1.4826 · MAD) above kZ, with the excess also at least kMinSize of the
/// followers, flags the day. Consecutive flagged days form one event (a step or a short ramp).
/// The same identifier on the daily views (and engagements = rate × followers) tells whether the
/// jump came with attention: a follower jump with a views or engagement spike within ±1 day is
/// an organic spike; one without is a follower step, the bought-follower signature; a jump
/// followed within kChurnDays by a drop of at least half its size is churn (follow/unfollow).
namespace influence::authenticity {

/// One day of an account's figures, oldest first, one entry per consecutive day. Negative views
/// or engagement rate mean "not known" (then only the followers are judged).
struct DayFigures
{
    std::int64_t followers = 0;
    std::int64_t views = -1;
    double engagementRate = -1.0;
};

enum class EventKind { FollowerStep, OrganicSpike, Churn };

/// The wire name: follower_step, organic_spike, churn.
const char *kindName(EventKind kind);

struct Event
{
    int day = 0; ///< index into the series of the event's first day
    int lengthDays = 1; ///< 1 for a step, more for a ramp
    double size = 0.0; ///< the excess followers as a fraction of the followers before
    EventKind kind = EventKind::FollowerStep;
};

struct Assessment
{
    std::vector<Event> events; ///< oldest first
    int score = 100; ///< 0–100, 100 = nothing suspicious
    bool judged = false; ///< false: too short a history to judge (the score means nothing)
};

/// Detects the events of one account's daily series and scores it.
Assessment assess(std::span<const DayFigures> days);

/// The score's penalty for one event (0 for organic spikes).
int penalty(const Event &event);

/// A plain-words reason for one event; `date` is its first day as YYYY-MM-DD.
std::string describe(const Event &event, const std::string &date);

/// Follower-weighted mean of account scores (a creator's aggregate); 100 with no followers.
int aggregateScore(std::span<const std::pair<int, std::int64_t>> scoreAndFollowers);

} // namespace influence::authenticity
