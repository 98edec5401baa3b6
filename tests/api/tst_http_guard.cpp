// SPDX-License-Identifier: Apache-2.0
// The connection guard in front of QHttpServer's parser, over raw TCP: malformed requests,
// limits, pipelining, keep-alive, slow and idle clients, connection caps, disconnects during
// work, and a bounded random-request fuzzer. The server must answer with the right 4xx, never
// crash, hang or grow without bound.
#include "HttpTestClient.h"
#include "TestRoutes.h"
#include "TestServer.h"
#include "core/http/HttpContext.h"
#include "core/log/Log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::rawExchange;
using influence::tests::RawReply;
using influence::tests::TestServer;

namespace {

constexpr qint64 kBodyLimit = 64 * 1024;
constexpr qint64 kImportLimit = 1024 * 1024;

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return 0;
}

QByteArray jsonOfSize(qint64 size)
{
    // {"p":"aaa…"} with exactly `size` bytes.
    const qint64 padding = size - 8;
    return "{\"p\":\"" + QByteArray(padding, 'a') + "\"}";
}

/// Sends bytes one at a time with a pause, like a slow client, so the server reads a request
/// head in many pieces. The pause is the input being simulated, not a wait for a condition.
void sendSlowly(QTcpSocket &socket, const QByteArray &data)
{
    for (const char c : data) {
        socket.write(&c, 1);
        socket.waitForBytesWritten(1000);
        QThread::usleep(300);
    }
}

QByteArray readResponse(QTcpSocket &socket, int timeoutMs = 5000)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        // What the socket already buffered (also when it has seen the server close since).
        data += socket.readAll();
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const qsizetype lengthAt = data.indexOf("Content-Length: ");
            const qint64 length = lengthAt >= 0 && lengthAt < headEnd
                    ? data.mid(lengthAt + 16, data.indexOf("\r\n", lengthAt) - lengthAt - 16)
                              .toLongLong()
                    : 0;
            if (data.size() >= headEnd + 4 + length) {
                return data;
            }
        }
        if (!socket.waitForReadyRead(100) && socket.state() != QAbstractSocket::ConnectedState) {
            data += socket.readAll();
            break;
        }
    }
    return data;
}

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

bool waitForClose(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.state() == QAbstractSocket::UnconnectedState) {
            return true;
        }
        socket.waitForReadyRead(50);
        socket.readAll();
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestHttpGuard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    quint16 port() const { return m_server->port(); }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.routes = tests::addTestRoutes;
        options.configure = [](server::Config &config) {
            config.http.limits.maxBodyBytes = kBodyLimit;
            config.http.limits.maxHeadBytes = 8 * 1024;
            config.http.idleTimeout = std::chrono::seconds(1);
            config.http.requestTimeout = std::chrono::seconds(1);
            config.imports.maxBodyBytes = kImportLimit;
            // Every client here is 127.0.0.1, hundreds at once; the per-client cap has tests of
            // its own servers.
            config.http.maxConnectionsPerClient = 0;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void malformedRequestsGetAProblemAndAClose_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00", 8) << 400;
        QTest::newRow("text garbage") << QByteArray("HELLO THERE\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/3.0\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET /healthz HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("unknown method")
                << QByteArray("PURGE /healthz HTTP/1.1\r\nHost: a\r\n\r\n") << 501;
        QTest::newRow("content-length overflow") << QByteArray(
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Length: "
                "18446744073709551615\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
                                                 << 413;
        QTest::newRow("two content-lengths") << QByteArray(
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: "
                "20\r\n\r\n{}") << 400;
        QTest::newRow("chunked") << QByteArray(
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                "chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                                 << 411;
        QTest::newRow("header too large")
                << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: ") + QByteArray(9000, 'x')
                        + QByteArray("\r\n\r\n")
                << 431;
        QTest::newRow("websocket")
                << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: "
                              "websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                              "dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                << 501;
    }
    void malformedRequestsGetAProblemAndAClose()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const RawReply reply = rawExchange(port(), request);
        QCOMPARE(reply.status(), status);
        QCOMPARE(reply.statuses().size(), 1); // nothing smuggled behind it is answered
        QVERIFY(reply.data.contains("Content-Type: application/problem+json"));
        QVERIFY(reply.data.contains("Connection: close"));
        QVERIFY(reply.closedByServer);
    }

    void hugeDeclaredBodyIsRefusedBeforeItIsSent()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                     "Content-Length: 500000000\r\n\r\n");
        const QByteArray response = readResponse(socket);
        QCOMPARE(statusOf(response), 413);
        QVERIFY(response.contains("payload_too_large"));
        QVERIFY(waitForClose(socket, 3000));
    }

    void importsLargeBodyLimitNeedsAVerifiedToken()
    {
        // The import's own limit (here 1 MiB, normally 256 MiB) lets a body beyond the normal
        // limit in only with a bearer token that verifies; anyone else gets 413 from the head.
        HttpTestClient client(m_server->url());
        const HttpReply signedUp = client.postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, u"importer@example.com"_s},
                        {u"password"_s, u"correct horse battery"_s}, {u"role"_s, u"brand"_s}});
        QCOMPARE(signedUp.status, 201);
        const QByteArray token = signedUp.json().value(u"accessToken"_s).toString().toLatin1();
        QVERIFY(!token.isEmpty());
        const qint64 size = 4 * kBodyLimit;
        const auto head = [size](const QByteArray &authorization) -> QByteArray {
            QByteArray h = "POST /api/v1/analytics/imports HTTP/1.1\r\nHost: a\r\n"
                           "Content-Type: text/csv\r\nContent-Length: "
                    + QByteArray::number(size) + "\r\n";
            if (!authorization.isEmpty()) {
                h += "Authorization: " + authorization + "\r\n";
            }
            return h + "\r\n";
        };
        QByteArray forged = token;
        forged[forged.size() - 2] = forged.at(forged.size() - 2) == 'A' ? 'B' : 'A';
        for (const QByteArray &authorization :
                QList<QByteArray>{{}, "Bearer " + forged, "Basic " + token}) {
            QTcpSocket socket;
            socket.connectToHost(u"127.0.0.1"_s, port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(head(authorization));
            const QByteArray response = readResponse(socket);
            QCOMPARE(statusOf(response), 413);
            QVERIFY(waitForClose(socket, 3000));
        }
        // Within the normal limit the route answers, and authentication comes first.
        const HttpReply small = client.send(
                "POST", u"/api/v1/analytics/imports"_s, "a,b\n", {{"Content-Type", "text/csv"}});
        QCOMPARE(small.status, 401);
        // With the token the body is read whole and reaches the route (no 413).
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(head("Bearer " + token) + QByteArray(size, 'x'));
        const QByteArray response = readResponse(socket);
        const int status = statusOf(response);
        QVERIFY2(status != 0 && status != 413 && status != 401, response.constData());
    }

    void loggedValuesCannotForgeLines()
    {
        // A user value inside a database error's text, logged as an unexpected error: a bio
        // with a line break and a fake entry must stay one line, its controls escaped.
        const QString forged = u"x\n2026-01-01T00:00:00.000Z info influence.auth "
                               "admin@example.com signed in\r\u2028\u0085\\n"_s;
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stderr);
        const int saved = ::dup(STDERR_FILENO);
        QVERIFY(saved >= 0);
        QVERIFY(::dup2(capture.handle(), STDERR_FILENO) >= 0);
        HttpTestClient client(m_server->url());
        const HttpReply reply = client.send("POST", u"/test/db-error"_s,
                QJsonDocument(QJsonObject{{u"bio"_s, forged}}).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}});
        std::fflush(stderr);
        ::dup2(saved, STDERR_FILENO);
        ::close(saved);
        QCOMPARE(reply.status, 500);
        capture.seek(0);
        const QList<QByteArray> lines = capture.readAll().split('\n');
        QList<QByteArray> mentioning;
        for (const QByteArray &line : lines) {
            if (line.contains("signed in")) {
                mentioning.append(line);
            }
        }
        QCOMPARE(mentioning.size(), 1);
        const QByteArray &line = mentioning.first();
        QVERIFY2(line.contains("unexpected database error"), line.constData());
        QVERIFY2(line.contains(R"(x\n2026-01-01T00:00:00.000Z info)"), line.constData());
        QVERIFY2(line.contains(R"(signed in\r\u2028\x85\\n)"), line.constData());
        QVERIFY(!line.contains('\r'));
        // JSON lines: the controls escaped by JSON, U+2028/2029 as well.
        const QByteArray json = server::log::jsonLine({{u"msg"_s, u"a\nb\u2028c\u2029"_s}});
        QCOMPARE(json, QByteArray(R"({"msg":"a\nb\u2028c\u2029"})"));
    }

    void bodyLimitBoundary()
    {
        HttpTestClient client(m_server->url());
        const QByteArray atLimit = jsonOfSize(kBodyLimit);
        QCOMPARE(atLimit.size(), kBodyLimit);
        const auto ok = client.send(
                "POST", u"/test/echo"_s, atLimit, {{"Content-Type", "application/json"}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(u"_bytes"_s).toInteger(), kBodyLimit);
        const RawReply over = rawExchange(port(),
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: "
                "application/json\r\nContent-Length: "
                        + QByteArray::number(kBodyLimit + 1) + "\r\n\r\n"
                        + jsonOfSize(kBodyLimit + 1));
        QCOMPARE(over.status(), 413);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        const QByteArray body = R"({"n":5})";
        const QByteArray requests = "GET /test/slow/300 HTTP/1.1\r\nHost: a\r\n\r\n"
                                    "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
                                    "HEAD /api/v1/version HTTP/1.1\r\nHost: a\r\n\r\n"
                                    "GET /test/db HTTP/1.1\r\nHost: a\r\n\r\n"
                                    "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: "
                                    "application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body
                + "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
        const RawReply reply = rawExchange(port(), requests, std::chrono::milliseconds(3000));
        QCOMPARE(reply.statuses(), (QList<int>{200, 200, 200, 200, 200, 404}));
        const qsizetype slept = reply.data.indexOf("\"slept\":300");
        const qsizetype health = reply.data.indexOf("{\"status\":\"ok\"}");
        const qsizetype value = reply.data.indexOf("{\"value\":1}");
        const qsizetype echo = reply.data.indexOf("\"n\":5");
        QVERIFY(slept > 0 && health > slept && value > health && echo > value);
        // HEAD sent no body: exactly six status lines and the version JSON appears nowhere.
        QVERIFY(!reply.data.contains("\"apiVersion\""));
        QVERIFY(reply.closedByServer);
    }

    void requestHeadsArrivingInPieces()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        // The first request is handed to QHttpServer; later ones are inspected at request
        // boundaries, also when QHttpServer has already started reading them.
        sendSlowly(socket, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(statusOf(readResponse(socket)), 200);
        sendSlowly(socket, "GET /api/v1/version HTTP/1.1\r\nHost: a\r\nX-Pad: 0123456789\r\n\r\n");
        const QByteArray second = readResponse(socket);
        QCOMPARE(statusOf(second), 200);
        QVERIFY(second.contains("\"apiVersion\":\"v1\""));
        const QByteArray body = R"({"k":"v"})";
        sendSlowly(socket,
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: "
                "application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        const QByteArray third = readResponse(socket);
        QCOMPARE(statusOf(third), 200);
        QVERIFY(third.contains("\"k\":\"v\""));
        // A too-large head that arrives in pieces is still refused.
        socket.write("GET /healthz HTTP/1.1\r\nHost: a\r\n");
        socket.waitForBytesWritten(1000);
        for (int i = 0; i < 20; ++i) {
            socket.write("X-Filler: " + QByteArray(500, 'y') + "\r\n");
            socket.waitForBytesWritten(1000);
            QThread::usleep(2000);
        }
        const QByteArray refused = readResponse(socket);
        QCOMPARE(statusOf(refused), 431);
        QVERIFY(waitForClose(socket, 3000));
    }

    void expectContinue()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = R"({"big":true})";
        socket.write("POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(3000));
        QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(body);
        const QByteArray response = readResponse(socket);
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.contains("\"big\":true"));
    }

    void connectionHandling_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<QByteArray>("connectionHeader");
        QTest::newRow("1.1 keep-alive")
                << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n") << false << QByteArray();
        QTest::newRow("1.1 close")
                << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                << true << QByteArray("Connection: close");
        QTest::newRow("1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << true
                             << QByteArray("Connection: close");
        QTest::newRow("1.0 keep-alive")
                << QByteArray("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false
                << QByteArray("Connection: keep-alive");
    }
    void connectionHandling()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, closes);
        QFETCH(QByteArray, connectionHeader);
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request);
        const QByteArray response = readResponse(socket);
        QCOMPARE(statusOf(response), 200);
        if (!connectionHeader.isEmpty()) {
            QVERIFY(response.contains(connectionHeader));
        }
        if (closes) {
            QVERIFY(waitForClose(socket, 2000));
        } else {
            QVERIFY(!socket.waitForDisconnected(300));
            socket.write(request);
            QCOMPARE(statusOf(readResponse(socket)), 200);
        }
    }

    void idleConnectionsAreClosed()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(statusOf(readResponse(socket)), 200);
        // Idle timeout is 1 s in this test: closed without a response.
        QVERIFY(waitForClose(socket, 5000));
    }

    void slowClientsGet408()
    {
        const RawReply reply = rawExchange(port(), "GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slo",
                std::chrono::milliseconds(4000));
        QCOMPARE(reply.status(), 408);
        QVERIFY(reply.data.contains("request_timeout"));
        QVERIFY(reply.closedByServer);
    }

    void manyHalfSentConnectionsDoNotBlockOthers()
    {
        const qint64 before = residentKiB();
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 300; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(u"127.0.0.1"_s, port());
            QVERIFY(socket->waitForConnected(5000));
            socket->write(
                    i % 2 ? "GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slow: "
                          : "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n{");
            socket->waitForBytesWritten(1000);
            sockets.push_back(std::move(socket));
        }
        HttpTestClient client(m_server->url());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.get(u"/healthz"_s).status, 200);
        QCOMPARE(client.get(u"/test/db"_s).status, 200);
        // All of them are cut off by the request deadline (1 s here).
        int closed = 0;
        for (auto &socket : sockets) {
            if (waitForClose(*socket, 5000)) {
                ++closed;
            }
        }
        QCOMPARE(closed, 300);
        const qint64 growth = residentKiB() - before;
        QVERIFY2(growth < 64 * 1024, qPrintable(u"RSS grew by %1 KiB"_s.arg(growth)));
        QCOMPARE(client.get(u"/healthz"_s).status, 200);
    }

    void connectionCap()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.http.maxConnections = 20; // 10 per HTTP thread
            config.http.idleTimeout = std::chrono::seconds(30);
        };
        TestServer capped(options);
        QVERIFY2(capped.isRunning(), qPrintable(capped.error()));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 40; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(u"127.0.0.1"_s, capped.port());
            QVERIFY(socket->waitForConnected(5000));
            sockets.push_back(std::move(socket));
        }
        int refused = 0;
        for (auto &socket : sockets) {
            const QByteArray response = readResponse(*socket, 300);
            if (statusOf(response) == 503) {
                QVERIFY(response.contains("service_unavailable"));
                ++refused;
            }
        }
        QVERIFY2(refused >= 20, qPrintable(QString::number(refused)));
        sockets.clear();
        HttpTestClient client(capped.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.get(u"/healthz"_s).status, 200, 5000);
    }

    void oneClientCannotTakeEveryConnection()
    {
        // 127.0.0.1 holds its 8 idle connections and tries 40 more, which would fill the
        // process's 24 without a per-client cap; 127.0.0.2 is still answered.
        constexpr int kCap = 8;
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.http.threads = 1;
            config.http.maxConnections = 24;
            config.http.maxConnectionsPerClient = kCap;
            config.http.idleTimeout = std::chrono::seconds(30);
        };
        TestServer capped(options);
        QVERIFY2(capped.isRunning(), qPrintable(capped.error()));
        const auto open = [&capped](const QString &from) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(QHostAddress(from));
            socket->connectToHost(u"127.0.0.1"_s, capped.port());
            return socket;
        };
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < kCap; ++i) {
            held.push_back(open(u"127.0.0.1"_s));
            QVERIFY(held.back()->waitForConnected(5000));
        }
        QTest::qWait(200); // accepted in order, before the others arrive
        // The log tells once that the client reached its cap, and once how many connections
        // were refused when it falls below it (not a line per refused connection).
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stderr);
        const int saved = ::dup(STDERR_FILENO);
        QVERIFY(saved >= 0);
        QVERIFY(::dup2(capture.handle(), STDERR_FILENO) >= 0);
        const auto restoreStderr = qScopeGuard([saved] {
            std::fflush(stderr);
            ::dup2(saved, STDERR_FILENO);
            ::close(saved);
        });
        std::vector<std::unique_ptr<QTcpSocket>> extra;
        for (int i = 0; i < 40; ++i) {
            extra.push_back(open(u"127.0.0.1"_s));
            QVERIFY(extra.back()->waitForConnected(5000));
        }
        for (auto &socket : extra) {
            // Closed at once, without an answer.
            QVERIFY(waitForClose(*socket, 3000));
            QVERIFY(socket->readAll().isEmpty());
        }
        for (auto &socket : held) {
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        }
        // Another client is answered.
        const auto other = open(u"127.0.0.2"_s);
        QVERIFY(other->waitForConnected(5000));
        other->write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(statusOf(readResponse(*other)), 200);
        // The held connections still work, and a slot freed is a slot for the same client.
        held.front()->write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(statusOf(readResponse(*held.front())), 200);
        held.pop_back();
        QTRY_COMPARE_WITH_TIMEOUT(capped.app().httpContext().connections.load(), kCap, 5000);
        const auto logged = [&capture] {
            std::fflush(stderr);
            capture.seek(0);
            return capture.readAll();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logged().contains("is below its connection cap again"), 5000);
        const QByteArray log = logged();
        QCOMPARE(log.count("client 127.0.0.1 holds its 8 connections"), 1);
        QCOMPARE(
                log.count("client 127.0.0.1 is below its connection cap again; 40 connections"), 1);
        const auto again = open(u"127.0.0.1"_s);
        QVERIFY(again->waitForConnected(5000));
        again->write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(statusOf(readResponse(*again)), 200);
    }

    void trustedProxiesHaveNoPerClientCap()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.http.maxConnectionsPerClient = 2;
            config.http.trustedProxies = {u"127.0.0.1"_s};
        };
        TestServer proxied(options);
        QVERIFY2(proxied.isRunning(), qPrintable(proxied.error()));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 6; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(u"127.0.0.1"_s, proxied.port());
            QVERIFY(sockets.back()->waitForConnected(5000));
        }
        for (auto &socket : sockets) {
            socket->write("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
            QCOMPARE(statusOf(readResponse(*socket)), 200);
        }
    }

    void clientsLeavingDuringDatabaseWork()
    {
        // QHttpServer 6.4's QFuture responses crash here (use-after-free); the responder pattern
        // must not: 50 clients disconnect while their work runs.
        for (int i = 0; i < 50; ++i) {
            QTcpSocket socket;
            socket.connectToHost(u"127.0.0.1"_s, port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /test/slow/50 HTTP/1.1\r\nHost: a\r\n\r\nGET /test/db "
                         "HTTP/1.1\r\nHost: a\r\n\r\n");
            socket.waitForBytesWritten(1000);
            socket.abort();
        }
        HttpTestClient client(m_server->url());
        QCOMPARE(client.get(u"/test/db"_s).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->app().httpContext().inFlight.load(), 0, 10000);
    }

    void randomJsonBodies()
    {
        // Mutated JSON documents, correctly framed, on a few keep-alive connections: the body
        // parser answers 200 or 400, never anything else, and never falls over.
        const QList<QByteArray> seeds{
                R"({"name":"Ana","tags":["a","b"],"n":1.5e3,"ok":true,"nested":{"x":null}})",
                "{\"emoji\":\"\\ud83d\\ude00\",\"escaped\":\"\\\"quoted\\\"\\n\","
                "\"big\":123456789012345678901234567890}",
                R"({"a":[[[[[[[[1]]]]]]]],"b":{}})",
        };
        QRandomGenerator rng(7);
        QTcpSocket socket;
        int answered = 0;
        for (int i = 0; i < 600; ++i) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                socket.abort();
                socket.connectToHost(u"127.0.0.1"_s, port());
                QVERIFY(socket.waitForConnected(5000));
            }
            QByteArray body = seeds.at(rng.bounded(int(seeds.size())));
            const int mutations = 1 + rng.bounded(3);
            for (int m = 0; m < mutations && !body.isEmpty(); ++m) {
                const int at = rng.bounded(int(body.size()));
                switch (rng.bounded(3)) {
                case 0: body[at] = char(rng.bounded(256)); break;
                case 1: body.remove(at, 1 + rng.bounded(3)); break;
                default:
                    body.insert(at, body.mid(rng.bounded(int(body.size())), 1 + rng.bounded(10)));
                    break;
                }
            }
            socket.write("POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                         "Content-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            const QByteArray response = readResponse(socket);
            const int status = statusOf(response);
            QVERIFY2(status == 200 || status == 400, response.left(300).constData());
            ++answered;
        }
        QCOMPARE(answered, 600);
    }

    void randomRequestsNeverBreakTheServer()
    {
        // A bounded fuzzer: valid requests mutated by byte flips, insertions, deletions,
        // duplications and truncations, sent 50 connections at a time. Every answer must be a
        // well-formed HTTP response with an expected status; a 500 or a crash fails.
        const QList<QByteArray> seeds{
                "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /api/v1/version?x=1&y=%20 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n",
                "POST /test/echo HTTP/1.1\r\nHost: a\r\nContent-Type: "
                "application/json\r\nContent-Length: 13\r\n\r\n{\"a\":[1,2,3]}",
                "HEAD /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                "OPTIONS /test/echo HTTP/1.1\r\nHost: a\r\nOrigin: "
                "https://x\r\nAccess-Control-Request-Method: POST\r\n\r\n",
                "GET /test/uuid/1b4e28ba-2fa1-11d2-883f-0016d3cca427 HTTP/1.1\r\nHost: a\r\n\r\n",
        };
        const QList<int> allowed{
                100, 200, 204, 400, 404, 405, 408, 411, 413, 415, 422, 431, 501, 503};
        QRandomGenerator rng(20261124);
        int answered = 0;
        constexpr int kBatches = 40;
        constexpr int kPerBatch = 50;
        for (int batch = 0; batch < kBatches; ++batch) {
            std::vector<std::unique_ptr<QTcpSocket>> sockets;
            std::vector<QByteArray> received(kPerBatch);
            for (int i = 0; i < kPerBatch; ++i) {
                QByteArray request = seeds.at(rng.bounded(int(seeds.size())));
                const int mutations = 1 + rng.bounded(4);
                for (int m = 0; m < mutations; ++m) {
                    if (request.isEmpty()) {
                        request = seeds.at(rng.bounded(int(seeds.size())));
                    }
                    const int at = rng.bounded(int(request.size()));
                    switch (rng.bounded(6)) {
                    case 0: request[at] = char(rng.bounded(256)); break;
                    case 1:
                        request.insert(at, QByteArray(1 + rng.bounded(8), char(rng.bounded(256))));
                        break;
                    case 2: request.remove(at, 1 + rng.bounded(6)); break;
                    case 3: request.insert(at, request.mid(at, rng.bounded(40))); break;
                    case 4: request.truncate(at); break;
                    default: request += seeds.at(rng.bounded(int(seeds.size()))); break;
                    }
                }
                auto socket = std::make_unique<QTcpSocket>();
                socket->connectToHost(u"127.0.0.1"_s, port());
                QVERIFY(socket->waitForConnected(5000));
                socket->write(request);
                sockets.push_back(std::move(socket));
            }
            QElapsedTimer quiet;
            quiet.start();
            while (quiet.elapsed() < 400) {
                for (int i = 0; i < kPerBatch; ++i) {
                    if (sockets[i]->waitForReadyRead(2)) {
                        received[i] += sockets[i]->readAll();
                        quiet.restart();
                    }
                }
            }
            for (int i = 0; i < kPerBatch; ++i) {
                const QByteArray &data = received[i];
                if (data.isEmpty()) {
                    continue; // still waiting for the rest of a truncated request: fine
                }
                QVERIFY2(data.startsWith("HTTP/1.1 "), data.left(80).constData());
                tests::RawReply reply;
                reply.data = data;
                const QList<int> statuses = reply.statuses();
                QVERIFY(!statuses.isEmpty());
                for (const int status : statuses) {
                    QVERIFY2(allowed.contains(status), data.left(300).constData());
                    ++answered;
                }
            }
        }
        QVERIFY(answered > kBatches * kPerBatch / 2);
        HttpTestClient client(m_server->url());
        QCOMPARE(client.get(u"/healthz"_s).status, 200);
        QCOMPARE(client.get(u"/test/db"_s).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpGuard)
#include "tst_http_guard.moc"
