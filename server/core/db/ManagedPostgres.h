// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DatabaseUrl.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <sys/types.h>

namespace influence::server::db {

/// A private PostgreSQL instance under the server's data directory, run with the installed
/// PostgreSQL binaries (initdb + pg_ctl): the zero-configuration database for a first run, demo
/// and tests. It listens only on a Unix socket with mode 0700 (no TCP), trusts that socket, and
/// runs as an unprivileged account when the server is started as root (PostgreSQL refuses root).
/// If the instance is already running (another process started it), it is reused and left
/// running; one this object started is stopped when it is destroyed.
class ManagedPostgres
{
public:
    struct Options
    {
        QString dataDir; ///< the cluster lives in <dataDir>/postgres
        QString binDir; ///< empty: the newest /usr/lib/postgresql/<version>/bin
        QString database = QStringLiteral("influence");
        QStringList settings; ///< extra "name=value" server settings
        QString runAsUser = QStringLiteral("postgres"); ///< the account used when running as root
    };

    ~ManagedPostgres();
    ManagedPostgres(const ManagedPostgres &) = delete;
    ManagedPostgres &operator=(const ManagedPostgres &) = delete;

    /// Creates the cluster if needed, starts it unless it runs already, creates the database.
    static common::Result<std::unique_ptr<ManagedPostgres>> start(const Options &options);

    /// Connection parameters for `database` (or the configured one).
    DatabaseUrl url(const QString &database = {}) const;
    /// Creates another database in the instance (tests use one per executable).
    common::Result<void> createDatabase(const QString &name) const;

    /// Stops the instance (fast shutdown: open connections are terminated).
    common::Result<void> stop();
    /// Starts it again after stop().
    common::Result<void> restart();

    QString clusterDirectory() const { return m_clusterDir; }
    QString socketDirectory() const { return m_socketDir; }
    bool startedHere() const { return m_startedHere; }

private:
    ManagedPostgres() = default;
    common::Result<void> chooseAccount();
    common::Result<void> prepareDirectories();
    common::Result<void> initializeCluster();
    common::Result<void> startOrReuse();
    common::Result<void> runTool(
            const QString &tool, const QStringList &arguments, int timeoutMs) const;
    common::Result<void> startServer();
    QString serverLogTail() const;

    Options m_options;
    QString m_binDir;
    QString m_clusterDir;
    QString m_socketDir;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_dropPrivileges = false;
    bool m_startedHere = false;
    bool m_running = false;
};

} // namespace influence::server::db
