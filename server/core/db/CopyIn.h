// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace influence::server::db {

class Connection;

/// `COPY … FROM STDIN` (text format) on a Connection, through libpq: QtSql has no COPY, but the
/// QPSQL driver hands out its PGconn. Runs inside whatever transaction the connection has open,
/// so a failure anywhere rolls the copied rows back with the rest. Rows are written in COPY's
/// text format (tab-separated, \N for NULL; copyText() escapes a value) and sent in chunks of
/// about kChunkBytes, so a caller that produces rows as it parses never holds a second full copy
/// of the data. Used by the bulk import and by the scale seed.
class CopyIn
{
public:
    static constexpr qsizetype kChunkBytes = qsizetype{1} << 20;

    /// Starts `copySql` (a COPY … FROM STDIN statement) on `connection`.
    static common::Result<CopyIn> start(Connection &connection, const QString &copySql);

    CopyIn(CopyIn &&other) noexcept;
    CopyIn &operator=(CopyIn &&) = delete;
    CopyIn(const CopyIn &) = delete;
    CopyIn &operator=(const CopyIn &) = delete;
    /// Cancels a copy that was neither finished nor failed (nothing of it is kept).
    ~CopyIn();

    /// The buffer to append rows to (each ending in '\n'); call flushIfFull() after each row.
    QByteArray &buffer() { return m_buffer; }
    common::Result<void> flushIfFull()
    {
        return m_buffer.size() >= kChunkBytes ? flush() : common::Result<void>();
    }
    /// Sends the rows buffered so far.
    common::Result<void> flush();
    /// Sends the rest and ends the copy; the number of rows copied.
    common::Result<qint64> finish();

private:
    CopyIn(Connection &connection, void *pgconn);
    common::Result<qint64> collectResult();
    common::Error failed(const QString &what);

    Connection *m_connection;
    void *m_pgconn; ///< PGconn *, kept opaque so that callers need no libpq headers
    QByteArray m_buffer;
    bool m_open = true;
};

/// Appends `value` to a COPY text-format row, escaping backslash, tab, newline and carriage
/// return.
void appendCopyText(QByteArray &row, QByteArrayView value);

} // namespace influence::server::db
