// SPDX-License-Identifier: Apache-2.0
#include "forecast/Ets.h"

#include "forecast/NelderMead.h"
#include "forecast/SeriesMath.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <random>

namespace influence::forecast {

namespace {

// forecast::ets's default bounds ("both"): lower and upper for alpha, beta, gamma, phi.
constexpr double kLower[4] = {1e-4, 1e-4, 1e-4, 0.8};
constexpr double kUpper[4] = {0.9999, 0.9999, 0.9999, 0.98};
constexpr double kTol = 1e-10;
constexpr double kHuge = 1e10;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// The model's state in the layout l, [b], s_0 … s_{m-1} (s_{m-1} is the season due next). The
/// seasons are a ring (s_j at season[(head + j) mod m]) so a step costs O(1), not a rotation.
struct State
{
    double level = 0.0;
    double growth = 0.0;
    std::vector<double> season;
    std::size_t head = 0;

    [[nodiscard]] double at(std::size_t j) const { return season[(head + j) % season.size()]; }
    [[nodiscard]] double last() const { return at(season.size() - 1); }
    /// Drops s_{m-1}; the others move up one and `value` becomes s_0.
    void push(double value)
    {
        head = (head + season.size() - 1) % season.size();
        season[head] = value;
    }
};

State unpack(std::span<const double> x, EtsSpec spec, int m)
{
    State s;
    s.level = x[0];
    std::size_t i = 1;
    if (hasTrend(spec)) {
        s.growth = x[i++];
    }
    if (hasSeason(spec)) {
        s.season.assign(x.begin() + static_cast<std::ptrdiff_t>(i),
                x.begin() + static_cast<std::ptrdiff_t>(i) + m);
    }
    return s;
}

std::vector<double> pack(const State &s, EtsSpec spec)
{
    std::vector<double> x{s.level};
    if (hasTrend(spec)) {
        x.push_back(s.growth);
    }
    for (std::size_t j = 0; j < s.season.size(); ++j) {
        x.push_back(s.at(j));
    }
    return x;
}

/// forecast()'s one-step-ahead forecast of etscalc.
double oneStep(const State &s, EtsSpec spec, double phi)
{
    double f = s.level;
    if (hasTrend(spec)) {
        f += phi * s.growth;
    }
    if (spec.season == SeasonType::Additive) {
        f += s.last();
    } else if (spec.season == SeasonType::Multiplicative) {
        f *= s.last();
    }
    return f;
}

/// update() of forecast's etscalc.c: the state after observing y (Hyndman et al. 2008, Table 2.3
/// in the error-correction form with R's beta = alpha·beta*).
void update(State &s, EtsSpec spec, const EtsParameters &p, double y)
{
    const double oldLevel = s.level;
    const double phib = hasTrend(spec) ? p.phi * s.growth : 0.0;
    const double q = oldLevel + phib;
    double prev = 0.0;
    double adjusted = y;
    if (spec.season == SeasonType::Additive) {
        prev = s.last();
        adjusted = y - prev;
    } else if (spec.season == SeasonType::Multiplicative) {
        prev = s.last();
        adjusted = std::fabs(prev) < kTol ? kHuge : y / prev;
    }
    s.level = q + p.alpha * (adjusted - q);
    if (hasTrend(spec)) {
        const double r = s.level - oldLevel;
        s.growth = phib + (p.beta / p.alpha) * (r - phib);
    }
    if (hasSeason(spec)) {
        double t = 0.0;
        if (spec.season == SeasonType::Additive) {
            t = y - q;
        } else {
            t = std::fabs(q) < kTol ? kHuge : y / q;
        }
        s.push(prev + p.gamma * (t - prev));
    }
}

/// The seasonal part of one step of a model with season S, from the season due (prev):
/// the forecast f made seasonal, and the observation with the season taken out.
template<SeasonType S>
void withSeason(double prev, double obs, double &f, double &adjusted)
{
    if constexpr (S == SeasonType::Additive) {
        f += prev;
        adjusted = obs - prev;
    } else if constexpr (S == SeasonType::Multiplicative) {
        f *= prev;
        adjusted = std::fabs(prev) < kTol ? kHuge : obs / prev;
    }
}

/// What the new season is smoothed towards: the observation against level + trend (q).
template<SeasonType S>
double seasonTarget(double obs, double q)
{
    if constexpr (S == SeasonType::Additive) {
        return obs - q;
    }
    return std::fabs(q) < kTol ? kHuge : obs / q;
}

/// etscalc() for one model form, the optimiser's inner loop: the same steps as oneStep() and
/// update(), with the model's components fixed at compile time and the state in locals.
template<ErrorType E, TrendType T, SeasonType S>
double runModel(std::span<const double> y, const EtsParameters &p, State &state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    constexpr bool kTrend = T != TrendType::None;
    constexpr bool kSeason = S != SeasonType::None;
    double level = state.level;
    double growth = state.growth;
    double *season = state.season.data();
    const std::size_t m = state.season.size();
    std::size_t head = state.head;
    const double ratio = p.beta / p.alpha;
    double sse = 0.0;
    double logf = 0.0;
    for (const double obs : y) {
        const double phib = kTrend ? p.phi * growth : 0.0;
        const double q = level + phib;
        const std::size_t last = kSeason ? (head == 0 ? m - 1 : head - 1) : 0;
        const double prev = kSeason ? season[last] : 0.0;
        double f = q;
        double adjusted = obs;
        withSeason<S>(prev, obs, f, adjusted);
        const double e = E == ErrorType::Additive ? obs - f : (obs - f) / f;
        if (fitted) {
            fitted->push_back(f);
            residuals->push_back(e);
        }
        const double newLevel = q + p.alpha * (adjusted - q);
        growth = kTrend ? phib + ratio * ((newLevel - level) - phib) : growth;
        level = newLevel;
        if constexpr (kSeason) {
            season[last] = prev + p.gamma * (seasonTarget<S>(obs, q) - prev);
            head = last;
        }
        sse += e * e;
        logf += E == ErrorType::Multiplicative ? std::log(std::fabs(f)) : 0.0;
    }
    state.level = level;
    state.growth = growth;
    state.head = head;
    return static_cast<double>(y.size()) * std::log(sse) + 2 * logf;
}

template<ErrorType E, TrendType T>
double runSeason(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State &state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    switch (spec.season) {
    case SeasonType::None: return runModel<E, T, SeasonType::None>(y, p, state, fitted, residuals);
    case SeasonType::Additive:
        return runModel<E, T, SeasonType::Additive>(y, p, state, fitted, residuals);
    case SeasonType::Multiplicative: break;
    }
    return runModel<E, T, SeasonType::Multiplicative>(y, p, state, fitted, residuals);
}

template<ErrorType E>
double runTrend(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State &state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    // A damped trend differs from an additive one only in phi, which p carries.
    if (spec.trend == TrendType::None) {
        return runSeason<E, TrendType::None>(y, spec, p, state, fitted, residuals);
    }
    return runSeason<E, TrendType::Additive>(y, spec, p, state, fitted, residuals);
}

/// etscalc(): the likelihood, and optionally the fitted values and residuals.
double run(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State &state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    if (spec.error == ErrorType::Additive) {
        return runTrend<ErrorType::Additive>(y, spec, p, state, fitted, residuals);
    }
    return runTrend<ErrorType::Multiplicative>(y, spec, p, state, fitted, residuals);
}

int seasonalPeriod(EtsSpec spec, int m)
{
    return hasSeason(spec) ? m : 1;
}

EtsParameters readParameters(std::span<const double> x, EtsSpec spec)
{
    EtsParameters p;
    std::size_t i = 0;
    p.alpha = x[i++];
    if (hasTrend(spec)) {
        p.beta = x[i++];
    }
    if (hasSeason(spec)) {
        p.gamma = x[i++];
    }
    if (spec.trend == TrendType::Damped) {
        p.phi = x[i++];
    }
    return p;
}

bool withinBounds(const EtsParameters &p, EtsSpec spec, int m)
{
    if (p.alpha < kLower[0] || p.alpha > kUpper[0]) {
        return false;
    }
    if (hasTrend(spec) && (p.beta < kLower[1] || p.beta > p.alpha || p.beta > kUpper[1])) {
        return false;
    }
    if (spec.trend == TrendType::Damped && (p.phi < kLower[3] || p.phi > kUpper[3])) {
        return false;
    }
    if (hasSeason(spec) && (p.gamma < kLower[2] || p.gamma > 1 - p.alpha || p.gamma > kUpper[2])) {
        return false;
    }
    return etsAdmissible(p, spec, m);
}

/// The full initial state from the optimised vector: the last season makes them sum to 0
/// (additive) or m (multiplicative).
/// In place: the optimiser calls this at every step and reuses one State.
void fillInitial(State &s, std::span<const double> x, EtsSpec spec, int m)
{
    s.level = x[0];
    s.growth = hasTrend(spec) ? x[1] : 0.0;
    s.head = 0;
    if (!hasSeason(spec)) {
        return;
    }
    const std::size_t first = hasTrend(spec) ? 2 : 1;
    const auto um = static_cast<std::size_t>(m);
    s.season.resize(um);
    double sum = 0.0;
    for (std::size_t j = 0; j + 1 < um; ++j) {
        s.season[j] = x[first + j];
        sum += s.season[j];
    }
    s.season[um - 1] = (spec.season == SeasonType::Multiplicative ? m : 0) - sum;
}

State initialFrom(std::span<const double> x, EtsSpec spec, int m)
{
    State s;
    fillInitial(s, x, spec, m);
    return s;
}

/// initparam(): the optimiser's starting smoothing parameters. `m` is the data's frequency, as
/// forecast::ets passes it even to non-seasonal models.
std::vector<double> startingParameters(EtsSpec spec, int m)
{
    double alpha = kLower[0] + 0.2 * (kUpper[0] - kLower[0]) / m;
    if (alpha > 1 || alpha < 0) {
        alpha = kLower[0] + 2e-3;
    }
    std::vector<double> par{alpha};
    if (hasTrend(spec)) {
        const double upper = std::min(kUpper[1], alpha);
        double beta = kLower[1] + 0.1 * (upper - kLower[1]);
        if (beta < 0 || beta > alpha) {
            beta = alpha - 1e-3;
        }
        par.push_back(beta);
    }
    if (hasSeason(spec)) {
        const double upper = std::min(kUpper[2], 1 - alpha);
        double gamma = kLower[2] + 0.05 * (upper - kLower[2]);
        if (gamma < 0 || gamma > 1 - alpha) {
            gamma = 1 - alpha - 1e-3;
        }
        par.push_back(gamma);
    }
    if (spec.trend == TrendType::Damped) {
        par.push_back(kLower[3] + 0.99 * (kUpper[3] - kLower[3]));
    }
    return par;
}

} // namespace

std::string EtsSpec::name() const
{
    std::string s = "ETS(";
    s += error == ErrorType::Additive ? "A," : "M,";
    s += trend == TrendType::None ? "N," : trend == TrendType::Additive ? "A," : "Ad,";
    s += season == SeasonType::None ? "N)" : season == SeasonType::Additive ? "A)" : "M)";
    return s;
}

std::optional<EtsSpec> EtsSpec::parse(const std::string &code)
{
    EtsSpec spec;
    std::size_t i = 0;
    auto next = [&]() {
        return i < code.size() ? code[i++] : '\0';
    };
    const char e = next();
    if (e != 'A' && e != 'M') {
        return std::nullopt;
    }
    spec.error = e == 'A' ? ErrorType::Additive : ErrorType::Multiplicative;
    const char t = next();
    if (t == 'N') {
        spec.trend = TrendType::None;
    } else if (t == 'A') {
        spec.trend = TrendType::Additive;
        if (i < code.size() && code[i] == 'd') {
            spec.trend = TrendType::Damped;
            ++i;
        }
    } else {
        return std::nullopt;
    }
    const char s = next();
    if (s != 'N' && s != 'A' && s != 'M') {
        return std::nullopt;
    }
    spec.season = s == 'N' ? SeasonType::None
            : s == 'A'     ? SeasonType::Additive
                           : SeasonType::Multiplicative;
    return i == code.size() ? std::optional(spec) : std::nullopt;
}

bool EtsSpec::linear() const
{
    return error == ErrorType::Additive && season != SeasonType::Multiplicative;
}

std::optional<EtsFit> fitEts(std::span<const double> y, int m, EtsSpec spec)
{
    const int period = seasonalPeriod(spec, m);
    if (hasSeason(spec) && (m < 2 || m > 24 || y.size() <= static_cast<std::size_t>(m))) {
        return std::nullopt;
    }
    if (y.size() < 4) {
        return std::nullopt;
    }
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) {
        return v > 0;
    });
    if ((spec.error == ErrorType::Multiplicative || spec.season == SeasonType::Multiplicative)
            && !positive) {
        return std::nullopt;
    }
    std::vector<double> start = startingParameters(spec, period);
    const std::size_t smoothing = start.size();
    const std::vector<double> init = etsInitialState(y, period, spec);
    start.insert(start.end(), init.begin(), init.end());
    const auto n = static_cast<double>(y.size());
    if (static_cast<double>(start.size()) >= n - 1) {
        return std::nullopt; // not enough data for this model (as etsmodel)
    }
    State scratch;
    auto objective = [&](std::span<const double> x) -> double {
        const EtsParameters p = readParameters(x, spec);
        if (!withinBounds(p, spec, period)) {
            return kInfinity;
        }
        fillInitial(scratch, x.subspan(smoothing), spec, period);
        if (spec.season == SeasonType::Multiplicative
                && *std::min_element(scratch.season.begin(), scratch.season.end()) < 0) {
            return kInfinity;
        }
        const double lik = run(y, spec, p, scratch, nullptr, nullptr);
        if (std::isnan(lik)) {
            return kInfinity;
        }
        return std::max(lik, -1e10); // avoid perfect fits
    };
    const NelderMeadResult best = nelderMead(objective, start);
    if (!std::isfinite(best.value)) {
        return std::nullopt;
    }
    EtsFit fit;
    fit.spec = spec;
    fit.period = period;
    fit.par = readParameters(best.x, spec);
    const State initial = initialFrom(std::span(best.x).subspan(smoothing), spec, period);
    fit.initialState = pack(initial, spec);
    State last = initial;
    fit.likelihood = run(y, spec, fit.par, last, &fit.fitted, &fit.residuals);
    fit.finalState = pack(last, spec);
    fit.parameters = static_cast<int>(best.x.size()) + 1;
    const double k = fit.parameters;
    fit.aic = fit.likelihood + 2 * k;
    fit.bic = fit.likelihood + std::log(n) * k;
    fit.aicc = n - k - 1 > 0 ? fit.aic + 2 * k * (k + 1) / (n - k - 1) : kInfinity;
    double sse = 0.0;
    double squared = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        sse += fit.residuals[t] * fit.residuals[t];
        squared += (y[t] - fit.fitted[t]) * (y[t] - fit.fitted[t]);
    }
    fit.sigma2 = sse / (n - static_cast<double>(best.x.size()));
    fit.mse = squared / n;
    return fit;
}

std::vector<double> etsPointForecast(const EtsFit &fit, int h)
{
    State s = unpack(fit.finalState, fit.spec, fit.period);
    std::vector<double> f;
    f.reserve(static_cast<std::size_t>(h));
    double phistar = fit.par.phi;
    for (int i = 0; i < h; ++i) {
        double v = s.level;
        if (hasTrend(fit.spec)) {
            v += phistar * s.growth;
        }
        if (hasSeason(fit.spec)) {
            const int m = fit.period;
            const auto j = static_cast<std::size_t>(((m - 1 - i) % m + m) % m);
            v = fit.spec.season == SeasonType::Additive ? v + s.at(j) : v * s.at(j);
        }
        f.push_back(v);
        phistar += fit.spec.trend == TrendType::Damped ? std::pow(fit.par.phi, i + 2) : 1.0;
    }
    return f;
}

std::vector<double> etsLinearVariance(const EtsFit &fit, int h)
{
    // v = F^{j-1} g, propagated: F moves l += φb, b = φb, and rotates the seasons.
    State v;
    v.level = fit.par.alpha;
    v.growth = hasTrend(fit.spec) ? fit.par.beta : 0.0;
    const double phi = fit.spec.trend == TrendType::Damped ? fit.par.phi : 1.0;
    if (hasSeason(fit.spec)) {
        v.season.assign(static_cast<std::size_t>(fit.period), 0.0);
        v.season.front() = fit.par.gamma;
    }
    std::vector<double> variance;
    double sum = 0.0;
    for (int step = 1; step <= h; ++step) {
        variance.push_back(fit.sigma2 * (1 + sum));
        const double c = v.level + (hasTrend(fit.spec) ? phi * v.growth : 0.0)
                + (hasSeason(fit.spec) ? v.last() : 0.0);
        sum += c * c;
        State next = v;
        next.level = v.level + (hasTrend(fit.spec) ? phi * v.growth : 0.0);
        next.growth = phi * v.growth;
        if (hasSeason(fit.spec)) {
            next.push(v.last());
        }
        v = std::move(next);
    }
    return variance;
}

std::vector<std::vector<double>> etsSimulate(
        const EtsFit &fit, int h, int paths, unsigned long long seed)
{
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> noise(0.0, std::sqrt(std::max(fit.sigma2, 0.0)));
    const State start = unpack(fit.finalState, fit.spec, fit.period);
    std::vector<std::vector<double>> out(static_cast<std::size_t>(paths));
    for (auto &path : out) {
        State s = start;
        path.reserve(static_cast<std::size_t>(h));
        for (int i = 0; i < h; ++i) {
            const double f = oneStep(s, fit.spec, fit.par.phi);
            const double e = noise(engine);
            const double y = fit.spec.error == ErrorType::Additive ? f + e : f * (1 + e);
            path.push_back(y);
            update(s, fit.spec, fit.par, y);
        }
    }
    return out;
}

} // namespace influence::forecast
