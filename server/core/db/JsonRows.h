// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"
#include "common/Result.h"

#include <QByteArray>

#include <functional>
#include <initializer_list>
#include <optional>

/// Statements whose answer is JSON built by the database (the api_*_json functions), and the
/// small helpers aggregate files share.
namespace influence::server::db {

/// The first column of the only row as UTF-8 JSON; nothing when there is no row.
common::Result<std::optional<QByteArray>> optionalJson(
        Connection &c, const SqlStatement &statement, Connection::Binds binds);
/// Like optionalJson(), but no row is an internal error (for rows just written).
common::Result<QByteArray> json(
        Connection &c, const SqlStatement &statement, Connection::Binds binds);
/// Runs a statement for its effect; the number of rows it changed.
common::Result<int> affected(Connection &c, const SqlStatement &statement, Connection::Binds binds);

/// Runs the steps in order and stops at the first failure (later steps never run on a failed
/// transaction).
common::Result<void> runSteps(std::initializer_list<std::function<common::Result<void>()>> steps);

} // namespace influence::server::db
