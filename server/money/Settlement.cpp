// SPDX-License-Identifier: Apache-2.0
#include "Settlement.h"

#include "core/db/Connection.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::money::settlement {

namespace {

const SqlStatement kPaid(
        u"WITH p AS (UPDATE payouts SET state = 'paid', paid_at = now(), "
        "provider_transfer_id = :transfer, next_check_at = NULL, failure_code = NULL, "
        "failure_message = NULL WHERE id = :id AND state = 'processing' "
        "AND (CAST(:attempt AS integer) < 0 OR attempts = :attempt) RETURNING *) "
        "SELECT ledger_transfer(deal_account('provider_clearing', p.deal_id), "
        "deal_account('paid_out', p.deal_id), p.amount_minor, 'payout_paid', p.campaign_id, "
        "p.deal_id, p.id, NULL), "
        "record_deal_event(p.deal_id, NULL, 'payout.paid', jsonb_build_object('payoutId', p.id, "
        "'amountMinor', p.amount_minor, 'currency', p.currency), 'creator', 'deal', p.deal_id) "
        "FROM p"_s);
const SqlStatement kFailed(
        u"WITH p AS (UPDATE payouts SET state = 'failed', next_check_at = NULL, "
        "failure_code = :code, failure_message = :message "
        "WHERE id = :id AND state = 'processing' AND attempts = :attempt RETURNING *) "
        "SELECT ledger_transfer(deal_account('provider_clearing', p.deal_id), "
        "deal_account('creator_payable', p.deal_id), p.amount_minor, 'payout_failed', "
        "p.campaign_id, p.deal_id, p.id, NULL), "
        "record_deal_event(p.deal_id, NULL, 'payout.failed', jsonb_build_object('payoutId', p.id, "
        "'amountMinor', p.amount_minor, 'currency', p.currency, 'code', p.failure_code), "
        "'brand', 'deal', p.deal_id) FROM p"_s);
const SqlStatement kReversed(
        u"WITH p AS (UPDATE payouts SET state = 'failed', paid_at = NULL, "
        "failure_code = 'transfer_reversed', "
        "failure_message = 'The payment provider reversed the transfer.' "
        "WHERE provider_transfer_id = :transfer AND state = 'paid' RETURNING *) "
        "SELECT ledger_transfer(deal_account('paid_out', p.deal_id), "
        "deal_account('creator_payable', p.deal_id), p.amount_minor, 'payout_failed', "
        "p.campaign_id, p.deal_id, p.id, NULL), "
        "record_deal_event(p.deal_id, NULL, 'payout.reversed', jsonb_build_object('payoutId', "
        "p.id, 'amountMinor', p.amount_minor, 'currency', p.currency), 'brand', 'deal', "
        "p.deal_id) FROM p"_s);
const SqlStatement kLater(
        u"UPDATE payouts SET next_check_at = now() + make_interval(secs => :seconds), "
        "failure_message = :reason WHERE id = :id AND state = 'processing'"_s);
const SqlStatement kRecheck(u"SELECT payout_schedule_recheck(:id)"_s);

/// Runs one settling statement in a transaction: whether it found the payout to settle.
Result<bool> settle(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<bool> {
        auto rows = tx.run(statement, binds);
        if (!rows) {
            return rows.error();
        }
        const bool found = (*rows)->next();
        (*rows)->finish();
        return found;
    });
}

} // namespace

Result<bool> paid(Connection &c, const QUuid &payout, int attempt, const QString &transferId)
{
    return settle(
            c, kPaid, {{u":transfer"_s, transferId}, {u":id"_s, payout}, {u":attempt"_s, attempt}});
}

Result<bool> failed(Connection &c, const QUuid &payout, int attempt, const QString &code,
        const QString &message)
{
    return settle(c, kFailed,
            {{u":code"_s, code.left(100)}, {u":message"_s, message.left(500)}, {u":id"_s, payout},
                    {u":attempt"_s, attempt}});
}

Result<bool> reversed(Connection &c, const QString &transferId)
{
    return settle(c, kReversed, {{u":transfer"_s, transferId}});
}

Result<void> askAgainLater(Connection &c, const QUuid &payout, int seconds, const QString &reason)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        auto done = tx.run(kLater,
                {{u":seconds"_s, seconds}, {u":reason"_s, reason.left(500)}, {u":id"_s, payout}});
        if (!done) {
            return done.error();
        }
        (*done)->finish();
        // The recheck job for the new time (0023): whichever process claims it asks again.
        auto next = tx.run(kRecheck, {{u":id"_s, payout}});
        if (!next) {
            return next.error();
        }
        (*next)->finish();
        return {};
    });
}

} // namespace influence::server::money::settlement
