// SPDX-License-Identifier: Apache-2.0
// POST /api/v1/forecasts over HTTP: signed-in users only (401 before the body is read), every
// bad body a problem naming its field (400 malformed JSON, 422 validation_failed), and a good
// answer in the shape other front ends are written against: model, points with step, mean and
// lo/hi per level, aicc and mase.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

QJsonArray weekly(int n)
{
    QJsonArray values;
    for (int t = 0; t < n; ++t) {
        values.append(1000 + 3 * t + 80 * std::sin(2 * 3.141592653589793 * t / 7) + (t * 37 % 11));
    }
    return values;
}

QJsonObject goodBody()
{
    return {{u"values"_s, weekly(70)}, {u"seasonPeriod"_s, 7}, {u"horizon"_s, 14},
            {u"levels"_s, QJsonArray{80, 95}}};
}

} // namespace

class TestApiForecast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    QString m_token;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_token = m_api->signUp(u"analyst@example.com"_s, u"brand"_s);
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void signedInOnly()
    {
        QCOMPARE(m_api->post(u"/api/v1/forecasts"_s, QString(), goodBody()).status, 401);
        // 401 whatever the body: the token is checked before the body is read.
        QCOMPARE(m_client->send("POST", u"/api/v1/forecasts"_s, "{nope", ApiSession::as(QString()))
                         .status,
                401);
    }

    void answersInTheIssuesShape()
    {
        const HttpReply reply = m_api->post(u"/api/v1/forecasts"_s, m_token, goodBody());
        QCOMPARE(reply.status, 200);
        const QJsonObject answer = reply.json();
        QVERIFY2(answer.value(u"model"_s).toString().startsWith(u"ETS("_s)
                        || answer.value(u"model"_s).toString() == u"Theta"_s
                        || answer.value(u"model"_s).toString().startsWith(u"Combination("_s),
                qPrintable(answer.value(u"model"_s).toString()));
        const QJsonArray points = answer.value(u"points"_s).toArray();
        QCOMPARE(points.size(), 14);
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QJsonObject p = points.at(i).toObject();
            QCOMPARE(p.value(u"step"_s).toInt(), i + 1);
            const double mean = p.value(u"mean"_s).toDouble();
            QVERIFY(p.value(u"lo95"_s).toDouble() <= p.value(u"lo80"_s).toDouble());
            QVERIFY(p.value(u"lo80"_s).toDouble() < mean && mean < p.value(u"hi80"_s).toDouble());
            QVERIFY(p.value(u"hi80"_s).toDouble() <= p.value(u"hi95"_s).toDouble());
            QVERIFY(mean > 1100 && mean < 1400); // the series' level and trend go on
        }
        QVERIFY(answer.value(u"mase"_s).isDouble());
        QVERIFY(answer.value(u"mase"_s).toDouble() > 0);
        QVERIFY(answer.contains(u"aicc"_s));
        // The same request gives the same answer (fixed seeds).
        QCOMPARE(m_api->post(u"/api/v1/forecasts"_s, m_token, goodBody()).json(), answer);
    }

    void defaultsAndOtherLevels()
    {
        const QJsonObject body{{u"values"_s, QJsonArray{5, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0}},
                {u"horizon"_s, 3}, {u"levels"_s, QJsonArray{50, 99.5}}, {u"nonNegative"_s, true}};
        const HttpReply reply = m_api->post(u"/api/v1/forecasts"_s, m_token, body);
        QCOMPARE(reply.status, 200);
        const QJsonArray points = reply.json().value(u"points"_s).toArray();
        QCOMPARE(points.size(), 3);
        const QJsonObject first = points.first().toObject();
        QVERIFY(first.contains(u"lo50"_s) && first.contains(u"hi99.5"_s));
        QVERIFY(!first.contains(u"lo80"_s));
        QVERIFY(first.value(u"lo99.5"_s).toDouble() >= 0); // clamped
        // Short and constant series are answered too.
        const QJsonObject constant{{u"values"_s, QJsonArray{7, 7, 7, 7, 7, 7}}, {u"horizon"_s, 2}};
        const QJsonObject flat = m_api->post(u"/api/v1/forecasts"_s, m_token, constant).json();
        const QJsonObject step = flat.value(u"points"_s).toArray().first().toObject();
        QCOMPARE(step.value(u"mean"_s).toDouble(), 7.0);
        QCOMPARE(step.value(u"lo95"_s).toDouble(), 7.0);
        const QJsonObject two{{u"values"_s, QJsonArray{3, 4}}, {u"horizon"_s, 2}};
        const QJsonObject naive = m_api->post(u"/api/v1/forecasts"_s, m_token, two).json();
        QCOMPARE(naive.value(u"model"_s).toString(), u"Naive"_s);
        QVERIFY(naive.value(u"aicc"_s).isNull());
    }

    void badBodies_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QJsonValue absent(u"<absent>"_s); // removes the field
        QJsonArray tooMany;
        for (int i = 0; i < 10'001; ++i) {
            tooMany.append(i);
        }
        QTest::newRow("values missing")
                << QJsonObject{{u"values"_s, absent}} << u"values"_s << u"required"_s;
        QTest::newRow("values not array")
                << QJsonObject{{u"values"_s, u"1,2,3"_s}} << u"values"_s << u"invalid_value"_s;
        QTest::newRow("values empty")
                << QJsonObject{{u"values"_s, QJsonArray{}}} << u"values"_s << u"invalid_value"_s;
        QTest::newRow("values too many")
                << QJsonObject{{u"values"_s, tooMany}} << u"values"_s << u"invalid_value"_s;
        QTest::newRow("value text") << QJsonObject{{u"values"_s, QJsonArray{1, u"2"_s, 3}}}
                                    << u"values[1]"_s << u"invalid_value"_s;
        QTest::newRow("value null") << QJsonObject{{u"values"_s, QJsonArray{1, 2, QJsonValue()}}}
                                    << u"values[2]"_s << u"invalid_value"_s;
        QTest::newRow("value huge") << QJsonObject{{u"values"_s, QJsonArray{1, 2e16}}}
                                    << u"values[1]"_s << u"invalid_value"_s;
        QTest::newRow("horizon missing")
                << QJsonObject{{u"horizon"_s, absent}} << u"horizon"_s << u"required"_s;
        QTest::newRow("horizon zero")
                << QJsonObject{{u"horizon"_s, 0}} << u"horizon"_s << u"invalid_value"_s;
        QTest::newRow("horizon 367")
                << QJsonObject{{u"horizon"_s, 367}} << u"horizon"_s << u"invalid_value"_s;
        QTest::newRow("horizon fraction")
                << QJsonObject{{u"horizon"_s, 2.5}} << u"horizon"_s << u"invalid_value"_s;
        QTest::newRow("horizon text")
                << QJsonObject{{u"horizon"_s, u"30"_s}} << u"horizon"_s << u"invalid_value"_s;
        QTest::newRow("season zero")
                << QJsonObject{{u"seasonPeriod"_s, 0}} << u"seasonPeriod"_s << u"invalid_value"_s;
        QTest::newRow("season 367")
                << QJsonObject{{u"seasonPeriod"_s, 367}} << u"seasonPeriod"_s << u"invalid_value"_s;
        QTest::newRow("season null") << QJsonObject{{u"seasonPeriod"_s, QJsonValue::Null}}
                                     << u"seasonPeriod"_s << u"invalid_value"_s;
        QTest::newRow("levels not array")
                << QJsonObject{{u"levels"_s, 80}} << u"levels"_s << u"invalid_value"_s;
        QTest::newRow("levels empty")
                << QJsonObject{{u"levels"_s, QJsonArray{}}} << u"levels"_s << u"invalid_value"_s;
        QTest::newRow("levels six")
                << QJsonObject{{u"levels"_s, QJsonArray{10, 20, 30, 40, 50, 60}}} << u"levels"_s
                << u"invalid_value"_s;
        QTest::newRow("level 100") << QJsonObject{{u"levels"_s, QJsonArray{80, 100}}}
                                   << u"levels[1]"_s << u"invalid_value"_s;
        QTest::newRow("level 0") << QJsonObject{{u"levels"_s, QJsonArray{0}}} << u"levels[0]"_s
                                 << u"invalid_value"_s;
        QTest::newRow("level negative") << QJsonObject{{u"levels"_s, QJsonArray{-5}}}
                                        << u"levels[0]"_s << u"invalid_value"_s;
        QTest::newRow("level text") << QJsonObject{{u"levels"_s, QJsonArray{u"80"_s}}}
                                    << u"levels[0]"_s << u"invalid_value"_s;
        QTest::newRow("level twice") << QJsonObject{{u"levels"_s, QJsonArray{80, 80}}}
                                     << u"levels[1]"_s << u"duplicate"_s;
        QTest::newRow("nonNegative text") << QJsonObject{{u"nonNegative"_s, u"yes"_s}}
                                          << u"nonNegative"_s << u"invalid_value"_s;
    }

    void badBodies()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, field);
        QFETCH(QString, code);
        QJsonObject body = goodBody();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value() == QJsonValue(u"<absent>"_s)) {
                body.remove(it.key());
            } else {
                body.insert(it.key(), it.value());
            }
        }
        const HttpReply reply = m_api->post(u"/api/v1/forecasts"_s, m_token, body);
        QCOMPARE(reply.status, 422);
        const QJsonObject problem = reply.json();
        QCOMPARE(problem.value(u"code"_s).toString(), u"validation_failed"_s);
        const QJsonArray errors = problem.value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(u"field"_s).toString(), field);
        QCOMPARE(errors.first().toObject().value(u"code"_s).toString(), code);
    }

    /// influence-server forecast: the same engine on a CSV file, CSV out, the model on stderr.
    void commandLine()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath(u"series.csv"_s));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("day,followers\n");
        const QJsonArray values = weekly(70);
        for (qsizetype i = 0; i < values.size(); ++i) {
            csv.write(u"2026-01-%1,%2\n"_s.arg(i + 1)
                              .arg(values.at(i).toDouble(), 0, 'g', 17)
                              .toUtf8());
        }
        csv.close();
        QProcess process;
        process.start(QStringLiteral(INFLUENCE_SERVER_BINARY),
                {u"forecast"_s, u"--input"_s, csv.fileName(), u"--season"_s, u"7"_s, u"--horizon"_s,
                        u"14"_s});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList lines =
                QString::fromUtf8(process.readAllStandardOutput()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 15);
        QCOMPARE(lines.first(), u"step,mean,lo80,hi80,lo95,hi95"_s);
        // The same numbers as the route's.
        const QJsonObject answer = m_api->post(u"/api/v1/forecasts"_s, m_token, goodBody()).json();
        const QJsonObject first = answer.value(u"points"_s).toArray().first().toObject();
        const QStringList cells = lines.at(1).split(u',');
        QCOMPARE(cells.size(), 6);
        QVERIFY(std::fabs(cells.at(1).toDouble() - first.value(u"mean"_s).toDouble())
                < 1e-6 * 1000);
        QVERIFY(std::fabs(cells.at(5).toDouble() - first.value(u"hi95"_s).toDouble())
                < 1e-6 * 1000);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                        .contains(u"model: "_s + answer.value(u"model"_s).toString()));
        // A bad option is named and refused with the usage exit code.
        process.start(QStringLiteral(INFLUENCE_SERVER_BINARY),
                {u"forecast"_s, u"--input"_s, csv.fileName(), u"--horizon"_s, u"999"_s});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"--horizon"_s));
    }

    void malformedBodies()
    {
        const auto headers = ApiSession::as(m_token);
        for (const QByteArray &body :
                {QByteArray("{\"values\": [1, 2"), QByteArray("[1, 2, 3]"), QByteArray("")}) {
            const HttpReply reply = m_client->send("POST", u"/api/v1/forecasts"_s, body, headers);
            QCOMPARE(reply.status, 400);
            QVERIFY(!reply.json().value(u"code"_s).toString().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestApiForecast)
#include "tst_api_forecast.moc"
