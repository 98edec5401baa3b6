// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QtGlobal>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

struct AnalyticsSeedReport
{
    qint64 posts = 0;
    qint64 deliverablePosts = 0; ///< of them, posts of the demo deals' live deliverables
    qint64 postMetrics = 0;
};

/// Demo posts and their daily figures, so that dashboards have numbers: a post for every live
/// deliverable of the demo deals, and a few recent posts of the first `creators` creators, each
/// with lifetime totals that grow quickly and level off (source platform). Unlike the rest of the
/// demo data the figures are dated relative to the day the generator runs (they end yesterday,
/// at most 60 days back), so the dashboards' default period (the last 30 days) shows them; ids and
/// values are still derived from the rows they belong to. Written through the tables, so the
/// analytics rollup (0012_analytics.sql) follows. Runs inside the caller's transaction.
common::Result<AnalyticsSeedReport> seedAnalytics(db::Connection &c, int creators);

} // namespace influence::server::seed
