// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/DiscoveryTypes.h"
#include "common/Result.h"

#include <QByteArray>

namespace influence::server::db {
class Connection;
}

/// Discovery: signed-in users find creators by free text, niches, platform, countries,
/// languages, follower ranges, engagement and price, from an index each process keeps in memory.
namespace influence::server::discovery {

class DiscoveryIndexLoader;

/// Runs a search: `{ items, nextCursor, total? }` as JSON. Pages are keyset-paginated on
/// (sort key, id), so that rows added meanwhile cause neither duplicates nor gaps. `total`
/// (exact up to 10 000, see `totalIsLowerBound`) comes with the first page only. The index
/// catches up with the database first and selects the page with its items; PostgreSQL matches
/// free text.
common::Result<QByteArray> discover(
        db::Connection &c, DiscoveryIndexLoader &loader, const common::DiscoverySearch &search);

} // namespace influence::server::discovery
