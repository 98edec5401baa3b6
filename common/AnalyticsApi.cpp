// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsApi.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &detail)
{
    return Error::make(ErrorCode::InvalidResponse, detail);
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

std::optional<double> optionalDouble(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (!value.isDouble()) {
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<qint64> optionalInt(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    return value.toInteger();
}

qint64 integer(const QJsonObject &json, const QString &key)
{
    return json.value(key).toInteger();
}

QDate date(const QJsonObject &json, const QString &key)
{
    return QDate::fromString(json.value(key).toString(), Qt::ISODate);
}

QDateTime time(const QJsonObject &json, const QString &key)
{
    return QDateTime::fromString(json.value(key).toString(), Qt::ISODateWithMs);
}

template<class T>
QList<T> listOf(const QJsonValue &value)
{
    QList<T> items;
    const QJsonArray array = value.toArray();
    items.reserve(array.size());
    for (const auto &item : array) {
        items.append(T::fromJson(item.toObject()));
    }
    return items;
}

CampaignSpend campaignSpend(const QJsonObject &json)
{
    CampaignSpend spend;
    spend.id = json.value(u"id"_s).toString();
    spend.name = json.value(u"name"_s).toString();
    spend.status = json.value(u"status"_s).toString();
    spend.currency = json.value(u"currency"_s).toString();
    spend.budgetMinor = integer(json, u"budgetMinor"_s);
    spend.committedMinor = integer(json, u"committedMinor"_s);
    spend.paidMinor = integer(json, u"paidMinor"_s);
    spend.remainingMinor = integer(json, u"remainingMinor"_s);
    spend.views = integer(json, u"views"_s);
    spend.engagements = integer(json, u"engagements"_s);
    spend.emvMinor = integer(json, u"emvMinor"_s);
    return spend;
}

AccountAnalytics accountAnalytics(const QJsonObject &json)
{
    AccountAnalytics account;
    account.id = json.value(u"id"_s).toString();
    account.platform = json.value(u"platform"_s).toString();
    account.handle = json.value(u"handle"_s).toString();
    account.followers = integer(json, u"followers"_s);
    account.engagementRate = optionalDouble(json, u"engagementRate"_s);
    account.engagementBasis = json.value(u"engagementBasis"_s).toString();
    account.growth30d = optionalDouble(json, u"growth30d"_s);
    account.dataAsOf = time(json, u"dataAsOf"_s);
    for (const auto &value : json.value(u"series"_s).toArray()) {
        const QJsonObject day = value.toObject();
        account.series.append({date(day, u"day"_s), optionalInt(day.value(u"followers"_s)),
                optionalInt(day.value(u"views"_s)), optionalInt(day.value(u"reach"_s)),
                optionalDouble(day, u"engagementRate"_s)});
    }
    return account;
}

} // namespace

QString wireName(Metric metric)
{
    switch (metric) {
    case Metric::Views: return u"views"_s;
    case Metric::Impressions: return u"impressions"_s;
    case Metric::Reach: return u"reach"_s;
    case Metric::Engagements: return u"engagements"_s;
    case Metric::Likes: return u"likes"_s;
    case Metric::Comments: return u"comments"_s;
    case Metric::Shares: return u"shares"_s;
    case Metric::Saves: return u"saves"_s;
    case Metric::Clicks: return u"clicks"_s;
    case Metric::WatchSeconds: return u"watchSeconds"_s;
    }
    return {};
}

QString wireName(AnalyticsPeriod::Interval interval)
{
    switch (interval) {
    case AnalyticsPeriod::Interval::Day: return u"day"_s;
    case AnalyticsPeriod::Interval::Week: return u"week"_s;
    case AnalyticsPeriod::Interval::Month: return u"month"_s;
    }
    return {};
}

Figures Figures::fromJson(const QJsonObject &json)
{
    Figures figures;
    for (int i = 0; i < kMetricCount; ++i) {
        figures.values.at(i) = optionalInt(json.value(wireName(Metric(i))));
    }
    return figures;
}

void AnalyticsPeriod::addTo(QUrlQuery &query) const
{
    if (from.isValid()) {
        query.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    }
    if (to.isValid()) {
        query.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    }
    query.addQueryItem(u"interval"_s, wireName(interval));
}

EmvTableRef EmvTableRef::fromJson(const QJsonObject &json)
{
    return {json.value(u"id"_s).toVariant().toString(), json.value(u"name"_s).toString(),
            json.value(u"currency"_s).toString(), json.value(u"custom"_s).toBool(),
            time(json, u"updatedAt"_s)};
}

EmvTable EmvTable::fromJson(const QJsonObject &json)
{
    EmvTable table;
    table.ref = EmvTableRef::fromJson(json);
    for (const auto &value : json.value(u"rates"_s).toArray()) {
        const QJsonObject rate = value.toObject();
        const auto number = [&rate](const QString &key) {
            // Decimal numbers, sent as JSON numbers or as strings ("0.0125").
            const QJsonValue v = rate.value(key);
            return v.isString() ? v.toString().toDouble() : v.toDouble();
        };
        table.rates.append({rate.value(u"platform"_s).toString(),
                number(u"perMilleImpressionsMinor"_s), number(u"perViewMinor"_s),
                number(u"perLikeMinor"_s), number(u"perCommentMinor"_s),
                number(u"perShareMinor"_s), number(u"perSaveMinor"_s),
                number(u"perClickMinor"_s)});
    }
    return table;
}

AnalyticsKpis AnalyticsKpis::fromJson(const QJsonObject &json)
{
    AnalyticsKpis kpis;
    kpis.figures = Figures::fromJson(json);
    kpis.posts = integer(json, u"posts"_s);
    kpis.reachEstimated = json.value(u"reachEstimated"_s).toBool();
    kpis.engagementRate = optionalDouble(json, u"engagementRate"_s);
    kpis.spendCommittedMinor = integer(json, u"spendCommittedMinor"_s);
    kpis.spendPaidMinor = integer(json, u"spendPaidMinor"_s);
    kpis.spendMinor = integer(json, u"spendMinor"_s);
    kpis.budgetMinor = integer(json, u"budgetMinor"_s);
    kpis.cpeMinor = optionalDouble(json, u"cpeMinor"_s);
    kpis.cpmMinor = optionalDouble(json, u"cpmMinor"_s);
    kpis.cpvMinor = optionalDouble(json, u"cpvMinor"_s);
    kpis.emvMinor = integer(json, u"emvMinor"_s);
    kpis.roi = optionalDouble(json, u"roi"_s);
    return kpis;
}

QList<SeriesPoint> SeriesPoint::listFromJson(const QJsonValue &value)
{
    QList<SeriesPoint> points;
    for (const auto &item : value.toArray()) {
        const QJsonObject json = item.toObject();
        points.append({date(json, u"start"_s), Figures::fromJson(json)});
    }
    return points;
}

CreatorPerformance CreatorPerformance::fromJson(const QJsonObject &json)
{
    CreatorPerformance creator;
    creator.influencerId = json.value(u"influencerId"_s).toString();
    creator.displayName = json.value(u"displayName"_s).toString();
    creator.posts = integer(json, u"posts"_s);
    creator.figures = Figures::fromJson(json);
    creator.reachEstimated = json.value(u"reachEstimated"_s).toBool();
    creator.engagementRate = optionalDouble(json, u"engagementRate"_s);
    creator.spendMinor = integer(json, u"spendMinor"_s);
    creator.cpeMinor = optionalDouble(json, u"cpeMinor"_s);
    creator.emvMinor = integer(json, u"emvMinor"_s);
    return creator;
}

PostPerformance PostPerformance::fromJson(const QJsonObject &json)
{
    PostPerformance post;
    post.id = json.value(u"id"_s).toString();
    post.influencerId = json.value(u"influencerId"_s).toString();
    post.displayName = json.value(u"displayName"_s).toString();
    post.platform = json.value(u"platform"_s).toString();
    post.kind = json.value(u"kind"_s).toString();
    post.url = json.value(u"url"_s).toString();
    post.caption = json.value(u"caption"_s).toString();
    post.publishedAt = time(json, u"publishedAt"_s);
    post.deliverableId = json.value(u"deliverableId"_s).toString();
    post.campaignId = json.value(u"campaignId"_s).toString();
    post.figures = Figures::fromJson(json);
    post.engagementRate = optionalDouble(json, u"engagementRate"_s);
    post.emvMinor = integer(json, u"emvMinor"_s);
    post.source = json.value(u"source"_s).toString();
    post.evidenceUrl = json.value(u"evidenceUrl"_s).toString();
    post.dataAsOf = time(json, u"dataAsOf"_s);
    return post;
}

Result<CampaignAnalytics> CampaignAnalytics::fromJson(const QJsonObject &json)
{
    CampaignAnalytics analytics;
    analytics.campaignId = json.value(u"campaignId"_s).toString();
    analytics.currency = json.value(u"currency"_s).toString();
    if (analytics.campaignId.isEmpty() || !json.value(u"kpis"_s).isObject()) {
        return invalid(u"A campaign's analytics have no campaign or no KPIs."_s);
    }
    analytics.campaignName = json.value(u"campaignName"_s).toString();
    analytics.from = date(json, u"from"_s);
    analytics.to = date(json, u"to"_s);
    analytics.interval = json.value(u"interval"_s).toString();
    analytics.dataAsOf = time(json, u"dataAsOf"_s);
    analytics.emvTable = EmvTableRef::fromJson(json.value(u"emvTable"_s).toObject());
    analytics.kpis = AnalyticsKpis::fromJson(json.value(u"kpis"_s).toObject());
    analytics.series = SeriesPoint::listFromJson(json.value(u"series"_s));
    analytics.creators = listOf<CreatorPerformance>(json.value(u"creators"_s));
    analytics.posts = listOf<PostPerformance>(json.value(u"posts"_s));
    return analytics;
}

Result<AnalyticsOverview> AnalyticsOverview::fromJson(const QJsonObject &json)
{
    if (!json.value(u"kpis"_s).isObject()) {
        return invalid(u"The overview has no KPIs."_s);
    }
    AnalyticsOverview overview;
    overview.from = date(json, u"from"_s);
    overview.to = date(json, u"to"_s);
    overview.interval = json.value(u"interval"_s).toString();
    overview.previousFrom = date(json, u"previousFrom"_s);
    overview.previousTo = date(json, u"previousTo"_s);
    overview.currency = json.value(u"currency"_s).toString();
    for (const auto &value : json.value(u"currencies"_s).toArray()) {
        overview.currencies.append(value.toString());
    }
    overview.dataAsOf = time(json, u"dataAsOf"_s);
    overview.emvTable = EmvTableRef::fromJson(json.value(u"emvTable"_s).toObject());
    overview.kpis = AnalyticsKpis::fromJson(json.value(u"kpis"_s).toObject());
    overview.previousKpis = AnalyticsKpis::fromJson(json.value(u"previousKpis"_s).toObject());
    overview.series = SeriesPoint::listFromJson(json.value(u"series"_s));
    for (const auto &value : json.value(u"campaigns"_s).toArray()) {
        overview.campaigns.append(campaignSpend(value.toObject()));
    }
    overview.topCreators = listOf<CreatorPerformance>(json.value(u"topCreators"_s));
    overview.topPosts = listOf<PostPerformance>(json.value(u"topPosts"_s));
    const QJsonObject todos = json.value(u"todos"_s).toObject();
    overview.todos = {todos.value(u"draftsToReview"_s).toInt(),
            todos.value(u"overdueDeliverables"_s).toInt(), todos.value(u"offersWaiting"_s).toInt(),
            todos.value(u"payoutsDue"_s).toInt()};
    return overview;
}

Result<CreatorAnalytics> CreatorAnalytics::fromJson(const QJsonObject &json)
{
    CreatorAnalytics analytics;
    analytics.influencerId = json.value(u"influencerId"_s).toString();
    if (analytics.influencerId.isEmpty() || !json.value(u"kpis"_s).isObject()) {
        return invalid(u"A creator's analytics have no creator or no KPIs."_s);
    }
    analytics.displayName = json.value(u"displayName"_s).toString();
    analytics.from = date(json, u"from"_s);
    analytics.to = date(json, u"to"_s);
    analytics.interval = json.value(u"interval"_s).toString();
    analytics.dataAsOf = time(json, u"dataAsOf"_s);
    const QJsonObject kpis = json.value(u"kpis"_s).toObject();
    analytics.figures = Figures::fromJson(kpis);
    analytics.postCount = integer(kpis, u"posts"_s);
    analytics.reachEstimated = kpis.value(u"reachEstimated"_s).toBool();
    analytics.engagementRate = optionalDouble(kpis, u"engagementRate"_s);
    analytics.followers = integer(kpis, u"followers"_s);
    analytics.growth30d = optionalDouble(kpis, u"growth30d"_s);
    for (const auto &value : json.value(u"accounts"_s).toArray()) {
        analytics.accounts.append(accountAnalytics(value.toObject()));
    }
    analytics.series = SeriesPoint::listFromJson(json.value(u"series"_s));
    analytics.posts = listOf<PostPerformance>(json.value(u"posts"_s));
    return analytics;
}

Result<PostHistory> PostHistory::fromJson(const QJsonObject &json)
{
    if (!json.value(u"post"_s).isObject()) {
        return invalid(u"A post's history has no post."_s);
    }
    PostHistory history;
    history.post = PostPerformance::fromJson(json.value(u"post"_s).toObject());
    for (const auto &value : json.value(u"days"_s).toArray()) {
        const QJsonObject day = value.toObject();
        Figures figures = Figures::fromJson(day);
        if (!figures.get(Metric::Engagements)) {
            // Engagements = likes + comments + shares + saves, when any of them is known.
            std::optional<qint64> sum;
            for (const Metric part : {Metric::Likes, Metric::Comments, Metric::Shares,
                         Metric::Saves}) {
                if (figures.get(part)) {
                    sum = sum.value_or(0) + *figures.get(part);
                }
            }
            figures.set(Metric::Engagements, sum);
        }
        history.days.append({date(day, u"day"_s), figures,
                day.value(u"source"_s).toString(), day.value(u"evidenceUrl"_s).toString(),
                day.value(u"enteredBy"_s).toString(), time(day, u"capturedAt"_s)});
    }
    return history;
}

QJsonObject MetricsEntry::toJson() const
{
    QJsonObject json;
    for (int i = 0; i < kMetricCount; ++i) {
        const auto metric = Metric(i);
        if (metric != Metric::Engagements && figures.get(metric)) {
            json.insert(wireName(metric), *figures.get(metric));
        }
    }
    if (!evidenceUrl.isEmpty()) {
        json.insert(u"evidenceUrl"_s, evidenceUrl);
    }
    return json;
}

QFuture<Result<CampaignAnalytics>> AnalyticsApi::campaign(
        const QString &campaignId, const AnalyticsPeriod &period) const
{
    QUrlQuery query;
    period.addTo(query);
    return readObject<CampaignAnalytics>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/analytics/campaigns/"_s + encoded(campaignId), query),
            CampaignAnalytics::fromJson);
}

QFuture<Result<AnalyticsOverview>> AnalyticsApi::overview(
        const AnalyticsPeriod &period, const QString &campaignId, const QString &currency) const
{
    QUrlQuery query;
    period.addTo(query);
    if (!campaignId.isEmpty()) {
        query.addQueryItem(u"campaign"_s, campaignId);
    }
    if (!currency.isEmpty()) {
        query.addQueryItem(u"currency"_s, currency);
    }
    return readObject<AnalyticsOverview>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/analytics/overview"_s, query),
            AnalyticsOverview::fromJson);
}

QFuture<Result<CreatorAnalytics>> AnalyticsApi::creator(
        const QString &influencerId, const AnalyticsPeriod &period) const
{
    QUrlQuery query;
    period.addTo(query);
    return readObject<CreatorAnalytics>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/analytics/creators/"_s + encoded(influencerId), query),
            CreatorAnalytics::fromJson);
}

QFuture<Result<QList<EmvTable>>> AnalyticsApi::emvTables() const
{
    return readObject<QList<EmvTable>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/analytics/emv-tables"_s),
            [](const QJsonObject &json) -> Result<QList<EmvTable>> {
                const QJsonValue items = json.contains(u"items"_s) ? json.value(u"items"_s)
                                                                   : json.value(u"tables"_s);
                if (!items.isArray()) {
                    return invalid(u"The EMV tables have no list."_s);
                }
                return listOf<EmvTable>(items);
            });
}

QFuture<Result<PostHistory>> AnalyticsApi::postHistory(const QString &postId) const
{
    return readObject<PostHistory>(m_client->send(ApiClient::Method::Get,
                                           u"/api/v1/posts/"_s + encoded(postId) + u"/metrics"_s),
            PostHistory::fromJson);
}

QFuture<Result<PostHistory>> AnalyticsApi::enterMetrics(
        const QString &deliverableId, const MetricsEntry &entry) const
{
    return readObject<PostHistory>(
            m_client->send(ApiClient::Method::Put,
                    u"/api/v1/deliverables/"_s + encoded(deliverableId) + u"/metrics/"_s
                            + entry.day.toString(Qt::ISODate),
                    {}, QJsonDocument(entry.toJson())),
            PostHistory::fromJson);
}

} // namespace influence::common
