// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

/// The ETS (error, trend, season) innovations state-space models of Hyndman, Koehler, Ord &
/// Snyder, "Forecasting with Exponential Smoothing: The State Space Approach" (Springer, 2008),
/// fitted as R's forecast::ets does (Hyndman & Khandakar, "Automatic time series forecasting:
/// the forecast package for R", JSS 27(3), 2008): initial states by forecast's heuristic
/// (initstate), then smoothing parameters and initial states together by maximum likelihood with
/// Nelder–Mead, on the concentrated likelihood of forecast's C code (etscalc):
///   n·log(SSE)                 for additive errors,
///   n·log(SSE) + 2·Σ log|ŷ_t|  for multiplicative errors (SSE of the relative errors),
/// under the "both" bounds (the usual ones, alpha in [1e-4, 0.9999], beta in [1e-4, alpha],
/// gamma in [1e-4, 1 - alpha], phi in [0.8, 0.98], and the admissible region of ch. 10).
/// Multiplicative trends are not offered (forecast::ets leaves them out by default too).
namespace influence::forecast {

enum class ErrorType { Additive, Multiplicative };
enum class TrendType { None, Additive, Damped };
enum class SeasonType { None, Additive, Multiplicative };

struct EtsSpec
{
    ErrorType error = ErrorType::Additive;
    TrendType trend = TrendType::None;
    SeasonType season = SeasonType::None;

    /// "ETS(A,Ad,N)" as R prints it.
    [[nodiscard]] std::string name() const;
    /// Parses "ANN", "MAdM", "AAdN", … (R's model strings); nullopt for anything else.
    static std::optional<EtsSpec> parse(const std::string &code);
    /// Class 1 of Hyndman et al. (2008, ch. 6): additive error, no multiplicative component;
    /// its forecast variance has a closed form.
    [[nodiscard]] bool linear() const;
    bool operator==(const EtsSpec &) const = default;
};

inline bool hasTrend(EtsSpec s)
{
    return s.trend != TrendType::None;
}
inline bool hasSeason(EtsSpec s)
{
    return s.season != SeasonType::None;
}

struct EtsParameters
{
    double alpha = 0.0;
    double beta = 0.0; // R's beta = alpha·beta* (0 without trend)
    double gamma = 0.0; // 0 without season
    double phi = 1.0; // 1 unless damped
};

struct EtsFit
{
    EtsSpec spec;
    int period = 1; // the seasonal period the model uses (1 without season)
    EtsParameters par;
    std::vector<double> initialState; // l, [b], [s_0 … s_{m-1}]; s_{m-1} is the season of t = 1
    std::vector<double> finalState; // after the last observation, same layout
    std::vector<double> fitted; // one-step-ahead forecasts
    std::vector<double> residuals; // y - ŷ (additive error) or (y - ŷ)/ŷ (multiplicative)
    double likelihood = 0.0; // the concentrated -2 log-likelihood above
    int parameters = 0; // estimated parameters including the initial states and sigma
    double aic = 0.0;
    double aicc = 0.0;
    double bic = 0.0;
    double sigma2 = 0.0; // Σ residuals² / (n - parameters + 1), as forecast::ets
    double mse = 0.0;
};

/// Fits one model to `y` with seasonal period `m` (ignored without season). nullopt when the
/// model cannot be fitted: too few observations for its parameters, non-positive data for a
/// multiplicative component, m outside [2, 24] for a seasonal one, or no finite likelihood.
std::optional<EtsFit> fitEts(std::span<const double> y, int m, EtsSpec spec);

/// The forecast function: the conditional mean path of a linear model and the point forecast of
/// the others (as forecast::forecast.ets reports it), h steps from the final state.
std::vector<double> etsPointForecast(const EtsFit &fit, int h);

/// Forecast variances of a class-1 model for steps 1…h (Hyndman et al. 2008, ch. 6, eq. 6.1):
/// σ²·(1 + Σ_{j<h} c_j²), c_j = w' F^{j-1} g.
std::vector<double> etsLinearVariance(const EtsFit &fit, int h);

/// `paths` sample paths of h steps from the final state with Gaussian innovations of variance
/// sigma2 (fixed `seed`); result[path][step].
std::vector<std::vector<double>> etsSimulate(
        const EtsFit &fit, int h, int paths, unsigned long long seed);

/// forecast::ets's initial states (initstate): classical decomposition (or a Fourier regression
/// when n < 3m) for the seasons, a regression on the first max(10, 2m) adjusted values for the
/// level and trend. Layout l, [b], [s_0 … s_{m-2}] (the last season is implied).
std::vector<double> etsInitialState(std::span<const double> y, int m, EtsSpec spec);

/// forecast's admissible(): the smoothing parameters give a forecastable model.
bool etsAdmissible(const EtsParameters &par, EtsSpec spec, int m);

} // namespace influence::forecast
