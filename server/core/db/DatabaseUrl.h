// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QMap>
#include <QString>

namespace influence::server::db {

/// Where and how to connect to PostgreSQL: parsed from a libpq-style URL
/// (postgres://user:password@host:port/dbname?sslmode=require) or built for the private instance.
struct DatabaseUrl
{
    QString host; ///< a host name, an IP address, or an absolute Unix socket directory
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QMap<QString, QString> options; ///< libpq parameters: sslmode, sslrootcert, application_name…

    /// Accepts the postgres:// and postgresql:// schemes. Unknown query parameters are refused
    /// so that a typo (sslmod=require) cannot silently downgrade security.
    static common::Result<DatabaseUrl> parse(const QString &text);

    /// The URL with the password replaced, for logs.
    QString redacted() const;
    /// The full URL, password included (for handing to a child process or a config).
    QString toUrlString() const;
    /// "key=value;key=value" for QSqlDatabase::setConnectOptions (values quoted for libpq).
    QString connectOptions(int connectTimeoutSeconds) const;
    /// A libpq connection string for other tools (pgbench, psql, node-postgres).
    QString libpqConnectionString() const;
};

} // namespace influence::server::db
