// SPDX-License-Identifier: Apache-2.0
// System routes and the shared HTTP behaviour every route gets: problem documents, request ids,
// security headers, CORS, HEAD/OPTIONS/405, JSON body handling, failures that leak nothing.
#include "HttpTestClient.h"
#include "TestRoutes.h"
#include "TestServer.h"
#include "common/ApiClient.h"
#include "common/SystemApi.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

void verifyProblem(const HttpReply &reply, int status, const QString &code)
{
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
    const QJsonObject problem = reply.json();
    QCOMPARE(problem.value(u"status"_s).toInt(), status);
    QCOMPARE(problem.value(u"code"_s).toString(), code);
    QCOMPARE(problem.value(u"type"_s).toString(), u"/docs#problem-"_s + code);
    QVERIFY(!problem.value(u"title"_s).toString().isEmpty());
    QVERIFY(!problem.value(u"detail"_s).toString().isEmpty());
    QCOMPARE(problem.value(u"requestId"_s).toString().toLatin1(), reply.header("X-Request-Id"));
}

} // namespace

class TestApiSystem : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.routes = tests::addTestRoutes;
        options.configure = [](server::Config &config) {
            config.http.corsAllowedOrigins = {u"https://app.example.com"_s};
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

    void health()
    {
        const HttpReply reply = m_client->get(u"/healthz"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    }

    void securityHeadersOnEveryResponse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("ok") << u"/healthz"_s;
        QTest::newRow("not found") << u"/does-not-exist"_s;
        QTest::newRow("problem") << u"/test/uuid/nope"_s;
    }
    void securityHeadersOnEveryResponse()
    {
        QFETCH(QString, path);
        const HttpReply reply = m_client->get(path);
        QVERIFY(reply.status > 0);
        QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(reply.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(reply.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(reply.header("Content-Security-Policy").contains("default-src 'none'"));
        QVERIFY(!reply.header("Date").isEmpty());
        static const QRegularExpression id(u"^[0-9a-f]{32}$"_s);
        QVERIFY(id.match(QString::fromLatin1(reply.header("X-Request-Id"))).hasMatch());
    }

    void requestIdFromClient_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("kept");
        QTest::newRow("plain") << QByteArray("trace-123.abc_X") << true;
        QTest::newRow("uuid") << QByteArray("1b4e28ba-2fa1-11d2-883f-0016d3cca427") << true;
        QTest::newRow("spaces") << QByteArray("evil id") << false;
        QTest::newRow("log injection") << QByteArray("a\\nERROR fake") << false;
        QTest::newRow("too long") << QByteArray(65, 'a') << false;
    }
    void requestIdFromClient()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, kept);
        const HttpReply reply = m_client->get(u"/healthz"_s, {{"X-Request-Id", sent}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-Request-Id") == sent, kept);
        QVERIFY(!reply.header("X-Request-Id").isEmpty());
    }

    void versionThroughSystemApi()
    {
        common::ApiClient client;
        client.setBaseUrl(m_server->url());
        auto future = common::SystemApi(&client).version();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        const auto version = future.result();
        QVERIFY(version);
        QCOMPARE(version->version, QStringLiteral(INFLUENCE_VERSION));
        QCOMPARE(version->apiVersion, u"v1"_s);
        QCOMPARE(version->name, u"influence-server"_s);
        QVERIFY(version->startedAt.isValid());
        QVERIFY(version->startedAt <= QDateTime::currentDateTimeUtc());
    }

    void readinessThroughSystemApi()
    {
        common::ApiClient client;
        client.setBaseUrl(m_server->url());
        auto future = common::SystemApi(&client).readiness();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        const auto readiness = future.result();
        QVERIFY(readiness);
        QVERIFY(readiness->ready);
        QVERIFY(readiness->database);
        QVERIFY(!readiness->draining);
    }

    void apiClientReportsProblemsAndNetworkErrors()
    {
        common::ApiClient client;
        client.setBaseUrl(m_server->url());
        auto notFound = client.send(common::ApiClient::Method::Get, u"/api/v1/nothing-here"_s);
        QTRY_VERIFY_WITH_TIMEOUT(notFound.isFinished(), 10000);
        QVERIFY(!notFound.result());
        QCOMPARE(notFound.result().error().code, common::ErrorCode::NotFound);

        common::ApiClient offline;
        offline.setBaseUrl(QUrl(u"http://127.0.0.1:1"_s));
        auto refused = common::SystemApi(&offline).version();
        QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 10000);
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().code, common::ErrorCode::NetworkError);
    }

    void notFoundIsAProblem()
    {
        verifyProblem(m_client->get(u"/nope"_s), 404, u"not_found"_s);
        verifyProblem(m_client->get(u"/api/v1/version/"_s), 404, u"not_found"_s);
        const HttpReply reply = m_client->get(u"/nope"_s);
        QCOMPARE(reply.json().value(u"instance"_s).toString(), u"/nope"_s);
    }

    void wrongMethodIs405WithAllow()
    {
        const HttpReply reply = m_client->send("DELETE", u"/api/v1/version"_s);
        verifyProblem(reply, 405, u"method_not_allowed"_s);
        QCOMPARE(reply.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
        verifyProblem(m_client->send(
                              "PUT", u"/test/echo"_s, "{}", {{"Content-Type", "application/json"}}),
                405, u"method_not_allowed"_s);
    }

    void headHasHeadersButNoBody()
    {
        const HttpReply get = m_client->get(u"/api/v1/version"_s);
        const HttpReply head = m_client->send("HEAD", u"/api/v1/version"_s);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("Content-Length"), QByteArray::number(get.body.size()));
        QCOMPARE(head.header("Content-Type"), QByteArray("application/json"));
    }

    void optionsListsMethods()
    {
        const HttpReply reply = m_client->send("OPTIONS", u"/test/echo"_s);
        QCOMPARE(reply.status, 204);
        QCOMPARE(reply.header("Allow"), QByteArray("POST, OPTIONS"));
        QVERIFY(reply.body.isEmpty());
        verifyProblem(m_client->send("OPTIONS", u"/nothing"_s), 404, u"not_found"_s);
    }

    void corsAllowsOnlyConfiguredOrigins()
    {
        const HttpReply allowed =
                m_client->get(u"/healthz"_s, {{"Origin", "https://app.example.com"}});
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"),
                QByteArray("https://app.example.com"));
        QVERIFY(allowed.header("Access-Control-Expose-Headers").contains("X-Request-Id"));
        // A browser front end reads a write's WAL position and sends it back (read replicas).
        QVERIFY(allowed.header("Access-Control-Expose-Headers").contains("Influence-Wal-Position"));
        QCOMPARE(allowed.header("Vary"), QByteArray("Origin"));

        const HttpReply other = m_client->get(u"/healthz"_s, {{"Origin", "https://evil.example"}});
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());

        const HttpReply preflight = m_client->send("OPTIONS", u"/test/echo"_s, {},
                {{"Origin", "https://app.example.com"}, {"Access-Control-Request-Method", "POST"},
                        {"Access-Control-Request-Headers", "content-type"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"),
                QByteArray("https://app.example.com"));
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers")
                        .contains("Influence-Wal-Position"));

        const HttpReply deniedPreflight = m_client->send("OPTIONS", u"/test/echo"_s, {},
                {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
        QVERIFY(deniedPreflight.header("Access-Control-Allow-Methods").isEmpty());
        QVERIFY(deniedPreflight.header("Access-Control-Allow-Origin").isEmpty());
    }

    void jsonBodies_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("ok") << QByteArray("application/json") << QByteArray(R"({"a":1})") << 200
                            << QString();
        QTest::newRow("ok charset") << QByteArray("application/json; charset=utf-8")
                                    << QByteArray(R"({"a":"ü"})") << 200 << QString();
        QTest::newRow("problem+json") << QByteArray("application/merge-patch+json")
                                      << QByteArray(R"({"a":1})") << 200 << QString();
        QTest::newRow("no type") << QByteArray() << QByteArray(R"({"a":1})") << 415
                                 << u"unsupported_media_type"_s;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded")
                              << QByteArray("a=1") << 415 << u"unsupported_media_type"_s;
        QTest::newRow("broken") << QByteArray("application/json") << QByteArray(R"({"a":)") << 400
                                << u"malformed_json"_s;
        QTest::newRow("array") << QByteArray("application/json") << QByteArray("[1,2]") << 400
                               << u"malformed_json"_s;
        QTest::newRow("empty") << QByteArray("application/json") << QByteArray() << 400
                               << u"malformed_json"_s;
        QTest::newRow("invalid utf-8")
                << QByteArray("application/json") << QByteArray("{\"a\":\"\xff\xfe\"}") << 400
                << u"malformed_json"_s;
        QTest::newRow("deep nesting") << QByteArray("application/json") << QByteArray(5000, '[')
                                      << 400 << u"malformed_json"_s;
    }
    void jsonBodies()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!contentType.isEmpty()) {
            headers.emplaceBack("Content-Type", contentType);
        }
        const HttpReply reply = m_client->send("POST", u"/test/echo"_s, body, headers);
        if (code.isEmpty()) {
            QCOMPARE(reply.status, status);
            QCOMPARE(reply.json().value(u"_bytes"_s).toInt(), body.size());
        } else {
            verifyProblem(reply, status, code);
        }
    }

    void invalidPathParameter()
    {
        const HttpReply reply = m_client->get(u"/test/uuid/not-a-uuid"_s);
        verifyProblem(reply, 400, u"invalid_parameter"_s);
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(u"field"_s).toString(), u"id"_s);
        QCOMPARE(errors.first().toObject().value(u"code"_s).toString(), u"invalid_uuid"_s);
        QCOMPARE(m_client->get(u"/test/uuid/1B4E28BA-2FA1-11D2-883F-0016D3CCA427"_s).status, 200);
    }

    void failuresLeakNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("handler throws") << u"/test/throw"_s;
        QTest::newRow("handler silent") << u"/test/silent"_s;
        QTest::newRow("task throws") << u"/test/db-throw"_s;
    }
    void failuresLeakNothing()
    {
        QFETCH(QString, path);
        const HttpReply reply = m_client->get(path);
        verifyProblem(reply, 500, u"internal_error"_s);
        QVERIFY(!reply.body.contains("secret"));
        QVERIFY(!reply.body.contains("SELECT"));
        // The server is still fine afterwards.
        QCOMPARE(m_client->get(u"/healthz"_s).status, 200);
    }

    void databaseRouteWorks()
    {
        const HttpReply reply = m_client->get(u"/test/db"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"value"_s).toInt(), 1);
    }

    void statementTimeoutIsSet()
    {
        const HttpReply reply = m_client->get(u"/test/statement-timeout"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"statementTimeout"_s).toString(), u"5s"_s);
    }

    void readyz()
    {
        const HttpReply reply = m_client->get(u"/readyz"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ready"_s);
    }

    void openApiNamesThisServer()
    {
        const HttpReply reply = m_client->get(u"/openapi.json"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject doc = reply.json();
        QCOMPARE(doc.value(u"openapi"_s).toString(), u"3.1.0"_s);
        QCOMPARE(doc.value(u"info"_s).toObject().value(u"version"_s).toString(),
                QStringLiteral(INFLUENCE_VERSION));
        QCOMPARE(doc.value(u"servers"_s).toArray().first().toObject().value(u"url"_s).toString(),
                u"http://localhost:%1"_s.arg(m_server->port()));
    }

    void docsRenderEveryOperationWithoutScripts()
    {
        const HttpReply reply = m_client->get(u"/docs"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QByteArray csp = reply.header("Content-Security-Policy");
        QVERIFY(csp.contains("style-src 'sha256-"));
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(!csp.contains("script-src"));
        const QString html = QString::fromUtf8(reply.body);
        QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
        const QJsonObject paths =
                m_client->get(u"/openapi.json"_s).json().value(u"paths"_s).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            QVERIFY2(html.contains(u"<code>"_s + it.key().toHtmlEscaped() + u"</code>"_s),
                    qPrintable(it.key()));
        }
        for (const common::ErrorCode code : common::serverErrorCodes()) {
            QVERIFY(html.contains(u"id=\"problem-"_s + common::errorCodeName(code) + u'"'));
        }
        // No resource is loaded from anywhere: no src= and no stylesheet links.
        QVERIFY(!html.contains(u"src="_s));
        QVERIFY(!html.contains(u"<link"_s));
    }
};

QTEST_GUILESS_MAIN(TestApiSystem)
#include "tst_api_system.moc"
