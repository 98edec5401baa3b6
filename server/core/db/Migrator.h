// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"

#include <QList>
#include <QString>

namespace influence::server::db {

/// One numbered schema migration (resources/migrations/NNNN_name.sql).
struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
    QString checksum; ///< SHA-256 of the file, hex

    static QList<Migration> embedded(); ///< the migrations compiled into this binary, in order
};

/// Applies migrations under a PostgreSQL advisory lock (several server processes may start at
/// once), each in its own transaction, recording version, name and checksum in
/// schema_migrations. An applied migration whose file has changed since is refused: schema
/// history is append-only.
class Migrator
{
public:
    struct Report
    {
        QList<int> applied; ///< versions applied by this run
        int current = 0; ///< the schema version afterwards
        bool databaseNewer = false; ///< the database has versions this binary does not know
    };

    explicit Migrator(QList<Migration> migrations = Migration::embedded());

    common::Result<Report> migrate(Connection &connection) const;

private:
    QList<Migration> m_migrations;
};

} // namespace influence::server::db
