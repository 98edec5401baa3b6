// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

/// Payouts: one installment of a deal's fee each, created by the database when its payment
/// condition is met (0010_money.sql, meet_payment_condition) and moved on from here: approved by
/// the brand's side (once the creator is ready to be paid), sent to the payment provider by the
/// payouts.send job (PayoutJobs.h), or recorded as paid elsewhere; a failed one is retried or
/// cancelled. Every change locks the payout rows (in id order when there are several) and moves
/// the money in the same transaction.
namespace influence::server::money {

struct PayoutQuery
{
    QStringList states; ///< reported states (scheduled, due, approved, …); empty: all
    std::optional<QUuid> campaign;
    std::optional<QUuid> brand;
    std::optional<QUuid> creator;
    std::optional<QDate> dueBefore;
    bool lateOnly = false;
    db::Page page;
};

/// The payouts the caller may see: the brand's side its brands', a creator their own, an
/// administrator all.
common::Result<QByteArray> listPayouts(
        db::Connection &c, const http::Principal &p, const PayoutQuery &query);
/// Every matching payout as rows of JSON, each given to `row` as it is read (a
/// streamed CSV export), until `row` answers false.
common::Result<void> eachPayout(db::Connection &c, const http::Principal &p,
        const PayoutQuery &query, const std::function<bool(const QByteArray &)> &row);

/// Approves scheduled (or due) payouts, all or none; 409 payout_not_ready naming what the creator
/// lacks. Answers {"items":[…]}.
common::Result<QByteArray> approve(
        db::Connection &c, const http::Principal &p, const QList<QUuid> &ids);
/// approve() in the caller's transaction (a rule's action; an error leaves it to roll back).
common::Result<QByteArray> approveInTransaction(
        db::Connection &tx, const http::Principal &p, const QList<QUuid> &ids);
/// The one payout of approve() answered on its own.
common::Result<QByteArray> approveOne(db::Connection &c, const http::Principal &p, const QUuid &id);

struct OfflinePayment
{
    QString reference;
    QDate paidOn;
};
/// Records a payment made outside the platform (a bank transfer): scheduled, approved or failed
/// → paid.
common::Result<QByteArray> recordPayment(db::Connection &c, const http::Principal &p,
        const QUuid &id, const OfflinePayment &payment);
/// recordPayment() of several payouts paid in one go (a bank batch under one reference), all
/// or none; answers {"items":[…]}.
common::Result<QByteArray> recordPayments(db::Connection &c, const http::Principal &p,
        const QList<QUuid> &ids, const OfflinePayment &payment);
/// A failed payout is approved again (the sender's next attempt uses a new provider key).
common::Result<QByteArray> retry(db::Connection &c, const http::Principal &p, const QUuid &id);
/// A scheduled or failed payout is cancelled; its amount goes back to the campaign's budget.
common::Result<QByteArray> cancel(db::Connection &c, const http::Principal &p, const QUuid &id);
/// cancel() of several payouts, all or none; answers {"items":[…]}.
common::Result<QByteArray> cancelMany(
        db::Connection &c, const http::Principal &p, const QList<QUuid> &ids);
/// cancel()'s change of a scheduled or failed payout the caller's transaction has locked: the
/// state, the money back to the budget, the timeline. `actor` null: the system (the unclaimed
/// payouts' scan, PayoutJobs.h).
common::Result<void> cancelLocked(db::Connection &tx, const QUuid &actor, const QUuid &id);

} // namespace influence::server::money
