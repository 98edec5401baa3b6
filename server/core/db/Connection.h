// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DatabaseUrl.h"
#include "DbError.h"
#include "SqlStatement.h"
#include "common/Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <chrono>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

namespace influence::server::db {

/// How to reach the database. Shared (read-only) by every connection of a pool.
struct ConnectionSettings
{
    DatabaseUrl url;
    std::chrono::seconds connectTimeout{5};
    std::chrono::milliseconds statementTimeout{5000};
    /// After a failed connect, other attempts fail fast for this long instead of each waiting for
    /// the connect timeout (a pool of threads must not pile up behind a dead database).
    std::chrono::milliseconds reconnectBackoff{500};
    /// Shared circuit state: when the last connect failed (steady clock ms), 0 when none.
    std::shared_ptr<std::atomic<qint64>> lastConnectFailure =
            std::make_shared<std::atomic<qint64>>(0);
};

/// One PostgreSQL connection, owned by and used in exactly one thread (a QtSql rule). Keeps every
/// statement prepared once, notices a lost connection (QPSQL's isOpen() stays true after the
/// server restarts; the first failure is a statement error with SQLSTATE 57P01, later ones have
/// empty errors) and reopens it on the next use.
class Connection
{
public:
    Connection(std::shared_ptr<const ConnectionSettings> settings, QString name);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    /// The connection of the calling thread for `settings`, created on first use and closed when
    /// the thread ends.
    static Connection &forThread(const std::shared_ptr<const ConnectionSettings> &settings);

    /// Opens the connection if it is not open (or was found broken).
    common::Result<void> ensureOpen();

    /// The statement, prepared on this connection (once). Bind values, then call exec().
    common::Result<QSqlQuery *> prepared(const SqlStatement &statement);
    /// Executes a prepared query; a failure is classified and remembered as lastFailure().
    common::Result<void> exec(QSqlQuery &query);

    using Binds = std::initializer_list<std::pair<QString, QVariant>>;
    /// Prepares (once), binds the named values and executes `statement`; the query is then ready
    /// to be read with next(). Reading it to the end, or finish(), releases the result.
    common::Result<QSqlQuery *> run(const SqlStatement &statement, Binds binds = {});
    /// Runs `statement` and returns the first column of its first row (a null QVariant when it
    /// returns no row).
    common::Result<QVariant> scalar(const SqlStatement &statement, Binds binds = {});
    /// For the few queries whose text is assembled from fixed fragments (a search with optional
    /// filters): prepares `sql` once per connection, keeping the most recently used
    /// kDynamicCacheSize of them. Values are always bound, never part of `sql`.
    common::Result<QSqlQuery *> runDynamic(
            const QString &sql, const QList<std::pair<QString, QVariant>> &binds);
    static constexpr int kDynamicCacheSize = 64;
    /// Runs SQL that is not worth preparing (DDL, SET, multi-statement scripts).
    common::Result<void> execDirect(const QString &sql);

    /// The last database failure on this connection, if the latest operation failed.
    const std::optional<DbError> &lastFailure() const { return m_lastFailure; }
    void clearFailure() { m_lastFailure.reset(); }

    /// Transactions (use Transaction/inTransaction rather than these directly).
    common::Result<void> begin();
    common::Result<void> commit();
    void rollback();

    /// Sets this session's statement_timeout (0 disables it, for migrations and bulk loads).
    common::Result<void> setStatementTimeout(std::chrono::milliseconds timeout);

    /// Closes the connection now (after a failure, or to reopen with fresh state).
    void reset();

    /// The driver's own handle (QPSQL: a QVariant holding a `PGconn*`), for what QtSql cannot
    /// do: COPY (CopyIn.h). Only while the connection is open, and only in this thread.
    QVariant nativeHandle() const;
    /// Records and classifies a failure met on nativeHandle() (`sqlState` may be empty when the
    /// connection broke), as a failed statement would be.
    common::Error failNative(const QString &sqlState, const QString &message);

    QString name() const { return m_name; }
    const ConnectionSettings &settings() const { return *m_settings; }

private:
    common::Error fail(const DbError &error);
    QSqlDatabase database() const;
    DbError::Session sessionState() const;

    std::shared_ptr<const ConnectionSettings> m_settings;
    QString m_name;
    std::vector<std::unique_ptr<QSqlQuery>> m_statements;
    /// runDynamic's statements, most recently used last.
    std::vector<std::pair<QString, std::unique_ptr<QSqlQuery>>> m_dynamic;
    std::optional<DbError> m_lastFailure;
    bool m_open = false;
};

/// Converts an int8 column value: QPSQL returns qulonglong for non-negative and qlonglong for
/// negative values, so always go through this.
qint64 toInt64(const QVariant &value);

} // namespace influence::server::db
