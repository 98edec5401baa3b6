// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ImportParser.h"
#include "Importer.h"
#include "common/Result.h"
#include "core/http/Principal.h"

#include <QList>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::analytics {

/// What a file's rows came to.
struct ImportOutcome
{
    qint64 taken = 0; ///< rows written
    qint64 unchanged = 0; ///< good rows equal to what was stored
    qint64 refusedCount = 0;
    QList<RowRefusal> refused; ///< in line order, at most kMaxListedRefusals
};

inline constexpr int kMaxListedRefusals = 1000;

/// The fast path of a post metrics import whose rows name their posts by id and are all new to
/// the table (the usual daily file): the rows are checked against their posts in memory (one
/// query for the distinct posts) and COPied straight into post_metrics, which PostgreSQL does in
/// batches where INSERT … SELECT from a staging table writes row by row (measured: about 13 s
/// for a million rows either way on a busy machine, plus 4 s of staging and resolving that this
/// path skips). The file is parsed twice (a fraction of a second per million rows) and holds 32
/// bytes per row meanwhile. std::nullopt when the file does not qualify: a row named otherwise,
/// a row the table has already (any row of those posts in the file's days), or a concurrent
/// writer of the same rows (the copy is rolled back to its savepoint); the caller then takes the
/// staged path, which also updates rows.
common::Result<std::optional<ImportOutcome>> copyNewPostRows(
        db::Connection &c, const http::Principal &p, const ImportFile &file, const QUuid &importId);

/// Merges two lists of refusals in line order, keeping the first kMaxListedRefusals.
QList<RowRefusal> mergeRefusals(const QList<RowRefusal> &a, const QList<RowRefusal> &b);

} // namespace influence::server::analytics
