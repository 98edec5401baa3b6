// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "forecast/Ets.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

/// Automatic forecasting of one series: ETS chosen by AICc as forecast::ets does (Hyndman &
/// Khandakar 2008), the Theta method and the combination of ETS, Theta and a damped-trend ETS
/// (the M4 lesson: Makridakis, Spiliotis & Assimakopoulos 2020, IJF 36(1)) as further
/// candidates picked by a rolling-origin backtest, with prediction intervals, and sane answers
/// for short, constant and count series. Plain C++, no Qt, no I/O: the HTTP route, the command
/// line and the benches all call forecastSeries().
namespace influence::forecast {

enum class Method { Auto, Ets, Theta, Combination, Naive, SeasonalNaive };

struct ForecastOptions
{
    int period = 1; // seasonal period m (1: none)
    int horizon = 10;
    std::vector<double> levels{80.0, 95.0}; // in (0, 100)
    /// Counts (followers, views): means and bounds are clamped at 0.
    bool nonNegative = false;
    Method method = Method::Auto;
    /// With Method::Ets: fit this model instead of choosing by AICc.
    std::optional<EtsSpec> model;
    /// Auto only: let the rolling-origin backtest choose between ETS, Theta and the combination.
    bool backtest = true;
    int simulations = 2000; // sample paths for the intervals of non-linear ETS models
    unsigned long long seed = 20; // fixed: the same request gives the same answer
};

struct Forecast
{
    std::string
            model; // "ETS(A,Ad,N)", "Theta", "Combination(ETS(M,N,M),Theta,ETS(A,Ad,N))", "Naive"
    std::vector<double> mean; // steps 1…h
    std::vector<std::vector<double>> lower; // [level][step]
    std::vector<std::vector<double>> upper;
    std::optional<double> aicc; // of the chosen ETS model; none for the others
    std::optional<double> mase; // in-sample one-step MASE (none when the naive error is 0)
    std::optional<double> backtestMase; // mean MASE of the chosen method in the backtest
};

/// forecast::ets(y) with model "ZZZ": every admissible model (multiplicative error and season
/// only for strictly positive data; seasonal models only for 2 <= m <= 24 and n > m, and only
/// where the model has fewer parameters than n - 1), the lowest AICc wins. nullopt when none
/// fits (then forecastSeries falls back to the naive method).
std::optional<EtsFit> autoEts(std::span<const double> y, int m);

/// Forecasts `y`. Never throws on odd data: n < 4 or non-finite values give the naive method
/// (intervals widening with √h), a constant series a flat forecast with zero-width intervals.
Forecast forecastSeries(std::span<const double> y, const ForecastOptions &options);

/// In-sample MASE of one-step fitted values, scaled by the in-sample (seasonal) naive error.
std::optional<double> inSampleMase(
        std::span<const double> y, std::span<const double> fitted, int m);

} // namespace influence::forecast
