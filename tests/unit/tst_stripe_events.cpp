// SPDX-License-Identifier: Apache-2.0
// Parsing Stripe webhook events into what the payout flow reads, and refusing malformed ones.
#include "payments/StripeEvents.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server::payments;

namespace {

QByteArray eventBody(const QString &type, const QJsonObject &object)
{
    return QJsonDocument(
            QJsonObject{{u"id"_s, u"evt_1NG8Du2eZvKYlo2CUI79vXWy"_s}, {u"object"_s, u"event"_s},
                    {u"api_version"_s, u"2025-08-27.basil"_s}, {u"created"_s, 1796466529},
                    {u"livemode"_s, false}, {u"type"_s, type},
                    {u"data"_s, QJsonObject{{u"object"_s, object}}}})
            .toJson(QJsonDocument::Compact);
}

QJsonObject transfer()
{
    return {{u"id"_s, u"tr_1MiN3gLkdIwHu7ixNCZvFdgA"_s}, {u"object"_s, u"transfer"_s},
            {u"amount"_s, 192500}, {u"amount_reversed"_s, 0}, {u"currency"_s, u"eur"_s},
            {u"destination"_s, u"acct_1MTfjCQ9PRzxEwkZ"_s},
            {u"metadata"_s,
                    QJsonObject{{u"payout_id"_s, u"0b7c3f8e-5b1a-4c1e-9a59-4a0f3c5d2e11"_s}}},
            {u"reversed"_s, false}, {u"transfer_group"_s, u"deal-42"_s}};
}

} // namespace

class TestStripeEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountUpdated()
    {
        const auto parsed = parseEvent(eventBody(u"account.updated"_s,
                {{u"id"_s, u"acct_1MTfjCQ9PRzxEwkZ"_s}, {u"object"_s, u"account"_s},
                        {u"payouts_enabled"_s, true}, {u"charges_enabled"_s, true}}));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
        QCOMPARE(parsed->kind, EventKind::AccountUpdated);
        QCOMPARE(parsed->id, u"evt_1NG8Du2eZvKYlo2CUI79vXWy"_s);
        QCOMPARE(parsed->created, 1796466529);
        QCOMPARE(parsed->objectId, u"acct_1MTfjCQ9PRzxEwkZ"_s);
        QCOMPARE(parsed->payoutsEnabled, std::optional<bool>(true));
    }

    void transferEvents()
    {
        const auto created = parseEvent(eventBody(u"transfer.created"_s, transfer()));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().detail));
        QCOMPARE(created->kind, EventKind::TransferCreated);
        QCOMPARE(created->objectId, u"tr_1MiN3gLkdIwHu7ixNCZvFdgA"_s);
        QCOMPARE(created->payoutId, u"0b7c3f8e-5b1a-4c1e-9a59-4a0f3c5d2e11"_s);
        QCOMPARE(created->amountMinor, 192500);
        QCOMPARE(created->currency, u"EUR"_s);
        QCOMPARE(created->destination, u"acct_1MTfjCQ9PRzxEwkZ"_s);
        QCOMPARE(created->transferGroup, u"deal-42"_s);
        QVERIFY(!created->reversed);

        QJsonObject reversedObject = transfer();
        reversedObject[u"reversed"_s] = true;
        reversedObject[u"amount_reversed"_s] = 192500;
        const auto reversed = parseEvent(eventBody(u"transfer.reversed"_s, reversedObject));
        QVERIFY2(reversed, qPrintable(reversed ? QString() : reversed.error().detail));
        QCOMPARE(reversed->kind, EventKind::TransferReversed);
        QVERIFY(reversed->reversed);
        QCOMPARE(reversed->amountReversedMinor, 192500);

        // A transfer made elsewhere carries no payout id.
        QJsonObject foreign = transfer();
        foreign.remove(u"metadata"_s);
        const auto other = parseEvent(eventBody(u"transfer.created"_s, foreign));
        QVERIFY(other);
        QVERIFY(other->payoutId.isEmpty());
    }

    void otherTypesAreParsedGenerically()
    {
        const auto parsed = parseEvent(eventBody(u"payout.paid"_s,
                {{u"id"_s, u"po_1"_s}, {u"object"_s, u"payout"_s}, {u"amount"_s, u"odd"_s}}));
        QVERIFY(parsed);
        QCOMPARE(parsed->kind, EventKind::Other);
        QCOMPARE(parsed->type, u"payout.paid"_s);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        const auto withTransfer = [](const QString &key, const QJsonValue &value) {
            QJsonObject object = transfer();
            if (value.isUndefined()) {
                object.remove(key);
            } else {
                object[key] = value;
            }
            return eventBody(u"transfer.created"_s, object);
        };
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{\"id\":");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no id") << QByteArray(
                R"({"type":"x","created":1,"data":{"object":{"id":"a"}}})");
        QTest::newRow("id not evt_") << QByteArray(
                R"({"id":"ev_1","type":"x","created":1,"data":{"object":{"id":"a"}}})");
        QTest::newRow("no type") << QByteArray(
                R"({"id":"evt_1","created":1,"data":{"object":{"id":"a"}}})");
        QTest::newRow("created a string") << QByteArray(
                R"({"id":"evt_1","type":"x","created":"1","data":{"object":{"id":"a"}}})");
        QTest::newRow("created fractional") << QByteArray(
                R"({"id":"evt_1","type":"x","created":1.5,"data":{"object":{"id":"a"}}})");
        QTest::newRow("no data") << QByteArray(R"({"id":"evt_1","type":"x","created":1})");
        QTest::newRow("account without payouts_enabled")
                << eventBody(u"account.updated"_s, {{u"id"_s, u"acct_1"_s}});
        QTest::newRow("account payouts_enabled a string") << eventBody(
                u"account.updated"_s, {{u"id"_s, u"acct_1"_s}, {u"payouts_enabled"_s, u"true"_s}});
        QTest::newRow("account id not acct_") << eventBody(
                u"account.updated"_s, {{u"id"_s, u"tr_1"_s}, {u"payouts_enabled"_s, true}});
        QTest::newRow("transfer amount missing")
                << withTransfer(u"amount"_s, QJsonValue::Undefined);
        QTest::newRow("transfer amount negative") << withTransfer(u"amount"_s, -5);
        QTest::newRow("transfer amount huge") << withTransfer(u"amount"_s, 1e300);
        QTest::newRow("transfer amount a string") << withTransfer(u"amount"_s, u"100"_s);
        QTest::newRow("transfer currency") << withTransfer(u"currency"_s, u"euro"_s);
        QTest::newRow("transfer not a transfer") << withTransfer(u"object"_s, u"charge"_s);
        QTest::newRow("transfer metadata a string") << withTransfer(u"metadata"_s, u"x"_s);
        QTest::newRow("transfer payout id a number")
                << withTransfer(u"metadata"_s, QJsonObject{{u"payout_id"_s, 5}});
        QTest::newRow("transfer id not tr_") << withTransfer(u"id"_s, u"py_1"_s);
        QTest::newRow("too large") << QByteArray(kMaxEventBytes + 1, ' ');
    }

    void malformed()
    {
        QFETCH(QByteArray, body);
        const auto parsed = parseEvent(body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, influence::common::ErrorCode::BadRequest);
        QVERIFY(parsed.error().detail.startsWith(u"malformed Stripe event"_s));
    }
};

QTEST_GUILESS_MAIN(TestStripeEvents)
#include "tst_stripe_events.moc"
