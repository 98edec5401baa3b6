// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <vector>

/// The Theta method of Assimakopoulos & Nikolopoulos (2000, IJF 16(4)) in the form Hyndman &
/// Billah (2003, IJF 19(2)) showed it to be: simple exponential smoothing with a drift of half
/// the slope of the series' linear trend. As forecast::thetaf: when m > 1, n > 2m and the lag-m
/// autocorrelation is significant at 90 % (two-sided test with Bartlett's variance), the series
/// is seasonally adjusted by classical multiplicative decomposition first and the forecasts
/// reseasonalised. Unlike thetaf, the standard errors are reseasonalised too.
namespace influence::forecast {

struct ThetaForecast
{
    std::vector<double> mean;
    std::vector<double> standardError; // per step, for mean ± z·se
    bool seasonal = false;
    double alpha = 0.0;
    double drift = 0.0;
};

/// Needs at least 4 values; an empty result otherwise.
ThetaForecast thetaForecast(std::span<const double> y, int m, int h);

} // namespace influence::forecast
