// SPDX-License-Identifier: Apache-2.0
#include "RecommendationTypes.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

template<class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, QLatin1StringView>, N>;

constexpr NameTable<RecommendationFactor, 8> kFactors{{
        {RecommendationFactor::Topic, "topic"_L1},
        {RecommendationFactor::Audience, "audience"_L1},
        {RecommendationFactor::Size, "size"_L1},
        {RecommendationFactor::Engagement, "engagement"_L1},
        {RecommendationFactor::Authenticity, "authenticity"_L1},
        {RecommendationFactor::Price, "price"_L1},
        {RecommendationFactor::Performance, "performance"_L1},
        {RecommendationFactor::Declines, "declines"_L1},
}};

constexpr NameTable<SimilarTrait, 6> kTraits{{
        {SimilarTrait::Niche, "niche"_L1},
        {SimilarTrait::Term, "term"_L1},
        {SimilarTrait::Country, "country"_L1},
        {SimilarTrait::Language, "language"_L1},
        {SimilarTrait::Platform, "platform"_L1},
        {SimilarTrait::Size, "size"_L1},
}};

template<class Enum, std::size_t N>
QString nameIn(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value) {
            return name;
        }
    }
    return {};
}

template<class Enum, std::size_t N>
std::optional<Enum> valueIn(const NameTable<Enum, N> &table, const QString &text)
{
    for (const auto &[value, name] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

QString wireName(RecommendationFactor factor)
{
    return nameIn(kFactors, factor);
}

QString wireName(SimilarTrait trait)
{
    return nameIn(kTraits, trait);
}

std::optional<RecommendationFactor> recommendationFactorFromString(const QString &text)
{
    return valueIn(kFactors, text);
}

std::optional<SimilarTrait> similarTraitFromString(const QString &text)
{
    return valueIn(kTraits, text);
}

QList<RecommendationFactor> recommendationFactors()
{
    QList<RecommendationFactor> all;
    for (const auto &entry : kFactors) {
        all.append(entry.first);
    }
    return all;
}

} // namespace influence::common
