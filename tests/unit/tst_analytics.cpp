// SPDX-License-Identifier: Apache-2.0
// The shared analytics rules and readers (common/AnalyticsTypes, common/AnalyticsApi): the
// period (defaults, 400 for malformed values, 422 invalid_period for order and length), EMV
// table and manual-entry validation, and reading the dashboards' answers.
#include "common/AnalyticsApi.h"
#include "common/AnalyticsTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::common;

class TestAnalytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periods_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("interval");
        QTest::addColumn<QString>("code"); ///< empty: valid
        QTest::addColumn<QDate>("expectedFrom");
        QTest::addColumn<QDate>("expectedTo");
        const QDate today(2026, 12, 5);
        QTest::newRow("default") << QString() << QString() << QString() << QString()
                                 << today.addDays(-29) << today;
        QTest::newRow("only to") << QString() << u"2026-06-30"_s << u"week"_s << QString()
                                 << QDate(2026, 6, 1) << QDate(2026, 6, 30);
        QTest::newRow("only from") << u"2026-12-01"_s << QString() << QString() << QString()
                                   << QDate(2026, 12, 1) << today;
        QTest::newRow("one day") << u"2026-12-05"_s << u"2026-12-05"_s << u"month"_s << QString()
                                 << today << today;
        QTest::newRow("731 days") << u"2024-12-05"_s << u"2026-12-05"_s << QString() << QString()
                                  << QDate(2024, 12, 5) << today;
        QTest::newRow("732 days") << u"2024-12-04"_s << u"2026-12-05"_s << QString()
                                  << u"invalid_period"_s << QDate() << QDate();
        QTest::newRow("from after to") << u"2026-12-06"_s << u"2026-12-05"_s << QString()
                                       << u"invalid_period"_s << QDate() << QDate();
        QTest::newRow("no date") << u"yesterday"_s << QString() << QString()
                                 << u"invalid_parameter"_s << QDate() << QDate();
        QTest::newRow("short date") << QString() << u"2026-1-5"_s << QString()
                                    << u"invalid_parameter"_s << QDate() << QDate();
        QTest::newRow("interval") << QString() << QString() << u"year"_s << u"invalid_parameter"_s
                                  << QDate() << QDate();
    }
    void periods()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, interval);
        QFETCH(QString, code);
        QFETCH(QDate, expectedFrom);
        QFETCH(QDate, expectedTo);
        const auto period = parseAnalyticsPeriod(from, to, interval, QDate(2026, 12, 5));
        if (!code.isEmpty()) {
            QVERIFY(!period);
            QCOMPARE(period.error().codeName(), code);
            QCOMPARE(period.error().httpStatus(), code == u"invalid_period"_s ? 422 : 400);
            return;
        }
        QVERIFY(period);
        QCOMPARE(period->from, expectedFrom);
        QCOMPARE(period->to, expectedTo);
        QCOMPARE(wireName(period->interval), interval.isEmpty() ? u"day"_s : interval);
        // The client sends it back as it was read.
        const QUrlQuery query = period->toUrlQuery();
        QCOMPARE(query.queryItemValue(u"from"_s), expectedFrom.toString(Qt::ISODate));
        QCOMPARE(query.queryItemValue(u"to"_s), expectedTo.toString(Qt::ISODate));
    }

    void emvTables_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field"); ///< empty: valid
        const QJsonObject rate{{u"platform"_s, u"instagram"_s},
                {u"perMilleImpressionsMinor"_s, 500}, {u"perViewMinor"_s, 2.5},
                {u"perLikeMinor"_s, 10}, {u"perCommentMinor"_s, 50}, {u"perShareMinor"_s, 60},
                {u"perSaveMinor"_s, 0.0001}, {u"perClickMinor"_s, 100}};
        QTest::newRow("valid") << QJsonObject{{u"name"_s, u"Ours"_s},
                {u"rates"_s, QJsonArray{rate}}}
                               << QString();
        QTest::newRow("no rates") << QJsonObject{{u"name"_s, u"Ours"_s}, {u"rates"_s, QJsonArray{}}}
                                  << QString();
        QTest::newRow("no name") << QJsonObject{{u"name"_s, u"  "_s},
                {u"rates"_s, QJsonArray{rate}}}
                                 << u"name"_s;
        QJsonObject negative = rate;
        negative[u"perLikeMinor"_s] = -1;
        QTest::newRow("negative") << QJsonObject{{u"name"_s, u"X"_s},
                {u"rates"_s, QJsonArray{negative}}}
                                  << u"rates/0/perLikeMinor"_s;
        QJsonObject precise = rate;
        precise[u"perViewMinor"_s] = 0.00005;
        QTest::newRow("five decimals")
                << QJsonObject{{u"name"_s, u"X"_s}, {u"rates"_s, QJsonArray{precise}}}
                << u"rates/0/perViewMinor"_s;
        QJsonObject text = rate;
        text[u"perClickMinor"_s] = u"1"_s;
        QTest::newRow("text") << QJsonObject{{u"name"_s, u"X"_s}, {u"rates"_s, QJsonArray{text}}}
                              << u"rates/0/perClickMinor"_s;
        QTest::newRow("twice") << QJsonObject{{u"name"_s, u"X"_s},
                {u"rates"_s, QJsonArray{rate, rate}}}
                               << u"rates/1/platform"_s;
    }
    void emvTables()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto input = validateEmvTable(body);
        if (!field.isEmpty()) {
            QVERIFY(!input);
            QCOMPARE(input.error().httpStatus(), 422);
            QCOMPARE(input.error().fieldErrors.first().field, field);
            return;
        }
        QVERIFY(input);
        if (!input->rates.isEmpty()) {
            QCOMPARE(input->rates.first().perView, 25000); // ten-thousandths
            QCOMPARE(input->rates.first().perSave, 1);
            // What the client sends reads back the same.
            const auto again = validateEmvTable(input->toJson());
            QVERIFY(again);
            QCOMPARE(again->rates.first().perMilleImpressions, 5000000);
        }
    }

    void manualMetrics_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("dayOffset");
        QTest::addColumn<QString>("field"); ///< empty: valid
        QTest::newRow("figures") << QJsonObject{{u"views"_s, 10}, {u"reach"_s, 0}} << 0
                                 << QString();
        QTest::newRow("nothing") << QJsonObject{} << -3 << QString();
        QTest::newRow("future") << QJsonObject{{u"views"_s, 10}} << 1 << u"day"_s;
        QTest::newRow("negative") << QJsonObject{{u"likes"_s, -1}} << 0 << u"likes"_s;
        QTest::newRow("fraction") << QJsonObject{{u"shares"_s, 0.5}} << 0 << u"shares"_s;
        QTest::newRow("text") << QJsonObject{{u"saves"_s, u"3"_s}} << 0 << u"saves"_s;
        QTest::newRow("http evidence")
                << QJsonObject{{u"evidenceUrl"_s, u"http://x.example/a.png"_s}} << 0
                << u"evidenceUrl"_s;
        QTest::newRow("kind") << QJsonObject{{u"kind"_s, u"tweet"_s}} << 0 << u"kind"_s;
        QTest::newRow("local time") << QJsonObject{{u"publishedAt"_s, u"2026-12-01T10:00:00"_s}}
                                    << 0 << u"publishedAt"_s;
        QTest::newRow("published after the day")
                << QJsonObject{{u"publishedAt"_s, u"2026-12-05T10:00:00Z"_s}} << -1
                << u"publishedAt"_s;
        QTest::newRow("all") << QJsonObject{{u"views"_s, 1}, {u"impressions"_s, 2}, {u"reach"_s, 3},
                {u"likes"_s, 4}, {u"comments"_s, 5}, {u"shares"_s, 6}, {u"saves"_s, 7},
                {u"clicks"_s, 8}, {u"watchSeconds"_s, 9},
                {u"evidenceUrl"_s, u"https://x.example/a.png"_s}, {u"kind"_s, u"story"_s},
                {u"publishedAt"_s, u"2026-12-01T10:00:00+01:00"_s}}
                             << 0 << QString();
    }
    void manualMetrics()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, dayOffset);
        QFETCH(QString, field);
        const QDate today(2026, 12, 5);
        const auto input = validateManualMetrics(body, today.addDays(dayOffset), today);
        if (!field.isEmpty()) {
            QVERIFY(!input);
            QCOMPARE(input.error().codeName(), u"validation_failed"_s);
            QCOMPARE(input.error().fieldErrors.first().field, field);
            return;
        }
        QVERIFY(input);
        // toJson() sends back exactly what was given (times in UTC).
        QJsonObject expected = body;
        if (expected.contains(u"publishedAt"_s)) {
            expected[u"publishedAt"_s] = u"2026-12-01T09:00:00.000Z"_s;
        }
        QCOMPARE(input->toJson(), expected);
    }

    void readsACampaignAnswer()
    {
        const QByteArray json = R"json({"campaignId":"c1","campaignName":"Boots","currency":"EUR",
            "from":"2026-11-06","to":"2026-12-05","interval":"week","dataAsOf":null,
            "emvTable":{"id":"t","name":"Influence defaults (EUR)","currency":"EUR",
                        "custom":false,"updatedAt":"2026-12-05T10:00:00.000Z"},
            "kpis":{"posts":3,"reach":5900,"reachEstimated":true,"views":5400,
                    "engagements":770,"engagementRate":0.130508,"spendMinor":50000,
                    "cpeMinor":64.94,"cpmMinor":null,"emvMinor":31550,"roi":-0.369},
            "series":[{"start":"2026-11-02","views":10,"engagements":2}],
            "creators":[{"influencerId":"i","displayName":"Max","engagements":450,
                         "spendMinor":10000,"cpeMinor":22.22,"emvMinor":null}],
            "posts":[{"id":"p","platform":"instagram","kind":"story","reach":3000,
                      "reachEstimated":true,"emvMinor":120,"source":"manual",
                      "publishedAt":"2026-12-02T09:00:00.000Z"}]})json";
        const auto a = CampaignAnalytics::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(a);
        QCOMPARE(a->period.interval, AnalyticsInterval::Week);
        QCOMPARE(a->period.from, QDate(2026, 11, 6));
        QVERIFY(a->emvTable);
        QVERIFY(!a->emvTable->custom);
        QCOMPARE(a->emvTable->name, u"Influence defaults (EUR)"_s);
        QCOMPARE(a->kpis.reach, 5900);
        QVERIFY(a->kpis.reachEstimated);
        QCOMPARE(*a->kpis.engagementRate, 0.130508);
        QCOMPARE(*a->kpis.cpeMinor, 64.94);
        QVERIFY(!a->kpis.cpmMinor); // null: no impressions
        QVERIFY(!a->kpis.cpvMinor); // absent
        QCOMPARE(*a->kpis.emvMinor, 31550);
        QCOMPARE(*a->kpis.roi, -0.369);
        QCOMPARE(a->series.first().start, QDate(2026, 11, 2));
        QCOMPARE(a->creators.first().displayName, u"Max"_s);
        QVERIFY(!a->creators.first().emvMinor);
        QCOMPARE(a->posts.first().kind, u"story"_s);
        QCOMPARE(a->posts.first().publishedAt, QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC));
        // An answer without a period is not one.
        QVERIFY(!CampaignAnalytics::fromJson(QJsonObject{{u"campaignId"_s, u"c"_s}}));
    }

    void readsTheOverviewAndACreator()
    {
        const QByteArray overview = R"json({"from":"2026-11-06","to":"2026-12-05",
            "interval":"day","previousFrom":"2026-10-07","previousTo":"2026-11-05",
            "currency":"EUR","currencies":["EUR","USD"],"emvTable":null,"kpis":{"views":1},
            "previousKpis":{"views":2},"series":[],
            "campaigns":[{"id":"c","name":"Boots","budgetMinor":100,"remainingMinor":40,
                          "emvMinor":null}],
            "topCreators":[],"topPosts":[],
            "todos":{"draftsToReview":1,"overdueDeliverables":2,"offersWaiting":3,
                     "payoutsDue":4}})json";
        const auto o = AnalyticsOverview::fromJson(QJsonDocument::fromJson(overview).object());
        QVERIFY(o);
        QCOMPARE(o->currencies, (QStringList{u"EUR"_s, u"USD"_s}));
        QVERIFY(!o->emvTable);
        QCOMPARE(o->previousKpis.views, 2);
        QCOMPARE(o->campaigns.first().remainingMinor, 40);
        QCOMPARE(o->todos.payoutsDue, 4);
        QCOMPARE(o->previousTo, QDate(2026, 11, 5));

        const QByteArray creator = R"json({"influencerId":"i","displayName":"Lena",
            "from":"2026-11-06","to":"2026-12-05","interval":"month",
            "kpis":{"posts":2,"followers":12000,"growth30d":0.05,"engagementRate":null},
            "accounts":[{"id":"a","platform":"youtube","engagementBasis":"views",
                         "series":[{"day":"2026-12-01","followers":10,"views":null}]}],
            "series":[],"posts":[]})json";
        const auto c = CreatorAnalytics::fromJson(QJsonDocument::fromJson(creator).object());
        QVERIFY(c);
        QCOMPARE(c->followers, 12000);
        QCOMPARE(*c->growth30d, 0.05);
        QVERIFY(!c->kpis.engagementRate);
        QCOMPARE(c->accounts.first().engagementBasis, u"views"_s);
        QCOMPARE(c->accounts.first().series.first().followers, 10);
        QVERIFY(!c->accounts.first().series.first().views);
    }
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
