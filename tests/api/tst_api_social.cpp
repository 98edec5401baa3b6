// SPDX-License-Identifier: Apache-2.0
// Connecting real social accounts over HTTP against PostgreSQL and a local Node peer
// (tests/peers/social) that speaks the OAuth and account API shapes of Instagram (Instagram
// Login), YouTube (Google OAuth 2.0 + Data API v3) and TikTok (Login Kit v2): the connect flow,
// tokens encrypted at rest, key rotation, refresh before expiry, a refused refresh, the daily
// snapshot, ownership, and states that are unknown or used twice.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/crypto/TokenCipher.h"
#include "core/db/Connection.h"
#include "social/Credentials.h"
#include "social/SocialService.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

const QByteArray kOldKey = QByteArray(32, 'a');
const QByteArray kNewKey = QByteArray(32, 'b');

QString keySpec(const QString &id, const QByteArray &key)
{
    return id + u':' + QString::fromLatin1(key.toBase64());
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// GET, or POST of `body` (JSON unless `headers` name another Content-Type), of an absolute URL;
/// redirects shown rather than followed.
HttpReply fetch(QNetworkAccessManager &network, const QUrl &url, const Headers &headers = {},
        const std::optional<QByteArray> &body = std::nullopt)
{
    QNetworkRequest request(url);
    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30'000);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QNetworkReply *reply = nullptr;
    if (body) {
        if (!request.hasRawHeader("Content-Type")) {
            request.setHeader(
                    QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        }
        reply = network.post(request, *body);
    } else {
        reply = network.get(request);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(35'000);
    }
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        result.headers.append({name.toLower(), value});
    }
    reply->deleteLater();
    return result;
}

/// The Node peer, killed when the object goes.
class Peer
{
public:
    ~Peer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    bool start(const QString &script, quint16 port)
    {
        m_process.start(u"node"_s, {script, QString::number(port)});
        if (!m_process.waitForStarted(10'000)) {
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray output;
        while (timer.elapsed() < 20'000 && m_process.state() != QProcess::NotRunning) {
            output += m_process.readAllStandardOutput();
            if (output.contains("listening on")) {
                return true;
            }
            m_process.waitForReadyRead(100);
        }
        return false;
    }

private:
    QProcess m_process;
};

} // namespace

class TestApiSocial : public QObject
{
    Q_OBJECT

private:
    Peer m_peer;
    QUrl m_peerUrl;
    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_alice;
    QString m_bob;
    QString m_carol;
    QString m_brand;

    Headers as(const QString &token) const
    {
        return {{"Authorization", "Bearer " + token.toLatin1()}};
    }

    void configure(server::Config &config, const QString &keys) const
    {
        const QString base = m_peerUrl.toString();
        config.social.platforms[u"instagram"_s] = {u"ig-client"_s, u"ig-secret"_s,
                base + u"/instagram/oauth/authorize"_s, base + u"/instagram/oauth/access_token"_s,
                base + u"/instagram/graph"_s};
        config.social.platforms[u"youtube"_s] = {u"yt-client"_s, u"yt-secret"_s,
                base + u"/youtube/o/oauth2/v2/auth"_s, base + u"/youtube/token"_s,
                base + u"/youtube/api"_s};
        config.social.platforms[u"tiktok"_s] = {u"tt-client"_s, u"tt-secret"_s,
                base + u"/tiktok/v2/auth/authorize/"_s, base + u"/tiktok/v2/oauth/token/"_s,
                base + u"/tiktok"_s};
        config.social.tokenEncryptionKeys = keys;
    }

    QString signUp(const QString &email, const QString &role)
    {
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                        {u"role"_s, role}});
        return reply.json().value(u"accessToken"_s).toString();
    }

    bool createProfile(const QString &token, const QString &name)
    {
        const HttpReply reply = m_client->send("PUT", u"/api/v1/me/influencer"_s,
                compact({{u"displayName"_s, name}, {u"bio"_s, u"Creator"_s},
                        {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                        {u"languages"_s, QJsonArray{u"en"_s}}, {u"rates"_s, QJsonArray{}}}),
                as(token) + Headers{{"Content-Type", "application/json"}});
        return reply.status == 200 || reply.status == 201;
    }

    void control(const QJsonObject &command)
    {
        const HttpReply reply =
                fetch(m_network, m_peerUrl.resolved(QUrl(u"/control"_s)), {}, compact(command));
        QCOMPARE(reply.status, 200);
    }

    QJsonObject peerState()
    {
        return fetch(m_network, m_peerUrl.resolved(QUrl(u"/control/state"_s))).json();
    }

    /// /connect → the platform's consent (the peer) → /callback; the callback's answer.
    HttpReply connectAccount(
            const QString &platform, const QString &token, QUrl *callbackUrl = nullptr)
    {
        HttpReply started = m_client->get(u"/api/v1/connected-accounts/%1/connect"_s.arg(platform),
                as(token) + Headers{{"Accept", "application/json"}});
        if (started.status != 200) {
            return started;
        }
        const QUrl consent(started.json().value(u"authorizationUrl"_s).toString());
        HttpReply consented = fetch(m_network, consent);
        if (consented.status != 302) {
            qWarning("consent answered %d: %s", consented.status, consented.body.constData());
            return consented;
        }
        const QUrl callback(QString::fromUtf8(consented.header("location")));
        if (callbackUrl) {
            *callbackUrl = callback;
        }
        return fetch(m_network, callback);
    }

    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }

    bool sql(const QString &text) { return bool(m_db->execDirect(text)); }

    /// Runs the due refreshes and snapshots of `server` now and waits for them.
    static bool runDueWork(TestServer &server)
    {
        auto done = std::make_shared<std::atomic<bool>>(false);
        server.app().social()->runDueWork([done] {
            *done = true;
        });
        QElapsedTimer timer;
        timer.start();
        while (!*done && timer.elapsed() < 30'000) {
            QTest::qWait(20);
        }
        return *done;
    }

    enum class Token { Access, Refresh };

    /// A stored token of an account, decrypted with `keys`.
    common::Result<QByteArray> storedToken(
            const QString &accountId, const QString &keys, Token which)
    {
        const auto parsed = server::crypto::TokenCipher::parseKeys(keys);
        if (!parsed) {
            return parsed.error();
        }
        const auto cipher = server::crypto::TokenCipher::create(*parsed);
        if (!cipher) {
            return cipher.error();
        }
        const QString keyId = scalar(
                u"SELECT key_id FROM social_credentials WHERE account_id = '%1'"_s.arg(accountId))
                                      .toString();
        const QString column = which == Token::Access ? u"access_token"_s : u"refresh_token"_s;
        const QByteArray blob =
                scalar(u"SELECT %1 FROM social_credentials WHERE account_id = '%2'"_s.arg(
                               column, accountId))
                        .toByteArray();
        return cipher->open({keyId, blob},
                server::social::associatedData(QUuid::fromString(accountId),
                        which == Token::Access ? "access" : "refresh"));
    }

    common::Result<QByteArray> storedAccessToken(const QString &accountId, const QString &keys)
    {
        return storedToken(accountId, keys, Token::Access);
    }

    /// Every byte of social_credentials as PostgreSQL would dump it, and the raw token columns.
    struct StoredCredentials
    {
        QByteArray dump;
        QByteArray raw;

        /// Whether `token` shows in clear, hex-encoded, or by its first 16 bytes.
        bool exposes(const QByteArray &token) const
        {
            return dump.contains(token) || dump.contains(token.toHex()) || raw.contains(token)
                    || raw.contains(token.left(16));
        }
    };

    StoredCredentials storedCredentials()
    {
        StoredCredentials stored;
        stored.dump = scalar(u"SELECT string_agg(c::text, '|') FROM social_credentials c"_s)
                              .toString()
                              .toUtf8();
        auto query = m_db->runDynamic(
                u"SELECT access_token, coalesce(refresh_token, ''::bytea) FROM social_credentials"_s,
                {});
        if (!query) {
            return stored; // raw stays empty, which the callers check
        }
        while ((*query)->next()) {
            stored.raw += (*query)->value(0).toByteArray() + (*query)->value(1).toByteArray();
        }
        (*query)->finish();
        return stored;
    }

    QString accountOf(const QString &platform, const QString &externalId)
    {
        return scalar(
                u"SELECT id FROM connected_accounts WHERE platform = '%1' AND external_id = '%2'"_s
                        .arg(platform, externalId))
                .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Found under tests/ (Qt6::Test's QT_TESTCASE_SOURCEDIR: where the test target is
        // declared), not beside __FILE__, which ccache's base_dir makes relative.
        const QString script = QFINDTESTDATA("peers/social/peer.mjs");
        QVERIFY2(!script.isEmpty(), "tests/peers/social/peer.mjs not found");
        const quint16 port = freePort();
        QVERIFY2(m_peer.start(script, port), "the Node peer did not start");
        m_peerUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));

        TestServer::Options options;
        options.configure = [this](server::Config &config) {
            configure(config, keySpec(u"k1"_s, kOldKey));
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        QVERIFY(m_server->app().social());
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_db = m_server->connect(u"social-test"_s);
        QVERIFY(m_db);

        m_alice = signUp(u"alice@example.com"_s, u"influencer"_s);
        m_bob = signUp(u"bob@example.com"_s, u"influencer"_s);
        m_carol = signUp(u"carol@example.com"_s, u"influencer"_s);
        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_carol.isEmpty());
        QVERIFY(createProfile(m_alice, u"Alice"_s));
        QVERIFY(createProfile(m_bob, u"Bob"_s));
        QVERIFY(createProfile(m_carol, u"Carol"_s));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
    }

    void connectNeedsSignInProfileAndPlatform()
    {
        QCOMPARE(m_client->get(u"/api/v1/connected-accounts/youtube/connect"_s).status, 401);
        QCOMPARE(m_client->get(u"/api/v1/connected-accounts/twitch/connect"_s, as(m_alice)).status,
                404);
        QCOMPARE(m_client->get(u"/api/v1/connected-accounts/youtube/connect"_s, as(m_brand)).status,
                409);
        // Without Accept: application/json, a redirect to the consent page.
        const HttpReply redirect = fetch(m_network,
                m_server->url().resolved(QUrl(u"/api/v1/connected-accounts/youtube/connect"_s)),
                as(m_alice));
        QCOMPARE(redirect.status, 302);
        const QUrl consent(QString::fromUtf8(redirect.header("location")));
        QCOMPARE(consent.path(), u"/youtube/o/oauth2/v2/auth"_s);
        const QUrlQuery query(consent);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"yt-client"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(query.queryItemValue(u"access_type"_s), u"offline"_s);
        QVERIFY(query.queryItemValue(u"state"_s).size() >= 43);
        QCOMPARE(QUrl(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)).path(),
                u"/api/v1/connected-accounts/youtube/callback"_s);
    }

    void connectFlow_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("handle");
        QTest::addColumn<qint64>("followers");
        QTest::newRow("instagram")
                << u"instagram"_s << u"17841400000000001"_s << u"ig_creator"_s << qint64{12000};
        QTest::newRow("youtube") << u"youtube"_s << u"UCabcdefghijklmnopqrstuv"_s
                                 << u"@yt_creator"_s << qint64{54000};
        QTest::newRow("tiktok") << u"tiktok"_s << u"open-id-0001"_s << u"tt_creator"_s
                                << qint64{98000};
    }

    void connectFlow()
    {
        QFETCH(QString, platform);
        QFETCH(QString, externalId);
        QFETCH(QString, handle);
        QFETCH(qint64, followers);
        const HttpReply reply = connectAccount(platform, m_alice);
        QVERIFY2(reply.status == 200, reply.body.constData());
        const QJsonObject account = reply.json();
        QCOMPARE(account.value(u"platform"_s).toString(), platform);
        QCOMPARE(account.value(u"handle"_s).toString(), handle);
        QCOMPARE(account.value(u"status"_s).toString(), u"connected"_s);
        QCOMPARE(account.value(u"verified"_s).toBool(), true);
        QCOMPARE(account.value(u"followers"_s).toInteger(), followers);
        const QString id = account.value(u"id"_s).toString();
        QCOMPARE(accountOf(platform, externalId), id);
        // The first snapshot, today.
        QCOMPARE(scalar(u"SELECT followers FROM account_metrics WHERE account_id = '%1' "
                        "AND day = (now() AT TIME ZONE 'UTC')::date"_s.arg(id))
                         .toLongLong(),
                followers);
        QCOMPARE(scalar(u"SELECT key_id FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                         .toString(),
                u"k1"_s);
        // The account's owner sees it; the list never carries tokens.
        const HttpReply list = m_client->get(u"/api/v1/connected-accounts"_s, as(m_alice));
        QCOMPARE(list.status, 200);
        QVERIFY(list.body.contains(id.toLatin1()));
        for (const QJsonValue token : peerState().value(u"issued"_s).toArray()) {
            QVERIFY(!list.body.contains(token.toString().toLatin1()));
            QVERIFY(!reply.body.contains(token.toString().toLatin1()));
        }
        const auto stored = storedAccessToken(id, keySpec(u"k1"_s, kOldKey));
        QVERIFY(stored);
        QVERIFY(peerState().value(u"issued"_s).toArray().contains(QString::fromUtf8(*stored)));
    }

    void tokensAreNotStoredInClear()
    {
        const QJsonArray issued = peerState().value(u"issued"_s).toArray();
        QVERIFY(issued.size() >= 5);
        const StoredCredentials stored = storedCredentials();
        QVERIFY(stored.raw.size() > 100);
        for (const QJsonValue value : issued) {
            const QByteArray token = value.toString().toLatin1();
            QVERIFY2(!stored.exposes(token), token.constData());
        }
    }

    void stateIsSingleUse()
    {
        QUrl callback;
        control({{u"next"_s,
                QJsonObject{{u"tiktok"_s,
                        QJsonObject{{u"id"_s, u"open-id-carol"_s}, {u"username"_s, u"carol_tt"_s},
                                {u"followers"_s, 500}, {u"following"_s, 5}, {u"posts"_s, 7}}}}}});
        QCOMPARE(connectAccount(u"tiktok"_s, m_carol, &callback).status, 200);
        const HttpReply replay = fetch(m_network, callback);
        QCOMPARE(replay.status, 400);
        QUrl unknown = callback;
        unknown.setQuery(u"code=abc&state=not-a-state-we-issued"_s);
        QCOMPARE(fetch(m_network, unknown).status, 400);
        unknown.setQuery(u"code=abc"_s);
        QCOMPARE(fetch(m_network, unknown).status, 400);
        // A state is for its platform only.
        QUrl other = callback;
        other.setPath(u"/api/v1/connected-accounts/youtube/callback"_s);
        QCOMPARE(fetch(m_network, other).status, 400);
        control({{u"reset"_s, true}});
    }

    void accountOfAnotherCreatorConflicts()
    {
        // Bob signs in at Instagram as the account Alice connected.
        const HttpReply reply = connectAccount(u"instagram"_s, m_bob);
        QCOMPARE(reply.status, 409);
        const QString id = accountOf(u"instagram"_s, u"17841400000000001"_s);
        QCOMPARE(scalar(u"SELECT u.email FROM connected_accounts a JOIN users u ON u.id = "
                        "a.influencer_id WHERE a.id = '%1'"_s.arg(id))
                         .toString(),
                u"alice@example.com"_s);
    }

    void othersCannotTouchTheAccount()
    {
        const QString id = accountOf(u"youtube"_s, u"UCabcdefghijklmnopqrstuv"_s);
        const QString path = u"/api/v1/connected-accounts/"_s + id;
        QCOMPARE(m_client->send("PATCH", path, compact({{u"handle"_s, u"mine"_s}}),
                                 as(m_bob) + Headers{{"Content-Type", "application/json"}})
                         .status,
                404);
        QCOMPARE(m_client->send("DELETE", path, {}, as(m_bob)).status, 404);
        const HttpReply list = m_client->get(u"/api/v1/connected-accounts"_s, as(m_bob));
        QVERIFY(!list.body.contains(id.toLatin1()));
        QCOMPARE(
                scalar(u"SELECT count(*) FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                        .toInt(),
                1);
    }

    void refreshesOnlyWhatExpiresSoon()
    {
        // Carol's YouTube token lives 2 minutes: due. Everything else lives hours or days.
        control({{u"next"_s,
                         QJsonObject{{u"youtube"_s,
                                 QJsonObject{{u"id"_s, u"UCcarolcarolcarolcarol00"_s},
                                         {u"username"_s, u"@carol"_s}, {u"followers"_s, 800},
                                         {u"views"_s, 1000}, {u"posts"_s, 3}}}}},
                {u"expiresIn"_s, QJsonObject{{u"youtube"_s, 120}}}});
        const HttpReply connected = connectAccount(u"youtube"_s, m_carol);
        QCOMPARE(connected.status, 200);
        const QString id = connected.json().value(u"id"_s).toString();
        control({{u"expiresIn"_s, QJsonObject{{u"youtube"_s, 3599}}}, {u"reset"_s, true}});
        const QByteArray before = *storedAccessToken(id, keySpec(u"k1"_s, kOldKey));
        const QJsonObject refreshesBefore = peerState().value(u"refreshes"_s).toObject();

        QVERIFY(runDueWork(*m_server));
        const QJsonObject refreshes = peerState().value(u"refreshes"_s).toObject();
        QCOMPARE(refreshes.value(u"youtube"_s).toInt(),
                refreshesBefore.value(u"youtube"_s).toInt() + 1);
        QCOMPARE(refreshes.value(u"instagram"_s).toInt(),
                refreshesBefore.value(u"instagram"_s).toInt());
        QCOMPARE(refreshes.value(u"tiktok"_s).toInt(), refreshesBefore.value(u"tiktok"_s).toInt());
        const auto after = storedAccessToken(id, keySpec(u"k1"_s, kOldKey));
        QVERIFY(after);
        QVERIFY(*after != before);
        QVERIFY(scalar(u"SELECT expires_at > now() + interval '50 minutes' FROM social_credentials "
                       "WHERE account_id = '%1'"_s.arg(id))
                        .toBool());
        // Google keeps the refresh token: still there.
        QVERIFY(!scalar(
                u"SELECT refresh_token FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                         .isNull());
        // Nothing due any more: a second round refreshes nothing.
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(peerState().value(u"refreshes"_s).toObject().value(u"youtube"_s).toInt(),
                refreshes.value(u"youtube"_s).toInt());
    }

    void tiktokRenewalRotatesTheRefreshToken()
    {
        // TikTok's /v2/oauth/token/ answers a refresh with a new refresh token and its own
        // refresh_expires_in; the one it replaces is refused from then on (the peer does so).
        const QString id = accountOf(u"tiktok"_s, u"open-id-0001"_s);
        const QString keys = keySpec(u"k1"_s, kOldKey);
        const QString where = u" FROM social_credentials WHERE account_id = '%1'"_s.arg(id);
        const auto refreshes = [this] {
            return peerState().value(u"refreshes"_s).toObject().value(u"tiktok"_s).toInt();
        };
        const auto status = [this, id] {
            return scalar(u"SELECT status FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                    .toString();
        };
        const auto makeDue = [this, id] {
            return sql(
                    u"UPDATE social_credentials SET expires_at = now() + interval '1 minute', "
                    "refresh_expires_at = now() + interval '1 day' WHERE account_id = '%1'"_s.arg(
                            id));
        };
        // Each statement is its own transaction: the renewal's now() lies between two reads.
        const auto databaseNow = [this] {
            return scalar(u"SELECT now()::text"_s).toString();
        };
        QCOMPARE(status(), u"connected"_s);
        const auto access0 = storedToken(id, keys, Token::Access);
        const auto refresh0 = storedToken(id, keys, Token::Refresh);
        QVERIFY(access0 && refresh0);
        // A lifetime other than the connect's 86 400 s, so that expires_at shows what was stored.
        control({{u"expiresIn"_s, QJsonObject{{u"tiktok"_s, 7200}}}});
        QVERIFY(makeDue());
        const int before = refreshes();
        const QString start = databaseNow();
        QVERIFY(runDueWork(*m_server));
        const QString end = databaseNow();
        QCOMPARE(refreshes(), before + 1);
        QCOMPARE(status(), u"connected"_s);
        const auto access1 = storedToken(id, keys, Token::Access);
        const auto refresh1 = storedToken(id, keys, Token::Refresh);
        QVERIFY(access1 && refresh1);
        QVERIFY(*access1 != *access0);
        QVERIFY(*refresh1 != *refresh0);
        // What the peer handed out last, stored encrypted only.
        const QJsonArray issued = peerState().value(u"issued"_s).toArray();
        QCOMPARE(issued.last().toString().toLatin1(), *refresh1);
        QCOMPARE(issued.at(issued.size() - 2).toString().toLatin1(), *access1);
        const StoredCredentials stored = storedCredentials();
        QVERIFY(stored.raw.size() > 100);
        QVERIFY(!stored.exposes(*access1));
        QVERIFY(!stored.exposes(*refresh1));
        // expires_in (7200 s) from the renewal on, due again at four fifths of it; the new refresh
        // token lives refresh_expires_in (a year), not the day left to the old one.
        QVERIFY(scalar(u"SELECT expires_at BETWEEN '%1'::timestamptz + interval '7200 s' "
                       "AND '%2'::timestamptz + interval '7200 s' "
                       "AND refresh_due_at BETWEEN '%1'::timestamptz + interval '5760 s' "
                       "AND '%2'::timestamptz + interval '5760 s' "
                       "AND refresh_expires_at BETWEEN '%1'::timestamptz + interval '31536000 s' "
                       "AND '%2'::timestamptz + interval '31536000 s'"_s.arg(start, end)
                + where)
                        .toBool());
        // Nothing due any more: a second round refreshes nothing.
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(refreshes(), before + 1);
        QCOMPARE(*storedToken(id, keys, Token::Refresh), *refresh1);

        // The replaced refresh token is refused now, as TikTok does.
        const QByteArray form = "client_key=tt-client&client_secret=tt-secret"
                                "&grant_type=refresh_token&refresh_token="
                + QUrl::toPercentEncoding(QString::fromLatin1(*refresh0));
        const HttpReply replayed =
                fetch(m_network, m_peerUrl.resolved(QUrl(u"/tiktok/v2/oauth/token/"_s)),
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
        QCOMPARE(replayed.status, 400);
        QCOMPARE(replayed.json().value(u"error"_s).toString(), u"invalid_grant"_s);
        // So the next renewal succeeds only with the new one.
        QVERIFY(makeDue());
        const int beforeNext = refreshes();
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(refreshes(), beforeNext + 1);
        QCOMPARE(status(), u"connected"_s);
        const auto refresh2 = storedToken(id, keys, Token::Refresh);
        QVERIFY(refresh2);
        QVERIFY(*refresh2 != *refresh1);
        QVERIFY(*storedToken(id, keys, Token::Access) != *access1);
        control({{u"expiresIn"_s, QJsonObject{{u"tiktok"_s, 86400}}}});
    }

    void refusedRefreshNeedsReconnect()
    {
        const QString id = accountOf(u"tiktok"_s, u"open-id-0001"_s);
        QVERIFY(sql(u"UPDATE social_credentials SET expires_at = now() + interval '1 minute' "
                    "WHERE account_id = '%1'"_s.arg(id)));
        control({{u"refuseRefresh"_s, QJsonObject{{u"tiktok"_s, true}}}});
        QVERIFY(runDueWork(*m_server));
        control({{u"refuseRefresh"_s, QJsonObject{{u"tiktok"_s, false}}}});
        QCOMPARE(scalar(u"SELECT status FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                         .toString(),
                u"needs_reconnect"_s);
        // Kept, with its history; the owner sees it needs connecting again.
        QCOMPARE(scalar(u"SELECT count(*) FROM account_metrics WHERE account_id = '%1'"_s.arg(id))
                         .toInt(),
                1);
        const HttpReply list = m_client->get(u"/api/v1/connected-accounts"_s, as(m_alice));
        QVERIFY(list.body.contains("needs_reconnect"));
        // Not tried again while it waits for its creator.
        const int refreshes =
                peerState().value(u"refreshes"_s).toObject().value(u"tiktok"_s).toInt();
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(
                peerState().value(u"refreshes"_s).toObject().value(u"tiktok"_s).toInt(), refreshes);
        // Connecting again repairs it.
        const HttpReply again = connectAccount(u"tiktok"_s, m_alice);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"id"_s).toString(), id);
        QCOMPARE(again.json().value(u"status"_s).toString(), u"connected"_s);
    }

    void dailySnapshot()
    {
        const QString id = accountOf(u"instagram"_s, u"17841400000000001"_s);
        QVERIFY(sql(u"DELETE FROM account_metrics WHERE account_id = '%1'"_s.arg(id)));
        QVERIFY(sql(u"UPDATE connected_accounts SET last_synced_at = now() - interval '2 days', "
                    "followers = 1 WHERE id = '%1'"_s.arg(id)));
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(scalar(u"SELECT followers FROM account_metrics WHERE account_id = '%1' "
                        "AND day = (now() AT TIME ZONE 'UTC')::date"_s.arg(id))
                         .toLongLong(),
                qint64{12000});
        QCOMPARE(scalar(u"SELECT posts FROM account_metrics WHERE account_id = '%1'"_s.arg(id))
                         .toLongLong(),
                qint64{140});
        QCOMPARE(scalar(u"SELECT followers FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                         .toLongLong(),
                qint64{12000});
    }

    void longLivedTokensRenewAtFourFifthsOfTheirLifetime()
    {
        const auto refreshes = [this] {
            return peerState().value(u"refreshes"_s).toObject().value(u"instagram"_s).toInt();
        };
        const QString id = accountOf(u"instagram"_s, u"17841400000000001"_s);
        const QString where = u" FROM social_credentials WHERE account_id = '%1'"_s.arg(id);
        // Instagram's 60-day token, which has no refresh token and renews only while valid: due
        // after 48 days, not in its last minutes.
        QVERIFY(scalar(u"SELECT refresh_due_at BETWEEN now() + interval '47 days' "
                       "AND now() + interval '49 days'"_s
                + where)
                        .toBool());
        const int before = refreshes();
        QVERIFY(sql(u"UPDATE social_credentials SET expires_at = now() + interval '13 days', "
                    "refresh_due_at = now() + interval '1 day' WHERE account_id = '%1'"_s.arg(id)));
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(refreshes(), before);
        // Past four fifths, with eleven days to go: renewed, for another 60 days.
        QVERIFY(sql(u"UPDATE social_credentials SET expires_at = now() + interval '11 days', "
                    "refresh_due_at = now() - interval '1 day' WHERE account_id = '%1'"_s.arg(id)));
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(refreshes(), before + 1);
        QVERIFY(scalar(u"SELECT expires_at > now() + interval '59 days' "
                       "AND refresh_due_at > now() + interval '47 days'"_s
                + where)
                        .toBool());
        QCOMPARE(scalar(u"SELECT status FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                         .toString(),
                u"connected"_s);
    }

    void syncRenewsOnceWhenThePlatformEndsATokenEarly()
    {
        const auto refreshes = [this] {
            return peerState().value(u"refreshes"_s).toObject().value(u"youtube"_s).toInt();
        };
        const QString id = accountOf(u"youtube"_s, u"UCabcdefghijklmnopqrstuv"_s);
        const auto dueForSync = [this, id] {
            return sql(u"DELETE FROM account_metrics WHERE account_id = '%1' "
                       "AND day = (now() AT TIME ZONE 'UTC')::date"_s.arg(id))
                    && sql(u"UPDATE connected_accounts SET last_synced_at = now() - interval "
                           "'2 days' WHERE id = '%1'"_s.arg(id));
        };
        const auto status = [this, id] {
            return scalar(u"SELECT status FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                    .toString();
        };
        const auto snapshotsToday = [this, id] {
            return scalar(u"SELECT count(*) FROM account_metrics WHERE account_id = '%1' "
                          "AND day = (now() AT TIME ZONE 'UTC')::date"_s.arg(id))
                    .toInt();
        };
        // The platform ends the access token early (401): one renewal, then the sync succeeds.
        QVERIFY(dueForSync());
        control({{u"revokeAccess"_s, QJsonArray{u"youtube"_s}}});
        const int before = refreshes();
        QVERIFY(runDueWork(*m_server));
        QCOMPARE(refreshes(), before + 1);
        QCOMPARE(status(), u"connected"_s);
        QCOMPARE(snapshotsToday(), 1);

        // Ended again, and the renewal refused too: the creator must connect again.
        QVERIFY(dueForSync());
        control({{u"revokeAccess"_s, QJsonArray{u"youtube"_s}},
                {u"refuseRefresh"_s, QJsonObject{{u"youtube"_s, true}}}});
        QVERIFY(runDueWork(*m_server));
        control({{u"refuseRefresh"_s, QJsonObject{{u"youtube"_s, false}}}});
        QCOMPARE(refreshes(), before + 2); // one renewal per refused sync, no more
        QCOMPARE(status(), u"needs_reconnect"_s);
        QCOMPARE(snapshotsToday(), 0);

        const HttpReply again = connectAccount(u"youtube"_s, m_alice);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"id"_s).toString(), id);
        QCOMPARE(status(), u"connected"_s);
    }

    void keyRotation()
    {
        // A second server with a new first key and the old one kept: it reads what the first
        // wrote, and writes with the new key.
        const QString rotated = keySpec(u"k2"_s, kNewKey) + u","_s + keySpec(u"k1"_s, kOldKey);
        TestServer::Options options;
        options.databaseUrl = m_server->databaseUrl();
        options.configure = [this, rotated](server::Config &config) {
            configure(config, rotated);
        };
        TestServer second(options);
        QVERIFY2(second.isRunning(), qPrintable(second.error()));
        const QString id = accountOf(u"youtube"_s, u"UCabcdefghijklmnopqrstuv"_s);
        QCOMPARE(scalar(u"SELECT key_id FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                         .toString(),
                u"k1"_s);
        QVERIFY(sql(u"UPDATE social_credentials SET expires_at = now() + interval '1 minute' "
                    "WHERE account_id = '%1'"_s.arg(id)));
        const int before = peerState().value(u"refreshes"_s).toObject().value(u"youtube"_s).toInt();
        QVERIFY(runDueWork(second));
        // The peer accepted the refresh token: the old key decrypted it.
        QCOMPARE(peerState().value(u"refreshes"_s).toObject().value(u"youtube"_s).toInt(),
                before + 1);
        QCOMPARE(scalar(u"SELECT status FROM connected_accounts WHERE id = '%1'"_s.arg(id))
                         .toString(),
                u"connected"_s);
        QCOMPARE(scalar(u"SELECT key_id FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                         .toString(),
                u"k2"_s);
        QVERIFY(storedAccessToken(id, keySpec(u"k2"_s, kNewKey)));
        QVERIFY(!storedAccessToken(id, keySpec(u"k1"_s, kOldKey)));
        // Bound to its row: another account's id does not open it.
        const QByteArray blob = scalar(
                u"SELECT access_token FROM social_credentials WHERE account_id = '%1'"_s.arg(id))
                                        .toByteArray();
        const auto cipher = server::crypto::TokenCipher::create({{u"k2"_s, kNewKey}});
        QVERIFY(cipher);
        QVERIFY(!cipher->open(
                {u"k2"_s, blob}, server::social::associatedData(QUuid::createUuid(), "access")));
        QVERIFY(cipher->open(
                {u"k2"_s, blob}, server::social::associatedData(QUuid::fromString(id), "access")));
    }

    void cipherRejectsBadKeys()
    {
        QVERIFY(!server::crypto::TokenCipher::parseKeys(u"nokey"_s));
        QVERIFY(!server::crypto::TokenCipher::create({{u"k"_s, QByteArray(16, 'x')}}));
        QVERIFY(!server::crypto::TokenCipher::create(
                {{u"k"_s, QByteArray(32, 'x')}, {u"k"_s, QByteArray(32, 'y')}}));
        const auto cipher = server::crypto::TokenCipher::create({{u"k"_s, QByteArray(32, 'x')}});
        QVERIFY(cipher);
        const auto a = cipher->seal("same token", "ad");
        const auto b = cipher->seal("same token", "ad");
        QVERIFY(a.blob.left(12) != b.blob.left(12)); // a fresh nonce each time
        QByteArray tampered = a.blob;
        tampered[20] = static_cast<char>(tampered[20] ^ 1);
        QVERIFY(!cipher->open({u"k"_s, tampered}, "ad"));
        QCOMPARE(*cipher->open(a, "ad"), QByteArray("same token"));
    }
};

QTEST_GUILESS_MAIN(TestApiSocial)
#include "tst_api_social.moc"
