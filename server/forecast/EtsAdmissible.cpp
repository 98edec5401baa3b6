// SPDX-License-Identifier: Apache-2.0
// The admissible parameter region of the ETS models (Hyndman et al. 2008, ch. 10), as
// forecast's admissible() checks it.
#include "forecast/Ets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <span>
#include <vector>

namespace influence::forecast {

namespace {

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
    std::array<double, 32> first{};
    std::array<double, 32> second{};
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

} // namespace

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

} // namespace influence::forecast
