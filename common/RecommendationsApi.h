// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "DiscoveryApi.h"
#include "RecommendationTypes.h"
#include "Result.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Typed readers and calls of the recommendation routes (issue 21): a campaign's creators
/// ranked by fit with the factors that add up to each score, and a creator's lookalikes.
namespace influence::common {

/// What a factor was computed from. One flat record: each factor fills its own fields (the
/// README's "Recommendations" lists them) and leaves the others empty.
struct RecommendationFacts
{
    // topic
    QStringList matchedNiches;
    QStringList terms;
    // audience
    QString country; ///< the creator's (or their audience's) main country
    std::optional<double> share; ///< the part of the audience in that country, 0..1
    QStringList targetCountries;
    QStringList languages;
    QString source; ///< "audience" (audience figures) or "profile" (the profile's country)
    // size
    std::optional<qint64> followers;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    // engagement
    std::optional<double> rate;
    std::optional<double> median;
    // authenticity
    std::optional<int> authenticityScore; ///< 0–100; none when unknown
    // price
    std::optional<qint64> feeMinor; ///< the creator's rate for the campaign's deliverable
    QString currency; ///< of the fee and remaining budget (and of the CPE figures)
    std::optional<qint64> remainingMinor;
    QString deliverableType; ///< a wire name
    // performance
    std::optional<qint64> completedDeals;
    std::optional<double> cpeMinor;
    std::optional<double> medianCpeMinor;
    // declines
    std::optional<qint64> declines;
    std::optional<qint64> days;

    static RecommendationFacts fromJson(const QJsonObject &json);
};

/// One factor of a score: contribution = weight × value (negative for declines).
struct RecommendationFactorScore
{
    std::optional<RecommendationFactor> factor; ///< none: a code this client does not know
    QString code;
    double weight = 0;
    double value = 0; ///< 0..1
    double contribution = 0;
    QString sentence; ///< English, for API clients; the desktop words its own
    RecommendationFacts facts;

    static Result<RecommendationFactorScore> fromJson(const QJsonObject &json);
};

/// A creator recommended for a campaign.
struct Recommendation
{
    DiscoveryItem influencer;
    int rank = 0; ///< 1 for the best
    double score = 0; ///< 0..1, the sum of the contributions
    QList<RecommendationFactorScore> factors; ///< all eight, in the order of the codes

    /// The factor `factor`, if the answer has it.
    const RecommendationFactorScore *find(RecommendationFactor factor) const;

    static Result<Recommendation> fromJson(const QJsonObject &json);
};

/// GET /campaigns/{id}/recommendations: one page of the ranking.
struct RecommendationPage
{
    QList<Recommendation> items;
    QString nextCursor; ///< empty on the last page
    QDateTime generatedAt;

    static Result<RecommendationPage> fromJson(const QJsonObject &json);
};

/// A trait a lookalike shares: its code and the value ("niche", "fitness").
struct SharedTrait
{
    std::optional<SimilarTrait> trait; ///< none: a code this client does not know
    QString code;
    QString value;
};

/// A creator like the one (or ones) asked about.
struct SimilarCreator
{
    DiscoveryItem influencer;
    double similarity = 0; ///< cosine similarity, at most 1
    QList<SharedTrait> sharedTraits;

    static Result<SimilarCreator> fromJson(const QJsonObject &json);
};

/// GET /influencers/{id}/similar
struct SimilarCreators
{
    QList<SimilarCreator> items;

    static Result<SimilarCreators> fromJson(const QJsonObject &json);
};

/// The recommendation calls. Holds no state but the client; copy it freely.
class RecommendationsApi
{
public:
    /// The most creators `also` may name (the server's limit).
    static constexpr int kMaxAlso = 20;

    explicit RecommendationsApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/campaigns/{id}/recommendations (limit 1–100); `cursor` is the previous
    /// page's nextCursor, empty for the first.
    QFuture<Result<RecommendationPage>> recommendations(
            const QString &campaignId, int limit, const QString &cursor = {}) const;
    /// GET /api/v1/influencers/{id}/similar (limit 1–50); `also` makes it "more like these":
    /// like the centroid of `influencerId` and them (at most kMaxAlso).
    QFuture<Result<SimilarCreators>> similar(
            const QString &influencerId, int limit, const QStringList &also = {}) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
