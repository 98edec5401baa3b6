// SPDX-License-Identifier: Apache-2.0
// Route matching: templates, decoding, specificity, HEAD, 405 information.
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/Router.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server::http;

class TestRouter : public QObject
{
    Q_OBJECT

private:
    static Router::Handler named(const QString &)
    {
        return [](const Request &, const Responder &) {};
    }

private Q_SLOTS:
    void matching()
    {
        Router router;
        router.get(u"/"_s, named(u"root"_s));
        router.get(u"/api/v1/influencers/{id}"_s, named(u"one"_s));
        router.get(u"/api/v1/influencers/me"_s, named(u"me"_s));
        router.put(u"/api/v1/influencers/{id}"_s, named(u"put"_s));
        router.get(u"/api/v1/deals/{dealId}/messages/{messageId}"_s, named(u"msg"_s));

        auto m = router.match(HttpMethod::Get, u"/api/v1/influencers/abc");
        QVERIFY(m.route);
        QCOMPARE(m.route->pathTemplate, u"/api/v1/influencers/{id}"_s);
        QCOMPARE(m.params.value(u"id"_s), u"abc"_s);

        // The literal route wins over the placeholder, whatever the registration order.
        m = router.match(HttpMethod::Get, u"/api/v1/influencers/me");
        QVERIFY(m.route);
        QCOMPARE(m.route->pathTemplate, u"/api/v1/influencers/me"_s);

        m = router.match(HttpMethod::Get, u"/api/v1/deals/d1/messages/m%2F2");
        QVERIFY(m.route);
        QCOMPARE(m.params.value(u"dealId"_s), u"d1"_s);
        QCOMPARE(m.params.value(u"messageId"_s), u"m/2"_s); // decoded after splitting

        m = router.match(HttpMethod::Get, u"/");
        QVERIFY(m.route);
        QCOMPARE(m.route->pathTemplate, u"/"_s);
    }

    void headUsesGet()
    {
        Router router;
        router.get(u"/healthz"_s, named(u"h"_s));
        const auto m = router.match(HttpMethod::Head, u"/healthz");
        QVERIFY(m.route);
        QCOMPARE(m.route->method, HttpMethod::Get);
    }

    void noMatch_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << u"/nope"_s;
        QTest::newRow("trailing slash") << u"/api/v1/influencers/abc/"_s;
        QTest::newRow("empty segment") << u"/api/v1/influencers/"_s;
        QTest::newRow("double slash") << u"/api/v1//influencers/x"_s;
        QTest::newRow("longer") << u"/api/v1/influencers/a/b"_s;
        QTest::newRow("case") << u"/API/v1/influencers/a"_s;
        QTest::newRow("no slash") << u"api"_s;
        QTest::newRow("asterisk") << u"*"_s;
    }
    void noMatch()
    {
        QFETCH(QString, path);
        Router router;
        router.get(u"/api/v1/influencers/{id}"_s, named(u"one"_s));
        const auto m = router.match(HttpMethod::Get, path);
        QVERIFY(!m.route);
        QVERIFY(m.allowed.isEmpty());
    }

    void methodNotAllowedListsMethods()
    {
        Router router;
        router.get(u"/x/{id}"_s, named(u"g"_s));
        router.del(u"/x/{id}"_s, named(u"d"_s));
        const auto m = router.match(HttpMethod::Post, u"/x/1");
        QVERIFY(!m.route);
        QCOMPARE(allowHeader(m.allowed), QByteArray("GET, HEAD, DELETE"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
