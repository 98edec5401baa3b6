// SPDX-License-Identifier: Apache-2.0
#include "PayoutSender.h"

#include "Settlement.h"
#include "core/db/Transaction.h"
#include "payments/StripeClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

Q_LOGGING_CATEGORY(lcPayouts, "influence.payouts")

namespace influence::server::money {

namespace {

// An approved payout, or one in flight whose time to be asked about again has come: claimed
// for this sender (the next check pushed into the future is the lease), the amount moved to the
// provider's clearing account when it starts a new attempt.
const SqlStatement kClaim(
        u"SELECT p.id, p.state, p.attempts, p.amount_minor, p.currency, p.destination, "
        "p.deal_id FROM payouts p "
        "WHERE p.state = 'approved' OR (p.state = 'processing' AND p.next_check_at <= now()) "
        "ORDER BY p.state = 'processing' DESC, coalesce(p.next_check_at, p.approved_at) "
        "LIMIT 1 FOR UPDATE SKIP LOCKED"_s);
const SqlStatement kStartAttempt(
        u"UPDATE payouts SET state = 'processing', attempts = attempts + 1, "
        "next_check_at = now() + make_interval(secs => :seconds), failure_code = NULL, "
        "failure_message = NULL WHERE id = :id RETURNING attempts"_s);
const SqlStatement kToClearing(
        u"SELECT ledger_transfer(deal_account('creator_payable', p.deal_id), "
        "deal_account('provider_clearing', p.deal_id), p.amount_minor, 'payout_sent', "
        "p.campaign_id, p.deal_id, p.id, NULL) FROM payouts p WHERE p.id = :id"_s);
// When the next payout in flight is to be asked about (milliseconds from now), if any.
const SqlStatement kNextCheck(
        u"SELECT greatest(0, ceil(extract(epoch FROM min(next_check_at) - now()) * 1000)) "
        "FROM payouts WHERE state = 'processing'"_s);
const SqlStatement kLease(
        u"UPDATE payouts SET next_check_at = now() + make_interval(secs => :seconds) "
        "WHERE id = :id"_s);

struct Claim
{
    QUuid payout;
    int attempt = 0;
    qint64 amount = 0;
    QString currency;
    QString destination;
    QString group;
};

/// Claims the next payout to send or to ask about; nothing when there is none.
Result<std::optional<Claim>> claim(Connection &c, int recheckSeconds)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<std::optional<Claim>> {
        auto rows = tx.run(kClaim);
        if (!rows) {
            return rows.error();
        }
        if (!(*rows)->next()) {
            return std::optional<Claim>();
        }
        const QSqlQuery &q = **rows;
        Claim claimed{q.value(0).toUuid(), q.value(2).toInt(), q.value(3).toLongLong(),
                q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
        const bool fresh = q.value(1).toString() == u"approved"_s;
        (*rows)->finish();
        const Connection::Binds binds{{u":seconds"_s, recheckSeconds}, {u":id"_s, claimed.payout}};
        if (!fresh) {
            auto leased = tx.run(kLease, binds);
            if (!leased) {
                return leased.error();
            }
            (*leased)->finish();
            return std::optional(claimed);
        }
        auto started = tx.scalar(kStartAttempt, binds);
        if (!started) {
            return started.error();
        }
        claimed.attempt = started->toInt();
        auto moved = tx.run(kToClearing, {{u":id"_s, claimed.payout}});
        if (!moved) {
            return moved.error();
        }
        (*moved)->finish();
        return std::optional(claimed);
    });
}

} // namespace

PayoutSender::PayoutSender(std::shared_ptr<const db::ConnectionSettings> database,
        payments::PaymentSettings payments, Options options)
    : m_database(std::move(database))
    , m_payments(std::move(payments))
    , m_options(options)
{
    m_thread.setObjectName(u"payouts"_s);
}

PayoutSender::~PayoutSender()
{
    stop();
}

void PayoutSender::start()
{
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &PayoutSender::run, Qt::QueuedConnection);
}

void PayoutSender::stop()
{
    if (!m_thread.isRunning()) {
        return;
    }
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_client) {
                    m_client->shutdown(); // a transfer in flight stays processing: recovered
                }
                delete m_poll;
                m_poll = nullptr;
                m_client.reset();
                m_connection.reset();
                moveToThread(QCoreApplication::instance() ? QCoreApplication::instance()->thread()
                                                          : nullptr);
            },
            Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PayoutSender::wake()
{
    QMetaObject::invokeMethod(this, &PayoutSender::next, Qt::QueuedConnection);
}

void PayoutSender::run()
{
    static std::atomic<int> counter{0};
    m_connection = std::make_unique<Connection>(
            m_database, u"influence-payouts-%1"_s.arg(counter.fetch_add(1)));
    m_client = std::make_unique<payments::StripeClient>(m_payments);
    m_poll = new QTimer(this);
    m_poll->setInterval(m_options.pollMilliseconds);
    connect(m_poll, &QTimer::timeout, this, &PayoutSender::next);
    m_poll->start();
    next();
}

void PayoutSender::subscribe()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection->name(), false);
    if (!db.isOpen() || db.driver()->subscribedToNotifications().contains(u"payouts"_s)) {
        return;
    }
    if (db.driver()->subscribeToNotification(u"payouts"_s)) {
        connect(db.driver(), &QSqlDriver::notification, this, &PayoutSender::next,
                Qt::UniqueConnection);
    }
}

void PayoutSender::next()
{
    if (m_busy || !m_connection || !m_client || !m_payments.transfersEnabled()
            || !m_connection->ensureOpen()) {
        return;
    }
    subscribe();
    const auto claimed = claim(*m_connection, m_options.recheckSeconds);
    if (!claimed) {
        qCWarning(lcPayouts, "could not claim a payout: %s", qPrintable(claimed.error().detail));
        return;
    }
    if (!claimed->has_value()) {
        // Nothing to do now: come back when the next payout in flight is due to be asked about
        // (the poll is only the safety net).
        const auto due = m_connection->scalar(kNextCheck);
        if (due && !due->isNull()) {
            QTimer::singleShot(
                    std::chrono::milliseconds(due->toLongLong() + 50), this, &PayoutSender::next);
        }
        return;
    }
    const Claim &c = **claimed;
    send({c.payout, c.attempt}, c.amount, c.currency, c.destination, c.group);
}

void PayoutSender::send(const InFlight &claimed, qint64 amount, const QString &currency,
        const QString &destination, const QString &group)
{
    m_busy = true;
    payments::TransferRequest request;
    request.payoutId = claimed.payout.toString(QUuid::WithoutBraces);
    request.attempt = claimed.attempt;
    request.amountMinor = amount;
    request.currency = currency;
    request.destinationAccount = destination;
    request.transferGroup = group;
    m_client->createTransfer(request, [this, claimed](const payments::TransferOutcome &outcome) {
        m_busy = false;
        if (!m_connection) {
            return; // stopping: the payout stays processing and is recovered later
        }
        const QString id = claimed.payout.toString(QUuid::WithoutBraces);
        if (const auto *done = std::get_if<payments::TransferSucceeded>(&outcome)) {
            const auto settled = settlement::paid(
                    *m_connection, claimed.payout, claimed.attempt, done->transferId);
            if (!settled) {
                // Paid at the provider, not written here: the recovery pass asks again and the
                // provider replays the same transfer.
                qCWarning(lcPayouts, "payout %s paid as %s but not recorded: %s", qPrintable(id),
                        qPrintable(done->transferId), qPrintable(settled.error().detail));
            }
        } else if (const auto *declined = std::get_if<payments::TransferDeclined>(&outcome)) {
            qCInfo(lcPayouts, "payout %s declined: %s", qPrintable(id), qPrintable(declined->code));
            (void)settlement::failed(*m_connection, claimed.payout, claimed.attempt,
                    declined->code.isEmpty() ? u"declined"_s : declined->code, declined->message);
        } else {
            const auto &unknown = std::get<payments::TransferUnknown>(outcome);
            qCWarning(lcPayouts, "payout %s: no answer from the provider (%s); asking again later",
                    qPrintable(id), qPrintable(unknown.reason));
            (void)settlement::askAgainLater(
                    *m_connection, claimed.payout, m_options.recheckSeconds, unknown.reason);
        }
        QMetaObject::invokeMethod(this, &PayoutSender::next, Qt::QueuedConnection);
    });
}

} // namespace influence::server::money
