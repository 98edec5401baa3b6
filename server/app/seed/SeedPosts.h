// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

/// For the verified accounts `ids` (a JSON array of uuids): twelve recent posts each, published
/// in the 90 days up to `end` (YYYY-MM-DD), with their lifetime totals on `end`, then the
/// accounts' engagement rate and 30-day growth computed from those posts and the metric history
/// by the function the daily sync uses (refresh_account_figures, 0013_engagement.sql).
/// Deterministic (drawn from each account's id) and idempotent: posts already there stay.
common::Result<void> writeRecentPosts(db::Connection &c, const QString &ids, const QString &end);

} // namespace influence::server::seed
