// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DatabaseUrl.h"
#include "common/Result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <memory>

namespace influence::server::db {

struct ConnectionSettings;

/// The read replicas' part of the configuration (DATABASE_REPLICA_*).
struct ReplicaSettings
{
    QList<DatabaseUrl> urls; ///< empty: no replicas, every read runs on the primary
    /// How long a read that names a WAL position waits for a replica to replay it before it
    /// runs on the primary instead.
    std::chrono::milliseconds wait{200};
    /// A replica further behind the primary than this is skipped until it catches up.
    std::chrono::milliseconds maxLag{5000};
    /// How often each replica's state and lag are checked.
    std::chrono::milliseconds checkInterval{1000};
};

class ManagedPostgres;

/// The database part of the configuration (DATABASE_URL, DB_*, POSTGRES_BIN_DIR).
struct DatabaseSettings
{
    QString url; ///< empty: a private PostgreSQL instance under the data directory
    /// Connections of the DbPool, one per worker thread.
    int poolSize = 4;
    /// Tasks waiting for a worker before the pool refuses more (503).
    int queueLimit = 2048;
    std::chrono::milliseconds statementTimeout{5000};
    std::chrono::seconds connectTimeout{5};
    QString postgresBinDir; ///< empty: the newest /usr/lib/postgresql/<v>/bin
    /// DATABASE_REPLICA_*: read replicas for read-only work.
    ReplicaSettings replicas;
};

/// How to reach the database `settings` name: its URL, or else the private PostgreSQL instance
/// under `dataDir`, started now and kept running for as long as `managed` holds it.
common::Result<std::shared_ptr<ConnectionSettings>> connectionSettingsFor(
        const DatabaseSettings &settings, const QString &dataDir,
        std::unique_ptr<ManagedPostgres> &managed);

} // namespace influence::server::db
