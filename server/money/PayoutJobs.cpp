// SPDX-License-Identifier: Apache-2.0
#include "PayoutJobs.h"

#include "Payouts.h"
#include "Settlement.h"
#include "core/db/Transaction.h"
#include "payments/StripeClient.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <optional>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

Q_LOGGING_CATEGORY(lcPayouts, "influence.payouts")

namespace influence::server::money {

namespace {

const SqlStatement kLockPayout(
        u"SELECT state, attempts, amount_minor, currency, destination, deal_id, "
        "next_check_at > now() FROM payouts WHERE id = :id FOR UPDATE"_s);
const SqlStatement kStartAttempt(
        u"UPDATE payouts SET state = 'processing', attempts = attempts + 1, "
        "next_check_at = now() + make_interval(secs => :seconds), failure_code = NULL, "
        "failure_message = NULL WHERE id = :id RETURNING attempts"_s);
const SqlStatement kToClearing(
        u"SELECT ledger_transfer(deal_account('creator_payable', p.deal_id), "
        "deal_account('provider_clearing', p.deal_id), p.amount_minor, 'payout_sent', "
        "p.campaign_id, p.deal_id, p.id, NULL) FROM payouts p WHERE p.id = :id"_s);
const SqlStatement kLease(
        u"UPDATE payouts SET next_check_at = now() + make_interval(secs => :seconds) "
        "WHERE id = :id"_s);
const SqlStatement kScheduleRecheck(u"SELECT payout_schedule_recheck(:id)"_s);
const SqlStatement kScan(u"SELECT payouts_scan(:appUrl, :days)"_s);
const SqlStatement kUnclaimed(u"SELECT id FROM payouts_unclaimed(:days)"_s);
// Locked, and still unclaimed now that it is.
const SqlStatement kLockUnclaimed(
        u"SELECT p.id FROM payouts p WHERE p.id = :id AND p.state IN ('scheduled', 'failed') "
        "AND cardinality(payout_missing(p.influencer_id)) > 0 "
        "AND payout_unclaimed_at(p, :days) <= now() FOR UPDATE"_s);
const SqlStatement kUnclaimedNotify(u"SELECT payout_unclaimed_notify(:id, :appUrl)"_s);

/// A payout claimed for a provider call.
struct Claim
{
    QUuid payout;
    int attempt = 0;
    qint64 amount = 0;
    QString currency;
    QString destination;
    QString group;
};

/// How long a claimed payout is this call's: the recheck pause past the call's own timeout, so
/// that no recheck asks about it while the call may still answer.
int leaseSeconds(const payments::PaymentSettings &settings)
{
    return static_cast<int>(settings.recheck.count()
            + std::chrono::duration_cast<std::chrono::seconds>(settings.fetch.timeout).count() + 1);
}

Result<void> exec(Connection &tx, const SqlStatement &statement, Connection::Binds binds)
{
    auto done = tx.run(statement, binds);
    if (!done) {
        return done.error();
    }
    (*done)->finish();
    return {};
}

enum class Mode { Send, Recheck };

/// The payout as locked for a claim.
struct Locked
{
    QString state;
    Claim claim;
    bool leased = false; ///< next_check_at still ahead
};

Result<std::optional<Locked>> lock(Connection &tx, const QUuid &id)
{
    auto rows = tx.run(kLockPayout, {{u":id"_s, id}});
    if (!rows) {
        return rows.error();
    }
    std::optional<Locked> locked;
    if ((*rows)->next()) {
        const QSqlQuery &q = **rows;
        locked = Locked{q.value(0).toString(),
                {id, q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString()},
                q.value(6).toBool()};
    }
    (*rows)->finish();
    return locked;
}

/// Send: an approved payout starts its next attempt (processing, the money to clearing, leased).
/// Whether it did.
Result<bool> startAttempt(Connection &tx, Locked &locked, const Connection::Binds &binds)
{
    if (locked.state != u"approved"_s) {
        return false; // sent already (this job ran before), or cancelled
    }
    auto started = tx.scalar(kStartAttempt, binds);
    if (!started) {
        return started.error();
    }
    locked.claim.attempt = started->toInt();
    if (auto moved = exec(tx, kToClearing, {{u":id"_s, locked.claim.payout}}); !moved) {
        return moved.error();
    }
    return true;
}

/// Recheck: a payout still in flight with `attempt` whose lease ran out is leased again. Whether
/// it was; a lease pushed further meanwhile gets its own recheck job instead.
Result<bool> retake(
        Connection &tx, const Locked &locked, int attempt, const Connection::Binds &binds)
{
    if (locked.state != u"processing"_s || locked.claim.attempt != attempt) {
        return false; // settled meanwhile
    }
    if (locked.leased) {
        if (auto next = exec(tx, kScheduleRecheck, {{u":id"_s, locked.claim.payout}}); !next) {
            return next.error();
        }
        return false;
    }
    if (auto leased = exec(tx, kLease, binds); !leased) {
        return leased.error();
    }
    return true;
}

/// Locks the payout and claims it (startAttempt or retake), then enqueues the recheck for the
/// lease's end, in one transaction. Nothing when there is nothing to do.
Result<std::optional<Claim>> claim(Connection &c, const QUuid &id, int attempt, Mode mode,
        const payments::PaymentSettings &settings)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<std::optional<Claim>> {
        auto locked = lock(tx, id);
        if (!locked) {
            return locked.error();
        }
        if (!locked->has_value()) {
            return std::optional<Claim>();
        }
        const Connection::Binds binds{{u":seconds"_s, leaseSeconds(settings)}, {u":id"_s, id}};
        const auto claimed = mode == Mode::Send ? startAttempt(tx, **locked, binds)
                                                : retake(tx, **locked, attempt, binds);
        if (!claimed) {
            return claimed.error();
        }
        if (!*claimed) {
            return std::optional<Claim>();
        }
        if (auto next = exec(tx, kScheduleRecheck, {{u":id"_s, id}}); !next) {
            return next.error();
        }
        return std::optional((*locked)->claim);
    });
}

/// Requests the transfer and waits for the outcome (the job's thread has no event loop of its
/// own: this one runs until the answer came or the call timed out).
payments::TransferOutcome transfer(
        const payments::PaymentSettings &settings, const payments::TransferRequest &request)
{
    payments::StripeClient client(settings);
    QEventLoop loop;
    std::optional<payments::TransferOutcome> outcome;
    client.createTransfer(request, [&](payments::TransferOutcome answer) {
        outcome = std::move(answer);
        loop.quit();
    });
    if (!outcome) {
        loop.exec();
    }
    client.shutdown();
    if (!outcome) {
        return payments::TransferUnknown{u"no answer"_s};
    }
    return *outcome;
}

/// Sends the claimed payout's transfer and writes down the answer. Only database failures are
/// errors (the payout stays processing and its recheck asks again).
Result<void> sendAndSettle(
        Connection &c, const Claim &claimed, const payments::PaymentSettings &settings)
{
    payments::TransferRequest request;
    request.payoutId = claimed.payout.toString(QUuid::WithoutBraces);
    request.attempt = claimed.attempt;
    request.amountMinor = claimed.amount;
    request.currency = claimed.currency;
    request.destinationAccount = claimed.destination;
    request.transferGroup = claimed.group;
    const payments::TransferOutcome outcome = transfer(settings, request);
    const QString &id = request.payoutId;
    if (const auto *done = std::get_if<payments::TransferSucceeded>(&outcome)) {
        const auto settled = settlement::paid(c, claimed.payout, claimed.attempt, done->transferId);
        if (!settled) {
            // Paid at the provider, not written here: the recheck asks again and the provider
            // replays the same transfer.
            qCWarning(lcPayouts, "payout %s paid as %s but not recorded: %s", qPrintable(id),
                    qPrintable(done->transferId), qPrintable(settled.error().detail));
            return settled.error();
        }
        return {};
    }
    if (const auto *declined = std::get_if<payments::TransferDeclined>(&outcome)) {
        qCInfo(lcPayouts, "payout %s declined: %s", qPrintable(id), qPrintable(declined->code));
        const auto settled = settlement::failed(c, claimed.payout, claimed.attempt,
                declined->code.isEmpty() ? u"declined"_s : declined->code, declined->message);
        return settled ? Result<void>() : Result<void>(settled.error());
    }
    const auto &unknown = std::get<payments::TransferUnknown>(outcome);
    qCWarning(lcPayouts, "payout %s: no answer from the provider (%s); asking again later",
            qPrintable(id), qPrintable(unknown.reason));
    return settlement::askAgainLater(
            c, claimed.payout, static_cast<int>(settings.recheck.count()), unknown.reason);
}

jobs::Handler transferHandler(payments::PaymentSettings settings, Mode mode)
{
    return [settings = std::move(settings), mode](const jobs::Job &job) -> Result<void> {
        const QUuid id = QUuid::fromString(job.payload.value(u"payout"_s).toString());
        if (id.isNull()) {
            qCWarning(lcPayouts, "job %lld names no payout", static_cast<long long>(job.id));
            return {};
        }
        const int attempt = job.payload.value(u"attempt"_s).toInt();
        const auto claimed = claim(job.connection, id, attempt, mode, settings);
        if (!claimed) {
            return claimed.error();
        }
        if (!claimed->has_value()) {
            return {};
        }
        return sendAndSettle(job.connection, **claimed, settings);
    };
}

/// Cancels one unclaimed payout (if it still is, once locked) and tells both sides.
Result<bool> returnUnclaimed(Connection &c, const QUuid &id, const QString &appUrl, int days)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<bool> {
        auto locked = tx.run(kLockUnclaimed, {{u":id"_s, id}, {u":days"_s, days}});
        if (!locked) {
            return locked.error();
        }
        const bool still = (*locked)->next();
        (*locked)->finish();
        if (!still) {
            return false;
        }
        if (auto cancelled = cancelLocked(tx, QUuid(), id); !cancelled) {
            return cancelled.error();
        }
        if (auto told = exec(tx, kUnclaimedNotify, {{u":id"_s, id}, {u":appUrl"_s, appUrl}});
                !told) {
            return told.error();
        }
        return true;
    });
}

} // namespace

jobs::Handler sendJobHandler(payments::PaymentSettings settings)
{
    return transferHandler(std::move(settings), Mode::Send);
}

jobs::Handler recheckJobHandler(payments::PaymentSettings settings)
{
    return transferHandler(std::move(settings), Mode::Recheck);
}

jobs::Handler scanJobHandler(QString appUrl, int unclaimedDays)
{
    return [appUrl = std::move(appUrl), days = unclaimedDays](
                   const jobs::Job &job) -> Result<void> {
        const auto told =
                job.connection.scalar(kScan, {{u":appUrl"_s, appUrl}, {u":days"_s, days}});
        if (!told) {
            return told.error();
        }
        auto rows = job.connection.run(kUnclaimed, {{u":days"_s, days}});
        if (!rows) {
            return rows.error();
        }
        QList<QUuid> unclaimed;
        while ((*rows)->next()) {
            unclaimed.append((*rows)->value(0).toUuid());
        }
        (*rows)->finish();
        int returned = 0;
        for (const QUuid &id : std::as_const(unclaimed)) {
            const auto done = returnUnclaimed(job.connection, id, appUrl, days);
            if (!done) {
                return done.error();
            }
            returned += *done ? 1 : 0;
        }
        if (told->toInt() > 0 || returned > 0) {
            qCInfo(lcPayouts, "payouts: %d notice(s) sent, %d unclaimed payout(s) returned",
                    told->toInt(), returned);
        }
        return {};
    };
}

} // namespace influence::server::money
