// SPDX-License-Identifier: Apache-2.0
// The per-account forecast: the parameters checked on the HTTP thread (400 naming the
// parameter), the account's visibility, version and daily history read on a database worker,
// the fit on the CPU pool, the answer kept under the series' version.
#include "AccountForecast.h"

#include "ForecastRoutes.h"
#include "core/http/Request.h"
#include "core/http/Response.h"
#include "profiles/Metrics.h"
#include "profiles/MetricsCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;
using influence::server::profiles::DailyMetric;
using influence::server::profiles::MetricsCache;
using influence::server::profiles::MetricsKey;

namespace influence::server::forecast {

namespace {

/// The history a forecast is fitted on: the year up to `until`. Longer adds fit time and
/// nothing a 30-day forecast of a daily series needs.
constexpr int kHistoryDays = 365;
/// Daily data with a weekly rhythm: ETS considers the seasonal models, AICc decides.
constexpr int kSeasonPeriod = 7;

struct AccountForecastQuery
{
    QUuid account;
    QString metricName;
    DailyMetric metric = DailyMetric::Followers;
    int horizon = 30;
    QDate until;
    QList<double> levels{80.0, 95.0};
};

Result<QList<double>> levelsOf(const Request &request)
{
    if (!request.hasQuery(u"levels"_s)) {
        return QList<double>{80.0, 95.0};
    }
    const auto bad = [] {
        return Error::invalidParameter(u"levels"_s, u"invalid_value"_s,
                u"Must be 1 to %1 distinct comma-separated percentages in (0, 100), ascending."_s
                        .arg(common::forecast::kMaxLevels));
    };
    const QStringList parts = request.queryValue(u"levels"_s).split(u',');
    if (parts.size() > common::forecast::kMaxLevels) {
        return bad();
    }
    QList<double> levels;
    for (const QString &part : parts) {
        bool ok = false;
        const double level = part.trimmed().toDouble(&ok);
        if (!ok || !(level > 0.0 && level < 100.0)
                || (!levels.isEmpty() && level <= levels.last())) {
            return bad();
        }
        levels.append(level);
    }
    return levels;
}

Result<AccountForecastQuery> queryOf(const Request &request)
{
    AccountForecastQuery query;
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    query.account = *id;
    query.metricName =
            request.hasQuery(u"metric"_s) ? request.queryValue(u"metric"_s) : u"followers"_s;
    if (query.metricName == u"followers"_s) {
        query.metric = DailyMetric::Followers;
    } else if (query.metricName == u"views"_s) {
        query.metric = DailyMetric::Views;
    } else if (query.metricName == u"engagementRate"_s) {
        query.metric = DailyMetric::EngagementRate;
    } else {
        return Error::invalidParameter(
                u"metric"_s, u"invalid_value"_s, u"Must be followers, views or engagementRate."_s);
    }
    if (request.hasQuery(u"horizon"_s)) {
        bool ok = false;
        query.horizon = request.queryValue(u"horizon"_s).toInt(&ok);
        if (!ok || query.horizon < 1 || query.horizon > common::forecast::kMaxHorizon) {
            return Error::invalidParameter(u"horizon"_s, u"invalid_value"_s,
                    u"Must be a whole number of days from 1 to %1."_s.arg(
                            common::forecast::kMaxHorizon));
        }
    }
    query.until = QDate::currentDate();
    if (request.hasQuery(u"until"_s)) {
        query.until = QDate::fromString(request.queryValue(u"until"_s), Qt::ISODate);
        if (!query.until.isValid()) {
            return Error::invalidParameter(
                    u"until"_s, u"invalid_format"_s, u"Must be a date: YYYY-MM-DD."_s);
        }
    }
    auto levels = levelsOf(request);
    if (!levels) {
        return levels.error();
    }
    query.levels = *levels;
    return query;
}

/// The cache key: the account, its series' version and everything the answer depends on (the
/// metric, horizon and levels in the key's free-text slot, which the metric series' keys fill
/// with day|week|month, so the two kinds of entry never meet).
MetricsKey keyOf(const AccountForecastQuery &query, quint64 version)
{
    QStringList levels;
    for (const double level : query.levels) {
        levels.append(QString::number(level, 'g', 10));
    }
    return {query.account, version, query.until.addDays(1 - kHistoryDays), query.until,
            u"forecast:%1:%2:%3"_s.arg(query.metricName).arg(query.horizon).arg(levels.join(u','))};
}

/// The history as one value a day from its first to its last day: a day without a snapshot
/// repeats the day before (the counts stand until the next snapshot).
QList<double> filledDaily(const std::vector<std::pair<QDate, double>> &rows)
{
    QList<double> values;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) {
            for (qint64 gap = rows[i - 1].first.daysTo(rows[i].first); gap > 1; --gap) {
                values.append(values.last());
            }
        }
        values.append(rows[i].second);
    }
    return values;
}

/// The answer: forecastJson's shape (model, points, aicc, mase, backtestMase) with each point's
/// date and the history's dates.
QByteArray answerJson(
        const AccountForecastQuery &query, const std::vector<std::pair<QDate, double>> &rows)
{
    common::forecast::ForecastRequest request;
    request.values = filledDaily(rows);
    request.seasonPeriod = kSeasonPeriod;
    request.horizon = query.horizon;
    request.levels = query.levels;
    request.nonNegative = true; // counts and rates alike
    QJsonObject answer = QJsonDocument::fromJson(forecastJson(request)).object();
    const QDate last = rows.back().first;
    QJsonArray points;
    const QJsonArray given = answer.value(u"points"_s).toArray();
    for (const QJsonValue value : given) {
        QJsonObject point = value.toObject();
        point.insert(u"date"_s, last.addDays(point.value(u"step"_s).toInt()).toString(Qt::ISODate));
        points.append(point);
    }
    answer.insert(u"points"_s, points);
    answer.insert(u"accountId"_s, query.account.toString(QUuid::WithoutBraces));
    answer.insert(u"metric"_s, query.metricName);
    answer.insert(u"until"_s, query.until.toString(Qt::ISODate));
    answer.insert(u"from"_s, rows.front().first.toString(Qt::ISODate));
    answer.insert(u"lastDate"_s, last.toString(Qt::ISODate));
    answer.insert(u"seasonPeriod"_s, kSeasonPeriod);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

Response forecastOf(Connection &c, const std::shared_ptr<MetricsCache> &cache,
        const AccountForecastQuery &query, const Responder &out)
{
    // The same visibility as the metric series: a signed-in user sees an active creator's
    // account; anything else is 404.
    const auto version = profiles::accountSeriesVersion(c, query.account);
    if (!version) {
        return Response::fromError(version.error());
    }
    if (!version->has_value()) {
        return Response::fromError(Error::notFound(u"No such account."_s));
    }
    // Never stale, for the reason metricSeries gives: the version is read before the history.
    const MetricsKey key = keyOf(query, **version);
    if (cache->isEnabled()) {
        if (auto cached = cache->find(key)) {
            return Response::rawJson(std::move(*cached));
        }
    }
    auto rows = profiles::dailyValues(c, query.account, query.metric, key.from, key.to);
    if (!rows) {
        return Response::fromError(rows.error());
    }
    if (rows->empty()) {
        return Response::fromError(Error::notFound(u"The account has no %1 up to %2."_s.arg(
                query.metricName, query.until.toString(Qt::ISODate))));
    }
    out.runOnCpuPool([cache, query, key, rows = std::move(*rows)] {
        QByteArray body = answerJson(query, rows);
        if (cache->isEnabled()) {
            cache->insert(key, body);
        }
        return Response::rawJson(std::move(body));
    });
    return Response::deferred();
}

} // namespace

http::Prepare accountForecastRoute(qsizetype cacheBytes)
{
    auto cache = std::make_shared<MetricsCache>(cacheBytes);
    return [cache](const Request &request) -> Result<Work> {
        auto query = queryOf(request);
        if (!query) {
            return query.error();
        }
        return Work(
                [cache, query = *query](Connection &c, const Principal &, const Responder &out) {
                    return forecastOf(c, cache, query, out);
                });
    };
}

} // namespace influence::server::forecast
