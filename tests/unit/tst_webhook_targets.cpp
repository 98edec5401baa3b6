// SPDX-License-Identifier: Apache-2.0
// The webhook pieces that need no server: which addresses count as public (the SSRF rule), which
// endpoint URLs parse, and the Standard Webhooks signature against the specification's example
// (the value the standardwebhooks libraries compute for it).
#include "webhooks/Delivery.h"
#include "webhooks/Targets.h"
#include "webhooks/Webhooks.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server::webhooks;

class TestWebhookTargets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publicAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("isPublic");
        for (const char *address : {"127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.5.4",
                     "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1",
                     "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.1",
                     "198.18.0.1", "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
                     "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2001:db8::1"}) {
            QTest::newRow(address) << QString::fromLatin1(address) << false;
        }
        for (const char *address : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1",
                     "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"}) {
            QTest::newRow(address) << QString::fromLatin1(address) << true;
        }
    }
    void publicAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, isPublic);
        const QHostAddress parsed(address);
        QVERIFY(!parsed.isNull());
        QCOMPARE(isPublicAddress(parsed), isPublic);
    }

    void urls()
    {
        QVERIFY(parseTargetUrl(u"https://hooks.example.com/in?x=1"_s, false));
        QVERIFY(!parseTargetUrl(u"http://hooks.example.com/in"_s, false));
        QVERIFY(parseTargetUrl(u"http://127.0.0.1:8080/in"_s, true));
        for (const QString &bad : {u""_s, u"hooks.example.com"_s, u"ftp://example.com/"_s,
                     u"https://user:pw@example.com/"_s, u"https://example.com/#frag"_s,
                     u"https:///nohost"_s,
                     QString(u"https://example.com/"_s + QString(2000, u'a'))}) {
            const auto parsed = parseTargetUrl(bad, true);
            QVERIFY2(!parsed, qPrintable(bad));
            QCOMPARE(parsed.error().codeName(), u"invalid_webhook_url"_s);
        }
        // Literal addresses are refused without a lookup; allowed when local targets are.
        const auto refused = checkTarget(QUrl(u"https://[::1]/"_s), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().codeName(), u"webhook_target_refused"_s);
        QVERIFY(checkTarget(QUrl(u"https://[::1]/"_s), true));
        QVERIFY(checkTarget(QUrl(u"https://93.184.216.34/"_s), false));
    }

    void eventTypes()
    {
        QVERIFY(isEventType(u"deal.offer_accepted"_s));
        QVERIFY(isEventType(u"webhook.test"_s));
        QVERIFY(!isEventType(u"deal."_s));
        QVERIFY(!isEventType(u"offer.accepted"_s));
        QVERIFY(!isEventType(u"deal.Offer"_s));
        QVERIFY(!isEventType(u"deal.a,b"_s));
    }

    void signatureMatchesTheSpecification()
    {
        const QByteArray key = QByteArray::fromBase64("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QCOMPARE(signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                         R"({"test": 2432232314})"),
                QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }
};

QTEST_GUILESS_MAIN(TestWebhookTargets)
#include "tst_webhook_targets.moc"
