// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLatin1StringView>

#include <span>

namespace influence::server::seed {

/// Word lists the demo-data generator draws from. Changing them changes the generated data set,
/// so benchmarks compare like with like only within one version of these lists.
std::span<const QLatin1StringView> firstNames();
std::span<const QLatin1StringView> lastNames();
std::span<const QLatin1StringView> bioTaglines();
std::span<const QLatin1StringView> companyWords();
std::span<const QLatin1StringView> companySuffixes();
std::span<const QLatin1StringView> industries();

struct CountryProfile
{
    QLatin1StringView code; ///< ISO 3166-1 alpha-2
    int weight = 0; ///< relative share of creators
    QLatin1StringView language; ///< main ISO 639-1 language
    QLatin1StringView second; ///< a common second language, or empty
    QLatin1StringView currency; ///< ISO 4217
    QLatin1StringView city;
};

std::span<const CountryProfile> countries();

} // namespace influence::server::seed
