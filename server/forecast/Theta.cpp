// SPDX-License-Identifier: Apache-2.0
#include "forecast/Theta.h"

#include "forecast/Ets.h"
#include "forecast/SeriesMath.h"

#include <cmath>

namespace influence::forecast {

ThetaForecast thetaForecast(std::span<const double> y, int m, int h)
{
    ThetaForecast out;
    const std::size_t n = y.size();
    if (n < 4) {
        return out;
    }
    const auto um = static_cast<std::size_t>(std::max(m, 1));
    bool seasonal = false;
    if (m > 1 && !isConstant(y) && n > 2 * um) {
        const std::vector<double> r = autocorrelation(y, m);
        double sum = 0.0;
        for (std::size_t k = 0; k + 1 < um; ++k) {
            sum += r[k] * r[k];
        }
        const double stat = std::sqrt((1 + 2 * sum) / static_cast<double>(n));
        seasonal = std::fabs(r[um - 1]) / stat > normalQuantile(0.95);
    }
    std::vector<double> x(y.begin(), y.end());
    std::vector<double> index;
    if (seasonal) {
        index = classicalSeasonal(y, m, true);
        for (const double s : index) {
            if (std::fabs(s) < 1e-4) {
                seasonal = false;
            }
        }
        if (seasonal) {
            for (std::size_t t = 0; t < n; ++t) {
                x[t] = y[t] / index[t];
            }
        }
    }
    out.seasonal = seasonal;
    std::vector<double> level;
    double alpha = 1.0;
    double sigma2 = 0.0;
    if (isConstant(x)) {
        level.assign(static_cast<std::size_t>(h), x.front());
    } else {
        const auto ses = fitEts(x, 1, EtsSpec{});
        if (!ses) {
            return out;
        }
        level = etsPointForecast(*ses, h);
        alpha = std::max(1e-10, ses->par.alpha);
        sigma2 = ses->sigma2;
    }
    out.alpha = alpha;
    out.drift = fitLine(x).slope / 2;
    const double start = (1 - std::pow(1 - alpha, static_cast<double>(n))) / alpha;
    for (int i = 0; i < h; ++i) {
        double mean = level[static_cast<std::size_t>(i)] + out.drift * (i + start);
        double se = std::sqrt(sigma2 * (i * alpha * alpha + 1));
        if (seasonal) {
            // tail(seasonal, m) repeated: step i+1 has the season of t = n - m + 1 + (i mod m).
            const double s = index[n - um + static_cast<std::size_t>(i) % um];
            mean *= s;
            se *= s;
        }
        out.mean.push_back(mean);
        out.standardError.push_back(se);
    }
    return out;
}

} // namespace influence::forecast
