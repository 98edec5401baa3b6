// SPDX-License-Identifier: Apache-2.0
// The webhook pieces that need no server: which addresses count as public (the SSRF rule), which
// endpoint URLs parse, and the Standard Webhooks signature against the specification's example
// (the value the standardwebhooks libraries compute for it), and the pin of a delivery to the
// addresses that were checked.
#include "webhooks/CurlPost.h"
#include "webhooks/Delivery.h"
#include "webhooks/Targets.h"
#include "webhooks/Webhooks.h"

#include <QTcpServer>
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

    /// What a delivery connects to: the addresses resolved once and checked, and libcurl's pin
    /// of the host to exactly those, so it never resolves the name again.
    void deliveriesArePinnedToCheckedAddresses()
    {
        const QList<QHostAddress> two{
                QHostAddress(u"93.184.216.34"_s), QHostAddress(u"2606:2800:220:1::1"_s)};
        QCOMPARE(curlResolveEntry(QUrl(u"https://Hooks.Example.com/in?x=1"_s), two),
                QByteArray("hooks.example.com:443:93.184.216.34,[2606:2800:220:1::1]"));
        QCOMPARE(curlResolveEntry(QUrl(u"http://hooks.example.com:8080/in"_s), two.first(1)),
                QByteArray("hooks.example.com:8080:93.184.216.34"));
        // An address as host needs no pin (libcurl does not resolve it), and nothing pins to
        // nothing.
        QVERIFY(curlResolveEntry(QUrl(u"https://93.184.216.34/"_s), two.first(1)).isEmpty());
        QVERIFY(curlResolveEntry(QUrl(u"https://hooks.example.com/"_s), {}).isEmpty());

        const auto literal = resolveTarget(QUrl(u"https://93.184.216.34/in"_s), false);
        QVERIFY(literal);
        QCOMPARE(*literal, two.first(1));
        // localhost resolves, and is refused unless local targets are allowed: then its
        // addresses are pinned as any other's.
        const auto refused = resolveTarget(QUrl(u"https://localhost:9/in"_s), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().codeName(), u"webhook_target_refused"_s);
        const auto local = resolveTarget(QUrl(u"http://localhost:9/in"_s), true);
        QVERIFY(local);
        QVERIFY(!local->isEmpty());
        for (const QHostAddress &address : *local) {
            QVERIFY2(address.isLoopback(), qPrintable(address.toString()));
        }
        QVERIFY(curlResolveEntry(QUrl(u"http://localhost:9/in"_s), *local)
                        .startsWith("localhost:9:"));
        QVERIFY(!resolveTarget(QUrl(u"https://no-such-host.invalid/"_s), true));
    }

    /// libcurl goes to the pinned address for a name it could not resolve itself, and opens no
    /// connection to an address that was not checked.
    void curlConnectsOnlyToPinnedAddresses()
    {
        QTcpServer listener; // the kernel accepts into the backlog: no event loop needed
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const auto port = listener.serverPort();
        const QList<std::pair<QByteArray, QByteArray>> headers{{"webhook-id", "msg_1"}};
        const std::chrono::milliseconds timeout(300);

        const QUrl named(u"http://pinned.invalid:%1/hook"_s.arg(port));
        const Outcome pinned =
                postPinned(named, {QHostAddress(QHostAddress::LocalHost)}, headers, "{}", timeout);
        QVERIFY2(
                pinned.error.contains(u"did not answer within 300 ms"_s), qPrintable(pinned.error));
        QVERIFY(listener.waitForNewConnection(1000));
        delete listener.nextPendingConnection();

        const QUrl literal(u"http://127.0.0.1:%1/hook"_s.arg(port));
        const Outcome unchecked =
                postPinned(literal, {QHostAddress(u"127.0.0.2"_s)}, headers, "{}", timeout);
        QCOMPARE(unchecked.status, 0);
        QVERIFY2(unchecked.error.contains(u"not a checked address"_s), qPrintable(unchecked.error));
        QVERIFY(!listener.waitForNewConnection(300));
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
