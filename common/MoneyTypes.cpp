// SPDX-License-Identifier: Apache-2.0
#include "MoneyTypes.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

template<class E>
const QStringList &names();

template<>
const QStringList &names<PayoutState>()
{
    static const QStringList list{u"scheduled"_s, u"due"_s, u"approved"_s, u"processing"_s,
            u"paid"_s, u"failed"_s, u"cancelled"_s};
    return list;
}
template<>
const QStringList &names<PayoutMethod>()
{
    static const QStringList list{u"stripe"_s, u"offline"_s};
    return list;
}
template<>
const QStringList &names<TaxForm>()
{
    static const QStringList list{u"W-9"_s, u"W-8BEN"_s, u"W-8BEN-E"_s, u"EU-VAT"_s, u"none"_s};
    return list;
}
template<>
const QStringList &names<PayoutRequirement>()
{
    static const QStringList list{u"payout_account"_s, u"tax_form"_s};
    return list;
}
template<>
const QStringList &names<LedgerAccountKind>()
{
    static const QStringList list{u"brand_funding"_s, u"campaign_budget"_s, u"deal_reserved"_s,
            u"creator_payable"_s, u"provider_clearing"_s, u"paid_out"_s};
    return list;
}

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

QDateTime timestamp(const QJsonObject &json, const QString &field)
{
    return QDateTime::fromString(json.value(field).toString(), Qt::ISODateWithMs);
}

QDate date(const QJsonObject &json, const QString &field)
{
    return QDate::fromString(json.value(field).toString(), Qt::ISODate);
}

/// A JSON number as minor units (JSON numbers are doubles: exact up to 2^53, far beyond any
/// amount the server accepts).
qint64 minor(const QJsonObject &json, const QString &field)
{
    return static_cast<qint64>(json.value(field).toDouble());
}

EarningsAmounts amounts(const QJsonObject &json)
{
    EarningsAmounts a;
    a.currency = json.value(u"currency"_s).toString();
    a.expectedMinor = minor(json, u"expectedMinor"_s);
    a.scheduledMinor = minor(json, u"scheduledMinor"_s);
    a.dueMinor = minor(json, u"dueMinor"_s);
    a.lateMinor = minor(json, u"lateMinor"_s);
    a.processingMinor = minor(json, u"processingMinor"_s);
    a.paidMinor = minor(json, u"paidMinor"_s);
    return a;
}

} // namespace

template<class E>
std::optional<E> moneyFromString(const QString &text)
{
    const qsizetype index = names<E>().indexOf(text);
    if (index < 0) {
        return std::nullopt;
    }
    return static_cast<E>(index);
}

template<class E>
QStringList moneyNames()
{
    return names<E>();
}

template std::optional<PayoutState> moneyFromString<PayoutState>(const QString &);
template QStringList moneyNames<PayoutState>();
template std::optional<PayoutMethod> moneyFromString<PayoutMethod>(const QString &);
template QStringList moneyNames<PayoutMethod>();
template std::optional<TaxForm> moneyFromString<TaxForm>(const QString &);
template QStringList moneyNames<TaxForm>();
template std::optional<PayoutRequirement> moneyFromString<PayoutRequirement>(const QString &);
template QStringList moneyNames<PayoutRequirement>();
template std::optional<LedgerAccountKind> moneyFromString<LedgerAccountKind>(const QString &);
template QStringList moneyNames<LedgerAccountKind>();

QString wireName(PayoutState value)
{
    return names<PayoutState>().value(static_cast<qsizetype>(value));
}
QString wireName(PayoutMethod value)
{
    return names<PayoutMethod>().value(static_cast<qsizetype>(value));
}
QString wireName(TaxForm value)
{
    return names<TaxForm>().value(static_cast<qsizetype>(value));
}
QString wireName(PayoutRequirement value)
{
    return names<PayoutRequirement>().value(static_cast<qsizetype>(value));
}
QString wireName(LedgerAccountKind value)
{
    return names<LedgerAccountKind>().value(static_cast<qsizetype>(value));
}

Result<CampaignBudget> CampaignBudget::fromJson(const QJsonObject &json)
{
    CampaignBudget budget;
    budget.campaignId = json.value(u"campaignId"_s).toString();
    budget.currency = json.value(u"currency"_s).toString();
    if (budget.campaignId.isEmpty() || !isCurrencyCode(budget.currency)) {
        return invalid(u"A budget has no campaign or no known currency."_s);
    }
    budget.budgetMinor = minor(json, u"budgetMinor"_s);
    budget.committedMinor = minor(json, u"committedMinor"_s);
    budget.paidMinor = minor(json, u"paidMinor"_s);
    budget.remainingMinor = minor(json, u"remainingMinor"_s);
    for (const auto &value : json.value(u"deals"_s).toArray()) {
        const QJsonObject deal = value.toObject();
        budget.deals.append({deal.value(u"dealId"_s).toString(),
                deal.value(u"influencerName"_s).toString(), minor(deal, u"reservedMinor"_s),
                minor(deal, u"payableMinor"_s), minor(deal, u"paidMinor"_s)});
    }
    return budget;
}

Result<Payout> Payout::fromJson(const QJsonObject &json)
{
    Payout payout;
    payout.id = json.value(u"id"_s).toString();
    const auto state = moneyFromString<PayoutState>(json.value(u"state"_s).toString());
    if (payout.id.isEmpty() || !state) {
        return invalid(u"A payout has no id or an unknown state."_s);
    }
    payout.state = *state;
    payout.dealId = json.value(u"dealId"_s).toString();
    payout.campaignId = json.value(u"campaignId"_s).toString();
    payout.campaignName = json.value(u"campaignName"_s).toString();
    payout.brandId = json.value(u"brandId"_s).toString();
    payout.brandName = json.value(u"brandName"_s).toString();
    payout.influencerId = json.value(u"influencerId"_s).toString();
    payout.influencerName = json.value(u"influencerName"_s).toString();
    payout.installment = json.value(u"installment"_s).toInt(1);
    payout.condition = paymentConditionFromString(json.value(u"condition"_s).toString())
                               .value_or(PaymentCondition::Live);
    payout.percent = json.value(u"percent"_s).toInt();
    payout.amount = {minor(json, u"amountMinor"_s), json.value(u"currency"_s).toString()};
    payout.late = json.value(u"late"_s).toBool();
    payout.dueDate = date(json, u"dueDate"_s);
    payout.conditionMetAt = timestamp(json, u"conditionMetAt"_s);
    payout.approvedAt = timestamp(json, u"approvedAt"_s);
    payout.approvedBy = json.value(u"approvedBy"_s).toString();
    payout.paidAt = timestamp(json, u"paidAt"_s);
    payout.method = moneyFromString<PayoutMethod>(json.value(u"method"_s).toString());
    payout.providerTransferId = json.value(u"providerTransferId"_s).toString();
    payout.reference = json.value(u"reference"_s).toString();
    payout.failureCode = json.value(u"failureCode"_s).toString();
    payout.failureMessage = json.value(u"failureMessage"_s).toString();
    payout.attempts = json.value(u"attempts"_s).toInt();
    payout.createdAt = timestamp(json, u"createdAt"_s);
    payout.updatedAt = timestamp(json, u"updatedAt"_s);
    return payout;
}

PayoutReadiness PayoutReadiness::fromJson(const QJsonObject &json)
{
    PayoutReadiness readiness;
    readiness.ready = json.value(u"ready"_s).toBool();
    for (const auto &value : json.value(u"missing"_s).toArray()) {
        const QString name = value.toString();
        if (const auto requirement = moneyFromString<PayoutRequirement>(name)) {
            readiness.missing.append(*requirement);
        } else {
            readiness.unknownMissing.append(name);
        }
    }
    return readiness;
}

Result<Earnings> Earnings::fromJson(const QJsonObject &json)
{
    if (!json.value(u"totals"_s).isArray() || !json.value(u"readiness"_s).isObject()) {
        return invalid(u"Earnings have no totals or no readiness."_s);
    }
    Earnings earnings;
    for (const auto &value : json.value(u"totals"_s).toArray()) {
        earnings.totals.append(amounts(value.toObject()));
    }
    for (const auto &value : json.value(u"deals"_s).toArray()) {
        const QJsonObject deal = value.toObject();
        Deal item;
        item.dealId = deal.value(u"dealId"_s).toString();
        item.campaignName = deal.value(u"campaignName"_s).toString();
        item.brandName = deal.value(u"brandName"_s).toString();
        item.amounts = amounts(deal);
        item.fee = {minor(deal, u"feeMinor"_s), item.amounts.currency};
        item.nextDueDate = date(deal, u"nextDueDate"_s);
        earnings.deals.append(std::move(item));
    }
    earnings.readiness = PayoutReadiness::fromJson(json.value(u"readiness"_s).toObject());
    return earnings;
}

QJsonObject PayoutAccountInput::toJson() const
{
    return {{u"accountId"_s, accountId}, {u"taxForm"_s, wireName(taxForm)},
            {u"taxFormReceivedOn"_s,
                    taxFormReceivedOn.isValid()
                            ? QJsonValue(taxFormReceivedOn.toString(Qt::ISODate))
                            : QJsonValue(QJsonValue::Null)}};
}

Result<PayoutAccount> PayoutAccount::fromJson(const QJsonObject &json)
{
    PayoutAccount account;
    account.provider = json.value(u"provider"_s).toString();
    account.accountId = json.value(u"accountId"_s).toString();
    account.payoutsEnabled = json.value(u"payoutsEnabled"_s).toBool();
    const QJsonValue taxForm = json.value(u"taxForm"_s);
    if (taxForm.isString()) {
        const auto form = moneyFromString<TaxForm>(taxForm.toString());
        if (!form) {
            return invalid(u"A payout account has an unknown tax form."_s);
        }
        account.taxForm = *form;
    }
    account.taxFormReceivedOn = date(json, u"taxFormReceivedOn"_s);
    account.readiness = PayoutReadiness::fromJson(json);
    account.updatedAt = timestamp(json, u"updatedAt"_s);
    return account;
}

Result<LedgerEntry> LedgerEntry::fromJson(const QJsonObject &json)
{
    LedgerEntry entry;
    entry.id = minor(json, u"id"_s);
    const QJsonObject account = json.value(u"account"_s).toObject();
    const auto kind = moneyFromString<LedgerAccountKind>(account.value(u"kind"_s).toString());
    if (entry.id <= 0 || !kind) {
        return invalid(u"A ledger entry has no id or an unknown account."_s);
    }
    entry.accountKind = *kind;
    entry.accountId = minor(account, u"id"_s);
    entry.accountCampaignId = account.value(u"campaignId"_s).toString();
    entry.accountDealId = account.value(u"dealId"_s).toString();
    entry.transferId = json.value(u"transferId"_s).toString();
    entry.amount = {minor(json, u"amountMinor"_s), json.value(u"currency"_s).toString()};
    entry.balanceAfterMinor = minor(json, u"balanceAfterMinor"_s);
    entry.cause = json.value(u"cause"_s).toString();
    entry.dealId = json.value(u"dealId"_s).toString();
    entry.payoutId = json.value(u"payoutId"_s).toString();
    entry.actorId = json.value(u"actorId"_s).toString();
    entry.at = timestamp(json, u"at"_s);
    return entry;
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject &json)
{
    AuditEntry entry;
    entry.id = minor(json, u"id"_s);
    entry.action = json.value(u"action"_s).toString();
    entry.at = timestamp(json, u"at"_s);
    if (entry.id <= 0 || entry.action.isEmpty() || !entry.at.isValid()) {
        return invalid(u"An audit entry has no id, action or time."_s);
    }
    entry.actorId = json.value(u"actorId"_s).toString();
    entry.actorName = json.value(u"actorName"_s).toString();
    entry.brandId = json.value(u"brandId"_s).toString();
    entry.objectType = json.value(u"objectType"_s).toString();
    entry.objectId = json.value(u"objectId"_s).toString();
    entry.before = json.value(u"before"_s).toObject();
    entry.after = json.value(u"after"_s).toObject();
    return entry;
}

QMap<QString, qint64> payoutTotals(const QList<Payout> &payouts)
{
    QMap<QString, qint64> totals;
    for (const Payout &payout : payouts) {
        totals[payout.amount.currency] += payout.amount.minorUnits;
    }
    return totals;
}

std::optional<Money> remainingBudget(const Error &error)
{
    if (error.codeName() != u"budget_exceeded"_s
            || !error.extensions.value(u"remainingMinor"_s).isDouble()) {
        return std::nullopt;
    }
    return Money{minor(error.extensions, u"remainingMinor"_s),
            error.extensions.value(u"currency"_s).toString()};
}

std::optional<Money> minimumBudget(const Error &error)
{
    if (error.codeName() != u"budget_below_committed"_s
            || !error.extensions.value(u"minimumBudgetMinor"_s).isDouble()) {
        return std::nullopt;
    }
    return Money{minor(error.extensions, u"minimumBudgetMinor"_s),
            error.extensions.value(u"currency"_s).toString()};
}

PayoutReadiness missingForPayout(const Error &error)
{
    if (error.codeName() != u"payout_not_ready"_s) {
        return {};
    }
    return PayoutReadiness::fromJson(error.extensions);
}

} // namespace influence::common
