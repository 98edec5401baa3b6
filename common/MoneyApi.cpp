// SPDX-License-Identifier: Apache-2.0
#include "MoneyApi.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QString payoutPath(const QString &id, const QString &action)
{
    return u"/api/v1/payouts/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u'/' + action;
}

ApiClient::Headers idempotent(const QString &key)
{
    return {{"Idempotency-Key", key.toLatin1()}};
}

template<class T>
Result<Page<T>> page(const QJsonObject &json)
{
    if (!json.value(u"items"_s).isArray()) {
        return Error::make(ErrorCode::InvalidResponse, u"A list has no items."_s);
    }
    Page<T> result;
    const QJsonArray items = json.value(u"items"_s).toArray();
    result.items.reserve(items.size());
    for (const auto &value : items) {
        auto item = T::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        result.items.append(std::move(*item));
    }
    result.nextCursor = json.value(u"nextCursor"_s).toString();
    return result;
}

} // namespace

QUrlQuery PayoutQuery::toUrlQuery() const
{
    QUrlQuery query;
    if (state) {
        query.addQueryItem(u"state"_s, wireName(*state));
    }
    if (!campaignId.isEmpty()) {
        query.addQueryItem(u"campaign"_s, campaignId);
    }
    if (!brandId.isEmpty()) {
        query.addQueryItem(u"brand"_s, brandId);
    }
    if (!creatorId.isEmpty()) {
        query.addQueryItem(u"creator"_s, creatorId);
    }
    if (dueBefore.isValid()) {
        query.addQueryItem(u"dueBefore"_s, dueBefore.toString(Qt::ISODate));
    }
    if (lateOnly) {
        query.addQueryItem(u"late"_s, u"true"_s);
    }
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        query.addQueryItem(u"cursor"_s, cursor);
    }
    return query;
}

bool answerMayBeLost(const Error &error)
{
    return error.code == ErrorCode::NetworkError || error.code == ErrorCode::Cancelled
            || error.code == ErrorCode::RequestTimeout
            || error.code == ErrorCode::ServiceUnavailable
            || error.code == ErrorCode::IdempotencyKeyInUse;
}

QString IdempotentAttempt::keyFor(const QString &request)
{
    if (m_key.isEmpty() || m_request != request) {
        m_request = request;
        m_key = MoneyApi::newIdempotencyKey();
    }
    return m_key;
}

void IdempotentAttempt::answered(const std::optional<Error> &error)
{
    if (!error || !answerMayBeLost(*error)) {
        clear();
    }
}

QString MoneyApi::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QFuture<Result<CampaignBudget>> MoneyApi::budget(const QString &campaignId) const
{
    return readObject<CampaignBudget>(
            m_client->send(ApiClient::Method::Get,
                    u"/api/v1/campaigns/"_s
                            + QString::fromLatin1(QUrl::toPercentEncoding(campaignId))
                            + u"/budget"_s),
            CampaignBudget::fromJson);
}

QFuture<Result<Page<Payout>>> MoneyApi::payouts(const PayoutQuery &query) const
{
    return readObject<Page<Payout>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/payouts"_s, query.toUrlQuery()),
            page<Payout>);
}

QFuture<Result<Payout>> MoneyApi::approvePayout(
        const QString &id, const QString &idempotencyKey) const
{
    return readObject<Payout>(m_client->send(ApiClient::Method::Post, payoutPath(id, u"approve"_s),
                                      {}, {}, idempotent(idempotencyKey)),
            Payout::fromJson);
}

namespace {

/// The payouts of a bulk change's answer ({"items": [...]}).
Result<QList<Payout>> payoutItems(const QJsonObject &json)
{
    auto items = page<Payout>(json);
    if (!items) {
        return items.error();
    }
    return items->items;
}

} // namespace

QFuture<Result<QList<Payout>>> MoneyApi::approvePayouts(
        const QStringList &ids, const QString &idempotencyKey) const
{
    const QJsonObject body{{u"ids"_s, QJsonArray::fromStringList(ids)}};
    return readObject<QList<Payout>>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/payouts/approve"_s, {},
                    QJsonDocument(body), idempotent(idempotencyKey)),
            payoutItems);
}

QFuture<Result<QList<Payout>>> MoneyApi::recordPayments(
        const QStringList &ids, const PaymentRecord &payment, const QString &idempotencyKey) const
{
    const QJsonObject body{{u"ids"_s, QJsonArray::fromStringList(ids)},
            {u"reference"_s, payment.reference},
            {u"paidOn"_s, payment.paidOn.toString(Qt::ISODate)}};
    return readObject<QList<Payout>>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/payouts/record-payment"_s, {},
                    QJsonDocument(body), idempotent(idempotencyKey)),
            payoutItems);
}

QFuture<Result<QList<Payout>>> MoneyApi::cancelPayouts(
        const QStringList &ids, const QString &idempotencyKey) const
{
    const QJsonObject body{{u"ids"_s, QJsonArray::fromStringList(ids)}};
    return readObject<QList<Payout>>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/payouts/cancel"_s, {},
                    QJsonDocument(body), idempotent(idempotencyKey)),
            payoutItems);
}

QFuture<Result<Payout>> MoneyApi::recordPayment(
        const QString &id, const PaymentRecord &payment, const QString &idempotencyKey) const
{
    const QJsonObject body{{u"reference"_s, payment.reference},
            {u"paidOn"_s, payment.paidOn.toString(Qt::ISODate)}};
    return readObject<Payout>(
            m_client->send(ApiClient::Method::Post, payoutPath(id, u"record-payment"_s), {},
                    QJsonDocument(body), idempotent(idempotencyKey)),
            Payout::fromJson);
}

QFuture<Result<Payout>> MoneyApi::retryPayout(
        const QString &id, const QString &idempotencyKey) const
{
    return readObject<Payout>(m_client->send(ApiClient::Method::Post, payoutPath(id, u"retry"_s),
                                      {}, {}, idempotent(idempotencyKey)),
            Payout::fromJson);
}

QFuture<Result<Payout>> MoneyApi::cancelPayout(
        const QString &id, const QString &idempotencyKey) const
{
    return readObject<Payout>(m_client->send(ApiClient::Method::Post, payoutPath(id, u"cancel"_s),
                                      {}, {}, idempotent(idempotencyKey)),
            Payout::fromJson);
}

QFuture<Result<Campaign>> MoneyApi::changeBudget(
        const QString &campaignId, qint64 budgetMinor, const QString &idempotencyKey) const
{
    const QJsonObject body{{u"budgetMinor"_s, budgetMinor}};
    return readObject<Campaign>(
            m_client->send(ApiClient::Method::Patch,
                    u"/api/v1/campaigns/"_s
                            + QString::fromLatin1(QUrl::toPercentEncoding(campaignId)),
                    {}, QJsonDocument(body), idempotent(idempotencyKey)),
            Campaign::fromJson);
}

QFuture<Result<Earnings>> MoneyApi::earnings() const
{
    return readObject<Earnings>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/earnings"_s), Earnings::fromJson);
}

QFuture<Result<PayoutAccount>> MoneyApi::payoutAccount() const
{
    return readObject<PayoutAccount>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/payout-account"_s),
            PayoutAccount::fromJson);
}

QFuture<Result<PayoutAccount>> MoneyApi::setPayoutAccount(const PayoutAccountInput &input) const
{
    return readObject<PayoutAccount>(
            m_client->send(ApiClient::Method::Put, u"/api/v1/me/payout-account"_s, {},
                    QJsonDocument(input.toJson())),
            PayoutAccount::fromJson);
}

QFuture<Result<Page<LedgerEntry>>> MoneyApi::ledgerEntries(const LedgerQuery &query) const
{
    QUrlQuery params;
    if (!query.campaignId.isEmpty()) {
        params.addQueryItem(u"campaign"_s, query.campaignId);
    }
    if (!query.dealId.isEmpty()) {
        params.addQueryItem(u"deal"_s, query.dealId);
    }
    if (query.accountId) {
        params.addQueryItem(u"account"_s, QString::number(*query.accountId));
    }
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, query.cursor);
    }
    return readObject<Page<LedgerEntry>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/ledger/entries"_s, params),
            page<LedgerEntry>);
}

QFuture<Result<Page<AuditEntry>>> MoneyApi::auditLog(const AuditQuery &query) const
{
    QUrlQuery params;
    if (!query.action.isEmpty()) {
        params.addQueryItem(u"action"_s, query.action);
    }
    if (query.since.isValid()) {
        params.addQueryItem(u"since"_s, query.since.toUTC().toString(Qt::ISODate));
    }
    if (query.until.isValid()) {
        params.addQueryItem(u"until"_s, query.until.toUTC().toString(Qt::ISODate));
    }
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty()) {
        params.addQueryItem(u"cursor"_s, query.cursor);
    }
    return readObject<Page<AuditEntry>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/audit-log"_s, params),
            page<AuditEntry>);
}

} // namespace influence::common
