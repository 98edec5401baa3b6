// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "CollabApi.h"
#include "MoneyTypes.h"
#include "Result.h"

#include <QDate>
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
    /// POST /api/v1/payouts/{id}/retry: a failed payout is approved again.
    QFuture<Result<Payout>> retryPayout(const QString &id, const QString &idempotencyKey) const;
    /// POST /api/v1/payouts/{id}/cancel: its amount goes back to the campaign's budget.
    QFuture<Result<Payout>> cancelPayout(const QString &id, const QString &idempotencyKey) const;

    /// GET /api/v1/me/earnings (a creator).
    QFuture<Result<Earnings>> earnings() const;
    /// GET /api/v1/me/payout-account (a creator).
    QFuture<Result<PayoutAccount>> payoutAccount() const;
    /// PUT /api/v1/me/payout-account (a creator).
    QFuture<Result<PayoutAccount>> setPayoutAccount(const PayoutAccountInput &input) const;

    /// GET /api/v1/ledger/entries (the brand's side for its campaigns; admins).
    QFuture<Result<Page<LedgerEntry>>> ledgerEntries(const LedgerQuery &query) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
