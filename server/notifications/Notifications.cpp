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

// A notification as the API shows it: the stored row (api_notification_json) and, looked up
// when it is read, the deal's campaign and the other party of the deal as the reader sees it.
// Looked up rather than taken from the row's data: rows written without them (the demo data,
// rows from before they were recorded) name them too, and a renamed campaign or brand shows its
// name of today. The deal is the notification's object, or the deal of its deliverable.
const QString kNotificationJson =
        u"(api_notification_json(n) || coalesce(("
        "SELECT jsonb_build_object('dealId', d.id, 'campaignId', c.id, 'campaignName', c.name, "
        "'counterparty', CASE WHEN d.influencer_id = n.user_id "
        "THEN jsonb_build_object('side', 'brand', 'name', coalesce("
        "(SELECT b.company_name FROM brand_details b WHERE b.user_id = d.brand_id), "
        "(SELECT nullif(u.display_name, '') FROM users u WHERE u.id = d.brand_id))) "
        "ELSE jsonb_build_object('side', 'creator', 'name', coalesce("
        "(SELECT i.display_name FROM influencer_details i WHERE i.user_id = d.influencer_id), "
        "(SELECT nullif(u.display_name, '') FROM users u WHERE u.id = d.influencer_id))) END) "
        "FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "WHERE d.id = CASE n.object_type WHEN 'deal' THEN n.object_id "
        "WHEN 'deliverable' THEN (SELECT dl.deal_id FROM deliverables dl "
        "WHERE dl.id = n.object_id) END), '{}'::jsonb))::text"_s;

const SqlStatement kMarkRead(u"UPDATE notifications AS n SET read_at = coalesce(n.read_at, now()) "
                             "WHERE n.id = :id AND n.user_id = :user RETURNING "_s
        + kNotificationJson);
const SqlStatement kMarkAllRead(
        u"UPDATE notifications SET read_at = now() WHERE user_id = :user AND read_at IS NULL"_s);
const SqlStatement kUnreadCount(
        u"SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL"_s);

} // namespace

Result<QByteArray> list(Connection &c, const Principal &p, Filter filter, const db::Page &page)
{
    const QString unread = filter == Filter::UnreadOnly ? u"AND n.read_at IS NULL "_s : QString();
    return db::runPage(c,
            u"SELECT "_s + kNotificationJson
                    + u", n.seq FROM notifications n "
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
