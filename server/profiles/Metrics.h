// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QUuid>

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

} // namespace influence::server::profiles
