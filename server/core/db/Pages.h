// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <chrono>
#include <functional>
#include <limits>
#include <optional>

/// Cursor pagination for lists whose rows carry a position (a sequence number): a page is at
/// most `limit` rows after the cursor's position, answered as `{"items": [...], "nextCursor"}`.
namespace influence::server::db {

/// One page of a list: at most `limit` rows after the cursor position (a row's seq).
struct Page
{
    enum class Order { NewestFirst, OldestFirst };
    int limit = 25;
    std::optional<qint64> after;
    Order order = Order::NewestFirst;

    /// The bound value of :after for the order (everything when there is no cursor).
    qint64 afterValue() const
    {
        if (after) {
            return *after;
        }
        return order == Order::NewestFirst ? std::numeric_limits<qint64>::max()
                                           : std::numeric_limits<qint64>::min();
    }
};

/// An opaque cursor for a position; decodeCursor() gives it back (nothing when malformed).
QString encodeCursor(qint64 position);
std::optional<qint64> decodeCursor(const QString &cursor);

using Binds = QList<std::pair<QString, QVariant>>;

/// Runs `sql`, which selects (json text, seq) rows already filtered by `:after` and ordered,
/// with `LIMIT :limit` (bound to limit + 1 here), and answers `{"items": [...], "nextCursor"}`.
common::Result<QByteArray> runPage(
        Connection &c, const QString &sql, Binds binds, const Page &page);
/// Runs the same kind of `sql` from the first row for at most `max` rows: the JSON of each (for
/// exports).
common::Result<QList<QByteArray>> runAll(
        Connection &c, const QString &sql, Binds binds, Page::Order order, int max);
/// Runs the same kind of `sql` from the first row for every row, giving each row's JSON to
/// `row` as it is read (QPSQL reads a forward-only query a row at a time) until it answers
/// false; for exports streamed whatever their size. Meant for a connection of its own for the
/// export's duration: the statement runs while the rows are sent, with `timeout` as its
/// statement_timeout (the session's own is restored after).
constexpr std::chrono::milliseconds kExportTimeout = std::chrono::minutes(10);
common::Result<void> forEachRow(Connection &c, const QString &sql, Binds binds, Page::Order order,
        const std::function<bool(const QByteArray &)> &row,
        std::chrono::milliseconds timeout = kExportTimeout);

} // namespace influence::server::db
