// SPDX-License-Identifier: Apache-2.0
// Discovery answers from an in-memory index that each server keeps (server/discovery/
// DiscoveryIndex): every write to what it mirrors must show in the very next search, through the
// server that made it, through another server on the same database, and when a transaction
// commits after a younger one was already read.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QJsonObject kProfile{{u"displayName"_s, u"Mara Cooks"_s},
        {u"bio"_s, u"Slow food from the Alps."_s}, {u"niches"_s, QJsonArray{u"food"_s}},
        {u"country"_s, u"AT"_s}, {u"languages"_s, QJsonArray{u"de"_s}},
        {u"rates"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"amountMinor"_s, 45000},
                        {u"currency"_s, u"EUR"_s}}}}};

} // namespace

class TestApiDiscoveryIndex : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second; ///< another process's view: same database
    std::unique_ptr<HttpTestClient> m_a;
    std::unique_ptr<HttpTestClient> m_b;
    std::unique_ptr<server::db::Connection> m_db;
    std::unique_ptr<server::db::Connection> m_late; ///< for a transaction left open
    QString m_creator; ///< an influencer's access token
    QString m_creatorId;
    QString m_brand;

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    static Headers as(const QString &token)
    {
        return {{"Authorization", "Bearer " + token.toLatin1()},
                {"Content-Type", "application/json"}};
    }
    /// The ids that a search through `client` finds (all of them: limit 100 on a small set).
    QStringList found(HttpTestClient &client, const QString &query)
    {
        const HttpReply reply =
                client.get(u"/api/v1/influencers?limit=100&"_s + query, as(m_brand));
        QStringList ids;
        if (reply.status != 200) {
            qWarning("search %s answered %d", qPrintable(query), reply.status);
            return {u"error"_s};
        }
        for (const auto &item : reply.json().value(u"items"_s).toArray()) {
            ids.append(item.toObject().value(u"id"_s).toString());
        }
        return ids;
    }
    bool findsCreator(HttpTestClient &client, const QString &query)
    {
        return found(client, query).contains(m_creatorId);
    }
    int write(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return m_a->send(method, path, compact(body), as(m_creator)).status;
    }
    bool sql(const QString &text) { return bool(m_db->execDirect(text)); }
    /// A search's total and first page's ids (100 a page).
    std::pair<qint64, QStringList> search(HttpTestClient &client, const QString &query)
    {
        const HttpReply reply =
                client.get(u"/api/v1/influencers?limit=100&"_s + query, as(m_brand));
        QStringList ids;
        for (const auto &item : reply.json().value(u"items"_s).toArray()) {
            ids.append(item.toObject().value(u"id"_s).toString());
        }
        return {reply.status == 200 ? reply.json().value(u"total"_s).toInteger() : -1, ids};
    }
    /// The same as PostgreSQL answers it: visible creators listing `platform` with an account
    /// on it (not disconnected) in the follower range, an engagement rate of at least
    /// `minRate` and `condition`, sorted by `order`.
    std::pair<qint64, QStringList> expected(const QString &platform, qint64 min, qint64 max,
            const QString &minRate, const QString &condition, const QString &order)
    {
        const QString where =
                u"FROM influencer_details d JOIN users u ON u.id = d.user_id "
                "AND u.status = 'active' WHERE '%1' = ANY (d.platforms) AND d.engagement_rate >= "
                "CAST(%4 AS real) AND EXISTS (SELECT 1 FROM connected_accounts a WHERE "
                "a.influencer_id = d.user_id AND a.platform = '%1' AND a.status <> "
                "'disconnected' AND a.followers BETWEEN %2 AND %3) AND %5"_s.arg(platform)
                        .arg(min)
                        .arg(max)
                        .arg(minRate, condition);
        const auto count = m_db->scalar(server::db::SqlStatement(u"SELECT count(*) "_s + where));
        auto rows = m_db->run(server::db::SqlStatement(u"SELECT d.user_id::text "_s + where
                + u" ORDER BY "_s + order + u" DESC, d.user_id DESC LIMIT 100"_s));
        if (!count || !rows) {
            return {-2, {}};
        }
        QStringList ids;
        while ((*rows)->next()) {
            ids.append((*rows)->value(0).toString());
        }
        return {count->toLongLong(), ids};
    }
    /// Both servers answer every range below as PostgreSQL does.
    bool rangesMatch()
    {
        struct Range
        {
            const char *platform;
            qint64 min;
            qint64 max;
            const char *minRate;
            bool austria = false; ///< country=AT too
            bool byFollowers = false; ///< else by engagement
        };
        static constexpr std::array kRanges{Range{"instagram", 0, 1'000'000'000, "0"},
                Range{"instagram", 1000, 2500, "0"}, Range{"instagram", 1050, 1050, "0"},
                Range{"instagram", 500, 4000, "0.05"}, Range{"youtube", 3000, 30000, "0"},
                Range{"youtube", 0, 2000, "0.02"}, Range{"tiktok", 0, 1'000'000, "0"},
                Range{"instagram", 0, 3000, "0", true},
                Range{"instagram", 800, 3500, "0.02", true, true},
                Range{"youtube", 0, 50000, "0", false, true}};
        for (const Range &r : kRanges) {
            const QString query =
                    u"platform=%1&minFollowers=%2&maxFollowers=%3&"
                    "minEngagementRate=%4&sort=%5%6"_s.arg(QLatin1StringView(r.platform))
                            .arg(r.min)
                            .arg(r.max)
                            .arg(QLatin1StringView(r.minRate),
                                    r.byFollowers ? u"followers"_s : u"engagement"_s,
                                    r.austria ? u"&country=AT"_s : QString());
            const auto want = expected(QLatin1StringView(r.platform).toString(), r.min, r.max,
                    QLatin1StringView(r.minRate).toString(),
                    r.austria ? u"d.country = 'AT'"_s : u"true"_s,
                    r.byFollowers ? u"d.total_followers"_s : u"coalesce(d.engagement_rate, -1)"_s);
            for (HttpTestClient *client : {m_a.get(), m_b.get()}) {
                const auto got = search(*client, query);
                if (got != want) {
                    qWarning("%s: %lld creators, expected %lld; first ids %s, expected %s",
                            qPrintable(query), static_cast<long long>(got.first),
                            static_cast<long long>(want.first),
                            qPrintable(got.second.mid(0, 3).join(u' ')),
                            qPrintable(want.second.mid(0, 3).join(u' ')));
                    return false;
                }
            }
        }
        return true;
    }
    static std::unique_ptr<server::db::Connection> connect(const QString &url, const QString &name)
    {
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        settings->url = *server::db::DatabaseUrl::parse(url);
        return std::make_unique<server::db::Connection>(settings, name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Two instances behind one public address, signing with one secret: a token works on
        // either.
        const QByteArray secret =
                QUuid::createUuid().toByteArray() + QUuid::createUuid().toByteArray();
        TestServer::Options options;
        options.configure = [secret](server::Config &config) {
            config.tokens.secret = secret;
            config.http.publicUrl = u"https://influence.example"_s;
        };
        m_first = std::make_unique<TestServer>(options);
        QVERIFY2(m_first->isRunning(), qPrintable(m_first->error()));
        options.databaseUrl = m_first->databaseUrl();
        m_second = std::make_unique<TestServer>(options);
        QVERIFY2(m_second->isRunning(), qPrintable(m_second->error()));
        m_a = std::make_unique<HttpTestClient>(m_first->url());
        m_b = std::make_unique<HttpTestClient>(m_second->url());
        QVERIFY(server::db::DatabaseUrl::parse(m_first->databaseUrl()));
        m_db = connect(m_first->databaseUrl(), u"index-test"_s);
        m_late = connect(m_first->databaseUrl(), u"index-test-late"_s);

        const auto signUp = [this](const QString &email, const QString &role) {
            return m_a
                    ->postJson(u"/api/v1/auth/register"_s,
                            {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                                    {u"role"_s, role}})
                    .json()
                    .value(u"accessToken"_s)
                    .toString();
        };
        m_creator = signUp(u"mara@example.com"_s, u"influencer"_s);
        m_brand = signUp(u"buyer@example.com"_s, u"brand"_s);
        QVERIFY(!m_creator.isEmpty() && !m_brand.isEmpty());
        m_creatorId = m_a->get(u"/api/v1/me"_s, as(m_creator)).json().value(u"id"_s).toString();
        QVERIFY(!m_creatorId.isEmpty());
        // Both servers searched once (their indexes are loaded) before the profile exists.
        QCOMPARE(found(*m_a, u"niche=food"_s), QStringList());
        QCOMPARE(found(*m_b, u"niche=food"_s), QStringList());
        QVERIFY(write("PUT", u"/api/v1/me/influencer"_s, kProfile) < 300);
    }

    void cleanupTestCase()
    {
        m_late.reset();
        m_db.reset();
        m_a.reset();
        m_b.reset();
        m_second.reset();
        m_first.reset();
    }

    void profileEdits()
    {
        QVERIFY(findsCreator(*m_a, u"niche=food&country=AT&language=de"_s));
        QVERIFY(write("PATCH", u"/api/v1/me/influencer"_s,
                        {{u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"CH"_s}})
                < 300);
        QVERIFY(!findsCreator(*m_a, u"niche=food"_s));
        QVERIFY(findsCreator(*m_a, u"niche=travel&country=CH"_s));
        QVERIFY(!findsCreator(*m_a, u"country=AT"_s));
        // The other server too, on its next search.
        QVERIFY(findsCreator(*m_b, u"niche=travel&country=CH"_s));
        QVERIFY(!findsCreator(*m_b, u"niche=food"_s));
        // Free text: PostgreSQL's matches are kept per text until the index next changes.
        QVERIFY(findsCreator(*m_a, u"q=alps"_s));
        QVERIFY(findsCreator(*m_b, u"q=alps&sort=followers"_s));
        QVERIFY(write("PATCH", u"/api/v1/me/influencer"_s, {{u"bio"_s, u"Mountain bread."_s}})
                < 300);
        QVERIFY(!findsCreator(*m_a, u"q=alps"_s));
        QVERIFY(!findsCreator(*m_b, u"q=alps&sort=followers"_s));
        QVERIFY(findsCreator(*m_b, u"q=bread"_s));
    }

    void accountFollowers()
    {
        QVERIFY(write("POST", u"/api/v1/connected-accounts"_s,
                        {{u"platform"_s, u"youtube"_s}, {u"handle"_s, u"mara_cooks"_s}})
                < 300);
        QVERIFY(findsCreator(*m_b, u"platform=youtube"_s));
        QVERIFY(!findsCreator(*m_b, u"platform=youtube&minFollowers=4000"_s));
        // What a metric sync writes.
        QVERIFY(sql(u"UPDATE connected_accounts SET followers = 5000, engagement_rate = 0.05 "
                    "WHERE handle = 'mara_cooks'"_s));
        QVERIFY(findsCreator(*m_a, u"platform=youtube&minFollowers=4000&maxFollowers=6000"_s));
        QVERIFY(findsCreator(*m_b, u"minFollowers=5000&maxFollowers=5000"_s));
        QVERIFY(findsCreator(*m_b, u"minEngagementRate=0.04"_s));
        // What the detector stores after a sync: the creator's score follows the account's.
        QVERIFY(!findsCreator(*m_b, u"minAuthenticity=0"_s));
        QVERIFY(sql(u"UPDATE connected_accounts SET authenticity_score = 70 "
                    "WHERE handle = 'mara_cooks'"_s));
        QVERIFY(findsCreator(*m_a, u"minAuthenticity=70&sort=authenticity"_s));
        QVERIFY(findsCreator(*m_b, u"platform=youtube&minFollowers=4000&minAuthenticity=60"_s));
        QVERIFY(!findsCreator(*m_b, u"minAuthenticity=71"_s));
        QCOMPARE(search(*m_b, u"minAuthenticity=101"_s).first, -1);
        QVERIFY(!findsCreator(*m_b, u"platform=tiktok&minFollowers=4000"_s));
        QVERIFY(sql(u"UPDATE connected_accounts SET status = 'disconnected', external_id = 'yt-1' "
                    "WHERE handle = 'mara_cooks'"_s));
        QVERIFY(!findsCreator(*m_a, u"platform=youtube"_s));
        QVERIFY(!findsCreator(*m_b, u"minFollowers=5000"_s));
        QVERIFY(sql(
                u"UPDATE connected_accounts SET status = 'manual' WHERE handle = 'mara_cooks'"_s));
        QVERIFY(findsCreator(*m_b, u"platform=youtube&minFollowers=4000"_s));
    }

    void rates()
    {
        const QString reel = u"deliverableType=reel&currency=EUR&maxPrice=40000"_s;
        QVERIFY(!findsCreator(*m_a, reel));
        QVERIFY(write("PATCH", u"/api/v1/me/influencer"_s,
                        {{u"rates"_s,
                                QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                        {u"amountMinor"_s, 30000}, {u"currency"_s, u"EUR"_s}}}}})
                < 300);
        QVERIFY(findsCreator(*m_a, reel));
        QVERIFY(findsCreator(*m_b, reel));
        QVERIFY(!findsCreator(*m_b, u"deliverableType=reel&currency=USD&maxPrice=40000"_s));
    }

    void disabledUsersAreHidden()
    {
        QVERIFY(findsCreator(*m_b, QString()));
        QVERIFY(sql(u"UPDATE users SET status = 'disabled' WHERE id = '%1'"_s.arg(m_creatorId)));
        QVERIFY(!findsCreator(*m_a, QString()));
        QVERIFY(!findsCreator(*m_b, QString()));
        QVERIFY(sql(u"UPDATE users SET status = 'active' WHERE id = '%1'"_s.arg(m_creatorId)));
        QVERIFY(findsCreator(*m_b, u"niche=travel"_s));
    }

    void aLateCommitIsNotMissed()
    {
        // An older transaction changes the creator and stays open while a younger one adds
        // another creator, commits, and is read by a search; the older one commits afterwards
        // and must still be seen (a sequence, read as "above the highest seen", would miss it).
        QVERIFY(m_late->begin());
        QVERIFY(m_late->execDirect(
                u"UPDATE influencer_details SET languages = ARRAY['fr'] WHERE user_id = '%1'"_s.arg(
                        m_creatorId)));
        QVERIFY(sql(u"INSERT INTO users (id, email, role) VALUES "
                    "('00000000-0000-4000-8000-00000000000f', 'other@example.com', 'influencer'); "
                    "INSERT INTO influencer_details (user_id, display_name, languages) VALUES "
                    "('00000000-0000-4000-8000-00000000000f', 'Other', ARRAY['fr'])"_s));
        QCOMPARE(found(*m_a, u"language=fr"_s),
                QStringList{u"00000000-0000-4000-8000-00000000000f"_s});
        QVERIFY(m_late->commit());
        QVERIFY(findsCreator(*m_a, u"language=fr"_s));
        QVERIFY(findsCreator(*m_b, u"language=fr"_s));
        QCOMPARE(found(*m_b, u"language=fr"_s).size(), 2);
    }

    void platformFollowerRanges()
    {
        // A follower range on a platform reads the platform's list of accounts ordered by
        // followers (DiscoveryIndex::m_lists), which catch-ups edit or, after many changes,
        // rebuild. Checked against PostgreSQL: creators with several accounts on a platform (two
        // in one range, two with equal followers count once), edits, deletions that move another
        // creator's slot, and a bulk insert.
        const QString creators =
                u"CREATE TEMP TABLE ranged AS SELECT i, ('00000000-0000-4000-a000-' || "
                "lpad(i::text, 12, '0'))::uuid AS id FROM generate_series(%1, %2) i; "
                "INSERT INTO users (id, email, role) SELECT id, 'ranged' || i || '@example.com', "
                "'influencer' FROM ranged; "
                "INSERT INTO influencer_details (user_id, display_name, country) SELECT id, "
                "'Ranged ' || i, CASE WHEN i % 2 = 0 THEN 'AT' END FROM ranged; "
                "INSERT INTO connected_accounts (influencer_id, platform, handle, followers, "
                "engagement_rate) SELECT id, 'instagram', 'r' || i, 100 * i, (i % 10) / 100.0 "
                "FROM ranged UNION ALL SELECT id, 'instagram', 'second' || i, 100 * i + 50, 0.03 "
                "FROM ranged WHERE i % 5 = 0 UNION ALL SELECT id, 'instagram', 'twin' || i, "
                "100 * i, 0.03 FROM ranged WHERE i % 7 = 0 UNION ALL SELECT id, 'youtube', "
                "'yt' || i, 1000 * i, (i % 4) / 100.0 FROM ranged WHERE i % 3 = 0; "
                "DROP TABLE ranged"_s;
        QVERIFY(sql(creators.arg(1).arg(40)));
        QVERIFY(rangesMatch());
        // Edits: followers move, an account is disconnected, another platform is added.
        QVERIFY(sql(u"UPDATE connected_accounts SET followers = followers + 1500 "
                    "WHERE handle IN ('r3', 'r10', 'second10', 'twin14')"_s));
        QVERIFY(sql(u"UPDATE connected_accounts SET status = 'disconnected', external_id = 'x' "
                    "WHERE handle IN ('r12', 'yt6')"_s));
        QVERIFY(sql(u"INSERT INTO connected_accounts (influencer_id, platform, handle, followers) "
                    "SELECT user_id, 'tiktok', 'tt', 777 FROM influencer_details "
                    "WHERE display_name IN ('Ranged 2', 'Ranged 21')"_s));
        QVERIFY(rangesMatch());
        // Deletions: the creator in the last slot moves into each one's slot.
        QVERIFY(sql(u"DELETE FROM users WHERE email IN ('ranged1@example.com', "
                    "'ranged15@example.com', 'ranged21@example.com')"_s));
        QVERIFY(sql(
                u"UPDATE users SET status = 'disabled' WHERE email = 'ranged35@example.com'"_s));
        QVERIFY(rangesMatch());
        // More creators at once than a catch-up edits the lists for: they are rebuilt.
        QVERIFY(sql(creators.arg(41).arg(1240)));
        QVERIFY(rangesMatch());
        QVERIFY(sql(u"UPDATE connected_accounts SET followers = followers / 2 "
                    "WHERE handle LIKE 'r1%'"_s));
        QVERIFY(rangesMatch());
        // The items are the index's copy: a new name shows in the next answer.
        QVERIFY(sql(u"UPDATE influencer_details SET display_name = 'Renamed' "
                    "WHERE display_name = 'Ranged 40'"_s));
        const HttpReply reply = m_b->get(
                u"/api/v1/influencers?platform=instagram&minFollowers=4000&maxFollowers=4000"_s,
                as(m_brand));
        QCOMPARE(reply.json().value(u"items"_s).toArray().first()[u"displayName"_s].toString(),
                u"Renamed"_s);
        QVERIFY(sql(u"DELETE FROM users WHERE email LIKE 'ranged%@example.com'"_s));
        QVERIFY(rangesMatch());
    }

    void deletion()
    {
        QVERIFY(findsCreator(*m_b, QString()));
        QCOMPARE(m_a->send("DELETE", u"/api/v1/me/influencer"_s, {}, as(m_creator)).status, 204);
        QVERIFY(!findsCreator(*m_a, QString()));
        QCOMPARE(found(*m_b, QString()), QStringList{u"00000000-0000-4000-8000-00000000000f"_s});
        // A deleted user takes the profile along (ON DELETE CASCADE).
        QVERIFY(sql(u"DELETE FROM users WHERE email = 'other@example.com'"_s));
        QCOMPARE(found(*m_a, QString()), QStringList());
        QCOMPARE(found(*m_b, QString()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestApiDiscoveryIndex)
#include "tst_api_discovery_index.moc"
