// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/ManagedPostgres.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace influence::tests {

/// A streaming hot standby of a private test cluster (TestDatabase::startPrivate): a
/// `pg_basebackup -R -X stream` of `primary` over its Unix socket into `directory`, started as a
/// private cluster of its own. The private clusters run with PostgreSQL's defaults for
/// replication (wal_level=replica, max_wal_senders=10) and initdb's "local replication trust".
/// Null (and `error` set) when it cannot be made.
std::unique_ptr<server::db::ManagedPostgres> startStandby(
        const server::db::ManagedPostgres &primary, QTemporaryDir &directory, QString *error);

} // namespace influence::tests
