// SPDX-License-Identifier: Apache-2.0
// GET /api/v1/campaigns/{id}/forecast over HTTP against PostgreSQL: the totals of a campaign
// whose posts make the answer computable by hand (a measured deliverable, one drawn from three
// past posts, a creator without history, a proposed offer drawn from identical posts and
// weighted by the platform's acceptance rate), the campaign's targets (set, validated, hidden
// from creators) and the chance of reaching each, and the campaign's read rules (a draft 404
// to another brand, a public campaign's forecast 403 to those without a deal in it, a creator
// only their own deliverables).
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

class TestApiCampaignForecast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_otherBrand;
    QString m_lena; ///< three past posts, two accepted reels (one measured)
    QString m_max; ///< no past posts, one accepted reel
    QString m_ina; ///< three identical past posts, invited to two reels (proposed)
    QString m_outsider; ///< a creator without a deal
    QString m_campaign;

    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_api->post(path, token, body);
    }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant(u"error"_s);
    }
    bool exec(const QString &sql) { return bool(m_db->execDirect(sql)); }

    QString creator(const QString &email, const QString &name)
    {
        const QString token = m_api->signUp(email, u"influencer"_s);
        const int status = m_api->put(u"/api/v1/me/influencer"_s, token,
                                        {{u"displayName"_s, name}, {u"country"_s, u"AT"_s}})
                                   .status;
        return status == 201 ? token : QString();
    }
    static QJsonObject offer(int quantity)
    {
        return {{u"deliverables"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, quantity},
                                {u"dueDate"_s, tests::isoDay(14)}}}},
                {u"feeMinor"_s, 10000}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
    }
    /// Invites the creator to `quantity` reels; the deal's id.
    QString invite(const QString &creatorToken, int quantity)
    {
        return post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaign), m_brand,
                {{u"influencerId"_s, m_api->userIdOf(creatorToken)}, {u"offer"_s, offer(quantity)}})
                .json()[u"id"_s]
                .toString();
    }
    /// An accepted deal of `quantity` reels; the deliverables' ids.
    QStringList acceptedDeal(const QString &creatorToken, int quantity)
    {
        const QString deal = invite(creatorToken, quantity);
        const QString counter =
                post(u"/api/v1/deals/%1/offers"_s.arg(deal), creatorToken, offer(quantity))
                        .json()[u"latestOffer"_s][u"id"_s]
                        .toString();
        QStringList ids;
        for (const auto &d :
                post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, counter), m_brand)
                        .json()[u"deliverables"_s]
                        .toArray()) {
            ids << d[u"id"_s].toString();
        }
        return ids;
    }
    /// A post of the creator's published `published` days from today (fulfilling `deliverable`
    /// if given) with one row of lifetime totals yesterday.
    bool postWith(const QString &creatorToken, int published, qint64 views, qint64 engagements,
            qint64 reach, const QString &deliverable = {})
    {
        const QString id =
                scalar(u"INSERT INTO posts (influencer_id, platform, kind, published_at, "
                       "deliverable_id) VALUES ('%1', 'instagram', 'reel', now() + interval "
                       "'%2 days', %3) RETURNING id"_s.arg(m_api->userIdOf(creatorToken),
                               QString::number(published),
                               deliverable.isEmpty() ? u"NULL"_s : u"'%1'"_s.arg(deliverable)))
                        .toString();
        return exec(u"INSERT INTO post_metrics (post_id, day, views, reach, likes, comments, "
                    "source) VALUES ('%1', current_date - 1, %2, %3, %4, %5, 'platform')"_s.arg(id,
                            QString::number(views), QString::number(reach),
                            QString::number(engagements - engagements / 10),
                            QString::number(engagements / 10)));
    }
    QJsonObject forecast(const QString &token, int status = 200)
    {
        const HttpReply reply =
                m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(m_campaign), token);
        [&] {
            QCOMPARE(reply.status, status);
        }();
        return reply.json();
    }
    /// An interval whose percentiles fall on given draws.
    static void compareSpread(
            const QJsonObject &interval, double expected, std::array<double, 4> percentiles)
    {
        QVERIFY2(std::abs(interval[u"expected"_s].toDouble() - expected) <= 0.02 * expected,
                qPrintable(QString::number(interval[u"expected"_s].toDouble())));
        QCOMPARE(interval[u"lo95"_s].toDouble(), percentiles[0]);
        QCOMPARE(interval[u"lo80"_s].toDouble(), percentiles[1]);
        QCOMPARE(interval[u"hi80"_s].toDouble(), percentiles[2]);
        QCOMPARE(interval[u"hi95"_s].toDouble(), percentiles[3]);
    }
    /// The target of `metric` in a forecast's targets, or an empty object.
    static QJsonObject target(const QJsonObject &answer, const QString &metric)
    {
        for (const auto &t : answer[u"targets"_s].toArray()) {
            if (t[u"metric"_s].toString() == metric) {
                return t.toObject();
            }
        }
        return {};
    }
    /// A chance from 10 000 draws: within 0.02 of the exact one.
    static void compareChance(const QJsonValue &chance, double exact)
    {
        QVERIFY2(chance.isDouble() && std::abs(chance.toDouble() - exact) <= 0.02,
                qPrintable(u"%1, not %2"_s.arg(chance.toDouble()).arg(exact)));
    }
    QJsonObject campaign(const QString &token)
    {
        return m_api->get(u"/api/v1/campaigns/%1"_s.arg(m_campaign), token).json();
    }
    static void compareInterval(const QJsonObject &interval, double expected, double lo, double hi)
    {
        // The mean of 10 000 draws of a third of {0, 1000, 2000} more or less: within 2 %.
        QVERIFY2(std::abs(interval[u"expected"_s].toDouble() - expected) <= 0.02 * expected,
                qPrintable(QString::number(interval[u"expected"_s].toDouble())));
        QCOMPARE(interval[u"lo95"_s].toDouble(), lo);
        QCOMPARE(interval[u"lo80"_s].toDouble(), lo);
        QCOMPARE(interval[u"hi80"_s].toDouble(), hi);
        QCOMPARE(interval[u"hi95"_s].toDouble(), hi);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"campaign-forecast-test"_s);
        QVERIFY(m_db);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_otherBrand = m_api->signUp(u"other@example.com"_s, u"brand"_s);
        for (const auto &[token, name] :
                {std::pair{m_brand, u"Alpine Boots"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
            QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, token, {{u"companyName"_s, name}}).status,
                    201);
        }
        m_lena = creator(u"lena@example.com"_s, u"Lena Travels"_s);
        m_max = creator(u"max@example.com"_s, u"Max Climbs"_s);
        m_ina = creator(u"ina@example.com"_s, u"Ina Runs"_s);
        m_outsider = creator(u"out@example.com"_s, u"Otto Outside"_s);
        QVERIFY(!m_lena.isEmpty() && !m_max.isEmpty() && !m_ina.isEmpty() && !m_outsider.isEmpty());
        const QJsonObject campaign{{u"name"_s, u"Forecast campaign"_s},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, tests::isoDay(0)},
                {u"endDate"_s, tests::isoDay(60)}, {u"visibility"_s, u"public"_s}};
        m_campaign = post(u"/api/v1/campaigns"_s, m_brand, campaign).json()[u"id"_s].toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brand).status, 200);

        // Lena's past posts: 1000, 2000 and 3000 views (a tenth as engagements, 80 % reach);
        // one that is too young to count (published 2 days ago).
        QVERIFY(postWith(m_lena, -30, 1000, 100, 800));
        QVERIFY(postWith(m_lena, -20, 2000, 200, 1600));
        QVERIFY(postWith(m_lena, -10, 3000, 300, 2400));
        QVERIFY(postWith(m_lena, -2, 900000, 90000, 800000));
        const QStringList lena = acceptedDeal(m_lena, 2);
        QCOMPARE(lena.size(), 2);
        // One of her reels is out and measured: 5000 views, 500 engagements, 4000 reach.
        QVERIFY(postWith(m_lena, -3, 5000, 500, 4000, lena.first()));
        QCOMPARE(acceptedDeal(m_max, 1).size(), 1);
        // Ina always gets 10 000 views; her two reels are only proposed.
        for (const int published : {-40, -30, -20}) {
            QVERIFY(postWith(m_ina, published, 10000, 1000, 9000));
        }
        QVERIFY(!invite(m_ina, 2).isEmpty());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    /// Accepted: 5000 measured + one of {1000, 2000, 3000}; with the proposed: + 2 × 10 000
    /// in the three draws of four that the offer is accepted (the platform has decided two deals
    /// and accepted both: (2 + 1) / (2 + 2) = 0.75).
    void totalsFollowThePosts()
    {
        const QJsonObject answer = forecast(m_brand);
        QCOMPARE(answer[u"scope"_s].toString(), u"campaign"_s);
        QCOMPARE(answer[u"method"_s].toString(), u"bootstrap"_s);
        QCOMPARE(answer[u"stages"_s].toInt(), 2);
        // No targets set: an empty list for the brand.
        QVERIFY(answer[u"targets"_s].isArray());
        QVERIFY(answer[u"targets"_s].toArray().isEmpty());
        const QJsonObject counts = answer[u"deliverables"_s].toObject();
        QCOMPARE(counts[u"accepted"_s].toInt(), 3);
        QCOMPARE(counts[u"proposed"_s].toInt(), 2);
        QCOMPARE(counts[u"measured"_s].toInt(), 1);
        QCOMPARE(counts[u"withoutHistory"_s].toInt(), 1); // Max's reel
        // Achieved so far: Lena's measured reel; the fees of the two accepted deals.
        const QJsonObject achieved = answer[u"achieved"_s].toObject();
        QCOMPARE(achieved[u"views"_s].toDouble(), 5000.0);
        QCOMPARE(achieved[u"engagements"_s].toDouble(), 500.0);
        QCOMPARE(achieved[u"reach"_s].toDouble(), 4000.0);
        QCOMPARE(achieved[u"posts"_s].toInt(), 1);
        QCOMPARE(achieved[u"costMinor"_s].toDouble(), 20000.0);
        QCOMPARE(achieved[u"currency"_s].toString(), u"EUR"_s);
        const QJsonObject acceptance = answer[u"acceptance"_s].toObject();
        QCOMPARE(acceptance[u"basis"_s].toString(), u"platform"_s);
        QCOMPARE(acceptance[u"accepted"_s].toInt(), 2);
        QCOMPARE(acceptance[u"decided"_s].toInt(), 2);
        QCOMPARE(acceptance[u"rate"_s].toDouble(), 0.75);
        const QJsonObject accepted = answer[u"accepted"_s].toObject();
        compareInterval(accepted[u"views"_s].toObject(), 7000, 6000, 8000);
        compareInterval(accepted[u"engagements"_s].toObject(), 700, 600, 800);
        compareInterval(accepted[u"reach"_s].toObject(), 5600, 4800, 6400);
        // With the proposed: 6000, 7000 or 8000 with chance 1/12 each, 26 000, 27 000 or
        // 28 000 with chance 1/4 each; the 2.5th percentile 6000, the 10th 7000.
        const QJsonObject all = answer[u"acceptedAndProposed"_s].toObject();
        compareSpread(all[u"views"_s].toObject(), 22000, {6000, 7000, 28000, 28000});
        compareSpread(all[u"reach"_s].toObject(), 19100, {4800, 5600, 24400, 24400});
        QCOMPARE(answer[u"creators"_s].toArray().size(), 3);
        // The same data, the same answer (fixed seed).
        QCOMPARE(forecast(m_brand), answer);
    }

    /// Targets are set through the campaign's routes, validated field by field (422, nothing
    /// changed), and hidden from creators like the budget.
    void targetsOnTheCampaign()
    {
        const QString path = u"/api/v1/campaigns/%1"_s.arg(m_campaign);
        const QJsonObject targets{{u"views"_s, 7000}, {u"engagements"_s, 750}, {u"reach"_s, 100000},
                {u"maxCpeMinor"_s, 30}, {u"maxCpmMinor"_s, 2500}};
        const HttpReply set = m_api->patch(path, m_brand, {{u"targets"_s, targets}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()[u"targets"_s].toObject(), targets);
        // Another PATCH keeps them (the patch is merged into the whole campaign).
        QCOMPARE(m_api->patch(path, m_brand, {{u"usageRights"_s, u"Organic only."_s}}).status, 200);
        QCOMPARE(campaign(m_brand)[u"targets"_s].toObject(), targets);
        // Creators see neither budget nor targets, in the campaign or in lists.
        const QJsonObject seenByLena = campaign(m_lena);
        QVERIFY(!seenByLena.contains(u"budgetMinor"_s));
        QVERIFY(!seenByLena.contains(u"targets"_s));
        for (const auto &c :
                m_api->get(u"/api/v1/campaigns"_s, m_lena).json()[u"items"_s].toArray()) {
            QVERIFY(!c.toObject().contains(u"targets"_s));
        }
        struct Bad
        {
            QJsonValue targets;
            QString field;
            QString code;
        };
        const QList<Bad> bad{{QJsonObject{{u"views"_s, 0}}, u"targets.views"_s, u"invalid_value"_s},
                {QJsonObject{{u"reach"_s, 1.5}}, u"targets.reach"_s, u"invalid_value"_s},
                {QJsonObject{{u"engagements"_s, u"many"_s}}, u"targets.engagements"_s,
                        u"invalid_value"_s},
                {QJsonObject{{u"maxCpeMinor"_s, -3}}, u"targets.maxCpeMinor"_s, u"invalid_value"_s},
                {QJsonObject{{u"maxCpmMinor"_s, 2e9}}, u"targets.maxCpmMinor"_s,
                        u"invalid_value"_s},
                {QJsonObject{{u"view"_s, 10}}, u"targets.view"_s, u"unknown_field"_s},
                {QJsonArray{1}, u"targets"_s, u"invalid_value"_s}};
        for (const Bad &b : bad) {
            const HttpReply reply = m_api->patch(path, m_brand, {{u"targets"_s, b.targets}});
            QCOMPARE(reply.status, 422);
            const QJsonArray errors = reply.json()[u"errors"_s].toArray();
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first()[u"field"_s].toString(), b.field);
            QCOMPARE(errors.first()[u"code"_s].toString(), b.code);
        }
        QCOMPARE(campaign(m_brand)[u"targets"_s].toObject(), targets);
        // A creator cannot set them (403: the campaign is public, they see it).
        QCOMPARE(m_api->patch(path, m_lena, {{u"targets"_s, QJsonObject{{u"views"_s, 1}}}}).status,
                403);
        // POST validates them the same way.
        QJsonObject body{{u"name"_s, u"Bad targets"_s}, {u"objective"_s, u"awareness"_s},
                {u"currency"_s, u"EUR"_s}, {u"targets"_s, QJsonObject{{u"views"_s, -1}}}};
        const HttpReply created = post(u"/api/v1/campaigns"_s, m_brand, body);
        QCOMPARE(created.status, 422);
        QCOMPARE(created.json()[u"errors"_s][0][u"field"_s].toString(), u"targets.views"_s);
        body[u"targets"_s] = QJsonObject{{u"views"_s, 5}, {u"maxCpmMinor"_s, QJsonValue()}};
        const HttpReply good = post(u"/api/v1/campaigns"_s, m_brand, body);
        QCOMPARE(good.status, 201);
        QCOMPARE(good.json()[u"targets"_s][u"views"_s].toInt(), 5);
        QVERIFY(good.json()[u"targets"_s][u"maxCpmMinor"_s].isNull());
    }

    /// Each target's chance, by hand: accepted views are 6000, 7000 or 8000 (a third each),
    /// engagements 600, 700 or 800, at a cost of 20 000; the offer adds 20 000 views, 2000
    /// engagements and 10 000 in fees in three draws of four.
    void chanceOfTheTargets()
    {
        const QJsonObject answer = forecast(m_brand);
        QCOMPARE(answer[u"targets"_s].toArray().size(), 5);
        const QJsonObject views = target(answer, u"views"_s);
        QCOMPARE(views[u"kind"_s].toString(), u"minimum"_s);
        QCOMPARE(views[u"target"_s].toInt(), 7000);
        QCOMPARE(views[u"achieved"_s].toDouble(), 5000.0);
        compareChance(views[u"chanceAccepted"_s], 2.0 / 3); // 7000 or 8000
        compareChance(views[u"chanceWithProposed"_s], 0.75 + 0.25 * 2 / 3);
        const QJsonObject engagements = target(answer, u"engagements"_s);
        compareChance(engagements[u"chanceAccepted"_s], 1.0 / 3); // 800
        compareChance(engagements[u"chanceWithProposed"_s], 0.75 + 0.25 / 3);
        const QJsonObject reach = target(answer, u"reach"_s);
        QCOMPARE(reach[u"chanceAccepted"_s].toDouble(), 0.0);
        QCOMPARE(reach[u"chanceWithProposed"_s].toDouble(), 0.0);
        // CPE at most 30: 20 000 / engagements ≤ 30 needs 667 engagements (700 or 800); with
        // the offer accepted, 30 000 / 2600 and more is well below. So far 20 000 / 500 = 40.
        const QJsonObject cpe = target(answer, u"cpeMinor"_s);
        QCOMPARE(cpe[u"kind"_s].toString(), u"maximum"_s);
        QCOMPARE(cpe[u"achieved"_s].toDouble(), 40.0);
        compareChance(cpe[u"chanceAccepted"_s], 2.0 / 3);
        compareChance(cpe[u"chanceWithProposed"_s], 0.75 + 0.25 * 2 / 3);
        // CPM at most 25.00: 20 000 × 1000 / views ≤ 2500 needs 8000 views; with the offer,
        // 30 000 × 1000 / 26 000 is below. So far 20 000 × 1000 / 5000 = 4000.
        const QJsonObject cpm = target(answer, u"cpmMinor"_s);
        QCOMPARE(cpm[u"achieved"_s].toDouble(), 4000.0);
        compareChance(cpm[u"chanceAccepted"_s], 1.0 / 3);
        compareChance(cpm[u"chanceWithProposed"_s], 0.75 + 0.25 / 3);
        // A creator sees the forecast of their deliverables, never the brand's targets.
        QVERIFY(forecast(m_lena)[u"targets"_s].isNull());
    }

    void readRules()
    {
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(m_campaign), QString()).status,
                401);
        // The campaign is public, so anyone signed in may read it, but its forecast is the
        // brand's and its creators' only.
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1"_s.arg(m_campaign), m_otherBrand).status, 200);
        QCOMPARE(forecast(m_otherBrand, 403)[u"code"_s].toString(), u"forbidden"_s);
        QCOMPARE(forecast(m_outsider, 403)[u"code"_s].toString(), u"forbidden"_s);
        // A draft is the brand side's alone: 404 to anyone else.
        const QString draft = post(u"/api/v1/campaigns"_s, m_brand,
                {{u"name"_s, u"Draft"_s}, {u"brief"_s, u"Later."_s},
                        {u"objective"_s, u"awareness"_s},
                        {u"platforms"_s, QJsonArray{u"instagram"_s}},
                        {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000},
                        {u"currency"_s, u"EUR"_s}, {u"startDate"_s, tests::isoDay(0)},
                        {u"endDate"_s, tests::isoDay(30)}, {u"visibility"_s, u"public"_s}})
                                      .json()[u"id"_s]
                                      .toString();
        const QString draftForecast = u"/api/v1/campaigns/%1/forecast"_s.arg(draft);
        QCOMPARE(m_api->get(draftForecast, m_otherBrand).status, 404);
        const QJsonObject empty = m_api->get(draftForecast, m_brand).json();
        QCOMPARE(empty[u"deliverables"_s][u"accepted"_s].toInt(), 0);
        QCOMPARE(empty[u"accepted"_s][u"views"_s][u"expected"_s].toDouble(), 0.0);
        // A creator sees only their own deliverables.
        const QJsonObject lena = forecast(m_lena);
        QCOMPARE(lena[u"scope"_s].toString(), u"own"_s);
        QCOMPARE(lena[u"deliverables"_s][u"accepted"_s].toInt(), 2);
        QCOMPARE(lena[u"deliverables"_s][u"proposed"_s].toInt(), 0);
        QCOMPARE(lena[u"creators"_s].toArray().size(), 1);
        compareInterval(lena[u"accepted"_s][u"views"_s].toObject(), 7000, 6000, 8000);
        QCOMPARE(m_api->get(u"/api/v1/campaigns/nope/forecast"_s, m_brand).status, 400);
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(
                                    QUuid::createUuid().toString(QUuid::WithoutBraces)),
                              m_brand)
                         .status,
                404);
    }
};

QTEST_GUILESS_MAIN(TestApiCampaignForecast)
#include "tst_api_campaign_forecast.moc"
