// SPDX-License-Identifier: Apache-2.0
#include "DbError.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;

namespace influence::server::db {

namespace {

DbErrorKind kindOf(const QString &state)
{
    if (state == u"40001"_s) {
        return DbErrorKind::SerializationFailure;
    }
    if (state == u"40P01"_s) {
        return DbErrorKind::Deadlock;
    }
    if (state == u"23505"_s) {
        return DbErrorKind::UniqueViolation;
    }
    if (state == u"23503"_s) {
        return DbErrorKind::ForeignKeyViolation;
    }
    if (state == u"23514"_s) {
        return DbErrorKind::CheckViolation;
    }
    if (state == u"23502"_s) {
        return DbErrorKind::NotNullViolation;
    }
    if (state == u"23P01"_s) {
        return DbErrorKind::ExclusionViolation;
    }
    if (state == u"57014"_s) {
        return DbErrorKind::QueryCanceled;
    }
    // 08: connection exception; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
    // connect now (the server is starting up or shutting down).
    // 25006 read_only_sql_transaction: the session is on a server that takes no writes (a
    // standby, or a primary demoted by a failover); dropping it makes the next use reconnect,
    // where target_session_attrs=read-write finds the current primary.
    if (state.startsWith(u"08"_s) || state == u"57P01"_s || state == u"57P02"_s
            || state == u"57P03"_s || state == u"25006"_s) {
        return DbErrorKind::ConnectionLost;
    }
    if (state.startsWith(u"22"_s)) {
        return DbErrorKind::InvalidInput;
    }
    return DbErrorKind::Other;
}

} // namespace

DbError DbError::fromSqlError(const QSqlError &error, Session session)
{
    DbError e;
    e.sqlState = error.nativeErrorCode();
    e.message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    e.kind = kindOf(e.sqlState);
    // QPSQL reports a dropped connection once as a statement error (57P01) and afterwards with an
    // empty code and isOpen() false, or with "server closed the connection unexpectedly".
    if (e.kind == DbErrorKind::Other
            && (session == Session::Closed || error.type() == QSqlError::ConnectionError
                    || e.message.contains(u"server closed the connection"_s)
                    || e.message.contains(u"no connection to the server"_s)
                    || e.message.contains(u"connection to server"_s))) {
        e.kind = DbErrorKind::ConnectionLost;
    }
    static const QRegularExpression constraintPattern(u"constraint \"([^\"]+)\""_s);
    if (const auto match = constraintPattern.match(e.message); match.hasMatch()) {
        e.constraint = match.captured(1);
    }
    return e;
}

DbError DbError::connectFailed(const QString &message)
{
    DbError e;
    e.kind = DbErrorKind::ConnectFailed;
    e.message = message;
    return e;
}

// The money rules' own SQLSTATEs (class MB, resources/migrations/0010_money.sql); the message
// carries the figures a client needs: 'insufficient:<account kind>:<available>:<currency>',
// 'below_committed:<committed and paid>:<currency>'.
Error DbError::moneyError() const
{
    static const QRegularExpression figures(
            u"(insufficient|below_committed):(?:([a-z_]+):)?(-?\\d+):([A-Z]{3})"_s);
    const auto match = figures.match(message);
    const qint64 amount = match.hasMatch() ? match.captured(3).toLongLong() : 0;
    const QString currency = match.captured(4);
    if (sqlState == u"MB001"_s) {
        Error error = Error::make(ErrorCode::BudgetExceeded,
                u"The campaign's remaining budget is %1 minor units of %2."_s.arg(amount).arg(
                        currency));
        error.extensions = {{u"remainingMinor"_s, amount}, {u"currency"_s, currency}};
        return error;
    }
    if (sqlState == u"MB002"_s) {
        Error error = Error::make(ErrorCode::BudgetBelowCommitted,
                u"The budget cannot be lower than what is committed and paid: %1 minor units "
                "of %2."_s.arg(amount)
                        .arg(currency));
        error.extensions = {{u"minimumBudgetMinor"_s, amount}, {u"currency"_s, currency}};
        return error;
    }
    if (sqlState == u"MB003"_s) {
        return Error::make(ErrorCode::Conflict,
                u"The currency cannot change once fees are committed or paid."_s);
    }
    if (sqlState == u"MB004"_s) {
        return Error::validation(
                {{u"currency"_s, u"currency_mismatch"_s, u"Must be the campaign's currency."_s}});
    }
    qCWarning(lcDb, "unexpected money error %s: %s", qPrintable(sqlState), qPrintable(message));
    return Error::internal();
}

Error DbError::toApiError() const
{
    qCDebug(lcDb, "database error %s (%s): %s", qPrintable(sqlState), qPrintable(constraint),
            qPrintable(message.simplified()));
    switch (kind) {
    case DbErrorKind::ConnectionLost:
    case DbErrorKind::ConnectFailed:
        return Error::unavailable(
                u"The database is not reachable right now; try again shortly."_s, 2);
    case DbErrorKind::SerializationFailure:
    case DbErrorKind::Deadlock:
        return Error::unavailable(
                u"The request conflicted with concurrent changes; try again."_s, 1);
    case DbErrorKind::QueryCanceled:
        return Error::unavailable(u"The database took too long to answer; try again shortly."_s, 2);
    case DbErrorKind::UniqueViolation:
        return Error::make(ErrorCode::Conflict, u"A resource with the same unique value exists."_s);
    case DbErrorKind::ForeignKeyViolation:
        return Error::make(ErrorCode::Conflict,
                u"The request refers to a resource that does not exist or is in use."_s);
    case DbErrorKind::CheckViolation:
    case DbErrorKind::NotNullViolation:
    case DbErrorKind::ExclusionViolation:
    case DbErrorKind::InvalidInput:
        return Error::validation({}, u"The data breaks a rule of the database."_s);
    case DbErrorKind::Other: break;
    }
    if (sqlState.startsWith(u"MB"_s)) {
        return moneyError();
    }
    qCWarning(lcDb, "unexpected database error %s: %s", qPrintable(sqlState), qPrintable(message));
    return Error::internal();
}

} // namespace influence::server::db
