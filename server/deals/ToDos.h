// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/db/Connection.h"
#include "core/http/Principal.h"

#include <QByteArray>

namespace influence::server::deals {

/// What is waiting for the caller (GET /api/v1/me/todos, api_todos_json in 0025): offers the
/// other side made, drafts to review (brand side) or to rework (a creator), and overdue
/// deliverables of running deals; per group its total and the first `limit` items, earliest due
/// first. A brand's people see the deals of every brand they act for.
common::Result<QByteArray> toDos(db::Connection &c, const http::Principal &p, int limit);

} // namespace influence::server::deals
