// SPDX-License-Identifier: Apache-2.0
#include "forecast/NelderMead.h"

#include <cmath>

namespace influence::forecast {

namespace {
constexpr double kBig = 1.0e35;

double finiteOrBig(double v)
{
    return std::isfinite(v) ? v : kBig;
}
} // namespace

NelderMeadResult nelderMead(const std::function<double(std::span<const double>)> &f,
        std::vector<double> start, const NelderMeadOptions &options)
{
    const std::size_t n = start.size();
    NelderMeadResult result;
    double f0 = f(start);
    result.evaluations = 1;
    if (!std::isfinite(f0) || n == 0) {
        result.x = std::move(start);
        result.value = f0;
        result.converged = n == 0;
        return result;
    }
    const double convtol = options.relativeTolerance * (std::fabs(f0) + options.relativeTolerance);
    // The simplex: n + 1 vertices with their values, plus the centroid in slot n + 1.
    std::vector<std::vector<double>> p(n + 2, std::vector<double>(n));
    std::vector<double> value(n + 2, 0.0);
    p[0] = start;
    value[0] = f0;
    double step = 0.0;
    for (const double b : start) {
        step = std::max(step, 0.1 * std::fabs(b));
    }
    if (step == 0.0) {
        step = 0.1;
    }
    double size = 0.0;
    for (std::size_t j = 1; j <= n; ++j) {
        p[j] = start;
        double trystep = step;
        while (p[j][j - 1] == start[j - 1]) {
            p[j][j - 1] = start[j - 1] + trystep;
            trystep *= 10;
        }
        size += trystep;
    }
    double oldsize = size;
    bool calcvert = true;
    std::size_t low = 0;
    std::vector<double> b(n);
    const std::size_t c = n + 1;
    for (;;) {
        if (calcvert) {
            for (std::size_t j = 0; j <= n; ++j) {
                if (j != low) {
                    value[j] = finiteOrBig(f(p[j]));
                    ++result.evaluations;
                }
            }
            calcvert = false;
        }
        double vl = value[low];
        double vh = vl;
        std::size_t high = low;
        for (std::size_t j = 0; j <= n; ++j) {
            if (j == low) {
                continue;
            }
            if (value[j] < vl) {
                low = j;
                vl = value[j];
            }
            if (value[j] > vh) {
                high = j;
                vh = value[j];
            }
        }
        if (vh <= vl + convtol) {
            result.converged = true;
            break;
        }
        if (result.evaluations > options.maxEvaluations) {
            break;
        }
        for (std::size_t i = 0; i < n; ++i) {
            double sum = -p[high][i];
            for (std::size_t j = 0; j <= n; ++j) {
                sum += p[j][i];
            }
            p[c][i] = sum / static_cast<double>(n);
        }
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = (1.0 + options.reflection) * p[c][i] - options.reflection * p[high][i];
        }
        const double vr = finiteOrBig(f(b));
        ++result.evaluations;
        if (vr < vl) {
            // Reflection was good: try expanding further.
            value[c] = vr;
            for (std::size_t i = 0; i < n; ++i) {
                const double e = options.expansion * b[i] + (1 - options.expansion) * p[c][i];
                p[c][i] = b[i];
                b[i] = e;
            }
            const double ve = finiteOrBig(f(b));
            ++result.evaluations;
            if (ve < vr) {
                p[high] = b;
                value[high] = ve;
            } else {
                p[high] = p[c];
                value[high] = vr;
            }
            continue;
        }
        if (vr < vh) {
            p[high] = b;
            value[high] = vr;
        }
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = (1 - options.contraction) * p[high][i] + options.contraction * p[c][i];
        }
        const double vc = finiteOrBig(f(b));
        ++result.evaluations;
        if (vc < value[high]) {
            p[high] = b;
            value[high] = vc;
        } else if (vr >= vh) {
            // Shrink towards the best vertex.
            calcvert = true;
            size = 0.0;
            for (std::size_t j = 0; j <= n; ++j) {
                if (j == low) {
                    continue;
                }
                for (std::size_t i = 0; i < n; ++i) {
                    p[j][i] = options.contraction * (p[j][i] - p[low][i]) + p[low][i];
                    size += std::fabs(p[j][i] - p[low][i]);
                }
            }
            if (size < oldsize) {
                oldsize = size;
            } else {
                break; // the simplex no longer shrinks
            }
        }
    }
    result.x = p[low];
    result.value = value[low];
    return result;
}

} // namespace influence::forecast
