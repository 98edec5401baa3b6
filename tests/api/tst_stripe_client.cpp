// SPDX-License-Identifier: Apache-2.0
// StripeClient against the local Stripe Connect peer (tests/peers/payments): a transfer, its
// replay under the same Idempotency-Key (exactly one transfer at the provider), a new attempt,
// the definite failures (insufficient balance, an account that cannot receive transfers, a
// wrong secret key) and the unknown outcomes (500, no answer, a late, broken or missing answer)
// that a retry with the same key settles; then webhook events signed by the stripe package,
// received over HTTP, verified and parsed.
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "core/net/HttpFetcher.h"
#include "payments/StripeClient.h"
#include "payments/StripeEvents.h"
#include "payments/StripeSignature.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server::payments;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;

namespace {

const QString kSecretKey = u"sk_test_influence_client_4eC39HqLyjWDarjtT1zdp7dc"_s;
const QString kWebhookSecret = u"whsec_test_client_Hq8hNQ5mA2kq0qkXv3S7"_s;
const QString kAccount = u"acct_1CreatorReady"_s;

/// Waits for a callback's value (tests may spin the event loop; the server never does).
template<class T>
std::optional<T> await(const std::function<void(std::function<void(T)>)> &call)
{
    auto result = std::make_shared<std::optional<T>>();
    call([result](T value) {
        *result = std::move(value);
    });
    // Empty on timeout; the callers say what they waited for.
    if (!QTest::qWaitFor(
                [&] {
                    return result->has_value();
                },
                30'000)) {
        return std::nullopt;
    }
    return *result;
}

QString describe(const TransferOutcome &outcome)
{
    if (const auto *ok = std::get_if<TransferSucceeded>(&outcome)) {
        return u"succeeded "_s + ok->transferId;
    }
    if (const auto *declined = std::get_if<TransferDeclined>(&outcome)) {
        return u"declined %1 %2: %3"_s.arg(declined->httpStatus)
                .arg(declined->code, declined->message);
    }
    return u"unknown: "_s + std::get<TransferUnknown>(outcome).reason;
}

} // namespace

class TestStripeClient : public QObject
{
    Q_OBJECT

private:
    NodePeer m_peer;
    std::unique_ptr<HttpTestClient> m_control;

    PaymentSettings settings(std::chrono::milliseconds timeout = std::chrono::seconds(10)) const
    {
        PaymentSettings s;
        s.apiUrl = m_peer.url().toString();
        s.secretKey = kSecretKey;
        s.webhookSecret = kWebhookSecret;
        s.fetch.timeout = timeout;
        return s;
    }

    static TransferRequest request(const QString &payoutId, int attempt = 1)
    {
        return {payoutId, attempt, 192'500, u"EUR"_s, kAccount, u"deal-7d1c"_s};
    }

    static TransferOutcome send(StripeClient &client, const TransferRequest &request)
    {
        const auto outcome = await<TransferOutcome>([&](std::function<void(TransferOutcome)> done) {
            client.createTransfer(request, std::move(done));
        });
        return outcome.value_or(TransferUnknown{u"the test gave up waiting"_s});
    }

    QJsonArray transfers() const
    {
        return m_control->get(u"/control/transfers"_s).json().value(u"transfers"_s).toArray();
    }

    void queue(const QString &mode, int delayMs = 0)
    {
        const HttpReply reply = m_control->postJson(
                u"/control/next"_s, {{u"mode"_s, mode}, {u"delayMs"_s, delayMs}});
        QCOMPARE(reply.status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = QFINDTESTDATA("peers/payments");
        QVERIFY2(m_peer.start(dir, u"peer.mjs"_s, {u"0"_s, kWebhookSecret, kSecretKey}),
                qPrintable(m_peer.why()));
        m_control = std::make_unique<HttpTestClient>(m_peer.url());
    }

    void init() { QCOMPARE(m_control->postJson(u"/control/reset"_s, {}).status, 200); }

    void idempotencyKeyFormat()
    {
        QCOMPARE(transferIdempotencyKey(u"0b7c"_s, 1), u"payout-0b7c-1"_s);
        QCOMPARE(transferIdempotencyKey(u"0b7c"_s, 3), u"payout-0b7c-3"_s);
    }

    void classification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QByteArray transfer = R"({"id":"tr_1Abc","object":"transfer","amount":1})";
        const QByteArray declined =
                R"({"error":{"type":"invalid_request_error","code":"balance_insufficient","message":"m"}})";
        QTest::newRow("200 transfer") << 200 << transfer << u"succeeded"_s;
        QTest::newRow("200 garbage") << 200 << QByteArray("<html>") << u"unknown"_s;
        QTest::newRow("200 other object")
                << 200 << QByteArray(R"({"id":"tr_1","object":"charge"})") << u"unknown"_s;
        QTest::newRow("400 stripe error") << 400 << declined << u"declined"_s;
        QTest::newRow("402 stripe error") << 402 << declined << u"declined"_s;
        QTest::newRow("404 not stripe") << 404 << QByteArray("Not Found") << u"unknown"_s;
        QTest::newRow("409 key in use") << 409
                                        << QByteArray(R"({"error":{"type":"idempotency_error",)"
                                                      R"("code":"idempotency_key_in_use"}})")
                                        << u"unknown"_s;
        QTest::newRow("400 idempotency error")
                << 400 << QByteArray(R"({"error":{"type":"idempotency_error","message":"m"}})")
                << u"unknown"_s;
        QTest::newRow("429 rate limit") << 429 << declined << u"unknown"_s;
        QTest::newRow("500") << 500 << QByteArray(R"({"error":{"type":"api_error"}})")
                             << u"unknown"_s;
        QTest::newRow("503 empty") << 503 << QByteArray() << u"unknown"_s;
        QTest::newRow("302") << 302 << QByteArray() << u"unknown"_s;
    }

    void classification()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const TransferOutcome outcome = classifyTransferAnswer({status, body, {}});
        QVERIFY2(describe(outcome).startsWith(expected), qPrintable(describe(outcome)));
    }

    void transferSucceeds()
    {
        StripeClient client(settings());
        const TransferOutcome outcome = send(client, request(u"p-ok"_s));
        const auto *ok = std::get_if<TransferSucceeded>(&outcome);
        QVERIFY2(ok, qPrintable(describe(outcome)));
        QVERIFY(ok->transferId.startsWith(u"tr_"_s));
        QVERIFY(!ok->replayed);
        const QJsonArray created = transfers();
        QCOMPARE(created.size(), 1);
        const QJsonObject transfer = created.at(0).toObject();
        QCOMPARE(transfer.value(u"id"_s).toString(), ok->transferId);
        QCOMPARE(transfer.value(u"idempotency_key"_s).toString(), u"payout-p-ok-1"_s);
        QCOMPARE(transfer.value(u"amount"_s).toInteger(), 192'500);
        QCOMPARE(transfer.value(u"currency"_s).toString(), u"eur"_s);
        QCOMPARE(transfer.value(u"destination"_s).toString(), kAccount);
        QCOMPARE(transfer.value(u"transfer_group"_s).toString(), u"deal-7d1c"_s);
        QCOMPARE(transfer.value(u"metadata"_s).toObject().value(u"payout_id"_s).toString(),
                u"p-ok"_s);
    }

    void sameKeyReplaysOneTransfer()
    {
        StripeClient client(settings());
        const TransferOutcome first = send(client, request(u"p-replay"_s));
        const TransferOutcome second = send(client, request(u"p-replay"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(first), qPrintable(describe(first)));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(second), qPrintable(describe(second)));
        QCOMPARE(std::get<TransferSucceeded>(second).transferId,
                std::get<TransferSucceeded>(first).transferId);
        QVERIFY(std::get<TransferSucceeded>(second).replayed);
        QCOMPARE(transfers().size(), 1);

        // A new attempt is a new key, and so a new transfer.
        const TransferOutcome again = send(client, request(u"p-replay"_s, 2));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(again), qPrintable(describe(again)));
        QVERIFY(std::get<TransferSucceeded>(again).transferId
                != std::get<TransferSucceeded>(first).transferId);
        QCOMPARE(transfers().size(), 2);
        QCOMPARE(transfers().at(1).toObject().value(u"idempotency_key"_s).toString(),
                u"payout-p-replay-2"_s);
    }

    void sameKeyOtherParametersIsNotADecline()
    {
        StripeClient client(settings());
        QVERIFY(std::holds_alternative<TransferSucceeded>(send(client, request(u"p-param"_s))));
        TransferRequest changed = request(u"p-param"_s);
        changed.amountMinor += 1;
        // The first request under this key created a transfer: a new attempt could pay twice.
        const TransferOutcome outcome = send(client, changed);
        QVERIFY2(std::holds_alternative<TransferUnknown>(outcome), qPrintable(describe(outcome)));
        QCOMPARE(transfers().size(), 1);
    }

    void insufficientBalanceIsDeclined()
    {
        StripeClient client(settings());
        queue(u"balance_insufficient"_s);
        const TransferOutcome outcome = send(client, request(u"p-balance"_s));
        const auto *declined = std::get_if<TransferDeclined>(&outcome);
        QVERIFY2(declined, qPrintable(describe(outcome)));
        QCOMPARE(declined->httpStatus, 400);
        QCOMPARE(declined->code, u"balance_insufficient"_s);
        QVERIFY(declined->message.contains(u"insufficient"_s));
        QCOMPARE(transfers().size(), 0);
        // Stripe stores the failure under the key: the same key gets it again.
        const TransferOutcome replay = send(client, request(u"p-balance"_s));
        QVERIFY2(std::holds_alternative<TransferDeclined>(replay), qPrintable(describe(replay)));
        QCOMPARE(transfers().size(), 0);
    }

    void accountNotReadyIsDeclined()
    {
        StripeClient client(settings());
        queue(u"account_invalid"_s);
        TransferOutcome outcome = send(client, request(u"p-account"_s));
        auto *declined = std::get_if<TransferDeclined>(&outcome);
        QVERIFY2(declined, qPrintable(describe(outcome)));
        QCOMPARE(declined->code, u"account_invalid"_s);

        // The same through the account's state at the provider.
        const QJsonObject account{{u"id"_s, u"acct_1NotReady"_s}, {u"payoutsEnabled"_s, false},
                {u"transfersActive"_s, false}};
        QCOMPARE(m_control->postJson(u"/control/accounts"_s, account).status, 200);
        TransferRequest toUnready = request(u"p-unready"_s);
        toUnready.destinationAccount = u"acct_1NotReady"_s;
        outcome = send(client, toUnready);
        declined = std::get_if<TransferDeclined>(&outcome);
        QVERIFY2(declined, qPrintable(describe(outcome)));
        QCOMPARE(declined->httpStatus, 400);
        QCOMPARE(declined->code, u"account_invalid"_s);
        QCOMPARE(transfers().size(), 0);
    }

    void serverErrorIsUnknownAndRetrySettlesIt()
    {
        StripeClient client(settings());
        queue(u"server_error"_s);
        const TransferOutcome outcome = send(client, request(u"p-500"_s));
        QVERIFY2(std::holds_alternative<TransferUnknown>(outcome), qPrintable(describe(outcome)));
        const TransferOutcome retry = send(client, request(u"p-500"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(retry), qPrintable(describe(retry)));
        QCOMPARE(transfers().size(), 1);
    }

    void noAnswerIsUnknown()
    {
        StripeClient client(settings(std::chrono::milliseconds(800)));
        queue(u"hang"_s);
        const TransferOutcome outcome = send(client, request(u"p-hang"_s));
        const auto *unknown = std::get_if<TransferUnknown>(&outcome);
        QVERIFY2(unknown, qPrintable(describe(outcome)));
        QVERIFY2(unknown->reason.contains(u"did not answer"_s), qPrintable(unknown->reason));
        QVERIFY(!unknown->reason.contains(kSecretKey));
        QCOMPARE(transfers().size(), 0);
        const TransferOutcome retry = send(client, request(u"p-hang"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(retry), qPrintable(describe(retry)));
        QCOMPARE(transfers().size(), 1);
    }

    void lateAnswerIsUnknownAndTheRetryFindsTheTransfer()
    {
        StripeClient client(settings(std::chrono::milliseconds(800)));
        queue(u"delay"_s, 2500);
        const TransferOutcome outcome = send(client, request(u"p-late"_s));
        QVERIFY2(std::holds_alternative<TransferUnknown>(outcome), qPrintable(describe(outcome)));
        // The provider did it: the retry must find that transfer, not make another.
        QCOMPARE(transfers().size(), 1);
        const QString madeId = transfers().at(0).toObject().value(u"id"_s).toString();
        const TransferOutcome retry = send(client, request(u"p-late"_s));
        const auto *ok = std::get_if<TransferSucceeded>(&retry);
        QVERIFY2(ok, qPrintable(describe(retry)));
        QCOMPARE(ok->transferId, madeId);
        QVERIFY(ok->replayed);
        QCOMPARE(transfers().size(), 1);
    }

    void brokenAnswerIsUnknownAndTheRetryFindsTheTransfer()
    {
        StripeClient client(settings());
        // The provider made the transfer; its answer breaks off after a few bytes.
        queue(u"drop"_s);
        const TransferOutcome outcome = send(client, request(u"p-drop"_s));
        QVERIFY2(std::holds_alternative<TransferUnknown>(outcome), qPrintable(describe(outcome)));
        QVERIFY2(std::get<TransferUnknown>(outcome).reason.contains(u"broke off"_s),
                qPrintable(describe(outcome)));
        QCOMPARE(transfers().size(), 1);
        const QString madeId = transfers().at(0).toObject().value(u"id"_s).toString();
        const TransferOutcome retry = send(client, request(u"p-drop"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(retry), qPrintable(describe(retry)));
        QCOMPARE(std::get<TransferSucceeded>(retry).transferId, madeId);
        QVERIFY(std::get<TransferSucceeded>(retry).replayed);
        QCOMPARE(transfers().size(), 1);
    }

    void closedConnectionIsSettledByTheSameKey()
    {
        StripeClient client(settings());
        queue(u"close"_s);
        // The provider made the transfer and closed the connection without a byte. Qt's HTTP
        // stack sends a request again by itself when a connection closes before any answer
        // (POST included), so this may already come back replayed: the Idempotency-Key is what
        // makes that resend, and ours, safe.
        const TransferOutcome outcome = send(client, request(u"p-close"_s));
        QCOMPARE(transfers().size(), 1);
        const QString madeId = transfers().at(0).toObject().value(u"id"_s).toString();
        if (const auto *ok = std::get_if<TransferSucceeded>(&outcome)) {
            QCOMPARE(ok->transferId, madeId);
            QVERIFY(ok->replayed);
        } else {
            QVERIFY2(std::holds_alternative<TransferUnknown>(outcome),
                    qPrintable(describe(outcome)));
        }
        const TransferOutcome retry = send(client, request(u"p-close"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(retry), qPrintable(describe(retry)));
        QCOMPARE(std::get<TransferSucceeded>(retry).transferId, madeId);
        QCOMPARE(transfers().size(), 1);
    }

    void wrongSecretKeyIsDeclined()
    {
        PaymentSettings wrong = settings();
        wrong.secretKey = u"sk_test_not_the_right_one"_s;
        StripeClient client(wrong);
        const TransferOutcome outcome = send(client, request(u"p-auth"_s));
        const auto *declined = std::get_if<TransferDeclined>(&outcome);
        QVERIFY2(declined, qPrintable(describe(outcome)));
        QCOMPARE(declined->httpStatus, 401);
        QCOMPARE(declined->code, u"invalid_request_error"_s);
        QCOMPARE(transfers().size(), 0);
    }

    void refusedBeforeSending()
    {
        PaymentSettings none = settings();
        none.secretKey.clear();
        StripeClient unconfigured(none);
        TransferOutcome outcome = send(unconfigured, request(u"p-none"_s));
        QVERIFY2(std::holds_alternative<TransferDeclined>(outcome), qPrintable(describe(outcome)));
        QCOMPARE(std::get<TransferDeclined>(outcome).code, u"provider_not_configured"_s);
        QCOMPARE(std::get<TransferDeclined>(outcome).httpStatus, 0);

        StripeClient client(settings());
        for (const TransferRequest &bad : {request(u""_s), request(u"p"_s, 0)}) {
            outcome = send(client, bad);
            QCOMPARE(std::get<TransferDeclined>(outcome).code, u"invalid_transfer_request"_s);
        }
        TransferRequest bad = request(u"p"_s);
        bad.amountMinor = 0;
        QVERIFY(std::holds_alternative<TransferDeclined>(send(client, bad)));
        bad = request(u"p"_s);
        bad.destinationAccount = u"cus_123"_s;
        QVERIFY(std::holds_alternative<TransferDeclined>(send(client, bad)));
        bad = request(u"p"_s);
        bad.currency = u"EURO"_s;
        QVERIFY(std::holds_alternative<TransferDeclined>(send(client, bad)));
        QCOMPARE(transfers().size(), 0);
    }

    void unreachableProviderIsUnknown()
    {
        PaymentSettings nowhere = settings(std::chrono::seconds(5));
        nowhere.apiUrl = u"http://127.0.0.1:%1"_s.arg(influence::tests::freeLocalPort());
        StripeClient client(nowhere);
        const TransferOutcome outcome = send(client, request(u"p-nowhere"_s));
        QVERIFY2(std::holds_alternative<TransferUnknown>(outcome), qPrintable(describe(outcome)));
    }

    void shutdownEndsTransfersInFlight()
    {
        StripeClient client(settings());
        queue(u"hang"_s);
        auto result = std::make_shared<std::optional<TransferOutcome>>();
        client.createTransfer(request(u"p-shutdown"_s), [result](TransferOutcome o) {
            *result = std::move(o);
        });
        QTest::qWait(200);
        client.shutdown();
        QTRY_VERIFY(result->has_value());
        QVERIFY(std::holds_alternative<TransferUnknown>(**result));
    }

    void retrievesAccounts()
    {
        StripeClient client(settings());
        QCOMPARE(m_control
                         ->postJson(u"/control/accounts"_s,
                                 {{u"id"_s, u"acct_1Pending"_s}, {u"payoutsEnabled"_s, false},
                                         {u"transfersActive"_s, true}})
                         .status,
                200);
        using AccountResult = influence::common::Result<ConnectedAccount>;
        const auto call = [&client](const QString &id) {
            return await<AccountResult>([&client, id](std::function<void(AccountResult)> done) {
                client.retrieveAccount(id, std::move(done));
            });
        };
        const auto pending = call(u"acct_1Pending"_s);
        QVERIFY(pending && *pending);
        QCOMPARE((*pending)->id, u"acct_1Pending"_s);
        QVERIFY(!(*pending)->payoutsEnabled);
        QVERIFY((*pending)->transfersActive);
        const auto ready = call(kAccount);
        QVERIFY(ready && *ready);
        QVERIFY((*ready)->payoutsEnabled);
        const auto invalid = call(u"not-an-account"_s);
        QVERIFY(invalid && !*invalid);
    }

    void webhookEventsAreVerifiedAndParsed()
    {
        StripeClient client(settings());
        const TransferOutcome made = send(client, request(u"p-hook"_s));
        QVERIFY2(std::holds_alternative<TransferSucceeded>(made), qPrintable(describe(made)));
        const QString transferId = std::get<TransferSucceeded>(made).transferId;

        // A webhook endpoint as the route will be: raw body and header, verify, then parse.
        struct Received
        {
            SignatureCheck check = SignatureCheck::MissingHeader;
            std::optional<StripeEvent> event;
        };
        QList<Received> received;
        QHttpServer hooks;
        hooks.route(u"/hook"_s, QHttpServerRequest::Method::Post,
                [&received](const QHttpServerRequest &request) {
                    Received r;
                    r.check = verifySignature(request.value("Stripe-Signature"), request.body(),
                            kWebhookSecret.toUtf8(), QDateTime::currentSecsSinceEpoch());
                    if (r.check == SignatureCheck::Valid) {
                        if (auto parsed = parseEvent(request.body())) {
                            r.event = *parsed;
                        }
                    }
                    const bool accepted = r.check == SignatureCheck::Valid && r.event;
                    received.append(r);
                    return QHttpServerResponse(accepted
                                    ? QHttpServerResponse::StatusCode::Ok
                                    : QHttpServerResponse::StatusCode::BadRequest);
                });
        const quint16 port = hooks.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        const QString url = u"http://127.0.0.1:%1/hook"_s.arg(port);
        const auto sendEvent = [&](QJsonObject command) {
            command[u"url"_s] = url;
            return m_control->postJson(u"/control/send-event"_s, command);
        };

        HttpReply reply = sendEvent({{u"type"_s, u"account.updated"_s}, {u"account"_s, kAccount},
                {u"payoutsEnabled"_s, false}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toInt(), 200);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received[0].check, SignatureCheck::Valid);
        QCOMPARE(received[0].event->kind, EventKind::AccountUpdated);
        QCOMPARE(received[0].event->objectId, kAccount);
        QCOMPARE(received[0].event->payoutsEnabled, std::optional<bool>(false));
        QCOMPARE(received[0].event->id,
                reply.json().value(u"event"_s).toObject().value(u"id"_s).toString());

        reply = sendEvent({{u"type"_s, u"transfer.created"_s}, {u"transfer"_s, transferId}});
        QCOMPARE(reply.json().value(u"status"_s).toInt(), 200);
        QCOMPARE(received.size(), 2);
        QCOMPARE(received[1].event->kind, EventKind::TransferCreated);
        QCOMPARE(received[1].event->objectId, transferId);
        QCOMPARE(received[1].event->payoutId, u"p-hook"_s);
        QCOMPARE(received[1].event->amountMinor, 192'500);
        QCOMPARE(received[1].event->currency, u"EUR"_s);

        reply = sendEvent({{u"type"_s, u"transfer.reversed"_s}, {u"transfer"_s, transferId}});
        QCOMPARE(reply.json().value(u"status"_s).toInt(), 200);
        QCOMPARE(received[2].event->kind, EventKind::TransferReversed);
        QVERIFY(received[2].event->reversed);
        QCOMPARE(received[2].event->amountReversedMinor, 192'500);

        // Signed with another secret, or long ago: refused.
        reply = sendEvent({{u"type"_s, u"transfer.created"_s}, {u"transfer"_s, transferId},
                {u"secret"_s, u"whsec_an_attacker_guess"_s}});
        QCOMPARE(reply.json().value(u"status"_s).toInt(), 400);
        QCOMPARE(received[3].check, SignatureCheck::Mismatch);
        reply = sendEvent({{u"type"_s, u"transfer.created"_s}, {u"transfer"_s, transferId},
                {u"timestamp"_s, QDateTime::currentSecsSinceEpoch() - 600}});
        QCOMPARE(reply.json().value(u"status"_s).toInt(), 400);
        QCOMPARE(received[4].check, SignatureCheck::TimestampOutsideTolerance);
    }
};

QTEST_GUILESS_MAIN(TestStripeClient)
#include "tst_stripe_client.moc"
