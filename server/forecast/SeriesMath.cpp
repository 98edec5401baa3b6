// SPDX-License-Identifier: Apache-2.0
#include "forecast/SeriesMath.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace influence::forecast {

std::vector<double> leastSquares(
        const std::vector<std::vector<double>> &x, std::span<const double> y)
{
    const std::size_t k = x.size();
    // Normal equations, solved by Gaussian elimination with partial pivoting.
    std::vector<std::vector<double>> a(k, std::vector<double>(k + 1, 0.0));
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            double s = 0.0;
            for (std::size_t t = 0; t < y.size(); ++t) {
                s += x[i][t] * x[j][t];
            }
            a[i][j] = s;
        }
        double s = 0.0;
        for (std::size_t t = 0; t < y.size(); ++t) {
            s += x[i][t] * y[t];
        }
        a[i][k] = s;
    }
    for (std::size_t col = 0; col < k; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < k; ++r) {
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) {
                pivot = r;
            }
        }
        if (std::fabs(a[pivot][col]) < 1e-12) {
            return {};
        }
        std::swap(a[col], a[pivot]);
        for (std::size_t r = 0; r < k; ++r) {
            if (r == col) {
                continue;
            }
            const double factor = a[r][col] / a[col][col];
            for (std::size_t c = col; c <= k; ++c) {
                a[r][c] -= factor * a[col][c];
            }
        }
    }
    std::vector<double> beta(k);
    for (std::size_t i = 0; i < k; ++i) {
        beta[i] = a[i][k] / a[i][i];
    }
    return beta;
}

Line fitLine(std::span<const double> y)
{
    const auto n = static_cast<double>(y.size());
    if (y.empty()) {
        return {};
    }
    if (y.size() < 2) {
        return {y[0], 0.0};
    }
    const double meanT = (n - 1) / 2.0;
    double meanY = 0.0;
    for (const double v : y) {
        meanY += v;
    }
    meanY /= n;
    double sxy = 0.0;
    double sxx = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        const double dt = static_cast<double>(t) - meanT;
        sxy += dt * (y[t] - meanY);
        sxx += dt * dt;
    }
    const double slope = sxy / sxx;
    return {meanY - slope * meanT, slope};
}

std::vector<double> classicalSeasonal(std::span<const double> y, int m, bool multiplicative)
{
    const std::size_t n = y.size();
    const auto um = static_cast<std::size_t>(m);
    // Centred moving average: m terms for odd m, 2×m (weights 1/2m at the ends) for even m.
    std::vector<double> weights;
    if (m % 2 == 0) {
        weights.assign(um + 1, 1.0 / m);
        weights.front() = weights.back() = 0.5 / m;
    } else {
        weights.assign(um, 1.0 / m);
    }
    const std::size_t half = weights.size() / 2;
    std::vector<double> sum(um, 0.0);
    std::vector<int> count(um, 0);
    for (std::size_t t = half; t + half < n; ++t) {
        double trend = 0.0;
        for (std::size_t k = 0; k < weights.size(); ++k) {
            trend += weights[k] * y[t - half + k];
        }
        const double detrended = multiplicative ? y[t] / trend : y[t] - trend;
        sum[t % um] += detrended;
        ++count[t % um];
    }
    std::vector<double> figure(um, multiplicative ? 1.0 : 0.0);
    double mean = 0.0;
    for (std::size_t i = 0; i < um; ++i) {
        if (count[i] > 0) {
            figure[i] = sum[i] / count[i];
        }
        mean += figure[i];
    }
    mean /= m;
    for (double &f : figure) {
        f = multiplicative ? f / mean : f - mean;
    }
    std::vector<double> seasonal(n);
    for (std::size_t t = 0; t < n; ++t) {
        seasonal[t] = figure[t % um];
    }
    return seasonal;
}

std::vector<double> autocorrelation(std::span<const double> y, int maxLag)
{
    const std::size_t n = y.size();
    double mean = 0.0;
    for (const double v : y) {
        mean += v;
    }
    mean /= static_cast<double>(n);
    double c0 = 0.0;
    for (const double v : y) {
        c0 += (v - mean) * (v - mean);
    }
    std::vector<double> r(static_cast<std::size_t>(maxLag), 0.0);
    if (c0 <= 0.0) {
        return r;
    }
    for (std::size_t k = 1; k <= r.size() && k < n; ++k) {
        double c = 0.0;
        for (std::size_t t = 0; t + k < n; ++t) {
            c += (y[t] - mean) * (y[t + k] - mean);
        }
        r[k - 1] = c / c0;
    }
    return r;
}

double normalQuantile(double p)
{
    // AS 241 (PPND16), Wichura 1988: about 16 digits.
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q
                * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                               + 67265.770927008700853)
                                      * r
                              + 45921.953931549871457)
                                     * r
                             + 13731.693765509461125)
                                    * r
                            + 1971.5909503065514427)
                                   * r
                           + 133.14166789178437745)
                                * r
                        + 3.387132872796366608)
                / (((((((5226.495278852545925 * r + 28729.085735721942674) * r
                               + 39307.89580009271061)
                                      * r
                              + 21213.794301586595867)
                                     * r
                             + 5394.1960214247511077)
                                    * r
                            + 687.1870074920579083)
                                   * r
                           + 42.313330701600911252)
                                * r
                        + 1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    if (r <= 0.0) {
        return q < 0 ? -std::numeric_limits<double>::infinity()
                     : std::numeric_limits<double>::infinity();
    }
    r = std::sqrt(-std::log(r));
    double value = 0.0;
    if (r <= 5.0) {
        r -= 1.6;
        value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                             + 0.24178072517745061177)
                                    * r
                            + 1.27045825245236838258)
                                   * r
                           + 3.64784832476320460504)
                                  * r
                          + 5.7694972214606914055)
                                 * r
                         + 4.6303378461565452959)
                                * r
                        + 1.42343711074968357734)
                / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                               + 0.0151986665636164571966)
                                      * r
                              + 0.14810397642748007459)
                                     * r
                             + 0.68976733498510000455)
                                    * r
                            + 1.6763848301838038494)
                                   * r
                           + 2.05319162663775882187)
                                * r
                        + 1.0);
    } else {
        r -= 5.0;
        value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                             + 0.0012426609473880784386)
                                    * r
                            + 0.026532189526576123093)
                                   * r
                           + 0.29656057182850489123)
                                  * r
                          + 1.7848265399172913358)
                                 * r
                         + 5.4637849111641143699)
                                * r
                        + 6.6579046435011037772)
                / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                               + 1.8463183175100546818e-5)
                                      * r
                              + 7.868691311456132591e-4)
                                     * r
                             + 0.0148753612908506148525)
                                    * r
                            + 0.13692988092273580531)
                                   * r
                           + 0.59983220655588793769)
                                * r
                        + 1.0);
    }
    return q < 0 ? -value : value;
}

bool isConstant(std::span<const double> y)
{
    return std::all_of(y.begin(), y.end(), [&](double v) {
        return v == y.front();
    });
}

double quantile(std::vector<double> &v, double q)
{
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

} // namespace influence::forecast
