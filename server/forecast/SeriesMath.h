// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <vector>

/// Small numerical helpers the forecasting methods share: R's stats functions they rely on.
namespace influence::forecast {

/// Ordinary least squares of y on the columns of `x` (each of y's length; add a column of ones
/// for an intercept). Empty when the system is singular.
std::vector<double> leastSquares(
        const std::vector<std::vector<double>> &x, std::span<const double> y);

/// Intercept and slope of y on 0, 1, …, n-1 (R's lsfit(0:(n-1), y)). Slope 0 for n < 2.
struct Line
{
    double intercept = 0.0;
    double slope = 0.0;
};
Line fitLine(std::span<const double> y);

/// R's decompose(): classical decomposition by a centred moving average of order m (2×m for even
/// m); returns the seasonal component for every t (index figure centred to sum 0 / average 1),
/// assuming the series starts at the first position of the cycle. Needs n >= 2m.
std::vector<double> classicalSeasonal(std::span<const double> y, int m, bool multiplicative);

/// Sample autocorrelations r_1 … r_maxLag (R's acf).
std::vector<double> autocorrelation(std::span<const double> y, int maxLag);

/// The standard normal quantile (Wichura's AS 241).
double normalQuantile(double p);

/// True when every value equals the first (R's is.constant).
bool isConstant(std::span<const double> y);

/// The q-quantile of `v` by R's type 7 (linear interpolation); sorts v.
double quantile(std::vector<double> &v, double q);

} // namespace influence::forecast
