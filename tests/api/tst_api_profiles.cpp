// SPDX-License-Identifier: Apache-2.0
// Profiles, connected accounts, metric history and discovery over HTTP against PostgreSQL:
// ownership, the public field allowlist, validation, mass assignment, aggregates kept by the
// database, and discovery's filters and keyset pagination.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

QString problemCode(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QJsonObject kProfile{{u"displayName"_s, u"Lena Travels"_s},
        {u"bio"_s, u"Travelling the Alps with a camera."_s},
        {u"niches"_s, QJsonArray{u"travel"_s, u"photography"_s}}, {u"country"_s, u"AT"_s},
        {u"languages"_s, QJsonArray{u"de"_s, u"en"_s}},
        {u"rates"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"amountMinor"_s, 45000},
                        {u"currency"_s, u"EUR"_s}}}}};

/// The public address of every server process of the test (the issuer of its tokens).
const QString kPublicUrl = u"https://influence.example"_s;

} // namespace

class TestApiProfiles : public QObject
{
    Q_OBJECT

private:
    /// One signing key for every server process of the test (a token works on each of them).
    QByteArray m_secret = QUuid::createUuid().toByteArray() + QUuid::createUuid().toByteArray();
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_alice; ///< an influencer's access token
    QString m_bob; ///< another influencer's
    QString m_brand; ///< a brand's

    Headers as(const QString &token, bool json = false) const
    {
        Headers headers{{"Authorization", "Bearer " + token.toLatin1()}};
        if (json) {
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        }
        return headers;
    }
    HttpReply get(const QString &path, const QString &token)
    {
        return m_client->get(path, as(token));
    }
    HttpReply send(const QByteArray &method, const QString &path, const QJsonObject &body,
            const QString &token)
    {
        return m_client->send(method, path, compact(body), as(token, true));
    }

    QString signUp(const QString &email, const QString &role)
    {
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                        {u"role"_s, role}});
        return reply.json().value(u"accessToken"_s).toString();
    }
    QString userIdOf(const QString &token)
    {
        return get(u"/api/v1/me"_s, token).json().value(u"id"_s).toString();
    }
    bool sql(const QString &text) { return bool(m_db->execDirect(text)); }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }

    /// Another server process on the same database, signing with the same key.
    std::unique_ptr<TestServer> anotherServer(int metricsCacheMiB)
    {
        TestServer::Options options;
        options.databaseUrl = m_server->databaseUrl();
        options.configure = [this, metricsCacheMiB](server::Config &config) {
            config.tokens.secret = m_secret;
            config.http.publicUrl = kPublicUrl;
            config.profiles.metricsCacheMiB = metricsCacheMiB;
        };
        return std::make_unique<TestServer>(options);
    }
    /// A new account of the creator's with a daily series of 60 days ending 2026-06-30:
    /// followers 2000 + 5 per day, 40 views a day.
    QString accountWithSeries(const QString &token, const QString &handle)
    {
        const HttpReply added = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"tiktok"_s}, {u"handle"_s, handle}}, token);
        QString id = added.json().value(u"id"_s).toString();
        if (added.status != 201
                || !sql(u"INSERT INTO account_metrics (account_id, day, followers, views, "
                        "engagement_rate) "
                        "SELECT '%1', d::date, 2000 + 5 * (d::date - date '2026-05-02'), 40, 0.031 "
                        "FROM generate_series(date '2026-05-02', date '2026-06-30', "
                        "interval '1 day') d"_s.arg(id))) {
            return {};
        }
        return id;
    }
    QVariant seriesVersion(const QString &account)
    {
        return scalar(
                u"SELECT change_xid::text FROM account_metrics_changes WHERE account_id = '%1'"_s
                        .arg(account));
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [this](server::Config &config) {
            config.tokens.secret = m_secret;
            config.http.publicUrl = kPublicUrl;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_db = m_server->connect(u"profiles-test"_s);
        QVERIFY(m_db);
        m_alice = signUp(u"alice@example.com"_s, u"influencer"_s);
        m_bob = signUp(u"bob@example.com"_s, u"influencer"_s);
        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_brand.isEmpty());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
    }

    void everyRouteNeedsSigningIn_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTest::newRow("me/influencer") << QByteArray("GET") << u"/api/v1/me/influencer"_s;
        QTest::newRow("put me/influencer") << QByteArray("PUT") << u"/api/v1/me/influencer"_s;
        QTest::newRow("me/brand") << QByteArray("DELETE") << u"/api/v1/me/brand"_s;
        QTest::newRow("discovery") << QByteArray("GET") << u"/api/v1/influencers"_s;
        QTest::newRow("public profile") << QByteArray("GET") << u"/api/v1/influencers/"_s + id;
        QTest::newRow("brand") << QByteArray("GET") << u"/api/v1/brands/"_s + id;
        QTest::newRow("accounts") << QByteArray("POST") << u"/api/v1/connected-accounts"_s;
        QTest::newRow("metrics") << QByteArray("GET")
                                 << u"/api/v1/connected-accounts/%1/metrics"_s.arg(id);
    }
    void everyRouteNeedsSigningIn()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpReply reply = m_client->send(method, path,
                method == "GET" || method == "DELETE" ? QByteArray() : compact(kProfile),
                {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 401);
    }

    void influencerProfileLifecycle()
    {
        const QString path = u"/api/v1/me/influencer"_s;
        QCOMPARE(get(path, m_alice).status, 404);
        QCOMPARE(send("PATCH", path, {{u"bio"_s, u"x"_s}}, m_alice).status, 404);

        const HttpReply created = send("PUT", path, kProfile, m_alice);
        QCOMPARE(created.status, 201);
        QJsonObject profile = created.json();
        QCOMPARE(profile.value(u"id"_s).toString(), userIdOf(m_alice));
        QCOMPARE(profile.value(u"displayName"_s).toString(), u"Lena Travels"_s);
        QCOMPARE(profile.value(u"niches"_s).toArray(), (QJsonArray{u"travel"_s, u"photography"_s}));
        QCOMPARE(profile.value(u"rates"_s)
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(u"amountMinor"_s)
                         .toInteger(),
                45000);
        QCOMPARE(profile.value(u"totalFollowers"_s).toInteger(), 0);
        QCOMPARE(get(path, m_alice).json(), profile);

        // PUT replaces (rates included), PATCH merges. Optional fields may be left out.
        const HttpReply minimal =
                send("PUT", path, {{u"displayName"_s, u"Lena Travels"_s}}, m_alice);
        QCOMPARE(minimal.status, 200);
        QCOMPARE(minimal.json().value(u"bio"_s).toString(u"missing"_s), QString());
        QCOMPARE(minimal.json().value(u"niches"_s).toArray().size(), 0);
        QJsonObject replaced = kProfile;
        replaced.insert(u"rates"_s, QJsonArray{});
        QCOMPARE(send("PUT", path, replaced, m_alice).status, 200);
        QCOMPARE(get(path, m_alice).json().value(u"rates"_s).toArray().size(), 0);
        const HttpReply patched = send(
                "PATCH", path, {{u"bio"_s, u"New bio"_s}, {u"country"_s, QJsonValue()}}, m_alice);
        QCOMPARE(patched.status, 200);
        profile = patched.json();
        QCOMPARE(profile.value(u"bio"_s).toString(), u"New bio"_s);
        QVERIFY(profile.value(u"country"_s).isNull());
        QCOMPARE(profile.value(u"displayName"_s).toString(), u"Lena Travels"_s);
        QCOMPARE(profile.value(u"languages"_s).toArray(), (QJsonArray{u"de"_s, u"en"_s}));
        // A PATCH that breaks a rule changes nothing.
        QCOMPARE(send("PATCH", path, {{u"bio"_s, u"changed"_s}, {u"displayName"_s, u""_s}}, m_alice)
                         .status,
                422);
        QCOMPARE(get(path, m_alice).json().value(u"bio"_s).toString(), u"New bio"_s);

        // Deleting is deliberate: the profile, its rates and accounts go; the user stays.
        QCOMPARE(send("POST", u"/api/v1/connected-accounts"_s,
                         {{u"platform"_s, u"youtube"_s}, {u"handle"_s, u"lena"_s}}, m_alice)
                         .status,
                201);
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_alice)).status, 204);
        QCOMPARE(get(path, m_alice).status, 404);
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_alice)).status, 404);
        QCOMPARE(get(u"/api/v1/connected-accounts"_s, m_alice)
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                0);
        QCOMPARE(get(u"/api/v1/me"_s, m_alice).status, 200);
    }

    void influencerValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reported");
        QTest::newRow("no name") << u"displayName"_s << QJsonValue() << u"displayName"_s;
        QTest::newRow("long name")
                << u"displayName"_s << QJsonValue(QString(81, u'n')) << u"displayName"_s;
        QTest::newRow("long bio") << u"bio"_s << QJsonValue(QString(2001, u'b')) << u"bio"_s;
        QTest::newRow("bio not text") << u"bio"_s << QJsonValue(5) << u"bio"_s;
        QTest::newRow("unknown niche")
                << u"niches"_s << QJsonValue(QJsonArray{u"travel"_s, u"astrology-memes"_s})
                << u"niches[1]"_s;
        QTest::newRow("twice the same niche")
                << u"niches"_s << QJsonValue(QJsonArray{u"travel"_s, u"travel"_s})
                << u"niches[1]"_s;
        QTest::newRow("lower-case country") << u"country"_s << QJsonValue(u"at"_s) << u"country"_s;
        QTest::newRow("made-up country") << u"country"_s << QJsonValue(u"XQ"_s) << u"country"_s;
        QTest::newRow("language name")
                << u"languages"_s << QJsonValue(QJsonArray{u"english"_s}) << u"languages[0]"_s;
        QTest::newRow("languages not a list")
                << u"languages"_s << QJsonValue(u"en"_s) << u"languages"_s;
        QTest::newRow("rate type") << u"rates"_s
                                   << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"tweet"_s},
                                              {u"amountMinor"_s, 1}, {u"currency"_s, u"EUR"_s}}})
                                   << u"rates[0].type"_s;
        QTest::newRow("negative rate")
                << u"rates"_s
                << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"post"_s}, {u"amountMinor"_s, -5},
                           {u"currency"_s, u"EUR"_s}}})
                << u"rates[0]/amount"_s;
        QTest::newRow("fractional rate")
                << u"rates"_s
                << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"post"_s},
                           {u"amountMinor"_s, 1.5}, {u"currency"_s, u"EUR"_s}}})
                << u"rates[0].amountMinor"_s;
        QTest::newRow("bad currency")
                << u"rates"_s
                << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"post"_s}, {u"amountMinor"_s, 5},
                           {u"currency"_s, u"EURO"_s}}})
                << u"rates[0]/currency"_s;
    }
    void influencerValidation()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reported);
        QJsonObject body = kProfile;
        if (value.isNull()) {
            body.remove(field);
        } else {
            body.insert(field, value);
        }
        const HttpReply reply = send("PUT", u"/api/v1/me/influencer"_s, body, m_bob);
        QCOMPARE(reply.status, 422);
        QCOMPARE(problemCode(reply), u"validation_failed"_s);
        QStringList fields;
        for (const QJsonValue &error : reply.json().value(u"errors"_s).toArray()) {
            fields.append(error.toObject().value(u"field"_s).toString());
        }
        QVERIFY2(fields.contains(reported), qPrintable(fields.join(u", "_s)));
        QCOMPARE(get(u"/api/v1/me/influencer"_s, m_bob).status, 404); // nothing was created
    }

    void fieldsTheCallerDoesNotOwnAreIgnored()
    {
        QJsonObject body = kProfile;
        body.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        body.insert(u"totalFollowers"_s, 5'000'000);
        body.insert(u"engagementRate"_s, 0.9);
        body.insert(u"accounts"_s,
                QJsonArray{QJsonObject{{u"platform"_s, u"instagram"_s}, {u"handle"_s, u"fake"_s}}});
        const HttpReply reply = send("PUT", u"/api/v1/me/influencer"_s, body, m_bob);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"id"_s).toString(), userIdOf(m_bob));
        QCOMPARE(reply.json().value(u"totalFollowers"_s).toInteger(), 0);
        QVERIFY(reply.json().value(u"engagementRate"_s).isNull());
        QCOMPARE(reply.json().value(u"accounts"_s).toArray().size(), 0);
    }

    void publicProfilesShowOnlyTheAllowlist()
    {
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_alice).status < 300);
        const HttpReply added = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"instagram"_s}, {u"handle"_s, u"@Lena.Travels"_s},
                        {u"profileUrl"_s, u"https://instagram.com/lena.travels"_s}},
                m_alice);
        QCOMPARE(added.status, 201);
        const QString aliceId = userIdOf(m_alice);
        const HttpReply reply = get(u"/api/v1/influencers/"_s + aliceId, m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonObject profile = reply.json();
        QCOMPARE(keysOf(profile),
                (QSet<QString>{u"id"_s, u"displayName"_s, u"bio"_s, u"niches"_s, u"country"_s,
                        u"languages"_s, u"rates"_s, u"totalFollowers"_s, u"engagementRate"_s,
                        u"growth30d"_s, u"platforms"_s, u"accounts"_s, u"createdAt"_s,
                        u"updatedAt"_s, u"authenticityScore"_s, u"authenticityReasons"_s}));
        const QJsonObject account = profile.value(u"accounts"_s).toArray().at(0).toObject();
        QCOMPARE(keysOf(account),
                (QSet<QString>{u"id"_s, u"platform"_s, u"handle"_s, u"profileUrl"_s, u"followers"_s,
                        u"engagementRate"_s, u"growth30d"_s, u"verified"_s, u"lastSyncedAt"_s,
                        u"authenticityScore"_s, u"authenticityReasons"_s,
                        u"authenticityEvents"_s}));
        QCOMPARE(account.value(u"handle"_s).toString(), u"Lena.Travels"_s);
        QCOMPARE(account.value(u"verified"_s).toBool(), false);
        QVERIFY(!reply.body.contains("alice@example.com"));
        QCOMPARE(profile.value(u"platforms"_s).toArray(), QJsonArray{u"instagram"_s});
        QVERIFY(profile.value(u"createdAt"_s).toString().endsWith(u'Z'));

        // A disabled creator disappears; an unknown id is 404 too.
        QVERIFY(sql(u"UPDATE users SET status = 'disabled' WHERE id = '%1'"_s.arg(aliceId)));
        QCOMPARE(get(u"/api/v1/influencers/"_s + aliceId, m_brand).status, 404);
        QVERIFY(sql(u"UPDATE users SET status = 'active' WHERE id = '%1'"_s.arg(aliceId)));
        QCOMPARE(get(u"/api/v1/influencers/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces),
                         m_brand)
                         .status,
                404);
        QCOMPARE(get(u"/api/v1/influencers/not-a-uuid"_s, m_brand).status, 400);
    }

    void brandProfiles()
    {
        const QString path = u"/api/v1/me/brand"_s;
        const QJsonObject brand{{u"companyName"_s, u"Alpine Gear GmbH"_s},
                {u"website"_s, u"https://alpine.example"_s}, {u"industry"_s, u"Outdoor"_s},
                {u"country"_s, u"DE"_s}};
        QCOMPARE(send("PUT", path, {{u"companyName"_s, u"X"_s}, {u"website"_s, u"ftp://x"_s}},
                         m_brand)
                         .status,
                422);
        const HttpReply created = send("PUT", path, brand, m_brand);
        QCOMPARE(created.status, 201);
        QCOMPARE(send("PATCH", path, {{u"industry"_s, u"Sports"_s}}, m_brand)
                         .json()
                         .value(u"industry"_s)
                         .toString(),
                u"Sports"_s);
        const HttpReply publicView = get(u"/api/v1/brands/"_s + userIdOf(m_brand), m_alice);
        QCOMPARE(publicView.status, 200);
        QCOMPARE(keysOf(publicView.json()),
                (QSet<QString>{u"id"_s, u"companyName"_s, u"website"_s, u"industry"_s, u"country"_s,
                        u"createdAt"_s, u"updatedAt"_s}));
        QVERIFY(!publicView.body.contains("brand@example.com"));
        // One user may hold both kinds of profile; each is deleted on its own.
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_brand)).status, 204);
        QCOMPARE(get(u"/api/v1/brands/"_s + userIdOf(m_brand), m_alice).status, 404);
    }

    void accountsBelongToTheirOwner()
    {
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_alice).status < 300);
        // A brand without a creator profile cannot add accounts.
        const HttpReply refused = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"tiktok"_s}, {u"handle"_s, u"x"_s}}, m_brand);
        QCOMPARE(refused.status, 409);
        QCOMPARE(send("POST", u"/api/v1/connected-accounts"_s,
                         {{u"platform"_s, u"myspace"_s}, {u"handle"_s, u"x"_s}}, m_alice)
                         .status,
                422);
        QCOMPARE(send("POST", u"/api/v1/connected-accounts"_s,
                         {{u"platform"_s, u"tiktok"_s}, {u"handle"_s, u"has space"_s}}, m_alice)
                         .status,
                422);
        const HttpReply added = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"tiktok"_s}, {u"handle"_s, u"lenaTok"_s},
                        {u"status"_s, u"connected"_s}, {u"followers"_s, 999999}},
                m_alice);
        QCOMPARE(added.status, 201);
        const QString id = added.json().value(u"id"_s).toString();
        QCOMPARE(added.json().value(u"status"_s).toString(), u"manual"_s);
        QCOMPARE(added.json().value(u"followers"_s).toInteger(), 0);
        const HttpReply duplicate = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"tiktok"_s}, {u"handle"_s, u"LENATOK"_s}}, m_alice);
        QCOMPARE(duplicate.status, 409);

        // Someone else's account does not exist for them.
        const QString path = u"/api/v1/connected-accounts/"_s + id;
        QCOMPARE(send("PATCH", path, {{u"handle"_s, u"stolen"_s}}, m_bob).status, 404);
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_bob)).status, 404);
        QVERIFY(!get(u"/api/v1/connected-accounts"_s, m_bob).body.contains(id.toLatin1()));
        QCOMPARE(scalar(u"SELECT handle FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                         .toString(),
                u"lenaTok"_s);

        QCOMPARE(send("PATCH", path, {{u"platform"_s, u"youtube"_s}}, m_alice).status, 422);
        const HttpReply renamed = send("PATCH", path, {{u"handle"_s, u"lena_tok"_s}}, m_alice);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(u"handle"_s).toString(), u"lena_tok"_s);
        // A verified account's handle comes from the platform.
        QVERIFY(sql(
                u"UPDATE connected_accounts SET status = 'connected', external_id = 'tt-1' WHERE id = '%1'"_s
                        .arg(id)));
        QCOMPARE(send("PATCH", path, {{u"handle"_s, u"other"_s}}, m_alice).status, 409);
        QCOMPARE(
                send("PATCH", path, {{u"profileUrl"_s, u"https://tiktok.com/@lena_tok"_s}}, m_alice)
                        .status,
                200);

        // Followers from the platform add up on the profile (kept by the database).
        QVERIFY(sql(
                u"UPDATE connected_accounts SET followers = 1200, engagement_rate = 0.05 WHERE id = '%1'"_s
                        .arg(id)));
        const QJsonObject profile = get(u"/api/v1/me/influencer"_s, m_alice).json();
        QVERIFY(profile.value(u"totalFollowers"_s).toInteger() >= 1200);
        QVERIFY(profile.value(u"platforms"_s).toArray().contains(u"tiktok"_s));

        QCOMPARE(m_client->send("DELETE", path, {}, as(m_alice)).status, 204);
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_alice)).status, 404);
        QVERIFY(!get(u"/api/v1/me/influencer"_s, m_alice)
                         .json()
                         .value(u"platforms"_s)
                         .toArray()
                         .contains(u"tiktok"_s));
    }

    void metricHistory()
    {
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_alice).status < 300);
        const HttpReply added = send("POST", u"/api/v1/connected-accounts"_s,
                {{u"platform"_s, u"youtube"_s}, {u"handle"_s, u"lenaTube"_s}}, m_alice);
        QCOMPARE(added.status, 201);
        const QString id = added.json().value(u"id"_s).toString();
        // 120 days ending 2026-06-30: followers 1000 + 10 per day, 50 views a day.
        QVERIFY(sql(
                u"INSERT INTO account_metrics (account_id, day, followers, views) "
                "SELECT '%1', d::date, 1000 + 10 * (d::date - date '2026-03-03'), 50 "
                "FROM generate_series(date '2026-03-03', date '2026-06-30', interval '1 day') d"_s
                        .arg(id)));
        const QString base = u"/api/v1/connected-accounts/%1/metrics"_s.arg(id);
        const HttpReply days = get(base + u"?from=2026-06-01&to=2026-06-30"_s, m_brand);
        QCOMPARE(days.status, 200);
        const QJsonArray points = days.json().value(u"points"_s).toArray();
        QCOMPARE(points.size(), 30);
        QCOMPARE(points.first().toObject().value(u"date"_s).toString(), u"2026-06-01"_s);
        QCOMPARE(points.last().toObject().value(u"followers"_s).toInteger(), 1000 + 10 * 119);
        QVERIFY(points.last().toObject().value(u"following"_s).isNull()); // not given, not 0

        const HttpReply months =
                get(base + u"?from=2026-03-01&to=2026-06-30&interval=month"_s, m_brand);
        const QJsonArray monthly = months.json().value(u"points"_s).toArray();
        QCOMPARE(monthly.size(), 4);
        QCOMPARE(monthly.at(1).toObject().value(u"date"_s).toString(), u"2026-04-01"_s);
        QCOMPARE(monthly.at(1).toObject().value(u"followers"_s).toInteger(),
                1000 + 10 * 58); // April 30th
        QCOMPARE(monthly.at(1).toObject().value(u"views"_s).toInteger(), 30 * 50);

        QCOMPARE(get(base + u"?interval=hour"_s, m_brand).status, 400);
        QCOMPARE(get(base + u"?from=2026-07-01&to=2026-06-01"_s, m_brand).status, 400);
        QCOMPARE(get(base + u"?from=yesterday"_s, m_brand).status, 400);
        QCOMPARE(get(base + u"?from=2020-01-01&to=2026-01-01"_s, m_brand).status, 400);
        QCOMPARE(get(u"/api/v1/connected-accounts/%1/metrics"_s.arg(
                             QUuid::createUuid().toString(QUuid::WithoutBraces)),
                         m_brand)
                         .status,
                404);
    }

    // The answers come from each process's cache (MetricsCache), keyed by the series' version
    // that migration 0009's triggers keep: a write to the series, here in SQL as a sync writes
    // it, shows in the next answer.
    void metricSeriesFollowsWrites_data()
    {
        QTest::addColumn<QString>("interval");
        QTest::newRow("day") << u"day"_s;
        QTest::newRow("week") << u"week"_s;
        QTest::newRow("month") << u"month"_s;
    }
    void metricSeriesFollowsWrites()
    {
        QFETCH(QString, interval);
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_alice).status < 300);
        const QString id = accountWithSeries(m_alice, u"series_"_s + interval);
        QVERIFY(!id.isEmpty());
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30&interval=%2"_s
                        .arg(id, interval);
        const auto point = [](const HttpReply &reply, qsizetype index) {
            return reply.json().value(u"points"_s).toArray().at(index).toObject();
        };
        const auto lastPoint = [](const HttpReply &reply) {
            return reply.json().value(u"points"_s).toArray().last().toObject();
        };

        const HttpReply first = get(path, m_brand);
        QCOMPARE(first.status, 200);
        // Written as QJsonDocument writes the same object (keys sorted, Qt's number forms).
        QCOMPARE(first.body, compact(first.json()));
        QCOMPARE(lastPoint(first).value(u"followers"_s).toInteger(), 2000 + 5 * 59);
        const HttpReply second = get(path, m_brand);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);

        // An update of the last day.
        QVERIFY(sql(u"UPDATE account_metrics SET followers = 7777 WHERE account_id = '%1' "
                    "AND day = '2026-06-30'"_s.arg(id)));
        const HttpReply updated = get(path, m_brand);
        QCOMPARE(updated.status, 200);
        QCOMPARE(lastPoint(updated).value(u"followers"_s).toInteger(), 7777);
        QCOMPARE(get(path, m_brand).body, updated.body);

        // Deleting the last day: the period's last snapshot is the day before.
        QVERIFY(sql(
                u"DELETE FROM account_metrics WHERE account_id = '%1' AND day = '2026-06-30'"_s.arg(
                        id)));
        const HttpReply deleted = get(path, m_brand);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(lastPoint(deleted).value(u"followers"_s).toInteger(), 2000 + 5 * 58);
        if (interval == u"day"_s) {
            QCOMPARE(lastPoint(deleted).value(u"date"_s).toString(), u"2026-06-29"_s);
        }

        // Inserting it again, as a sync would (INSERT … ON CONFLICT).
        QVERIFY(sql(u"INSERT INTO account_metrics (account_id, day, followers, views) "
                    "VALUES ('%1', '2026-06-30', 8888, 40) ON CONFLICT (account_id, day) "
                    "DO UPDATE SET followers = EXCLUDED.followers"_s.arg(id)));
        const HttpReply inserted = get(path, m_brand);
        QCOMPARE(lastPoint(inserted).value(u"followers"_s).toInteger(), 8888);
        QCOMPARE(lastPoint(inserted).value(u"date"_s).toString(),
                interval == u"day"_s ? u"2026-06-30"_s
                                     : lastPoint(first).value(u"date"_s).toString());
        // The first of several points, whose period ended before the changed day, is as it was.
        if (interval != u"month"_s) {
            QCOMPARE(point(inserted, 0), point(first, 0));
        }
    }

    void aSeriesVersionIsPerAccount()
    {
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_bob).status < 300);
        const QString mine = accountWithSeries(m_alice, u"versioned_a"_s);
        const QString other = accountWithSeries(m_bob, u"versioned_b"_s);
        QVERIFY(!mine.isEmpty() && !other.isEmpty());
        const QVariant before = seriesVersion(mine);
        QVERIFY(!before.isNull());
        QVERIFY(seriesVersion(other) != before); // written in another transaction
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30"_s.arg(mine);
        const HttpReply cached = get(path, m_brand);
        QCOMPARE(cached.status, 200);

        QVERIFY(sql(u"UPDATE account_metrics SET views = 1 WHERE account_id = '%1'"_s.arg(other)));
        QCOMPARE(seriesVersion(mine), before);
        QVERIFY(seriesVersion(other) != before);
        QCOMPARE(get(path, m_brand).body, cached.body);
        // One statement over both accounts notes both, with the same transaction's id.
        QVERIFY(sql(u"UPDATE account_metrics SET views = 2 WHERE account_id IN ('%1', '%2')"_s.arg(
                mine, other)));
        QVERIFY(seriesVersion(mine) != before);
        QCOMPARE(seriesVersion(mine), seriesVersion(other));
        const HttpReply changed = get(path, m_brand);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json()
                         .value(u"points"_s)
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(u"views"_s)
                         .toInteger(),
                2);
    }

    // A cached answer is served as long as the version stays: the cache is used, and the version
    // is the only way a write reaches it. A process whose cache is off (METRICS_CACHE_MIB=0)
    // reads the database every time.
    void theCacheAnswersUntilTheVersionChanges()
    {
        const QString id = accountWithSeries(m_alice, u"forged"_s);
        QVERIFY(!id.isEmpty());
        const auto uncached = anotherServer(0);
        QVERIFY2(uncached->isRunning(), qPrintable(uncached->error()));
        HttpTestClient direct(uncached->url());
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30"_s.arg(id);
        const HttpReply cached = get(path, m_brand);
        QCOMPARE(cached.status, 200);
        QCOMPARE(direct.get(path, as(m_brand)).body, cached.body);

        // A write whose version is put back to the one before, in the same transaction.
        const QVariant version = seriesVersion(id);
        QVERIFY(sql(u"BEGIN; UPDATE account_metrics SET followers = 1 WHERE account_id = '%1'; "
                    "UPDATE account_metrics_changes SET change_xid = '%2' WHERE account_id = '%1'; "
                    "COMMIT"_s.arg(id, version.toString())));
        QCOMPARE(seriesVersion(id), version);
        QCOMPARE(get(path, m_brand).body, cached.body);
        const HttpReply fresh = direct.get(path, as(m_brand));
        QCOMPARE(fresh.status, 200);
        QVERIFY(fresh.body != cached.body);
        QCOMPARE(fresh.json()
                         .value(u"points"_s)
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(u"followers"_s)
                         .toInteger(),
                1);

        QVERIFY(sql(u"UPDATE account_metrics_changes SET change_xid = pg_current_xact_id() "
                    "WHERE account_id = '%1'"_s.arg(id)));
        QCOMPARE(get(path, m_brand).body, fresh.body);
    }

    // Several processes on one database: a write made while both have the series cached shows
    // in both, whichever process the request that follows it reaches.
    void anotherProcessSeesWrites()
    {
        const QString id = accountWithSeries(m_alice, u"shared"_s);
        QVERIFY(!id.isEmpty());
        const auto second = anotherServer(32);
        QVERIFY2(second->isRunning(), qPrintable(second->error()));
        HttpTestClient b(second->url());
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30&interval=week"_s
                        .arg(id);
        const HttpReply viaA = get(path, m_brand);
        QCOMPARE(viaA.status, 200);
        QCOMPARE(get(path, m_brand).body, viaA.body);
        QCOMPARE(b.get(path, as(m_brand)).body, viaA.body);
        QCOMPARE(b.get(path, as(m_brand)).body, viaA.body);

        QVERIFY(sql(u"UPDATE account_metrics SET views = views + 1000 WHERE account_id = '%1' "
                    "AND day = '2026-06-30'"_s.arg(id)));
        const HttpReply changedViaB = b.get(path, as(m_brand));
        QCOMPARE(changedViaB.status, 200);
        QVERIFY(changedViaB.body != viaA.body);
        QCOMPARE(changedViaB.json()
                         .value(u"points"_s)
                         .toArray()
                         .last()
                         .toObject()
                         .value(u"views"_s)
                         .toInteger(),
                viaA.json().value(u"points"_s)
                                .toArray()
                                .last()
                                .toObject()
                                .value(u"views"_s)
                                .toInteger()
                        + 1000);
        QCOMPARE(get(path, m_brand).body, changedViaB.body);
    }

    void deletingAnAccountWithHistory()
    {
        const QString id = accountWithSeries(m_alice, u"short_lived"_s);
        QVERIFY(!id.isEmpty());
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30"_s.arg(id);
        QCOMPARE(get(path, m_brand).status, 200);
        QVERIFY(!seriesVersion(id).isNull());
        // Its snapshots go with it (ON DELETE CASCADE), which runs the triggers of 0009 after
        // the account is gone.
        QCOMPARE(m_client->send("DELETE", u"/api/v1/connected-accounts/"_s + id, {}, as(m_alice))
                         .status,
                204);
        QCOMPARE(scalar(u"SELECT count(*) FROM account_metrics WHERE account_id = '%1'"_s.arg(id))
                         .toInt(),
                0);
        QVERIFY(seriesVersion(id).isNull());
        QCOMPARE(get(path, m_brand).status, 404);

        // Deleting the creator profile deletes every account and its history the same way.
        const QString carol = signUp(u"carol.series@example.com"_s, u"influencer"_s);
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, carol).status < 300);
        const QString first = accountWithSeries(carol, u"carol_one"_s);
        QVERIFY(!first.isEmpty());
        QVERIFY(!accountWithSeries(carol, u"carol_two"_s).isEmpty());
        QCOMPARE(m_client->send("DELETE", u"/api/v1/me/influencer"_s, {}, as(carol)).status, 204);
        QCOMPARE(scalar(u"SELECT count(*) FROM connected_accounts a JOIN users u ON "
                        "u.id = a.influencer_id WHERE u.email = 'carol.series@example.com'"_s)
                         .toInt(),
                0);
        QCOMPARE(get(u"/api/v1/connected-accounts/%1/metrics"_s.arg(first), m_brand).status, 404);
    }

    void aDisabledCreatorsCachedSeriesIsHidden()
    {
        const QString dave = signUp(u"dave.series@example.com"_s, u"influencer"_s);
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, dave).status < 300);
        const QString id = accountWithSeries(dave, u"dave_series"_s);
        QVERIFY(!id.isEmpty());
        const QString path =
                u"/api/v1/connected-accounts/%1/metrics?from=2026-06-01&to=2026-06-30"_s.arg(id);
        const HttpReply cached = get(path, m_brand);
        QCOMPARE(cached.status, 200);
        QCOMPARE(get(path, m_brand).body, cached.body);
        const QString daveId = userIdOf(dave);
        QVERIFY(!daveId.isEmpty());
        QVERIFY(sql(u"UPDATE users SET status = 'disabled' WHERE id = '%1'"_s.arg(daveId)));
        const HttpReply hidden = get(path, m_brand);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(problemCode(hidden), u"not_found"_s);
        QVERIFY(!hidden.body.contains("points"));
        QVERIFY(sql(u"UPDATE users SET status = 'active' WHERE id = '%1'"_s.arg(daveId)));
        QCOMPARE(get(path, m_brand).body, cached.body);
    }

    void discoveryFiltersAndPages()
    {
        // 60 creators made directly in the database: niche by index, country and followers.
        QVERIFY(sql(u"INSERT INTO users (id, email, role) SELECT md5('c' || i)::uuid, 'creator' || "
                    u"i || '@d.example', "
                    "'influencer' FROM generate_series(1, 60) i"_s));
        QVERIFY(sql(
                u"INSERT INTO influencer_details (user_id, display_name, bio, niches, country, "
                u"languages) "
                "SELECT md5('c' || i)::uuid, 'Creator ' || i, "
                "CASE WHEN i % 10 = 0 THEN 'Cooking vegan dinners every week' ELSE 'Daily life' "
                "END, "
                "CASE WHEN i % 3 = 0 THEN ARRAY['fitness'] ELSE ARRAY['gaming'] END, "
                "CASE WHEN i % 2 = 0 THEN 'DE' ELSE 'FR' END, ARRAY['en'] FROM generate_series(1, 60) i"_s));
        QVERIFY(sql(u"INSERT INTO connected_accounts (influencer_id, platform, handle, followers, "
                    u"engagement_rate) "
                    "SELECT md5('c' || i)::uuid, CASE WHEN i % 4 = 0 THEN 'youtube' ELSE "
                    "'instagram' END, "
                    "'creator_' || i, 1000 * i, (i % 7) / 100.0 FROM generate_series(1, 60) i"_s));
        const auto search = [&](const QString &query) {
            return get(u"/api/v1/influencers?"_s + query, m_brand);
        };
        const auto itemsOf = [](const HttpReply &reply, const QString &field) {
            QStringList list;
            for (const QJsonValue &item : reply.json().value(u"items"_s).toArray()) {
                list.append(item.toObject().value(field).toString());
            }
            return list;
        };
        const auto ids = [&](const HttpReply &reply) {
            return itemsOf(reply, u"displayName"_s);
        };
        const auto keys = [&](const HttpReply &reply) {
            return itemsOf(reply, u"id"_s);
        };

        // Filters: fitness creators in Germany = i divisible by 6 (10 of them).
        const HttpReply fitness = search(u"niche=fitness&country=DE&limit=100"_s);
        QCOMPARE(fitness.status, 200);
        QCOMPARE(fitness.json().value(u"total"_s).toInt(), 10);
        QCOMPARE(ids(fitness).first(), u"Creator 60"_s); // most followers first
        QVERIFY(fitness.json().value(u"items"_s).toArray().at(0).toObject().value(u"country"_s)
                == u"DE"_s);
        // Followers on a platform: YouTube (i % 4 == 0) with 20 000–40 000 = i in {20, 24, …, 40}.
        const HttpReply youtube =
                search(u"platform=youtube&minFollowers=20000&maxFollowers=40000"_s);
        QCOMPARE(ids(youtube),
                (QStringList{u"Creator 40"_s, u"Creator 36"_s, u"Creator 32"_s, u"Creator 28"_s,
                        u"Creator 24"_s, u"Creator 20"_s}));
        const HttpReply engaged =
                search(u"minEngagementRate=0.06&niche=gaming&sort=engagement&limit=100"_s);
        for (const QJsonValue &item : engaged.json().value(u"items"_s).toArray()) {
            QVERIFY(item.toObject().value(u"engagementRate"_s).toDouble() >= 0.0599);
        }
        QVERIFY(!ids(engaged).isEmpty());
        // Full text: the bio is stemmed ("cook" finds "Cooking"), handles match as written.
        QCOMPARE(search(u"q=cook"_s).json().value(u"total"_s).toInt(), 6);
        QCOMPARE(ids(search(u"q=creator_17"_s)), QStringList{u"Creator 17"_s});

        // Pages: 60 + the profiles made by other tests, 7 at a time, followers order, while new
        // creators arrive between pages: no duplicates, nothing missed.
        const int expected = search(QString()).json().value(u"total"_s).toInt();
        QVERIFY(expected >= 60);
        QStringList seen;
        QStringList names;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page =
                    search(u"limit=7"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(page.status, 200);
            seen += keys(page);
            names += ids(page);
            cursor = page.json().value(u"nextCursor"_s).toString();
            QVERIFY(sql(
                    u"INSERT INTO users (id, email, role) VALUES ('%1', 'late%2@d.example', 'influencer'); "_s
                            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                            .arg(pages)
                    + u"INSERT INTO influencer_details (user_id, display_name) SELECT id, 'Late ' || email FROM users WHERE email = 'late%1@d.example'"_s
                              .arg(pages)));
            ++pages;
        } while (!cursor.isEmpty() && pages < 50);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
        QVERIFY2(seen.size() >= expected, qPrintable(u"%1 of %2"_s.arg(seen.size()).arg(expected)));
        QVERIFY(names.indexOf(u"Creator 60"_s) < names.indexOf(u"Creator 1"_s));

        // Relevance pages too.
        const HttpReply first = search(u"q=creator&limit=25"_s);
        QVERIFY(!first.json().value(u"nextCursor"_s).toString().isEmpty());
        const HttpReply second = search(
                u"q=creator&limit=25&cursor="_s + first.json().value(u"nextCursor"_s).toString());
        QCOMPARE(second.status, 200);
        const QStringList both = keys(first) + keys(second);
        QCOMPARE(QSet<QString>(both.begin(), both.end()).size(), both.size());
        QCOMPARE(both.size(), 50);
    }

    void discoveryRefusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("niche") << u"niche=astrology-memes"_s << u"niche"_s;
        QTest::newRow("country") << u"country=germany"_s << u"country"_s;
        QTest::newRow("platform") << u"platform=myspace"_s << u"platform"_s;
        QTest::newRow("followers") << u"minFollowers=-1"_s << u"minFollowers"_s;
        QTest::newRow("range") << u"minFollowers=10&maxFollowers=5"_s << u"maxFollowers"_s;
        QTest::newRow("engagement") << u"minEngagementRate=3"_s << u"minEngagementRate"_s;
        QTest::newRow("price without type")
                << u"maxPrice=100&currency=EUR"_s << u"deliverableType"_s;
        QTest::newRow("price without currency")
                << u"maxPrice=100&deliverableType=post"_s << u"currency"_s;
        QTest::newRow("sort") << u"sort=random"_s << u"sort"_s;
        QTest::newRow("relevance without text") << u"sort=relevance"_s << u"sort"_s;
        QTest::newRow("limit") << u"limit=1000"_s << u"limit"_s;
        QTest::newRow("cursor") << u"cursor=bm9wZQ"_s << u"cursor"_s;
    }
    void discoveryRefusesBadParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const HttpReply reply = get(u"/api/v1/influencers?"_s + query, m_brand);
        QCOMPARE(reply.status, 400);
        QCOMPARE(problemCode(reply), u"invalid_parameter"_s);
        QVERIFY2(reply.body.contains(parameter.toLatin1()), reply.body.constData());
    }

    void discoveryByPrice()
    {
        QVERIFY(send("PUT", u"/api/v1/me/influencer"_s, kProfile, m_alice).status
                < 300); // reel 450 EUR
        const auto names = [&](const QString &query) {
            QStringList list;
            for (const QJsonValue &item : get(u"/api/v1/influencers?"_s + query, m_brand)
                                                  .json()
                                                  .value(u"items"_s)
                                                  .toArray()) {
                list.append(item.toObject().value(u"id"_s).toString());
            }
            return list;
        };
        const QString alice = userIdOf(m_alice);
        QVERIFY(names(u"deliverableType=reel&maxPrice=50000&currency=EUR&limit=100"_s)
                        .contains(alice));
        QVERIFY(!names(u"deliverableType=reel&maxPrice=40000&currency=EUR&limit=100"_s)
                         .contains(alice));
        QVERIFY(!names(u"deliverableType=reel&maxPrice=50000&currency=USD&limit=100"_s)
                         .contains(alice));
        QVERIFY(!names(u"deliverableType=post&maxPrice=50000&currency=EUR&limit=100"_s)
                         .contains(alice));
    }
};

QTEST_GUILESS_MAIN(TestApiProfiles)
#include "tst_api_profiles.moc"
