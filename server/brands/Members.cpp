// SPDX-License-Identifier: Apache-2.0
#include "Members.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::brands {

namespace {

const SqlStatement kBrandAccess(
        u"SELECT acts_for_brand(:user, b.user_id) FROM brand_details b WHERE b.user_id = :brand"_s);
const SqlStatement kMembers(
        u"SELECT coalesce(jsonb_agg(jsonb_build_object('userId', u.id, 'displayName', "
        "u.display_name, 'email', u.email, 'addedAt', api_time(m.created_at)) "
        "ORDER BY m.created_at, u.id), '[]')::text "
        "FROM brand_members m JOIN users u ON u.id = m.member_id WHERE m.brand_id = :brand"_s);
const SqlStatement kBrandsOf(
        u"SELECT coalesce(jsonb_agg(jsonb_build_object('id', b.user_id, 'name', b.company_name, "
        "'role', CASE WHEN b.user_id = :user THEN 'owner' ELSE 'staff' END) "
        "ORDER BY lower(b.company_name), b.user_id), '[]')::text "
        "FROM brand_details b WHERE b.user_id = :owner OR EXISTS (SELECT 1 FROM brand_members m "
        "WHERE m.brand_id = b.user_id AND m.member_id = :member)"_s);
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

Result<QByteArray> memberList(Connection &c, const QUuid &brand)
{
    const auto items = db::json(c, kMembers, {{u":brand"_s, brand}});
    if (!items) {
        return items.error();
    }
    return QByteArray("{\"items\":" + *items + '}');
}

} // namespace

Result<QByteArray> brandsOf(Connection &c, const Principal &p)
{
    const auto items = db::json(c, kBrandsOf,
            {{u":user"_s, p.userId()}, {u":owner"_s, p.userId()}, {u":member"_s, p.userId()}});
    if (!items) {
        return items.error();
    }
    return QByteArray("{\"items\":" + *items + '}');
}

Result<QByteArray> members(Connection &c, const Principal &p, const QUuid &brand)
{
    if (const auto role = brandRole(c, p, brand); !role) {
        return role.error();
    }
    return memberList(c, brand);
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
        if (auto added = db::affected(tx, kAddMember,
                    {{u":brand"_s, brand}, {u":member"_s, user}, {u":user"_s, p.userId()}});
                !added) {
            return added.error();
        }
        return memberList(tx, brand);
    });
}

Result<void> removeMember(Connection &c, const Principal &p, const QUuid &brand, const QUuid &user)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        if (auto owner = requireOwner(tx, p, brand); !owner) {
            return owner.error();
        }
        const auto removed =
                db::affected(tx, kRemoveMember, {{u":brand"_s, brand}, {u":member"_s, user}});
        if (!removed) {
            return removed.error();
        }
        if (*removed == 0) {
            return Error::notFound(u"No such member."_s);
        }
        return {};
    });
}

} // namespace influence::server::brands
