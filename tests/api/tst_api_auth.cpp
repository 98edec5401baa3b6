// SPDX-License-Identifier: Apache-2.0
// Accounts and sign-in over HTTP against PostgreSQL: registration, login, sessions, refresh-token
// rotation and replay, forged tokens, password change and reset, e-mail verification through a
// real SMTP server over STARTTLS, throttling, administrators disabling accounts.
#include "HttpTestClient.h"
#include "SmtpTestServer.h"
#include "TestServer.h"
#include "auth/PasswordHasher.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/TokenService.h"
#include "core/db/Connection.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::SmtpTestServer;
using influence::tests::TestServer;
namespace crypto = influence::server::crypto;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

const QString kPassword = u"correct horse battery"_s;
const QByteArray kSecret = "tests-sign-with-this-32-byte-key!!";
const QString kSmtpUser = u"mailer"_s;
const QString kSmtpPassword = u"s3cret-mail"_s;

Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toLatin1()}};
}

QString problemCode(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

/// The e-mail token in a link of the form …#token=XYZ.
QString tokenInMail(const QString &body)
{
    static const QRegularExpression link(u"#token=([A-Za-z0-9_-]+)"_s);
    return link.match(body).captured(1);
}

QString uniqueEmail(const QString &tag)
{
    static int counter = 0;
    return u"%1-%2@example.com"_s.arg(tag).arg(++counter);
}

double medianMs(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return static_cast<double>(values.at(values.size() / 2));
}

} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certificateDir;
    tests::TestCertificate m_certificate;
    std::unique_ptr<SmtpTestServer> m_smtp;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;

    HttpReply registerUser(const QString &email, const QString &password = kPassword,
            const QString &role = u"influencer"_s)
    {
        return m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, password}, {u"role"_s, role}});
    }

    HttpReply login(
            const QString &email, const QString &password = kPassword, const Headers &headers = {})
    {
        return m_client->postJson(
                u"/api/v1/auth/login"_s, {{u"email"_s, email}, {u"password"_s, password}}, headers);
    }

    HttpReply refresh(const QString &token)
    {
        return m_client->postJson(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, token}});
    }

    HttpReply me(const QString &accessToken)
    {
        return m_client->get(u"/api/v1/me"_s, bearer(accessToken));
    }

    /// Registers and returns the tokens (fails the test otherwise).
    QJsonObject signedUp(const QString &email, const QString &role = u"influencer"_s)
    {
        const HttpReply reply = registerUser(email, kPassword, role);
        if (reply.status != 201) {
            qWarning("register %s: %d %s", qPrintable(email), reply.status, reply.body.constData());
        }
        return reply.json();
    }

    QVariant scalar(const QString &sql, server::db::Connection::Binds binds = {})
    {
        const server::db::SqlStatement statement(sql);
        const auto value = m_db->scalar(statement, binds);
        return value ? *value : QVariant();
    }

    /// Waits for the next message to `to` and removes it from the server's inbox.
    std::optional<SmtpTestServer::Message> takeMail(const QString &to, int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            for (qsizetype i = 0; i < m_smtp->messages.size(); ++i) {
                if (m_smtp->messages.at(i).to.contains(to)) {
                    return m_smtp->messages.takeAt(i);
                }
            }
            QTest::qWait(20);
        }
        return std::nullopt;
    }

    QString accessTokenWith(
            QJsonObject claims, const QByteArray &alg = "HS256", const QByteArray &key = kSecret)
    {
        const QByteArray header = crypto::base64Url(QJsonDocument(
                QJsonObject{{u"alg"_s, QString::fromLatin1(alg)},
                        {u"typ"_s, u"JWT"_s}}).toJson(QJsonDocument::Compact));
        const QByteArray payload =
                crypto::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const QByteArray input = header + '.' + payload;
        QByteArray signature;
        if (alg == "HS256") {
            signature = crypto::base64Url(crypto::hmacSha256(key, input));
        }
        return QString::fromLatin1(input + '.' + signature);
    }

    /// The claims of a real access token (decoded, not verified).
    static QJsonObject claimsOf(const QString &token)
    {
        const QList<QByteArray> parts = token.toLatin1().split('.');
        return QJsonDocument::fromJson(crypto::fromBase64Url(parts.value(1))).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_certificateDir.isValid());
        m_certificate = tests::TestCertificate::generate(m_certificateDir.path());
        QVERIFY(!m_certificate.certificate.isNull());
        m_smtp = std::make_unique<SmtpTestServer>(&m_certificate, kSmtpUser, kSmtpPassword);
        QVERIFY(m_smtp->start());

        TestServer::Options options;
        const quint16 smtpPort = m_smtp->serverPort();
        const QString caFile = m_certificate.pemFile;
        options.configure = [smtpPort, caFile](server::Config &config) {
            config.tokens.secret = kSecret;
            config.auth.mail.appUrl = u"https://app.example.com"_s;
            config.mail.smtpUrl =
                    u"smtp://%1:%2@localhost:%3"_s.arg(kSmtpUser, kSmtpPassword).arg(smtpPort);
            config.mail.caFile = caFile;
            // The test client is a "proxy": X-Forwarded-For names the client.
            config.http.trustedProxies = {u"127.0.0.1"_s};
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());

        m_db = m_server->connect(u"auth-test"_s);
        QVERIFY(m_db);
        QVERIFY(m_db->ensureOpen());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
        m_smtp.reset();
    }

    void registerSignInAndMe()
    {
        const QString email = uniqueEmail(u"Alice"_s);
        const HttpReply created = registerUser(email, kPassword, u"brand"_s);
        QCOMPARE(created.status, 201);
        const QJsonObject tokens = created.json();
        QVERIFY(!tokens.value(u"accessToken"_s).toString().isEmpty());
        QVERIFY(!tokens.value(u"refreshToken"_s).toString().isEmpty());
        QCOMPARE(tokens.value(u"tokenType"_s).toString(), u"Bearer"_s);
        QCOMPARE(tokens.value(u"expiresIn"_s).toInt(), 600);
        const QJsonObject user = tokens.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"email"_s).toString(), email);
        QCOMPARE(user.value(u"role"_s).toString(), u"brand"_s);
        QCOMPARE(user.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(user.value(u"emailVerified"_s).toBool(), false);
        QVERIFY(!user.contains(u"passwordHash"_s));

        // The access token carries what the API documents.
        const QJsonObject claims = claimsOf(tokens.value(u"accessToken"_s).toString());
        QCOMPARE(claims.value(u"sub"_s).toString(), user.value(u"id"_s).toString());
        QCOMPARE(claims.value(u"role"_s).toString(), u"brand"_s);
        QCOMPARE(claims.value(u"aud"_s).toString(), u"influence-api"_s);
        QVERIFY(!claims.value(u"sid"_s).toString().isEmpty());
        QVERIFY(claims.value(u"exp"_s).toInteger() > QDateTime::currentSecsSinceEpoch());

        const HttpReply profile = me(tokens.value(u"accessToken"_s).toString());
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.json(), user);

        // The address is case-insensitive at sign-in.
        const HttpReply signedIn = login(email.toUpper());
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(signedIn.json().value(u"user"_s).toObject().value(u"id"_s), user.value(u"id"_s));
        QVERIFY(signedIn.json().value(u"refreshToken"_s) != tokens.value(u"refreshToken"_s));

        // The stored hash is argon2id with the documented parameters, never the password.
        const QString hash = scalar(u"SELECT password_hash FROM users WHERE id = :id"_s,
                {{u":id"_s, user.value(u"id"_s).toString()}})
                                     .toString();
        QVERIFY2(hash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(hash));
        QVERIFY(!hash.contains(kPassword));
    }

    void registrationIsValidated_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no email") << QByteArray(R"({"password":"correct horse battery"})")
                                  << u"email"_s;
        QTest::newRow("bad email")
                << QByteArray(R"({"email":"not-an-address","password":"correct horse battery"})")
                << u"email"_s;
        QTest::newRow("short password")
                << QByteArray(R"({"email":"x1@example.com","password":"Ab1!xyz"})")
                << u"password"_s;
        QTest::newRow("long password")
                << (R"({"email":"x2@example.com","password":")" + QByteArray(129, 'k') + R"("})")
                << u"password"_s;
        QTest::newRow("common password")
                << QByteArray(R"({"email":"x3@example.com","password":"password123"})")
                << u"password"_s;
        QTest::newRow("admin role") << QByteArray(
                R"({"email":"x4@example.com","password":"correct horse battery","role":"admin"})")
                                    << u"role"_s;
        QTest::newRow("unknown role") << QByteArray(
                R"({"email":"x5@example.com","password":"correct horse battery","role":"owner"})")
                                      << u"role"_s;
        QTest::newRow("number as email")
                << QByteArray(R"({"email":42,"password":"correct horse battery"})") << u"email"_s;
    }
    void registrationIsValidated()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const qint64 before = scalar(u"SELECT count(*) FROM users"_s).toLongLong();
        const HttpReply reply = m_client->send(
                "POST", u"/api/v1/auth/register"_s, body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(problemCode(reply), u"validation_failed"_s);
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QVERIFY2(std::any_of(errors.begin(), errors.end(),
                         [&](const QJsonValue &e) {
                             return e.toObject().value(u"field"_s).toString() == field;
                         }),
                reply.body.constData());
        QCOMPARE(scalar(u"SELECT count(*) FROM users"_s).toLongLong(), before);
    }

    void registrationIgnoresFieldsItDoesNotOwn()
    {
        // Mass assignment: only email, password, role and displayName are read.
        const QString email = uniqueEmail(u"mass"_s);
        const QString forcedId = u"00000000-0000-4000-8000-000000000001"_s;
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, kPassword}, {u"id"_s, forcedId},
                        {u"emailVerified"_s, true}, {u"status"_s, u"disabled"_s},
                        {u"passwordHash"_s, u"$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA"_s}});
        QCOMPARE(reply.status, 201);
        const QJsonObject user = reply.json().value(u"user"_s).toObject();
        QVERIFY(user.value(u"id"_s).toString() != forcedId);
        QCOMPARE(user.value(u"emailVerified"_s).toBool(), false);
        QCOMPARE(user.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(user.value(u"role"_s).toString(), u"influencer"_s);
        QCOMPARE(login(email).status, 200);
    }

    void duplicateAddressesAreRefusedWhateverTheCase()
    {
        const QString email = uniqueEmail(u"dup"_s);
        QCOMPARE(registerUser(email).status, 201);
        const HttpReply again = registerUser(email.toUpper(), u"another good passphrase"_s);
        QCOMPARE(again.status, 409);
        QCOMPARE(problemCode(again), u"email_taken"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM users WHERE lower(email) = lower(:e)"_s,
                         {{u":e"_s, email}})
                         .toInt(),
                1);
    }

    void wrongPasswordAndUnknownAddressLookAlike()
    {
        const QString email = uniqueEmail(u"enum"_s);
        QCOMPARE(registerUser(email).status, 201);
        QList<qint64> unknownMs;
        QList<qint64> wrongMs;
        HttpReply unknown;
        HttpReply wrong;
        for (int i = 0; i < 4; ++i) {
            // Different addresses each time, so that the lockout is not what is measured.
            const QString other = uniqueEmail(u"nobody"_s);
            QElapsedTimer timer;
            timer.start();
            unknown = login(other, u"wrong password %1"_s.arg(i));
            unknownMs.append(timer.restart());
            wrong = login(email, u"wrong password %1"_s.arg(i));
            wrongMs.append(timer.elapsed());
        }
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(problemCode(unknown), u"invalid_credentials"_s);
        QCOMPARE(unknown.json().value(u"detail"_s), wrong.json().value(u"detail"_s));
        QCOMPARE(unknown.json().value(u"title"_s), wrong.json().value(u"title"_s));
        // An unknown address costs a password hash too: without it, it would answer in a few
        // milliseconds against tens for a real account. A security property, not a speed target:
        // the bound is loose enough for a noisy machine.
        qInfo("median login time: unknown address %.0f ms, wrong password %.0f ms",
                medianMs(unknownMs), medianMs(wrongMs));
        QVERIFY2(medianMs(unknownMs) > 0.4 * medianMs(wrongMs), "unknown addresses answer faster");
        (void)login(email); // clears the failures
    }

    void refreshRotatesAndReplayEndsTheSession()
    {
        const QJsonObject first = signedUp(uniqueEmail(u"rotate"_s));
        const QString tokenA = first.value(u"refreshToken"_s).toString();
        const HttpReply second = refresh(tokenA);
        QCOMPARE(second.status, 200);
        const QString tokenB = second.json().value(u"refreshToken"_s).toString();
        QVERIFY(tokenB != tokenA);
        QCOMPARE(second.json().value(u"user"_s), first.value(u"user"_s));
        QCOMPARE(claimsOf(second.json().value(u"accessToken"_s).toString()).value(u"sid"_s),
                claimsOf(first.value(u"accessToken"_s).toString()).value(u"sid"_s));
        const HttpReply third = refresh(tokenB);
        QCOMPARE(third.status, 200);
        const QString tokenC = third.json().value(u"refreshToken"_s).toString();
        const QString access = third.json().value(u"accessToken"_s).toString();
        QCOMPARE(me(access).status, 200);

        // A (whose successor B is used) comes back: stolen. The whole session ends.
        const HttpReply replay = refresh(tokenA);
        QCOMPARE(replay.status, 401);
        QCOMPARE(problemCode(replay), u"invalid_refresh_token"_s);
        QCOMPARE(refresh(tokenC).status, 401);
        QCOMPARE(me(access).status, 401);
        QCOMPARE(scalar(u"SELECT revoked_reason FROM auth_sessions WHERE id = :id"_s,
                         {{u":id"_s, claimsOf(access).value(u"sid"_s).toString()}})
                         .toString(),
                u"reuse_detected"_s);
    }

    void concurrentRefreshesGetTheSameToken()
    {
        const QJsonObject first = signedUp(uniqueEmail(u"race"_s));
        const QByteArray body =
                QJsonDocument(QJsonObject{{u"refreshToken"_s, first.value(u"refreshToken"_s)}})
                        .toJson(QJsonDocument::Compact);
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 10; ++i) {
            QNetworkRequest request(m_server->url().resolved(QUrl(u"/api/v1/auth/refresh"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            replies.append(network.post(request, body));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(),
                                         [](QNetworkReply *r) {
                                             return r->isFinished();
                                         }),
                30'000);
        QSet<QString> tokens;
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            tokens.insert(QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(u"refreshToken"_s)
                                  .toString());
            reply->deleteLater();
        }
        QCOMPARE(tokens.size(), 1);
        const QString next = *tokens.begin();
        QVERIFY(!next.isEmpty());
        const HttpReply after = refresh(next);
        QCOMPARE(after.status, 200);
        // One successor was stored, not ten.
        QCOMPARE(scalar(u"SELECT count(*) FROM auth_refresh_tokens WHERE session_id = :sid"_s,
                         {{u":sid"_s,
                                 claimsOf(first.value(u"accessToken"_s).toString())
                                         .value(u"sid"_s)
                                         .toString()}})
                         .toInt(),
                3);
    }

    void forgedAndMisusedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("alg none") << u"none"_s;
        QTest::newRow("HS512") << u"hs512"_s;
        QTest::newRow("wrong key") << u"key"_s;
        QTest::newRow("tampered role") << u"tampered"_s;
        QTest::newRow("expired") << u"expired"_s;
        QTest::newRow("not yet valid") << u"nbf"_s;
        QTest::newRow("other audience") << u"aud"_s;
        QTest::newRow("other issuer") << u"iss"_s;
        QTest::newRow("unknown session") << u"session"_s;
        QTest::newRow("refresh token as access token") << u"refresh"_s;
        QTest::newRow("garbage") << u"garbage"_s;
        QTest::newRow("basic scheme") << u"basic"_s;
    }
    void forgedAndMisusedTokensAreRefused()
    {
        QFETCH(QString, kind);
        static QJsonObject tokens;
        if (tokens.isEmpty()) {
            tokens = signedUp(uniqueEmail(u"forge"_s));
        }
        const QString access = tokens.value(u"accessToken"_s).toString();
        QJsonObject claims = claimsOf(access);
        QCOMPARE(me(access).status, 200); // the genuine token works, so the forgeries are the cause
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        Headers headers;
        QString token;
        if (kind == u"none"_s) {
            token = accessTokenWith(claims, "none");
        } else if (kind == u"hs512"_s) {
            token = accessTokenWith(claims, "HS512");
            token = token.left(token.lastIndexOf(u'.') + 1)
                    + QString::fromLatin1(crypto::base64Url(crypto::hmacSha256(kSecret, "x")));
        } else if (kind == u"key"_s) {
            token = accessTokenWith(claims, "HS256", "another-key-of-the-same-length!!!!");
        } else if (kind == u"tampered"_s) {
            const QList<QString> parts = access.split(u'.');
            claims.insert(u"role"_s, u"admin"_s);
            token = parts.at(0) + u'.'
                    + QString::fromLatin1(
                            crypto::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)))
                    + u'.' + parts.at(2);
        } else if (kind == u"expired"_s) {
            claims.insert(u"exp"_s, now - 120);
            token = accessTokenWith(claims);
        } else if (kind == u"nbf"_s) {
            claims.insert(u"nbf"_s, now + 3600);
            token = accessTokenWith(claims);
        } else if (kind == u"aud"_s) {
            claims.insert(u"aud"_s, u"some-other-api"_s);
            token = accessTokenWith(claims);
        } else if (kind == u"iss"_s) {
            claims.insert(u"iss"_s, u"https://evil.example.com"_s);
            token = accessTokenWith(claims);
        } else if (kind == u"session"_s) {
            claims.insert(u"sid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
            token = accessTokenWith(claims);
        } else if (kind == u"refresh"_s) {
            token = tokens.value(u"refreshToken"_s).toString();
        } else if (kind == u"garbage"_s) {
            token = u"a.b.c"_s;
        }
        if (kind == u"basic"_s) {
            headers = {{"Authorization", "Basic " + QByteArray("a:b").toBase64()}};
        } else {
            headers = bearer(token);
        }
        const HttpReply reply = m_client->get(u"/api/v1/me"_s, headers);
        QCOMPARE(reply.status, 401);
        QCOMPARE(problemCode(reply), u"unauthorized"_s);
        if (kind != u"basic"_s) {
            QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
        }
        // The token lets nobody become an administrator.
        const HttpReply admin = m_client->send("PATCH",
                u"/api/v1/users/%1"_s.arg(claims.value(u"sub"_s).toString()), R"({"role":"admin"})",
                Headers{{"Content-Type", "application/json"}} + headers);
        QVERIFY(admin.status == 401 || admin.status == 404);
        QCOMPARE(scalar(u"SELECT role FROM users WHERE id = :id"_s,
                         {{u":id"_s, claims.value(u"sub"_s).toString()}})
                         .toString(),
                u"influencer"_s);
    }

    void logoutEndsThisSessionOnly()
    {
        const QString email = uniqueEmail(u"logout"_s);
        const QJsonObject one = signedUp(email);
        const QJsonObject two = login(email).json();
        const HttpReply out = m_client->postJson(
                u"/api/v1/auth/logout"_s, {{u"refreshToken"_s, one.value(u"refreshToken"_s)}});
        QCOMPARE(out.status, 204);
        QCOMPARE(me(one.value(u"accessToken"_s).toString()).status, 401);
        QCOMPARE(refresh(one.value(u"refreshToken"_s).toString()).status, 401);
        QCOMPARE(me(two.value(u"accessToken"_s).toString()).status, 200);
        // Idempotent, and an unknown token reveals nothing.
        QCOMPARE(m_client->postJson(u"/api/v1/auth/logout"_s,
                                 {{u"refreshToken"_s, one.value(u"refreshToken"_s)}})
                         .status,
                204);
        QCOMPARE(m_client->postJson(u"/api/v1/auth/logout"_s,
                                 {{u"refreshToken"_s, u"bm90LWEtdG9rZW4tYXQtYWxsLXJlYWxseQ"_s}})
                         .status,
                204);
    }

    void logoutAllEndsEverySession()
    {
        const QString email = uniqueEmail(u"logoutall"_s);
        const QJsonObject one = signedUp(email);
        const QJsonObject two = login(email).json();
        QCOMPARE(m_client->send("POST", u"/api/v1/auth/logout-all"_s, {},
                                 bearer(one.value(u"accessToken"_s).toString()))
                         .status,
                204);
        QCOMPARE(me(one.value(u"accessToken"_s).toString()).status, 401);
        QCOMPARE(me(two.value(u"accessToken"_s).toString()).status, 401);
        QCOMPARE(refresh(two.value(u"refreshToken"_s).toString()).status, 401);
        QCOMPARE(login(email).status, 200);
    }

    void changePassword()
    {
        const QString email = uniqueEmail(u"change"_s);
        const QJsonObject current = signedUp(email);
        const QJsonObject other = login(email).json();
        const QString access = current.value(u"accessToken"_s).toString();
        const auto change = [&](const QString &from, const QString &to) {
            return m_client->postJson(u"/api/v1/me/password"_s,
                    {{u"currentPassword"_s, from}, {u"newPassword"_s, to}}, bearer(access));
        };
        const HttpReply wrong = change(u"not the password"_s, u"a brand new passphrase"_s);
        QCOMPARE(wrong.status, 403);
        QCOMPARE(problemCode(wrong), u"wrong_password"_s);
        QCOMPARE(change(kPassword, kPassword).status, 422);
        QCOMPARE(change(kPassword, u"qwerty123"_s).status, 422);
        QCOMPARE(me(other.value(u"accessToken"_s).toString()).status, 200);

        QCOMPARE(change(kPassword, u"a brand new passphrase"_s).status, 204);
        QCOMPARE(me(access).status, 200); // this session stays
        QCOMPARE(me(other.value(u"accessToken"_s).toString()).status, 401); // the others end
        QCOMPARE(login(email).status, 401);
        QCOMPARE(login(email, u"a brand new passphrase"_s).status, 200);
    }

    void verifyEmailThroughRealMail()
    {
        const QString email = uniqueEmail(u"verify"_s);
        const QJsonObject tokens = signedUp(email);
        const auto mail = takeMail(email);
        QVERIFY2(mail, "no verification e-mail arrived");
        QVERIFY(mail->overTls); // STARTTLS, with the certificate trusted through SMTP_CA_FILE
        QCOMPARE(mail->user, kSmtpUser);
        QCOMPARE(mail->header(u"Subject"_s), u"Confirm your e-mail address for Influence"_s);
        const QString body = mail->body();
        QVERIFY2(body.contains(u"https://app.example.com/verify-email#token="_s), qPrintable(body));
        const QString token = tokenInMail(body);
        QVERIFY(!token.isEmpty());

        const HttpReply bad = m_client->postJson(
                u"/api/v1/auth/email/verify"_s, {{u"token"_s, QString(token + u"x"_s)}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(problemCode(bad), u"invalid_or_expired_token"_s);
        QCOMPARE(m_client->postJson(u"/api/v1/auth/email/verify"_s, {{u"token"_s, token}}).status,
                204);
        QCOMPARE(me(tokens.value(u"accessToken"_s).toString())
                         .json()
                         .value(u"emailVerified"_s)
                         .toBool(),
                true);
        // Once only.
        QCOMPARE(m_client->postJson(u"/api/v1/auth/email/verify"_s, {{u"token"_s, token}}).status,
                400);
        // Nothing more to confirm: no new mail.
        QCOMPARE(m_client->send("POST", u"/api/v1/auth/email/resend"_s, {},
                                 bearer(tokens.value(u"accessToken"_s).toString()))
                         .status,
                202);
        QVERIFY(!takeMail(email, 1500));
    }

    void resendIsThrottledPerAccount()
    {
        const QString email = uniqueEmail(u"resend"_s);
        const QJsonObject tokens = signedUp(email);
        QVERIFY(takeMail(email));
        const HttpReply again = m_client->send("POST", u"/api/v1/auth/email/resend"_s, {},
                bearer(tokens.value(u"accessToken"_s).toString()));
        QCOMPARE(again.status, 429);
        QVERIFY(again.header("Retry-After").toInt() > 0);
    }

    void resetPasswordThroughRealMail()
    {
        const QString email = uniqueEmail(u"reset"_s);
        const QJsonObject tokens = signedUp(email);
        QVERIFY(takeMail(email)); // the verification mail
        const HttpReply known =
                m_client->postJson(u"/api/v1/auth/password/forgot"_s, {{u"email"_s, email}});
        const QString nobody = uniqueEmail(u"nobody"_s);
        const HttpReply unknown =
                m_client->postJson(u"/api/v1/auth/password/forgot"_s, {{u"email"_s, nobody}});
        QCOMPARE(known.status, 202);
        QCOMPARE(unknown.status, 202);
        QCOMPARE(known.body, unknown.body);
        const auto mail = takeMail(email);
        QVERIFY2(mail, "no reset e-mail arrived");
        QVERIFY(!takeMail(nobody, 1000));
        const QString token = tokenInMail(mail->body());
        QVERIFY(mail->body().contains(u"https://app.example.com/reset-password#token="_s));

        const auto reset = [&](const QString &t, const QString &password) {
            return m_client->postJson(u"/api/v1/auth/password/reset"_s,
                    {{u"token"_s, t}, {u"newPassword"_s, password}});
        };
        QCOMPARE(reset(token, u"123456789"_s).status, 422); // policy first; the token stays valid
        QCOMPARE(reset(token, u"my reset passphrase"_s).status, 204);
        QCOMPARE(me(tokens.value(u"accessToken"_s).toString()).status, 401); // every session ended
        QCOMPARE(login(email).status, 401);
        QCOMPARE(login(email, u"my reset passphrase"_s).status, 200);
        const HttpReply reused = reset(token, u"yet another passphrase"_s);
        QCOMPARE(reused.status, 400);
        QCOMPARE(problemCode(reused), u"invalid_or_expired_token"_s);
        QCOMPARE(login(email, u"my reset passphrase"_s).status, 200);
    }

    void repeatedFailuresLockTheAccountWhateverTheAddress()
    {
        const QString email = uniqueEmail(u"lock"_s);
        QCOMPARE(registerUser(email).status, 201);
        // An attacker rotating its apparent address (X-Forwarded-For from a trusted proxy).
        for (int i = 0; i < 5; ++i) {
            const Headers from{{"X-Forwarded-For", u"203.0.113.%1"_s.arg(i + 1).toLatin1()}};
            QCOMPARE(login(email, u"guess number %1"_s.arg(i), from).status, 401);
        }
        const HttpReply locked = login(email, kPassword, {{"X-Forwarded-For", "198.51.100.7"}});
        QCOMPARE(locked.status, 429);
        QCOMPARE(problemCode(locked), u"too_many_requests"_s);
        const int retryAfter = locked.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, locked.header("Retry-After").constData());
        // Other accounts are not affected.
        const QString bystander = uniqueEmail(u"bystander"_s);
        QCOMPARE(registerUser(bystander).status, 201);
        QCOMPARE(login(bystander).status, 200);
        // After the pause the right password works and clears the count.
        QTest::qWait(retryAfter * 1000 + 200);
        QCOMPARE(login(email).status, 200);
        QCOMPARE(scalar(u"SELECT count(*) FROM auth_login_failures WHERE email_key = lower(:e)"_s,
                         {{u":e"_s, email}})
                         .toInt(),
                0);
    }

    void perAddressRateLimit()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.auth.rateLimitPerMinute = 3;
        };
        TestServer limited(options);
        QVERIFY2(limited.isRunning(), qPrintable(limited.error()));
        HttpTestClient client(limited.url());
        for (int i = 0; i < 3; ++i) {
            const HttpReply reply = client.postJson(u"/api/v1/auth/login"_s,
                    {{u"email"_s, u"someone@example.com"_s}, {u"password"_s, u"whatever it is"_s}});
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.header("RateLimit-Policy"), QByteArray("3;w=60"));
            QVERIFY2(reply.header("RateLimit")
                             .startsWith(
                                     QByteArray("limit=3, remaining=" + QByteArray::number(2 - i))),
                    reply.header("RateLimit").constData());
        }
        const HttpReply refused = client.postJson(u"/api/v1/auth/login"_s,
                {{u"email"_s, u"someone@example.com"_s}, {u"password"_s, u"whatever it is"_s}});
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        QVERIFY(refused.header("RateLimit").contains("remaining=0"));
        // X-Forwarded-For from an untrusted peer changes nothing.
        QCOMPARE(client.postJson(u"/api/v1/auth/login"_s,
                               {{u"email"_s, u"someone@example.com"_s},
                                       {u"password"_s, u"whatever it is"_s}},
                               {{"X-Forwarded-For", "192.0.2.99"}})
                         .status,
                429);
    }

    void administratorsDisableAccountsAtOnce()
    {
        const QString adminEmail = uniqueEmail(u"admin"_s);
        const QJsonObject adminSignup = signedUp(adminEmail);
        const QString adminId = adminSignup.value(u"user"_s).toObject().value(u"id"_s).toString();
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE id = '%1'"_s.arg(adminId)));
        const QString admin = login(adminEmail).json().value(u"accessToken"_s).toString();
        QCOMPARE(claimsOf(admin).value(u"role"_s).toString(), u"admin"_s);

        const QString email = uniqueEmail(u"victim"_s);
        const QJsonObject victim = signedUp(email);
        const QString victimId = victim.value(u"user"_s).toObject().value(u"id"_s).toString();
        const QString victimAccess = victim.value(u"accessToken"_s).toString();
        const auto patch = [&](const QString &id, const QByteArray &body, const QString &as) {
            return m_client->send("PATCH", u"/api/v1/users/%1"_s.arg(id), body,
                    Headers{{"Content-Type", "application/json"}} + bearer(as));
        };
        // Not an administrator: the route answers as if the user did not exist.
        QCOMPARE(patch(adminId, R"({"status":"disabled"})", victimAccess).status, 404);
        QCOMPARE(patch(victimId, R"({"status":"paused"})", admin).status, 422);
        QCOMPARE(patch(QUuid::createUuid().toString(QUuid::WithoutBraces),
                         R"({"status":"disabled"})", admin)
                         .status,
                404);

        // Administrators cannot lock themselves out.
        const HttpReply self = patch(adminId, R"({"status":"disabled"})", admin);
        QCOMPARE(self.status, 409);
        QCOMPARE(problemCode(self), u"conflict"_s);

        const HttpReply disabled = patch(victimId, R"({"status":"disabled"})", admin);
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.json().value(u"status"_s).toString(), u"disabled"_s);
        QCOMPARE(me(victimAccess).status, 401); // at once, although the token has not expired
        QCOMPARE(refresh(victim.value(u"refreshToken"_s).toString()).status, 401);
        const HttpReply refused = login(email);
        QCOMPARE(refused.status, 403);
        QCOMPARE(problemCode(refused), u"account_disabled"_s);

        QCOMPARE(patch(victimId, R"({"status":"active","role":"brand"})", admin).status, 200);
        const HttpReply back = login(email);
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json().value(u"user"_s).toObject().value(u"role"_s).toString(), u"brand"_s);
    }

    void administratorsSearchTheUserDirectory()
    {
        const QString adminEmail = uniqueEmail(u"diradmin"_s);
        const QJsonObject adminSignup = signedUp(adminEmail);
        const QString adminId = adminSignup.value(u"user"_s).toObject().value(u"id"_s).toString();
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE id = '%1'"_s.arg(adminId)));
        const QString admin = login(adminEmail).json().value(u"accessToken"_s).toString();
        const QString someone =
                signedUp(uniqueEmail(u"dirnobody"_s)).value(u"accessToken"_s).toString();
        // Three accounts with a word of their own, a second apart, one of them disabled.
        QVERIFY(m_db->execDirect(
                u"INSERT INTO users (email, role, status, display_name, password_hash, created_at) "
                "VALUES ('quokka.one@example.com', 'influencer', 'active', 'Ann Quokka', 'secret', "
                "        now() - interval '3 seconds'), "
                "       ('two@example.com', 'brand', 'active', 'Bob QUOKKA', 'secret', "
                "        now() - interval '2 seconds'), "
                "       ('three@example.com', 'influencer', 'disabled', 'Quokka_Cat', 'secret', "
                "        now() - interval '1 second')"_s));
        const auto list = [this](const QString &query, const QString &as) {
            return m_client->get(u"/api/v1/users?"_s + query, bearer(as));
        };

        // Newest first, in pages; credentials never appear.
        const HttpReply first = list(u"q=quokka&limit=2"_s, admin);
        QCOMPARE(first.status, 200);
        const QJsonArray items = first.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(u"displayName"_s).toString(), u"Quokka_Cat"_s);
        QCOMPARE(items.at(1).toObject().value(u"email"_s).toString(), u"two@example.com"_s);
        QVERIFY(!first.body.contains("secret"));
        QVERIFY(!first.body.toLower().contains("password"));
        const QString cursor = first.json().value(u"nextCursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpReply second = list(u"q=quokka&limit=2&cursor="_s + cursor, admin);
        QCOMPARE(second.status, 200);
        const QJsonArray rest = second.json().value(u"items"_s).toArray();
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.at(0).toObject().value(u"email"_s).toString(), u"quokka.one@example.com"_s);
        QVERIFY(second.json().value(u"nextCursor"_s).isNull());

        // Case-insensitive, in e-mail addresses too; filters combine; wildcards are literal.
        QCOMPARE(list(u"q=QUOKKA.ONE"_s, admin).json().value(u"items"_s).toArray().size(), 1);
        const QJsonArray brands =
                list(u"q=quokka&role=brand"_s, admin).json().value(u"items"_s).toArray();
        QCOMPARE(brands.size(), 1);
        QCOMPARE(brands.at(0).toObject().value(u"role"_s).toString(), u"brand"_s);
        const QJsonArray disabled =
                list(u"q=quokka&status=disabled"_s, admin).json().value(u"items"_s).toArray();
        QCOMPARE(disabled.size(), 1);
        QCOMPARE(disabled.at(0).toObject().value(u"status"_s).toString(), u"disabled"_s);
        QCOMPARE(list(u"q=quokka%25cat"_s, admin).json().value(u"items"_s).toArray().size(), 0);
        QCOMPARE(list(u"q=quokka_cat"_s, admin).json().value(u"items"_s).toArray().size(), 1);
        QCOMPARE(list(u"q=quokka%5Fca"_s, admin).json().value(u"items"_s).toArray().size(), 1);

        // Malformed parameters name themselves.
        for (const QString &bad : {u"role=king"_s, u"status=paused"_s, u"limit=0"_s, u"limit=101"_s,
                     u"cursor=bm9wZQ"_s}) {
            const HttpReply reply = list(bad, admin);
            QCOMPARE(reply.status, 400);
            QCOMPARE(problemCode(reply), u"invalid_parameter"_s);
        }

        // Nobody else sees the directory, whatever they ask; without a token: 401.
        QCOMPARE(list(u"q=quokka"_s, someone).status, 404);
        QCOMPARE(list(u"role=king"_s, someone).status, 404);
        QCOMPARE(m_client->get(u"/api/v1/users"_s).status, 401);
    }

    void weakerHashesAreUpgradedAtSignIn()
    {
        const QString email = uniqueEmail(u"rehash"_s);
        const QJsonObject tokens = signedUp(email);
        const QString id = tokens.value(u"user"_s).toObject().value(u"id"_s).toString();
        server::auth::PasswordHasher weak(server::auth::Argon2Parameters{8192, 1, 1});
        const QString oldHash = weak.hash(kPassword);
        QVERIFY(oldHash.contains(u"m=8192,t=1,p=1"_s));
        QVERIFY(m_db->run(
                server::db::SqlStatement(u"UPDATE users SET password_hash = :h WHERE id = :id"_s),
                {{u":h"_s, oldHash}, {u":id"_s, id}}));
        QCOMPARE(login(email).status, 200);
        const QString newHash = scalar(u"SELECT password_hash FROM users WHERE id = :id"_s,
                {{u":id"_s, id}}).toString();
        QVERIFY2(newHash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(newHash));
        QCOMPARE(login(email).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
