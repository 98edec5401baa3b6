// SPDX-License-Identifier: Apache-2.0
#include "forecast/Forecaster.h"

#include "forecast/SeriesMath.h"
#include "forecast/Theta.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace influence::forecast {

namespace {

using Levels = std::vector<double>;

double zFor(double level)
{
    return normalQuantile(0.5 + level / 200.0);
}

/// mean ± z·se for every level.
Forecast withStandardErrors(std::string model, std::vector<double> mean,
        const std::vector<double> &se, const Levels &levels)
{
    Forecast f;
    f.model = std::move(model);
    for (const double level : levels) {
        const double z = zFor(level);
        std::vector<double> lo;
        std::vector<double> hi;
        for (std::size_t i = 0; i < mean.size(); ++i) {
            lo.push_back(mean[i] - z * se[i]);
            hi.push_back(mean[i] + z * se[i]);
        }
        f.lower.push_back(std::move(lo));
        f.upper.push_back(std::move(hi));
    }
    f.mean = std::move(mean);
    return f;
}

/// The naive (lag 1) or seasonal naive (lag m) method with forecast::rwf/snaive's intervals:
/// σ from the lag differences, se = σ·√(number of seasons ahead). With one value there is no
/// spread to measure; 10 % of its size stands in, so the bands still widen.
Forecast naive(std::span<const double> y, int h, int lag, const Levels &levels)
{
    const std::size_t n = y.size();
    const auto ulag = static_cast<std::size_t>(lag);
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t t = ulag; t < n; ++t) {
        const double d = y[t] - y[t - ulag];
        sum += d * d;
        ++count;
    }
    const double sigma = count > 0 ? std::sqrt(sum / static_cast<double>(count))
                                   : 0.1 * std::fabs(n > 0 ? y[n - 1] : 0.0);
    std::vector<double> mean;
    std::vector<double> se;
    for (int i = 0; i < h; ++i) {
        const auto back = ulag - static_cast<std::size_t>(i) % ulag;
        mean.push_back(n >= back ? y[n - back] : (n > 0 ? y[n - 1] : 0.0));
        const int seasonsAhead = i / lag + 1;
        se.push_back(sigma * std::sqrt(static_cast<double>(seasonsAhead)));
    }
    return withStandardErrors(lag > 1 ? "Seasonal naive" : "Naive", std::move(mean), se, levels);
}

Forecast fromEts(const EtsFit &fit, int h, const ForecastOptions &options)
{
    std::vector<double> mean = etsPointForecast(fit, h);
    if (fit.spec.linear()) {
        std::vector<double> se;
        for (const double v : etsLinearVariance(fit, h)) {
            se.push_back(std::sqrt(std::max(v, 0.0)));
        }
        Forecast f = withStandardErrors(fit.spec.name(), std::move(mean), se, options.levels);
        f.aicc = fit.aicc;
        return f;
    }
    // Classes 2–5: the quantiles of simulated sample paths (Hyndman et al. 2008, ch. 6.1).
    const auto paths = etsSimulate(fit, h, options.simulations, options.seed);
    Forecast f;
    f.model = fit.spec.name();
    f.aicc = fit.aicc;
    f.lower.assign(options.levels.size(), {});
    f.upper.assign(options.levels.size(), {});
    std::vector<double> column(paths.size());
    for (int i = 0; i < h; ++i) {
        for (std::size_t p = 0; p < paths.size(); ++p) {
            column[p] = paths[p][static_cast<std::size_t>(i)];
        }
        for (std::size_t l = 0; l < options.levels.size(); ++l) {
            const double tail = (1 - options.levels[l] / 100.0) / 2;
            f.lower[l].push_back(quantile(column, tail));
            f.upper[l].push_back(quantile(column, 1 - tail));
        }
    }
    f.mean = std::move(mean);
    return f;
}

Forecast fromTheta(std::span<const double> y, int m, int h, const Levels &levels)
{
    ThetaForecast t = thetaForecast(y, m, h);
    return withStandardErrors("Theta", std::move(t.mean), t.standardError, levels);
}

/// The equal-weight mean of the members' means and bounds (the M4 benchmark "Comb" averages
/// forecasts; averaging the bounds is the simple interval combination of Petropoulos &
/// Svetunkov 2020, IJF 36(1)).
Forecast combine(const std::vector<Forecast> &members)
{
    Forecast out = members.front();
    out.model = "Combination(";
    for (std::size_t k = 0; k < members.size(); ++k) {
        out.model += (k ? "," : "") + members[k].model;
    }
    out.model += ")";
    out.aicc.reset();
    const auto count = static_cast<double>(members.size());
    for (std::size_t i = 0; i < out.mean.size(); ++i) {
        double mean = 0.0;
        for (const Forecast &m : members) {
            mean += m.mean[i];
        }
        out.mean[i] = mean / count;
        for (std::size_t l = 0; l < out.lower.size(); ++l) {
            double lo = 0.0;
            double hi = 0.0;
            for (const Forecast &m : members) {
                lo += m.lower[l][i];
                hi += m.upper[l][i];
            }
            out.lower[l][i] = lo / count;
            out.upper[l][i] = hi / count;
        }
    }
    return out;
}

EtsSpec dampedSpec(const EtsSpec &chosen)
{
    return {chosen.error, TrendType::Damped, chosen.season};
}

/// The damped member of the combination: the chosen model's error and season with a damped
/// trend, or ETS(A,Ad,N) when that cannot be fitted.
std::optional<EtsFit> fitDamped(std::span<const double> y, int m, const EtsSpec &chosen)
{
    if (auto fit = fitEts(y, m, dampedSpec(chosen))) {
        return fit;
    }
    return fitEts(y, m, EtsSpec{ErrorType::Additive, TrendType::Damped, SeasonType::None});
}

double scaleOf(std::span<const double> y, int m)
{
    const std::size_t lag =
            m > 1 && y.size() > static_cast<std::size_t>(m) ? static_cast<std::size_t>(m) : 1;
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t t = lag; t < y.size(); ++t) {
        sum += std::fabs(y[t] - y[t - lag]);
        ++count;
    }
    return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

enum Candidate { kEts = 0, kTheta = 1, kCombination = 2, kCandidates = 3 };

struct Backtest
{
    Candidate best = kEts;
    std::optional<double> mase;
};

/// Rolling-origin backtest on the series' own tail (Tashman 2000, IJF 16(4)): three
/// non-overlapping windows of hb = min(h, max(2m, 8)) steps end the series; at each origin the
/// chosen ETS model form, Theta and the combination are refitted on the data before it and
/// scored by MASE on the window. The candidate with the lowest mean MASE wins (ETS on ties).
/// It pays off only with enough history: every origin keeps at least max(3m, 20) values, or
/// the backtest is skipped and ETS (chosen by AICc) stands. The refits use the model form
/// chosen on the whole series, not a fresh AICc search, so a backtest costs 3 origins × 3 fits.
std::optional<Backtest> backtest(std::span<const double> y, int m, int h, const EtsSpec &spec)
{
    const int hb = std::min(h, std::max(2 * m, 8));
    const int origins = 3;
    const int minTrain = std::max(3 * m, 20);
    const auto n = static_cast<int>(y.size());
    if (n - origins * hb < minTrain) {
        return std::nullopt;
    }
    std::vector<double> total(kCandidates, 0.0);
    int scored = 0;
    ForecastOptions quiet;
    quiet.period = m;
    quiet.horizon = hb;
    quiet.levels.clear();
    quiet.simulations = 0;
    for (int k = origins; k >= 1; --k) {
        const std::span<const double> train = y.first(static_cast<std::size_t>(n - k * hb));
        const std::span<const double> test = y.subspan(train.size(), static_cast<std::size_t>(hb));
        const double scale = scaleOf(train, m);
        const auto ets = fitEts(train, m, spec);
        const auto damped = fitDamped(train, m, spec);
        if (scale <= 0.0 || !ets || !damped) {
            continue;
        }
        std::vector<Forecast> members{
                fromEts(*ets, hb, quiet), fromTheta(train, m, hb, {}), fromEts(*damped, hb, quiet)};
        if (members[kTheta].mean.empty()) {
            continue;
        }
        const Forecast comb = combine(members);
        const Forecast *each[kCandidates] = {&members[kEts], &members[kTheta], &comb};
        for (int c = 0; c < kCandidates; ++c) {
            double error = 0.0;
            for (int i = 0; i < hb; ++i) {
                error += std::fabs(test[static_cast<std::size_t>(i)]
                        - each[c]->mean[static_cast<std::size_t>(i)]);
            }
            total[static_cast<std::size_t>(c)] += error / hb / scale;
        }
        ++scored;
    }
    if (scored == 0) {
        return std::nullopt;
    }
    Backtest result;
    for (int c = 1; c < kCandidates; ++c) {
        if (total[static_cast<std::size_t>(c)] < total[result.best]) {
            result.best = static_cast<Candidate>(c);
        }
    }
    result.mase = total[result.best] / scored;
    return result;
}

void clampAtZero(Forecast &f)
{
    auto clamp = [](std::vector<double> &v) {
        for (double &x : v) {
            x = std::max(x, 0.0);
        }
    };
    clamp(f.mean);
    for (auto &v : f.lower) {
        clamp(v);
    }
    for (auto &v : f.upper) {
        clamp(v);
    }
}

Forecast flat(double value, int h, const Levels &levels)
{
    Forecast f;
    f.model = "ETS(A,N,N)"; // what forecast::ets answers for a constant series
    f.mean.assign(static_cast<std::size_t>(h), value);
    f.lower.assign(levels.size(), f.mean);
    f.upper.assign(levels.size(), f.mean);
    f.mase = 0.0;
    return f;
}

Forecast chooseAndForecast(std::span<const double> y, const ForecastOptions &options)
{
    const int m = std::max(options.period, 1);
    const int h = options.horizon;
    if (y.size() < 4) {
        return naive(y, h, 1, options.levels);
    }
    if (isConstant(y)) {
        return flat(y.front(), h, options.levels);
    }
    switch (options.method) {
    case Method::Naive: return naive(y, h, 1, options.levels);
    case Method::SeasonalNaive:
        return naive(y, h,
                static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(m), y.size())),
                options.levels);
    case Method::Theta: return fromTheta(y, m, h, options.levels);
    default: break;
    }
    std::optional<EtsFit> fit;
    if (options.model) {
        fit = fitEts(y, m, *options.model);
    } else if (y.size() <= 6) {
        // forecast::ets's "not enough data" path: no seasons, trend or not by the smaller sigma².
        fit = fitEts(y, m, EtsSpec{});
        const auto trended =
                fitEts(y, m, EtsSpec{ErrorType::Additive, TrendType::Additive, SeasonType::None});
        if (trended && (!fit || trended->sigma2 < fit->sigma2)) {
            fit = trended;
        }
    } else {
        fit = autoEts(y, m);
    }
    if (!fit) {
        return naive(y, h, 1, options.levels);
    }
    Forecast ets = fromEts(*fit, h, options);
    ets.mase = inSampleMase(y, fit->fitted, m);
    const bool choose = (options.method == Method::Auto && options.backtest && !options.model)
            || options.method == Method::Combination;
    if (!choose) {
        return ets;
    }
    Candidate best = kCombination; // Method::Combination asks for it
    std::optional<double> backtestMase;
    if (options.method == Method::Auto) {
        const std::optional<Backtest> test = backtest(y, m, h, fit->spec);
        if (!test || test->best == kEts) {
            ets.backtestMase = test ? test->mase : std::nullopt;
            return ets;
        }
        best = test->best;
        backtestMase = test->mase;
    }
    Forecast chosen = fromTheta(y, m, h, options.levels);
    if (best == kCombination) {
        const auto damped = fitDamped(y, m, fit->spec);
        if (!damped) {
            return ets;
        }
        chosen = combine({ets, chosen, fromEts(*damped, h, options)});
    }
    chosen.mase = ets.mase; // of the ETS fit: Theta and the combination have no one-step fit here
    chosen.backtestMase = backtestMase;
    return chosen;
}

/// The model forms forecast::ets tries for this data.
std::vector<EtsSpec> candidateForms(std::span<const double> y, int m)
{
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) {
        return v > 0;
    });
    const bool seasonal = m > 1 && m <= 24 && y.size() > static_cast<std::size_t>(m);
    std::vector<EtsSpec> forms;
    for (const ErrorType error : {ErrorType::Additive, ErrorType::Multiplicative}) {
        for (const TrendType trend : {TrendType::None, TrendType::Additive, TrendType::Damped}) {
            for (const SeasonType season :
                    {SeasonType::None, SeasonType::Additive, SeasonType::Multiplicative}) {
                // restrict = TRUE: additive errors with multiplicative seasons are numerically
                // unstable (Hyndman et al. 2008, ch. 2.5.1); multiplicative parts need y > 0.
                const bool multiplicative =
                        error == ErrorType::Multiplicative || season == SeasonType::Multiplicative;
                const bool unstable =
                        error == ErrorType::Additive && season == SeasonType::Multiplicative;
                if ((season == SeasonType::None || seasonal) && !unstable
                        && (positive || !multiplicative)) {
                    forms.push_back({error, trend, season});
                }
            }
        }
    }
    return forms;
}

} // namespace

std::optional<EtsFit> autoEts(std::span<const double> y, int m)
{
    std::optional<EtsFit> best;
    for (const EtsSpec &spec : candidateForms(y, m)) {
        auto fit = fitEts(y, m, spec);
        if (fit && std::isfinite(fit->aicc) && (!best || fit->aicc < best->aicc)) {
            best = std::move(fit);
        }
    }
    return best;
}

std::optional<double> inSampleMase(std::span<const double> y, std::span<const double> fitted, int m)
{
    double error = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        error += std::fabs(y[t] - fitted[t]);
    }
    error /= static_cast<double>(y.size());
    const double scale = scaleOf(y, m);
    if (scale <= 0.0) {
        return error == 0.0 ? std::optional(0.0) : std::nullopt;
    }
    return error / scale;
}

Forecast forecastSeries(std::span<const double> y, const ForecastOptions &options)
{
    std::vector<double> finite;
    finite.reserve(y.size());
    for (const double v : y) {
        if (std::isfinite(v)) {
            finite.push_back(v);
        }
    }
    Forecast f = chooseAndForecast(finite, options);
    if (options.nonNegative) {
        clampAtZero(f);
    }
    return f;
}

} // namespace influence::forecast
