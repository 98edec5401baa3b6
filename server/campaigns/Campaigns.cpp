// SPDX-License-Identifier: Apache-2.0
#include "Campaigns.h"

#include "common/ProfileTypes.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::CampaignAction;
using influence::common::CampaignInput;
using influence::common::CampaignStatus;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Binds;
using influence::server::db::Connection;
using influence::server::db::json;
using influence::server::db::optionalJson;
using influence::server::db::runPage;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::campaigns {

namespace {

/// 409 illegal_transition with an explanation.
Error illegalTransition(const QString &detail)
{
    return Error::make(ErrorCode::IllegalTransition, detail);
}

const QString kColumns =
        u"name, brief, objective, platforms, deliverable_types, target_niches, target_countries, "
        "target_languages, min_followers, max_followers, min_engagement_rate, budget_minor, "
        "currency, starts_on, ends_on, application_deadline, visibility, usage_rights, "
        "target_views, target_engagements, target_reach, target_max_cpe_minor, "
        "target_max_cpm_minor"_s;
const QString kValues =
        u":name, coalesce(:brief, ''), :objective, "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:platforms AS jsonb))), "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:types AS jsonb))), "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:niches AS jsonb))), "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:countries AS jsonb))), "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:languages AS jsonb))), "
        "CAST(:minFollowers AS bigint), CAST(:maxFollowers AS bigint), CAST(:minEr AS real), "
        ":budget, :currency, CAST(:startsOn AS date), CAST(:endsOn AS date), "
        "CAST(:deadline AS timestamptz), :visibility, coalesce(:usageRights, ''), "
        "CAST(:targetViews AS bigint), CAST(:targetEngagements AS bigint), "
        "CAST(:targetReach AS bigint), CAST(:maxCpe AS bigint), CAST(:maxCpm AS bigint)"_s;
const QString kInsert = u"INSERT INTO campaigns AS c (brand_id, created_by, "_s + kColumns
        + u") VALUES (:brand, :user, "_s + kValues
        + u") RETURNING api_campaign_json(c, true)::text"_s;
const QString kUpdate = u"UPDATE campaigns AS c SET ("_s + kColumns + u") = ("_s + kValues
        + u") WHERE c.id = :id RETURNING api_campaign_json(c, true)::text"_s;

// The brands the caller acts for: their own first, then those whose staff they are.
const SqlStatement kBrandsOf(
        u"SELECT b.user_id FROM brand_details b WHERE b.user_id = :user UNION ALL "
        "SELECT m.brand_id FROM brand_members m WHERE m.member_id = :member LIMIT 2"_s);
const SqlStatement kMayActFor(
        u"SELECT acts_for_brand(:user, b.user_id) FROM brand_details b WHERE b.user_id = :brand"_s);

const QString kLockSelect =
        u"SELECT c.status, c.brand_id, c.visibility, acts_for_brand(:user, c.brand_id), "
        "coalesce(c.application_deadline < now(), false), c.currency, "
        "api_campaign_json(c, false)::text, "
        // names the actor for the money triggers and the audit log (0010_money.sql)
        "set_config('influence.actor', CAST(:user AS text), true) "
        "FROM campaigns c WHERE c.id = :id "_s;
const SqlStatement kLockShare(kLockSelect + u"FOR SHARE"_s);
const SqlStatement kLockUpdate(kLockSelect + u"FOR NO KEY UPDATE"_s);

// Creators read a campaign without its budget (0024_campaign_privacy.sql).
const SqlStatement kRead(u"SELECT api_campaign_view_json(c, CAST(:admin AS boolean) OR "
                         u"acts_for_brand(:user, c.brand_id))::text "
                         "FROM campaigns c WHERE c.id = :id AND (CAST(:admin AS boolean) "
                         "  OR acts_for_brand(:user, c.brand_id) "
                         "  OR (c.status <> 'draft' AND (c.visibility = 'public' "
                         "      OR EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id "
                         "                 AND d.influencer_id = :user))))"_s);
const SqlStatement kInReview(
        u"SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
        "WHERE d.campaign_id = :id AND dl.status = 'in_review' AND d.state = 'in_progress'"_s);
// Closing a campaign: the deals in `states` are cancelled, their open offers withdrawn, and
// each creator told (in the timeline and a notification).
const SqlStatement kCloseDeals(
        u"WITH closed AS ("
        "  UPDATE deals SET state = 'cancelled', closed_at = now() "
        "  WHERE campaign_id = :id AND state = ANY (CAST(:states AS text[])) RETURNING id), "
        "withdrawn AS ("
        "  UPDATE offers o SET status = 'withdrawn', responded_at = now(), responded_by = :user "
        "  FROM closed WHERE o.deal_id = closed.id AND o.status = 'open' RETURNING o.id) "
        "SELECT count(*) FROM (SELECT record_deal_event(closed.id, :actor, 'deal.cancelled', "
        "  jsonb_build_object('reason', CAST(:reason AS text)), 'creator', 'deal', closed.id) "
        "  FROM closed) e"_s);
const SqlStatement kSetStatus(
        u"UPDATE campaigns AS c SET status = :status, "
        "launched_at = CASE WHEN :status = 'active' THEN coalesce(c.launched_at, now()) "
        "              ELSE c.launched_at END, "
        "closed_at = CASE WHEN :status IN ('completed', 'cancelled') THEN now() END "
        "WHERE c.id = :id RETURNING api_campaign_json(c, true)::text"_s);

QString jsonText(const QStringList &values)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

Binds inputBinds(const CampaignInput &input, const common::CampaignTargets &targets)
{
    const auto &t = input.targeting;
    return {{u":name"_s, input.name}, {u":brief"_s, input.brief},
            {u":objective"_s, common::wireName(input.objective)},
            {u":platforms"_s, jsonText(input.platforms)},
            {u":types"_s, jsonText(input.deliverableTypes)}, {u":niches"_s, jsonText(t.niches)},
            {u":countries"_s, jsonText(t.countries)}, {u":languages"_s, jsonText(t.languages)},
            {u":minFollowers"_s, nullable(t.minFollowers)},
            {u":maxFollowers"_s, nullable(t.maxFollowers)},
            {u":minEr"_s,
                    t.minEngagementRate ? QVariant(*t.minEngagementRate)
                                        : QVariant(QMetaType::fromType<double>())},
            {u":budget"_s, input.budget.minorUnits}, {u":currency"_s, input.budget.currency},
            {u":startsOn"_s, nullableText(input.startDate.toString(Qt::ISODate))},
            {u":endsOn"_s, nullableText(input.endDate.toString(Qt::ISODate))},
            {u":deadline"_s, nullableText(input.applicationDeadline.toString(Qt::ISODateWithMs))},
            {u":visibility"_s, common::wireName(input.visibility)},
            {u":usageRights"_s, input.usageRights}, {u":targetViews"_s, nullable(targets.views)},
            {u":targetEngagements"_s, nullable(targets.engagements)},
            {u":targetReach"_s, nullable(targets.reach)},
            {u":maxCpe"_s, nullable(targets.maxCpeMinor)},
            {u":maxCpm"_s, nullable(targets.maxCpmMinor)}};
}

Result<QByteArray> writeCampaign(Connection &c, const QString &sql, const Binds &binds)
{
    auto query = c.runDynamic(sql, binds);
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return Error::internal();
    }
    QByteArray json = (*query)->value(0).toString().toUtf8();
    (*query)->finish();
    return json;
}

/// Closes the negotiations (or all live deals) of a campaign that ends.
Result<void> closeDeals(Connection &c, const Principal &p, const QUuid &id, CampaignAction action)
{
    const bool cancel = action == CampaignAction::Cancel;
    const QString states = cancel ? u"{invited,applied,negotiating,accepted,in_progress}"_s
                                  : u"{invited,applied,negotiating}"_s;
    const auto closed = c.scalar(kCloseDeals,
            {{u":id"_s, id}, {u":states"_s, states}, {u":user"_s, p.userId()},
                    {u":actor"_s, p.userId()},
                    {u":reason"_s, cancel ? u"campaign_cancelled"_s : u"campaign_completed"_s}});
    if (!closed) {
        return closed.error();
    }
    return {};
}

Result<void> checkTransition(Connection &c, const CampaignRow &row, CampaignAction action)
{
    const auto next = common::campaignTransition(row.status, action);
    if (!next) {
        return illegalTransition(u"A %1 campaign cannot %2."_s.arg(
                common::wireName(row.status), common::wireName(action)));
    }
    if (action == CampaignAction::Launch) {
        const QString end = row.json.value(u"endDate"_s).toString();
        if (!end.isEmpty() && QDate::fromString(end, Qt::ISODate) < QDate::currentDate()) {
            return illegalTransition(u"The campaign's end date has passed."_s);
        }
    }
    if (action == CampaignAction::Complete) {
        const auto inReview = c.scalar(kInReview, {{u":id"_s, row.id}});
        if (!inReview) {
            return inReview.error();
        }
        if (db::toInt64(*inReview) > 0) {
            return Error::make(ErrorCode::DeliverablesInReview,
                    u"%1 deliverable(s) are in review: review them first."_s.arg(
                            db::toInt64(*inReview)));
        }
    }
    return {};
}

/// The campaign for a change by its brand's side: 404 when the caller may not see it, 403 when
/// they see it but are not its brand's side.
Result<CampaignRow> campaignForChange(Connection &c, const Principal &p, const QUuid &id)
{
    auto row = lockCampaign(c, p, id, CampaignLock::Update);
    if (!row) {
        return row.error();
    }
    if (!row->has_value()) {
        return Error::notFound(u"No such campaign."_s);
    }
    if (!(*row)->brandSide) {
        const bool visible = (*row)->status != CampaignStatus::Draft
                && (*row)->visibility == common::CampaignVisibility::Public;
        return visible ? Error::make(ErrorCode::Forbidden, u"Only the brand's side does this."_s)
                       : Error::notFound(u"No such campaign."_s);
    }
    return std::move(**row);
}

} // namespace

/// The brand a new campaign belongs to: the one named (if the caller acts for it), else the
/// caller's only brand.
Result<QUuid> brandFor(Connection &c, const Principal &p, const std::optional<QUuid> &named)
{
    if (named) {
        const auto may = c.scalar(kMayActFor, {{u":user"_s, p.userId()}, {u":brand"_s, *named}});
        if (!may) {
            return may.error();
        }
        if (may->isNull() || (!may->toBool() && !p.isAdmin())) {
            return Error::validation(
                    {{u"brandId"_s, u"not_found"_s, u"No brand with this id that you act for."_s}});
        }
        return *named;
    }
    auto rows = c.run(kBrandsOf, {{u":user"_s, p.userId()}, {u":member"_s, p.userId()}});
    if (!rows) {
        return rows.error();
    }
    QList<QUuid> brands;
    while ((*rows)->next()) {
        brands.append((*rows)->value(0).toUuid());
    }
    if (brands.size() != 1) {
        return Error::validation({{u"brandId"_s, u"required"_s,
                brands.isEmpty() ? u"You act for no brand: create a brand profile first."_s
                                 : u"You act for several brands: name one."_s}});
    }
    return brands.first();
}

Result<std::optional<CampaignRow>> lockCampaign(
        Connection &c, const Principal &p, const QUuid &id, CampaignLock lock)
{
    auto query = c.run(lock == CampaignLock::Share ? kLockShare : kLockUpdate,
            {{u":user"_s, p.userId()}, {u":id"_s, id}});
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = **query;
    if (!q.next()) {
        return std::optional<CampaignRow>();
    }
    CampaignRow row;
    row.id = id;
    row.status = common::collabFromString<CampaignStatus>(q.value(0).toString())
                         .value_or(CampaignStatus::Draft);
    row.brandId = q.value(1).toUuid();
    row.visibility = common::collabFromString<common::CampaignVisibility>(q.value(2).toString())
                             .value_or(common::CampaignVisibility::Private);
    row.brandSide = q.value(3).toBool() || p.isAdmin();
    row.deadlinePassed = q.value(4).toBool();
    row.currency = q.value(5).toString();
    row.json = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    q.finish();
    return std::optional(row);
}

Result<QByteArray> create(Connection &c, const Principal &p, const common::CampaignCommand &command,
        const std::optional<QUuid> &brandId)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto brand = brandFor(tx, p, brandId);
        if (!brand) {
            return brand.error();
        }
        Binds binds = inputBinds(command.input, command.targets);
        binds << std::pair(u":brand"_s, *brand) << std::pair(u":user"_s, p.userId());
        return writeCampaign(tx, kInsert, binds);
    });
}

Result<QByteArray> read(Connection &c, const Principal &p, const QUuid &id)
{
    auto json = optionalJson(
            c, kRead, {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":id"_s, id}});
    if (!json) {
        return json.error();
    }
    if (!json->has_value()) {
        return Error::notFound(u"No such campaign."_s);
    }
    return std::move(**json);
}

Result<QByteArray> update(
        Connection &c, const Principal &p, const QUuid &id, const QJsonObject &patch)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto row = campaignForChange(tx, p, id);
        if (!row) {
            return row.error();
        }
        if (row->status == CampaignStatus::Completed || row->status == CampaignStatus::Cancelled) {
            return illegalTransition(
                    u"A %1 campaign cannot be changed."_s.arg(common::wireName(row->status)));
        }
        const QJsonObject whole =
                common::profiles::merged(row->json, patch, common::collab::campaignFields());
        const auto command = common::collab::validateCampaignCommand(whole);
        if (!command) {
            return command.error();
        }
        Binds binds = inputBinds(command->input, command->targets);
        binds << std::pair(u":id"_s, id);
        return writeCampaign(tx, kUpdate, binds);
    });
}

Result<QByteArray> transition(
        Connection &c, const Principal &p, const QUuid &id, CampaignAction action)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto row = campaignForChange(tx, p, id);
        if (!row) {
            return row.error();
        }
        if (auto allowed = checkTransition(tx, *row, action); !allowed) {
            return allowed.error();
        }
        if (action == CampaignAction::Complete || action == CampaignAction::Cancel) {
            if (auto closed = closeDeals(tx, p, id, action); !closed) {
                return closed.error();
            }
        }
        const QString next = common::wireName(*common::campaignTransition(row->status, action));
        return json(tx, kSetStatus, {{u":status"_s, next}, {u":id"_s, id}});
    });
}

Result<QByteArray> list(Connection &c, const Principal &p, const ListQuery &query)
{
    const bool creator = p.role() == common::UserRole::Influencer;
    QStringList where;
    Binds binds;
    QString progress = u"true"_s;
    if (query.view == View::Open) {
        where << u"c.status = 'active' AND c.visibility = 'public' "
                 "AND (c.application_deadline IS NULL OR c.application_deadline > now())"_s;
        if (creator) {
            // Fits the creator: every targeting criterion the campaign sets is met.
            where << u"EXISTS (SELECT 1 FROM influencer_details i WHERE i.user_id = :user "
                     "AND (cardinality(c.target_niches) = 0 OR c.target_niches && i.niches) "
                     "AND (cardinality(c.target_countries) = 0 "
                     "     OR CAST(i.country AS text) = ANY (c.target_countries)) "
                     "AND (cardinality(c.target_languages) = 0 OR c.target_languages && "
                     "i.languages) "
                     "AND (cardinality(c.platforms) = 0 OR c.platforms && i.platforms) "
                     "AND (c.min_followers IS NULL OR i.total_followers >= c.min_followers) "
                     "AND (c.max_followers IS NULL OR i.total_followers <= c.max_followers) "
                     "AND (c.min_engagement_rate IS NULL "
                     "     OR coalesce(i.engagement_rate, 0) >= c.min_engagement_rate))"_s;
            binds << std::pair(u":user"_s, p.userId());
            progress = u"false"_s;
        }
    } else if (creator) {
        where << u"EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id "
                 "AND d.influencer_id = :user)"_s;
        binds << std::pair(u":user"_s, p.userId());
        progress = u"false"_s;
    } else if (!p.isAdmin()) {
        where << u"c.brand_id IN (SELECT CAST(:user AS uuid) UNION ALL "
                 "SELECT m.brand_id FROM brand_members m WHERE m.member_id = :member)"_s;
        binds << std::pair(u":user"_s, p.userId()) << std::pair(u":member"_s, p.userId());
    }
    if (query.brand) {
        where << u"c.brand_id = :brand"_s;
        binds << std::pair(u":brand"_s, *query.brand);
    }
    if (query.status) {
        where << u"c.status = :status"_s;
        binds << std::pair(u":status"_s, common::wireName(*query.status));
    }
    where << u"c.seq < :after"_s;
    const QString sql =
            u"SELECT api_campaign_view_json(c, %1)::text, c.seq FROM campaigns c WHERE "_s.arg(
                    progress)
            + where.join(u" AND "_s) + u" ORDER BY c.seq DESC LIMIT :limit"_s;
    return runPage(c, sql, binds, query.page);
}

} // namespace influence::server::campaigns
