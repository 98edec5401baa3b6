// SPDX-License-Identifier: Apache-2.0
#include "Payouts.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Binds;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::money {

namespace {

// The rows to change, locked in id order (no deadlocks between bulk approvals), with what the
// checks need; also names the actor for the triggers and the audit log.
const SqlStatement kLock(
        u"SELECT p.id, p.state, payout_state(p), p.influencer_id, "
        "CAST(:admin AS boolean) OR acts_for_brand(:user, p.brand_id), "
        "array_to_string(payout_missing(p.influencer_id), ','), "
        "(SELECT a.account_id FROM payout_accounts a WHERE a.influencer_id = p.influencer_id), "
        "set_config('influence.actor', CAST(:user AS text), true) "
        "FROM payouts p WHERE p.id = ANY (CAST(:ids AS uuid[])) ORDER BY p.id FOR UPDATE OF p"_s);
const SqlStatement kApprove(
        u"UPDATE payouts SET state = 'approved', approved_at = now(), approved_by = :user, "
        "method = 'stripe', destination = :destination, failure_code = NULL, "
        "failure_message = NULL, next_check_at = NULL WHERE id = :id"_s);
// The send of the approved payout's next attempt, in the approval's transaction (PayoutJobs.h).
const SqlStatement kEnqueueSend(u"SELECT payout_enqueue_send(:id)"_s);
const SqlStatement kRecordPaid(
        u"UPDATE payouts SET state = 'paid', method = 'offline', reference = :reference, "
        "paid_at = CAST(:paidOn AS date) + time '12:00', "
        "approved_at = coalesce(approved_at, now()), approved_by = coalesce(approved_by, :user), "
        "failure_code = NULL, failure_message = NULL WHERE id = :id"_s);
const SqlStatement kPaidOut(
        u"SELECT ledger_transfer(deal_account('creator_payable', p.deal_id), "
        "deal_account('paid_out', p.deal_id), p.amount_minor, 'payout_paid', p.campaign_id, "
        "p.deal_id, p.id, money_actor()) FROM payouts p WHERE p.id = :id"_s);
const SqlStatement kCancel(
        u"UPDATE payouts SET state = 'cancelled', cancelled_at = now() WHERE id = :id"_s);
// A cancelled payout's amount goes back: payable → reserved → the campaign's budget.
const SqlStatement kReleaseCancelled(
        u"SELECT ledger_transfer(deal_account('creator_payable', p.deal_id), "
        "deal_account('deal_reserved', p.deal_id), p.amount_minor, 'payout_cancelled', "
        "p.campaign_id, p.deal_id, p.id, money_actor()), "
        "ledger_transfer(deal_account('deal_reserved', p.deal_id), "
        "campaign_budget_account(p.campaign_id), p.amount_minor, 'release', p.campaign_id, "
        "p.deal_id, p.id, money_actor()) FROM payouts p WHERE p.id = :id"_s);
const SqlStatement kPayoutEvent(
        u"SELECT record_deal_event(p.deal_id, :actor, :kind, jsonb_build_object('payoutId', p.id, "
        "'amountMinor', p.amount_minor, 'currency', p.currency), 'creator', 'deal', p.deal_id) "
        "FROM payouts p WHERE p.id = :id"_s);
const SqlStatement kRead(u"SELECT api_payout_json(p)::text FROM payouts p WHERE p.id = :id"_s);

struct Locked
{
    QUuid id;
    QString state; ///< stored
    QString reported; ///< as the API reports it (due)
    QUuid influencer;
    bool brandSide = false;
    QStringList missing;
    QString destination;
};

QString uuidArray(const QList<QUuid> &ids)
{
    QStringList texts;
    texts.reserve(ids.size());
    for (const QUuid &id : ids) {
        texts.append(id.toString(QUuid::WithoutBraces));
    }
    return u'{' + texts.join(u',') + u'}';
}

Error withId(Error error, const QUuid &id)
{
    error.extensions.insert(u"id"_s, id.toString(QUuid::WithoutBraces));
    return error;
}

/// Locks the payouts for a change by the brand's side: 404 for one the caller may not see,
/// 403 for a creator's own.
Result<QList<Locked>> lockForBrand(Connection &c, const Principal &p, const QList<QUuid> &ids)
{
    auto rows = c.run(kLock,
            {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":ids"_s, uuidArray(ids)}});
    if (!rows) {
        return rows.error();
    }
    QHash<QUuid, Locked> found;
    while ((*rows)->next()) {
        const QSqlQuery &q = **rows;
        Locked row;
        row.id = q.value(0).toUuid();
        row.state = q.value(1).toString();
        row.reported = q.value(2).toString();
        row.influencer = q.value(3).toUuid();
        row.brandSide = q.value(4).toBool();
        row.missing = q.value(5).toString().split(u',', Qt::SkipEmptyParts);
        row.destination = q.value(6).toString();
        found.insert(row.id, row);
    }
    (*rows)->finish();
    QList<Locked> locked;
    for (const QUuid &id : ids) {
        const auto it = found.constFind(id);
        if (it == found.cend() || (!it->brandSide && it->influencer != p.userId())) {
            return withId(Error::notFound(u"No such payout."_s), id);
        }
        if (!it->brandSide) {
            return withId(
                    Error::make(ErrorCode::Forbidden, u"Only the brand's side does this."_s), id);
        }
        locked.append(*it);
    }
    return locked;
}

Error illegal(const Locked &row, const QString &action)
{
    return withId(Error::make(ErrorCode::IllegalTransition,
                          u"A %1 payout cannot be %2."_s.arg(row.reported, action)),
            row.id);
}

Error notReady(const Locked &row)
{
    Error error = withId(Error::make(ErrorCode::PayoutNotReady,
                                 u"The creator cannot be paid yet: %1 missing."_s.arg(
                                         row.missing.join(u" and "_s).replace(u'_', u' '))),
            row.id);
    error.extensions.insert(u"missing"_s, QJsonArray::fromStringList(row.missing));
    return error;
}

/// Every payout scheduled (or due) and its creator ready to be paid.
Result<void> checkApprovable(const QList<Locked> &locked)
{
    for (const Locked &row : locked) {
        if (row.state != u"scheduled"_s) {
            return illegal(row, u"approved"_s);
        }
        if (!row.missing.isEmpty()) {
            return notReady(row);
        }
    }
    return {};
}

Result<void> run(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto done = c.run(statement, binds);
    if (!done) {
        return done.error();
    }
    (*done)->finish();
    return {};
}

/// `actor` null: the system.
Result<void> event(Connection &c, const QUuid &actor, const QUuid &id, const QString &kind)
{
    return run(c, kPayoutEvent,
            {{u":actor"_s,
                     actor.isNull() ? QVariant(QMetaType::fromType<QUuid>()) : QVariant(actor)},
                    {u":kind"_s, kind}, {u":id"_s, id}});
}

Result<void> event(Connection &c, const Principal &p, const QUuid &id, const QString &kind)
{
    return event(c, p.userId(), id, kind);
}

/// One payout's change in a transaction, answering the payout.
template<class Change>
Result<QByteArray> changeOne(Connection &c, const Principal &p, const QUuid &id, Change change)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto locked = lockForBrand(tx, p, {id});
        if (!locked) {
            return locked.error();
        }
        if (auto changed = change(tx, locked->first()); !changed) {
            return changed.error();
        }
        return db::json(tx, kRead, {{u":id"_s, id}});
    });
}

/// The payouts in the order asked for (the locks were taken in id order), as {"items":[…]}.
Result<QByteArray> itemsOf(Connection &tx, const QList<QUuid> &ids)
{
    QByteArray items = "[";
    for (const QUuid &id : ids) {
        const auto json = db::json(tx, kRead, {{u":id"_s, id}});
        if (!json) {
            return json.error();
        }
        items += (items.size() > 1 ? "," : "") + *json;
    }
    return QByteArray("{\"items\":" + items + "]}");
}

/// Several payouts' change in one transaction, all or none (the first refusal names its
/// payout), answering {"items":[…]}.
template<class Change>
Result<QByteArray> changeMany(
        Connection &c, const Principal &p, const QList<QUuid> &ids, Change change)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto locked = lockForBrand(tx, p, ids);
        if (!locked) {
            return locked.error();
        }
        for (const Locked &row : *locked) {
            if (auto changed = change(tx, row); !changed) {
                return changed.error();
            }
        }
        return itemsOf(tx, ids);
    });
}

/// recordPayment()'s change of a locked payout.
Result<void> recordLocked(
        Connection &tx, const Principal &p, const Locked &row, const OfflinePayment &payment)
{
    if (row.state != u"scheduled"_s && row.state != u"approved"_s && row.state != u"failed"_s) {
        return illegal(row, u"recorded as paid"_s);
    }
    return db::runSteps({
            [&] {
                return run(tx, kRecordPaid,
                        {{u":reference"_s, payment.reference},
                                {u":paidOn"_s, payment.paidOn.toString(Qt::ISODate)},
                                {u":user"_s, p.userId()}, {u":id"_s, row.id}});
            },
            [&] {
                return run(tx, kPaidOut, {{u":id"_s, row.id}});
            },
            [&] {
                return event(tx, p, row.id, u"payout.paid"_s);
            },
    });
}

/// cancel()'s check and change of a locked payout.
Result<void> cancelChecked(Connection &tx, const Principal &p, const Locked &row)
{
    if (row.state != u"scheduled"_s && row.state != u"failed"_s) {
        return illegal(row, u"cancelled"_s);
    }
    return cancelLocked(tx, p.userId(), row.id);
}

QString payoutWhere(const Principal &p, const PayoutQuery &query, Binds &binds)
{
    QStringList where;
    if (!p.isAdmin()) {
        where << u"(p.influencer_id = :user OR acts_for_brand(:user, p.brand_id))"_s;
        binds << std::pair(u":user"_s, p.userId());
    }
    if (!query.states.isEmpty()) {
        where << u"payout_state(p) = ANY (CAST(:states AS text[]))"_s;
        binds << std::pair(u":states"_s, QVariant(u'{' + query.states.join(u',') + u'}'));
    }
    if (query.campaign) {
        where << u"p.campaign_id = :campaign"_s;
        binds << std::pair(u":campaign"_s, *query.campaign);
    }
    if (query.brand) {
        where << u"p.brand_id = :brand"_s;
        binds << std::pair(u":brand"_s, *query.brand);
    }
    if (query.creator) {
        where << u"p.influencer_id = :creator"_s;
        binds << std::pair(u":creator"_s, *query.creator);
    }
    if (query.dueBefore) {
        where << u"p.due_on < CAST(:dueBefore AS date)"_s;
        binds << std::pair(u":dueBefore"_s, query.dueBefore->toString(Qt::ISODate));
    }
    if (query.lateOnly) {
        where << u"payout_late(p)"_s;
    }
    where << u"p.seq < :after"_s;
    return QString(u"SELECT api_payout_json(p)::text, p.seq FROM payouts p WHERE "_s
            + where.join(u" AND "_s) + u" ORDER BY p.seq DESC LIMIT :limit"_s);
}

} // namespace

Result<QByteArray> listPayouts(Connection &c, const Principal &p, const PayoutQuery &query)
{
    Binds binds;
    const QString sql = payoutWhere(p, query, binds);
    return db::runPage(c, sql, binds, query.page);
}

Result<void> eachPayout(Connection &c, const Principal &p, const PayoutQuery &query,
        const std::function<bool(const QByteArray &)> &row)
{
    Binds binds;
    const QString sql = payoutWhere(p, query, binds);
    return db::forEachRow(c, sql, binds, db::Page::Order::NewestFirst, row);
}

Result<QByteArray> approveInTransaction(Connection &tx, const Principal &p, const QList<QUuid> &ids)
{
    const auto locked = lockForBrand(tx, p, ids);
    if (!locked) {
        return locked.error();
    }
    if (auto approvable = checkApprovable(*locked); !approvable) {
        return approvable.error();
    }
    for (const Locked &row : *locked) {
        if (auto done = run(tx, kApprove,
                    {{u":user"_s, p.userId()}, {u":destination"_s, row.destination},
                            {u":id"_s, row.id}});
                !done) {
            return done.error();
        }
        if (auto done = run(tx, kEnqueueSend, {{u":id"_s, row.id}}); !done) {
            return done.error();
        }
        if (auto done = event(tx, p, row.id, u"payout.approved"_s); !done) {
            return done.error();
        }
    }
    return itemsOf(tx, ids);
}

Result<QByteArray> approve(Connection &c, const Principal &p, const QList<QUuid> &ids)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        return approveInTransaction(tx, p, ids);
    });
}

Result<QByteArray> approveOne(Connection &c, const Principal &p, const QUuid &id)
{
    auto all = approve(c, p, {id});
    if (!all) {
        return all.error();
    }
    const QJsonArray items = QJsonDocument::fromJson(*all).object().value(u"items"_s).toArray();
    return QJsonDocument(items.first().toObject()).toJson(QJsonDocument::Compact);
}

Result<QByteArray> recordPayment(
        Connection &c, const Principal &p, const QUuid &id, const OfflinePayment &payment)
{
    return changeOne(c, p, id, [&](Connection &tx, const Locked &row) {
        return recordLocked(tx, p, row, payment);
    });
}

Result<QByteArray> recordPayments(
        Connection &c, const Principal &p, const QList<QUuid> &ids, const OfflinePayment &payment)
{
    return changeMany(c, p, ids, [&](Connection &tx, const Locked &row) {
        return recordLocked(tx, p, row, payment);
    });
}

Result<QByteArray> retry(Connection &c, const Principal &p, const QUuid &id)
{
    return changeOne(c, p, id, [&](Connection &tx, const Locked &row) -> Result<void> {
        if (row.state != u"failed"_s) {
            return illegal(row, u"retried"_s);
        }
        if (!row.missing.isEmpty()) {
            return notReady(row);
        }
        return db::runSteps({
                [&] {
                    return run(tx, kApprove,
                            {{u":user"_s, p.userId()}, {u":destination"_s, row.destination},
                                    {u":id"_s, id}});
                },
                [&] {
                    return run(tx, kEnqueueSend, {{u":id"_s, id}});
                },
                [&] {
                    return event(tx, p, id, u"payout.approved"_s);
                },
        });
    });
}

Result<QByteArray> cancel(Connection &c, const Principal &p, const QUuid &id)
{
    return changeOne(c, p, id, [&](Connection &tx, const Locked &row) {
        return cancelChecked(tx, p, row);
    });
}

Result<QByteArray> cancelMany(Connection &c, const Principal &p, const QList<QUuid> &ids)
{
    return changeMany(c, p, ids, [&](Connection &tx, const Locked &row) {
        return cancelChecked(tx, p, row);
    });
}

Result<void> cancelLocked(Connection &tx, const QUuid &actor, const QUuid &id)
{
    return db::runSteps({
            [&] {
                return run(tx, kCancel, {{u":id"_s, id}});
            },
            [&] {
                return run(tx, kReleaseCancelled, {{u":id"_s, id}});
            },
            [&] {
                return event(tx, actor, id, u"payout.cancelled"_s);
            },
    });
}

} // namespace influence::server::money
