// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsApi.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

qint64 integer(const QJsonObject &json, const QString &name)
{
    return json.value(name).toInteger();
}

std::optional<qint64> optionalInteger(const QJsonObject &json, const QString &name)
{
    const QJsonValue value = json.value(name);
    return value.isDouble() ? std::optional(value.toInteger()) : std::nullopt;
}

std::optional<double> optionalNumber(const QJsonObject &json, const QString &name)
{
    const QJsonValue value = json.value(name);
    return value.isDouble() ? std::optional(value.toDouble()) : std::nullopt;
}

QDateTime time(const QJsonObject &json, const QString &name)
{
    return QDateTime::fromString(json.value(name).toString(), Qt::ISODateWithMs);
}

QDate date(const QJsonObject &json, const QString &name)
{
    return QDate::fromString(json.value(name).toString(), Qt::ISODate);
}

Error invalid(const QString &detail)
{
    return Error::make(ErrorCode::InvalidResponse, detail);
}

template<class T>
QList<T> listOf(const QJsonValue &value)
{
    QList<T> items;
    for (const auto &item : value.toArray()) {
        items.append(T::fromJson(item.toObject()));
    }
    return items;
}

Result<AnalyticsPeriod> periodOf(const QJsonObject &json)
{
    AnalyticsPeriod period;
    period.from = date(json, u"from"_s);
    period.to = date(json, u"to"_s);
    const auto interval = analyticsIntervalFromString(json.value(u"interval"_s).toString());
    if (!period.from.isValid() || !period.to.isValid() || !interval) {
        return invalid(u"An analytics answer has no period."_s);
    }
    period.interval = *interval;
    return period;
}

QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

AnalyticsFigures AnalyticsFigures::fromJson(const QJsonObject &json)
{
    AnalyticsFigures f;
    f.posts = integer(json, u"posts"_s);
    f.reach = integer(json, u"reach"_s);
    f.reachEstimated = json.value(u"reachEstimated"_s).toBool();
    f.impressions = integer(json, u"impressions"_s);
    f.views = integer(json, u"views"_s);
    f.engagements = integer(json, u"engagements"_s);
    f.likes = integer(json, u"likes"_s);
    f.comments = integer(json, u"comments"_s);
    f.shares = integer(json, u"shares"_s);
    f.saves = integer(json, u"saves"_s);
    f.clicks = integer(json, u"clicks"_s);
    f.watchSeconds = integer(json, u"watchSeconds"_s);
    f.engagementRate = optionalNumber(json, u"engagementRate"_s);
    return f;
}

AnalyticsKpis AnalyticsKpis::fromJson(const QJsonObject &json)
{
    AnalyticsKpis k;
    static_cast<AnalyticsFigures &>(k) = AnalyticsFigures::fromJson(json);
    k.spendCommittedMinor = integer(json, u"spendCommittedMinor"_s);
    k.spendPaidMinor = integer(json, u"spendPaidMinor"_s);
    k.spendMinor = integer(json, u"spendMinor"_s);
    k.budgetMinor = integer(json, u"budgetMinor"_s);
    k.cpeMinor = optionalNumber(json, u"cpeMinor"_s);
    k.cpmMinor = optionalNumber(json, u"cpmMinor"_s);
    k.cpvMinor = optionalNumber(json, u"cpvMinor"_s);
    k.emvMinor = optionalInteger(json, u"emvMinor"_s);
    k.roi = optionalNumber(json, u"roi"_s);
    return k;
}

AnalyticsPoint AnalyticsPoint::fromJson(const QJsonObject &json)
{
    AnalyticsPoint p;
    p.start = date(json, u"start"_s);
    p.views = integer(json, u"views"_s);
    p.impressions = integer(json, u"impressions"_s);
    p.reach = integer(json, u"reach"_s);
    p.engagements = integer(json, u"engagements"_s);
    p.likes = integer(json, u"likes"_s);
    p.comments = integer(json, u"comments"_s);
    p.shares = integer(json, u"shares"_s);
    p.saves = integer(json, u"saves"_s);
    p.clicks = integer(json, u"clicks"_s);
    return p;
}

AnalyticsPost AnalyticsPost::fromJson(const QJsonObject &json)
{
    AnalyticsPost p;
    static_cast<AnalyticsFigures &>(p) = AnalyticsFigures::fromJson(json);
    p.posts = 1;
    p.id = json.value(u"id"_s).toString();
    p.influencerId = json.value(u"influencerId"_s).toString();
    p.displayName = json.value(u"displayName"_s).toString();
    p.platform = json.value(u"platform"_s).toString();
    p.kind = json.value(u"kind"_s).toString();
    p.url = json.value(u"url"_s).toString();
    p.caption = json.value(u"caption"_s).toString();
    p.publishedAt = time(json, u"publishedAt"_s);
    p.deliverableId = json.value(u"deliverableId"_s).toString();
    p.campaignId = json.value(u"campaignId"_s).toString();
    p.emvMinor = optionalInteger(json, u"emvMinor"_s);
    p.source = json.value(u"source"_s).toString();
    p.evidenceUrl = json.value(u"evidenceUrl"_s).toString();
    p.dataAsOf = time(json, u"dataAsOf"_s);
    return p;
}

AnalyticsCreator AnalyticsCreator::fromJson(const QJsonObject &json)
{
    AnalyticsCreator c;
    static_cast<AnalyticsFigures &>(c) = AnalyticsFigures::fromJson(json);
    c.influencerId = json.value(u"influencerId"_s).toString();
    c.displayName = json.value(u"displayName"_s).toString();
    c.spendMinor = integer(json, u"spendMinor"_s);
    c.cpeMinor = optionalNumber(json, u"cpeMinor"_s);
    c.emvMinor = optionalInteger(json, u"emvMinor"_s);
    return c;
}

std::optional<EmvTableRef> EmvTableRef::fromJson(const QJsonValue &value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject json = value.toObject();
    EmvTableRef t;
    t.id = json.value(u"id"_s).toString();
    t.name = json.value(u"name"_s).toString();
    t.currency = json.value(u"currency"_s).toString();
    t.custom = json.value(u"custom"_s).toBool();
    t.updatedAt = time(json, u"updatedAt"_s);
    return t;
}

Result<EmvTable> EmvTable::fromJson(const QJsonObject &json)
{
    const auto ref = EmvTableRef::fromJson(json);
    if (!ref || ref->id.isEmpty()) {
        return invalid(u"An EMV table has no id."_s);
    }
    EmvTable t;
    static_cast<EmvTableRef &>(t) = *ref;
    t.brandId = json.value(u"brandId"_s).toString();
    for (const auto &value : json.value(u"rates"_s).toArray()) {
        const QJsonObject r = value.toObject();
        t.rates.append({r.value(u"platform"_s).toString(),
                r.value(u"perMilleImpressionsMinor"_s).toDouble(),
                r.value(u"perViewMinor"_s).toDouble(), r.value(u"perLikeMinor"_s).toDouble(),
                r.value(u"perCommentMinor"_s).toDouble(), r.value(u"perShareMinor"_s).toDouble(),
                r.value(u"perSaveMinor"_s).toDouble(), r.value(u"perClickMinor"_s).toDouble()});
    }
    return t;
}

Result<CampaignAnalytics> CampaignAnalytics::fromJson(const QJsonObject &json)
{
    CampaignAnalytics a;
    auto period = periodOf(json);
    if (!period) {
        return period.error();
    }
    a.period = *period;
    a.campaignId = json.value(u"campaignId"_s).toString();
    if (a.campaignId.isEmpty()) {
        return invalid(u"Campaign analytics without a campaign."_s);
    }
    a.campaignName = json.value(u"campaignName"_s).toString();
    a.currency = json.value(u"currency"_s).toString();
    a.dataAsOf = time(json, u"dataAsOf"_s);
    a.emvTable = EmvTableRef::fromJson(json.value(u"emvTable"_s));
    a.kpis = AnalyticsKpis::fromJson(json.value(u"kpis"_s).toObject());
    a.series = listOf<AnalyticsPoint>(json.value(u"series"_s));
    a.creators = listOf<AnalyticsCreator>(json.value(u"creators"_s));
    a.posts = listOf<AnalyticsPost>(json.value(u"posts"_s));
    return a;
}

Result<AnalyticsOverview> AnalyticsOverview::fromJson(const QJsonObject &json)
{
    AnalyticsOverview o;
    auto period = periodOf(json);
    if (!period) {
        return period.error();
    }
    o.period = *period;
    o.previousFrom = date(json, u"previousFrom"_s);
    o.previousTo = date(json, u"previousTo"_s);
    o.currency = json.value(u"currency"_s).toString();
    for (const auto &value : json.value(u"currencies"_s).toArray()) {
        o.currencies.append(value.toString());
    }
    o.dataAsOf = time(json, u"dataAsOf"_s);
    o.emvTable = EmvTableRef::fromJson(json.value(u"emvTable"_s));
    o.kpis = AnalyticsKpis::fromJson(json.value(u"kpis"_s).toObject());
    o.previousKpis = AnalyticsKpis::fromJson(json.value(u"previousKpis"_s).toObject());
    o.series = listOf<AnalyticsPoint>(json.value(u"series"_s));
    for (const auto &value : json.value(u"campaigns"_s).toArray()) {
        const QJsonObject c = value.toObject();
        o.campaigns.append({c.value(u"id"_s).toString(), c.value(u"name"_s).toString(),
                c.value(u"status"_s).toString(), c.value(u"currency"_s).toString(),
                integer(c, u"budgetMinor"_s), integer(c, u"committedMinor"_s),
                integer(c, u"paidMinor"_s), integer(c, u"remainingMinor"_s), integer(c, u"views"_s),
                integer(c, u"engagements"_s), optionalInteger(c, u"emvMinor"_s)});
    }
    o.topCreators = listOf<AnalyticsCreator>(json.value(u"topCreators"_s));
    o.topPosts = listOf<AnalyticsPost>(json.value(u"topPosts"_s));
    const QJsonObject todos = json.value(u"todos"_s).toObject();
    o.todos = {integer(todos, u"draftsToReview"_s), integer(todos, u"overdueDeliverables"_s),
            integer(todos, u"offersWaiting"_s), integer(todos, u"payoutsDue"_s)};
    return o;
}

Result<CreatorAnalytics> CreatorAnalytics::fromJson(const QJsonObject &json)
{
    CreatorAnalytics c;
    auto period = periodOf(json);
    if (!period) {
        return period.error();
    }
    c.period = *period;
    c.influencerId = json.value(u"influencerId"_s).toString();
    if (c.influencerId.isEmpty()) {
        return invalid(u"Creator analytics without a creator."_s);
    }
    c.displayName = json.value(u"displayName"_s).toString();
    c.dataAsOf = time(json, u"dataAsOf"_s);
    const QJsonObject kpis = json.value(u"kpis"_s).toObject();
    c.kpis = AnalyticsFigures::fromJson(kpis);
    c.followers = integer(kpis, u"followers"_s);
    c.growth30d = optionalNumber(kpis, u"growth30d"_s);
    for (const auto &value : json.value(u"accounts"_s).toArray()) {
        const QJsonObject a = value.toObject();
        Account account{a.value(u"id"_s).toString(), a.value(u"platform"_s).toString(),
                a.value(u"handle"_s).toString(), integer(a, u"followers"_s),
                optionalNumber(a, u"engagementRate"_s), a.value(u"engagementBasis"_s).toString(),
                optionalNumber(a, u"growth30d"_s), time(a, u"dataAsOf"_s), {}};
        for (const auto &d : a.value(u"series"_s).toArray()) {
            const QJsonObject day = d.toObject();
            account.series.append({date(day, u"day"_s), integer(day, u"followers"_s),
                    optionalInteger(day, u"views"_s), optionalInteger(day, u"reach"_s),
                    optionalNumber(day, u"engagementRate"_s)});
        }
        c.accounts.append(std::move(account));
    }
    c.series = listOf<AnalyticsPoint>(json.value(u"series"_s));
    c.posts = listOf<AnalyticsPost>(json.value(u"posts"_s));
    return c;
}

Result<PostMetricsHistory> PostMetricsHistory::fromJson(const QJsonObject &json)
{
    PostMetricsHistory h;
    h.post = AnalyticsPost::fromJson(json.value(u"post"_s).toObject());
    if (h.post.id.isEmpty()) {
        return invalid(u"A post's history without the post."_s);
    }
    for (const auto &value : json.value(u"days"_s).toArray()) {
        const QJsonObject d = value.toObject();
        h.days.append({date(d, u"day"_s), optionalInteger(d, u"views"_s),
                optionalInteger(d, u"impressions"_s), optionalInteger(d, u"reach"_s),
                optionalInteger(d, u"likes"_s), optionalInteger(d, u"comments"_s),
                optionalInteger(d, u"shares"_s), optionalInteger(d, u"saves"_s),
                optionalInteger(d, u"clicks"_s), optionalInteger(d, u"watchSeconds"_s),
                d.value(u"source"_s).toString(), d.value(u"evidenceUrl"_s).toString(),
                d.value(u"enteredBy"_s).toString(), time(d, u"capturedAt"_s)});
    }
    return h;
}

QFuture<Result<CampaignAnalytics>> AnalyticsApi::campaign(
        const QString &campaignId, const AnalyticsPeriod &period) const
{
    return readObject<CampaignAnalytics>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/analytics/campaigns/"_s + segment(campaignId), period.toUrlQuery()),
            CampaignAnalytics::fromJson);
}

QFuture<Result<AnalyticsOverview>> AnalyticsApi::overview(
        const AnalyticsPeriod &period, const QString &campaignId, const QString &currency) const
{
    QUrlQuery query = period.toUrlQuery();
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
    return readObject<CreatorAnalytics>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/analytics/creators/"_s + segment(influencerId), period.toUrlQuery()),
            CreatorAnalytics::fromJson);
}

QFuture<Result<QList<EmvTable>>> AnalyticsApi::emvTables() const
{
    return readObject<QList<EmvTable>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/analytics/emv-tables"_s),
            [](const QJsonObject &json) -> Result<QList<EmvTable>> {
                QList<EmvTable> tables;
                for (const auto &value : json.value(u"items"_s).toArray()) {
                    auto table = EmvTable::fromJson(value.toObject());
                    if (!table) {
                        return table.error();
                    }
                    tables.append(std::move(*table));
                }
                return tables;
            });
}

QFuture<Result<EmvTable>> AnalyticsApi::saveEmvTable(
        const QString &currency, const EmvTableInput &input) const
{
    return readObject<EmvTable>(m_client->send(ApiClient::Method::Put,
                                        u"/api/v1/analytics/emv-tables/"_s + segment(currency), {},
                                        QJsonDocument(input.toJson())),
            EmvTable::fromJson);
}

QFuture<Result<PostMetricsHistory>> AnalyticsApi::postMetrics(const QString &postId) const
{
    return readObject<PostMetricsHistory>(
            m_client->send(
                    ApiClient::Method::Get, u"/api/v1/posts/"_s + segment(postId) + u"/metrics"_s),
            PostMetricsHistory::fromJson);
}

QFuture<Result<PostMetricsHistory>> AnalyticsApi::enterMetrics(
        const QString &deliverableId, const QDate &day, const ManualMetricsInput &input) const
{
    return readObject<PostMetricsHistory>(
            m_client->send(ApiClient::Method::Put,
                    u"/api/v1/deliverables/"_s + segment(deliverableId) + u"/metrics/"_s
                            + day.toString(Qt::ISODate),
                    {}, QJsonDocument(input.toJson())),
            PostMetricsHistory::fromJson);
}

} // namespace influence::common
