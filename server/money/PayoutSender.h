// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Connection.h"
#include "payments/PaymentSettings.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace influence::server::payments {
class StripeClient;
}

namespace influence::server::money {

/// Sends approved payouts to the payment provider, on a thread of its own with its own database
/// connection and provider client; several server processes may run one each.
///
/// A payout is claimed (FOR UPDATE SKIP LOCKED) and marked processing with its attempt number,
/// and its amount moves to the provider's clearing account, in one committed transaction. Only
/// then is the transfer requested, with the idempotency key payout-<id>-<attempt>. The answer is
/// written in a second transaction (Settlement.h). When there is no answer (a timeout, a 5xx, a
/// crash of this process between the call and the commit) the payout stays processing, and the
/// recovery pass sends the very same request again once its next_check_at has come: the
/// provider answers from its idempotency store, so a transfer is never made twice and never
/// lost. Woken by NOTIFY payouts (an approval), with a poll as a safety net.
class PayoutSender : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// How long a payout in flight waits before it is asked about again.
        int recheckSeconds = 60;
        /// The safety-net poll.
        int pollMilliseconds = 15'000;
    };

    PayoutSender(std::shared_ptr<const db::ConnectionSettings> database,
            payments::PaymentSettings payments, Options options);
    ~PayoutSender() override;

    void start();
    /// Stops after the transfer in flight is settled or abandoned (it stays processing and is
    /// recovered later, by this or another process).
    void stop();
    /// Looks for work now.
    void wake();

private:
    struct InFlight
    {
        QUuid payout;
        int attempt = 0;
    };

    void run();
    void subscribe();
    void next();
    void send(const InFlight &claimed, qint64 amount, const QString &currency,
            const QString &destination, const QString &group);

    std::shared_ptr<const db::ConnectionSettings> m_database;
    payments::PaymentSettings m_payments;
    Options m_options;
    QThread m_thread;
    std::unique_ptr<db::Connection> m_connection;
    std::unique_ptr<payments::StripeClient> m_client;
    QTimer *m_poll = nullptr;
    bool m_busy = false;
};

} // namespace influence::server::money
