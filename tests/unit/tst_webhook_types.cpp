// SPDX-License-Identifier: Apache-2.0
// Reading what the webhook routes answer (common/WebhookTypes): endpoints and their state, the
// secret told once, deliveries and pages of both; malformed answers are InvalidResponse. The
// event types of the filter, and the addresses the desktop lets through to the server.
#include "common/WebhookTypes.h"
#include "common/WebhooksApi.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

QJsonObject endpointJson()
{
    return {{u"id"_s, u"3f1c2a4e-0000-4000-8000-000000000001"_s},
            {u"brandId"_s, u"3f1c2a4e-0000-4000-8000-000000000002"_s},
            {u"url"_s, u"https://hooks.example.com/in"_s}, {u"description"_s, u"ERP"_s},
            {u"events"_s, QJsonArray{u"deal.offer_accepted"_s, u"webhook.test"_s}},
            {u"enabled"_s, true}, {u"disabledReason"_s, QJsonValue::Null},
            {u"consecutiveFailures"_s, 0}, {u"failingSince"_s, QJsonValue::Null},
            {u"lastSuccessAt"_s, u"2026-12-01T10:00:00.000Z"_s},
            {u"secretRotatedAt"_s, QJsonValue::Null},
            {u"previousSecretExpiresAt"_s, QJsonValue::Null},
            {u"createdAt"_s, u"2026-11-30T09:00:00.000Z"_s},
            {u"updatedAt"_s, u"2026-11-30T09:00:00.000Z"_s}};
}

QJsonObject deliveryJson()
{
    return {{u"id"_s, u"msg_0123456789abcdefABCD"_s},
            {u"endpointId"_s, u"3f1c2a4e-0000-4000-8000-000000000001"_s},
            {u"eventType"_s, u"deal.offer_accepted"_s},
            {u"payload"_s, QJsonObject{{u"type"_s, u"deal.offer_accepted"_s}}},
            {u"status"_s, u"pending"_s}, {u"attempts"_s, 2}, {u"lastStatusCode"_s, 500},
            {u"lastError"_s, u"HTTP 500"_s}, {u"nextAttemptAt"_s, u"2026-12-01T10:05:00.000Z"_s},
            {u"createdAt"_s, u"2026-12-01T10:00:00.000Z"_s}, {u"deliveredAt"_s, QJsonValue::Null}};
}

} // namespace

class TestWebhookTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAnEndpoint()
    {
        const auto endpoint = WebhookEndpoint::fromJson(endpointJson());
        QVERIFY(endpoint);
        QCOMPARE(endpoint->url, u"https://hooks.example.com/in"_s);
        QCOMPARE(endpoint->events, QStringList({u"deal.offer_accepted"_s, u"webhook.test"_s}));
        QVERIFY(endpoint->enabled);
        QCOMPARE(endpoint->lastSuccessAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        QVERIFY(!endpoint->failingSince.isValid());
        QCOMPARE(endpoint->health(), WebhookEndpoint::Health::Healthy);
    }

    void tellsAnEndpointsHealth()
    {
        QJsonObject json = endpointJson();
        json[u"consecutiveFailures"_s] = 3;
        json[u"failingSince"_s] = u"2026-12-01T11:00:00.000Z"_s;
        QCOMPARE(WebhookEndpoint::fromJson(json)->health(), WebhookEndpoint::Health::Failing);
        QVERIFY(WebhookEndpoint::fromJson(json)->failingSince.isValid());
        json[u"enabled"_s] = false;
        json[u"disabledReason"_s] = u"100 failed attempts in a row"_s;
        QCOMPARE(WebhookEndpoint::fromJson(json)->health(),
                WebhookEndpoint::Health::DisabledByFailures);
        json[u"disabledReason"_s] = u"disabled by staff"_s;
        QCOMPARE(WebhookEndpoint::fromJson(json)->health(), WebhookEndpoint::Health::Off);
        json[u"disabledReason"_s] = QJsonValue::Null;
        QCOMPARE(WebhookEndpoint::fromJson(json)->health(), WebhookEndpoint::Health::Off);
    }

    void refusesAnIncompleteEndpoint()
    {
        for (const QString &field : {u"id"_s, u"url"_s, u"events"_s, u"enabled"_s}) {
            QJsonObject json = endpointJson();
            json.remove(field);
            const auto endpoint = WebhookEndpoint::fromJson(json);
            QVERIFY2(!endpoint, qPrintable(field));
            QCOMPARE(endpoint.error().code, ErrorCode::InvalidResponse);
        }
    }

    void readsTheSecretOnlyWhenThere()
    {
        QJsonObject json = endpointJson();
        QVERIFY(!WebhookEndpointSecret::fromJson(json));
        json[u"secret"_s] = u"not-a-secret"_s;
        QCOMPARE(WebhookEndpointSecret::fromJson(json).error().code, ErrorCode::InvalidResponse);
        json[u"secret"_s] = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
        const auto answer = WebhookEndpointSecret::fromJson(json);
        QVERIFY(answer);
        QCOMPARE(answer->secret, u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s);
        QCOMPARE(answer->endpoint.id, endpointJson()[u"id"_s].toString());
    }

    void readsADelivery()
    {
        const auto delivery = WebhookDelivery::fromJson(deliveryJson());
        QVERIFY(delivery);
        QCOMPARE(delivery->status, WebhookDelivery::Status::Pending);
        QCOMPARE(delivery->attempts, 2);
        QCOMPARE(delivery->lastStatusCode, std::optional<int>(500));
        QCOMPARE(delivery->payload[u"type"_s].toString(), u"deal.offer_accepted"_s);
        QVERIFY(delivery->nextAttemptAt.isValid());
        QVERIFY(!delivery->deliveredAt.isValid());

        QJsonObject json = deliveryJson();
        json[u"status"_s] = u"delivered"_s;
        json[u"lastStatusCode"_s] = QJsonValue::Null;
        QCOMPARE(WebhookDelivery::fromJson(json)->status, WebhookDelivery::Status::Delivered);
        QVERIFY(!WebhookDelivery::fromJson(json)->lastStatusCode);
        json[u"status"_s] = u"failed"_s;
        QCOMPARE(WebhookDelivery::fromJson(json)->status, WebhookDelivery::Status::Failed);
    }

    void refusesAnUnknownDeliveryStatus()
    {
        QJsonObject json = deliveryJson();
        json[u"status"_s] = u"lost"_s;
        QCOMPARE(WebhookDelivery::fromJson(json).error().code, ErrorCode::InvalidResponse);
        json = deliveryJson();
        json.remove(u"id"_s);
        QVERIFY(!WebhookDelivery::fromJson(json));
    }

    void readsPages()
    {
        const QJsonObject json{{u"items"_s, QJsonArray{deliveryJson(), deliveryJson()}},
                {u"nextCursor"_s, u"c2"_s}};
        const auto page = WebhookPage<WebhookDelivery>::fromJson(json);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->nextCursor, u"c2"_s);
        const auto last = WebhookPage<WebhookEndpoint>::fromJson(
                {{u"items"_s, QJsonArray{endpointJson()}}, {u"nextCursor"_s, QJsonValue::Null}});
        QVERIFY(last);
        QVERIFY(last->nextCursor.isEmpty());
        QJsonObject broken = deliveryJson();
        broken[u"status"_s] = u"?"_s;
        QVERIFY(!WebhookPage<WebhookDelivery>::fromJson({{u"items"_s, QJsonArray{broken}}}));
        QVERIFY(!WebhookPage<WebhookDelivery>::fromJson({}));
    }

    void namesEventTypesAsTheServerDoes()
    {
        QCOMPARE(webhookEventType(u"offer.accepted"_s), u"deal.offer_accepted"_s);
        QCOMPARE(webhookEventType(u"deliverable.due_soon"_s), u"deal.deliverable_due_soon"_s);
        QCOMPARE(webhookTimelineKind(u"deal.deliverable_due_soon"_s), u"deliverable.due_soon"_s);
        QCOMPARE(webhookTimelineKind(u"deal.deal_started"_s), u"deal.started"_s);
        QVERIFY(webhookTimelineKind(u"webhook.test"_s).isEmpty());
        // Every type matches the server's filter pattern (server/webhooks isEventType).
        const QRegularExpression pattern(u"^(deal\\.[a-z]+(_[a-z]+)*|webhook\\.test)$"_s);
        for (const QString &kind : webhookTimelineKinds()) {
            QVERIFY2(pattern.match(webhookEventType(kind)).hasMatch(), qPrintable(kind));
        }
        QVERIFY(pattern.match(QString(kWebhookTestEvent)).hasMatch());
    }

    void acceptsHttpsAndLocalHttpOnly()
    {
        QVERIFY(isAcceptableWebhookUrl(u"https://hooks.example.com/in"_s));
        QVERIFY(isAcceptableWebhookUrl(u" https://hooks.example.com:8443/in?x=1 "_s));
        QVERIFY(isAcceptableWebhookUrl(u"http://127.0.0.1:4000/hook/a"_s));
        QVERIFY(isAcceptableWebhookUrl(u"http://localhost/hook"_s));
        QVERIFY(isAcceptableWebhookUrl(u"http://[::1]:80/"_s));
        QVERIFY(!isAcceptableWebhookUrl(u"http://hooks.example.com/in"_s));
        QVERIFY(!isAcceptableWebhookUrl(u"ftp://hooks.example.com/in"_s));
        QVERIFY(!isAcceptableWebhookUrl(u"hooks.example.com/in"_s));
        QVERIFY(!isAcceptableWebhookUrl(u"https://"_s));
        QVERIFY(!isAcceptableWebhookUrl(u"https://user:pw@hooks.example.com/"_s));
        QVERIFY(!isAcceptableWebhookUrl({}));
        QVERIFY(!isAcceptableWebhookUrl(u"https://example.com/"_s + QString(2000, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestWebhookTypes)
#include "tst_webhook_types.moc"
