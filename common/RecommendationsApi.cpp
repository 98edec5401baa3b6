// SPDX-License-Identifier: Apache-2.0
#include "RecommendationsApi.h"

#include "Error.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto &entry : array) {
        list.append(entry.toString());
    }
    return list;
}

std::optional<double> number(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional(value.toDouble()) : std::nullopt;
}

std::optional<qint64> integer(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional(value.toInteger()) : std::nullopt;
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

/// `json`'s items read by `T::fromJson`; a list without items is not an answer of ours.
template<class T>
Result<QList<T>> listOf(const QJsonObject &json)
{
    if (!json.value(u"items"_s).isArray()) {
        return Error::make(ErrorCode::InvalidResponse, u"A list has no items."_s);
    }
    QList<T> list;
    const QJsonArray array = json.value(u"items"_s).toArray();
    list.reserve(array.size());
    for (const auto &value : array) {
        auto item = T::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        list.append(std::move(*item));
    }
    return list;
}

} // namespace

RecommendationFacts RecommendationFacts::fromJson(const QJsonObject &json)
{
    RecommendationFacts facts;
    facts.matchedNiches = strings(json.value(u"matchedNiches"_s));
    facts.terms = strings(json.value(u"terms"_s));
    facts.country = json.value(u"country"_s).toString();
    facts.share = number(json, u"share"_s);
    facts.targetCountries = strings(json.value(u"targetCountries"_s));
    facts.languages = strings(json.value(u"languages"_s));
    facts.source = json.value(u"source"_s).toString();
    facts.followers = integer(json, u"followers"_s);
    facts.minFollowers = integer(json, u"minFollowers"_s);
    facts.maxFollowers = integer(json, u"maxFollowers"_s);
    facts.rate = number(json, u"rate"_s);
    facts.median = number(json, u"median"_s);
    if (const auto score = integer(json, u"score"_s)) {
        facts.authenticityScore = static_cast<int>(*score);
    }
    facts.feeMinor = integer(json, u"feeMinor"_s);
    facts.currency = json.value(u"currency"_s).toString();
    facts.remainingMinor = integer(json, u"remainingMinor"_s);
    facts.deliverableType = json.value(u"deliverableType"_s).toString();
    facts.completedDeals = integer(json, u"completedDeals"_s);
    facts.cpeMinor = number(json, u"cpeMinor"_s);
    facts.medianCpeMinor = number(json, u"medianCpeMinor"_s);
    facts.declines = integer(json, u"declines"_s);
    facts.days = integer(json, u"days"_s);
    return facts;
}

Result<RecommendationFactorScore> RecommendationFactorScore::fromJson(const QJsonObject &json)
{
    RecommendationFactorScore score;
    score.code = json.value(u"code"_s).toString();
    if (score.code.isEmpty()) {
        return Error::make(ErrorCode::InvalidResponse, u"A recommendation factor has no code."_s);
    }
    score.factor = recommendationFactorFromString(score.code);
    score.weight = json.value(u"weight"_s).toDouble();
    score.value = json.value(u"value"_s).toDouble();
    score.contribution = json.value(u"contribution"_s).toDouble();
    score.sentence = json.value(u"sentence"_s).toString();
    score.facts = RecommendationFacts::fromJson(json.value(u"facts"_s).toObject());
    return score;
}

const RecommendationFactorScore *Recommendation::find(RecommendationFactor factor) const
{
    for (const RecommendationFactorScore &entry : factors) {
        if (entry.factor == factor) {
            return &entry;
        }
    }
    return nullptr;
}

Result<Recommendation> Recommendation::fromJson(const QJsonObject &json)
{
    auto influencer = DiscoveryItem::fromJson(json.value(u"influencer"_s).toObject());
    if (!influencer) {
        return influencer.error();
    }
    Recommendation recommendation;
    recommendation.influencer = std::move(*influencer);
    recommendation.rank = json.value(u"rank"_s).toInt();
    recommendation.score = json.value(u"score"_s).toDouble();
    const QJsonArray factors = json.value(u"factors"_s).toArray();
    for (const auto &value : factors) {
        auto factor = RecommendationFactorScore::fromJson(value.toObject());
        if (!factor) {
            return factor.error();
        }
        recommendation.factors.append(std::move(*factor));
    }
    return recommendation;
}

Result<RecommendationPage> RecommendationPage::fromJson(const QJsonObject &json)
{
    auto list = listOf<Recommendation>(json);
    if (!list) {
        return list.error();
    }
    RecommendationPage page;
    page.items = std::move(*list);
    page.nextCursor = json.value(u"nextCursor"_s).toString();
    page.generatedAt = QDateTime::fromString(json.value(u"generatedAt"_s).toString(), Qt::ISODate);
    return page;
}

Result<SimilarCreator> SimilarCreator::fromJson(const QJsonObject &json)
{
    auto influencer = DiscoveryItem::fromJson(json.value(u"influencer"_s).toObject());
    if (!influencer) {
        return influencer.error();
    }
    SimilarCreator creator;
    creator.influencer = std::move(*influencer);
    creator.similarity = json.value(u"similarity"_s).toDouble();
    const QJsonArray traits = json.value(u"sharedTraits"_s).toArray();
    for (const auto &value : traits) {
        const QJsonObject trait = value.toObject();
        const QString code = trait.value(u"code"_s).toString();
        creator.sharedTraits.append(
                {similarTraitFromString(code), code, trait.value(u"value"_s).toString()});
    }
    return creator;
}

Result<SimilarCreators> SimilarCreators::fromJson(const QJsonObject &json)
{
    auto list = listOf<SimilarCreator>(json);
    if (!list) {
        return list.error();
    }
    return SimilarCreators{std::move(*list)};
}

QFuture<Result<RecommendationPage>> RecommendationsApi::recommendations(
        const QString &campaignId, int limit, const QString &cursor) const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        query.addQueryItem(u"cursor"_s, cursor);
    }
    return readObject<RecommendationPage>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/campaigns/"_s + encoded(campaignId) + u"/recommendations"_s, query),
            RecommendationPage::fromJson);
}

QFuture<Result<SimilarCreators>> RecommendationsApi::similar(
        const QString &influencerId, int limit, const QStringList &also) const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!also.isEmpty()) {
        query.addQueryItem(u"also"_s, also.mid(0, kMaxAlso).join(u','));
    }
    return readObject<SimilarCreators>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/influencers/"_s + encoded(influencerId) + u"/similar"_s, query),
            SimilarCreators::fromJson);
}

} // namespace influence::common
