// SPDX-License-Identifier: Apache-2.0
// Authentication building blocks against published test vectors and their rules: JWS HS256
// (RFC 7515 A.1), argon2id (RFC 9106 §5.3), access-token claim checks, refresh-token derivation,
// the password policy and client-address resolution.
#include "auth/PasswordHasher.h"
#include "common/AuthTypes.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/TokenService.h"
#include "core/http/ClientAddress.h"
#include "core/http/Request.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using namespace influence::server;
using namespace influence::server::auth;
using influence::server::crypto::TokenService;
using influence::server::http::ClientAddress;
namespace jwt = influence::server::crypto::jwt;

namespace {

const QByteArray kSecret = "0123456789abcdef0123456789abcdef-test-secret";

TokenService tokenService()
{
    return TokenService({kSecret, u"https://api.example.com"_s, u"influence-api"_s,
            std::chrono::seconds(600), std::chrono::seconds(30)});
}

QByteArray token(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key)
{
    const QByteArray input = crypto::base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact))
            + '.' + crypto::base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' + jwt::hs256Signature(input, key);
}

QJsonObject validClaims(const QDateTime &now)
{
    return {
            {u"iss"_s, u"https://api.example.com"_s},
            {u"aud"_s, u"influence-api"_s},
            {u"sub"_s, u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s},
            {u"sid"_s, u"2c5f39cb-3fb2-42e3-994f-1127e4ddb538"_s},
            {u"role"_s, u"brand"_s},
            {u"iat"_s, now.toSecsSinceEpoch()},
            {u"exp"_s, now.toSecsSinceEpoch() + 600},
    };
}

} // namespace

class TestAuthUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7515ExampleA1()
    {
        // RFC 7515 Appendix A.1: the JWS Signing Input and key from the RFC produce its signature.
        const QByteArray signingInput = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                                        ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6L"
                                        "y9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        bool ok = false;
        const QByteArray key = crypto::fromBase64Url("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-"
                                                     "1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
                &ok);
        QVERIFY(ok);
        QCOMPARE(jwt::hs256Signature(signingInput, key),
                QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        const QByteArray complete = signingInput + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        const auto payload = jwt::verifyHs256(complete, key);
        QVERIFY(payload);
        QCOMPARE(payload->value(u"iss"_s).toString(), u"joe"_s);
        QCOMPARE(payload->value(u"http://example.com/is_root"_s).toBool(), true);
    }

    void rfc4231HmacVectors()
    {
        // RFC 4231 test cases 2 (short key) and 6 (a key longer than SHA-256's block).
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(crypto::hmacSha256(QByteArray(131, '\xaa'),
                         "Test Using Larger Than Block-Size Key - Hash Key First")
                         .toHex(),
                QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    void rfc9106Argon2idVector()
    {
        // RFC 9106 §5.3: Argon2id, v=0x13, t=3, m=32 KiB, p=4, with secret and associated data.
        const auto tag = PasswordHasher::rawArgon2id(QByteArray(32, '\x01'), QByteArray(16, '\x02'),
                QByteArray(8, '\x03'), QByteArray(12, '\x04'), Argon2Parameters{32, 3, 4}, 32);
        QVERIFY(tag);
        QCOMPARE(tag->toHex(' '),
                QByteArray("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9 d0 1e f0 45 2d 75 b6 "
                           "5e b5 25 20 e9 6b 01 e6 59"));
    }

    void passwordHashing()
    {
        const PasswordHasher hasher;
        const QString hash = hasher.hash(u"correct horse battery staple"_s);
        QVERIFY(hash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s));
        QVERIFY(hasher.verify(u"correct horse battery staple"_s, hash));
        QVERIFY(!hasher.verify(u"correct horse battery stapl"_s, hash));
        QVERIFY(!hasher.verify(u"correct horse battery staple"_s, u"$2y$10$notargon"_s));
        QVERIFY(!hasher.verify(u"x"_s, QString()));
        QVERIFY(hash != hasher.hash(u"correct horse battery staple"_s)); // salted
        QVERIFY(!hasher.needsRehash(hash));
        // Parameters went up: hashes made before need replacing.
        const PasswordHasher weaker(Argon2Parameters{8192, 1, 1});
        const QString old = weaker.hash(u"pw-pw-pw-pw"_s);
        QVERIFY(hasher.verify(u"pw-pw-pw-pw"_s, old));
        QVERIFY(hasher.needsRehash(old));
        QVERIFY(hasher.needsRehash(u"garbage"_s));
        // Non-ASCII passwords are hashed as UTF-8, unaltered (no trimming).
        const QString spaced = u" pässwörd 🔑 "_s;
        const QString spacedHash = hasher.hash(spaced);
        QVERIFY(hasher.verify(spaced, spacedHash));
        QVERIFY(!hasher.verify(spaced.trimmed(), spacedHash));
    }

    void accessTokensRoundTrip()
    {
        const TokenService tokens = tokenService();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QUuid user = QUuid::createUuid();
        const QUuid session = QUuid::createUuid();
        const QByteArray jwt = tokens.issueAccessToken(user, session, common::UserRole::Admin, now);
        const auto claims = tokens.verifyAccessToken(jwt, now);
        QVERIFY(claims);
        QCOMPARE(claims->userId, user);
        QCOMPARE(claims->sessionId, session);
        QCOMPARE(claims->role, common::UserRole::Admin);
        // Expired after its lifetime plus the clock-skew allowance.
        QVERIFY(tokens.verifyAccessToken(jwt, now.addSecs(600 + 29)));
        QVERIFY(!tokens.verifyAccessToken(jwt, now.addSecs(600 + 31)));
    }

    void rejectedAccessTokens_data()
    {
        QTest::addColumn<QByteArray>("jwt");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject hs256{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
        const QJsonObject claims = validClaims(now);
        QTest::newRow("valid control") << QByteArray(); // filled below, must pass
        const QByteArray good = token(hs256, claims, kSecret);
        QTest::newRow("alg none") << QByteArray(crypto::base64Url(R"({"alg":"none","typ":"JWT"})")
                + '.' + good.split('.').at(1) + '.');
        QTest::newRow("alg none with signature") << token({{u"alg"_s, u"none"_s}}, claims, kSecret);
        QTest::newRow("HS512") << token({{u"alg"_s, u"HS512"_s}}, claims, kSecret);
        QTest::newRow("RS256 header") << token({{u"alg"_s, u"RS256"_s}}, claims, kSecret);
        QTest::newRow("lower-case alg") << token({{u"alg"_s, u"hs256"_s}}, claims, kSecret);
        QTest::newRow("crit header") << token(
                {{u"alg"_s, u"HS256"_s}, {u"crit"_s, QJsonArray{u"exp"_s}}}, claims, kSecret);
        QTest::newRow("wrong key") << token(hs256, claims, "another-secret-another-secret-another");
        QJsonObject expired = claims;
        expired[u"exp"_s] = now.toSecsSinceEpoch() - 3600;
        QTest::newRow("expired") << token(hs256, expired, kSecret);
        QJsonObject noExp = claims;
        noExp.remove(u"exp"_s);
        QTest::newRow("no exp") << token(hs256, noExp, kSecret);
        // Found by fuzz_jose: converting such an exp to seconds was undefined behaviour.
        QJsonObject hugeExp = claims;
        hugeExp[u"exp"_s] = 1e300;
        QTest::newRow("exp beyond qint64") << token(hs256, hugeExp, kSecret);
        QJsonObject hugeNbf = claims;
        hugeNbf[u"nbf"_s] = -1e300;
        QTest::newRow("nbf beyond qint64") << token(hs256, hugeNbf, kSecret);
        QJsonObject issuer = claims;
        issuer[u"iss"_s] = u"https://evil.example.com"_s;
        QTest::newRow("wrong issuer") << token(hs256, issuer, kSecret);
        QJsonObject audience = claims;
        audience[u"aud"_s] = u"another-api"_s;
        QTest::newRow("wrong audience") << token(hs256, audience, kSecret);
        QJsonObject notYet = claims;
        notYet[u"nbf"_s] = now.toSecsSinceEpoch() + 3600;
        QTest::newRow("not yet valid") << token(hs256, notYet, kSecret);
        QJsonObject noSession = claims;
        noSession.remove(u"sid"_s);
        QTest::newRow("no session") << token(hs256, noSession, kSecret);
        QJsonObject badRole = claims;
        badRole[u"role"_s] = u"root"_s;
        QTest::newRow("unknown role") << token(hs256, badRole, kSecret);
        QByteArray tampered = good;
        QList<QByteArray> parts = tampered.split('.');
        QJsonObject elevated = claims;
        elevated[u"role"_s] = u"admin"_s;
        parts[1] = crypto::base64Url(QJsonDocument(elevated).toJson(QJsonDocument::Compact));
        QTest::newRow("tampered payload") << parts.join('.');
        QTest::newRow("truncated") << good.left(good.size() - 5);
        QTest::newRow("two parts") << good.left(good.lastIndexOf('.'));
        QTest::newRow("four parts") << good + ".extra";
        QTest::newRow("padding") << good + "=";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("refresh token") << tokenService().newRefreshToken();
        QTest::newRow("huge") << QByteArray(20000, 'a');
    }
    void rejectedAccessTokens()
    {
        QFETCH(QByteArray, jwt);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TokenService tokens = tokenService();
        if (QByteArray(QTest::currentDataTag()) == "valid control") {
            QVERIFY(tokens.verifyAccessToken(
                    token({{u"alg"_s, u"HS256"_s}}, validClaims(now), kSecret), now));
            return;
        }
        const auto claims = tokens.verifyAccessToken(jwt, now);
        QVERIFY(!claims);
        QCOMPARE(claims.error().code, common::ErrorCode::Unauthorized);
    }

    void refreshTokens()
    {
        const TokenService tokens = tokenService();
        const QByteArray a = tokens.newRefreshToken();
        const QByteArray b = tokens.newRefreshToken();
        QVERIFY(a != b);
        QCOMPARE(a.size(), 43); // 32 bytes, base64url without padding
        const QUuid parent = QUuid::createUuid();
        QCOMPARE(tokens.successorRefreshToken(parent), tokens.successorRefreshToken(parent));
        QVERIFY(tokens.successorRefreshToken(parent)
                != tokens.successorRefreshToken(QUuid::createUuid()));
        const TokenService other({"a-completely-different-secret-of-32b", u"i"_s, u"a"_s,
                std::chrono::seconds(600), std::chrono::seconds(30)});
        QVERIFY(other.successorRefreshToken(parent) != tokens.successorRefreshToken(parent));
        QCOMPARE(TokenService::hashRefreshToken(a).size(), 32);
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("code");
        QTest::newRow("ok") << u"plum-tree-harbour"_s << QString();
        QTest::newRow("too short") << u"abc1234"_s << u"too_short"_s;
        // 8 code points, but 16 UTF-16 units: emoji count as one character each.
        QTest::newRow("eight emoji") << u"🔑🔑🔑🔑🔑🔑🔑🔑"_s << QString();
        QTest::newRow("seven emoji") << u"🔑🔑🔑🔑🔑🔑🔑"_s << u"too_short"_s;
        QTest::newRow("spaces count") << u"        "_s << QString();
        QTest::newRow("128") << QString(128, u'x') << QString();
        QTest::newRow("129") << QString(129, u'x') << u"too_long"_s;
        QTest::newRow("common") << u"password123"_s << u"too_common"_s;
        QTest::newRow("common any case") << u"PassWord123"_s << u"too_common"_s;
    }
    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(QString, code);
        const auto problems = common::passwordProblems(password);
        if (code.isEmpty()) {
            QVERIFY(problems.isEmpty());
        } else {
            QCOMPARE(problems.size(), 1);
            QCOMPARE(problems.first().code, code);
            QCOMPARE(problems.first().field, u"password"_s);
        }
    }

    void clientAddress_data()
    {
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QStringList>("forwardedFor");
        QTest::addColumn<QString>("client");
        QTest::newRow("no proxies: header ignored")
                << QStringList() << u"198.51.100.7"_s << QStringList{u"203.0.113.9"_s}
                << u"198.51.100.7"_s;
        QTest::newRow("untrusted peer") << QStringList{u"10.0.0.0/8"_s} << u"198.51.100.7"_s
                                        << QStringList{u"203.0.113.9"_s} << u"198.51.100.7"_s;
        QTest::newRow("trusted proxy") << QStringList{u"127.0.0.1"_s} << u"127.0.0.1"_s
                                       << QStringList{u"203.0.113.9"_s} << u"203.0.113.9"_s;
        QTest::newRow("spoofed left part")
                << QStringList{u"127.0.0.1"_s} << u"127.0.0.1"_s
                << QStringList{u"1.2.3.4, 203.0.113.9"_s} << u"203.0.113.9"_s;
        QTest::newRow("proxy chain")
                << QStringList{u"127.0.0.1"_s, u"10.0.0.0/8"_s} << u"127.0.0.1"_s
                << QStringList{u"203.0.113.9, 10.1.2.3"_s} << u"203.0.113.9"_s;
        QTest::newRow("several headers")
                << QStringList{u"127.0.0.1"_s} << u"127.0.0.1"_s
                << QStringList{u"1.2.3.4"_s, u"203.0.113.9"_s} << u"203.0.113.9"_s;
        QTest::newRow("garbage") << QStringList{u"127.0.0.1"_s} << u"127.0.0.1"_s
                                 << QStringList{u"not-an-address"_s} << u"127.0.0.1"_s;
        QTest::newRow("mapped IPv4 peer")
                << QStringList() << u"::ffff:192.0.2.1"_s << QStringList() << u"192.0.2.1"_s;
        // Found by fuzz_client_address: a dual-stack proxy writes IPv4 hops in mapped form.
        QTest::newRow("mapped IPv4 hops")
                << QStringList{u"127.0.0.1"_s, u"10.0.0.0/8"_s} << u"127.0.0.1"_s
                << QStringList{u"::ffff:203.0.113.9, ::ffff:10.1.2.3"_s} << u"203.0.113.9"_s;
    }
    void clientAddress()
    {
        QFETCH(QStringList, trusted);
        QFETCH(QString, peer);
        QFETCH(QStringList, forwardedFor);
        QFETCH(QString, client);
        http::Request request;
        request.peer = QHostAddress(peer);
        for (const QString &value : forwardedFor) {
            request.headers.append({"x-forwarded-for", value.toLatin1()});
        }
        QCOMPARE(ClientAddress(trusted).of(request), QHostAddress(client));
    }

    void base64Url()
    {
        QCOMPARE(crypto::base64Url(QByteArray("\xfb\xff", 2)), QByteArray("-_8"));
        bool ok = false;
        QCOMPARE(crypto::fromBase64Url("-_8", &ok), QByteArray("\xfb\xff", 2));
        QVERIFY(ok);
        crypto::fromBase64Url("-_8=", &ok);
        QVERIFY(!ok);
        crypto::fromBase64Url("a+b/", &ok);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestAuthUnits)
#include "tst_auth_units.moc"
