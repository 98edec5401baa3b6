// SPDX-License-Identifier: Apache-2.0
#include "Shortlists.h"

#include "brands/BrandOwned.h"
#include "campaigns/Campaigns.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "deals/Deals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::shortlists {

namespace {

const SqlStatement kRead(
        u"SELECT api_shortlist_json(s)::text FROM shortlists s WHERE s.id = :id"_s);
// Taken names answer no row (ON CONFLICT without a target covers the expression index).
const SqlStatement kInsert(
        u"INSERT INTO shortlists AS s (brand_id, name, description, created_by) "
        "VALUES (:brand, :name, coalesce(:description, ''), :user) ON CONFLICT DO NOTHING "
        "RETURNING api_shortlist_json(s)::text"_s);
const SqlStatement kNameTaken(
        u"SELECT 1 FROM shortlists WHERE brand_id = :brand AND lower(name) = lower(:name) "
        "AND id <> :id"_s);
const SqlStatement kUpdate(u"UPDATE shortlists AS s SET name = coalesce(:name, s.name), "
                           "description = coalesce(:description, s.description) WHERE s.id = :id "
                           "RETURNING api_shortlist_json(s)::text"_s);
const SqlStatement kDelete(u"DELETE FROM shortlists WHERE id = :id"_s);
const SqlStatement kCreatorExists(u"SELECT 1 FROM influencer_details WHERE user_id = :id"_s);
// xmax = 0: the row was inserted by this statement, not updated.
const SqlStatement kPut(
        u"INSERT INTO shortlist_members AS m (shortlist_id, influencer_id, note, added_by) "
        "VALUES (:list, :influencer, coalesce(:note, ''), :user) "
        "ON CONFLICT (shortlist_id, influencer_id) "
        "DO UPDATE SET note = coalesce(:note2, m.note) "
        "RETURNING (xmax = 0), (SELECT api_shortlist_member_json(m, d)::text "
        "  FROM influencer_details d WHERE d.user_id = m.influencer_id)"_s);
const SqlStatement kTouch(u"UPDATE shortlists SET updated_at = now() WHERE id = :id"_s);
const SqlStatement kRemoveMember(u"DELETE FROM shortlist_members "
                                 "WHERE shortlist_id = :list AND influencer_id = :influencer"_s);
const QString kMembers =
        u"SELECT api_shortlist_member_json(m, d)::text, m.seq FROM shortlist_members m "
        "JOIN influencer_details d ON d.user_id = m.influencer_id "
        "WHERE m.shortlist_id = :list AND m.seq > :after ORDER BY m.seq LIMIT :limit"_s;
const SqlStatement kMemberIds(
        u"SELECT influencer_id FROM shortlist_members WHERE shortlist_id = :list ORDER BY seq"_s);

using brands::Intent;

const brands::BrandOwned kOwned(u"shortlists"_s,
        {u"No such shortlist."_s, u"Shortlists are the brand's side's."_s,
                u"Only the brand's staff change its lists."_s});

/// The list's brand, after the checks every route makes: creators 403, a list of a brand the
/// caller does not act for 404 (administrators read every list, and change none but their own
/// brands').
Result<QUuid> access(Connection &c, const Principal &p, const QUuid &id, Intent intent)
{
    return kOwned.access(c, p, id, intent);
}

Error nameTaken()
{
    return Error::make(ErrorCode::NameTaken, u"The brand already has a list with this name."_s);
}

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
}

db::Binds listBinds(const Principal &p, const ListQuery &query)
{
    const QVariant brand = query.brand ? QVariant(query.brand->toString(QUuid::WithoutBraces))
                                       : QVariant(QMetaType::fromType<QString>());
    return {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":brand"_s, brand},
            {u":brand2"_s, brand}};
}

} // namespace

Result<QByteArray> list(Connection &c, const Principal &p, const ListQuery &query)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    return db::runPage(c,
            u"SELECT api_shortlist_json(s)::text, s.seq FROM shortlists s "
            "WHERE (CAST(:admin AS boolean) OR acts_for_brand(:user, s.brand_id)) "
            "AND (CAST(:brand AS uuid) IS NULL OR s.brand_id = CAST(:brand2 AS uuid)) "
            "AND s.seq < :after ORDER BY s.seq DESC LIMIT :limit"_s,
            listBinds(p, query), query.page);
}

Result<QByteArray> create(Connection &c, const Principal &p, const ShortlistInput &input,
        const std::optional<QUuid> &brand)
{
    if (p.role() == common::UserRole::Influencer) {
        return kOwned.creatorsRefused();
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto owner = campaigns::brandFor(tx, p, brand);
        if (!owner) {
            return owner.error();
        }
        auto created = db::optionalJson(tx, kInsert,
                {{u":brand"_s, *owner}, {u":name"_s, input.name.value_or(QString())},
                        {u":description"_s, nullableText(input.description)},
                        {u":user"_s, p.userId()}});
        if (!created) {
            return created.error();
        }
        if (!*created) {
            return nameTaken();
        }
        return std::move(**created);
    });
}

Result<QByteArray> read(Connection &c, const Principal &p, const QUuid &id)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::json(c, kRead, {{u":id"_s, id}});
}

Result<QByteArray> update(
        Connection &c, const Principal &p, const QUuid &id, const ShortlistInput &input)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto brand = access(tx, p, id, Intent::Write);
        if (!brand) {
            return brand.error();
        }
        if (input.name) {
            // Under the list's lock; the unique index is the backstop for two renames at once.
            const auto taken = tx.scalar(
                    kNameTaken, {{u":brand"_s, *brand}, {u":name"_s, *input.name}, {u":id"_s, id}});
            if (!taken) {
                return taken.error();
            }
            if (!taken->isNull()) {
                return nameTaken();
            }
        }
        return db::json(tx, kUpdate,
                {{u":name"_s, nullableText(input.name)},
                        {u":description"_s, nullableText(input.description)}, {u":id"_s, id}});
    });
}

Result<void> remove(Connection &c, const Principal &p, const QUuid &id)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        if (auto done = db::affected(tx, kDelete, {{u":id"_s, id}}); !done) {
            return done.error();
        }
        return {};
    });
}

Result<QByteArray> members(Connection &c, const Principal &p, const QUuid &id, const db::Page &page)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::runPage(c, kMembers, {{u":list"_s, id}}, page);
}

Result<QList<QByteArray>> allMembers(Connection &c, const Principal &p, const QUuid &id, int max)
{
    if (auto brand = access(c, p, id, Intent::Read); !brand) {
        return brand.error();
    }
    return db::runAll(c, kMembers, {{u":list"_s, id}}, db::Page::Order::OldestFirst, max);
}

Result<PutResult> putMember(Connection &c, const Principal &p, const QUuid &id,
        const QUuid &influencer, const std::optional<QString> &note)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<PutResult> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        const auto exists = tx.scalar(kCreatorExists, {{u":id"_s, influencer}});
        if (!exists) {
            return exists.error();
        }
        if (exists->isNull()) {
            return Error::notFound(u"No creator with this id."_s);
        }
        auto row = tx.run(kPut,
                {{u":list"_s, id}, {u":influencer"_s, influencer}, {u":note"_s, nullableText(note)},
                        {u":user"_s, p.userId()}, {u":note2"_s, nullableText(note)}});
        if (!row) {
            return row.error();
        }
        if (!(*row)->next()) {
            return Error::internal();
        }
        PutResult result;
        result.created = (*row)->value(0).toBool();
        result.json = (*row)->value(1).toString().toUtf8();
        (*row)->finish();
        if (auto touched = db::affected(tx, kTouch, {{u":id"_s, id}}); !touched) {
            return touched.error();
        }
        return result;
    });
}

Result<void> removeMember(
        Connection &c, const Principal &p, const QUuid &id, const QUuid &influencer)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        if (auto brand = access(tx, p, id, Intent::Write); !brand) {
            return brand.error();
        }
        const auto removed =
                db::affected(tx, kRemoveMember, {{u":list"_s, id}, {u":influencer"_s, influencer}});
        if (!removed) {
            return removed.error();
        }
        if (*removed == 0) {
            return Error::notFound(u"The creator is not on this list."_s);
        }
        if (auto touched = db::affected(tx, kTouch, {{u":id"_s, id}}); !touched) {
            return touched.error();
        }
        return {};
    });
}

Result<QByteArray> invite(
        Connection &c, const Principal &p, const QUuid &id, const ListInvitation &invitation)
{
    const auto brand = access(c, p, id, Intent::Write);
    if (!brand) {
        return brand.error();
    }
    // The campaign is checked once, so that a wrong one invites nobody; deals::invite checks it
    // again for each creator (it may change meanwhile).
    const auto campaign =
            campaigns::lockCampaign(c, p, invitation.campaign, campaigns::CampaignLock::Share);
    if (!campaign) {
        return campaign.error();
    }
    if (!campaign->has_value() || !(*campaign)->brandSide || (*campaign)->brandId != *brand) {
        return Error::validation({{u"campaignId"_s, u"not_found"_s,
                u"No campaign of the list's brand with this id."_s}});
    }
    if ((*campaign)->status != common::CampaignStatus::Active) {
        return Error::make(ErrorCode::IllegalTransition,
                u"Invitations need an active campaign; it is %1."_s.arg(
                        common::wireName((*campaign)->status)));
    }
    if (invitation.offer.fee.currency != (*campaign)->currency) {
        return Error::validation({{u"offer.currency"_s, u"currency_mismatch"_s,
                u"Must be the campaign's currency, %1."_s.arg((*campaign)->currency)}});
    }
    auto rows = c.run(kMemberIds, {{u":list"_s, id}});
    if (!rows) {
        return rows.error();
    }
    QList<QUuid> creators;
    while ((*rows)->next()) {
        creators.append((*rows)->value(0).toUuid());
    }
    QJsonArray results;
    for (const QUuid &creator : std::as_const(creators)) {
        QJsonObject result{{u"influencerId"_s, creator.toString(QUuid::WithoutBraces)}};
        const auto deal = deals::invite(
                c, p, invitation.campaign, creator, invitation.offer, invitation.message);
        if (deal) {
            result.insert(u"status"_s, u"invited"_s);
            result.insert(u"dealId"_s, QJsonDocument::fromJson(*deal).object().value(u"id"_s));
        } else {
            result.insert(u"status"_s, u"skipped"_s);
            result.insert(u"code"_s, deal.error().codeName());
        }
        results.append(result);
    }
    return QJsonDocument(QJsonObject{{u"results"_s, results}}).toJson(QJsonDocument::Compact);
}

} // namespace influence::server::shortlists
