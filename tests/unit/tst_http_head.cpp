// SPDX-License-Identifier: Apache-2.0
// The request-head guard: what it accepts, what it refuses and with which code.
#include "core/http/HttpHead.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using influence::common::ErrorCode;
using namespace influence::server::http;

Q_DECLARE_METATYPE(HeadInspection::Outcome)
Q_DECLARE_METATYPE(ErrorCode)

class TestHttpHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspect_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<HeadInspection::Outcome>("outcome");
        QTest::addColumn<ErrorCode>("error");
        using O = HeadInspection::Outcome;
        const auto ok = ErrorCode::MalformedRequest; // ignored unless Rejected

        QTest::newRow("get") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << O::Complete
                             << ok;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << O::Complete << ok;
        QTest::newRow("leading CRLF")
                << QByteArray("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << O::Complete << ok;
        QTest::newRow("http/1.0 without host")
                << QByteArray("GET / HTTP/1.0\r\n\r\n") << O::Complete << ok;
        QTest::newRow("absolute form")
                << QByteArray("GET http://a/x HTTP/1.1\r\nHost: a\r\n\r\n") << O::Complete << ok;
        QTest::newRow("options *")
                << QByteArray("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n") << O::Complete << ok;
        QTest::newRow("partial line") << QByteArray("GET /api/v1/ver") << O::Incomplete << ok;
        QTest::newRow("partial headers")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << O::Incomplete << ok;
        QTest::newRow("empty") << QByteArray() << O::Incomplete << ok;

        QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x02\x00", 5) << O::Rejected
                                        << ErrorCode::MalformedRequest;
        QTest::newRow("NUL") << QByteArray("GET /\0 HTTP/1.1\r\nHost: a\r\n\r\n", 29) << O::Rejected
                             << ErrorCode::MalformedRequest;
        QTest::newRow("no version") << QByteArray("GET /\r\nHost: a\r\n\r\n") << O::Rejected
                                    << ErrorCode::MalformedRequest;
        QTest::newRow("http/2 text") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n")
                                     << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("http/9.9") << QByteArray("GET / HTTP/9.9\r\nHost: a\r\n\r\n") << O::Rejected
                                  << ErrorCode::MalformedRequest;
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")
                                      << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n")
                                         << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("relative target") << QByteArray("GET api HTTP/1.1\r\nHost: a\r\n\r\n")
                                         << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("unknown method") << QByteArray("BREW / HTTP/1.1\r\nHost: a\r\n\r\n")
                                        << O::Rejected << ErrorCode::NotImplemented;
        QTest::newRow("trace") << QByteArray("TRACE / HTTP/1.1\r\nHost: a\r\n\r\n") << O::Rejected
                               << ErrorCode::NotImplemented;
        QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\nHost: a\r\n\r\n")
                                           << O::Rejected << ErrorCode::NotImplemented;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << O::Rejected
                                 << ErrorCode::MalformedRequest;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
                                   << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("folded header")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n") << O::Rejected
                << ErrorCode::MalformedRequest;
        QTest::newRow("space before colon")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 5\r\n\r\n")
                << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nnonsense\r\n\r\n")
                                  << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("control char in value")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: a\x01z\r\n\r\n") << O::Rejected
                << ErrorCode::MalformedRequest;
        QTest::newRow("chunked") << QByteArray(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << O::Rejected << ErrorCode::LengthRequired;
        QTest::newRow("cl and te") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: "
                                                 "3\r\nTransfer-Encoding: chunked\r\n\r\n")
                                   << O::Rejected << ErrorCode::LengthRequired;
        QTest::newRow("two content-length") << QByteArray(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n")
                                            << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("negative content-length")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n")
                << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("plus content-length")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n")
                << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("list content-length")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n")
                << O::Rejected << ErrorCode::MalformedRequest;
        QTest::newRow("2^64-1 content-length") << QByteArray(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 18446744073709551615\r\n\r\n")
                                               << O::Rejected << ErrorCode::PayloadTooLarge;
        QTest::newRow("over body limit")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n")
                << O::Rejected << ErrorCode::PayloadTooLarge;
        QTest::newRow("at body limit")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n")
                << O::Complete << ok;
        QTest::newRow("odd expect")
                << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n") << O::Rejected
                << ErrorCode::BadRequest;
        QTest::newRow("websocket upgrade") << QByteArray(
                "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
                                           << O::Rejected << ErrorCode::NotImplemented;
        QTest::newRow("head too large") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: ")
                        + QByteArray(20000, 'a') + QByteArray("\r\n\r\n")
                                        << O::Rejected << ErrorCode::HeaderFieldsTooLarge;
        QTest::newRow("endless head")
                << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a') << O::Rejected
                << ErrorCode::HeaderFieldsTooLarge;
        QByteArray many = "GET / HTTP/1.1\r\nHost: a\r\n";
        for (int i = 0; i < 120; ++i) {
            many += "X: 1\r\n";
        }
        QTest::newRow("too many headers") << many + "\r\n"
                                          << O::Rejected << ErrorCode::HeaderFieldsTooLarge;
    }

    void inspect()
    {
        QFETCH(QByteArray, data);
        QFETCH(HeadInspection::Outcome, outcome);
        QFETCH(ErrorCode, error);
        const HeadInspection result = inspectHead(data, HeadLimits{});
        QCOMPARE(result.outcome, outcome);
        if (outcome == HeadInspection::Outcome::Rejected) {
            QCOMPARE(result.error, error);
            QVERIFY(!result.reason.isEmpty());
        }
    }

    void parsedFields()
    {
        const QByteArray data = "POST /api/v1/x?y=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n"
                                "X-Mixed-Case: Value \r\nExpect: 100-continue\r\n\r\n{\"a\":1}";
        const HeadInspection result = inspectHead(data, HeadLimits{});
        QCOMPARE(result.outcome, HeadInspection::Outcome::Complete);
        const HttpHead &head = result.head;
        QCOMPARE(head.method, HttpMethod::Post);
        QCOMPARE(head.target, QByteArray("/api/v1/x?y=1"));
        QCOMPARE(head.contentLength, qint64(12));
        QCOMPARE(head.header("x-mixed-case"), QByteArray("Value"));
        QVERIFY(head.expectContinue);
        QVERIFY(head.keepAlive);
        QCOMPARE(head.headSize, data.indexOf("{"));
    }

    void randomInputsAreHandled()
    {
        // 200 000 mutated heads: the inspector must classify every one without crashing, and a
        // Complete head must be self-consistent.
        const QList<QByteArray> seeds{
                "GET /api/v1/x?y=1 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n",
                "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\nContent-Type: "
                "application/json\r\n\r\n",
                "HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        };
        QRandomGenerator rng(42);
        int complete = 0;
        int rejected = 0;
        for (int i = 0; i < 200000; ++i) {
            QByteArray data = seeds.at(rng.bounded(int(seeds.size())));
            const int mutations = 1 + rng.bounded(3);
            for (int m = 0; m < mutations && !data.isEmpty(); ++m) {
                const int at = rng.bounded(int(data.size()));
                switch (rng.bounded(4)) {
                case 0: data[at] = char(rng.bounded(256)); break;
                case 1: data.insert(at, char(rng.bounded(256))); break;
                case 2: data.remove(at, 1 + rng.bounded(4)); break;
                default: data.insert(at, data.mid(at, rng.bounded(20))); break;
                }
            }
            const HeadInspection result = inspectHead(data, HeadLimits{});
            if (result.outcome == HeadInspection::Outcome::Complete) {
                ++complete;
                QVERIFY(result.head.headSize > 0 && result.head.headSize <= data.size());
                QVERIFY(result.head.contentLength >= 0);
                QVERIFY(result.head.contentLength <= HeadLimits{}.maxBodyBytes);
                QVERIFY(result.head.target.startsWith('/') || result.head.target.startsWith("http")
                        || result.head.target == "*");
            } else if (result.outcome == HeadInspection::Outcome::Rejected) {
                ++rejected;
                QVERIFY(!result.reason.isEmpty());
            }
        }
        QVERIFY(complete > 1000);
        QVERIFY(rejected > 1000);
    }

    void keepAlive_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << true;
        QTest::newRow("1.1 close")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("1.1 Close list")
                << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: TE, Close\r\n\r\n")
                << false;
        QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive")
                << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
    }
    void keepAlive()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, keepAlive);
        const HeadInspection result = inspectHead(data, HeadLimits{});
        QCOMPARE(result.outcome, HeadInspection::Outcome::Complete);
        QCOMPARE(result.head.keepAlive, keepAlive);
    }
};

QTEST_GUILESS_MAIN(TestHttpHead)
#include "tst_http_head.moc"
