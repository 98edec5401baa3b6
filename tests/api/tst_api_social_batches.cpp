// SPDX-License-Identifier: Apache-2.0
// The social sync through the job queue when there is more due than a batch: accounts connected
// against the local platform peer (tests/peers/social), a batch of 2, and one social.sync job
// enqueued (the periodic one is an hour away): passes whose batch came back full enqueue the next
// at once, so that all of them are synced in one go, and the chain ends with a pass that was
// not full.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;
using influence::tests::TestServer;

namespace {
constexpr int kBatch = 2;
constexpr int kAccounts = 5;
} // namespace

class TestApiSocialBatches : public QObject
{
    Q_OBJECT

private:
    NodePeer m_peer;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QStringList m_accounts;

    qint64 count(const QString &sql)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(sql));
        return value ? value->toLongLong() : -1;
    }

    /// A creator with a profile and an Instagram account of their own (the peer signs in the
    /// account it is told to next); the account's id.
    QString creatorWithAccount(int n)
    {
        const QString token = m_api->signUp(u"creator%1@example.com"_s.arg(n), u"influencer"_s);
        m_api->put(u"/api/v1/me/influencer"_s, token,
                {{u"displayName"_s, u"Creator %1"_s.arg(n)}, {u"bio"_s, u"Creator"_s},
                        {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                        {u"languages"_s, QJsonArray{u"en"_s}}, {u"rates"_s, QJsonArray{}}});
        HttpTestClient peer(m_peer.url());
        const QJsonObject next{{u"instagram"_s,
                QJsonObject{{u"id"_s, u"1784140000000%1"_s.arg(100 + n)},
                        {u"username"_s, u"ig_creator_%1"_s.arg(n)}, {u"followers"_s, 1000 + n},
                        {u"following"_s, 10}, {u"posts"_s, 20}}}};
        if (peer.postJson(u"/control"_s, {{u"next"_s, next}}).status != 200) {
            return {};
        }
        const HttpReply connected =
                m_api->get(u"/api/v1/connected-accounts/instagram/connect"_s, token);
        if (connected.status != 200) {
            qWarning("connecting: %d %s", connected.status, connected.body.constData());
        }
        return connected.json().value(u"id"_s).toString();
    }

    QString accountList() const { return u"'"_s + m_accounts.join(u"','"_s) + u"'"_s; }

private Q_SLOTS:
    void initTestCase()
    {
        const QString directory = QFINDTESTDATA("peers/social");
        QVERIFY2(!directory.isEmpty(), "tests/peers/social not found");
        QVERIFY2(m_peer.start(directory, u"peer.mjs"_s, {u"0"_s}), qPrintable(m_peer.why()));
        const QString base = m_peer.url().toString();
        TestServer::Options options;
        options.configure = [base](server::Config &config) {
            config.social.platforms[u"instagram"_s] = {u"ig-client"_s, u"ig-secret"_s,
                    base + u"/instagram/oauth/authorize"_s,
                    base + u"/instagram/oauth/access_token"_s, base + u"/instagram/graph"_s};
            config.social.tokenEncryptionKeys =
                    u"k1:"_s + QString::fromLatin1(QByteArray(32, 'b').toBase64());
            config.social.syncBatch = kBatch;
            config.social.pollInterval = std::chrono::hours(1); // only the job of the test
            config.jobs.poll = std::chrono::milliseconds(50);
            config.jobs.tick = std::chrono::milliseconds(200);
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"social-batches-test"_s);
        QVERIFY(m_db);
        for (int n = 0; n < kAccounts; ++n) {
            const QString account = creatorWithAccount(n);
            QVERIFY(!account.isEmpty());
            m_accounts.append(account);
        }
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void moreAccountsThanABatchAreSyncedInOneGo()
    {
        // Connected today, posts not read yet: every account is due.
        QCOMPARE(count(u"SELECT count(*) FROM connected_accounts WHERE id IN (%1) "
                       "AND posts_synced_at IS NULL"_s.arg(accountList())),
                kAccounts);
        const qint64 before = count(u"SELECT coalesce(max(id), 0) FROM jobs"_s);
        QVERIFY(m_db->execDirect(u"SELECT job_enqueue('social.sync', '{}', 'social')"_s));
        QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count(*) FROM connected_accounts WHERE id IN (%1) "
                                        "AND posts_synced_at IS NOT NULL"_s.arg(accountList())),
                kAccounts, 30'000);
        // 5 accounts, 2 a batch: full, full, then 1 (not full, the end of the chain).
        QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count(*) FROM jobs WHERE id > %1 AND kind = "
                                        "'social.sync' AND state IN ('queued', 'running') "
                                        "AND unique_key <> 'social.sync'"_s.arg(before)),
                0, 10'000);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE id > %1 AND kind = 'social.sync' "
                       "AND state = 'succeeded'"_s.arg(before)),
                3);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE id > %1 AND kind = 'social.sync' "
                       "AND unique_key LIKE 'social.sync:after:%' "
                       "AND payload ->> 'round' IN ('1', '2')"_s.arg(before)),
                2);
        QCOMPARE(count(u"SELECT count(*) FROM account_metrics WHERE account_id IN (%1) "
                       "AND day = (now() AT TIME ZONE 'UTC')::date"_s.arg(accountList())),
                kAccounts);
    }
};

QTEST_GUILESS_MAIN(TestApiSocialBatches)
#include "tst_api_social_batches.moc"
