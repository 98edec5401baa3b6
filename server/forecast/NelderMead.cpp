// SPDX-License-Identifier: Apache-2.0
#include "forecast/NelderMead.h"

#include <cmath>

namespace influence::forecast {

namespace {

constexpr double kBig = 1.0e35;

/// The simplex of nmmin: n + 1 vertices with their values, and the centroid in slot n + 1.
class Simplex
{
public:
    Simplex(const std::function<double(std::span<const double>)> &f,
            const NelderMeadOptions &options, NelderMeadResult &result)
        : m_f(f)
        , m_options(options)
        , m_result(result)
    { }

    double evaluate(std::span<const double> x)
    {
        ++m_result.evaluations;
        const double v = m_f(x);
        return std::isfinite(v) ? v : kBig;
    }

    /// nmmin's start: the point and n more, each moved along one axis by a tenth of the largest
    /// coordinate (0.1 when all are 0). Returns the size measure.
    double build(const std::vector<double> &start, double value)
    {
        const std::size_t n = start.size();
        p.assign(n + 2, start);
        values.assign(n + 2, 0.0);
        values[0] = value;
        double step = 0.0;
        for (const double b : start) {
            step = std::max(step, 0.1 * std::fabs(b));
        }
        if (step == 0.0) {
            step = 0.1;
        }
        double size = 0.0;
        for (std::size_t j = 1; j <= n; ++j) {
            double trystep = step;
            while (p[j][j - 1] == start[j - 1]) {
                p[j][j - 1] = start[j - 1] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        return size;
    }

    void evaluateVertices()
    {
        for (std::size_t j = 0; j + 1 < p.size(); ++j) {
            if (j != low) {
                values[j] = evaluate(p[j]);
            }
        }
    }

    /// Finds the best (low) and worst (high) vertex as nmmin does, keeping low on ties.
    void order()
    {
        high = low;
        for (std::size_t j = 0; j + 1 < p.size(); ++j) {
            if (j == low) {
                continue;
            }
            if (values[j] < values[low]) {
                low = j;
            }
            if (values[j] > values[high]) {
                high = j;
            }
        }
    }

    /// Replaces the worst vertex, or shrinks; false when the simplex no longer shrinks.
    bool step(double &oldsize)
    {
        const std::size_t n = p.size() - 2;
        const std::size_t c = n + 1;
        const double vl = values[low];
        const double vh = values[high];
        for (std::size_t i = 0; i < n; ++i) {
            double sum = -p[high][i];
            for (std::size_t j = 0; j <= n; ++j) {
                sum += p[j][i];
            }
            p[c][i] = sum / static_cast<double>(n);
        }
        std::vector<double> &b = m_trial;
        b.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = (1.0 + m_options.reflection) * p[c][i] - m_options.reflection * p[high][i];
        }
        const double vr = evaluate(b);
        if (vr < vl) {
            expand(b, vr);
            return true;
        }
        if (vr < vh) {
            p[high] = b;
            values[high] = vr;
        }
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = (1 - m_options.contraction) * p[high][i] + m_options.contraction * p[c][i];
        }
        const double vc = evaluate(b);
        if (vc < values[high]) {
            p[high] = b;
            values[high] = vc;
            return true;
        }
        return vr < vh || shrink(oldsize);
    }

    std::vector<std::vector<double>> p;
    std::vector<double> values;
    std::size_t low = 0;
    std::size_t high = 0;

private:
    /// The reflection was the best point yet: try twice as far.
    void expand(std::vector<double> &b, double vr)
    {
        const std::size_t c = p.size() - 1;
        values[c] = vr;
        for (std::size_t i = 0; i < b.size(); ++i) {
            const double e = m_options.expansion * b[i] + (1 - m_options.expansion) * p[c][i];
            p[c][i] = b[i];
            b[i] = e;
        }
        const double ve = evaluate(b);
        if (ve < vr) {
            p[high] = b;
            values[high] = ve;
        } else {
            p[high] = p[c];
            values[high] = vr;
        }
    }

    /// Every vertex halfway towards the best; false when that did not make the simplex smaller.
    bool shrink(double &oldsize)
    {
        double size = 0.0;
        for (std::size_t j = 0; j + 1 < p.size(); ++j) {
            if (j == low) {
                continue;
            }
            for (std::size_t i = 0; i < p[j].size(); ++i) {
                p[j][i] = m_options.contraction * (p[j][i] - p[low][i]) + p[low][i];
                size += std::fabs(p[j][i] - p[low][i]);
            }
        }
        evaluateVertices();
        if (size >= oldsize) {
            return false;
        }
        oldsize = size;
        return true;
    }

    const std::function<double(std::span<const double>)> &m_f;
    const NelderMeadOptions &m_options;
    NelderMeadResult &m_result;
    std::vector<double> m_trial; // the point tried, kept to spare an allocation a step
};

} // namespace

NelderMeadResult nelderMead(const std::function<double(std::span<const double>)> &f,
        std::vector<double> start, const NelderMeadOptions &options)
{
    NelderMeadResult result;
    const double f0 = f(start);
    result.evaluations = 1;
    if (!std::isfinite(f0) || start.empty()) {
        result.x = std::move(start);
        result.value = f0;
        result.converged = result.x.empty();
        return result;
    }
    const double convtol = options.relativeTolerance * (std::fabs(f0) + options.relativeTolerance);
    Simplex simplex(f, options, result);
    double oldsize = simplex.build(start, f0);
    simplex.evaluateVertices();
    for (;;) {
        simplex.order();
        if (simplex.values[simplex.high] <= simplex.values[simplex.low] + convtol) {
            result.converged = true;
            break;
        }
        if (result.evaluations > options.maxEvaluations || !simplex.step(oldsize)) {
            break;
        }
    }
    result.x = simplex.p[simplex.low];
    result.value = simplex.values[simplex.low];
    return result;
}

} // namespace influence::forecast
