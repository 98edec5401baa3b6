// SPDX-License-Identifier: Apache-2.0
#include "Pages.h"

#include "core/crypto/Crypto.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::db {

namespace {

constexpr QByteArrayView kCursorPrefix = "p1:";

} // namespace

QString encodeCursor(qint64 position)
{
    QByteArray raw(kCursorPrefix.data(), kCursorPrefix.size());
    raw += QByteArray::number(position);
    return QString::fromLatin1(crypto::base64Url(raw));
}

std::optional<qint64> decodeCursor(const QString &cursor)
{
    bool ok = false;
    const QByteArray raw = crypto::fromBase64Url(cursor.toLatin1(), &ok);
    if (!ok || !raw.startsWith(kCursorPrefix)) {
        return std::nullopt;
    }
    const qint64 position = raw.mid(kCursorPrefix.size()).toLongLong(&ok);
    if (!ok) {
        return std::nullopt;
    }
    return position;
}

Result<QByteArray> runPage(Connection &c, const QString &sql, Binds binds, const Page &page)
{
    binds << std::pair(u":after"_s, page.afterValue()) << std::pair(u":limit"_s, page.limit + 1);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QByteArray items = "[";
    int count = 0;
    qint64 last = 0;
    bool more = false;
    while ((*rows)->next()) {
        if (count == page.limit) {
            more = true;
            break;
        }
        if (count > 0) {
            items += ',';
        }
        items += (*rows)->value(0).toString().toUtf8();
        last = toInt64((*rows)->value(1));
        ++count;
    }
    (*rows)->finish();
    items += ']';
    const QByteArray next = more ? '"' + encodeCursor(last).toLatin1() + '"' : QByteArray("null");
    return QByteArray("{\"items\":" + items + ",\"nextCursor\":" + next + '}');
}

Result<QList<QByteArray>> runAll(
        Connection &c, const QString &sql, Binds binds, Page::Order order, int max)
{
    Page all;
    all.order = order;
    binds << std::pair(u":after"_s, all.afterValue()) << std::pair(u":limit"_s, max);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QList<QByteArray> items;
    while ((*rows)->next()) {
        items.append((*rows)->value(0).toString().toUtf8());
    }
    (*rows)->finish();
    return items;
}

Result<void> forEachRow(Connection &c, const QString &sql, Binds binds, Page::Order order,
        const std::function<bool(const QByteArray &)> &row, std::chrono::milliseconds timeout)
{
    Page all;
    all.order = order;
    binds << std::pair(u":after"_s, all.afterValue())
          << std::pair(u":limit"_s, std::numeric_limits<qint64>::max());
    if (auto longer = c.setStatementTimeout(timeout); !longer) {
        return longer.error();
    }
    Result<void> outcome;
    if (auto rows = c.runDynamic(sql, binds); !rows) {
        outcome = rows.error();
    } else {
        QSqlQuery &query = **rows;
        while (query.next()) {
            if (!row(query.value(0).toString().toUtf8())) {
                break;
            }
        }
        // A forward-only query read a row at a time can fail after its first rows.
        if (const QSqlError error = query.lastError(); error.isValid()) {
            outcome = c.failNative(error.nativeErrorCode(), error.text());
        }
        query.finish();
    }
    if (auto restored = c.setStatementTimeout(c.settings().statementTimeout); !restored) {
        c.reset(); // reopened with the configured timeout on its next use
    }
    return outcome;
}

} // namespace influence::server::db
