// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Money.h"
#include "PaymentTerms.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// Money in collaborations (issue 18): campaign budgets, payouts and their states, a creator's
/// earnings and payout account, ledger entries: their wire names and the readers of the server's
/// answers. Payment terms (an offer's schedule of installments) are in PaymentTerms.h.
namespace influence::common {

/// scheduled → due → approved → processing → paid, or failed (→ approved again on retry), or
/// cancelled. `due` is what the server reports once the due date has come and it is not
/// approved yet.
enum class PayoutState { Scheduled, Due, Approved, Processing, Paid, Failed, Cancelled };
/// How a payout was paid: through the payment provider, or recorded as paid elsewhere.
enum class PayoutMethod { Stripe, Offline };
/// The tax form a creator handed in (none: not needed or not yet known).
enum class TaxForm { W9, W8Ben, W8BenE, EuVat, None };
/// What a creator still lacks before a payout can be approved.
enum class PayoutRequirement { PayoutAccount, TaxForm };
/// The ledger's accounts.
enum class LedgerAccountKind {
    BrandFunding,
    CampaignBudget,
    DealReserved,
    CreatorPayable,
    ProviderClearing,
    PaidOut
};

QString wireName(PayoutState value);
QString wireName(PayoutMethod value);
QString wireName(TaxForm value);
QString wireName(PayoutRequirement value);
QString wireName(LedgerAccountKind value);

/// The value with a wire name, or nothing. E is one of the enums above.
template<class E>
std::optional<E> moneyFromString(const QString &text);
/// Every wire name of E, in declaration order.
template<class E>
QStringList moneyNames();

/// The answer of GET /campaigns/{id}/budget. budget = committed + paid + remaining.
struct CampaignBudget
{
    /// What one deal holds of the budget.
    struct Deal
    {
        QString dealId;
        QString influencerName;
        qint64 reservedMinor = 0;
        qint64 payableMinor = 0;
        qint64 paidMinor = 0;
    };

    QString campaignId;
    QString currency;
    qint64 budgetMinor = 0;
    qint64 committedMinor = 0; ///< accepted fees not yet paid
    qint64 paidMinor = 0;
    qint64 remainingMinor = 0;
    QList<Deal> deals;

    static Result<CampaignBudget> fromJson(const QJsonObject &json);
};

/// One installment of a deal's fee once its condition is met.
struct Payout
{
    QString id;
    QString dealId;
    QString campaignId;
    QString campaignName;
    QString brandId;
    QString brandName;
    QString influencerId;
    QString influencerName;
    int installment = 1;
    PaymentCondition condition = PaymentCondition::Live;
    int percent = 100;
    Money amount;
    PayoutState state = PayoutState::Scheduled;
    bool late = false; ///< not paid, not cancelled, and the due date has passed
    QDate dueDate;
    QDateTime conditionMetAt;
    QDateTime approvedAt;
    QString approvedBy;
    QDateTime paidAt;
    std::optional<PayoutMethod> method;
    QString providerTransferId;
    QString reference;
    QString failureCode;
    QString failureMessage;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Result<Payout> fromJson(const QJsonObject &json);
};

/// What a creator is owed or was paid, in one currency (or for one deal).
struct EarningsAmounts
{
    QString currency;
    qint64 expectedMinor = 0; ///< installments whose condition is not met yet
    qint64 scheduledMinor = 0;
    qint64 dueMinor = 0;
    qint64 lateMinor = 0;
    qint64 processingMinor = 0;
    qint64 paidMinor = 0;
};

/// Whether a creator can be paid, and if not, what is missing.
struct PayoutReadiness
{
    bool ready = false;
    QList<PayoutRequirement> missing;
    /// Requirements this client does not know, by wire name.
    QStringList unknownMissing;

    static PayoutReadiness fromJson(const QJsonObject &json);
};

/// The answer of GET /me/earnings.
struct Earnings
{
    struct Deal
    {
        QString dealId;
        QString campaignName;
        QString brandName;
        Money fee;
        EarningsAmounts amounts;
        QDate nextDueDate; ///< invalid: none
    };

    QList<EarningsAmounts> totals; ///< one per currency
    QList<Deal> deals;
    PayoutReadiness readiness;

    static Result<Earnings> fromJson(const QJsonObject &json);
};

/// What a creator sends with PUT /me/payout-account.
struct PayoutAccountInput
{
    QString accountId; ///< the provider's connected account, "acct_…"
    TaxForm taxForm = TaxForm::None;
    QDate taxFormReceivedOn; ///< invalid: not received

    QJsonObject toJson() const;
};

/// The answer of GET|PUT /me/payout-account.
struct PayoutAccount
{
    QString provider;
    QString accountId;
    bool payoutsEnabled = false; ///< the provider says the account can receive transfers
    TaxForm taxForm = TaxForm::None;
    QDate taxFormReceivedOn;
    PayoutReadiness readiness;
    QDateTime updatedAt;

    static Result<PayoutAccount> fromJson(const QJsonObject &json);
};

/// One entry of the ledger (GET /ledger/entries): an amount on one account.
struct LedgerEntry
{
    qint64 id = 0;
    QString transferId;
    qint64 accountId = 0;
    LedgerAccountKind accountKind = LedgerAccountKind::CampaignBudget;
    QString accountCampaignId;
    QString accountDealId;
    Money amount; ///< negative: taken from the account
    qint64 balanceAfterMinor = 0;
    QString cause;
    QString dealId;
    QString payoutId;
    QString actorId;
    QDateTime at;

    static Result<LedgerEntry> fromJson(const QJsonObject &json);
};

/// One entry of the audit log (GET /audit-log): who changed what, when, before and after.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actorId; ///< empty: the system
    QString actorName;
    QString brandId;
    QString action; ///< "<object type>.<what happened>", e.g. "payout.paid"
    QString objectType; ///< campaign, deal, payout, user, brand, payout_account
    QString objectId;
    QJsonObject before;
    QJsonObject after;

    static Result<AuditEntry> fromJson(const QJsonObject &json);
};

/// The sum of `payouts`' amounts per currency.
QMap<QString, qint64> payoutTotals(const QList<Payout> &payouts);

/// What a budget_exceeded problem names as left of the campaign's budget (remainingMinor and
/// currency), or nothing for any other error.
std::optional<Money> remainingBudget(const Error &error);
/// The lowest budget a budget_below_committed problem names (what is committed and paid), or
/// nothing for any other error.
std::optional<Money> minimumBudget(const Error &error);
/// What a payout_not_ready problem names as missing (`missing`); empty for any other error.
PayoutReadiness missingForPayout(const Error &error);

} // namespace influence::common
