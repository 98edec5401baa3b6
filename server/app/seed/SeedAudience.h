// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDate>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

struct SeedReport;

/// The audience of every verified account as a platform would report it (account_audience,
/// 0016_recommendations.sql), as of `asOf`: most of it in the creator's country (40–85 %) and a
/// little in one of eight large markets; most of it speaking the creator's first language
/// (50–90 %) and some English. Drawn from md5 of the account's id, so deterministic; accounts
/// that have rows keep them. The number of rows written.
common::Result<qint64> writeAudience(db::Connection &c, const QDate &asOf);

/// The seeder's step after the deals: posts and their figures for the dashboards (the first 50
/// creators' recent posts, seedAnalytics) and the verified accounts' audience, counted in
/// `report`.
common::Result<void> seedPostsAndAudience(db::Connection &c, SeedReport &report, const QDate &asOf);

} // namespace influence::server::seed
