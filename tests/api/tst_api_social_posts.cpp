// SPDX-License-Identifier: Apache-2.0
// The daily sync's posts and the engagement and growth computed from stored data, over HTTP
// against PostgreSQL and the local Node peer (tests/peers/social), whose media are deterministic
// (see media() there): posts and their figures (NULL where the platform gives none), the
// accounts' engagement rate and 30-day growth equal to hand-computed values, a live deliverable
// linked to its post, the figures visible in discovery, and a second round the same day that
// adds nothing.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "TestServer.h"
#include "core/db/Connection.h"
#include "social/SocialService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;
using influence::tests::TestServer;

namespace {

// The peer's accounts (tests/peers/social/peer.mjs, defaults).
constexpr double kIgFollowers = 12000;
constexpr double kYtFollowers = 54000;
constexpr double kTtFollowers = 98000;

/// Instagram, by the peer's rules: the 12 newest of the 14 posts within 90 days count; post n has
/// likes 100 n (post 3 hides them), comments 10 n, saves n and shares 2 n (post 5's insights
/// fail: none). Engagement per follower, averaged.
double instagramRate()
{
    double sum = 0;
    for (int n = 1; n <= 12; ++n) {
        const double likes = n == 3 ? 0 : 100.0 * n;
        const double insights = n == 5 ? 0 : 3.0 * n; // saved n + shares 2 n
        sum += (likes + 10.0 * n + insights) / kIgFollowers;
    }
    return sum / 12;
}

/// YouTube: videos 1-4 (the 5th is 100 days old); likes 500 n (video 2 hides them), comments
/// 50 n, per view (10 000 n).
double youtubeRate()
{
    double sum = 0;
    for (int n = 1; n <= 4; ++n) {
        const double likes = n == 2 ? 0 : 500.0 * n;
        sum += (likes + 50.0 * n) / (10000.0 * n);
    }
    return sum / 4;
}

/// TikTok: videos 1-4 (the 5th is 95 days old); likes 1000 n, comments 100 n, shares 10 n.
double tiktokRate()
{
    double sum = 0;
    for (int n = 1; n <= 4; ++n) {
        sum += (1000.0 + 100.0 + 10.0) * n / kTtFollowers;
    }
    return sum / 4;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-6 * std::max(1.0, std::abs(expected));
}

} // namespace

class TestApiSocialPosts : public QObject
{
    Q_OBJECT

private:
    NodePeer m_peer;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_creator;
    QString m_creatorId;
    QString m_other; ///< a second creator with a typed-in account, for discovery's order
    QString m_otherId;
    QString m_brand;
    QString m_ig;
    QString m_yt;
    QString m_tt;
    QString m_campaign;
    QString m_deliverable;

    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }

    bool sql(const QString &text) { return bool(m_db->execDirect(text)); }

    bool runDueWork()
    {
        auto done = std::make_shared<std::atomic<bool>>(false);
        m_server->app().social()->runDueWork([done] {
            *done = true;
        });
        QElapsedTimer timer;
        timer.start();
        while (!*done && timer.elapsed() < 30'000) {
            QTest::qWait(20);
        }
        return *done;
    }

    /// /connect: the client follows the redirects to the peer's consent page and from there to
    /// /callback, which answers the account.
    QString connect(const QString &platform)
    {
        const HttpReply connected =
                m_api->get(u"/api/v1/connected-accounts/%1/connect"_s.arg(platform), m_creator);
        if (connected.status != 200) {
            qWarning("connecting %s: %d %s", qPrintable(platform), connected.status,
                    connected.body.constData());
        }
        return connected.json().value(u"id"_s).toString();
    }

    QString profile(const QString &token, const QString &name)
    {
        const HttpReply reply = m_api->put(u"/api/v1/me/influencer"_s, token,
                {{u"displayName"_s, name}, {u"bio"_s, u"Creator"_s},
                        {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                        {u"languages"_s, QJsonArray{u"en"_s}}, {u"rates"_s, QJsonArray{}}});
        return reply.json().value(u"id"_s).toString();
    }

    /// A deal of the creator on Instagram brought live with `url` through the API: sets
    /// m_campaign and m_deliverable.
    bool liveDeliverable(const QString &url)
    {
        const QString day = QDate::currentDate().addDays(14).toString(Qt::ISODate);
        HttpReply reply = m_api->post(u"/api/v1/campaigns"_s, m_brand,
                {{u"name"_s, u"Boots"_s}, {u"brief"_s, u"Our boots on a summit."_s},
                        {u"objective"_s, u"awareness"_s},
                        {u"platforms"_s, QJsonArray{u"instagram"_s}},
                        {u"deliverableTypes"_s, QJsonArray{u"post"_s}}, {u"budgetMinor"_s, 500000},
                        {u"currency"_s, u"EUR"_s},
                        {u"startDate"_s, QDate::currentDate().toString(Qt::ISODate)},
                        {u"endDate"_s, QDate::currentDate().addDays(60).toString(Qt::ISODate)},
                        {u"visibility"_s, u"public"_s}, {u"usageRights"_s, u"Organic only."_s}});
        m_campaign = reply.json().value(u"id"_s).toString();
        m_api->post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brand);
        reply = m_api->post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaign), m_brand,
                {{u"influencerId"_s, m_creatorId},
                        {u"offer"_s,
                                QJsonObject{
                                        {u"deliverables"_s,
                                                QJsonArray{QJsonObject{{u"type"_s, u"post"_s},
                                                        {u"platform"_s, u"instagram"_s},
                                                        {u"quantity"_s, 1}, {u"dueDate"_s, day}}}},
                                        {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s},
                                        {u"usageRights"_s, u"Organic use."_s},
                                        {u"maxRevisions"_s, 1}}}});
        const QString deal = reply.json().value(u"id"_s).toString();
        const QString offer =
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        reply = m_api->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offer), m_creator);
        m_deliverable = reply.json()
                                .value(u"deliverables"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"id"_s)
                                .toString();
        const QString base = u"/api/v1/deliverables/"_s + m_deliverable;
        m_api->post(base + u"/versions"_s, m_creator, {{u"caption"_s, u"Draft"_s}});
        m_api->post(base + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"approved"_s}});
        reply = m_api->post(base + u"/live"_s, m_creator, {{u"url"_s, url}});
        if (reply.status != 200) {
            qWarning("going live answered %d: %s", reply.status, reply.body.constData());
        }
        return reply.status == 200;
    }

    /// A figure of a post's row of today, by the post's external id; NULL as an invalid QVariant.
    QVariant figure(const QString &externalId, const QString &column)
    {
        return scalar(
                u"SELECT m.%1 FROM post_metrics m JOIN posts p ON p.id = m.post_id "
                "WHERE p.external_id = '%2' AND m.day = (now() AT TIME ZONE 'UTC')::date"_s.arg(
                        column, externalId));
    }

    double rateOf(const QString &account)
    {
        return scalar(
                u"SELECT engagement_rate FROM connected_accounts WHERE id = '%1'"_s.arg(account))
                .toDouble();
    }

    QJsonObject peerCalls()
    {
        HttpTestClient peer(m_peer.url());
        return peer.get(u"/control/state"_s).json().value(u"calls"_s).toObject();
    }

    void control(const QJsonObject &command)
    {
        HttpTestClient peer(m_peer.url());
        QCOMPARE(peer.postJson(u"/control"_s, command).status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString directory = QFINDTESTDATA("peers/social");
        QVERIFY2(!directory.isEmpty(), "tests/peers/social not found");
        QVERIFY2(m_peer.start(directory, u"peer.mjs"_s, {u"0"_s}), qPrintable(m_peer.why()));
        const QString base = m_peer.url().toString();
        TestServer::Options options;
        options.configure = [base](server::Config &config) {
            config.social.platforms[u"instagram"_s] = {u"ig-client"_s, u"ig-secret"_s,
                    base + u"/instagram/oauth/authorize"_s,
                    base + u"/instagram/oauth/access_token"_s, base + u"/instagram/graph"_s};
            config.social.platforms[u"youtube"_s] = {u"yt-client"_s, u"yt-secret"_s,
                    base + u"/youtube/o/oauth2/v2/auth"_s, base + u"/youtube/token"_s,
                    base + u"/youtube/api"_s};
            config.social.platforms[u"tiktok"_s] = {u"tt-client"_s, u"tt-secret"_s,
                    base + u"/tiktok/v2/auth/authorize/"_s, base + u"/tiktok/v2/oauth/token/"_s,
                    base + u"/tiktok"_s};
            config.social.tokenEncryptionKeys =
                    u"k1:"_s + QString::fromLatin1(QByteArray(32, 'a').toBase64());
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"social-posts-test"_s);
        QVERIFY(m_db);

        m_creator = m_api->signUp(u"alice@example.com"_s, u"influencer"_s);
        m_other = m_api->signUp(u"bea@example.com"_s, u"influencer"_s);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        QVERIFY(!m_creator.isEmpty() && !m_other.isEmpty() && !m_brand.isEmpty());
        m_creatorId = profile(m_creator, u"Alice"_s);
        m_otherId = profile(m_other, u"Bea"_s);
        QVERIFY(!m_creatorId.isEmpty() && !m_otherId.isEmpty());
        QCOMPARE(
                m_api->put(u"/api/v1/me/brand"_s, m_brand, {{u"companyName"_s, u"Boots"_s}}).status,
                201);
        m_ig = connect(u"instagram"_s);
        m_yt = connect(u"youtube"_s);
        m_tt = connect(u"tiktok"_s);
        QVERIFY(!m_ig.isEmpty() && !m_yt.isEmpty() && !m_tt.isEmpty());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void syncStoresPostsAndFigures()
    {
        // Older snapshots: growth compares with the newest one at least 30 days old.
        QVERIFY(sql(u"INSERT INTO account_metrics (account_id, day, followers) VALUES "
                    "('%1', (now() AT TIME ZONE 'UTC')::date - 45, 9000), "
                    "('%1', (now() AT TIME ZONE 'UTC')::date - 31, 10000), "
                    "('%1', (now() AT TIME ZONE 'UTC')::date - 29, 11000), "
                    "('%2', (now() AT TIME ZONE 'UTC')::date - 30, 50000)"_s.arg(m_ig, m_yt)));
        // Brought live before the sync sees the post (a trailing slash less: the same post).
        QVERIFY(liveDeliverable(u"https://www.instagram.com/p/IG0001N1"_s));
        // A post typed in by hand before the sync saw it (no platform id): the same post.
        const QString typedIn =
                scalar(u"INSERT INTO posts (influencer_id, platform, kind, url, published_at) "
                       "VALUES ('%1', 'tiktok', 'video', "
                       "'https://www.tiktok.com/@tt_creator/video/71', now()) RETURNING id"_s.arg(
                               m_creatorId))
                        .toString();
        QVERIFY(!typedIn.isEmpty());
        // Connected today: no posts yet, so the next round reads them.
        QCOMPARE(scalar(u"SELECT count(*) FROM posts WHERE external_id IS NOT NULL"_s).toInt(), 0);
        QVERIFY(runDueWork());

        const auto posts = [this](const QString &account) {
            return scalar(u"SELECT count(*) FROM posts WHERE account_id = '%1'"_s.arg(account))
                    .toInt();
        };
        QCOMPARE(posts(m_ig), 15);
        QCOMPARE(posts(m_yt), 5); // the private video is left out
        QCOMPARE(posts(m_tt), 5);

        QCOMPARE(scalar(u"SELECT concat_ws('|', external_id, account_id) FROM posts WHERE id = "
                        "'%1'"_s.arg(typedIn))
                         .toString(),
                u"70001000001|"_s + m_tt);
        // Instagram: /me/media's counts, the insights of the 12 newest.
        const QString ig1 = u"1790000010001"_s;
        QCOMPARE(scalar(u"SELECT concat_ws('|', kind, url, caption, platform, influencer_id) "
                        "FROM posts WHERE external_id = '%1'"_s.arg(ig1))
                         .toString(),
                u"post|https://www.instagram.com/p/IG0001N1/|Post 1 #travel|instagram|"_s
                        + m_creatorId);
        QCOMPARE(scalar(u"SELECT kind FROM posts WHERE external_id = '1790000010002'"_s).toString(),
                u"story"_s);
        QCOMPARE(scalar(u"SELECT kind FROM posts WHERE external_id = '1790000010004'"_s).toString(),
                u"reel"_s);
        QCOMPARE(figure(ig1, u"likes"_s).toLongLong(), qint64{100});
        QCOMPARE(figure(ig1, u"comments"_s).toLongLong(), qint64{10});
        QCOMPARE(figure(ig1, u"reach"_s).toLongLong(), qint64{1000});
        QCOMPARE(figure(ig1, u"views"_s).toLongLong(), qint64{2000});
        QCOMPARE(figure(ig1, u"saves"_s).toLongLong(), qint64{1});
        QCOMPARE(figure(ig1, u"shares"_s).toLongLong(), qint64{2});
        QCOMPARE(figure(ig1, u"source"_s).toString(), u"platform"_s);
        QVERIFY(figure(ig1, u"impressions"_s).isNull());
        QVERIFY(figure(u"1790000010003"_s, u"likes"_s).isNull()); // hidden like count
        QCOMPARE(figure(u"1790000010003"_s, u"comments"_s).toLongLong(), qint64{30});
        QVERIFY(figure(u"1790000010005"_s, u"reach"_s).isNull()); // its insights failed
        QCOMPARE(figure(u"1790000010005"_s, u"likes"_s).toLongLong(), qint64{500});
        QVERIFY(figure(u"1790000010013"_s, u"saves"_s).isNull()); // beyond the 12 with insights
        QCOMPARE(figure(u"1790000010013"_s, u"likes"_s).toLongLong(), qint64{1300});
        // YouTube: statistics as decimal strings; no shares or saves.
        QCOMPARE(figure(u"ytstuvvid1"_s, u"views"_s).toLongLong(), qint64{10000});
        QCOMPARE(figure(u"ytstuvvid1"_s, u"likes"_s).toLongLong(), qint64{500});
        QCOMPARE(figure(u"ytstuvvid3"_s, u"comments"_s).toLongLong(), qint64{150});
        QVERIFY(figure(u"ytstuvvid2"_s, u"likes"_s).isNull());
        QVERIFY(figure(u"ytstuvvid1"_s, u"shares"_s).isNull());
        QCOMPARE(scalar(u"SELECT url FROM posts WHERE external_id = 'ytstuvvid1'"_s).toString(),
                u"https://www.youtube.com/watch?v=ytstuvvid1"_s);
        // TikTok: the video list's figures.
        QCOMPARE(figure(u"70001000002"_s, u"shares"_s).toLongLong(), qint64{20});
        QCOMPARE(figure(u"70001000002"_s, u"views"_s).toLongLong(), qint64{40000});
        QVERIFY(figure(u"70001000002"_s, u"saves"_s).isNull());
        QVERIFY(scalar(u"SELECT published_at BETWEEN now() - interval '4 days 1 minute' "
                       "AND now() - interval '3 days 23 hours' FROM posts "
                       "WHERE external_id = '70001000002'"_s)
                        .toBool());

        // Account level: Instagram's reach of the day, YouTube's views.
        const QString today = u"(now() AT TIME ZONE 'UTC')::date"_s;
        QCOMPARE(scalar(u"SELECT reach FROM account_metrics WHERE account_id = '%1' AND day = %2"_s
                                 .arg(m_ig, today))
                         .toLongLong(),
                qint64{5000});
        QCOMPARE(scalar(u"SELECT views FROM account_metrics WHERE account_id = '%1' AND day = %2"_s
                                 .arg(m_yt, today))
                         .toLongLong(),
                qint64{9000000});

        // Engagement and growth as computed by hand from the peer's data.
        QVERIFY2(near(rateOf(m_ig), instagramRate()),
                qPrintable(u"%1 vs %2"_s.arg(rateOf(m_ig)).arg(instagramRate())));
        QVERIFY2(near(rateOf(m_yt), youtubeRate()),
                qPrintable(u"%1 vs %2"_s.arg(rateOf(m_yt)).arg(youtubeRate())));
        QVERIFY2(near(rateOf(m_tt), tiktokRate()),
                qPrintable(u"%1 vs %2"_s.arg(rateOf(m_tt)).arg(tiktokRate())));
        const auto growth = [this](const QString &account) {
            return scalar(
                    u"SELECT growth_30d FROM connected_accounts WHERE id = '%1'"_s.arg(account));
        };
        QVERIFY(near(growth(m_ig).toDouble(), kIgFollowers / 10000 - 1));
        QVERIFY(near(growth(m_yt).toDouble(), kYtFollowers / 50000 - 1));
        QVERIFY(growth(m_tt).isNull()); // no snapshot 30 days old
        // Today's snapshot carries the same rate.
        QCOMPARE(scalar(u"SELECT count(*) FROM account_metrics m JOIN connected_accounts a "
                        "ON a.id = m.account_id AND m.day = %1 "
                        "WHERE a.engagement_rate = m.engagement_rate AND a.id IN ('%2', '%3', "
                        "'%4')"_s.arg(today, m_ig, m_yt, m_tt))
                         .toInt(),
                3);

        // One media page per account; insights for the account and the 12 newest posts.
        const QJsonObject calls = peerCalls();
        QCOMPARE(calls.value(u"/instagram/graph/me/media"_s).toInt(), 1);
        QCOMPARE(calls.value(u"/instagram/graph/me/insights"_s).toInt(), 1);
        QCOMPARE(calls.value(u"/instagram/graph/{media-id}/insights"_s).toInt(), 12);
        QCOMPARE(calls.value(u"/youtube/api/youtube/v3/playlistItems"_s).toInt(), 1);
        QCOMPARE(calls.value(u"/youtube/api/youtube/v3/videos"_s).toInt(), 1);
        QCOMPARE(calls.value(u"/tiktok/v2/video/list/"_s).toInt(), 1);
    }

    void liveDeliverableIsLinked()
    {
        const auto linked = [this](const QString &externalId) {
            return scalar(u"SELECT concat_ws('|', deliverable_id, campaign_id) FROM posts "
                          "WHERE external_id = '%1'"_s.arg(externalId))
                    .toString();
        };
        QCOMPARE(linked(u"1790000010001"_s), m_deliverable + u'|' + m_campaign);
        // No other post claims it.
        QCOMPARE(scalar(u"SELECT count(*) FROM posts WHERE deliverable_id IS NOT NULL"_s).toInt(),
                1);
        // Live after the sync saw the post: linked at once.
        QVERIFY(liveDeliverable(u"https://www.instagram.com/p/IG0001N6/"_s));
        QCOMPARE(linked(u"1790000010006"_s), m_deliverable + u'|' + m_campaign);
        // An Instagram deliverable does not claim the TikTok post at the address it names.
        QVERIFY(liveDeliverable(u"https://www.tiktok.com/@tt_creator/video/72"_s));
        QCOMPARE(linked(u"70001000002"_s), QString());
        QCOMPARE(scalar(u"SELECT count(*) FROM posts WHERE deliverable_id IS NOT NULL"_s).toInt(),
                2);
    }

    void creatorAggregateAndDiscovery()
    {
        // The creator's rate: the follower-weighted mean of the accounts' (0003_discovery.sql).
        const double expected = (instagramRate() * kIgFollowers + youtubeRate() * kYtFollowers
                                        + tiktokRate() * kTtFollowers)
                / (kIgFollowers + kYtFollowers + kTtFollowers);
        QVERIFY(near(
                scalar(u"SELECT engagement_rate FROM influencer_details WHERE user_id = '%1'"_s.arg(
                               m_creatorId))
                        .toDouble(),
                expected));
        // Bea, typed in by hand, just below and above the creator in two steps.
        QCOMPARE(m_api->post(u"/api/v1/connected-accounts"_s, m_other,
                              {{u"platform"_s, u"instagram"_s}, {u"handle"_s, u"bea"_s}})
                         .status,
                201);
        QVERIFY(sql(u"UPDATE connected_accounts SET followers = 5000, engagement_rate = %1 "
                    "WHERE influencer_id = '%2'"_s.arg(expected * 0.9)
                            .arg(m_otherId)));
        const auto order = [this](const QString &query) {
            QStringList ids;
            const HttpReply reply = m_api->get(u"/api/v1/influencers?"_s + query, m_brand);
            for (const QJsonValue item : reply.json().value(u"items"_s).toArray()) {
                ids.append(item.toObject().value(u"id"_s).toString());
            }
            return ids;
        };
        QCOMPARE(order(u"sort=engagement"_s), (QStringList{m_creatorId, m_otherId}));
        const HttpReply listed =
                m_api->get(u"/api/v1/influencers?sort=engagement&minEngagementRate=%1"_s.arg(
                                   expected * 0.95, 0, 'g', 8),
                        m_brand);
        const QJsonArray items = listed.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"id"_s).toString(), m_creatorId);
        QVERIFY(near(items.at(0).toObject().value(u"engagementRate"_s).toDouble(), expected));
        QVERIFY(order(u"minEngagementRate=%1"_s.arg(expected * 1.05, 0, 'g', 8)).isEmpty());
    }

    void secondRoundOfTheDayAddsNothing()
    {
        // Figures of today typed in by hand for one post are kept; the platform's are refreshed.
        QVERIFY(sql(u"UPDATE post_metrics SET source = 'manual', likes = 1 WHERE post_id = "
                    "(SELECT id FROM posts WHERE external_id = '1790000010014')"_s));
        QVERIFY(sql(u"UPDATE post_metrics SET likes = 1 WHERE post_id = "
                    "(SELECT id FROM posts WHERE external_id = '1790000010013')"_s));
        const int metrics = scalar(u"SELECT count(*) FROM post_metrics"_s).toInt();
        const double rate = rateOf(m_ig);
        QVERIFY(sql(u"UPDATE connected_accounts SET posts_synced_at = now() - interval '1 day' "
                    "WHERE id = '%1'"_s.arg(m_ig)));
        QVERIFY(runDueWork());
        QCOMPARE(peerCalls().value(u"/instagram/graph/me/media"_s).toInt(), 2);
        QCOMPARE(peerCalls().value(u"/tiktok/v2/video/list/"_s).toInt(), 1); // not due
        QCOMPARE(scalar(u"SELECT count(*) FROM post_metrics"_s).toInt(), metrics);
        QCOMPARE(scalar(u"SELECT count(*) FROM posts"_s).toInt(), 25);
        QCOMPARE(rateOf(m_ig), rate);
        QCOMPARE(figure(u"1790000010014"_s, u"likes"_s).toLongLong(), qint64{1});
        QCOMPARE(figure(u"1790000010013"_s, u"likes"_s).toLongLong(), qint64{1300});
    }

    void insightsStopAtAPermissionRefusal()
    {
        // A token without the insights permission: the account's insights are refused, and the
        // posts' are not asked for; the list's own counts still arrive.
        const QJsonObject before = peerCalls();
        control({{u"refuseInsights"_s, true}});
        QVERIFY(sql(u"UPDATE connected_accounts SET posts_synced_at = now() - interval '1 day' "
                    "WHERE id = '%1'"_s.arg(m_ig)));
        QVERIFY(runDueWork());
        control({{u"refuseInsights"_s, false}});
        const QJsonObject after = peerCalls();
        const auto asked = [&](const QJsonObject &calls, const QString &path) {
            return calls.value(path).toInt();
        };
        QCOMPARE(asked(after, u"/instagram/graph/me/media"_s),
                asked(before, u"/instagram/graph/me/media"_s) + 1);
        QCOMPARE(asked(after, u"/instagram/graph/me/insights"_s),
                asked(before, u"/instagram/graph/me/insights"_s) + 1);
        QCOMPARE(asked(after, u"/instagram/graph/{media-id}/insights"_s),
                asked(before, u"/instagram/graph/{media-id}/insights"_s));
        QCOMPARE(figure(u"1790000010001"_s, u"likes"_s).toLongLong(), qint64{100});
        QVERIFY(figure(u"1790000010001"_s, u"reach"_s).isNull());
        QVERIFY(figure(u"1790000010001"_s, u"saves"_s).isNull());
        // Engagement now counts likes and comments only: 110 n per post but post 3's 30.
        double sum = 0;
        for (int n = 1; n <= 12; ++n) {
            sum += (n == 3 ? 30.0 : 110.0 * n) / kIgFollowers;
        }
        QVERIFY(near(rateOf(m_ig), sum / 12));
    }
};

QTEST_GUILESS_MAIN(TestApiSocialPosts)
#include "tst_api_social_posts.moc"
