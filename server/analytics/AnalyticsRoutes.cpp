// SPDX-License-Identifier: Apache-2.0
// HTTP for analytics: the route table, and for each route the reading and checking of its input
// on the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "AnalyticsRoutes.h"

#include "Dashboards.h"
#include "EmvTables.h"
#include "PostMetrics.h"
#include "common/AnalyticsTypes.h"
#include "core/http/CsvResponse.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;
using influence::common::AnalyticsPeriod;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Response;
using influence::server::http::Work;
using Column = influence::server::http::csv::Column;

namespace influence::server::analytics {

namespace {

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

Result<AnalyticsPeriod> periodOf(const Request &request)
{
    return common::parseAnalyticsPeriod(request.queryValue(u"from"_s), request.queryValue(u"to"_s),
            request.queryValue(u"interval"_s), todayUtc());
}

Result<QString> currencyOf(const QString &text, const QString &name)
{
    static const QRegularExpression code(u"^[A-Z]{3}$"_s);
    if (!code.match(text).hasMatch()) {
        return http::invalidParameter(name, u"Must be an ISO 4217 currency code (EUR)."_s);
    }
    return text;
}

/// The posts table of a dashboard as CSV; money in the major unit of `currency` when one is
/// given (a campaign's), in minor units otherwise (a creator's posts span currencies).
QList<Column> postColumns(bool withCurrency)
{
    QList<Column> columns{{u"id"_s, u"id"_s}, {u"published_at"_s, u"publishedAt"_s},
            {u"influencer_id"_s, u"influencerId"_s}, {u"creator"_s, u"displayName"_s},
            {u"platform"_s, u"platform"_s}, {u"kind"_s, u"kind"_s}, {u"url"_s, u"url"_s},
            {u"campaign_id"_s, u"campaignId"_s}, {u"deliverable_id"_s, u"deliverableId"_s},
            {u"views"_s, u"views"_s}, {u"impressions"_s, u"impressions"_s},
            {u"reach"_s, u"reach"_s}, {u"reach_estimated"_s, u"reachEstimated"_s},
            {u"engagements"_s, u"engagements"_s}, {u"likes"_s, u"likes"_s},
            {u"comments"_s, u"comments"_s}, {u"shares"_s, u"shares"_s}, {u"saves"_s, u"saves"_s},
            {u"clicks"_s, u"clicks"_s}, {u"watch_seconds"_s, u"watchSeconds"_s},
            {u"engagement_rate"_s, u"engagementRate"_s}};
    if (withCurrency) {
        columns << Column{u"emv"_s, u"emvMinor"_s, Column::Kind::MoneyAmount}
                << Column{u"currency"_s, u"currency"_s};
    } else {
        columns << Column{u"emv_minor"_s, u"emvMinor"_s};
    }
    columns << Column{u"source"_s, u"source"_s} << Column{u"evidence_url"_s, u"evidenceUrl"_s}
            << Column{u"data_as_of"_s, u"dataAsOf"_s};
    return columns;
}

QList<Column> campaignColumns()
{
    return {{u"id"_s, u"id"_s}, {u"name"_s, u"name"_s}, {u"status"_s, u"status"_s},
            {u"budget"_s, u"budgetMinor"_s, Column::Kind::MoneyAmount},
            {u"committed"_s, u"committedMinor"_s, Column::Kind::MoneyAmount},
            {u"paid"_s, u"paidMinor"_s, Column::Kind::MoneyAmount},
            {u"remaining"_s, u"remainingMinor"_s, Column::Kind::MoneyAmount},
            {u"currency"_s, u"currency"_s}, {u"views"_s, u"views"_s},
            {u"engagements"_s, u"engagements"_s},
            {u"emv"_s, u"emvMinor"_s, Column::Kind::MoneyAmount}};
}

/// A dashboard's answer: the JSON, or for `Accept: text/csv` the rows of its table `member`
/// (each given the dashboard's currency, if `currency` is true and it has one).
template<class Read>
Work dashboard(const Request &request, Read read, QString member, QList<Column> columns,
        QString filename, bool currency)
{
    if (!http::csv::wanted(request)) {
        return Work(std::move(read));
    }
    return Work([read = std::move(read), member = std::move(member), columns = std::move(columns),
                        filename = std::move(filename),
                        currency](Connection &c, const Principal &p) -> Response {
        const Result<QByteArray> json = read(c, p);
        if (!json) {
            return Response::fromError(json.error());
        }
        const QJsonObject object = QJsonDocument::fromJson(*json).object();
        QList<QByteArray> rows;
        for (const auto &value : object.value(member).toArray()) {
            QJsonObject row = value.toObject();
            if (currency && !row.contains(u"currency"_s)) {
                row.insert(u"currency"_s, object.value(u"currency"_s));
            }
            rows.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
        }
        return http::csv::response(rows, columns, filename);
    });
}

http::Prepare readCampaign(const std::shared_ptr<DashboardCache> &cache)
{
    return [cache](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        const auto period = periodOf(request);
        if (!period) {
            return period.error();
        }
        return dashboard(
                request,
                [cache, id = *id, period = *period](Connection &c, const Principal &p) {
                    return campaignAnalytics(c, *cache, p, id, period);
                },
                u"posts"_s, postColumns(true), u"campaign-posts.csv"_s, true);
    };
}

http::Prepare readOverview(const std::shared_ptr<DashboardCache> &cache)
{
    return [cache](const Request &request) -> Result<Work> {
        OverviewQuery query;
        const auto period = periodOf(request);
        if (!period) {
            return period.error();
        }
        const auto campaign = http::optionalUuidOf(request, u"campaign"_s);
        if (!campaign) {
            return campaign.error();
        }
        if (request.hasQuery(u"currency"_s)) {
            const auto currency = currencyOf(request.queryValue(u"currency"_s), u"currency"_s);
            if (!currency) {
                return currency.error();
            }
            query.currency = *currency;
        }
        query.period = *period;
        query.campaign = *campaign;
        return dashboard(
                request,
                [cache, query](Connection &c, const Principal &p) {
                    return overview(c, *cache, p, query);
                },
                u"campaigns"_s, campaignColumns(), u"campaigns.csv"_s, false);
    };
}

Result<Work> readCreator(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto period = periodOf(request);
    if (!period) {
        return period.error();
    }
    return dashboard(
            request,
            [id = *id, period = *period](Connection &c, const Principal &p) {
                return creatorAnalytics(c, p, id, period);
            },
            u"posts"_s, postColumns(false), u"creator-posts.csv"_s, false);
}

Result<Work> listEmvTables(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) {
        return emvTables(c, p);
    });
}

Result<Work> writeEmvTable(const Request &request)
{
    const auto currency = currencyOf(request.pathParams.value(u"currency"_s), u"currency"_s);
    if (!currency) {
        return currency.error();
    }
    const auto brand = http::optionalUuidOf(request, u"brand"_s);
    if (!brand) {
        return brand.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto input = common::validateEmvTable(*body);
    if (!input) {
        return input.error();
    }
    return Work([currency = *currency, brand = *brand, input = std::move(*input)](
                        Connection &c, const Principal &p) {
        return saveEmvTable(c, p, currency, brand, input);
    });
}

Result<Work> readPostMetrics(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return postMetrics(c, p, id);
    });
}

Result<Work> writeDeliverableMetrics(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const QString dayText = request.pathParams.value(u"day"_s);
    const QDate day = QDate::fromString(dayText, Qt::ISODate);
    if (dayText.size() != 10 || !day.isValid()) {
        return http::invalidParameter(u"day"_s, u"Must be a date (YYYY-MM-DD)."_s);
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto input = common::validateManualMetrics(*body, day, todayUtc());
    if (!input) {
        return input.error();
    }
    return Work([id = *id, day, input = std::move(*input)](Connection &c, const Principal &p) {
        return enterMetrics(c, p, id, day, input);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, qsizetype cacheBytes)
{
    constexpr auto signedIn = Access::SignedIn;
    const auto cache = std::make_shared<DashboardCache>(cacheBytes);
    constexpr auto get = HttpMethod::Get;
    constexpr auto put = HttpMethod::Put;
    using http::onReadReplica;
    http::addRoutes(context,
            {
                    onReadReplica({get, u"/api/v1/analytics/campaigns/{id}"_s, signedIn,
                            readCampaign(cache)}),
                    onReadReplica(
                            {get, u"/api/v1/analytics/overview"_s, signedIn, readOverview(cache)}),
                    onReadReplica(
                            {get, u"/api/v1/analytics/creators/{id}"_s, signedIn, readCreator}),
                    onReadReplica(
                            {get, u"/api/v1/analytics/emv-tables"_s, signedIn, listEmvTables}),
                    {put, u"/api/v1/analytics/emv-tables/{currency}"_s, signedIn, writeEmvTable},
                    onReadReplica(
                            {get, u"/api/v1/posts/{id}/metrics"_s, signedIn, readPostMetrics}),
                    {put, u"/api/v1/deliverables/{id}/metrics/{day}"_s, signedIn,
                            writeDeliverableMetrics},
            });
}

} // namespace influence::server::analytics
