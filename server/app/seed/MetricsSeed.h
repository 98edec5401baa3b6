// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

struct MetricsSeedOptions
{
    int posts = 0; ///< posts with a daily history
    int days = 200; ///< days of history per post, up to the day before the anchor
    quint64 seed = 42;
    /// Every this many posts (the first, the sixth, …) fulfil a deliverable of a deal.
    int deliverableEvery = 5;
    std::function<void(const QString &stage, qint64 done, qint64 total)> progress;
};

struct MetricsSeedReport
{
    qint64 posts = 0;
    qint64 postMetrics = 0;
    qint64 campaigns = 0;
    qint64 deals = 0;
    qint64 deliverables = 0;
};

/// The analytics data set at scale (`influence-server seed --posts N --days D`): N posts spread
/// over the seeded creators' connected accounts, each published before the window and with a
/// row of lifetime figures for each of the D days before `anchor` (N x D post_metrics rows,
/// written in day order through COPY, as a platform sync would write them). Every
/// `deliverableEvery`-th post is the live deliverable of a completed deal of its creator in one
/// "Scale" campaign per brand (money moved by the ledger's triggers as for any accepted deal),
/// so campaign analytics have data. Deterministic for a seed; runs in the caller's transaction.
common::Result<MetricsSeedReport> seedPostMetrics(
        db::Connection &c, const MetricsSeedOptions &options, const QDateTime &anchor);

} // namespace influence::server::seed
