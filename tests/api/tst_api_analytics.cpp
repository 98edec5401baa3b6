// SPDX-License-Identifier: Apache-2.0
// Analytics over HTTP against PostgreSQL: every KPI of a hand-computed campaign (with the default
// EMV table and with the brand's own), the rollup against a direct aggregation of the raw rows
// through inserts, late updates, deletes and a post moved to another campaign, authorization,
// period validation, CSV, EMV tables and figures entered by hand; cached dashboards that follow
// every write, in this server process and another one (0026's versions).
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QString day(int fromToday)
{
    return influence::tests::isoDay(fromToday);
}

// Every rollup row that differs from the increments aggregated directly from the raw rows
// (either way): 0 when the triggers kept the rollup right.
const QString kRollupMismatches =
        u"WITH inc AS ("
        "  SELECT p.campaign_id, m.day, p.influencer_id, p.platform, "
        "    coalesce(m.views, 0) - coalesce(lag(m.views) OVER w, 0) v, "
        "    coalesce(m.impressions, 0) - coalesce(lag(m.impressions) OVER w, 0) i, "
        "    coalesce(m.reach, 0) - coalesce(lag(m.reach) OVER w, 0) r, "
        "    coalesce(m.likes, 0) - coalesce(lag(m.likes) OVER w, 0) l, "
        "    coalesce(m.comments, 0) - coalesce(lag(m.comments) OVER w, 0) c, "
        "    coalesce(m.shares, 0) - coalesce(lag(m.shares) OVER w, 0) s, "
        "    coalesce(m.saves, 0) - coalesce(lag(m.saves) OVER w, 0) sv, "
        "    coalesce(m.clicks, 0) - coalesce(lag(m.clicks) OVER w, 0) ck, "
        "    coalesce(m.watch_seconds, 0) - coalesce(lag(m.watch_seconds) OVER w, 0) ws "
        "  FROM posts p JOIN post_metrics m ON m.post_id = p.id "
        "  WHERE p.campaign_id IS NOT NULL "
        "  WINDOW w AS (PARTITION BY p.id ORDER BY m.day)), "
        "direct AS (SELECT campaign_id, day, influencer_id, platform, "
        "  count(*)::int, sum(v)::bigint, sum(i)::bigint, sum(r)::bigint, "
        "  sum(l)::bigint, sum(c)::bigint, sum(s)::bigint, sum(sv)::bigint, "
        "  sum(ck)::bigint, sum(ws)::bigint FROM inc GROUP BY 1, 2, 3, 4), "
        "roll AS (SELECT campaign_id, day, influencer_id, platform, posts, "
        "  views, impressions, reach, likes, comments, shares, saves, "
        "  clicks, watch_seconds FROM post_rollup_daily) "
        "SELECT (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM roll) a) "
        "     + (SELECT count(*) FROM (SELECT * FROM roll EXCEPT SELECT * FROM direct) b)"_s;

// The same for the derived tables: post_totals against each post's newest row, and
// campaign_rollup_daily against post_rollup_daily and the posts' publication days.
const QString kTotalsMismatches =
        u"WITH t AS (SELECT p.id, p.campaign_id, m.day, coalesce(m.views, 0) v, m.reach, "
        "  coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0) "
        "  + coalesce(m.saves, 0) e, (m.reach IS NULL) est "
        "  FROM posts p LEFT JOIN LATERAL (SELECT * FROM post_metrics x WHERE x.post_id = p.id "
        "  ORDER BY x.day DESC LIMIT 1) m ON true WHERE p.campaign_id IS NOT NULL), "
        "s AS (SELECT post_id, campaign_id, day, views, reach, engagements, "
        "  estimated_reach IS NOT NULL FROM post_totals), "
        "c AS (SELECT coalesce(f.campaign_id, e.campaign_id) campaign_id, "
        "  coalesce(f.day, e.day) d, coalesce(f.platform, e.platform) platform, "
        "  coalesce(e.n, 0) n, coalesce(e.r, 0) r, coalesce(f.v, 0) v, coalesce(f.l, 0) l "
        "  FROM (SELECT campaign_id, day, platform, sum(views) v, sum(likes) l "
        "        FROM post_rollup_daily GROUP BY 1, 2, 3) f "
        "  FULL JOIN (SELECT campaign_id, published_day AS day, platform, count(*) n, "
        "             coalesce(sum(estimated_reach), 0) r FROM post_totals GROUP BY 1, 2, 3) e "
        "  ON (e.campaign_id, e.day, e.platform) = (f.campaign_id, f.day, f.platform)), "
        "k AS (SELECT campaign_id, day, platform, published, estimated_reach, views, likes "
        "  FROM campaign_rollup_daily) "
        "SELECT (SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM s) a) "
        "     + (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT * FROM t) b) "
        "     + (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM k) x) "
        "     + (SELECT count(*) FROM (SELECT * FROM k EXCEPT SELECT * FROM c) y)"_s;

} // namespace

class TestApiAnalytics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_otherBrand;
    QString m_lena;
    QString m_max;
    QString m_lenaId;
    QString m_maxId;
    QString m_campaign; ///< the hand-computed one
    int m_counter = 0;
    QByteArray m_secret = QUuid::createUuid().toByteArray() + QUuid::createUuid().toByteArray();

    /// Another server process on the same database, signing with the same key.
    std::unique_ptr<TestServer> anotherServer()
    {
        TestServer::Options options;
        options.databaseUrl = m_server->databaseUrl();
        options.configure = [this](server::Config &config) {
            config.tokens.secret = m_secret;
            config.http.publicUrl = u"https://influence.example"_s;
        };
        return std::make_unique<TestServer>(options);
    }

    HttpReply get(const QString &path, const QString &token) { return m_api->get(path, token); }
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_api->post(path, token, body);
    }
    HttpReply put(const QString &path, const QString &token, const QJsonObject &body)
    {
        return m_api->put(path, token, body);
    }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant(u"error"_s);
    }
    bool exec(const QString &sql) { return bool(m_db->execDirect(sql)); }

    QString newCampaign()
    {
        const QJsonObject body{{u"name"_s, u"Analytics campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(0)}, {u"endDate"_s, day(60)},
                {u"visibility"_s, u"public"_s}};
        const QString id = post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }

    /// An accepted deal of a creator in a campaign with `quantity` Instagram reels; their ids.
    QStringList acceptedDeal(const QString &campaign, const QString &creator,
            const QString &creatorId, qint64 fee, int quantity)
    {
        const QJsonObject offer{
                {u"deliverables"_s,
                        QJsonArray{
                                QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                                        {u"quantity"_s, quantity}, {u"dueDate"_s, day(14)}}}},
                {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
        const QString deal = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, creatorId}, {u"offer"_s, offer}})
                                     .json()[u"id"_s]
                                     .toString();
        const QString counter = post(u"/api/v1/deals/%1/offers"_s.arg(deal), creator, offer)
                                        .json()[u"latestOffer"_s][u"id"_s]
                                        .toString();
        const QJsonArray deliverables =
                post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, counter), m_brand)
                        .json()[u"deliverables"_s]
                        .toArray();
        QStringList ids;
        for (const auto &d : deliverables) {
            ids << d[u"id"_s].toString();
        }
        return ids;
    }
    bool goLive(const QString &deliverable, const QString &creator)
    {
        const QString base = u"/api/v1/deliverables/"_s + deliverable;
        return post(base + u"/versions"_s, creator, {{u"caption"_s, u"Draft"_s}}).status == 201
                && post(base + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"approved"_s}})
                           .status
                == 200
                && post(base + u"/live"_s, creator,
                           {{u"url"_s,
                                   QString(u"https://instagram.com/p/"_s + deliverable.left(8))}})
                           .status
                == 200;
    }
    /// A post fulfilling `deliverable`, published `published` days from today; its id.
    QString newPost(const QString &creatorId, const QString &deliverable, int published,
            const QString &kind = u"reel"_s)
    {
        return scalar(u"INSERT INTO posts (influencer_id, platform, kind, published_at, "
                      "deliverable_id, url) VALUES ('%1', 'instagram', '%2', now() + interval "
                      "'%3 days', %4, 'https://instagram.com/p/x') RETURNING id"_s.arg(creatorId,
                              kind, QString::number(published),
                              deliverable.isEmpty() ? u"NULL"_s : u"'%1'"_s.arg(deliverable)))
                .toString();
    }
    /// A row of lifetime totals (NULL where a figure is -1).
    bool metrics(const QString &post, int when, const QList<qint64> &figures)
    {
        QStringList values;
        for (const qint64 f : figures) {
            values << (f < 0 ? u"NULL"_s : QString::number(f));
        }
        while (values.size() < 9) {
            values << u"NULL"_s;
        }
        return exec(u"INSERT INTO post_metrics (post_id, day, views, impressions, reach, likes, "
                    "comments, shares, saves, clicks, watch_seconds, source) VALUES ('%1', "
                    "current_date + %2, %3, 'platform')"_s.arg(
                            post, QString::number(when), values.join(u", "_s)));
    }
    qint64 rollupMismatches()
    {
        return scalar(kRollupMismatches).toLongLong() + scalar(kTotalsMismatches).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [this](server::Config &config) {
            config.tokens.secret = m_secret;
            config.http.publicUrl = u"https://influence.example"_s;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"analytics-test"_s);
        QVERIFY(m_db);

        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = m_api->signUp(u"staff@example.com"_s, u"brand"_s);
        m_otherBrand = m_api->signUp(u"other@example.com"_s, u"brand"_s);
        m_lena = m_api->signUp(u"lena@example.com"_s, u"influencer"_s);
        m_max = m_api->signUp(u"max@example.com"_s, u"influencer"_s);
        for (const auto &[token, name] :
                {std::pair{m_brand, u"Alpine Boots"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
            QCOMPARE(put(u"/api/v1/me/brand"_s, token, {{u"companyName"_s, name}}).status, 201);
        }
        for (const auto &[token, name] :
                {std::pair{m_lena, u"Lena Travels"_s}, std::pair{m_max, u"Max Climbs"_s}}) {
            QCOMPARE(put(u"/api/v1/me/influencer"_s, token,
                             {{u"displayName"_s, name}, {u"country"_s, u"AT"_s}})
                             .status,
                    201);
        }
        m_lenaId = m_api->userIdOf(m_lena);
        m_maxId = m_api->userIdOf(m_max);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_api->userIdOf(m_brand)), m_brand,
                         {{u"userId"_s, m_api->userIdOf(m_staff)}})
                         .status,
                201);
        // Lena's Instagram account had 10 000 followers 20 days ago (12 000 now): the estimate
        // of a post without reach uses the snapshot on or before its publication.
        QVERIFY(exec(u"INSERT INTO connected_accounts (id, influencer_id, platform, handle, "
                     "followers) VALUES ('00000000-0000-4000-8000-00000000a001', '%1', "
                     "'instagram', 'lena', 12000)"_s.arg(m_lenaId)));
        QVERIFY(exec(u"INSERT INTO account_metrics (account_id, day, followers) VALUES "
                     "('00000000-0000-4000-8000-00000000a001', current_date - 20, 10000)"_s));

        // The hand-computed campaign: Lena (fee 400.00, two reels) and Max (100.00, one).
        m_campaign = newCampaign();
        const QStringList lena = acceptedDeal(m_campaign, m_lena, m_lenaId, 40000, 2);
        const QStringList max = acceptedDeal(m_campaign, m_max, m_maxId, 10000, 1);
        QCOMPARE(lena.size(), 2);
        QCOMPARE(max.size(), 1);
        // P1: views, impressions, reach, likes, comments, shares, saves, clicks, watch seconds
        const QString p1 = newPost(m_lenaId, lena[0], -10);
        QVERIFY(metrics(p1, -10, {1000, 2000, 800, 100, 10, 5, 5, 20, 0}));
        QVERIFY(metrics(p1, -5, {3000, 5000, 2000, 250, 30, 10, 10, 50, 0}));
        // P2: a story without reach: 10 000 x 0.30 = 3 000 estimated.
        const QString p2 = newPost(m_lenaId, lena[1], -3, u"story"_s);
        QVERIFY(metrics(p2, -3, {500, -1, -1, 20, 0, 0, 0, -1, -1}));
        const QString p3 = newPost(m_maxId, max[0], -2);
        QVERIFY(metrics(p3, -2, {2000, 3000, 1000, 500, 50, 0, 0, 0, 0}));
        // A figure from before the period counts only by what it added since.
        QVERIFY(metrics(p3, -40, {100, 100, 100, 100, 0, 0, 0, 0, 0}));
        QCOMPARE(rollupMismatches(), 0);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void kpisOfAHandComputedCampaign()
    {
        const HttpReply reply = get(u"/api/v1/analytics/campaigns/"_s + m_campaign, m_staff);
        QCOMPARE(reply.status, 200);
        const QJsonObject a = reply.json();
        QCOMPARE(a[u"from"_s].toString(), day(-29));
        QCOMPARE(a[u"to"_s].toString(), day(0));
        QCOMPARE(a[u"currency"_s].toString(), u"EUR"_s);
        QCOMPARE(a[u"emvTable"_s][u"custom"_s].toBool(), false);
        QCOMPARE(a[u"emvTable"_s][u"name"_s].toString(), u"Influence defaults (EUR)"_s);
        const QJsonObject k = a[u"kpis"_s].toObject();
        QCOMPARE(k[u"posts"_s].toInteger(), 3);
        // P3 adds 1 900 views, 2 900 impressions, 900 reach, 400 likes since day -40.
        QCOMPARE(k[u"views"_s].toInteger(), 3000 + 500 + 1900);
        QCOMPARE(k[u"impressions"_s].toInteger(), 5000 + 2900);
        QCOMPARE(k[u"reach"_s].toInteger(), 2000 + 3000 + 900);
        QCOMPARE(k[u"reachEstimated"_s].toBool(), true);
        QCOMPARE(k[u"likes"_s].toInteger(), 250 + 20 + 400);
        QCOMPARE(k[u"comments"_s].toInteger(), 80);
        QCOMPARE(k[u"shares"_s].toInteger(), 10);
        QCOMPARE(k[u"saves"_s].toInteger(), 10);
        QCOMPARE(k[u"clicks"_s].toInteger(), 50);
        QCOMPARE(k[u"engagements"_s].toInteger(), 770);
        QCOMPARE(k[u"engagementRate"_s].toDouble(), 0.130508); // 770 / 5 900
        QCOMPARE(k[u"spendCommittedMinor"_s].toInteger(), 50000);
        QCOMPARE(k[u"spendPaidMinor"_s].toInteger(), 0);
        QCOMPARE(k[u"spendMinor"_s].toInteger(), 50000);
        QCOMPARE(k[u"budgetMinor"_s].toInteger(), 1000000);
        QCOMPARE(k[u"cpeMinor"_s].toDouble(), 64.94); // 50 000 / 770
        QCOMPARE(k[u"cpmMinor"_s].toDouble(), 6329.11); // 50 000 x 1 000 / 7 900
        QCOMPARE(k[u"cpvMinor"_s].toDouble(), 9.26); // 50 000 / 5 400
        // 7 900 x 0.5 + 5 400 x 2 + 670 x 10 + 80 x 50 + 10 x 60 + 10 x 50 + 50 x 100
        QCOMPARE(k[u"emvMinor"_s].toInteger(), 3950 + 10800 + 6700 + 4000 + 600 + 500 + 5000);
        QCOMPARE(k[u"roi"_s].toDouble(), -0.369); // (31 550 - 50 000) / 50 000

        const QJsonArray creators = a[u"creators"_s].toArray();
        QCOMPARE(creators.size(), 2);
        QCOMPARE(creators[0][u"displayName"_s].toString(), u"Max Climbs"_s); // 450 engagements
        QCOMPARE(creators[0][u"engagements"_s].toInteger(), 450);
        QCOMPARE(creators[0][u"spendMinor"_s].toInteger(), 10000);
        QCOMPARE(creators[0][u"cpeMinor"_s].toDouble(), 22.22);
        QCOMPARE(creators[1][u"posts"_s].toInteger(), 2);
        QCOMPARE(creators[1][u"reach"_s].toInteger(), 5000);
        QCOMPARE(creators[1][u"reachEstimated"_s].toBool(), true);
        QCOMPARE(creators[1][u"cpeMinor"_s].toDouble(), 125.0); // 40 000 / 320

        const QJsonArray posts = a[u"posts"_s].toArray();
        QCOMPARE(posts.size(), 3);
        QCOMPARE(posts[0][u"engagements"_s].toInteger(), 450);
        QCOMPARE(posts[1][u"engagements"_s].toInteger(), 300);
        QCOMPARE(posts[1][u"emvMinor"_s].toInteger(), 2500 + 6000 + 2500 + 1500 + 600 + 500 + 5000);
        QCOMPARE(posts[2][u"reach"_s].toInteger(), 3000);
        QCOMPARE(posts[2][u"reachEstimated"_s].toBool(), true);
        QCOMPARE(posts[2][u"kind"_s].toString(), u"story"_s);

        // The series: one bucket a day, zeros filled; the estimate on its publication day.
        const QJsonArray series = a[u"series"_s].toArray();
        QCOMPARE(series.size(), 30);
        qint64 views = 0;
        for (const auto &point : series) {
            views += point[u"views"_s].toInteger();
        }
        QCOMPARE(views, 5400);
        QCOMPARE(series[29 - 5][u"views"_s].toInteger(), 2000); // P1's day -5 increment
        QCOMPARE(series[29 - 3][u"reach"_s].toInteger(), 3000);
        const QJsonArray weeks =
                get(u"/api/v1/analytics/campaigns/%1?interval=week"_s.arg(m_campaign), m_staff)
                        .json()[u"series"_s]
                        .toArray();
        QVERIFY(weeks.size() >= 5 && weeks.size() <= 6);
        QCOMPARE(QDate::fromString(weeks[0][u"start"_s].toString(), Qt::ISODate).dayOfWeek(), 1);

        // The brand's own table: 10.00 per 1 000 impressions, 1.5 per view, 20 per like, 100 per
        // comment, 0.25 per click; nothing for shares and saves.
        const QJsonObject rates{{u"platform"_s, u"instagram"_s},
                {u"perMilleImpressionsMinor"_s, 1000}, {u"perViewMinor"_s, 1.5},
                {u"perLikeMinor"_s, 20}, {u"perCommentMinor"_s, 100}, {u"perShareMinor"_s, 0},
                {u"perSaveMinor"_s, 0}, {u"perClickMinor"_s, 0.25}};
        // Staff read the brand's figures but only its owner sets its valuation.
        const QString tablesBefore =
                scalar(u"SELECT string_agg(t::text, ',' ORDER BY t::text) FROM emv_tables t"_s)
                        .toString();
        for (const QString &brand : QStringList{{}, u"?brand="_s + m_api->userIdOf(m_brand)}) {
            const HttpReply byStaff = put(u"/api/v1/analytics/emv-tables/EUR"_s + brand, m_staff,
                    {{u"name"_s, u"Alpine values"_s}, {u"rates"_s, QJsonArray{rates}}});
            QCOMPARE(byStaff.status, 403);
            QCOMPARE(code(byStaff), u"forbidden"_s);
        }
        QCOMPARE(scalar(u"SELECT string_agg(t::text, ',' ORDER BY t::text) FROM emv_tables t"_s)
                         .toString(),
                tablesBefore);
        const HttpReply saved = put(u"/api/v1/analytics/emv-tables/EUR"_s, m_brand,
                {{u"name"_s, u"Alpine values"_s}, {u"rates"_s, QJsonArray{rates}}});
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json()[u"custom"_s].toBool(), true);
        QCOMPARE(saved.json()[u"rates"_s].toArray().size(), 9); // the others from our defaults
        const QJsonObject b = get(u"/api/v1/analytics/campaigns/"_s + m_campaign, m_brand).json();
        QCOMPARE(b[u"emvTable"_s][u"name"_s].toString(), u"Alpine values"_s);
        QCOMPARE(b[u"emvTable"_s][u"custom"_s].toBool(), true);
        // 7 900 + 8 100 + 13 400 + 8 000 + 12.5 = 37 412.5, rounded half up
        QCOMPARE(b[u"kpis"_s][u"emvMinor"_s].toInteger(), 37413);
        QCOMPARE(b[u"kpis"_s][u"roi"_s].toDouble(), -0.2517); // (37 413 - 50 000) / 50 000
    }

    void overviewComparesPeriods()
    {
        const HttpReply reply =
                get(u"/api/v1/analytics/overview?campaign="_s + m_campaign, m_staff);
        QCOMPARE(reply.status, 200);
        const QJsonObject o = reply.json();
        QCOMPARE(o[u"currency"_s].toString(), u"EUR"_s);
        QCOMPARE(o[u"previousTo"_s].toString(), day(-30));
        QCOMPARE(o[u"previousFrom"_s].toString(), day(-59));
        QCOMPARE(o[u"kpis"_s][u"views"_s].toInteger(), 5400);
        QCOMPARE(o[u"previousKpis"_s][u"views"_s].toInteger(), 100); // P3's row of day -40
        QCOMPARE(o[u"previousKpis"_s][u"spendMinor"_s].toInteger(), 0);
        QCOMPARE(o[u"campaigns"_s].toArray().size(), 1);
        QCOMPARE(o[u"campaigns"_s][0][u"committedMinor"_s].toInteger(), 50000);
        QCOMPARE(o[u"topCreators"_s].toArray().size(), 2);
        QCOMPARE(o[u"topPosts"_s].toArray().size(), 3);
        QVERIFY(o[u"todos"_s].toObject().contains(u"payoutsDue"_s));
        QCOMPARE(o[u"todos"_s][u"overdueDeliverables"_s].toInteger(), 0);
        // All the brand's campaigns by default; a campaign of another brand is not found.
        QCOMPARE(get(u"/api/v1/analytics/overview"_s, m_brand).status, 200);
        QCOMPARE(get(u"/api/v1/analytics/overview?campaign="_s + m_campaign, m_otherBrand).status,
                404);
    }

    void rollupsEqualTheRawRows()
    {
        const QString campaignB = newCampaign();
        const QString campaignC = newCampaign();
        const QStringList b = acceptedDeal(campaignB, m_lena, m_lenaId, 1000, 2);
        const QStringList c = acceptedDeal(campaignC, m_lena, m_lenaId, 1000, 1);
        const QString q1 = newPost(m_lenaId, b[0], -20);
        const QString q2 = newPost(m_lenaId, b[1], -20);
        // Twenty days of growing totals for both posts in one statement.
        QVERIFY(exec(u"INSERT INTO post_metrics (post_id, day, views, likes, reach, source) "
                     "SELECT p, current_date - 20 + n, 100 * n, 10 * n, CASE WHEN n % 3 = 0 "
                     "THEN NULL ELSE 50 * n END, 'import' FROM unnest(ARRAY['%1', '%2']::uuid[]) "
                     "AS p, generate_series(0, 19) AS n"_s.arg(q1, q2)));
        QCOMPARE(rollupMismatches(), 0);
        QCOMPARE(scalar(u"SELECT sum(views) FROM post_rollup_daily WHERE campaign_id = '%1'"_s.arg(
                                campaignB))
                         .toLongLong(),
                2 * 1900);
        // A late correction of an old day changes that day's and the next day's increments.
        QVERIFY(exec(u"UPDATE post_metrics SET views = views + 1000, likes = NULL "
                     "WHERE post_id = '%1' AND day = current_date - 15"_s.arg(q1)));
        QCOMPARE(rollupMismatches(), 0);
        // A row arriving late between two others.
        QVERIFY(exec(
                u"DELETE FROM post_metrics WHERE post_id = '%1' AND day = current_date - 10"_s.arg(
                        q2)));
        QCOMPARE(rollupMismatches(), 0);
        QVERIFY(exec(u"INSERT INTO post_metrics (post_id, day, views, source) VALUES ('%1', "
                     "current_date - 10, 5, 'manual')"_s.arg(q2)));
        QCOMPARE(rollupMismatches(), 0);
        // Deleting rows, the last ones included, and a whole post.
        QVERIFY(exec(
                u"DELETE FROM post_metrics WHERE post_id = '%1' AND day >= current_date - 3"_s.arg(
                        q1)));
        QCOMPARE(rollupMismatches(), 0);
        // The post moves to a deliverable of another campaign: both campaigns follow.
        QVERIFY(exec(u"UPDATE posts SET deliverable_id = '%1' WHERE id = '%2'"_s.arg(c[0], q2)));
        QCOMPARE(rollupMismatches(), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM post_rollup_daily WHERE campaign_id = '%1'"_s.arg(
                                campaignC))
                         .toLongLong(),
                20);
        const QJsonObject kpis =
                get(u"/api/v1/analytics/campaigns/%1?from=%2"_s.arg(campaignC, day(-25)), m_brand)
                        .json()[u"kpis"_s]
                        .toObject();
        QCOMPARE(kpis[u"views"_s].toInteger(), 1900); // its latest row
        QVERIFY(exec(u"DELETE FROM posts WHERE id = '%1'"_s.arg(q1)));
        QCOMPARE(rollupMismatches(), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM post_rollup_daily WHERE campaign_id = '%1'"_s.arg(
                                campaignB))
                         .toLongLong(),
                0);
    }

    /// The overview and a campaign's analytics are cached under the versions of what they read
    /// (0026): a new metric row, a new campaign with its deal, and figures written while another
    /// server process holds the answer are all seen by the next read, in both processes. The
    /// previous period (read in the current period's pass) and the campaigns' budget figures
    /// (read from their balance rows) equal what the separate calls of 0012 answered.
    void cachedAnswersFollowWrites()
    {
        const QString overviewPath = u"/api/v1/analytics/overview"_s;
        const HttpReply first = get(overviewPath, m_staff);
        QCOMPARE(first.status, 200);
        const HttpReply again = get(overviewPath, m_staff);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        const QJsonObject before = first.json();
        const qint64 views = before[u"kpis"_s][u"views"_s].toInteger();
        const qsizetype campaigns = before[u"campaigns"_s].toArray().size();

        // The fold equals the previous period asked for on its own, and the campaigns' figures
        // equal their budget answers.
        const QString ids = u"ARRAY(SELECT c.id FROM campaigns c WHERE c.brand_id = '%1')"_s.arg(
                m_api->userIdOf(m_brand));
        const QByteArray previous =
                QJsonDocument(before[u"previousKpis"_s].toObject()).toJson(QJsonDocument::Compact);
        QVERIFY(previous.contains("\"views\""));
        QCOMPARE(scalar(u"SELECT (analytics_campaigns_json(%1, %1, DATE '%2', DATE '%3', 'day', "
                        "false, 0) -> 'kpis') = '%4'::jsonb"_s.arg(
                                ids, day(-59), day(-30), QString::fromUtf8(previous)))
                         .toBool(),
                true);
        for (const auto &c : before[u"campaigns"_s].toArray()) {
            const QJsonObject budget = QJsonDocument::fromJson(
                    scalar(u"SELECT api_campaign_budget_json(c)::text FROM campaigns c "
                           "WHERE c.id = '%1'"_s.arg(c[u"id"_s].toString()))
                            .toByteArray())
                                               .object();
            for (const QString &field :
                    {u"committedMinor"_s, u"paidMinor"_s, u"remainingMinor"_s}) {
                QCOMPARE(c[field].toInteger(), budget[field].toInteger());
            }
        }

        // Another process reads (and keeps) the same answer.
        const auto second = anotherServer();
        QVERIFY2(second->isRunning(), qPrintable(second->error()));
        HttpTestClient secondClient(second->url());
        ApiSession secondApi(secondClient);
        QCOMPARE(secondApi.get(overviewPath, m_staff).body, first.body);

        // A new campaign with a deal and a post with a new metric row.
        const QString campaign = newCampaign();
        const QStringList d = acceptedDeal(campaign, m_max, m_maxId, 7000, 1);
        QCOMPARE(d.size(), 1);
        const QString fresh = newPost(m_maxId, d[0], -1);
        QVERIFY(metrics(fresh, -1, {700, 900, 600, 70, 7, 0, 0, 0, 0}));
        for (ApiSession *api : {m_api.get(), &secondApi}) {
            const QJsonObject after = api->get(overviewPath, m_staff).json();
            QCOMPARE(after[u"kpis"_s][u"views"_s].toInteger(), views + 700);
            QCOMPARE(after[u"campaigns"_s].toArray().size(), campaigns + 1);
            QCOMPARE(after[u"campaigns"_s][0][u"id"_s].toString(), campaign);
            QCOMPARE(after[u"campaigns"_s][0][u"committedMinor"_s].toInteger(), 7000);
            QCOMPARE(after[u"campaigns"_s][0][u"views"_s].toInteger(), 700);
        }
        // The campaign's own analytics, cached in both, then a later row written.
        const QString campaignPath = u"/api/v1/analytics/campaigns/"_s + campaign;
        QCOMPARE(get(campaignPath, m_staff).json()[u"kpis"_s][u"views"_s].toInteger(), 700);
        QCOMPARE(secondApi.get(campaignPath, m_staff).json()[u"kpis"_s][u"views"_s].toInteger(),
                700);
        QVERIFY(metrics(fresh, 0, {1000, 1300, 800, 90, 9, 0, 0, 0, 0}));
        for (ApiSession *api : {m_api.get(), &secondApi}) {
            QCOMPARE(api->get(campaignPath, m_staff).json()[u"kpis"_s][u"views"_s].toInteger(),
                    1000);
            QCOMPARE(api->get(overviewPath, m_staff).json()[u"kpis"_s][u"views"_s].toInteger(),
                    views + 1000);
        }
        // A cached answer is still only for whoever may read it.
        QCOMPARE(get(campaignPath, m_otherBrand).status, 404);
        QCOMPARE(secondApi.get(campaignPath, m_otherBrand).status, 404);
    }

    void authorization()
    {
        const QString path = u"/api/v1/analytics/campaigns/"_s + m_campaign;
        QCOMPARE(m_client->get(path).status, 401);
        QCOMPARE(get(path, m_otherBrand).status, 404);
        QCOMPARE(code(get(path, m_otherBrand)), u"not_found"_s);
        QCOMPARE(get(path, m_lena).status, 404);
        QCOMPARE(get(u"/api/v1/analytics/overview"_s, m_lena).status, 403);
        QCOMPARE(code(get(u"/api/v1/analytics/overview"_s, m_lena)), u"forbidden"_s);
        // A creator reads their own analytics, not another creator's; brand staff read anyone's.
        const HttpReply own = get(u"/api/v1/analytics/creators/"_s + m_lenaId, m_lena);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json()[u"kpis"_s][u"posts"_s].toInteger(), 2 + 1); // P1, P2 and Q2
        QCOMPARE(own.json()[u"accounts"_s][0][u"engagementBasis"_s].toString(), u"followers"_s);
        QCOMPARE(get(u"/api/v1/analytics/creators/"_s + m_maxId, m_lena).status, 404);
        QCOMPARE(get(u"/api/v1/analytics/creators/"_s + m_lenaId, m_otherBrand).status, 200);
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(get(u"/api/v1/analytics/creators/"_s + unknown, m_brand).status, 404);
        QCOMPARE(get(u"/api/v1/analytics/emv-tables"_s, m_lena).status, 403);
    }

    void periodsAreValidated_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("from after to")
                << u"from=%1&to=%2"_s.arg(day(0), day(-1)) << 422 << u"invalid_period"_s;
        QTest::newRow("longer than 731 days")
                << u"from=%1&to=%2"_s.arg(day(-731), day(0)) << 422 << u"invalid_period"_s;
        QTest::newRow("not a date") << u"from=2026-13-01"_s << 400 << u"invalid_parameter"_s;
        QTest::newRow("unknown interval") << u"interval=year"_s << 400 << u"invalid_parameter"_s;
        QTest::newRow("731 days") << u"from=%1&to=%2"_s.arg(day(-730), day(0)) << 200 << QString();
    }
    void periodsAreValidated()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QStringList paths{u"/api/v1/analytics/campaigns/"_s + m_campaign,
                u"/api/v1/analytics/overview"_s, u"/api/v1/analytics/creators/"_s + m_lenaId};
        for (const QString &path : paths) {
            const HttpReply reply = get(path + u'?' + query, m_brand);
            QCOMPARE(reply.status, status);
            if (!code.isEmpty()) {
                QCOMPARE(::code(reply), code);
            }
        }
    }

    void csvAnswers()
    {
        const QList<std::pair<QByteArray, QByteArray>> csv{
                {"Authorization", "Bearer " + m_brand.toLatin1()}, {"Accept", "text/csv"}};
        HttpReply reply =
                m_client->send("GET", u"/api/v1/analytics/campaigns/"_s + m_campaign, {}, csv);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/csv"));
        QStringList lines = QString::fromUtf8(reply.body).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 3);
        QVERIFY(lines[0].startsWith(u"id,published_at,influencer_id,creator,platform"_s));
        QVERIFY(lines[1].contains(u"Max Climbs"_s));
        QVERIFY(lines[0].contains(u"engagement_rate"_s));
        QVERIFY(lines[1].contains(u",0.5,"_s)); // 450 / 900: a ratio keeps its decimals
        reply = m_client->send("GET", u"/api/v1/analytics/overview"_s, {}, csv);
        QCOMPARE(reply.status, 200);
        lines = QString::fromUtf8(reply.body).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QVERIFY(lines[0].startsWith(u"id,name,status,budget,committed,paid,remaining"_s));
        QVERIFY(lines.size() >= 1 + 3);
        QVERIFY(lines.join(u'\n').contains(u",10000.00,500.00,0.00,9500.00,EUR,"_s));
        reply = m_client->send("GET", u"/api/v1/analytics/creators/"_s + m_lenaId, {}, csv);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.startsWith("id,published_at"));
    }

    void emvTables()
    {
        const HttpReply list = get(u"/api/v1/analytics/emv-tables"_s, m_brand);
        QCOMPARE(list.status, 200);
        QStringList defaults;
        for (const auto &t : list.json()[u"items"_s].toArray()) {
            if (!t[u"custom"_s].toBool()) {
                defaults << t[u"currency"_s].toString();
                QCOMPARE(t[u"rates"_s].toArray().size(), 9);
            }
        }
        QCOMPARE(defaults, (QStringList{u"EUR"_s, u"GBP"_s, u"USD"_s}));
        const QString before = scalar(u"SELECT string_agg(r::text, ',' ORDER BY r::text) "
                                      "FROM emv_rates r"_s)
                                       .toString();
        const auto refused = [&](const QJsonObject &rate) {
            return put(u"/api/v1/analytics/emv-tables/EUR"_s, m_brand,
                    {{u"name"_s, u"X"_s}, {u"rates"_s, QJsonArray{rate}}});
        };
        QCOMPARE(refused({{u"platform"_s, u"instagram"_s}, {u"perViewMinor"_s, -1}}).status, 422);
        QCOMPARE(refused({{u"platform"_s, u"myspace"_s}}).status, 422);
        QJsonObject precise{{u"platform"_s, u"tiktok"_s}, {u"perMilleImpressionsMinor"_s, 1},
                {u"perViewMinor"_s, 0.00001}, {u"perLikeMinor"_s, 1}, {u"perCommentMinor"_s, 1},
                {u"perShareMinor"_s, 1}, {u"perSaveMinor"_s, 1}, {u"perClickMinor"_s, 1}};
        QCOMPARE(code(refused(precise)), u"validation_failed"_s);
        QCOMPARE(put(u"/api/v1/analytics/emv-tables/eur"_s, m_brand, {{u"name"_s, u"X"_s}}).status,
                400);
        QCOMPARE(scalar(u"SELECT string_agg(r::text, ',' ORDER BY r::text) FROM emv_rates r"_s)
                         .toString(),
                before);
        // Four decimals are kept exactly.
        precise[u"perViewMinor"_s] = 0.0125;
        const HttpReply saved = put(u"/api/v1/analytics/emv-tables/USD"_s, m_brand,
                {{u"name"_s, u"Alpine US"_s}, {u"rates"_s, QJsonArray{precise}}});
        QCOMPARE(saved.status, 200);
        for (const auto &rate : saved.json()[u"rates"_s].toArray()) {
            if (rate[u"platform"_s].toString() == u"tiktok"_s) {
                QCOMPARE(rate[u"perViewMinor"_s].toDouble(), 0.0125);
            }
        }
        // Another brand sees only the defaults and its own.
        QCOMPARE(get(u"/api/v1/analytics/emv-tables"_s, m_otherBrand)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                3);
    }

    void figuresByHand()
    {
        const QString campaign = newCampaign();
        const QStringList d = acceptedDeal(campaign, m_max, m_maxId, 5000, 2);
        const QString path = u"/api/v1/deliverables/%1/metrics/%2"_s.arg(d[0], day(0));
        const qint64 posts = scalar(u"SELECT count(*) FROM posts"_s).toLongLong();
        // Not live yet.
        HttpReply reply = put(path, m_max, {{u"views"_s, 10}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"deliverable_not_live"_s);
        QVERIFY(goLive(d[0], m_max));
        // A future day, negative or fractional figures, a plain-http evidence URL.
        QCOMPARE(put(u"/api/v1/deliverables/%1/metrics/%2"_s.arg(d[0], day(1)), m_max,
                         {{u"views"_s, 10}})
                         .status,
                422);
        QCOMPARE(put(path, m_max, {{u"views"_s, -1}}).status, 422);
        QCOMPARE(put(path, m_max, {{u"likes"_s, 1.5}}).status, 422);
        QCOMPARE(put(path, m_max, {{u"evidenceUrl"_s, u"http://x.example/s.png"_s}}).status, 422);
        // Before publication: refused, and the post is not created either.
        reply = put(u"/api/v1/deliverables/%1/metrics/%2"_s.arg(d[0], day(-3)), m_max,
                {{u"views"_s, 10}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(scalar(u"SELECT count(*) FROM posts"_s).toLongLong(), posts);
        // Another brand and another creator do not see the deliverable.
        QCOMPARE(put(path, m_otherBrand, {{u"views"_s, 1}}).status, 404);
        QCOMPARE(put(path, m_lena, {{u"views"_s, 1}}).status, 404);

        // Brand staff type in a Story's figures with a screenshot; the creator adds clicks.
        reply = put(path, m_staff,
                {{u"views"_s, 1200}, {u"reach"_s, 900}, {u"likes"_s, 40},
                        {u"evidenceUrl"_s, u"https://files.example/story.png"_s},
                        {u"kind"_s, u"story"_s}});
        QCOMPARE(reply.status, 200);
        reply = put(path, m_max, {{u"clicks"_s, 12}});
        QCOMPARE(reply.status, 200);
        const QJsonObject history = reply.json();
        QCOMPARE(history[u"post"_s][u"kind"_s].toString(), u"story"_s);
        QCOMPARE(history[u"post"_s][u"deliverableId"_s].toString(), d[0]);
        QVERIFY(history[u"post"_s][u"url"_s].toString().startsWith(u"https://instagram.com/p/"_s));
        const QJsonArray days = history[u"days"_s].toArray();
        QCOMPARE(days.size(), 1);
        QCOMPARE(days[0][u"views"_s].toInteger(), 1200); // kept
        QCOMPARE(days[0][u"clicks"_s].toInteger(), 12);
        QCOMPARE(days[0][u"source"_s].toString(), u"manual"_s);
        QCOMPARE(days[0][u"evidenceUrl"_s].toString(), u"https://files.example/story.png"_s);
        QCOMPARE(days[0][u"enteredBy"_s].toString(), m_maxId);
        QCOMPARE(history[u"post"_s][u"engagements"_s].toInteger(), 40);

        // The history reads back for the brand's staff and the creator, not for others.
        const QString postId = history[u"post"_s][u"id"_s].toString();
        const QString read = u"/api/v1/posts/%1/metrics"_s.arg(postId);
        QCOMPARE(get(read, m_staff).json()[u"days"_s].toArray().size(), 1);
        QCOMPARE(get(read, m_max).status, 200);
        QCOMPARE(get(read, m_otherBrand).status, 404);
        QCOMPARE(get(read, m_lena).status, 404);
        // The campaign's analytics see it (through the rollup).
        QCOMPARE(get(u"/api/v1/analytics/campaigns/"_s + campaign, m_brand)
                         .json()[u"kpis"_s][u"views"_s]
                         .toInteger(),
                1200);
        QCOMPARE(rollupMismatches(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiAnalytics)
#include "tst_api_analytics.moc"
