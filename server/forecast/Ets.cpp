// SPDX-License-Identifier: Apache-2.0
#include "forecast/Ets.h"

#include "forecast/NelderMead.h"
#include "forecast/SeriesMath.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>
#include <random>

namespace influence::forecast {

namespace {

// forecast::ets's default bounds ("both"): lower and upper for alpha, beta, gamma, phi.
constexpr double kLower[4] = {1e-4, 1e-4, 1e-4, 0.8};
constexpr double kUpper[4] = {0.9999, 0.9999, 0.9999, 0.98};
constexpr double kTol = 1e-10;
constexpr double kHuge = 1e10;

bool hasTrend(EtsSpec s)
{
    return s.trend != TrendType::None;
}
bool hasSeason(EtsSpec s)
{
    return s.season != SeasonType::None;
}

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

struct Pass
{
    double likelihood = 0.0;
    State last;
};

/// etscalc() for one model form, the optimiser's inner loop: the same steps as oneStep() and
/// update(), with the model's components fixed at compile time and the state in locals.
template<ErrorType E, TrendType T, SeasonType S>
Pass runModel(std::span<const double> y, const EtsParameters &p, State state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    constexpr bool kTrend = T != TrendType::None;
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
        std::size_t last = 0;
        double prev = 0.0;
        double f = q;
        double adjusted = obs;
        if constexpr (S != SeasonType::None) {
            last = head == 0 ? m - 1 : head - 1;
            prev = season[last];
            if constexpr (S == SeasonType::Additive) {
                f += prev;
                adjusted = obs - prev;
            } else {
                f *= prev;
                adjusted = std::fabs(prev) < kTol ? kHuge : obs / prev;
            }
        }
        const double e = E == ErrorType::Additive ? obs - f : (obs - f) / f;
        if (fitted) {
            fitted->push_back(f);
            residuals->push_back(e);
        }
        const double newLevel = q + p.alpha * (adjusted - q);
        if constexpr (kTrend) {
            growth = phib + ratio * ((newLevel - level) - phib);
        }
        level = newLevel;
        if constexpr (S != SeasonType::None) {
            double target = 0.0;
            if constexpr (S == SeasonType::Additive) {
                target = obs - q;
            } else {
                target = std::fabs(q) < kTol ? kHuge : obs / q;
            }
            season[last] = prev + p.gamma * (target - prev);
            head = last;
        }
        sse += e * e;
        if constexpr (E == ErrorType::Multiplicative) {
            logf += std::log(std::fabs(f));
        }
    }
    state.level = level;
    state.growth = growth;
    state.head = head;
    double lik = static_cast<double>(y.size()) * std::log(sse);
    if constexpr (E == ErrorType::Multiplicative) {
        lik += 2 * logf;
    }
    return {lik, std::move(state)};
}

template<ErrorType E, TrendType T>
Pass runSeason(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    switch (spec.season) {
    case SeasonType::None:
        return runModel<E, T, SeasonType::None>(y, p, std::move(state), fitted, residuals);
    case SeasonType::Additive:
        return runModel<E, T, SeasonType::Additive>(y, p, std::move(state), fitted, residuals);
    case SeasonType::Multiplicative: break;
    }
    return runModel<E, T, SeasonType::Multiplicative>(y, p, std::move(state), fitted, residuals);
}

template<ErrorType E>
Pass runTrend(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    // A damped trend differs from an additive one only in phi, which p carries.
    if (spec.trend == TrendType::None) {
        return runSeason<E, TrendType::None>(y, spec, p, std::move(state), fitted, residuals);
    }
    return runSeason<E, TrendType::Additive>(y, spec, p, std::move(state), fitted, residuals);
}

/// etscalc(): the likelihood, and optionally the fitted values and residuals.
Pass run(std::span<const double> y, EtsSpec spec, const EtsParameters &p, State state,
        std::vector<double> *fitted, std::vector<double> *residuals)
{
    if (spec.error == ErrorType::Additive) {
        return runTrend<ErrorType::Additive>(y, spec, p, std::move(state), fitted, residuals);
    }
    return runTrend<ErrorType::Multiplicative>(y, spec, p, std::move(state), fitted, residuals);
}

/// Roots of the polynomial c_0 + c_1 z + … + c_d z^d by Durand–Kerner (R's polyroot answers the
/// same question in admissible()); only their moduli are used.
double largestRootModulus(std::vector<double> c)
{
    while (!c.empty() && c.back() == 0.0) {
        c.pop_back();
    }
    const std::size_t d = c.size() - 1;
    if (d < 1) {
        return 0.0;
    }
    std::vector<std::complex<double>> z(d);
    const std::complex<double> seed(0.4, 0.9);
    for (std::size_t i = 0; i < d; ++i) {
        z[i] = std::pow(seed, static_cast<int>(i));
    }
    auto eval = [&](std::complex<double> x) {
        std::complex<double> v = c[d];
        for (std::size_t k = d; k-- > 0;) {
            v = v * x + c[k];
        }
        return v / c[d];
    };
    for (int iteration = 0; iteration < 500; ++iteration) {
        double change = 0.0;
        for (std::size_t i = 0; i < d; ++i) {
            std::complex<double> denominator = 1.0;
            for (std::size_t j = 0; j < d; ++j) {
                if (i != j) {
                    denominator *= z[i] - z[j];
                }
            }
            if (std::abs(denominator) < 1e-300) {
                denominator = 1e-12;
            }
            const std::complex<double> delta = eval(z[i]) / denominator;
            z[i] -= delta;
            change = std::max(change, std::abs(delta));
        }
        if (change < 1e-14) {
            break;
        }
    }
    double largest = 0.0;
    for (const auto &r : z) {
        largest = std::max(largest, std::abs(r));
    }
    return largest;
}

/// Whether every root of c_0 + c_1 z + … + c_d z^d lies in the closed unit disc (up to 1e-10),
/// the question admissible() asks R's polyroot. Answered by the Schur–Cohn recursion instead of
/// finding the roots: p has all roots inside iff |c_0| < |c_d| and so has
/// (c_d·p(z) − c_0·z^d·p(1/z)) / z, one degree lower. Exact, O(d²), no iteration.
bool rootsInUnitDisc(std::span<const double> coefficients)
{
    // In place on two fixed buffers: this runs at every optimiser step of a seasonal model.
    std::array<double, 32> first;
    std::array<double, 32> second;
    double *c = first.data();
    double *next = second.data();
    std::size_t size = std::min(coefficients.size(), first.size());
    std::copy_n(coefficients.begin(), size, c);
    while (size > 0 && c[size - 1] == 0.0) {
        --size;
    }
    // Without damping the characteristic polynomial always has the root z = 1 (the level),
    // on the circle, where the recursion degenerates: divide it out, (z − 1)·q(z) = p(z).
    for (;;) {
        double atOne = 0.0;
        double scale = 0.0;
        for (std::size_t i = 0; i < size; ++i) {
            atOne += c[i];
            scale += std::fabs(c[i]);
        }
        if (size < 2 || std::fabs(atOne) > 1e-12 * scale) {
            break;
        }
        next[size - 2] = c[size - 1];
        for (std::size_t i = size - 2; i >= 1; --i) {
            next[i - 1] = c[i] + next[i];
        }
        std::swap(c, next);
        --size;
    }
    while (size > 1) {
        const std::size_t k = size - 1;
        const double lead = c[k];
        const double constant = c[0];
        if (std::fabs(constant) > std::fabs(lead) * (1 + 1e-10 * static_cast<double>(k))) {
            return false;
        }
        if (std::fabs(std::fabs(constant) - std::fabs(lead)) <= 1e-9 * std::fabs(lead)) {
            // The recursion degenerates (roots on or mirrored about the circle): find them.
            return largestRootModulus(std::vector<double>(c, c + size)) <= 1 + 1e-10;
        }
        // next_{j-1} = lead·c_j − constant·c_{k−j}, j = 1…k.
        for (std::size_t j = 1; j <= k; ++j) {
            next[j - 1] = lead * c[j] - constant * c[k - j];
        }
        std::swap(c, next);
        size = k;
        while (size > 0 && c[size - 1] == 0.0) {
            --size;
        }
    }
    return true;
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
State initialFrom(std::span<const double> x, EtsSpec spec, int m)
{
    std::vector<double> full(x.begin(), x.end());
    if (hasSeason(spec)) {
        const std::size_t first = hasTrend(spec) ? 2 : 1;
        double sum = 0.0;
        for (std::size_t i = first; i < full.size(); ++i) {
            sum += full[i];
        }
        full.push_back((spec.season == SeasonType::Multiplicative ? m : 0) - sum);
    }
    return unpack(full, spec, m);
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

bool etsAdmissible(const EtsParameters &par, EtsSpec spec, int m)
{
    const double phi = spec.trend == TrendType::Damped ? par.phi : 1.0;
    const double alpha = par.alpha;
    if (phi < 0 || phi > 1 + 1e-8) {
        return false;
    }
    if (!hasSeason(spec)) {
        if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
            return false;
        }
        if (hasTrend(spec)
                && (par.beta < alpha * (phi - 1) || par.beta > (1 + phi) * (2 - alpha))) {
            return false;
        }
        return true;
    }
    if (m <= 1) {
        return true;
    }
    const double beta = hasTrend(spec) ? par.beta : 0.0;
    const double gamma = par.gamma;
    if (gamma < std::max(1 - 1 / phi - alpha, 0.0) || gamma > 1 + 1 / phi - alpha) {
        return false;
    }
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
        return false;
    }
    if (beta < -(1 - phi) * (gamma / m + alpha)) {
        return false;
    }
    // The characteristic equation (Hyndman et al. 2008, ch. 10): all roots in the unit circle.
    if (m > 24) {
        return false; // forecast::ets fits no season longer than 24
    }
    std::array<double, 32> poly{};
    std::size_t size = 0;
    poly[size++] = phi * (1 - alpha - gamma);
    poly[size++] = alpha + beta - alpha * phi + gamma - 1;
    for (int i = 0; i < m - 2; ++i) {
        poly[size++] = alpha + beta - alpha * phi;
    }
    poly[size++] = alpha + beta - phi;
    poly[size++] = 1.0;
    return rootsInUnitDisc(std::span<const double>(poly.data(), size));
}

std::vector<double> etsInitialState(std::span<const double> y, int m, EtsSpec spec)
{
    const std::size_t n = y.size();
    std::vector<double> adjusted(y.begin(), y.end());
    std::vector<double> seeds;
    int period = 1;
    if (hasSeason(spec)) {
        period = m;
        const bool mult = spec.season == SeasonType::Multiplicative;
        std::vector<double> seasonal;
        if (n < 3 * static_cast<std::size_t>(m)) {
            // A simple Fourier regression: y ~ 1 + t + sin(2πt/m) + cos(2πt/m), t = 1…n.
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
                x.push_back(sine);
            }
            x.push_back(cosine);
            const std::vector<double> beta = leastSquares(x, y);
            const double b0 = beta.empty() ? 0.0 : beta[0];
            const double b1 = beta.empty() ? 0.0 : beta[1];
            seasonal.resize(n);
            for (std::size_t t = 0; t < n; ++t) {
                const double trend = b0 + b1 * static_cast<double>(t + 1);
                seasonal[t] = mult ? y[t] / trend : y[t] - trend;
            }
        } else {
            seasonal = classicalSeasonal(y, m, mult);
        }
        // rev(seasonal[2:m]): s_0 is the season of t = m, s_{m-2} that of t = 2.
        for (int j = m; j >= 2; --j) {
            seeds.push_back(seasonal[static_cast<std::size_t>(j - 1)]);
        }
        if (mult) {
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
            for (std::size_t t = 0; t < n; ++t) {
                adjusted[t] = y[t] / std::max(seasonal[t], 1e-2);
            }
        } else {
            for (std::size_t t = 0; t < n; ++t) {
                adjusted[t] = y[t] - seasonal[t];
            }
        }
    }
    const std::size_t maxn = std::min<std::size_t>(std::max<std::size_t>(10, 2 * period), n);
    std::vector<double> state;
    const std::span<const double> head(adjusted.data(), maxn);
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
    auto objective = [&](std::span<const double> x) -> double {
        const EtsParameters p = readParameters(x, spec);
        if (!withinBounds(p, spec, period)) {
            return INFINITY;
        }
        State state = initialFrom(x.subspan(smoothing), spec, period);
        if (spec.season == SeasonType::Multiplicative
                && *std::min_element(state.season.begin(), state.season.end()) < 0) {
            return INFINITY;
        }
        double lik = run(y, spec, p, std::move(state), nullptr, nullptr).likelihood;
        if (std::isnan(lik)) {
            return INFINITY;
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
    Pass pass = run(y, spec, fit.par, initial, &fit.fitted, &fit.residuals);
    fit.finalState = pack(pass.last, spec);
    fit.likelihood = pass.likelihood;
    fit.parameters = static_cast<int>(best.x.size()) + 1;
    const double k = fit.parameters;
    fit.aic = fit.likelihood + 2 * k;
    fit.bic = fit.likelihood + std::log(n) * k;
    fit.aicc = n - k - 1 > 0 ? fit.aic + 2 * k * (k + 1) / (n - k - 1) : INFINITY;
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
