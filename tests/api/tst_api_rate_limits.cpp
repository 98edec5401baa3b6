// SPDX-License-Identifier: Apache-2.0
// Request budgets beyond sign-in (RATE_LIMIT_WRITES_PER_MINUTE, RATE_LIMIT_EXPENSIVE_PER_MINUTE):
// per user, or per client address when signed out; 429 with RateLimit, RateLimit-Policy and
// Retry-After over the budget; other users and other routes unaffected.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

void verifyRefused(const HttpReply &reply, const QByteArray &policy)
{
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json().value(u"code"_s).toString(), u"too_many_requests"_s);
    QCOMPARE(reply.header("RateLimit-Policy"), policy);
    QVERIFY2(reply.header("RateLimit").contains("remaining=0"),
            reply.header("RateLimit").constData());
    const int retryAfter = reply.header("Retry-After").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 60);
}

} // namespace

class TestApiRateLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    QString m_alice;
    QString m_bob;

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.http.writesPerMinute = 3;
            config.http.expensivePerMinute = 2;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        // Two of the address's three writes while signed out.
        m_alice = m_api->signUp(u"alice@rate.example"_s, u"brand"_s);
        m_bob = m_api->signUp(u"bob@rate.example"_s, u"brand"_s);
        QVERIFY(!m_alice.isEmpty());
        QVERIFY(!m_bob.isEmpty());
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void writesPerUser()
    {
        for (int i = 0; i < 3; ++i) {
            const HttpReply reply = m_api->post(u"/api/v1/notifications/read-all"_s, m_alice);
            QVERIFY2(reply.status / 100 == 2, reply.body.constData());
            QCOMPARE(reply.header("RateLimit-Policy"), QByteArray("3;w=60"));
            QVERIFY(reply.header("RateLimit")
                            .contains(QByteArray("remaining=" + QByteArray::number(2 - i))));
        }
        verifyRefused(m_api->post(u"/api/v1/notifications/read-all"_s, m_alice), "3;w=60");
        // Another user has a budget of their own; reads are not counted as writes.
        QCOMPARE(m_api->post(u"/api/v1/notifications/read-all"_s, m_bob).status / 100, 2);
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_alice).status, 200);
    }

    void expensiveRequestsPerUser()
    {
        const QJsonObject series{{u"values"_s, QJsonArray{3, 4, 5, 6, 7, 8, 9, 10}},
                {u"seasonPeriod"_s, 1}, {u"horizon"_s, 3}};
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(m_api->post(u"/api/v1/forecasts"_s, m_alice, series).status, 200);
        }
        verifyRefused(m_api->post(u"/api/v1/forecasts"_s, m_alice, series), "2;w=60");
        QCOMPARE(m_api->post(u"/api/v1/forecasts"_s, m_bob, series).status, 200);
        // Discovery search answers from memory and is not budgeted.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(m_api->get(u"/api/v1/influencers"_s, m_alice).status, 200);
        }
    }

    void signedOutPerAddress()
    {
        // The address's third write (after the two sign-ups) is answered; the fourth is not.
        const QJsonObject wrong{{u"email"_s, u"alice@rate.example"_s},
                {u"password"_s, u"not the password at all"_s}};
        QCOMPARE(m_client->postJson(u"/api/v1/auth/login"_s, wrong).status, 401);
        verifyRefused(m_client->postJson(u"/api/v1/auth/login"_s, wrong), "3;w=60");
        // Signed-in users' budgets are their own, not the address's.
        QCOMPARE(m_api->post(u"/api/v1/notifications/read-all"_s, m_bob).status / 100, 2);
    }
};

QTEST_MAIN(TestApiRateLimits)
#include "tst_api_rate_limits.moc"
