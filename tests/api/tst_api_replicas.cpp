// SPDX-License-Identifier: Apache-2.0
// Read replicas (DATABASE_REPLICA_URLS) against a real streaming standby: a pg_basebackup of a
// private test cluster, on its Unix socket. Reads of the replica routes run there (a paused
// standby serves the old value), a client that sends its write's WAL position back reads its
// write (from the primary once the wait bound passes), a replica that lags beyond the bound and
// one that is stopped are skipped, and reads keep succeeding.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestDatabase.h"
#include "TestServer.h"
#include "TestStandby.h"
#include "common/ApiClient.h"
#include "common/WalPosition.h"
#include "core/db/Connection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

const QByteArray kToken = "metrics-token-for-the-replica-test";
constexpr int kWaitMs = 300;
constexpr int kMaxLagMs = 3000;
const server::db::SqlStatement kPauseState(u"SELECT pg_get_wal_replay_pause_state()"_s);

} // namespace

class TestApiReplicas : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_primaryDir;
    std::unique_ptr<QTemporaryDir> m_standbyDir;
    std::unique_ptr<server::db::ManagedPostgres> m_primary;
    std::unique_ptr<server::db::ManagedPostgres> m_standby;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    QString m_alice;
    QString m_profilePath;
    QByteArray m_lastPosition;

    /// A value of /metrics: the first series whose line starts with `series` (name and labels
    /// up to where they tell it apart); NaN when there is none.
    double metric(const QByteArray &series)
    {
        const HttpReply reply =
                m_client->get(u"/metrics"_s, {{"Authorization", "Bearer " + kToken}});
        if (reply.status != 200) {
            return std::nan("");
        }
        for (const QByteArray &line : reply.body.split('\n')) {
            if (line.startsWith(series)) {
                return line.mid(line.lastIndexOf(' ') + 1).toDouble();
            }
        }
        return std::nan("");
    }
    double replicaMetric(const char *name) { return metric(QByteArray(name) + "{replica=\"0\""); }
    double fallbacks(const char *reason)
    {
        return metric(
                QByteArray("influence_db_replica_fallbacks_total{reason=\"") + reason + "\"}");
    }

    /// The bio the public profile read answers, optionally sending a WAL position.
    HttpReply readProfile(const QByteArray &position = {})
    {
        ApiSession::Headers headers = ApiSession::as(m_alice);
        if (!position.isEmpty()) {
            headers.append({"Influence-Wal-Position", position});
        }
        return m_client->get(m_profilePath, headers);
    }
    static QString bioOf(const HttpReply &reply) { return reply.json().value(u"bio"_s).toString(); }

    /// Sets the bio; remembers the answer's WAL position.
    bool writeBio(const QString &bio)
    {
        const HttpReply reply =
                m_api->patch(u"/api/v1/me/influencer"_s, m_alice, {{u"bio"_s, bio}});
        m_lastPosition = reply.header("Influence-Wal-Position");
        return reply.status == 200 && !m_lastPosition.isEmpty();
    }

    static bool replayed(server::db::Connection &standby, const QByteArray &position)
    {
        static const server::db::SqlStatement replay(
                u"SELECT pg_last_wal_replay_lsn() >= CAST(:position AS pg_lsn)"_s);
        auto done = standby.scalar(replay, {{u":position"_s, QString::fromLatin1(position)}});
        return done && done->toBool();
    }

    std::unique_ptr<server::db::Connection> standbyConnection()
    {
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        settings->url = m_standby->url(u"replicas"_s);
        return std::make_unique<server::db::Connection>(settings, u"test-standby"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_primaryDir = std::make_unique<QTemporaryDir>(u"/tmp/influence-primary-XXXXXX"_s);
        m_standbyDir = std::make_unique<QTemporaryDir>(u"/tmp/influence-standby-XXXXXX"_s);
        QVERIFY(m_primaryDir->isValid() && m_standbyDir->isValid());
        m_primary = tests::TestDatabase::startPrivate(*m_primaryDir);
        QVERIFY(m_primary);
        QVERIFY(m_primary->createDatabase(u"replicas"_s));
        QString error;
        m_standby = tests::startStandby(*m_primary, *m_standbyDir, &error);
        QVERIFY2(m_standby, qPrintable(error));

        TestServer::Options options;
        options.databaseUrl = m_primary->url(u"replicas"_s).toUrlString();
        const server::db::DatabaseUrl replica = m_standby->url(u"replicas"_s);
        options.configure = [replica](server::Config &config) {
            config.http.metricsToken = kToken;
            config.database.replicas.urls = {replica};
            config.database.replicas.wait = std::chrono::milliseconds(kWaitMs);
            config.database.replicas.maxLag = std::chrono::milliseconds(kMaxLagMs);
            config.database.replicas.checkInterval = std::chrono::milliseconds(100);
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);

        m_alice = m_api->signUp(u"alice@example.com"_s, u"influencer"_s);
        QVERIFY(!m_alice.isEmpty());
        m_profilePath = u"/api/v1/influencers/"_s + m_api->userIdOf(m_alice);
        const HttpReply created = m_api->put(u"/api/v1/me/influencer"_s, m_alice,
                {{u"displayName"_s, u"Lena Travels"_s}, {u"bio"_s, u"first"_s}});
        QCOMPARE(created.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(replicaMetric("influence_db_replica_usable"), 1.0, 20000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_client.reset();
        m_server.reset();
        m_standby.reset();
        m_primary.reset();
    }

    void writesAnswerTheirPosition()
    {
        QVERIFY(writeBio(u"second"_s));
        QVERIFY2(common::WalPosition::parse(m_lastPosition), m_lastPosition.constData());
        // Reads do not.
        QVERIFY(readProfile().header("Influence-Wal-Position").isEmpty());
    }

    void readsWithThePositionRunOnTheReplica()
    {
        // Once the standby has replayed the write (asynchronous commit on the test cluster: the
        // WAL writer sends it within wal_writer_delay), the read runs there without a fallback.
        auto standby = standbyConnection();
        QTRY_VERIFY_WITH_TIMEOUT(replayed(*standby, m_lastPosition), 10000);
        const double tasks = replicaMetric("influence_db_replica_tasks_total");
        const double timedOut = fallbacks("wait_timed_out");
        const double failed = fallbacks("replica_failed");
        const HttpReply reply = readProfile(m_lastPosition);
        QCOMPARE(reply.status, 200);
        QCOMPARE(bioOf(reply), u"second"_s);
        QVERIFY(replicaMetric("influence_db_replica_tasks_total") > tasks);
        QCOMPARE(fallbacks("wait_timed_out"), timedOut);
        QCOMPARE(fallbacks("replica_failed"), failed);
    }

    void pausedReplicaServesTheOldValue()
    {
        auto standby = standbyConnection();
        QVERIFY(standby->execDirect(u"SELECT pg_wal_replay_pause()"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
                standby->scalar(kPauseState).value_or(QVariant()).toString(), u"paused"_s, 10000);
        QVERIFY(writeBio(u"third"_s));
        // Without the position, the replica answers: it has not replayed the write (proof that
        // the read ran there, not on the primary), and it is still within the lag bound.
        const HttpReply stale = readProfile();
        QCOMPARE(stale.status, 200);
        QCOMPARE(bioOf(stale), u"second"_s);
    }

    void apiClientSendsItsLastWritesPosition()
    {
        // The desktop's (and any Qt front end's) transport echoes the newest position a write
        // answered: its read after its own write waits for the paused replica, then runs on
        // the primary and sees the write; a read of a client without it is served stale.
        common::ApiClient client;
        client.setBaseUrl(m_server->url());
        client.setAccessToken(m_alice);
        const double timedOut = fallbacks("wait_timed_out");
        auto write = client.send(common::ApiClient::Method::Patch, u"/api/v1/me/influencer"_s, {},
                QJsonDocument(QJsonObject{{u"bio"_s, u"third"_s}}));
        QTRY_VERIFY_WITH_TIMEOUT(write.isFinished(), 10000);
        QVERIFY(write.result());
        const QByteArray position = client.walPosition();
        QVERIFY2(common::WalPosition::parse(position), position.constData());
        QVERIFY(position != m_lastPosition); // this write's own
        auto read = client.send(common::ApiClient::Method::Get, m_profilePath);
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 10000);
        QVERIFY(read.result());
        QCOMPARE(read.result()->body.object().value(u"bio"_s).toString(), u"third"_s);
        QCOMPARE(fallbacks("wait_timed_out"), timedOut + 1);
        // A read answers no position: the client keeps its write's.
        QCOMPARE(client.walPosition(), position);
        // Another server, another history: the position is forgotten.
        client.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        QVERIFY(client.walPosition().isEmpty());
    }

    void readYourWritesFallsBackAfterTheWait()
    {
        const double timedOut = fallbacks("wait_timed_out");
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = readProfile(m_lastPosition);
        QCOMPARE(reply.status, 200);
        QCOMPARE(bioOf(reply), u"third"_s);
        // It waited for the replica (the bound) before asking the primary.
        QVERIFY2(timer.elapsed() >= kWaitMs - 20, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(fallbacks("wait_timed_out"), timedOut + 1);
    }

    void laggingReplicaIsSkipped()
    {
        // Once the paused replica is further behind than DATABASE_REPLICA_MAX_LAG_MS, reads
        // without a position go to the primary and see the write.
        QTRY_COMPARE_WITH_TIMEOUT(bioOf(readProfile()), u"third"_s, 20000);
        QCOMPARE(replicaMetric("influence_db_replica_usable"), 0.0);
        QCOMPARE(replicaMetric("influence_db_replica_up"), 1.0);
        QVERIFY(replicaMetric("influence_db_replica_lag_seconds") * 1000 > kMaxLagMs);
        const double none = fallbacks("no_replica");
        QCOMPARE(bioOf(readProfile()), u"third"_s);
        QCOMPARE(fallbacks("no_replica"), none + 1);

        // Replaying again, it catches up and takes reads again, the client's position included.
        auto standby = standbyConnection();
        QVERIFY(standby->execDirect(u"SELECT pg_wal_replay_resume()"_s));
        QTRY_COMPARE_WITH_TIMEOUT(replicaMetric("influence_db_replica_usable"), 1.0, 20000);
        QCOMPARE(replicaMetric("influence_db_replica_lag_seconds"), 0.0);
        const double tasks = replicaMetric("influence_db_replica_tasks_total");
        const double timedOut = fallbacks("wait_timed_out");
        QCOMPARE(bioOf(readProfile(m_lastPosition)), u"third"_s);
        QVERIFY(replicaMetric("influence_db_replica_tasks_total") > tasks);
        QCOMPARE(fallbacks("wait_timed_out"), timedOut);
    }

    void stoppedReplicaIsSkipped()
    {
        QVERIFY(m_standby->stop());
        // Reads succeed throughout: the first ones find the replica's connection broken and
        // run on the primary, the later ones skip it.
        for (int i = 0; i < 20; ++i) {
            const HttpReply reply = readProfile();
            QCOMPARE(reply.status, 200);
            QCOMPARE(bioOf(reply), u"third"_s);
        }
        QTRY_COMPARE_WITH_TIMEOUT(replicaMetric("influence_db_replica_up"), 0.0, 10000);
        QCOMPARE(replicaMetric("influence_db_replica_usable"), 0.0);
        QCOMPARE(replicaMetric("influence_db_replica_lag_seconds"), -1.0);
        QCOMPARE(readProfile().status, 200);

        // It is retried: started again, it takes reads again.
        QVERIFY(m_standby->restart());
        QTRY_COMPARE_WITH_TIMEOUT(replicaMetric("influence_db_replica_usable"), 1.0, 30000);
        QVERIFY(writeBio(u"fourth"_s));
        for (int i = 0; i < 10; ++i) {
            const HttpReply reply = readProfile(m_lastPosition);
            QCOMPARE(reply.status, 200);
            QCOMPARE(bioOf(reply), u"fourth"_s);
        }
    }

    void badPositionIsRefused()
    {
        for (const QByteArray &bad : {QByteArray("yesterday"), QByteArray("0/"), QByteArray("/1"),
                     QByteArray("123456789/0"), QByteArray("0/G"), QByteArray("-1/5")}) {
            const HttpReply reply = readProfile(bad);
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.json().value(u"code"_s).toString(), u"invalid_parameter"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiReplicas)
#include "tst_api_replicas.moc"
