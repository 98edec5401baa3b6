// SPDX-License-Identifier: Apache-2.0
#include "CopyIn.h"

#include "Connection.h"

#include <cstring>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::db {

namespace {

PGconn *pgconnOf(const QVariant &handle)
{
    // Registered as "PGconn*"; Qt 6 names the metatype after the struct behind the typedef.
    const char *name = handle.isValid() ? handle.typeName() : nullptr;
    if (!name || (std::strcmp(name, "PGconn*") != 0 && std::strcmp(name, "pg_conn*") != 0)) {
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

CopyIn::CopyIn(Connection &connection, void *pgconn)
    : m_connection(&connection)
    , m_pgconn(pgconn)
{
    m_buffer.reserve(kChunkBytes + 4096);
}

CopyIn::CopyIn(CopyIn &&other) noexcept
    : m_connection(other.m_connection)
    , m_pgconn(other.m_pgconn)
    , m_buffer(std::move(other.m_buffer))
    , m_open(other.m_open)
{
    other.m_open = false;
}

CopyIn::~CopyIn()
{
    if (m_open) {
        // Abandoned (an error elsewhere): end it as failed, so the server discards the rows and
        // the connection is usable for the rollback.
        auto *conn = static_cast<PGconn *>(m_pgconn);
        PQputCopyEnd(conn, "abandoned");
        while (PGresult *result = PQgetResult(conn)) {
            PQclear(result);
        }
    }
}

Result<CopyIn> CopyIn::start(Connection &connection, const QString &copySql)
{
    if (auto opened = connection.ensureOpen(); !opened) {
        return opened.error();
    }
    const QVariant handle = connection.nativeHandle();
    PGconn *conn = pgconnOf(handle);
    if (!conn) {
        return Error::make(common::ErrorCode::Internal,
                u"COPY needs the PostgreSQL driver's connection handle (got %1)"_s.arg(
                        QString::fromLatin1(handle.typeName())));
    }
    PGresult *result = PQexec(conn, copySql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COPY_IN) {
        const QString state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        const QString message = QString::fromUtf8(PQerrorMessage(conn));
        PQclear(result);
        return connection.failNative(state, message);
    }
    PQclear(result);
    return CopyIn(connection, conn);
}

Result<void> CopyIn::flush()
{
    if (m_buffer.isEmpty()) {
        return {};
    }
    auto *conn = static_cast<PGconn *>(m_pgconn);
    if (PQputCopyData(conn, m_buffer.constData(), static_cast<int>(m_buffer.size())) != 1) {
        return failed(u"sending COPY data"_s);
    }
    m_buffer.resize(0); // keeps the capacity
    return {};
}

Result<qint64> CopyIn::finish()
{
    if (auto sent = flush(); !sent) {
        return sent.error();
    }
    if (PQputCopyEnd(static_cast<PGconn *>(m_pgconn), nullptr) != 1) {
        return failed(u"ending COPY"_s);
    }
    return collectResult();
}

Result<qint64> CopyIn::collectResult()
{
    auto *conn = static_cast<PGconn *>(m_pgconn);
    m_open = false;
    qint64 rows = 0;
    QString state;
    QString message;
    while (PGresult *result = PQgetResult(conn)) {
        if (PQresultStatus(result) == PGRES_COMMAND_OK) {
            rows = QByteArray(PQcmdTuples(result)).toLongLong();
        } else if (message.isEmpty()) {
            state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
            message = QString::fromUtf8(PQresultErrorMessage(result));
        }
        PQclear(result);
    }
    if (!message.isEmpty()) {
        return m_connection->failNative(state, message);
    }
    return rows;
}

Error CopyIn::failed(const QString &what)
{
    auto *conn = static_cast<PGconn *>(m_pgconn);
    const QString message = u"%1: %2"_s.arg(what, QString::fromUtf8(PQerrorMessage(conn)));
    PQputCopyEnd(conn, "failed");
    if (auto ended = collectResult(); !ended) {
        return ended.error();
    }
    return m_connection->failNative(QString(), message);
}

void appendCopyText(QByteArray &row, QByteArrayView value)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const char *escape = c == '\\' ? "\\\\"
                : c == '\t'            ? "\\t"
                : c == '\n'            ? "\\n"
                : c == '\r'            ? "\\r"
                                       : nullptr;
        if (escape) {
            row.append(value.sliced(start, i - start));
            row.append(escape, 2);
            start = i + 1;
        }
    }
    row.append(value.sliced(start));
}

} // namespace influence::server::db
