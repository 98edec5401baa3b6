// SPDX-License-Identifier: Apache-2.0
#include "authenticity/Detector.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace influence::authenticity {

namespace {

constexpr int kWindow = 28; // days of history a day is compared with
constexpr int kMinHistory = 10; // fewer increments before a day: not judged
constexpr double kZ = 6.0; // robust z-score that flags a follower increment
constexpr double kMinSize = 0.005; // and its excess must be at least 0.5 % of followers
constexpr double kSpikeZ = 4.0; // robust z-score of a views/engagement spike
constexpr double kSpikeRatio = 1.8; // and at least this multiple of the usual value
constexpr int kChurnDays = 7; // a drop within this many days after a jump is churn
constexpr double kChurnShare = 0.5; // of at least this share of the jump
constexpr double kMadToSigma = 1.4826; // MAD of a normal distribution → standard deviation

double median(std::vector<double> v)
{
    if (v.empty()) {
        return 0.0;
    }
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2 == 1) {
        return *mid;
    }
    return (*mid + *std::max_element(v.begin(), mid)) / 2.0;
}

/// Median and robust standard deviation (1.4826 · MAD) of `v`.
std::pair<double, double> robustCentre(const std::vector<double> &v)
{
    const double m = median(v);
    std::vector<double> dev;
    dev.reserve(v.size());
    for (double x : v) {
        dev.push_back(std::abs(x - m));
    }
    return {m, kMadToSigma * median(std::move(dev))};
}

/// The values of the (up to) kWindow days before t that were not flagged.
std::vector<double> history(
        const std::vector<double> &x, const std::vector<bool> &skip, int t, int first)
{
    std::vector<double> out;
    for (int i = std::max(first, t - kWindow); i < t; ++i) {
        if (!skip[static_cast<std::size_t>(i)]) {
            out.push_back(x[static_cast<std::size_t>(i)]);
        }
    }
    return out;
}

/// True when series x (negative = unknown) spikes on day t: a Hampel outlier upwards that is also
/// kSpikeRatio times its usual level.
bool spikes(const std::vector<double> &x, const std::vector<bool> &unknownOrFlagged, int t)
{
    if (t < 0 || t >= static_cast<int>(x.size()) || x[static_cast<std::size_t>(t)] < 0.0) {
        return false;
    }
    const auto before = history(x, unknownOrFlagged, t, 0);
    if (static_cast<int>(before.size()) < kMinHistory) {
        return false;
    }
    const auto [m, sigma] = robustCentre(before);
    const double value = x[static_cast<std::size_t>(t)];
    return value >= kSpikeRatio * m && value - m > kSpikeZ * std::max(sigma, 1e-9);
}

std::string percent(double size)
{
    char buf[32];
    const double p = size * 100.0;
    const bool whole = p >= 10.0 || std::abs(p - std::round(p)) < 0.05;
    std::snprintf(buf, sizeof buf, whole ? "%.0f %%" : "%.1f %%", p);
    return buf;
}

std::size_t at(int i)
{
    return static_cast<std::size_t>(i);
}

/// The Hampel identifier on the follower increments: per day +1 jump, -1 drop, 0 ordinary, and
/// the excess over the median.
struct Flags
{
    std::vector<int> flag;
    std::vector<double> excess;
};

Flags flagIncrements(std::span<const DayFigures> days)
{
    const int n = static_cast<int>(days.size());
    std::vector<double> inc(at(n), 0.0);
    for (int t = 1; t < n; ++t) {
        inc[at(t)] = static_cast<double>(days[at(t)].followers - days[at(t - 1)].followers);
    }
    Flags out{std::vector<int>(at(n), 0), std::vector<double>(at(n), 0.0)};
    std::vector<bool> skip(at(n), false);
    skip[0] = true;
    for (int t = 1; t < n; ++t) {
        const auto before = history(inc, skip, t, 1);
        if (static_cast<int>(before.size()) < kMinHistory) {
            continue;
        }
        const auto [m, sigma] = robustCentre(before);
        const double base = std::max<double>(1.0, static_cast<double>(days[at(t - 1)].followers));
        const double e = inc[at(t)] - m;
        const double z = e / std::max({sigma, 1e-4 * base, 1.0});
        if (std::abs(z) > kZ && std::abs(e) >= kMinSize * base) {
            out.flag[at(t)] = e > 0 ? 1 : -1;
            skip[at(t)] = true;
            out.excess[at(t)] = e;
        }
    }
    return out;
}

/// Views and engagements (rate × followers); unknown days are skipped.
struct Attention
{
    std::vector<double> views;
    std::vector<double> engagements;
    std::vector<bool> noViews;
    std::vector<bool> noEngagement;

    explicit Attention(std::span<const DayFigures> days)
        : views(days.size(), -1.0)
        , engagements(days.size(), -1.0)
        , noViews(days.size(), true)
        , noEngagement(days.size(), true)
    {
        for (std::size_t t = 0; t < days.size(); ++t) {
            const auto &d = days[t];
            if (d.views >= 0) {
                views[t] = static_cast<double>(d.views);
                noViews[t] = false;
            }
            if (d.engagementRate >= 0.0) {
                engagements[t] = d.engagementRate * static_cast<double>(d.followers);
                noEngagement[t] = false;
            }
        }
    }

    /// A views or engagement spike on any day of [from, to].
    bool spikeBetween(int from, int to) const
    {
        for (int k = from; k <= to; ++k) {
            if (spikes(views, noViews, k) || spikes(engagements, noEngagement, k)) {
                return true;
            }
        }
        return false;
    }
};

} // namespace

const char *kindName(EventKind kind)
{
    switch (kind) {
    case EventKind::FollowerStep: return "follower_step";
    case EventKind::OrganicSpike: return "organic_spike";
    case EventKind::Churn: return "churn";
    }
    return "follower_step";
}

Assessment assess(std::span<const DayFigures> days)
{
    const int n = static_cast<int>(days.size());
    Assessment out;
    if (n < kMinHistory + 2) {
        return out;
    }
    out.judged = true;
    const auto [flag, excess] = flagIncrements(days);
    const Attention attention(days);
    for (int t = 1; t < n; ++t) {
        if (flag[at(t)] != 1) {
            continue;
        }
        int end = t;
        double sum = 0.0;
        while (end < n && flag[at(end)] == 1) {
            sum += excess[at(end++)];
        }
        Event ev;
        ev.day = t;
        ev.lengthDays = end - t;
        ev.size = sum / std::max<double>(1.0, static_cast<double>(days[at(t - 1)].followers));
        // Churn: a drop of at least kChurnShare of the jump within kChurnDays.
        double dropped = 0.0;
        for (int k = end; k < std::min(n, end + kChurnDays); ++k) {
            if (flag[at(k)] == -1) {
                dropped -= excess[at(k)];
            }
        }
        if (dropped >= kChurnShare * sum) {
            ev.kind = EventKind::Churn;
        } else {
            ev.kind = attention.spikeBetween(t - 1, end) ? EventKind::OrganicSpike
                                                         : EventKind::FollowerStep;
        }
        out.events.push_back(ev);
        t = end - 1;
    }

    int total = 0;
    for (const auto &ev : out.events) {
        total += penalty(ev);
    }
    out.score = std::max(0, 100 - total);
    return out;
}

int penalty(const Event &event)
{
    switch (event.kind) {
    case EventKind::FollowerStep:
        return std::min(60, static_cast<int>(std::lround(10.0 + 200.0 * event.size)));
    case EventKind::Churn:
        return std::min(30, static_cast<int>(std::lround(5.0 + 100.0 * event.size)));
    case EventKind::OrganicSpike: return 0;
    }
    return 0;
}

std::string describe(const Event &event, const std::string &date)
{
    const std::string size = percent(event.size);
    const std::string when = event.lengthDays > 1
            ? " over " + std::to_string(event.lengthDays) + " days from " + date
            : " on " + date;
    switch (event.kind) {
    case EventKind::FollowerStep:
        return "followers jumped " + size + when + " without more views or engagement";
    case EventKind::OrganicSpike:
        return "followers jumped " + size + when + " with a views or engagement spike (organic)";
    case EventKind::Churn:
        return "followers jumped " + size + when
                + " and fell back within days (follow/unfollow churn)";
    }
    return {};
}

int aggregateScore(std::span<const std::pair<int, std::int64_t>> scoreAndFollowers)
{
    double weighted = 0.0;
    double weight = 0.0;
    for (const auto &[score, followers] : scoreAndFollowers) {
        const double w = static_cast<double>(std::max<std::int64_t>(0, followers));
        weighted += w * score;
        weight += w;
    }
    if (weight <= 0.0) {
        if (scoreAndFollowers.empty()) {
            return 100;
        }
        int low = 100;
        for (const auto &p : scoreAndFollowers) {
            low = std::min(low, p.first);
        }
        return low;
    }
    return static_cast<int>(std::lround(weighted / weight));
}

} // namespace influence::authenticity
