// SPDX-License-Identifier: Apache-2.0
// GET /api/v1/connected-accounts/{id}/forecast over HTTP against PostgreSQL: the metric series'
// visibility (signed in; a disabled creator's account and unknown ids 404), `until` (the fit uses
// no data after it: the same numbers as POST /api/v1/forecasts given the history up to that
// day), every bad parameter a 400 naming it, and the answer kept under the series' version.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

Headers as(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}};
}

} // namespace

class TestApiAccountForecast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_creator;
    QString m_brand;
    QString m_account;

    QString signUp(const QString &email, const QString &role)
    {
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                        {u"role"_s, role}});
        return reply.json().value(u"accessToken"_s).toString();
    }
    bool sql(const QString &text) { return bool(m_db->execDirect(text)); }
    HttpReply get(const QString &path, const QString &token)
    {
        return m_client->get(path, as(token));
    }
    QString path(const QString &query) const
    {
        return u"/api/v1/connected-accounts/%1/forecast%2"_s.arg(m_account, query);
    }
    /// The followers of the account's days up to `until`, oldest first, from the metric series.
    QJsonArray followersUntil(const QString &until)
    {
        const HttpReply series =
                get(u"/api/v1/connected-accounts/%1/metrics?from=2026-01-01&to=%2"_s.arg(
                            m_account, until),
                        m_brand);
        QJsonArray values;
        for (const QJsonValue &point : series.json().value(u"points"_s).toArray()) {
            values.append(point.toObject().value(u"followers"_s));
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_db = m_server->connect(u"account-forecast-test"_s);
        QVERIFY(m_db);
        m_creator = signUp(u"creator@example.com"_s, u"influencer"_s);
        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        QVERIFY(!m_creator.isEmpty() && !m_brand.isEmpty());
        QVERIFY(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                R"({"displayName":"Fran Forecast","bio":"Numbers.",)"
                                R"("niches":["tech"],"country":"AT","languages":["de"]})",
                                as(m_creator))
                        .status
                < 300);
        const HttpReply added = m_client->send("POST", u"/api/v1/connected-accounts"_s,
                R"({"platform":"tiktok","handle":"forecasted"})", as(m_creator));
        QCOMPARE(added.status, 201);
        m_account = added.json().value(u"id"_s).toString();
        // 120 days ending 2026-06-30: followers growing 20 a day with a weekly swing, views
        // with a weekly rhythm; the last 20 days jump by 5000 (data a fit until 06-10 must not
        // see).
        QVERIFY(sql(
                u"INSERT INTO account_metrics (account_id, day, followers, views, "
                "engagement_rate) "
                "SELECT '%1', d::date, 5000 + 20 * (d::date - date '2026-03-03') "
                "  + (extract(dow FROM d) * 7)::int "
                "  + CASE WHEN d::date > date '2026-06-10' THEN 5000 ELSE 0 END, "
                "  300 + 40 * extract(dow FROM d)::int + 3 * mod(d::date - date '2026-03-03', 5), "
                "  0.03 "
                "FROM generate_series(date '2026-03-03', date '2026-06-30', interval '1 day') d"_s
                        .arg(m_account)));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
    }

    void signedInOnly() { QCOMPARE(m_client->get(path(QString())).status, 401); }

    void answersWithDatesAndLevels()
    {
        const HttpReply reply = get(path(u"?metric=views&horizon=14&until=2026-06-30"_s), m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonObject answer = reply.json();
        QVERIFY(!answer.value(u"model"_s).toString().isEmpty());
        QCOMPARE(answer.value(u"metric"_s).toString(), u"views"_s);
        QCOMPARE(answer.value(u"from"_s).toString(), u"2026-03-03"_s);
        QCOMPARE(answer.value(u"lastDate"_s).toString(), u"2026-06-30"_s);
        QVERIFY(answer.value(u"mase"_s).isDouble());
        const QJsonArray points = answer.value(u"points"_s).toArray();
        QCOMPARE(points.size(), 14);
        const QJsonObject first = points.first().toObject();
        QCOMPARE(first.value(u"step"_s).toInt(), 1);
        QCOMPARE(first.value(u"date"_s).toString(), u"2026-07-01"_s);
        QCOMPARE(points.last().toObject().value(u"date"_s).toString(), u"2026-07-14"_s);
        for (const QJsonValue &value : points) {
            const QJsonObject p = value.toObject();
            QVERIFY(p.value(u"lo95"_s).toDouble() <= p.value(u"lo80"_s).toDouble());
            QVERIFY(p.value(u"lo80"_s).toDouble() <= p.value(u"mean"_s).toDouble());
            QVERIFY(p.value(u"mean"_s).toDouble() <= p.value(u"hi80"_s).toDouble());
            QVERIFY(p.value(u"hi80"_s).toDouble() <= p.value(u"hi95"_s).toDouble());
        }
        // Other levels on request.
        const QJsonObject other =
                get(path(u"?until=2026-06-30&horizon=3&levels=50,99"_s), m_creator).json();
        QVERIFY(other.value(u"points"_s).toArray().first().toObject().contains(u"hi99"_s));
        QVERIFY(!other.value(u"points"_s).toArray().first().toObject().contains(u"hi80"_s));
    }

    /// A forecast until D is the stateless forecast of the history up to D: the jump after
    /// 06-10 leaves no trace.
    void untilUsesNoLaterData()
    {
        const QJsonArray history = followersUntil(u"2026-06-10"_s);
        QCOMPARE(history.size(), 100);
        const HttpReply stateless = m_client->send("POST", u"/api/v1/forecasts"_s,
                QJsonDocument(QJsonObject{{u"values"_s, history}, {u"seasonPeriod"_s, 7},
                                      {u"horizon"_s, 30}, {u"levels"_s, QJsonArray{80, 95}},
                                      {u"nonNegative"_s, true}})
                        .toJson(QJsonDocument::Compact),
                as(m_brand));
        QCOMPARE(stateless.status, 200);
        const HttpReply reply = get(path(u"?until=2026-06-10"_s), m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonObject answer = reply.json();
        QCOMPARE(answer.value(u"lastDate"_s).toString(), u"2026-06-10"_s);
        QCOMPARE(answer.value(u"model"_s), stateless.json().value(u"model"_s));
        const QJsonArray mine = answer.value(u"points"_s).toArray();
        const QJsonArray theirs = stateless.json().value(u"points"_s).toArray();
        QCOMPARE(mine.size(), 30);
        QCOMPARE(theirs.size(), 30);
        for (qsizetype i = 0; i < mine.size(); ++i) {
            for (const auto *key : {"mean", "lo80", "hi80", "lo95", "hi95"}) {
                QCOMPARE(mine.at(i).toObject().value(QLatin1String(key)).toDouble(),
                        theirs.at(i).toObject().value(QLatin1String(key)).toDouble());
            }
        }
        // Before the jump the forecast stays far below it; with the jump it does not.
        QVERIFY(mine.first().toObject().value(u"mean"_s).toDouble() < 8000);
        const QJsonObject later = get(path(u"?until=2026-06-30"_s), m_brand).json();
        QVERIFY(later.value(u"points"_s).toArray().first().toObject().value(u"mean"_s).toDouble()
                > 12000);
    }

    void badParametersNameThemselves_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("metric") << u"?metric=likes"_s << u"metric"_s;
        QTest::newRow("horizon 0") << u"?horizon=0"_s << u"horizon"_s;
        QTest::newRow("horizon too far") << u"?horizon=367"_s << u"horizon"_s;
        QTest::newRow("horizon text") << u"?horizon=soon"_s << u"horizon"_s;
        QTest::newRow("until") << u"?until=2026-02-30"_s << u"until"_s;
        QTest::newRow("levels 100") << u"?levels=80,100"_s << u"levels"_s;
        QTest::newRow("levels order") << u"?levels=95,80"_s << u"levels"_s;
        QTest::newRow("levels text") << u"?levels=high"_s << u"levels"_s;
        QTest::newRow("levels many") << u"?levels=10,20,30,40,50,60"_s << u"levels"_s;
    }

    void badParametersNameThemselves()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const HttpReply reply = get(path(query), m_brand);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"code"_s).toString(), u"invalid_parameter"_s);
        QVERIFY2(QJsonDocument(reply.json()).toJson().contains(parameter.toUtf8()),
                reply.body.constData());
    }

    void unknownHiddenOrEmpty()
    {
        QCOMPARE(get(u"/api/v1/connected-accounts/%1/forecast"_s.arg(
                             QUuid::createUuid().toString(QUuid::WithoutBraces)),
                         m_brand)
                         .status,
                404);
        QCOMPARE(get(u"/api/v1/connected-accounts/not-a-uuid/forecast"_s, m_brand).status, 400);
        // Nothing before the history began.
        QCOMPARE(get(path(u"?until=2026-01-01"_s), m_brand).status, 404);
        // A disabled creator's account disappears, as its metric series does.
        QVERIFY(sql(u"UPDATE users SET status = 'disabled' WHERE id = (SELECT influencer_id "
                    "FROM connected_accounts WHERE id = '%1')"_s.arg(m_account)));
        const int hidden = get(path(u"?until=2026-06-30"_s), m_brand).status;
        QVERIFY(sql(u"UPDATE users SET status = 'active' WHERE id = (SELECT influencer_id "
                    "FROM connected_accounts WHERE id = '%1')"_s.arg(m_account)));
        QCOMPARE(hidden, 404);
    }

    /// The answer is kept under the series' version: a change to the history is seen at once.
    void aChangedSeriesIsSeenAtOnce()
    {
        const QString query = path(u"?until=2026-06-30&horizon=5"_s);
        const QJsonObject before = get(query, m_brand).json();
        QCOMPARE(get(query, m_brand).json(), before); // cached or not, the same answer
        QVERIFY(sql(u"UPDATE account_metrics SET followers = followers + 100000 "
                    "WHERE account_id = '%1' AND day > '2026-06-20'"_s.arg(m_account)));
        const QJsonObject after = get(query, m_brand).json();
        QVERIFY(after.value(u"points"_s).toArray().first().toObject().value(u"mean"_s).toDouble()
                > before.value(u"points"_s).toArray().first().toObject().value(u"mean"_s).toDouble()
                        + 50000);
        QVERIFY(sql(u"UPDATE account_metrics SET followers = followers - 100000 "
                    "WHERE account_id = '%1' AND day > '2026-06-20'"_s.arg(m_account)));
    }
};

QTEST_GUILESS_MAIN(TestApiAccountForecast)
#include "tst_api_account_forecast.moc"
