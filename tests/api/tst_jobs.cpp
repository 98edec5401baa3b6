// SPDX-License-Identifier: Apache-2.0
// The job queue (core/jobs, 0018_jobs.sql) against a real PostgreSQL: a job enqueued in a
// rolled-back transaction never runs; a failing job backs off with growing pauses and ends dead,
// and the admin route's retry runs it again; two server processes (two TestServers on one
// database) run 1 000 jobs once each; unique keys drop duplicates; a job whose worker died (its
// lease ran out) runs again, and a long job's renewed lease keeps it from running twice; the
// admin routes are for administrators only.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/jobs/JobQueue.h"
#include "core/jobs/JobWorker.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

const server::db::SqlStatement kRecord(
        u"INSERT INTO test_job_runs (job_id, attempt, worker) VALUES (:id, :attempt, :worker)"_s);

// Every run of a test job is recorded with the process that ran it; test.fail then fails.
server::jobs::Handler recorder(const QString &worker, bool fail, int sleepMs = 0)
{
    return [worker, fail, sleepMs](const server::jobs::Job &job) -> common::Result<void> {
        if (sleepMs > 0) {
            QThread::msleep(static_cast<unsigned long>(sleepMs));
        }
        auto recorded = job.connection.run(kRecord,
                {{u":id"_s, job.id}, {u":attempt"_s, job.attempt}, {u":worker"_s, worker}});
        if (!recorded) {
            return recorded.error();
        }
        (*recorded)->finish();
        if (fail) {
            return common::Error::make(common::ErrorCode::Internal, u"failing on purpose"_s);
        }
        return {};
    };
}

/// How many jobs of one queue run at once, and the most seen.
struct Concurrency
{
    std::atomic<int> now{0};
    std::atomic<int> peak{0};
};
Concurrency g_held; // queue "held": the default limit (every worker but one)
Concurrency g_single; // queue "single": JOB_QUEUE_LIMITS single=1

server::jobs::Handler holder(Concurrency &seen, const QString &worker)
{
    return [&seen, inner = recorder(worker, false, 800)](const server::jobs::Job &job) {
        const int running = ++seen.now;
        int peak = seen.peak.load();
        while (running > peak && !seen.peak.compare_exchange_weak(peak, running)) { }
        auto outcome = inner(job);
        --seen.now;
        return outcome;
    };
}

server::jobs::NewJob newJob(
        const QString &kind, const QString &queue, const QJsonObject &payload = {})
{
    server::jobs::NewJob job;
    job.kind = kind;
    job.queue = queue;
    job.payload = payload;
    return job;
}

/// A server with fast polling and short leases and the test handlers; `stopQueue` adds a queue
/// ("stop", a 1.5 s job) that only this server runs.
TestServer::Options jobServer(const QString &databaseUrl = {}, bool stopQueue = false)
{
    TestServer::Options options;
    options.databaseUrl = databaseUrl;
    options.configure = [](server::Config &config) {
        config.jobs.workers = 4;
        config.jobs.poll = std::chrono::milliseconds(50);
        config.jobs.tick = std::chrono::milliseconds(200);
        config.jobs.lease = std::chrono::milliseconds(1000);
        config.jobs.backoffBaseSeconds = 0.4;
        config.jobs.queueLimits.insert(u"single"_s, 1);
    };
    options.jobs = [stopQueue](server::jobs::JobWorker &worker) {
        const QString id = worker.workerId();
        if (stopQueue) {
            worker.addHandler(u"test.stop"_s, u"stop"_s, recorder(id, false, 1500));
        }
        worker.addHandler(u"test.record"_s, u"test"_s, recorder(id, false));
        worker.addHandler(u"test.fail"_s, u"test"_s, recorder(id, true));
        worker.addHandler(u"test.slow"_s, u"test"_s, recorder(id, false, 2500));
        worker.addHandler(u"test.lease"_s, u"lease"_s, recorder(id, false));
        worker.addHandler(u"test.held"_s, u"held"_s, holder(g_held, id));
        worker.addHandler(u"test.single"_s, u"single"_s, holder(g_single, id));
    };
    return options;
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_admin;
    QString m_brand;

    QVariant scalar(const QString &sql)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(sql));
        return value ? *value : QVariant();
    }
    qint64 count(const QString &sql) { return scalar(sql).toLongLong(); }

    qint64 enqueue(const server::jobs::NewJob &job)
    {
        const auto id = server::db::inTransaction(*m_db, [&](server::db::Connection &c) {
            return server::jobs::enqueue(c, job);
        });
        return id && *id ? **id : 0;
    }

    QString stateOf(qint64 id)
    {
        return scalar(u"SELECT state FROM jobs WHERE id = %1"_s.arg(id)).toString();
    }
    bool waitForState(qint64 id, const QString &state, int timeoutMs = 20'000)
    {
        return QTest::qWaitFor(
                [&] {
                    return stateOf(id) == state;
                },
                timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(jobServer());
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"jobs-test"_s);
        QVERIFY(m_db);
        QVERIFY(m_db->execDirect(u"CREATE TABLE test_job_runs (job_id bigint NOT NULL, "
                                 "attempt integer NOT NULL, worker text NOT NULL, "
                                 "at timestamptz NOT NULL DEFAULT clock_timestamp())"_s));
        m_admin = m_api->signUp(u"admin@example.com"_s, u"brand"_s);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void rolledBackJobNeverRuns()
    {
        qint64 rolledBack = 0;
        const auto outcome = server::db::inTransaction(
                *m_db, [&](server::db::Connection &c) -> common::Result<void> {
                    const auto id = server::jobs::enqueue(c, newJob(u"test.record"_s, u"test"_s));
                    if (!id) {
                        return id.error();
                    }
                    rolledBack = id->value_or(0);
                    return common::Error::make(common::ErrorCode::Conflict, u"changed my mind"_s);
                });
        QVERIFY(!outcome);
        QVERIFY(rolledBack > 0);
        // A job committed after it runs; by then the rolled-back one would have run too.
        const qint64 committed = enqueue(newJob(u"test.record"_s, u"test"_s));
        QVERIFY(committed > rolledBack);
        QVERIFY(waitForState(committed, u"succeeded"_s));
        QCOMPARE(
                count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(committed)), 1);
        QTest::qWait(300);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE id = %1"_s.arg(rolledBack)), 0);
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(rolledBack)),
                0);
    }

    void uniqueKeyDropsDuplicates()
    {
        server::jobs::NewJob later = newJob(u"test.record"_s, u"test"_s);
        later.runAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        later.uniqueKey = u"report:42"_s;
        const qint64 first = enqueue(later);
        QVERIFY(first > 0);
        QCOMPARE(enqueue(later), 0); // dropped: the first is still queued
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE unique_key = 'report:42'"_s), 1);

        // Once a keyed job has finished, the key is free again.
        server::jobs::NewJob now = newJob(u"test.record"_s, u"test"_s);
        now.uniqueKey = u"digest:7"_s;
        const qint64 run = enqueue(now);
        QVERIFY(run > 0);
        QVERIFY(waitForState(run, u"succeeded"_s));
        const qint64 again = enqueue(now);
        QVERIFY(again > run);
        QVERIFY(waitForState(again, u"succeeded"_s));
        QVERIFY(m_db->execDirect(u"DELETE FROM jobs WHERE id = %1"_s.arg(first)));
    }

    void failingJobBacksOffAndDies()
    {
        server::jobs::NewJob failing =
                newJob(u"test.fail"_s, u"test"_s, {{u"case"_s, u"backoff"_s}});
        failing.maxAttempts = 4;
        const qint64 id = enqueue(failing);
        QVERIFY(id > 0);
        QVERIFY(waitForState(id, u"dead"_s));
        QCOMPARE(scalar(u"SELECT attempts FROM jobs WHERE id = %1"_s.arg(id)).toInt(), 4);
        QCOMPARE(scalar(u"SELECT last_error FROM jobs WHERE id = %1"_s.arg(id)).toString(),
                u"failing on purpose"_s);
        // The pauses between attempts grow (0.4 s · 2^n, ±25 %).
        QSqlQuery gaps(QSqlDatabase::database(m_db->name()));
        QVERIFY(gaps.exec(u"SELECT extract(epoch FROM at - lag(at) OVER (ORDER BY attempt)) "
                          "FROM test_job_runs WHERE job_id = %1 ORDER BY attempt"_s.arg(id)));
        QList<double> pauses;
        while (gaps.next()) {
            if (!gaps.value(0).isNull()) {
                pauses.append(gaps.value(0).toDouble());
            }
        }
        QCOMPARE(pauses.size(), 3);
        QVERIFY2(pauses[0] >= 0.25 && pauses[0] < pauses[1] && pauses[1] < pauses[2],
                qPrintable(u"%1 %2 %3"_s.arg(pauses[0]).arg(pauses[1]).arg(pauses[2])));

        // The dead letters show it; the retry runs it again from its first attempt.
        const HttpReply dead = m_api->get(u"/api/v1/admin/jobs/dead?limit=10"_s, m_admin);
        QCOMPARE(dead.status, 200);
        const QJsonArray items = dead.json().value(u"items"_s).toArray();
        QVERIFY(!items.isEmpty());
        QCOMPARE(items.first()[u"id"_s].toInteger(), id);
        QCOMPARE(items.first()[u"state"_s].toString(), u"dead"_s);
        QCOMPARE(items.first()[u"kind"_s].toString(), u"test.fail"_s);
        QCOMPARE(items.first()[u"lastError"_s].toString(), u"failing on purpose"_s);
        QCOMPARE(items.first()[u"payload"_s][u"case"_s].toString(), u"backoff"_s);

        const HttpReply queues = m_api->get(u"/api/v1/admin/jobs"_s, m_admin);
        QCOMPARE(queues.status, 200);
        bool found = false;
        for (const auto &queue : queues.json().value(u"queues"_s).toArray()) {
            if (queue[u"queue"_s].toString() == u"test"_s) {
                found = true;
                QVERIFY(queue[u"dead"_s].toInteger() >= 1);
                QVERIFY(queue[u"succeeded"_s].toInteger() >= 1);
                QCOMPARE(queue[u"oldestQueuedSeconds"_s].toInteger(), 0);
            }
        }
        QVERIFY(found);

        const QString retryPath = u"/api/v1/admin/jobs/%1/retry"_s.arg(id);
        QCOMPARE(m_api->post(retryPath, m_brand).status, 403);
        QCOMPARE(stateOf(id), u"dead"_s);
        const HttpReply retried = m_api->post(retryPath, m_admin);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(u"id"_s).toInteger(), id);
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(id))
                            > 4;
                },
                10'000));
        QVERIFY(waitForState(id, u"dead"_s));
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(id)), 8);
    }

    void retryRefusesWhatIsNotDead()
    {
        const qint64 done = enqueue(newJob(u"test.record"_s, u"test"_s));
        QVERIFY(waitForState(done, u"succeeded"_s));
        const HttpReply notDead = m_api->post(u"/api/v1/admin/jobs/%1/retry"_s.arg(done), m_admin);
        QCOMPARE(notDead.status, 409);
        QCOMPARE(notDead.json().value(u"code"_s).toString(), u"conflict"_s);
        QCOMPARE(stateOf(done), u"succeeded"_s);
        QCOMPARE(m_api->post(u"/api/v1/admin/jobs/999999999/retry"_s, m_admin).status, 404);
        const HttpReply badId = m_api->post(u"/api/v1/admin/jobs/abc/retry"_s, m_admin);
        QCOMPARE(badId.status, 400);
        QCOMPARE(badId.json().value(u"code"_s).toString(), u"invalid_parameter"_s);
        QCOMPARE(m_api->get(u"/api/v1/admin/jobs/dead?limit=0"_s, m_admin).status, 400);
        QCOMPARE(m_api->get(u"/api/v1/admin/jobs/dead?cursor=zz"_s, m_admin).status, 400);
    }

    void adminRoutesAreForAdministrators()
    {
        QCOMPARE(m_api->get(u"/api/v1/admin/jobs"_s, m_brand).status, 403);
        QCOMPARE(m_api->get(u"/api/v1/admin/jobs/dead"_s, m_brand).status, 403);
        QCOMPARE(m_client->send("GET", u"/api/v1/admin/jobs"_s).status, 401);
        QCOMPARE(m_client->send("POST", u"/api/v1/admin/jobs/1/retry"_s).status, 401);
    }

    void deadJobsArePaged()
    {
        QVERIFY(m_db->execDirect(
                u"INSERT INTO jobs (queue, kind, state, attempts, max_attempts, finished_at) "
                "SELECT 'paged', 'test.paged', 'dead', 1, 1, now() FROM generate_series(1, 5)"_s));
        QSet<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page = m_api->get(u"/api/v1/admin/jobs/dead?limit=2"_s
                            + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor),
                    m_admin);
            QCOMPARE(page.status, 200);
            for (const auto &item : page.json().value(u"items"_s).toArray()) {
                QVERIFY(!seen.contains(item[u"id"_s].toInteger()));
                seen.insert(item[u"id"_s].toInteger());
            }
            cursor = page.json().value(u"nextCursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 20);
        QCOMPARE(static_cast<qint64>(seen.size()),
                count(u"SELECT count(*) FROM jobs WHERE state = 'dead'"_s));
        QVERIFY(m_db->execDirect(u"DELETE FROM jobs WHERE queue = 'paged'"_s));
    }

    void twoProcessesRunEachJobOnce()
    {
        TestServer second(jobServer(m_server->databaseUrl()));
        QVERIFY2(second.isRunning(), qPrintable(second.error()));
        const qint64 before = count(u"SELECT coalesce(max(id), 0) FROM jobs"_s);
        QVERIFY(m_db->execDirect(u"SELECT job_enqueue('test.record', jsonb_build_object('n', n), "
                                 "'test') FROM generate_series(1, 1000) n"_s));
        const QString batch = u"job_id > %1"_s.arg(before);
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM jobs WHERE id > %1 AND kind = "
                                 u"'test.record' "
                                 "AND state = 'succeeded'"_s.arg(before))
                            == 1000;
                },
                120'000));
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE "_s + batch), 1000);
        QCOMPARE(count(u"SELECT count(DISTINCT job_id) FROM test_job_runs WHERE "_s + batch), 1000);
        // None was claimed and left behind (it would have run again after its lease).
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE id > %1 AND kind = 'test.record' "
                       "AND attempts <> 1"_s.arg(before)),
                0);
        // Both processes took part.
        QCOMPARE(count(u"SELECT count(DISTINCT worker) FROM test_job_runs WHERE "_s + batch), 2);
    }

    void expiredLeaseIsRetried()
    {
        // A process claims a job and dies: its lease (1 s) runs out and another worker runs it.
        const auto claimed = server::db::inTransaction(
                *m_db, [&](server::db::Connection &c) -> common::Result<qint64> {
                    const auto id = server::jobs::enqueue(c, newJob(u"test.lease"_s, u"lease"_s));
                    if (!id) {
                        return id.error();
                    }
                    const auto taken = c.scalar(server::db::SqlStatement(
                            u"SELECT id FROM job_claim('ghost', '{lease}', 1, '1 second')"_s));
                    if (!taken) {
                        return taken.error();
                    }
                    return taken->toLongLong();
                });
        QVERIFY(claimed);
        const qint64 id = *claimed;
        QVERIFY(id > 0);
        QCOMPARE(stateOf(id), u"running"_s);
        QCOMPARE(scalar(u"SELECT locked_by FROM jobs WHERE id = %1"_s.arg(id)).toString(),
                u"ghost"_s);
        QVERIFY(waitForState(id, u"succeeded"_s));
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(id)), 1);
        QCOMPARE(scalar(u"SELECT attempt FROM test_job_runs WHERE job_id = %1"_s.arg(id)).toInt(),
                2);
    }

    void renewedLeaseKeepsALongJob()
    {
        // 2.5 s of work under a 1 s lease: renewed, so no other worker takes it meanwhile.
        const qint64 id = enqueue(newJob(u"test.slow"_s, u"test"_s));
        QVERIFY(waitForState(id, u"succeeded"_s));
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(id)), 1);
        QCOMPARE(scalar(u"SELECT attempts FROM jobs WHERE id = %1"_s.arg(id)).toInt(), 1);
    }

    void stopFinishesTheRunningJob()
    {
        auto other = std::make_unique<TestServer>(jobServer(m_server->databaseUrl(), true));
        QVERIFY2(other->isRunning(), qPrintable(other->error()));
        const qint64 id = enqueue(newJob(u"test.stop"_s, u"stop"_s));
        QVERIFY(waitForState(id, u"running"_s));
        other.reset(); // shuts down while the job runs
        QCOMPARE(stateOf(id), u"succeeded"_s);
        QCOMPARE(count(u"SELECT count(*) FROM test_job_runs WHERE job_id = %1"_s.arg(id)), 1);
    }

    // A queue whose jobs take long (a slow webhook receiver) never holds every worker: other
    // queues' jobs run meanwhile, and a queue named in JOB_QUEUE_LIMITS keeps to its limit.
    void slowQueueLeavesAWorkerFree()
    {
        QList<qint64> held;
        QList<qint64> quick;
        for (int i = 0; i < 8; ++i) {
            held.append(enqueue(newJob(u"test.held"_s, u"held"_s)));
        }
        QVERIFY(waitForState(held.first(), u"running"_s));
        for (int i = 0; i < 3; ++i) {
            quick.append(enqueue(newJob(u"test.record"_s, u"test"_s)));
        }
        for (const qint64 id : std::as_const(quick)) {
            QVERIFY(waitForState(id, u"succeeded"_s));
        }
        // 8 jobs of 0.8 s, at most 3 at a time: the quick ones finished long before the last.
        QVERIFY(count(u"SELECT count(*) FROM jobs WHERE kind = 'test.held' "
                      "AND state = 'succeeded'"_s)
                < 8);
        for (const qint64 id : std::as_const(held)) {
            QVERIFY(waitForState(id, u"succeeded"_s));
        }
        QCOMPARE(g_held.peak.load(), 3); // 4 workers, all but one

        QList<qint64> single;
        for (int i = 0; i < 3; ++i) {
            single.append(enqueue(newJob(u"test.single"_s, u"single"_s)));
        }
        for (const qint64 id : std::as_const(single)) {
            QVERIFY(waitForState(id, u"succeeded"_s));
        }
        QCOMPARE(g_single.peak.load(), 1);
    }

    void housekeepingIsOnePeriodicJob()
    {
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM jobs WHERE kind = 'core.housekeeping'"_s)
                            == 1;
                },
                5000));
        QCOMPARE(scalar(u"SELECT unique_key FROM jobs WHERE kind = 'core.housekeeping'"_s)
                         .toString(),
                u"core.housekeeping"_s);
        QCOMPARE(scalar(u"SELECT state FROM jobs WHERE kind = 'core.housekeeping'"_s).toString(),
                u"queued"_s);
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
