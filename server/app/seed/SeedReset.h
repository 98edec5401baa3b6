// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

/// Deletes every user and everything that cascades from them (seed --reset), inside the caller's
/// transaction. The ledger and the audit log are append-only (0010_money.sql): only the owner's
/// deliberate DDL, here in the same transaction, lets them be emptied with the rest.
common::Result<void> deleteAllUsers(db::Connection &c);

} // namespace influence::server::seed
