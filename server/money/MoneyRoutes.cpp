// SPDX-License-Identifier: Apache-2.0
// HTTP for money: the route table, and for each route the reading and checking of its input on
// the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "MoneyRoutes.h"

#include "AuditLog.h"
#include "Earnings.h"
#include "Ledger.h"
#include "PayoutBodies.h"
#include "Payouts.h"
#include "Settlement.h"
#include "common/Validation.h"
#include "core/http/CsvResponse.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/RouteTable.h"
#include "payments/PaymentSettings.h"
#include "payments/StripeEvents.h"
#include "payments/StripeSignature.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::Page;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Idempotency;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;
using Column = influence::server::http::csv::Column;

namespace influence::server::money {

namespace {

const QStringList &payoutStates()
{
    static const QStringList states{u"scheduled"_s, u"due"_s, u"approved"_s, u"processing"_s,
            u"paid"_s, u"failed"_s, u"cancelled"_s};
    return states;
}

Result<std::optional<QDate>> dateOf(const Request &request, const QString &name)
{
    if (!request.hasQuery(name)) {
        return std::optional<QDate>();
    }
    const QDate date = QDate::fromString(request.queryValue(name), Qt::ISODate);
    if (!date.isValid()) {
        return http::invalidParameter(name, u"Must be a date (YYYY-MM-DD)."_s);
    }
    return std::optional(date);
}

Result<std::optional<QDateTime>> timeOf(const Request &request, const QString &name)
{
    if (!request.hasQuery(name)) {
        return std::optional<QDateTime>();
    }
    const QDateTime time = QDateTime::fromString(request.queryValue(name), Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return http::invalidParameter(
                name, u"Must be a time with its offset (2026-12-01T00:00:00Z)."_s);
    }
    return std::optional(time);
}

/// A list route: the page as JSON, or every row as CSV for `Accept: text/csv`, streamed.
template<class Query>
Result<Work> listOrCsv(const Request &request, Query query,
        common::Result<QByteArray> (*page)(Connection &, const Principal &, const Query &),
        common::Result<void> (*each)(Connection &, const Principal &, const Query &,
                const std::function<bool(const QByteArray &)> &),
        QList<Column> columns, QString filename)
{
    if (!http::csv::wanted(request)) {
        return Work([query = std::move(query), page](Connection &c, const Principal &p) {
            return page(c, p, query);
        });
    }
    return Work([query = std::move(query), each, columns = std::move(columns),
                        filename = std::move(filename)](
                        Connection &c, const Principal &p, const Responder &out) -> Response {
        return http::csv::stream(
                out,
                [&](const http::csv::RowSink &row) {
                    return each(c, p, query, row);
                },
                columns, filename);
    });
}

// --- Budgets and payouts -------------------------------------------------------------------

Result<Work> readBudget(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return campaignBudget(c, p, id);
    });
}

Result<Work> listPayoutsRoute(const Request &request)
{
    PayoutQuery query;
    if (request.hasQuery(u"state"_s)) {
        query.states = request.queryValue(u"state"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &state : std::as_const(query.states)) {
            if (!payoutStates().contains(state)) {
                return http::invalidParameter(u"state"_s,
                        u"Must be states from: %1."_s.arg(payoutStates().join(u", "_s)));
            }
        }
    }
    const auto campaign = http::optionalUuidOf(request, u"campaign"_s);
    const auto brand = http::optionalUuidOf(request, u"brand"_s);
    const auto creator = http::optionalUuidOf(request, u"creator"_s);
    const auto dueBefore = dateOf(request, u"dueBefore"_s);
    const auto late = http::flagOf(request, u"late"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!campaign || !creator || !dueBefore) {
        return !campaign ? campaign.error() : !creator ? creator.error() : dueBefore.error();
    }
    if (!brand) {
        return brand.error();
    }
    if (!late || !page) {
        return !late ? late.error() : page.error();
    }
    query.campaign = *campaign;
    query.brand = *brand;
    query.creator = *creator;
    query.dueBefore = *dueBefore;
    query.lateOnly = *late;
    query.page = *page;
    return listOrCsv<PayoutQuery>(request, query, listPayouts, eachPayout,
            {{u"id"_s, u"id"_s}, {u"campaign"_s, u"campaignName"_s}, {u"brand"_s, u"brandName"_s},
                    {u"creator"_s, u"influencerName"_s}, {u"deal_id"_s, u"dealId"_s},
                    {u"installment"_s, u"installment"_s}, {u"condition"_s, u"condition"_s},
                    {u"amount"_s, u"amountMinor"_s, Column::Kind::MoneyAmount},
                    {u"currency"_s, u"currency"_s}, {u"state"_s, u"state"_s},
                    {u"late"_s, u"late"_s}, {u"due_date"_s, u"dueDate"_s},
                    {u"approved_at"_s, u"approvedAt"_s}, {u"paid_at"_s, u"paidAt"_s},
                    {u"method"_s, u"method"_s}, {u"reference"_s, u"reference"_s},
                    {u"provider_transfer_id"_s, u"providerTransferId"_s},
                    {u"failure"_s, u"failureCode"_s}},
            u"payouts.csv"_s);
}

/// A bulk change of the payouts named by the body's "ids".
Result<Work> onIds(const Request &request,
        Result<QByteArray> (*change)(Connection &, const Principal &, const QList<QUuid> &))
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto ids = payoutIds(*body);
    if (!ids) {
        return ids.error();
    }
    return Work([ids = std::move(*ids), change](Connection &c, const Principal &p) {
        return change(c, p, ids);
    });
}

Result<Work> approveMany(const Request &request)
{
    return onIds(request, approve);
}

Result<Work> cancelManyRoute(const Request &request)
{
    return onIds(request, cancelMany);
}

Result<Work> recordPaymentRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto payment = offlinePayment(*body);
    if (!payment) {
        return payment.error();
    }
    return Work([id = *id, payment = *payment](Connection &c, const Principal &p) {
        return recordPayment(c, p, id, payment);
    });
}

/// Several payouts paid in one go: {"ids": […], "reference", "paidOn"}, every field checked.
Result<Work> recordPaymentsRoute(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto ids = payoutIds(*body);
    QList<common::FieldError> errors;
    if (!ids) {
        errors = ids.error().fieldErrors;
    }
    const auto payment = offlinePayment(*body, errors);
    if (!payment) {
        return payment.error();
    }
    return Work([ids = std::move(*ids), payment = *payment](Connection &c, const Principal &p) {
        return recordPayments(c, p, ids, payment);
    });
}

// --- Creators ------------------------------------------------------------------------------

Result<Work> readEarnings(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) {
        return earnings(c, p);
    });
}

Result<Work> readPayoutAccount(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) {
        return payoutAccount(c, p);
    });
}

Result<Work> writePayoutAccount(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    static const QRegularExpression account(u"^acct_[A-Za-z0-9]{1,64}$"_s);
    static const QStringList forms{u"W-9"_s, u"W-8BEN"_s, u"W-8BEN-E"_s, u"EU-VAT"_s, u"none"_s};
    QList<common::FieldError> errors;
    PayoutAccountInput input;
    const QJsonValue id = body->value(u"accountId"_s);
    if (!id.isNull() && !id.isUndefined()) {
        input.accountId = id.toString();
        if (!account.match(input.accountId).hasMatch()) {
            errors.append({u"accountId"_s, u"invalid_format"_s,
                    u"Must be the payment provider's connected account id (acct_…)."_s});
        }
    }
    const QJsonValue form = body->value(u"taxForm"_s);
    if (!form.isNull() && !form.isUndefined()) {
        input.taxForm = form.toString();
        if (!forms.contains(input.taxForm)) {
            errors.append({u"taxForm"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(forms.join(u", "_s))});
        }
    }
    const QJsonValue received = body->value(u"taxFormReceivedOn"_s);
    if (!received.isNull() && !received.isUndefined()) {
        const QDate date = QDate::fromString(received.toString(), Qt::ISODate);
        if (!date.isValid() || date > QDate::currentDate().addDays(1)) {
            errors.append({u"taxFormReceivedOn"_s, u"invalid_value"_s,
                    u"Must be a date (YYYY-MM-DD), not in the future."_s});
        } else if (input.taxForm.isEmpty()) {
            errors.append({u"taxForm"_s, u"required"_s, u"Name the form that was received."_s});
        } else {
            input.taxFormReceivedOn = date;
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Work([input](Connection &c, const Principal &p) {
        return setPayoutAccount(c, p, input);
    });
}

// --- Ledger and audit log ------------------------------------------------------------------

Result<Work> listEntries(const Request &request)
{
    EntryQuery query;
    const auto campaign = http::optionalUuidOf(request, u"campaign"_s);
    const auto deal = http::optionalUuidOf(request, u"deal"_s);
    const auto page = http::pageOf(request, Page::Order::OldestFirst);
    if (!campaign || !deal || !page) {
        return !campaign ? campaign.error() : !deal ? deal.error() : page.error();
    }
    if (request.hasQuery(u"account"_s)) {
        bool ok = false;
        const qint64 account = request.queryValue(u"account"_s).toLongLong(&ok);
        if (!ok || account <= 0) {
            return http::invalidParameter(u"account"_s, u"Must be an account id."_s);
        }
        query.account = account;
    }
    query.campaign = *campaign;
    query.deal = *deal;
    query.page = *page;
    return listOrCsv<EntryQuery>(request, query, entries, eachEntry,
            {{u"id"_s, u"id"_s}, {u"at"_s, u"at"_s}, {u"transfer_id"_s, u"transferId"_s},
                    {u"account_id"_s, u"account.id"_s}, {u"account_kind"_s, u"account.kind"_s},
                    {u"campaign_id"_s, u"campaignId"_s}, {u"deal_id"_s, u"dealId"_s},
                    {u"payout_id"_s, u"payoutId"_s}, {u"cause"_s, u"cause"_s},
                    {u"amount"_s, u"amountMinor"_s, Column::Kind::MoneyAmount},
                    {u"balance_after"_s, u"balanceAfterMinor"_s, Column::Kind::MoneyAmount},
                    {u"currency"_s, u"currency"_s}, {u"actor_id"_s, u"actorId"_s}},
            u"ledger-entries.csv"_s);
}

Result<Work> verifyLedger(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) {
        return verify(c, p);
    });
}

Result<Work> listAudit(const Request &request)
{
    AuditQuery query;
    const auto brand = http::optionalUuidOf(request, u"brand"_s);
    const auto since = timeOf(request, u"since"_s);
    const auto until = timeOf(request, u"until"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!brand || !since || !until || !page) {
        return !brand    ? brand.error()
                : !since ? since.error()
                : !until ? until.error()
                         : page.error();
    }
    static const QRegularExpression action(u"^[a-z_]{1,40}(\\.([a-z_]{1,40})?)?$"_s);
    query.action = request.queryValue(u"action"_s);
    if (!query.action.isEmpty() && !action.match(query.action).hasMatch()) {
        return http::invalidParameter(
                u"action"_s, u"Must be an action (payout.paid) or a prefix (payout.)."_s);
    }
    query.brand = *brand;
    query.since = *since;
    query.until = *until;
    query.page = *page;
    return listOrCsv<AuditQuery>(request, query, auditLog, eachAuditEntry,
            {{u"id"_s, u"id"_s}, {u"at"_s, u"at"_s}, {u"actor_id"_s, u"actorId"_s},
                    {u"actor"_s, u"actorName"_s}, {u"brand_id"_s, u"brandId"_s},
                    {u"action"_s, u"action"_s}, {u"object_type"_s, u"objectType"_s},
                    {u"object_id"_s, u"objectId"_s}, {u"before"_s, u"before"_s},
                    {u"after"_s, u"after"_s}},
            u"audit-log.csv"_s);
}

// --- The payment provider's events ---------------------------------------------------------

const db::SqlStatement kSeenEvent(u"INSERT INTO provider_events (id, type) VALUES (:id, :type) "
                                  "ON CONFLICT (id) DO NOTHING RETURNING 1"_s);
const db::SqlStatement kEventKnown(u"SELECT 1 FROM provider_events WHERE id = :id"_s);
const db::SqlStatement kAccountUpdated(
        u"UPDATE payout_accounts SET payouts_enabled = :enabled WHERE account_id = :account"_s);

/// What a verified event says, written down (each action only on the state it is about).
Result<void> applyEvent(Connection &c, const payments::StripeEvent &event)
{
    switch (event.kind) {
    case payments::EventKind::AccountUpdated:
        if (event.payoutsEnabled) {
            auto done = c.run(kAccountUpdated,
                    {{u":enabled"_s, *event.payoutsEnabled}, {u":account"_s, event.objectId}});
            if (!done) {
                return done.error();
            }
            (*done)->finish();
        }
        break;
    case payments::EventKind::TransferCreated: {
        const auto id = common::validation::parseUuid(event.payoutId);
        if (id) {
            if (auto settled = settlement::paid(c, *id, -1, event.objectId); !settled) {
                return settled.error();
            }
        }
        break;
    }
    case payments::EventKind::TransferReversed:
        if (auto settled = settlement::reversed(c, event.objectId); !settled) {
            return settled.error();
        }
        break;
    case payments::EventKind::Other: break;
    }
    return {};
}

/// POST /api/v1/payments/stripe/webhook: the raw body is checked against Stripe-Signature on the
/// HTTP thread, before anything is parsed; each event id is acted on once (Stripe may deliver an
/// event twice), and what it says is written only if the payout is still in the state it is
/// about (Settlement.h).
Result<Work> providerEvent(
        const Request &request, const std::shared_ptr<const payments::PaymentSettings> &settings)
{
    if (!settings->webhooksEnabled()) {
        return Error::unavailable(
                u"Webhook events are not configured (STRIPE_WEBHOOK_SECRET)."_s, 3600);
    }
    const auto check = payments::verifySignature(request.header("stripe-signature"), request.body,
            settings->webhookSecret.toUtf8(), QDateTime::currentSecsSinceEpoch(),
            settings->webhookTolerance);
    if (check != payments::SignatureCheck::Valid) {
        return Error::make(common::ErrorCode::InvalidSignature,
                u"Stripe-Signature: %1."_s.arg(payments::signatureCheckName(check)));
    }
    auto event = payments::parseEvent(request.body);
    if (!event) {
        return event.error();
    }
    return Work([event = std::move(*event)](Connection &c) -> Result<QByteArray> {
        const auto known = c.scalar(kEventKnown, {{u":id"_s, event.id}});
        if (!known) {
            return known.error();
        }
        if (!known->isNull()) {
            return QByteArray(R"({"received":true,"duplicate":true})");
        }
        if (auto acted = applyEvent(c, event); !acted) {
            return acted.error();
        }
        // Recorded after acting: a failure above leaves it unrecorded, and Stripe's redelivery
        // acts again (every action is conditional on the state it changes).
        const auto seen = c.scalar(kSeenEvent, {{u":id"_s, event.id}, {u":type"_s, event.type}});
        if (!seen) {
            return seen.error();
        }
        return QByteArray(R"({"received":true})");
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, const payments::PaymentSettings &payments)
{
    constexpr auto signedIn = Access::SignedIn;
    constexpr auto get = HttpMethod::Get;
    constexpr auto post = HttpMethod::Post;
    constexpr auto idempotent = Idempotency::Honoured;
    http::addRoutes(context,
            {
                    {get, u"/api/v1/campaigns/{id}/budget"_s, signedIn, readBudget},
                    {get, u"/api/v1/payouts"_s, signedIn, listPayoutsRoute},
                    {post, u"/api/v1/payouts/approve"_s, signedIn, approveMany, 200, idempotent},
                    {post, u"/api/v1/payouts/cancel"_s, signedIn, cancelManyRoute, 200, idempotent},
                    {post, u"/api/v1/payouts/record-payment"_s, signedIn, recordPaymentsRoute, 200,
                            idempotent},
                    {post, u"/api/v1/payouts/{id}/approve"_s, signedIn, http::onId(approveOne), 200,
                            idempotent},
                    {post, u"/api/v1/payouts/{id}/record-payment"_s, signedIn, recordPaymentRoute,
                            200, idempotent},
                    {post, u"/api/v1/payouts/{id}/retry"_s, signedIn, http::onId(retry), 200,
                            idempotent},
                    {post, u"/api/v1/payouts/{id}/cancel"_s, signedIn, http::onId(cancel), 200,
                            idempotent},
                    {get, u"/api/v1/me/earnings"_s, signedIn, readEarnings},
                    {get, u"/api/v1/me/payout-account"_s, signedIn, readPayoutAccount},
                    {HttpMethod::Put, u"/api/v1/me/payout-account"_s, signedIn, writePayoutAccount},
                    {get, u"/api/v1/ledger/entries"_s, signedIn, listEntries},
                    {get, u"/api/v1/admin/ledger/verify"_s, signedIn, verifyLedger},
                    {get, u"/api/v1/audit-log"_s, signedIn, listAudit},
                    {post, u"/api/v1/payments/stripe/webhook"_s, Access::Public,
                            http::bind(std::make_shared<const payments::PaymentSettings>(payments),
                                    providerEvent)},
            });
}

} // namespace influence::server::money
