// SPDX-License-Identifier: Apache-2.0
#include "Metrics.h"

#include "MetricsCache.h"
#include "core/db/Connection.h"
#include "core/db/JsonRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::profiles {

namespace {

const SqlStatement kAccountSeriesVersion(
        u"SELECT coalesce(ch.change_xid::text, '0') FROM connected_accounts a "
        "JOIN users u ON u.id = a.influencer_id AND u.status = 'active' "
        "LEFT JOIN account_metrics_changes ch ON ch.account_id = a.id WHERE a.id = :id"_s);
// One row per period: counts as at the period's last snapshot, flows summed.
const SqlStatement kMetrics(
        u"SELECT coalesce(jsonb_agg(p.point ORDER BY p.bucket), '[]')::text FROM ("
        " SELECT m.bucket, jsonb_build_object('date', to_char(m.bucket, 'YYYY-MM-DD'), "
        "   'followers', (array_agg(m.followers ORDER BY m.day DESC))[1], "
        "   'following', (array_agg(m.following ORDER BY m.day DESC))[1], "
        "   'posts', (array_agg(m.posts ORDER BY m.day DESC))[1], "
        "   'views', sum(m.views), 'reach', sum(m.reach), "
        "   'engagementRate', avg(m.engagement_rate)::real) AS point "
        " FROM (SELECT date_trunc(:interval, day)::date AS bucket, day, followers, following, "
        "              posts, views, reach, engagement_rate "
        "       FROM account_metrics WHERE account_id = :id AND day BETWEEN :from AND :to) m "
        " GROUP BY m.bucket) p"_s);

// A daily series: the snapshots themselves, read through the covering primary key
// (0006_discovery_directory_refresh.sql), turned into JSON here rather than by jsonb in the
// database (a third of the time for two years). The rate as numeric: the 6 digits of the jsonb
// path that week and month take.
const SqlStatement kDailyMetrics(
        u"SELECT to_char(day, 'YYYY-MM-DD'), followers, following, posts, views, reach, "
        "CAST(engagement_rate AS numeric) "
        "FROM account_metrics WHERE account_id = :id AND day BETWEEN :from AND :to ORDER BY day"_s);

/// A number as QJsonDocument writes it (Qt's shortest round-trip form; non-finite: null).
void appendNumber(QByteArray &out, double value)
{
    out += std::isfinite(value) ? QByteArray::number(value, 'g', QLocale::FloatingPointShortest)
                                : QByteArrayLiteral("null");
}

/// The daily points written directly, byte for byte as QJsonDocument wrote the same
/// QJsonObjects (keys sorted, Qt's number forms): building 730 objects of seven values and
/// writing them cost about 5 ms of CPU per two-year series.
QByteArray dailyPointsJson(QSqlQuery &q)
{
    QByteArray out;
    out.reserve(qsizetype(160) * 732);
    out += '[';
    const auto count = [&q, &out](const char *key, int column) {
        out += key;
        if (q.isNull(column)) {
            out += "null";
        } else {
            out += QByteArray::number(db::toInt64(q.value(column)));
        }
    };
    bool first = true;
    while (q.next()) {
        out += first ? R"({"date":")" : R"(,{"date":")";
        first = false;
        out += q.value(0).toString().toLatin1(); // YYYY-MM-DD: nothing to escape
        out += R"(","engagementRate":)";
        if (q.isNull(6)) {
            out += "null";
        } else {
            appendNumber(out, q.value(6).toDouble());
        }
        count(R"(,"followers":)", 1);
        count(R"(,"following":)", 2);
        count(R"(,"posts":)", 3);
        count(R"(,"reach":)", 5);
        count(R"(,"views":)", 4);
        out += '}';
    }
    out += ']';
    return out;
}

/// The points from..to as a JSON array.
Result<QByteArray> seriesPoints(
        Connection &c, const QUuid &id, const QDate &from, const QDate &to, const QString &interval)
{
    if (interval != u"day"_s) {
        const auto points = db::json(c, kMetrics,
                {{u":interval"_s, interval}, {u":id"_s, id}, {u":from"_s, from}, {u":to"_s, to}});
        if (!points) {
            return points.error();
        }
        // Through QJsonDocument: Qt's number forms, as every other route writes them.
        return QJsonDocument(QJsonDocument::fromJson(*points).array())
                .toJson(QJsonDocument::Compact);
    }
    auto rows = c.run(kDailyMetrics, {{u":id"_s, id}, {u":from"_s, from}, {u":to"_s, to}});
    if (!rows) {
        return rows.error();
    }
    return dailyPointsJson(**rows);
}

/// The response body of a metric series, byte for byte what this route has always sent.
Result<QByteArray> metricsBody(Connection &c, const MetricsKey &key)
{
    const auto points = seriesPoints(c, key.account, key.from, key.to, key.interval);
    if (!points) {
        return points.error();
    }
    // The keys in QJsonObject's (sorted) order; the values need no escaping (a UUID, ISO
    // dates, day|week|month).
    return QByteArray(R"({"accountId":")" + key.account.toString(QUuid::WithoutBraces).toLatin1()
            + R"(","from":")" + key.from.toString(Qt::ISODate).toLatin1() + R"(","interval":")"
            + key.interval.toLatin1() + R"(","points":)" + *points + R"(,"to":")"
            + key.to.toString(Qt::ISODate).toLatin1() + R"("})");
}

const SqlStatement kDailyValues(
        u"SELECT to_char(day, 'YYYY-MM-DD'), followers, views, engagement_rate "
        "FROM account_metrics WHERE account_id = :id AND day BETWEEN :from AND :to ORDER BY day"_s);

} // namespace

Result<std::optional<quint64>> accountSeriesVersion(Connection &c, const QUuid &id)
{
    const auto found = c.scalar(kAccountSeriesVersion, {{u":id"_s, id}});
    if (!found) {
        return found.error();
    }
    if (found->isNull()) {
        return std::optional<quint64>();
    }
    // xid8 as text: the full 64-bit transaction id (epoch included).
    bool ok = false;
    const quint64 version = found->toString().toULongLong(&ok);
    if (!ok) {
        return common::Error::internal();
    }
    return std::optional(version);
}

Result<std::vector<std::pair<QDate, double>>> dailyValues(
        Connection &c, const QUuid &account, DailyMetric metric, QDate from, QDate to)
{
    auto rows = c.run(kDailyValues, {{u":id"_s, account}, {u":from"_s, from}, {u":to"_s, to}});
    if (!rows) {
        return rows.error();
    }
    const int column = 1 + static_cast<int>(metric);
    std::vector<std::pair<QDate, double>> values;
    QSqlQuery &q = **rows;
    while (q.next()) {
        if (!q.isNull(column)) {
            values.emplace_back(QDate::fromString(q.value(0).toString(), Qt::ISODate),
                    q.value(column).toDouble());
        }
    }
    return values;
}

Result<QByteArray> metricSeries(
        Connection &c, MetricsCache &cache, const QUuid &account, const SeriesRange &range)
{
    // Visibility is checked on every request, cached or not: a disabled creator's account
    // answers 404 at once.
    const auto version = accountSeriesVersion(c, account);
    if (!version) {
        return version.error();
    }
    if (!version->has_value()) {
        return Error::notFound(u"No such account."_s);
    }
    // Never stale, in any process: the version is read in an earlier statement than the series
    // (outside a transaction, each statement sees every transaction committed before it
    // began), so a series computed after it is at least as new as the version says; a write
    // committed later gives the account a new version (migration 0009), which no entry has. A hit
    // therefore serves the state that this request's own version read saw, or a newer one.
    const MetricsKey key{account, **version, range.from, range.to, range.interval};
    if (cache.isEnabled()) {
        if (auto cached = cache.find(key)) {
            return std::move(*cached);
        }
    }
    const auto body = metricsBody(c, key);
    if (!body) {
        return body.error();
    }
    if (cache.isEnabled()) {
        cache.insert(key, *body);
    }
    return *body;
}

} // namespace influence::server::profiles
