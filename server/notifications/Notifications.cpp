// SPDX-License-Identifier: Apache-2.0
#include "Notifications.h"

#include "core/db/JsonRows.h"
#include "core/http/Principal.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::notifications {

namespace {

const SqlStatement kMarkRead(
        u"UPDATE notifications AS n SET read_at = coalesce(n.read_at, now()) "
        "WHERE n.id = :id AND n.user_id = :user RETURNING api_notification_json(n)::text"_s);
const SqlStatement kMarkAllRead(
        u"UPDATE notifications SET read_at = now() WHERE user_id = :user AND read_at IS NULL"_s);
const SqlStatement kUnreadCount(
        u"SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL"_s);

} // namespace

Result<QByteArray> list(Connection &c, const Principal &p, Filter filter, const db::Page &page)
{
    const QString unread = filter == Filter::UnreadOnly ? u"AND n.read_at IS NULL "_s : QString();
    return db::runPage(c,
            u"SELECT api_notification_json(n)::text, n.seq FROM notifications n "
            "WHERE n.user_id = :user "_s
                    + unread + u"AND n.seq < :after ORDER BY n.seq DESC LIMIT :limit"_s,
            {{u":user"_s, p.userId()}}, page);
}

Result<QByteArray> unreadCount(Connection &c, const Principal &p)
{
    const auto count = c.scalar(kUnreadCount, {{u":user"_s, p.userId()}});
    if (!count) {
        return count.error();
    }
    return QByteArray("{\"count\":" + QByteArray::number(db::toInt64(*count)) + '}');
}

Result<QByteArray> markRead(Connection &c, const Principal &p, const QUuid &id)
{
    auto json = db::optionalJson(c, kMarkRead, {{u":id"_s, id}, {u":user"_s, p.userId()}});
    if (!json) {
        return json.error();
    }
    if (!json->has_value()) {
        return Error::notFound(u"No such notification."_s);
    }
    return std::move(**json);
}

Result<QByteArray> markAllRead(Connection &c, const Principal &p)
{
    const auto updated = db::affected(c, kMarkAllRead, {{u":user"_s, p.userId()}});
    if (!updated) {
        return updated.error();
    }
    return QByteArray("{\"updated\":" + QByteArray::number(*updated) + '}');
}

} // namespace influence::server::notifications
