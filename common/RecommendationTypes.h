// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

/// Recommendations (issue 21): the stable codes of a recommendation's factors and of the traits
/// lookalikes share. The server sends each with an English sentence for API clients; the
/// desktop words them itself from the code and the facts.
namespace influence::common {

/// The eight factors of a campaign's ranking, in the order every item lists them.
enum class RecommendationFactor {
    Topic, ///< the brief and wanted niches against the creator's niches, bio and posts
    Audience, ///< countries and languages against the campaign's targeting
    Size, ///< followers against the wanted range
    Engagement, ///< engagement rate against the platform's median
    Authenticity, ///< the follower-step detector's score
    Price, ///< the creator's rate against what is left of the budget
    Performance, ///< cost per engagement on completed deals against the median
    Declines, ///< a penalty for recent declines (its contribution is never positive)
};

/// What a creator shares with the creators it is like.
enum class SimilarTrait { Niche, Term, Country, Language, Platform, Size };

QString wireName(RecommendationFactor factor);
QString wireName(SimilarTrait trait);
std::optional<RecommendationFactor> recommendationFactorFromString(const QString &text);
std::optional<SimilarTrait> similarTraitFromString(const QString &text);
/// Every factor in the order of the answers.
QList<RecommendationFactor> recommendationFactors();

} // namespace influence::common
