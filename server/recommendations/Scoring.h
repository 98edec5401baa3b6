// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "FeatureStore.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <limits>
#include <optional>

/// The recommender's factors: pure functions of a campaign, a creator's features and their deal
/// history. README "Recommendations" explains each.
namespace influence::server::recommendations {

/// The factors, in the order every answer lists them.
enum Factor { Topic, Audience, Size, Engagement, Authenticity, Price, Performance, Declines };
constexpr int kFactors = 8;
/// Their codes (the API's `code`).
extern const std::array<const char *, kFactors> kFactorCodes;
/// Their weights: the positive ones sum to 1; declines is a penalty.
constexpr std::array<double, kFactors> kWeights{0.25, 0.20, 0.10, 0.10, 0.10, 0.10, 0.15, 0.10};
/// How far back declines count.
constexpr int kDeclineDays = 90;

/// What the ranking reads of a campaign.
struct Campaign
{
    QString name;
    QString brief;
    QString currency;
    QStringList niches;
    QStringList countries;
    QStringList languages;
    QStringList deliverableTypes;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    std::optional<double> minEngagementRate;
    qint64 budgetMinor = 0;
    qint64 remainingMinor = 0;

    bool operator==(const Campaign &) const = default;
};

/// A creator's deals as the factors read them: completed deals in the campaign's currency, their
/// cost per engagement, and the brand offers they declined in the last 90 days.
struct History
{
    int completedDeals = 0;
    double cpeMinor = std::numeric_limits<double>::quiet_NaN(); ///< NaN: no completed deal
    int declines = 0;
};

/// Name ids as a set: a flag per id (the vocabularies are small).
struct IdSet
{
    std::vector<char> flags;
    bool empty = true;

    IdSet() = default;
    IdSet(const std::vector<quint32> &ids, qsizetype universe);
    bool has(quint32 id) const { return id < flags.size() && flags[id] != 0; }
};

/// The campaign in the store's ids, with its topic query vector.
struct Target
{
    Campaign campaign;
    std::vector<quint32> niches;
    std::vector<quint32> countries;
    std::vector<quint32> languages;
    std::vector<quint32> types;
    quint32 currency = Vocabulary::kNone;
    /// The same as sets, for the scan over every creator.
    IdSet nicheSet;
    IdSet countrySet;
    IdSet languageSet;
    IdSet typeSet;
    ContentVector query;
    /// For the upper bound: the targets' bits (maskBit) and log10 of the follower range.
    quint64 nicheMask = 0;
    quint64 languageMask = 0;
    double log10Min = 0;
    double log10Max = 0;
    /// The platform's median cost per engagement (NaN: no completed deal anywhere).
    double medianCpeMinor = std::numeric_limits<double>::quiet_NaN();

    static Target of(Campaign campaign, const StoreData &data);
};

/// Each factor's value in [0, 1], its weight for this creator and the score they make. Without
/// a rate in the campaign's currency (for its deliverable types) price weighs 0 and the other
/// positive weights are divided by 0.9, so that they still sum to 1.
struct Assessment
{
    std::array<double, kFactors> values{};
    std::array<double, kFactors> weights = kWeights;
    double score = 0;
};

/// The cosine of two vectors (both ordered by term).
double cosine(const ContentVector &a, const ContentVector &b);

/// The factors of `creator` for `target`; `similarity` is the cosine of the campaign's query and
/// the creator's content vector, `history` null when they have no deals.
Assessment assess(const Target &target, const StoreData &data, const Features &creator,
        double similarity, const History *history);

/// A cheap bound: never below assess(...).score for the same arguments (the creator's Summary).
/// It reads only the creator's Summary (no vector), so that the ranking scores in full only the
/// creators that may reach the top.
double upperBound(const Target &target, const StoreData &data, const Summary &creator,
        double similarity, const History *history);

/// How much the text's cosine may add to upperBound(similarity 0, no history): that bound plus
/// textSlope × min(1, 2 × similarity) is never below the score without a history. The topic
/// weighs the (clamped) text by 1 without target niches, by 0.5 with them, and without a rate in
/// the campaign's currency the weights are divided by 1 − the price's.
double textSlope(const Target &target);

/// The eight factor objects of the API ({code, weight, value, contribution, sentence, facts}).
QJsonArray explain(const Target &target, const StoreData &data, const Features &creator,
        const History *history, const Assessment &assessment);

} // namespace influence::server::recommendations
