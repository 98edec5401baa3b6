// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

#include <chrono>
#include <memory>

namespace influence::server::db {

struct ConnectionSettings;
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
};

/// How to reach the database `settings` name: its URL, or else the private PostgreSQL instance
/// under `dataDir`, started now and kept running for as long as `managed` holds it.
common::Result<std::shared_ptr<ConnectionSettings>> connectionSettingsFor(
        const DatabaseSettings &settings, const QString &dataDir,
        std::unique_ptr<ManagedPostgres> &managed);

} // namespace influence::server::db
