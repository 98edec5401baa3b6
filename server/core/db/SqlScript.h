// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace influence::server::db {

/// Splits a SQL script into its statements at top-level semicolons, respecting quoted strings,
/// quoted identifiers, dollar-quoted bodies ($$…$$, $tag$…$tag$) and comments. Needed because
/// QPSQL runs a multi-statement string but reports only the first statement's outcome, so an
/// error in a later statement of a migration would go unnoticed (seen with Qt 6.4.2).
QStringList splitSqlStatements(const QString &script);

} // namespace influence::server::db
