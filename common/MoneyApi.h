// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "CollabApi.h"
#include "MoneyTypes.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

/// Typed calls of the money API (budgets, payouts, earnings, the payout account, the ledger)
/// layered on ApiClient::send. Calls that move money carry an `Idempotency-Key`: the caller
/// makes one per attempt and sends the same key again when it retries an attempt whose answer
/// it never saw, so that the server does the work once.
namespace influence::common {

/// The filters of GET /payouts (empty or unset: no filter).
struct PayoutQuery
{
    std::optional<PayoutState> state;
    QString campaignId;
    QString brandId; ///< one brand's payouts (agency staff of several brands)
    QString creatorId; ///< the creator's profile id
    QDate dueBefore; ///< invalid: any due date
    bool lateOnly = false;
    int limit = 100;
    QString cursor;

    /// The query string of GET /payouts.
    QUrlQuery toUrlQuery() const;
};

/// The filters of GET /ledger/entries.
struct LedgerQuery
{
    QString campaignId;
    QString dealId;
    std::optional<qint64> accountId;
    int limit = 100;
    QString cursor;
};

/// The filters of GET /audit-log: an action ("payout.paid") or a prefix naming the kind of object
/// ("payout."); empty: everything the caller may read.
struct AuditQuery
{
    QString action;
    /// Entries at or after `since` and before `until`; invalid: no bound.
    QDateTime since;
    QDateTime until;
    int limit = 100;
    QString cursor;
};

/// Whether the answer to a request that moves money may have been lost on the way (a network
/// failure, a timeout, the same key still running): sending the same attempt again with its key
/// is then safe, and the only way to know.
bool answerMayBeLost(const Error &error);

/// One attempt of a step that moves money and the Idempotency-Key its sends carry: the same
/// request again after a lost answer keeps the key (the server does it once); anything else
/// (another request, an answer) makes the next send a new attempt with a new key.
class IdempotentAttempt
{
public:
    /// The key to send `request` (what is sent, as text) with.
    QString keyFor(const QString &request);
    /// After the answer to the attempt: a lost one keeps the key for the same request.
    void answered(const std::optional<Error> &error);
    /// The key of the attempt whose answer was lost (empty when there is none).
    QString pendingKey() const { return m_key; }
    void clear()
    {
        m_request.clear();
        m_key.clear();
    }

private:
    QString m_request;
    QString m_key;
};

/// An offline payment: the bank transfer's reference and the day it was paid.
struct PaymentRecord
{
    QString reference;
    QDate paidOn;
};

/// The money calls. Holds no state but the client; copy it freely.
class MoneyApi
{
public:
    explicit MoneyApi(ApiClient *client)
        : m_client(client)
    { }

    /// A fresh Idempotency-Key (a random UUID): one per attempt of a step that moves money.
    static QString newIdempotencyKey();

    /// GET /api/v1/campaigns/{id}/budget (the brand's side).
    QFuture<Result<CampaignBudget>> budget(const QString &campaignId) const;
    /// GET /api/v1/payouts with filters (brand side: its brands'; creator: its own).
    QFuture<Result<Page<Payout>>> payouts(const PayoutQuery &query) const;
    /// POST /api/v1/payouts/{id}/approve
    QFuture<Result<Payout>> approvePayout(const QString &id, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/approve {"ids": [...]}: all of them or none (1 to 200).
    QFuture<Result<QList<Payout>>> approvePayouts(
            const QStringList &ids, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/{id}/record-payment: paid elsewhere (method offline).
    QFuture<Result<Payout>> recordPayment(
            const QString &id, const PaymentRecord &payment, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/record-payment {"ids", "reference", "paidOn"}: several paid
    /// elsewhere in one go (a bank batch), all of them or none.
    QFuture<Result<QList<Payout>>> recordPayments(const QStringList &ids,
            const PaymentRecord &payment, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/{id}/retry: a failed payout is approved again.
    QFuture<Result<Payout>> retryPayout(const QString &id, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/{id}/cancel: its amount goes back to the campaign's budget.
    QFuture<Result<Payout>> cancelPayout(const QString &id, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/cancel {"ids": [...]}: all of them or none.
    QFuture<Result<QList<Payout>>> cancelPayouts(
            const QStringList &ids, const QString &idempotencyKey) const;

    /// PATCH /api/v1/campaigns/{id} {"budgetMinor": …}: the budget changes through the ledger
    /// (409 budget_below_committed below what is committed and paid, see minimumBudget()).
    QFuture<Result<Campaign>> changeBudget(
            const QString &campaignId, qint64 budgetMinor, const QString &idempotencyKey) const;

    /// GET /api/v1/me/earnings (a creator).
    QFuture<Result<Earnings>> earnings() const;
    /// GET /api/v1/me/payout-account (a creator).
    QFuture<Result<PayoutAccount>> payoutAccount() const;
    /// PUT /api/v1/me/payout-account (a creator).
    QFuture<Result<PayoutAccount>> setPayoutAccount(const PayoutAccountInput &input) const;

    /// GET /api/v1/ledger/entries (the brand's side for its campaigns; admins).
    QFuture<Result<Page<LedgerEntry>>> ledgerEntries(const LedgerQuery &query) const;
    /// GET /api/v1/audit-log (administrators; a brand's owner for the brand; others 403).
    QFuture<Result<Page<AuditEntry>>> auditLog(const AuditQuery &query) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
