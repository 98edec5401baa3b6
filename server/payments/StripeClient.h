// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PaymentSettings.h"
#include "common/Result.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>
#include <memory>
#include <variant>

namespace influence::server::net {
class HttpFetcher;
struct Fetched;
} // namespace influence::server::net

namespace influence::server::payments {

Q_DECLARE_LOGGING_CATEGORY(lcPayments)

/// One payout's transfer to a creator's connected account (POST /v1/transfers).
struct TransferRequest
{
    QString payoutId;
    /// 1 for the first attempt; a new attempt (after a Declined outcome) takes the next number
    /// and so a new idempotency key. Retries of an Unknown outcome keep the attempt.
    int attempt = 1;
    /// Integer minor units, more than 0.
    qint64 amountMinor = 0;
    /// ISO 4217 (sent in lower case, as Stripe wants it).
    QString currency;
    /// The creator's connected account, `acct_…`.
    QString destinationAccount;
    /// Stripe's transfer_group: the deal's id (empty: none).
    QString transferGroup;
};

/// The transfer exists at the provider (created now, or earlier under the same key and
/// replayed).
struct TransferSucceeded
{
    QString transferId; ///< `tr_…`
    bool replayed = false; ///< Stripe answered from its idempotency store (Idempotent-Replayed)
};

/// A definite failure: nothing was created under this key. The payout can fail with `code` and
/// `message`, and a later attempt uses a new key.
struct TransferDeclined
{
    /// The provider's HTTP status (400, 402, 401 for a wrong secret key, 404 …); 0 when the
    /// request was refused before sending (invalid request, provider not configured).
    int httpStatus = 0;
    /// Stripe's error.code ("balance_insufficient", "account_invalid" …); its error.type when
    /// it sent no code ("invalid_request_error" for an unknown API key); for refusals before
    /// sending "provider_not_configured" or "invalid_transfer_request".
    QString code;
    /// Stripe's English message (for staff, not for creators), at most 500 characters.
    QString message;
};

/// The transfer may or may not exist (a 5xx, a timeout, a dropped connection, an answer that
/// cannot be read, 409/429): keep the payout processing and send the same request (same
/// attempt, so the same key) again later; Stripe replays the stored answer if it executed.
struct TransferUnknown
{
    QString reason; ///< for the log; never contains the secret key
};

using TransferOutcome = std::variant<TransferSucceeded, TransferDeclined, TransferUnknown>;

/// Stripe's Idempotency-Key for a payout attempt: `payout-<payoutId>-<attempt>` (the money
/// contract). Every retry of an unknown outcome must send the same key; Stripe keeps keys for at
/// least 24 hours, so the recovery job must settle a payout well within that.
QString transferIdempotencyKey(const QString &payoutId, int attempt);

/// What GET /v1/accounts/{id} says about a connected account.
struct ConnectedAccount
{
    QString id;
    bool payoutsEnabled = false;
    bool transfersActive = false; ///< capabilities.transfers == "active"
};

/// Stripe Connect over HTTP (https://docs.stripe.com/api/transfers/create). Like HttpFetcher,
/// it belongs to the thread that first uses it (one with an event loop, such as a job's
/// EventThread) and is used only there; callbacks run on that thread. Never logs the secret key.
class StripeClient
{
public:
    using TransferDone = std::function<void(TransferOutcome)>;
    using AccountDone = std::function<void(common::Result<ConnectedAccount>)>;

    explicit StripeClient(PaymentSettings settings);
    ~StripeClient();
    StripeClient(const StripeClient &) = delete;
    StripeClient &operator=(const StripeClient &) = delete;

    /// POST /v1/transfers with `Idempotency-Key: transferIdempotencyKey(payoutId, attempt)`;
    /// `done` runs exactly once with the classified outcome.
    void createTransfer(const TransferRequest &request, TransferDone done);
    /// GET /v1/accounts/{id}: whether a creator's account can receive payouts. A refusal by the
    /// provider is BadRequest (NotFound for an unknown account), anything else ServiceUnavailable.
    void retrieveAccount(const QString &accountId, AccountDone done);
    /// Aborts requests in flight (their callbacks run now: Unknown, or ServiceUnavailable).
    void shutdown();

    const PaymentSettings &settings() const { return m_settings; }

private:
    PaymentSettings m_settings;
    std::unique_ptr<net::HttpFetcher> m_fetcher;
};

/// Classifies an answer of POST /v1/transfers (exposed for tests and the fuzz target).
TransferOutcome classifyTransferAnswer(const net::Fetched &answer);

} // namespace influence::server::payments
