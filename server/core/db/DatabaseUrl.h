// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace influence::server::db {

/// Where and how to connect to PostgreSQL: parsed from a libpq-style URL
/// (postgres://user:password@host:port/dbname?sslmode=require) or built for the private instance.
/// Several hosts (postgres://u@primary:5432,standby:5432/db?target_session_attrs=read-write) are
/// tried in order by libpq, which is how the server follows a failover (libpq docs 34.1.1.3).
struct DatabaseUrl
{
    /// One entry per server, tried in order: a host name, an IP address, or an absolute Unix
    /// socket directory. parse() never returns an empty list.
    QStringList hosts;
    /// The port of each host (as many entries as hosts).
    QList<int> ports;
    QString user;
    QString password;
    QString database;
    QMap<QString, QString> options; ///< libpq parameters: sslmode, sslrootcert, application_name…

    /// The most hosts one URL may list.
    static constexpr int kMaxHosts = 16;

    /// A URL for one server.
    static DatabaseUrl forServer(const QString &host, int port, const QString &database);

    /// Accepts the postgres:// and postgresql:// schemes, one host or a comma-separated list
    /// (each with its own optional port, 5432 by default), and libpq's ?host= and ?port= lists.
    /// Unknown query parameters are refused so that a typo (sslmod=require) cannot silently
    /// downgrade security.
    static common::Result<DatabaseUrl> parse(const QString &text);

    /// The URL with the password replaced, for logs.
    QString redacted() const;
    /// The full URL, password included (for handing to a child process or a config).
    QString toUrlString() const;
    /// "key=value;key=value" for QSqlDatabase::setConnectOptions (values quoted for libpq),
    /// the ports included (QSqlDatabase::setPort takes a single number, libpq a list).
    QString connectOptions(int connectTimeoutSeconds) const;
    /// A libpq connection string for other tools (pgbench, psql, node-postgres).
    QString libpqConnectionString() const;
    /// Sets a QPSQL connection up for this URL: the host list as its host name (QPSQL hands it
    /// to libpq quoted, commas intact), the ports and options as connect options.
    void applyTo(QSqlDatabase &db, int connectTimeoutSeconds) const;
};

} // namespace influence::server::db
