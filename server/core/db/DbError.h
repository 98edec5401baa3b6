// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"

#include <QLoggingCategory>
#include <QString>

class QSqlError;

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace influence::server::db {

/// What went wrong in the database, classified by SQLSTATE (PostgreSQL appendix A).
enum class DbErrorKind {
    ConnectionLost, ///< 08xxx, 57P01-57P03, 25006 (a read-only server), or a broken connection
    ConnectFailed, ///< could not open a connection at all
    SerializationFailure, ///< 40001: retry the transaction
    Deadlock, ///< 40P01: retry the transaction
    UniqueViolation, ///< 23505
    ForeignKeyViolation, ///< 23503
    CheckViolation, ///< 23514
    NotNullViolation, ///< 23502
    ExclusionViolation, ///< 23P01
    InvalidInput, ///< 22xxx data exceptions (22P02 invalid text representation, …)
    QueryCanceled, ///< 57014: statement_timeout or cancel
    Other,
};

/// One database failure: its kind, SQLSTATE, the server's message and, for constraint
/// violations, the constraint's name (so services can say which field clashed).
struct DbError
{
    DbErrorKind kind = DbErrorKind::Other;
    QString sqlState;
    QString message;
    QString constraint;

    /// Whether the session was still open when the error was read: QPSQL reports a dropped
    /// connection only once with a SQLSTATE, later just as a closed session.
    enum class Session { Open, Closed };
    static DbError fromSqlError(const QSqlError &error, Session session);
    static DbError connectFailed(const QString &message);

    /// Whether running the whole transaction again may succeed.
    bool isRetryable() const
    {
        return kind == DbErrorKind::SerializationFailure || kind == DbErrorKind::Deadlock;
    }
    bool isConnectionProblem() const
    {
        return kind == DbErrorKind::ConnectionLost || kind == DbErrorKind::ConnectFailed;
    }

    /// The API error for this failure (the one place SQLSTATEs are mapped): constraint violations
    /// become 409/422, timeouts and lost connections 503 with Retry-After, anything else a 500 that
    /// carries no SQL (the details are logged instead).
    common::Error toApiError() const;

private:
    common::Error moneyError() const;
};

} // namespace influence::server::db
