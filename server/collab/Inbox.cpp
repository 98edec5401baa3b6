// SPDX-License-Identifier: Apache-2.0
#include "Inbox.h"

#include "auth/Principal.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::auth::Principal;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::collab::inbox {

namespace {

const SqlStatement kPostMessage(
        u"INSERT INTO deal_messages AS m (deal_id, author_id, body) VALUES (:deal, :author, :body) "
        "RETURNING api_message_json(m)::text, m.id"_s);
const SqlStatement kMarkRead(
        u"UPDATE notifications AS n SET read_at = coalesce(n.read_at, now()) "
        "WHERE n.id = :id AND n.user_id = :user RETURNING api_notification_json(n)::text"_s);
const SqlStatement kMarkAllRead(
        u"UPDATE notifications SET read_at = now() WHERE user_id = :user AND read_at IS NULL"_s);
const SqlStatement kUnreadCount(
        u"SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL"_s);
const SqlStatement kBrandAccess(
        u"SELECT acts_for_brand(:user, b.user_id) FROM brand_details b WHERE b.user_id = :brand"_s);
const SqlStatement kMembers(
        u"SELECT coalesce(jsonb_agg(jsonb_build_object('userId', u.id, 'displayName', "
        "u.display_name, 'email', u.email, 'addedAt', api_time(m.created_at)) "
        "ORDER BY m.created_at, u.id), '[]')::text "
        "FROM brand_members m JOIN users u ON u.id = m.member_id WHERE m.brand_id = :brand"_s);
const SqlStatement kCandidate(
        u"SELECT role = 'brand' AND status = 'active' FROM users WHERE id = :id"_s);
const SqlStatement kAddMember(u"INSERT INTO brand_members (brand_id, member_id, added_by) VALUES "
                              u"(:brand, :member, :user) "
                              "ON CONFLICT DO NOTHING"_s);
const SqlStatement kRemoveMember(
        u"DELETE FROM brand_members WHERE brand_id = :brand AND member_id = :member"_s);

enum class BrandRole { None, Staff, Owner };

/// What the caller is to the brand: its owner (or an admin), its staff, or nothing (404).
Result<BrandRole> brandRole(Connection &c, const Principal &p, const QUuid &brand)
{
    const auto acts = c.scalar(kBrandAccess, {{u":user"_s, p.userId()}, {u":brand"_s, brand}});
    if (!acts) {
        return acts.error();
    }
    if (acts->isNull() || (!acts->toBool() && !p.isAdmin())) {
        return Error::notFound(u"No such brand."_s);
    }
    return p.isAdmin() || p.userId() == brand ? BrandRole::Owner : BrandRole::Staff;
}

Result<void> requireOwner(Connection &c, const Principal &p, const QUuid &brand)
{
    const auto role = brandRole(c, p, brand);
    if (!role) {
        return role.error();
    }
    if (*role != BrandRole::Owner) {
        return Error::make(ErrorCode::Forbidden, u"Only the brand's owner manages its staff."_s);
    }
    return {};
}

} // namespace

Result<QByteArray> messages(Connection &c, const Principal &p, const QUuid &deal, const Page &page)
{
    if (const auto access = dealAccess(c, p, deal, Lock::None); !access) {
        return access.error();
    }
    return runPage(c,
            u"SELECT api_message_json(m)::text, m.seq FROM deal_messages m "
            "WHERE m.deal_id = :deal AND m.seq < :after ORDER BY m.seq DESC LIMIT :limit"_s,
            {{u":deal"_s, deal}}, page);
}

Result<QByteArray> postMessage(
        Connection &c, const Principal &p, const QUuid &deal, const QString &body)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto access = dealAccess(tx, p, deal, Lock::None);
        if (!access) {
            return access.error();
        }
        auto query = tx.run(
                kPostMessage, {{u":deal"_s, deal}, {u":author"_s, p.userId()}, {u":body"_s, body}});
        if (!query) {
            return query.error();
        }
        if (!(*query)->next()) {
            return Error::internal();
        }
        QByteArray json = (*query)->value(0).toString().toUtf8();
        const QString id = (*query)->value(1).toString();
        (*query)->finish();
        const auto recorded = recordEvent(tx, p.userId(),
                {deal, u"message.posted"_s, {{u"messageId"_s, id}, {u"excerpt"_s, body.left(120)}},
                        otherSide(access->side)});
        if (!recorded) {
            return recorded.error();
        }
        return json;
    });
}

Result<QByteArray> events(Connection &c, const Principal &p, const QUuid &deal, const Page &page)
{
    if (const auto access = dealAccess(c, p, deal, Lock::None); !access) {
        return access.error();
    }
    return runPage(c,
            u"SELECT api_event_json(e)::text, e.id FROM deal_events e "
            "WHERE e.deal_id = :deal AND e.id > :after ORDER BY e.id LIMIT :limit"_s,
            {{u":deal"_s, deal}}, page);
}

Result<QByteArray> notifications(
        Connection &c, const Principal &p, bool unreadOnly, const Page &page)
{
    const QString unread = unreadOnly ? u"AND n.read_at IS NULL "_s : QString();
    return runPage(c,
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
    auto json = optionalJson(c, kMarkRead, {{u":id"_s, id}, {u":user"_s, p.userId()}});
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
    const auto updated = affected(c, kMarkAllRead, {{u":user"_s, p.userId()}});
    if (!updated) {
        return updated.error();
    }
    return QByteArray("{\"updated\":" + QByteArray::number(*updated) + '}');
}

Result<QByteArray> members(Connection &c, const Principal &p, const QUuid &brand)
{
    if (const auto role = brandRole(c, p, brand); !role) {
        return role.error();
    }
    const auto items = json(c, kMembers, {{u":brand"_s, brand}});
    if (!items) {
        return items.error();
    }
    return QByteArray("{\"items\":" + *items + '}');
}

Result<QByteArray> addMember(
        Connection &c, const Principal &p, const QUuid &brand, const QUuid &user)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        if (auto owner = requireOwner(tx, p, brand); !owner) {
            return owner.error();
        }
        const auto candidate = tx.scalar(kCandidate, {{u":id"_s, user}});
        if (!candidate) {
            return candidate.error();
        }
        if (candidate->isNull() || !candidate->toBool() || user == brand) {
            return Error::validation({{u"userId"_s, u"invalid_value"_s,
                    u"Must be another active user with the brand role."_s}});
        }
        if (auto added = affected(tx, kAddMember,
                    {{u":brand"_s, brand}, {u":member"_s, user}, {u":user"_s, p.userId()}});
                !added) {
            return added.error();
        }
        const auto items = json(tx, kMembers, {{u":brand"_s, brand}});
        if (!items) {
            return items.error();
        }
        return QByteArray("{\"items\":" + *items + '}');
    });
}

Result<bool> removeMember(Connection &c, const Principal &p, const QUuid &brand, const QUuid &user)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<bool> {
        if (auto owner = requireOwner(tx, p, brand); !owner) {
            return owner.error();
        }
        const auto removed =
                affected(tx, kRemoveMember, {{u":brand"_s, brand}, {u":member"_s, user}});
        if (!removed) {
            return removed.error();
        }
        return *removed > 0;
    });
}

} // namespace influence::server::collab::inbox
