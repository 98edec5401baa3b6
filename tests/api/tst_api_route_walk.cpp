// SPDX-License-Identifier: Apache-2.0
// Hostile input over the whole route table (every domain's routes and the test routes), each
// route called the same way: U+0000 in a JSON body, a query parameter or a path segment is
// refused before any handler with a problem naming where it was (never a 500), and every route
// the API document marks as needing a bearer token answers 401 to a request without one,
// whatever its body.
#include "HttpTestClient.h"
#include "TestRoutes.h"
#include "TestServer.h"
#include "core/http/HttpContext.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

const QString kId = u"1f0e6f5e-2b7a-4a4c-9d36-5f1b9e2c7a10"_s;

/// The route's template with every {placeholder} filled by a valid UUID (any value would do).
QString concrete(QString path)
{
    static const QRegularExpression placeholder(u"\\{[^}]+\\}"_s);
    return path.replace(placeholder, kId);
}

QString problemCode(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QString firstField(const HttpReply &reply)
{
    return reply.json()[u"errors"_s][0][u"field"_s].toString();
}

} // namespace

class TestApiRouteWalk : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    QJsonObject m_document;

    /// Every route as a data row: its method and its template.
    void routeRows(bool withTestRoutes)
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        int rows = 0;
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            if (!withTestRoutes && route.pathTemplate.startsWith(u"/test/"_s)) {
                continue;
            }
            const QByteArray method = server::http::methodName(route.method);
            QTest::newRow(qPrintable(QString::fromLatin1(method) + u' ' + route.pathTemplate))
                    << method << route.pathTemplate;
            ++rows;
        }
        QVERIFY(rows > 90);
    }

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body,
            const QList<std::pair<QByteArray, QByteArray>> &extra = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        headers += extra;
        return m_client->send(method, path, body, headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.routes = tests::addTestRoutes;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        const HttpReply document = m_client->get(u"/openapi.json"_s);
        QCOMPARE(document.status, 200);
        m_document = document.json();
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void nulInABodyIsRefusedNamingTheField_data() { routeRows(true); }
    void nulInABodyIsRefusedNamingTheField()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        // The fields sign-in, registration and reset read, a nested one, and a NUL in a key; a
        // token (valid or not) changes nothing.
        const QByteArray body = R"({"email":"a\u0000@example.com","password":"pass\u0000word",)"
                                R"("role":"influencer","nested":{"list":["x","y\u0000"]}})";
        for (const bool token : {false, true}) {
            const HttpReply reply = send(method, concrete(path), body,
                    token ? QList<std::pair<QByteArray, QByteArray>>{{"Authorization",
                            "Bearer x.y.z"}}
                          : QList<std::pair<QByteArray, QByteArray>>{});
            QVERIFY2(reply.status != 500, reply.body.constData());
            QCOMPARE(reply.status, 422);
            QCOMPARE(problemCode(reply), u"validation_failed"_s);
            QCOMPARE(firstField(reply), u"email"_s);
        }
        const HttpReply nested =
                send(method, concrete(path), R"({"a":{"b":[1,{"c\u0000d":true}]}})");
        QCOMPARE(nested.status, 422);
        QCOMPARE(firstField(nested), u"a/b/1/c\\u0000d"_s);
    }

    void nulInAQueryOrPathIsRefusedNamingTheParameter_data() { routeRows(true); }
    void nulInAQueryOrPathIsRefusedNamingTheParameter()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpReply query = send(method, concrete(path) + u"?q=a%00b&from=2026-01-01"_s, {});
        QVERIFY2(query.status != 500, query.body.constData());
        QCOMPARE(query.status, 400);
        QCOMPARE(problemCode(query), u"invalid_parameter"_s);
        QCOMPARE(firstField(query), u"q"_s);
        if (!path.contains(u'{')) {
            return;
        }
        // Raw, as QUrl::setPath would send the % itself encoded.
        QString withNul = path;
        withNul.replace(QRegularExpression(u"\\{[^}]+\\}"_s), u"a%00b"_s);
        const tests::RawReply segment = tests::rawExchange(m_server->port(),
                method + ' ' + withNul.toLatin1()
                        + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        QCOMPARE(segment.status(), 400);
        QVERIFY2(segment.data.contains("invalid_parameter"), segment.data.constData());
    }

    void anEscapedBackslashIsNoNul()
    {
        // "\\u0000" is a backslash followed by the text u0000: no NUL, echoed back unchanged.
        const HttpReply reply = send("POST", u"/test/echo"_s, R"({"text":"a\\u0000b"})");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"text"_s).toString(), u"a\\u0000b"_s);
    }

    void aRawNulIsNotAccepted()
    {
        const HttpReply login = send("POST", u"/api/v1/auth/login"_s,
                QByteArray("{\"email\":\"a\0@example.com\",\"password\":\"x\"}", 42));
        QVERIFY2(login.status != 500, login.body.constData());
        QVERIFY(login.status == 400 || login.status == 422);
    }

    void everyRouteNeedingATokenAnswers401First_data() { routeRows(false); }
    void everyRouteNeedingATokenAnswers401First()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QJsonObject operation =
                m_document[u"paths"_s][path][QString::fromLatin1(method).toLower()].toObject();
        QVERIFY2(!operation.isEmpty(), "the route is not in the API document");
        const bool needsToken = operation.contains(u"security"_s)
                && !operation.value(u"security"_s).toArray().isEmpty();
        if (!needsToken) {
            QSKIP("a public route");
        }
        for (const QByteArray &body : {QByteArray("{}"), QByteArray("not json"), QByteArray()}) {
            const HttpReply reply = send(method, concrete(path), body, {{"Idempotency-Key", ""}});
            QCOMPARE(reply.status, 401);
            QCOMPARE(problemCode(reply), u"unauthorized"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiRouteWalk)
#include "tst_api_route_walk.moc"
