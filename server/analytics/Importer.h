// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ImportParser.h"
#include "common/Result.h"
#include "core/http/Principal.h"

#include <QByteArray>

namespace influence::server::db {
class Connection;
}

namespace influence::server::analytics {

/// A metrics file as the route received it, checked for its kind and type.
struct ImportFile
{
    ImportKind kind = ImportKind::PostMetrics;
    ImportFormat format = ImportFormat::Csv;
    QByteArray body; ///< shared with the request, never copied
};

/// Imports a metrics file in one transaction. A post metrics file whose rows name their posts
/// by id and are all new to the table is checked against its posts in memory and COPied straight
/// into post_metrics (DirectCopy.h); any other file is COPied into a staging table as it is
/// parsed, its rows resolved to the posts or accounts the importer may write and merged in one
/// INSERT … ON CONFLICT DO UPDATE that writes only rows whose figures differ. Either way a post or
/// account the importer may not write is refused like one that does not exist (a file cannot
/// probe what exists); good rows of a file with bad rows are taken, the bad ones are refused with
/// their line, code and reason and change nothing. The same file again (its SHA-256, per
/// importer and kind) answers the first report with "duplicate": true. Answers the report
/// (metric_imports, api_metric_import_json).
/// The English reason of a refusal code the database decides (unknown_post, …).
QString refusalReason(const QString &code);

common::Result<QByteArray> importFile(
        db::Connection &c, const http::Principal &p, const ImportFile &file);

} // namespace influence::server::analytics
