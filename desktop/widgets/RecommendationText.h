// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/RecommendationsApi.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Recommendations in the user's language: each factor's name and the sentence that explains
/// it, worded here from the factor's code and facts (the server's English sentence is for API
/// clients and never shown), and the traits lookalikes share. Used by the campaign's Recommended
/// tab and by the lists of similar creators.
class RecommendationText
{
    Q_DECLARE_TR_FUNCTIONS(RecommendationText)

public:
    static QString factorName(common::RecommendationFactor factor);
    /// What the factor measures, for a tooltip or a legend.
    static QString factorHelp(common::RecommendationFactor factor);
    /// Why the factor came out as it did ("64 % of the audience in Germany; the campaign
    /// targets DE, AT"). An unknown code is named as it came.
    static QString sentence(const common::RecommendationFactorScore &score);
    /// Every factor of `item` as an HTML table: its name, contribution and sentence.
    static QString reasons(const common::Recommendation &item);
    /// A contribution with its sign, in points of the score ("+0.20", "−0.10").
    static QString contribution(double value);
    /// A score 0..1 as the app shows it ("0.73").
    static QString score(double value);
    /// A similarity 0..1 as a percentage ("87 %").
    static QString similarity(double value);

    static QString traitName(common::SimilarTrait trait);
    /// A shared trait's value in words ("Germany (DE)", "Instagram").
    static QString traitValue(const common::SharedTrait &trait);
    /// A shared trait in words ("Country: Germany"); a trait this app does not know by its code.
    static QString trait(const common::SharedTrait &trait);
    /// All of a creator's shared traits, the values of each kind together
    /// ("Niche: fitness, travel · Country: Germany (DE)").
    static QString traits(const QList<common::SharedTrait> &traits);

    /// A country code in words ("Austria (AT)"), or the code.
    static QString country(const QString &code);
    /// A language code in its own name ("Deutsch"), or the code.
    static QString language(const QString &code);
    /// Codes joined with "and" in words.
    static QString list(const QStringList &items);

private:
    static QString topicSentence(const common::RecommendationFacts &facts);
    static QString audienceSentence(const common::RecommendationFacts &facts);
    static QString sizeSentence(const common::RecommendationFacts &facts);
    static QString priceSentence(const common::RecommendationFacts &facts);
    static QString performanceSentence(const common::RecommendationFacts &facts);
};

} // namespace influence::desktop
