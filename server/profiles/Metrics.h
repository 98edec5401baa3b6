// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>
#include <utility>
#include <vector>

namespace influence::server::db {
class Connection;
}

namespace influence::server::profiles {

class MetricsCache;

/// The longest series one request may ask for, in days.
constexpr int kMaxSeriesDays = 3 * 366;

/// The period and resolution of a metric series, checked: from ≤ to, at most kMaxSeriesDays
/// apart.
struct SeriesRange
{
    QDate from;
    QDate to;
    QString interval; ///< day, week or month
};

/// An account's metric history from..to, one point per day/week/month (the last snapshot's
/// counts of the period, summed views and reach, mean engagement), as the JSON of
/// GET /api/v1/connected-accounts/{id}/metrics. Public to signed-in users while the account's
/// creator is active; 404 otherwise. Answered from `cache` under the series' version when it
/// can be.
common::Result<QByteArray> metricSeries(
        db::Connection &c, MetricsCache &cache, const QUuid &account, const SeriesRange &range);

/// The version of the account's metric series (account_metrics_changes.change_xid, migration
/// 0009; 0 when its series has not changed since) if the account exists and belongs to an active
/// creator (its history is public to signed-in users); nothing otherwise. What a cache of anything
/// computed from the series (the metric series, its forecast) keys its entries by.
common::Result<std::optional<quint64>> accountSeriesVersion(db::Connection &c, const QUuid &id);

/// One metric the forecasts read: followers, views or engagementRate.
enum class DailyMetric { Followers, Views, EngagementRate };

/// The account's daily values of one metric from..to, oldest first, days without a value left
/// out.
common::Result<std::vector<std::pair<QDate, double>>> dailyValues(
        db::Connection &c, const QUuid &account, DailyMetric metric, QDate from, QDate to);

} // namespace influence::server::profiles
