// SPDX-License-Identifier: Apache-2.0
#include "Deliverables.h"

#include "Timeline.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::DealSide;
using influence::common::DealState;
using influence::common::DeliverableStatus;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::ReviewDecision;
using influence::server::db::affected;
using influence::server::db::Binds;
using influence::server::db::Connection;
using influence::server::db::json;
using influence::server::db::runPage;
using influence::server::db::runSteps;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::deals::deliverables {

namespace {

const SqlStatement kDealOf(u"SELECT deal_id FROM deliverables WHERE id = :id"_s);
const SqlStatement kLock(
        u"SELECT status, max_revisions, revisions_used FROM deliverables WHERE id = :id FOR UPDATE"_s);
const SqlStatement kRead(
        u"SELECT (api_deliverable_json(dl) || jsonb_build_object('versions', "
        "coalesce((SELECT jsonb_agg(api_version_json(v) ORDER BY v.version) "
        "FROM deliverable_versions v WHERE v.deliverable_id = dl.id), '[]')))::text "
        "FROM deliverables dl WHERE dl.id = :id"_s);
const SqlStatement kInsertVersion(
        u"INSERT INTO deliverable_versions (deliverable_id, version, caption, media_urls, notes, "
        "submitted_by) VALUES (:id, (SELECT coalesce(max(version), 0) + 1 "
        "FROM deliverable_versions WHERE deliverable_id = :id), coalesce(:caption, ''), "
        "ARRAY(SELECT jsonb_array_elements_text(CAST(:media AS jsonb))), coalesce(:notes, ''), "
        ":user) "
        "RETURNING version"_s);
const SqlStatement kSetInReview(u"UPDATE deliverables SET status = 'in_review' WHERE id = :id"_s);
const SqlStatement kStartDeal(u"UPDATE deals SET state = 'in_progress', started_at = now() "
                              "WHERE id = :id AND state = 'accepted'"_s);
const SqlStatement kVersionDecision(u"SELECT decision IS NULL FROM deliverable_versions "
                                    "WHERE deliverable_id = :id AND version = :version"_s);
const SqlStatement kDecide(
        u"UPDATE deliverable_versions SET decision = :decision, feedback = coalesce(:feedback, "
        u"''), "
        "reviewed_by = :user, reviewed_at = now() WHERE deliverable_id = :id AND version = :version"_s);
const SqlStatement kApplyDecision(
        u"UPDATE deliverables SET "
        "status = CASE WHEN CAST(:changes AS boolean) THEN 'changes_requested' ELSE 'approved' "
        "END, "
        "revisions_used = revisions_used + CASE WHEN CAST(:changes AS boolean) THEN 1 ELSE 0 END, "
        "approved_at = CASE WHEN CAST(:changes AS boolean) THEN approved_at ELSE now() END "
        "WHERE id = :id"_s);
const SqlStatement kGoLive(
        u"UPDATE deliverables SET status = 'live', live_url = :url, live_at = now() WHERE id = :id"_s);
const SqlStatement kNotLive(
        u"SELECT count(*) FROM deliverables WHERE deal_id = :deal AND status <> 'live'"_s);
const SqlStatement kCompleteDeal(u"UPDATE deals SET state = 'completed', completed_at = now() "
                                 "WHERE id = :id AND state IN ('accepted', 'in_progress')"_s);

// Keyset position of a deliverable in due-date order, packed into one bigint: days since 2000
// (16 bits), the deal's seq (40 bits), the position in the deal (6 bits; at most 50 pieces).
const QString kPosition =
        u"((CAST(dl.due_on - DATE '2000-01-01' AS bigint) * 1099511627776 + d.seq) * 64 "
        "+ dl.position)"_s;

struct Locked
{
    DealAccess deal;
    DeliverableStatus status = DeliverableStatus::Pending;
    int maxRevisions = 0;
    int revisionsUsed = 0;
};

/// The deliverable's deal (locked first, as every deal change does) and then the deliverable.
Result<Locked> lock(Connection &c, const Principal &p, const QUuid &id, DealSide needed)
{
    const auto dealId = c.scalar(kDealOf, {{u":id"_s, id}});
    if (!dealId) {
        return dealId.error();
    }
    if (dealId->isNull()) {
        return Error::notFound(u"No such deliverable."_s);
    }
    auto deal = dealAccess(c, p, dealId->toUuid(), Lock::ForUpdate);
    if (!deal) {
        return deal.error().code == ErrorCode::NotFound ? Error::notFound(u"No such deliverable."_s)
                                                        : deal.error();
    }
    if (deal->side != needed) {
        return wrongSide(needed);
    }
    auto query = c.run(kLock, {{u":id"_s, id}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return Error::notFound(u"No such deliverable."_s);
    }
    Locked locked{std::move(*deal),
            common::collabFromString<DeliverableStatus>((*query)->value(0).toString())
                    .value_or(DeliverableStatus::Pending),
            (*query)->value(1).toInt(), (*query)->value(2).toInt()};
    (*query)->finish();
    return locked;
}

Result<void> run(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    const auto done = affected(c, statement, binds);
    if (!done) {
        return done.error();
    }
    return {};
}

Result<void> startDealIfAccepted(Connection &c, const Principal &p, const Locked &locked)
{
    if (locked.deal.state != DealState::Accepted) {
        return {};
    }
    if (auto done = run(c, kStartDeal, {{u":id"_s, locked.deal.id}}); !done) {
        return done;
    }
    return timeline::record(c, p.userId(),
            {locked.deal.id, u"deal.started"_s,
                    {{u"by"_s, u"creator"_s}, {u"reason"_s, u"first_draft"_s}}, DealSide::Brand});
}

Result<void> completeDealIfAllLive(Connection &c, const Principal &p, const QUuid &deal)
{
    const auto notLive = c.scalar(kNotLive, {{u":deal"_s, deal}});
    if (!notLive) {
        return notLive.error();
    }
    if (db::toInt64(*notLive) > 0) {
        return {};
    }
    if (auto done = run(c, kCompleteDeal, {{u":id"_s, deal}}); !done) {
        return done;
    }
    return timeline::record(c, p.userId(),
            {deal, u"deal.completed"_s, {{u"reason"_s, u"all_deliverables_live"_s}},
                    DealSide::Brand});
}

bool deliverableWorkOpen(DealState state)
{
    return state == DealState::Accepted || state == DealState::InProgress;
}

Result<void> checkReview(
        Connection &c, const Locked &locked, const QUuid &id, int version, ReviewDecision decision)
{
    if (locked.deal.state != DealState::InProgress) {
        return illegalTransition(u"The deal is %1."_s.arg(common::wireName(locked.deal.state)));
    }
    const auto pending = c.scalar(kVersionDecision, {{u":id"_s, id}, {u":version"_s, version}});
    if (!pending) {
        return pending.error();
    }
    if (pending->isNull()) {
        return Error::notFound(u"No such version."_s);
    }
    if (!pending->toBool() || locked.status != DeliverableStatus::InReview) {
        return illegalTransition(u"Version %1 is not in review."_s.arg(version));
    }
    if (decision == ReviewDecision::ChangesRequested
            && locked.revisionsUsed >= locked.maxRevisions) {
        return Error::make(ErrorCode::RevisionLimitReached,
                u"All %1 revision round(s) agreed in the offer are used: approve, or agree more "
                "rounds with the creator."_s.arg(locked.maxRevisions));
    }
    return {};
}

} // namespace

Result<QByteArray> read(Connection &c, const Principal &p, const QUuid &id)
{
    const auto dealId = c.scalar(kDealOf, {{u":id"_s, id}});
    if (!dealId) {
        return dealId.error();
    }
    if (dealId->isNull() || !dealAccess(c, p, dealId->toUuid(), Lock::None)) {
        return Error::notFound(u"No such deliverable."_s);
    }
    return json(c, kRead, {{u":id"_s, id}});
}

Result<QByteArray> list(Connection &c, const Principal &p, const ListQuery &query)
{
    QStringList where;
    Binds binds;
    if (p.role() == common::UserRole::Influencer) {
        where << u"d.influencer_id = :user"_s;
        binds << std::pair(u":user"_s, p.userId());
    } else if (!p.isAdmin()) {
        where << u"d.brand_id IN (SELECT CAST(:user AS uuid) UNION ALL "
                 "SELECT m.brand_id FROM brand_members m WHERE m.member_id = :member)"_s;
        binds << std::pair(u":user"_s, p.userId()) << std::pair(u":member"_s, p.userId());
    }
    // Deliverables of deals that were cancelled are no longer due.
    where << u"d.state IN ('accepted', 'in_progress', 'completed')"_s;
    if (query.deal) {
        where << u"dl.deal_id = :deal"_s;
        binds << std::pair(u":deal"_s, *query.deal);
    }
    if (query.overdueOnly) {
        where << u"dl.status <> 'live' AND dl.due_on < CAST(now() AT TIME ZONE 'UTC' AS date)"_s;
    }
    where << kPosition + u" > :after"_s;
    const QString sql = u"SELECT api_deliverable_json(dl)::text, "_s + kPosition
            + u" FROM deliverables dl JOIN deals d ON d.id = dl.deal_id WHERE "_s
            + where.join(u" AND "_s) + u" ORDER BY 2 LIMIT :limit"_s;
    return runPage(c, sql, binds, query.page);
}

Result<QByteArray> submit(
        Connection &c, const Principal &p, const QUuid &id, const common::DraftInput &draft)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto locked = lock(tx, p, id, DealSide::Creator);
        if (!locked) {
            return locked.error();
        }
        if (!deliverableWorkOpen(locked->deal.state)) {
            return illegalTransition(
                    u"The deal is %1."_s.arg(common::wireName(locked->deal.state)));
        }
        if (locked->status != DeliverableStatus::Pending
                && locked->status != DeliverableStatus::ChangesRequested) {
            return illegalTransition(
                    u"A draft is submitted when the deliverable is pending or "
                    "has changes requested; it is %1."_s.arg(common::wireName(locked->status)));
        }
        const auto version = tx.scalar(kInsertVersion,
                {{u":id"_s, id}, {u":caption"_s, draft.caption},
                        {u":media"_s,
                                QString::fromUtf8(
                                        QJsonDocument(QJsonArray::fromStringList(draft.mediaUrls))
                                                .toJson(QJsonDocument::Compact))},
                        {u":notes"_s, draft.notes}, {u":user"_s, p.userId()}});
        if (!version) {
            return version.error();
        }
        if (auto done = runSteps({[&] {
                                      return run(tx, kSetInReview, {{u":id"_s, id}});
                                  },
                    [&] {
                        return startDealIfAccepted(tx, p, *locked);
                    },
                    [&] {
                        return timeline::record(tx, p.userId(),
                                {locked->deal.id, u"deliverable.submitted"_s,
                                        {{u"deliverableId"_s, id.toString(QUuid::WithoutBraces)},
                                                {u"version"_s, version->toInt()}},
                                        DealSide::Brand, u"deliverable"_s, id});
                    }});
                !done) {
            return done.error();
        }
        return json(tx, kRead, {{u":id"_s, id}});
    });
}

Result<QByteArray> review(Connection &c, const Principal &p, const QUuid &id, int version,
        const common::ReviewInput &review)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto locked = lock(tx, p, id, DealSide::Brand);
        if (!locked) {
            return locked.error();
        }
        if (auto ok = checkReview(tx, *locked, id, version, review.decision); !ok) {
            return ok.error();
        }
        const bool changes = review.decision == ReviewDecision::ChangesRequested;
        if (auto done = runSteps({[&] {
                                      return run(tx, kDecide,
                                              {{u":decision"_s, common::wireName(review.decision)},
                                                      {u":feedback"_s, review.feedback},
                                                      {u":user"_s, p.userId()}, {u":id"_s, id},
                                                      {u":version"_s, version}});
                                  },
                    [&] {
                        return run(tx, kApplyDecision, {{u":changes"_s, changes}, {u":id"_s, id}});
                    },
                    [&] {
                        return timeline::record(tx, p.userId(),
                                {locked->deal.id, u"deliverable.reviewed"_s,
                                        {{u"deliverableId"_s, id.toString(QUuid::WithoutBraces)},
                                                {u"version"_s, version},
                                                {u"decision"_s, common::wireName(review.decision)}},
                                        DealSide::Creator, u"deliverable"_s, id});
                    }});
                !done) {
            return done.error();
        }
        return json(tx, kRead, {{u":id"_s, id}});
    });
}

Result<QByteArray> goLive(Connection &c, const Principal &p, const QUuid &id, const QString &url)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto locked = lock(tx, p, id, DealSide::Creator);
        if (!locked) {
            return locked.error();
        }
        if (!deliverableWorkOpen(locked->deal.state)
                || locked->status != DeliverableStatus::Approved) {
            return illegalTransition(
                    u"Only an approved deliverable of a running deal goes live; it is %1."_s.arg(
                            common::wireName(locked->status)));
        }
        if (auto done = runSteps({[&] {
                                      return run(tx, kGoLive, {{u":url"_s, url}, {u":id"_s, id}});
                                  },
                    [&] {
                        return timeline::record(tx, p.userId(),
                                {locked->deal.id, u"deliverable.live"_s,
                                        {{u"deliverableId"_s, id.toString(QUuid::WithoutBraces)},
                                                {u"url"_s, url}},
                                        DealSide::Brand, u"deliverable"_s, id});
                    },
                    [&] {
                        return completeDealIfAllLive(tx, p, locked->deal.id);
                    }});
                !done) {
            return done.error();
        }
        return json(tx, kRead, {{u":id"_s, id}});
    });
}

} // namespace influence::server::deals::deliverables
