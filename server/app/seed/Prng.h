// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cmath>
#include <numbers>
#include <span>

namespace influence::server::seed {

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and fully specified, so the data set is the
/// same everywhere (std:: distributions differ between standard libraries).
class Prng
{
public:
    explicit Prng(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n).
    int below(int n) { return static_cast<int>(real() * n); }
    bool chance(double p) { return real() < p; }
    /// Standard normal (Box–Muller).
    double normal()
    {
        const double u1 = 1.0 - real();
        const double u2 = real();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    template<class T>
    const T &pick(std::span<const T> items)
    {
        return items[static_cast<size_t>(below(static_cast<int>(items.size())))];
    }
    QString uuid()
    {
        quint64 hi = next();
        quint64 lo = next();
        hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
        const QString h = QString::number(hi, 16).rightJustified(16, u'0');
        const QString l = QString::number(lo, 16).rightJustified(16, u'0');
        return h.first(8) + u'-' + h.sliced(8, 4) + u'-' + h.sliced(12, 4) + u'-' + l.first(4)
                + u'-' + l.sliced(4);
    }

private:
    quint64 m_state;
};

} // namespace influence::server::seed
