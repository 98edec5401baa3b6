// SPDX-License-Identifier: Apache-2.0
// CSV exports streamed (core/http/BodyStream, csv::stream, db::forEachRow) over HTTP against
// PostgreSQL, on the audit log of a brand with tens of megabytes of entries: the whole file
// arrives in chunks, in order and complete; a client that stops reading holds the database
// query back (the rows are not gathered in the server's memory) and gets everything once it
// reads again; a client that leaves ends the query; HEAD gets the head only; a short export is
// one ordinary response; a draining server lets an export in progress finish.
#include "ApiSession.h"
#include "Csv.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "app/ServerApp.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <set>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::parseCsv;
using influence::tests::TestServer;

namespace {

constexpr int kEntries = 20000;
/// Each entry's `after` carries this much padding: about 10 MB of CSV in all, more than the
/// socket buffers on both sides and the stream's window together hold.
constexpr int kPadding = 400;

/// The body of a chunked message (RFC 9112 §7.1); `complete` tells whether the last chunk came.
QByteArray dechunk(const QByteArray &body, bool *complete)
{
    QByteArray out;
    *complete = false;
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        if (lineEnd < 0) {
            break;
        }
        bool ok = false;
        const qsizetype size = body.mid(at, lineEnd - at).toLongLong(&ok, 16);
        if (!ok) {
            break;
        }
        if (size == 0) {
            *complete = body.mid(lineEnd, 4) == "\r\n\r\n";
            break;
        }
        out += body.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
    return out;
}

} // namespace

class TestApiCsvStream : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_owner;

    QByteArray request(const QByteArray &method, const QString &query) const
    {
        return method + " /api/v1/audit-log?" + query.toLatin1()
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\nAuthorization: Bearer "
                + m_owner.toLatin1() + "\r\n\r\n";
    }
    /// How many export queries the database is running now (QPSQL executes prepared statements
    /// as EXECUTE with the bound values: the filter shows). One waiting to send its rows is
    /// active, waiting on ClientWrite.
    int activeExports()
    {
        const server::db::SqlStatement statement(
                u"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                "AND query LIKE '%''stream.test''%' AND pid <> pg_backend_pid()"_s);
        const auto count = m_db->scalar(statement);
        return count ? count->toInt() : -1;
    }
    /// Waits up to `ms` for `done`, spinning the event loop.
    template<class Done>
    static bool waitFor(Done done, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            if (timer.elapsed() > ms) {
                return false;
            }
            QTest::qWait(50);
        }
        return true;
    }
    /// Reads `socket` until a chunked body's last chunk, or for `ms` at most.
    static QByteArray readToTheLastChunk(QTcpSocket &socket, int ms)
    {
        QByteArray data;
        QElapsedTimer timer;
        timer.start();
        while (!data.endsWith("\r\n0\r\n\r\n") && timer.elapsed() < ms) {
            if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(200)) {
                data += socket.readAll();
            }
        }
        return data;
    }
    /// Checks a whole export: the header and every entry once, newest first.
    static void checkRows(const QByteArray &csv)
    {
        const QList<QStringList> rows = parseCsv(csv);
        QCOMPARE(rows.size(), 1 + kEntries);
        const QStringList header = rows.first();
        QCOMPARE(header.first(), u"id"_s);
        const auto after = header.indexOf(u"after"_s);
        QVERIFY(after >= 0);
        std::set<int> seen;
        int previous = kEntries + 1;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const int n = QJsonDocument::fromJson(rows.at(i).at(after).toUtf8())[u"n"_s].toInt();
            QVERIFY2(n == previous - 1,
                    qPrintable(u"row %1: %2 after %3"_s.arg(i).arg(n).arg(previous)));
            previous = n;
            seen.insert(n);
        }
        QCOMPARE(seen.size(), std::size_t{kEntries});
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            // Room for the draining test's export to finish under the sanitizers.
            config.http.shutdownGrace = std::chrono::seconds(90);
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"csv-stream-test"_s);
        QVERIFY(m_db);
        m_owner = m_api->signUp(u"owner@example.com"_s, u"brand"_s);
        QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, m_owner, {{u"companyName"_s, u"Alpine Boots"_s}})
                         .status,
                201);
        const QString owner = m_api->userIdOf(m_owner);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO audit_log (actor_id, brand_id, action, object_type, object_id, "
                "after) SELECT '%1', '%1', 'stream.test', 'payout', gen_random_uuid(), "
                "jsonb_build_object('n', g, 'pad', repeat('x', %2)) "
                "FROM generate_series(1, %3) g"_s.arg(owner)
                        .arg(kPadding)
                        .arg(kEntries)));
        QVERIFY(m_db->execDirect(
                u"INSERT INTO audit_log (actor_id, brand_id, action, object_type, object_id) "
                "SELECT '%1', '%1', 'short.test', 'payout', gen_random_uuid() "
                "FROM generate_series(1, 3)"_s.arg(owner)));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    /// Tens of megabytes in chunks, complete and in order, as a client library reads them.
    void theWholeExportArrivesInChunks()
    {
        const HttpReply reply = m_client->get(u"/api/v1/audit-log?action=stream.test"_s,
                {{"Authorization", "Bearer " + m_owner.toLatin1()}, {"Accept", "text/csv"}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("content-type").startsWith("text/csv"));
        QCOMPARE(reply.header("transfer-encoding"), QByteArray("chunked"));
        QVERIFY(reply.header("content-length").isEmpty());
        QVERIFY(reply.header("content-disposition").contains("attachment"));
        QVERIFY2(reply.body.size() > kEntries * kPadding,
                qPrintable(QString::number(reply.body.size())));
        checkRows(reply.body);
    }

    /// A reader that stops: the database query waits for it (the rows are not all read into
    /// the server's memory), and everything arrives once it reads again.
    void aSlowReaderHoldsTheQueryBack()
    {
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024); // Qt stops taking from the kernel when this is full
        socket.connectToHost(u"127.0.0.1"_s, m_server->url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        socket.write(request("GET", u"action=stream.test"_s));
        QVERIFY(socket.waitForReadyRead(10000));
        // The server has sent what the buffers hold and waits: its query is still running.
        QTest::qWait(1500);
        QCOMPARE(activeExports(), 1);
        const QByteArray data = readToTheLastChunk(socket, 120000);
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QByteArray head = data.left(headEnd);
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QVERIFY(head.toLower().contains("transfer-encoding: chunked"));
        bool complete = false;
        const QByteArray csv = dechunk(data.mid(headEnd + 4), &complete);
        QVERIFY(complete);
        checkRows(csv);
        QVERIFY(waitFor(
                [this] {
                    return activeExports() == 0;
                },
                5000));
    }

    /// A client that leaves mid-export ends the query (a database worker is not held for it),
    /// and the server goes on answering.
    void aClientThatLeavesEndsTheQuery()
    {
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024);
        socket.connectToHost(u"127.0.0.1"_s, m_server->url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        socket.write(request("GET", u"action=stream.test"_s));
        QVERIFY(socket.waitForReadyRead(10000));
        QVERIFY(socket.peek(12).startsWith("HTTP/1.1 200"));
        QVERIFY(waitFor(
                [this] {
                    return activeExports() == 1;
                },
                5000));
        socket.abort();
        QVERIFY2(waitFor(
                         [this] {
                             return activeExports() == 0;
                         },
                         15000),
                "the export query still runs after its client left");
        const HttpReply after = m_client->get(u"/api/v1/audit-log?action=short.test"_s,
                {{"Authorization", "Bearer " + m_owner.toLatin1()}, {"Accept", "text/csv"}});
        QCOMPARE(after.status, 200);
        QCOMPARE(parseCsv(after.body).size(), 4);
    }

    /// HEAD: the head of the streamed answer, no body; the connection serves the next request.
    void headGetsTheHeadOnly()
    {
        const auto reply = tests::rawExchange(m_server->url().port(),
                request("HEAD", u"action=stream.test"_s) + request("GET", u"action=short.test"_s),
                std::chrono::milliseconds(3000));
        QCOMPARE(reply.statuses(), (QList<int>{200, 200}));
        const qsizetype headEnd = reply.data.indexOf("\r\n\r\n");
        QVERIFY(reply.data.left(headEnd).toLower().contains("transfer-encoding: chunked"));
        // Straight after the HEAD's head comes the next response.
        QVERIFY(reply.data.mid(headEnd + 4).startsWith("HTTP/1.1 200"));
        QVERIFY(waitFor(
                [this] {
                    return activeExports() == 0;
                },
                15000));
    }

    /// HTTP/1.0 knows no chunks: the whole file, then the server closes the connection.
    void http10GetsTheBodyUntilClose()
    {
        QByteArray http10 = request("GET", u"action=stream.test"_s);
        http10.replace("HTTP/1.1\r\n", "HTTP/1.0\r\n");
        const auto reply =
                tests::rawExchange(m_server->url().port(), http10, std::chrono::milliseconds(5000));
        QVERIFY(reply.closedByServer);
        const qsizetype headEnd = reply.data.indexOf("\r\n\r\n");
        const QByteArray head = reply.data.left(headEnd).toLower();
        QVERIFY2(head.startsWith("http/1.1 200"), head.constData());
        QVERIFY(!head.contains("transfer-encoding"));
        QVERIFY(!head.contains("content-length"));
        QVERIFY(head.contains("connection: close"));
        checkRows(reply.data.mid(headEnd + 4));
    }

    /// A short export is one ordinary response with its length; filters apply as to the list.
    void aShortExportIsOneResponse()
    {
        const HttpReply reply = m_client->get(u"/api/v1/audit-log?action=short.test"_s,
                {{"Authorization", "Bearer " + m_owner.toLatin1()}, {"Accept", "text/csv"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("content-length").toLongLong(), reply.body.size());
        QVERIFY(reply.header("transfer-encoding").isEmpty());
        const QList<QStringList> rows = parseCsv(reply.body);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(1).at(rows.first().indexOf(u"action"_s)), u"short.test"_s);
    }

    /// A server told to stop (SIGTERM) lets an export in progress finish: the request stays
    /// in flight until its last chunk, the server waits for it within its grace period, then
    /// closes the connection and stops. Last: the server is gone afterwards.
    void aDrainingServerLetsAnExportFinish()
    {
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024);
        socket.connectToHost(u"127.0.0.1"_s, m_server->url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        socket.write(request("GET", u"action=stream.test"_s));
        QVERIFY(socket.waitForReadyRead(10000));
        QVERIFY(socket.peek(12).startsWith("HTTP/1.1 200"));
        QVERIFY(waitFor(
                [this] {
                    return activeExports() == 1;
                },
                5000));

        QSignalSpy stopped(&m_server->app(), &server::ServerApp::stopped);
        m_server->app().shutdown();
        QVERIFY(m_server->app().httpContext().draining.load());
        // The reader has not read on: the export waits for it, and the server for the export.
        QTest::qWait(1000);
        QCOMPARE(stopped.count(), 0);
        QCOMPARE(m_server->app().httpContext().inFlight.load(), 1);

        const QByteArray data = readToTheLastChunk(socket, 60000);
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        bool complete = false;
        const QByteArray csv = dechunk(data.mid(headEnd + 4), &complete);
        QVERIFY2(complete, "the export was cut by the shutdown");
        checkRows(csv);
        // Then the connection closes and the server stops.
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState
                || socket.waitForDisconnected(10000));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
        QCOMPARE(m_server->app().httpContext().inFlight.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiCsvStream)
#include "tst_api_csv_stream.moc"
