// SPDX-License-Identifier: Apache-2.0
#include "StripeClient.h"

#include "core/net/HttpFetcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::payments {

Q_LOGGING_CATEGORY(lcPayments, "influence.payments")

namespace {

constexpr qsizetype kMaxMessage = 500;

const QRegularExpression &accountPattern()
{
    static const QRegularExpression pattern(u"^acct_[A-Za-z0-9]{1,64}$"_s);
    return pattern;
}

const QRegularExpression &currencyPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z]{3}$"_s);
    return pattern;
}

/// Stripe's `{"error": {...}}`, or an empty object when the body is not one.
QJsonObject stripeError(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue error = document.object().value(u"error"_s);
    return error.isObject() ? error.toObject() : QJsonObject();
}

/// Codes and types are Stripe's snake_case words; anything else is not repeated.
QString plainCode(const QString &code)
{
    static const QRegularExpression pattern(u"^[a-z0-9_]{1,64}$"_s);
    return pattern.match(code).hasMatch() ? code : QString();
}

QNetworkRequest apiRequest(const PaymentSettings &settings, const QString &path)
{
    QString base = settings.apiUrl;
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    QNetworkRequest request(QUrl(base + path));
    request.setRawHeader("Authorization", "Bearer " + settings.secretKey.toUtf8());
    return request;
}

std::optional<QString> refusal(const PaymentSettings &settings)
{
    if (!settings.transfersEnabled()) {
        return u"no Stripe secret key is configured (STRIPE_SECRET_KEY)"_s;
    }
    if (!net::acceptableEndpoint(QUrl(settings.apiUrl))) {
        return u"STRIPE_API_URL is not an https URL (or http on the loopback interface)"_s;
    }
    return std::nullopt;
}

} // namespace

QString transferIdempotencyKey(const QString &payoutId, int attempt)
{
    return u"payout-%1-%2"_s.arg(payoutId).arg(attempt);
}

TransferOutcome classifyTransferAnswer(const net::Fetched &answer)
{
    const int httpStatus = answer.status;
    const QByteArray &body = answer.body;
    if (httpStatus >= 200 && httpStatus < 300) {
        const QJsonObject transfer = QJsonDocument::fromJson(body).object();
        const QString id = transfer.value(u"id"_s).toString();
        if (transfer.value(u"object"_s).toString() != u"transfer"_s || !id.startsWith(u"tr_"_s)
                || plainCode(id.toLower()).isEmpty()) {
            // It said yes; what it created cannot be read. Asking again with the same key gets
            // the stored answer.
            return TransferUnknown{u"HTTP %1 without a transfer object"_s.arg(httpStatus)};
        }
        return TransferSucceeded{id, answer.header("Idempotent-Replayed") == "true"};
    }
    // 409: another request with this key is still running (idempotency_key_in_use) or a lock
    // timed out; 429: rate limited before anything ran. Either way the same key settles it later.
    if (httpStatus == 409 || httpStatus == 429) {
        return TransferUnknown{u"HTTP %1, to be retried with the same key"_s.arg(httpStatus)};
    }
    if (httpStatus >= 400 && httpStatus < 500) {
        const QJsonObject error = stripeError(body);
        const QString type = plainCode(error.value(u"type"_s).toString());
        if (type.isEmpty()) {
            // Not Stripe's answer (a proxy's?): whether Stripe saw the request is unknown.
            return TransferUnknown{u"HTTP %1 without a Stripe error"_s.arg(httpStatus)};
        }
        if (type == u"idempotency_error"_s) {
            // The key was first used with other parameters, and that request may have created a
            // transfer: starting a new attempt could pay twice.
            return TransferUnknown{u"the idempotency key was used before with other parameters"_s};
        }
        const QString code = plainCode(error.value(u"code"_s).toString());
        return TransferDeclined{httpStatus, code.isEmpty() ? type : code,
                error.value(u"message"_s).toString().left(kMaxMessage)};
    }
    return TransferUnknown{u"HTTP %1"_s.arg(httpStatus)};
}

StripeClient::StripeClient(PaymentSettings settings)
    : m_settings(std::move(settings))
    , m_fetcher(std::make_unique<net::HttpFetcher>(m_settings.fetch))
{ }

StripeClient::~StripeClient() = default;

void StripeClient::createTransfer(const TransferRequest &request, TransferDone done)
{
    if (const auto refused = refusal(m_settings)) {
        done(TransferDeclined{0, u"provider_not_configured"_s, *refused});
        return;
    }
    if (request.payoutId.isEmpty() || request.attempt < 1 || request.amountMinor <= 0
            || !currencyPattern().match(request.currency).hasMatch()
            || !accountPattern().match(request.destinationAccount).hasMatch()) {
        done(TransferDeclined{0, u"invalid_transfer_request"_s,
                u"a transfer needs a payout id, an attempt from 1, a positive amount, a "
                "three-letter currency and an acct_ destination"_s});
        return;
    }
    const QString key = transferIdempotencyKey(request.payoutId, request.attempt);
    QNetworkRequest http = apiRequest(m_settings, u"/v1/transfers"_s);
    http.setRawHeader("Idempotency-Key", key.toUtf8());
    QList<std::pair<QString, QString>> form{
            {u"amount"_s, QString::number(request.amountMinor)},
            {u"currency"_s, request.currency.toLower()},
            {u"destination"_s, request.destinationAccount},
            {u"metadata[payout_id]"_s, request.payoutId},
    };
    if (!request.transferGroup.isEmpty()) {
        form.append({u"transfer_group"_s, request.transferGroup});
    }
    m_fetcher->fetch(http, net::formEncode(form),
            [key, done = std::move(done)](Result<net::Fetched> fetched) {
                if (!fetched) {
                    qCInfo(lcPayments).noquote()
                            << "transfer" << key << "outcome unknown:" << fetched.error().detail;
                    done(TransferUnknown{fetched.error().detail});
                    return;
                }
                TransferOutcome outcome = classifyTransferAnswer(*fetched);
                if (const auto *declined = std::get_if<TransferDeclined>(&outcome)) {
                    qCInfo(lcPayments).noquote()
                            << "transfer" << key << "declined:" << declined->httpStatus
                            << declined->code;
                } else if (const auto *unknown = std::get_if<TransferUnknown>(&outcome)) {
                    qCInfo(lcPayments).noquote()
                            << "transfer" << key << "outcome unknown:" << unknown->reason;
                }
                done(std::move(outcome));
            });
}

void StripeClient::retrieveAccount(const QString &accountId, AccountDone done)
{
    if (const auto refused = refusal(m_settings)) {
        done(Error::unavailable(*refused, 60));
        return;
    }
    if (!accountPattern().match(accountId).hasMatch()) {
        done(Error::invalidParameter(
                u"accountId"_s, u"invalid_format"_s, u"expected a Stripe account id (acct_…)"_s));
        return;
    }
    m_fetcher->fetch(apiRequest(m_settings, u"/v1/accounts/"_s + accountId), std::nullopt,
            [done = std::move(done)](Result<net::Fetched> fetched) {
                if (!fetched) {
                    done(fetched.error());
                    return;
                }
                if (fetched->status == 404) {
                    done(Error::notFound(u"the payment provider knows no such account"_s));
                    return;
                }
                const QJsonObject object = QJsonDocument::fromJson(fetched->body).object();
                if (fetched->status != 200 || object.value(u"object"_s).toString() != u"account"_s
                        || !accountPattern().match(object.value(u"id"_s).toString()).hasMatch()) {
                    const QJsonObject error = stripeError(fetched->body);
                    if (fetched->status >= 400 && fetched->status < 500 && !error.isEmpty()) {
                        done(Error::make(ErrorCode::BadRequest,
                                u"the payment provider refused: %1"_s.arg(
                                        plainCode(error.value(u"code"_s).toString(
                                                error.value(u"type"_s).toString())))));
                    } else {
                        done(Error::unavailable(
                                u"the payment provider answered HTTP %1"_s.arg(fetched->status),
                                30));
                    }
                    return;
                }
                ConnectedAccount account;
                account.id = object.value(u"id"_s).toString();
                account.payoutsEnabled = object.value(u"payouts_enabled"_s).toBool();
                account.transfersActive =
                        object.value(u"capabilities"_s).toObject().value(u"transfers"_s).toString()
                        == u"active"_s;
                done(account);
            });
}

void StripeClient::shutdown()
{
    m_fetcher->shutdown();
}

} // namespace influence::server::payments
