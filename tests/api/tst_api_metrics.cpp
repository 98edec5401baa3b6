// SPDX-License-Identifier: Apache-2.0
// GET /metrics (Prometheus text format, behind METRICS_TOKEN, off by default), read by an
// independent parser (Debian's python3-prometheus-client), and the request id in every log line
// written while a request is handled.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/Response.h"
#include "core/http/Router.h"
#include "core/log/Log.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

Q_LOGGING_CATEGORY(lcOpsTest, "influence.test.ops")

namespace {

const QByteArray kToken = "metrics-token-for-the-test-0123";

QList<std::pair<QByteArray, QByteArray>> bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

/// The value of one sample line of the exposition (`series` with its labels), 0 when absent.
double sample(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(QByteArray(series + ' '))) {
            return line.mid(series.size() + 1).toDouble();
        }
    }
    return 0;
}

/// Runs `fn` with the process's stderr (the server's log) going to a file; what was written.
template<class Fn>
QByteArray capturedLog(Fn &&fn)
{
    QTemporaryFile file;
    if (!file.open()) {
        return {};
    }
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(file.handle(), STDERR_FILENO);
    fn();
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    file.seek(0);
    return file.readAll();
}

/// A route whose work (on a database worker) and handler (on the HTTP thread) log a warning.
void addLoggingRoute(server::http::Router &router)
{
    router.get(u"/test/log-warning"_s,
            [](const server::http::Request &, const server::http::Responder &out) {
                qCWarning(lcOpsTest, "ops-marker on the HTTP thread");
                out.runOnDbPool([](server::db::Connection &) {
                    qCWarning(lcOpsTest, "ops-marker on a database worker");
                    return server::http::Response::noContent();
                });
            });
}

} // namespace

class TestApiMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;

    QByteArray scrape()
    {
        const HttpReply reply = m_client->get(u"/metrics"_s, bearer(kToken));
        if (reply.status != 200) {
            qWarning("GET /metrics answered %d: %s", reply.status, reply.body.constData());
        }
        return reply.body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.routes = addLoggingRoute;
        options.configure = [](server::Config &config) {
            config.http.metricsToken = kToken;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void offByDefault()
    {
        TestServer plain;
        QVERIFY2(plain.isRunning(), qPrintable(plain.error()));
        HttpTestClient client(plain.url());
        QCOMPARE(client.get(u"/metrics"_s, bearer(kToken)).status, 404);
    }

    void tokenRequired()
    {
        QCOMPARE(m_client->get(u"/metrics"_s).status, 401);
        QCOMPARE(m_client->get(u"/metrics"_s, bearer("wrong-token-wrong-token-wrong")).status, 401);
        const HttpReply reply = m_client->get(u"/metrics"_s, bearer(kToken));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"),
                QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    }

    void countersMoveByTheRequests()
    {
        const QByteArray healthz =
                R"(influence_http_requests_total{method="GET",route="/healthz",status="2xx"})";
        const QByteArray healthzCount =
                R"(influence_http_request_duration_seconds_count{method="GET",route="/healthz",status="2xx"})";
        const QByteArray unmatched =
                R"(influence_http_requests_total{method="",route="unmatched",status="4xx"})";
        const QByteArray refused =
                R"(influence_http_requests_total{method="GET",route="/metrics",status="4xx"})";
        const QByteArray before = scrape();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(m_client->get(u"/healthz"_s).status, 200);
        }
        QCOMPARE(m_client->get(u"/no/such/thing"_s).status, 404);
        QCOMPARE(m_client->get(u"/no/such/thing/2"_s).status, 404);
        QCOMPARE(m_client->get(u"/metrics"_s).status, 401);
        const QByteArray after = scrape();
        QCOMPARE(sample(after, healthz) - sample(before, healthz), 3.0);
        QCOMPARE(sample(after, healthzCount) - sample(before, healthzCount), 3.0);
        QCOMPARE(sample(after, unmatched) - sample(before, unmatched), 2.0);
        QCOMPARE(sample(after, refused) - sample(before, refused), 1.0);
        // Per route pattern, never the raw path.
        QVERIFY(!after.contains("/no/such/thing"));
        QVERIFY(sample(after, "influence_db_pool_size") >= 1);
        QVERIFY(sample(after, "process_open_fds") > 0);
        QVERIFY(sample(after, "process_resident_memory_bytes") > 0);
        QVERIFY(after.contains("\ninfluence_discovery_index_creators "));
        QVERIFY(after.contains("\ninfluence_discovery_index_bytes "));
    }

    void jobQueueDepth()
    {
        auto db = m_server->connect(u"metrics-jobs"_s);
        QVERIFY(db);
        QVERIFY(db->execDirect(u"INSERT INTO jobs (queue, kind, state, finished_at) "
                               "VALUES ('metricsq', 'noop', 'dead', now()), "
                               "('metricsq', 'noop', 'dead', now())"_s));
        const QByteArray body = scrape();
        QCOMPARE(sample(body, R"(influence_jobs_dead{queue="metricsq"})"), 2.0);
    }

    /// The exposition read by prometheus_client's own parser, not by ours.
    void parsedByPrometheusClient()
    {
        QCOMPARE(m_client->get(u"/healthz"_s).status, 200);
        const QByteArray body = scrape();
        QVERIFY(!body.isEmpty());
        QProcess python;
        // Debian's interpreter, with Debian's python3-prometheus-client (not a pyenv shim's).
        python.start(QFile::exists(u"/usr/bin/python3"_s) ? u"/usr/bin/python3"_s : u"python3"_s,
                {u"-c"_s, uR"(import sys
from prometheus_client.parser import text_string_to_metric_families
for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        labels = ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
        print(family.type, s.name, labels, s.value)
)"_s});
        QVERIFY(python.waitForStarted());
        python.write(body);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(30'000));
        const QByteArray errors = python.readAllStandardError();
        QVERIFY2(python.exitCode() == 0, errors.constData());
        const QByteArray parsed = python.readAllStandardOutput();
        QVERIFY(parsed.contains(
                "counter influence_http_requests_total method=GET,route=/healthz,status=2xx "));
        QVERIFY(parsed.contains("histogram influence_http_request_duration_seconds_bucket "
                                "le=+Inf,method=GET,route=/healthz,status=2xx "));
        QVERIFY(parsed.contains("gauge influence_db_pool_in_use "));
        QVERIFY(parsed.contains("gauge influence_http_requests_in_flight "));
        QVERIFY(parsed.contains("counter influence_db_pool_wait_seconds_total "));
    }

    void logLinesCarryTheRequestId_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << u"text"_s;
        QTest::newRow("json") << u"json"_s;
    }
    void logLinesCarryTheRequestId()
    {
        QFETCH(QString, format);
        server::log::install({u"warning"_s, format});
        int status = 0;
        const QByteArray log = capturedLog([&] {
            status = m_client->get(u"/test/log-warning"_s,
                                     {{"X-Request-Id", "ops-rid-" + format.toLatin1()}})
                             .status;
        });
        server::log::install({u"warning"_s, u"text"_s});
        QCOMPARE(status, 204);
        const QByteArray id = "ops-rid-" + format.toLatin1();
        const QByteArray tag = format == u"text"_s ? QByteArray(" rid=" + id)
                                                   : QByteArray("\"requestId\":\"" + id + '"');
        int marked = 0;
        for (const QByteArray &line : log.split('\n')) {
            if (line.contains("ops-marker")) {
                ++marked;
                QVERIFY2(line.contains(tag), line.constData());
            }
        }
        QCOMPARE(marked, 2);
        // Outside a request a line carries no id.
        const QByteArray outside = capturedLog([] {
            qCWarning(lcOpsTest, "ops-outside");
        });
        QVERIFY(outside.contains("ops-outside"));
        QVERIFY(!outside.contains("rid="));
    }
};

QTEST_MAIN(TestApiMetrics)
#include "tst_api_metrics.moc"
