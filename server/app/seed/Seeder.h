// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

/// What to generate. The same options always produce the same rows (ids included) with the same
/// build: demo data, tests and benchmarks share one generator.
struct SeedOptions
{
    int influencers = 1000;
    int brands = -1; ///< -1: one brand per 20 creators, at least 5
    quint64 seed = 42;
    /// Days of daily metric history per verified account, up to the day before the anchor.
    int days = 90;
    /// The first this many verified accounts (in id order) get `longHistoryDays` of history
    /// instead: two-year series for benchmarks without seeding two years for every account.
    int longHistoryAccounts = 0;
    int longHistoryDays = 730;
    /// Posts with `days` of daily figures each (the analytics data set at scale, MetricsSeed.h);
    /// 0: none.
    int posts = 0;
    /// Also the recommendation evaluation's world (EvaluationWorld.h), its hidden outcomes written
    /// to this file; empty: none.
    QString evaluationWorld;
    /// Do nothing (successfully) when the database already has users.
    bool ifEmpty = false;
    /// Delete all users (and everything that cascades from them) first.
    bool reset = false;
    /// Called after each batch: stage name, rows done, rows in the stage.
    std::function<void(const QString &stage, qint64 done, qint64 total)> progress;
};

struct SeedReport
{
    bool skipped = false;
    QString reason; ///< why it was skipped
    qint64 users = 0;
    qint64 influencers = 0;
    qint64 brands = 0;
    qint64 accounts = 0;
    qint64 rates = 0;
    qint64 snapshots = 0; ///< metric history rows
    qint64 posts = 0;
    qint64 postMetrics = 0; ///< post_metrics rows
    qint64 deliverablePosts = 0; ///< posts that fulfil a deliverable of a deal
    qint64 audienceRows = 0; ///< account_audience rows
    qint64 evaluationTests = 0; ///< test campaigns of the evaluation world
};

/// Fills an empty database with a deterministic demo data set: an admin, creators with
/// profiles, rates and connected accounts, and brands. Everything is written in one transaction.
/// Demo e-mail addresses use example.com (RFC 2606).
common::Result<SeedReport> seedDatabase(db::Connection &connection, const SeedOptions &options);

} // namespace influence::server::seed
