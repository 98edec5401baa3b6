// SPDX-License-Identifier: Apache-2.0
// OpenID Connect sign-in over HTTP against PostgreSQL and real local OpenID providers run with
// Node from tests/peers/oidc: the certified oidc-provider package for the happy paths, and a
// jose-based provider of our own that forges ID tokens on request for the attacks. Also the
// JWS verification against the RFC 7515 examples.
#include "HttpTestClient.h"
#include "SmtpTestServer.h"
#include "TestServer.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "oidc/Jose.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;
namespace crypto = influence::server::crypto;
namespace jose = influence::server::oidc::jose;

namespace {

const QString kPeersDir = QStringLiteral(INFLUENCE_OIDC_PEERS_DIR);

// RFC 7515 Appendix A.2 (RS256) and A.3 (ES256): the published keys and signed examples.
const QJsonObject kRfcRsaKey{{u"kty"_s, u"RSA"_s},
        {u"n"_s,
                u"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-"
                u"4qPCJrcS2mJPMEzP1"
                "Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-"
                "bSf63kpaSH"
                "SXndS5z5rexMdbBYUsLA9e-KXBdQOS-"
                "UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_"
                "I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"_s},
        {u"e"_s, u"AQAB"_s}};
const QByteArray kRfcRs256 = "eyJhbGciOiJSUzI1NiJ9."
                             "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlL"
                             "mNvbS9pc19yb290Ijp0cnVlfQ."
                             "cC4hiUPoj9Eetdgtv3hF80EGrhuB__"
                             "dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5j"
                             "ujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_"
                             "nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L"
                             "07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-"
                             "eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEU"
                             "ipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
const QJsonObject kRfcEcKey{{u"kty"_s, u"EC"_s}, {u"crv"_s, u"P-256"_s},
        {u"x"_s, u"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"_s},
        {u"y"_s, u"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"_s}};
const QByteArray kRfcEs256 =
        "eyJhbGciOiJFUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cn"
        "VlfQ."
        "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString problemCode(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QString location(const HttpReply &reply)
{
    return QString::fromUtf8(reply.header("Location"));
}

/// The fragment of a URL as key/value pairs.
QUrlQuery fragmentOf(const QString &url)
{
    return QUrlQuery(QUrl(url).fragment(QUrl::FullyEncoded));
}

/// A Node process from tests/peers/oidc, killed when the object goes.
class NodePeer
{
public:
    NodePeer() = default;
    NodePeer(const NodePeer &) = delete;
    NodePeer &operator=(const NodePeer &) = delete;
    ~NodePeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    /// Starts `script` and waits until it prints "listening on"; false (with why()) otherwise.
    bool start(const QString &script, const QStringList &arguments)
    {
        if (!QFileInfo::exists(kPeersDir + u"/node_modules/oidc-provider"_s)) {
            m_why = u"run `npm ci` in "_s + kPeersDir + u" (scripts/test does)"_s;
            return false;
        }
        m_process.setWorkingDirectory(kPeersDir);
        m_process.start(u"node"_s, QStringList{script} + arguments);
        if (!m_process.waitForStarted(10'000)) {
            m_why = u"cannot start node: "_s + m_process.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30'000) {
            m_output += m_process.readAllStandardOutput();
            if (m_output.contains("listening on")) {
                return true;
            }
            if (m_process.state() == QProcess::NotRunning) {
                break;
            }
            m_process.waitForReadyRead(100);
        }
        m_why = u"%1 did not start: %2 %3"_s.arg(script, QString::fromUtf8(m_output),
                QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }

    QString why() const { return m_why; }

private:
    QProcess m_process;
    QByteArray m_output;
    QString m_why;
};

/// A browser as far as sign-in needs one: cookies, and redirects shown rather than followed.
class Browser
{
public:
    HttpReply get(const QUrl &url) { return run(m_network.get(request(url))); }

    HttpReply postForm(const QUrl &url, const QByteArray &form)
    {
        QNetworkRequest r = request(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
        return run(m_network.post(r, form));
    }

    HttpReply postJson(const QUrl &url, const QJsonObject &body)
    {
        QNetworkRequest r = request(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return run(m_network.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    void forgetCookies() { m_network.setCookieJar(new QNetworkCookieJar); }
    /// Trusts `ca` for https, besides the system's CAs.
    void trust(const QSslCertificate &ca)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificate(ca);
        m_tls = tls;
    }

private:
    QNetworkRequest request(const QUrl &url) const
    {
        QNetworkRequest r(url);
        if (m_tls && url.scheme() == u"https"_s) {
            r.setSslConfiguration(*m_tls);
        }
        r.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        r.setTransferTimeout(30'000);
        return r;
    }

    static HttpReply run(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(35'000);
        }
        HttpReply result;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            result.status = status.toInt();
            result.headers = reply->rawHeaderPairs();
            result.body = reply->readAll();
        } else {
            result.networkError = reply->errorString();
        }
        reply->deleteLater();
        return result;
    }

    QNetworkAccessManager m_network;
    std::optional<QSslConfiguration> m_tls;
};

/// One sign-in walked through: the start, the provider's pages, the callback.
struct SignIn
{
    HttpReply start;
    QUrl callbackUrl;
    HttpReply callback;
};

} // namespace

class TestApiOidc : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    tests::TestCertificate m_certificate;
    quint16 m_localPort = 0;
    quint16 m_forgePort = 0;
    quint16 m_postPort = 0;
    quint16 m_tlsPort = 0;
    QString m_localSecret;
    QString m_forgeSecret;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    std::unique_ptr<NodePeer> m_local;
    std::unique_ptr<NodePeer> m_forge;
    std::unique_ptr<NodePeer> m_post;
    std::unique_ptr<NodePeer> m_tls;
    Browser m_browser;
    int m_counter = 0;

    QString serverUrl() const { return m_server->app().url(); }
    QString callbackUri(const QString &provider) const
    {
        return serverUrl() + u"/api/v1/auth/oidc/"_s + provider + u"/callback"_s;
    }
    QUrl forgeControl(quint16 port) const
    {
        return QUrl(u"http://127.0.0.1:%1/_control"_s.arg(port));
    }

    QString unique(const QString &tag) { return u"%1-%2"_s.arg(tag).arg(++m_counter); }

    QVariant scalar(const QString &sql, server::db::Connection::Binds binds = {})
    {
        const server::db::SqlStatement statement(sql);
        const auto value = m_db->scalar(statement, binds);
        return value ? *value : QVariant();
    }
    qint64 count(const QString &sql, server::db::Connection::Binds binds = {})
    {
        return scalar(sql, binds).toLongLong();
    }

    /// Sets the forging provider's behaviour and the account it signs in.
    void forge(const QString &mode, const QString &subject = {}, const QString &email = {},
            bool emailVerified = true, quint16 port = 0)
    {
        QJsonObject update{{u"mode"_s, mode}};
        if (!subject.isEmpty()) {
            update.insert(u"account"_s,
                    QJsonObject{{u"sub"_s, subject}, {u"email"_s, email},
                            {u"email_verified"_s, emailVerified},
                            {u"name"_s, QString(u"Forge "_s + subject)}});
        }
        const HttpReply reply = m_browser.postJson(forgeControl(port ? port : m_forgePort), update);
        QVERIFY2(reply.status == 200, reply.body.constData());
    }

    QJsonObject forgeReport(quint16 port) { return m_browser.get(forgeControl(port)).json(); }

    /// Walks a sign-in from /start through the provider (submitting oidc-provider's login form
    /// as `login`) to the callback on this server.
    SignIn signIn(const QString &provider, const QString &query = {}, const QString &login = {})
    {
        // A fresh browser each time, so that the provider asks who signs in.
        m_browser.forgetCookies();
        SignIn result;
        const QString start = serverUrl() + u"/api/v1/auth/oidc/"_s + provider + u"/start"_s
                + (query.isEmpty() ? QString() : u'?' + query);
        result.start = m_browser.get(QUrl(start));
        if (result.start.status != 302) {
            return result;
        }
        QUrl url(location(result.start));
        static const QRegularExpression action(u"<form[^>]*action=\"([^\"]+)\""_s);
        for (int hop = 0; hop < 12; ++hop) {
            if (url.port() == m_server->port()) {
                result.callbackUrl = url;
                result.callback = m_browser.get(url);
                return result;
            }
            HttpReply reply = m_browser.get(url);
            const auto form = action.match(QString::fromUtf8(reply.body));
            if (reply.status == 200 && form.hasMatch()) {
                reply = m_browser.postForm(url.resolved(QUrl(form.captured(1))),
                        "prompt=login&login=" + QUrl::toPercentEncoding(login)
                                + "&password=anything");
            }
            if (reply.status != 302 && reply.status != 303) {
                result.callback = reply; // stuck at the provider
                return result;
            }
            url = url.resolved(QUrl(location(reply)));
        }
        return result;
    }

    QJsonObject userByEmail(const QString &email)
    {
        const server::db::SqlStatement statement(
                u"SELECT id, email_verified_at IS NOT NULL, password_hash IS NULL, role, "
                "display_name FROM users WHERE lower(email) = lower(:e)"_s);
        auto query = m_db->run(statement, {{u":e"_s, email}});
        QJsonObject user;
        if (query && (*query)->next()) {
            user = {{u"id"_s, (*query)->value(0).toString()},
                    {u"emailVerified"_s, (*query)->value(1).toBool()},
                    {u"noPassword"_s, (*query)->value(2).toBool()},
                    {u"role"_s, (*query)->value(3).toString()},
                    {u"displayName"_s, (*query)->value(4).toString()}};
        }
        if (query) {
            (*query)->finish();
        }
        return user;
    }

    HttpReply registerUser(const QString &email)
    {
        return m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                        {u"role"_s, u"influencer"_s}});
    }

    void confirmEmail(const QString &email)
    {
        const server::db::SqlStatement statement(
                u"UPDATE users SET email_verified_at = now() WHERE lower(email) = lower(:e)"_s);
        auto query = m_db->run(statement, {{u":e"_s, email}});
        QVERIFY(query);
        (*query)->finish();
    }

    /// A native app's sign-in (RFC 8252): /start with the app's challenge, state and loopback
    /// return_to, through the provider, to the callback's redirect to the app.
    SignIn nativeSignIn(const QString &provider, const QString &verifier, const QString &state,
            const QString &returnTo, const QString &login = {})
    {
        const QString query =
                u"code_challenge=%1&code_challenge_method=S256&state=%2&return_to=%3"_s.arg(
                        crypto::pkceChallenge(verifier),
                        QString::fromLatin1(QUrl::toPercentEncoding(state)),
                        QString::fromLatin1(QUrl::toPercentEncoding(returnTo)));
        return signIn(provider, query, login);
    }

    HttpReply exchangeCode(const QString &code, const QString &verifier)
    {
        return m_client->postJson(
                u"/api/v1/auth/oidc/token"_s, {{u"code"_s, code}, {u"codeVerifier"_s, verifier}});
    }

    /// The query of where the callback sent the app.
    static QUrlQuery appQuery(const SignIn &signedIn)
    {
        return QUrlQuery(QUrl(location(signedIn.callback)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificate = tests::TestCertificate::generate(m_dir.path());
        QVERIFY(!m_certificate.certificate.isNull());
        const QString keyFile = m_dir.filePath(u"tls-key.pem"_s);
        {
            QFile key(keyFile);
            QVERIFY(key.open(QIODevice::WriteOnly));
            key.write(m_certificate.key.toPem());
        }

        m_localPort = freePort();
        m_forgePort = freePort();
        m_postPort = freePort();
        m_tlsPort = freePort();
        const quint16 downPort = freePort();
        // base64url may begin with '-': the peers take them as --client-secret=…, which node's
        // parseArgs reads as a value whatever its first character (one CI run in 64 failed).
        m_localSecret = QString::fromLatin1(crypto::base64Url(crypto::randomBytes(24)));
        m_forgeSecret = QString::fromLatin1(crypto::base64Url(crypto::randomBytes(24)));

        TestServer::Options options;
        options.configure = [this, downPort](server::Config &config) {
            config.auth.mail.appUrl = u"https://app.example.com"_s;
            config.http.corsAllowedOrigins = {u"https://admin.example.com"_s};
            config.oidc.caFile = m_certificate.pemFile;
            const auto add = [&config](const QString &name, const QString &issuer,
                                     const QString &clientId, const QString &secret,
                                     const QString &displayName) {
                server::oidc::ProviderSettings provider;
                provider.issuer = issuer;
                provider.clientId = clientId;
                provider.clientSecret = secret;
                provider.displayName = displayName;
                config.oidc.providers.insert(name, provider);
            };
            const QString forgeIssuer = u"http://127.0.0.1:%1"_s.arg(m_forgePort);
            add(u"local"_s, u"http://127.0.0.1:%1"_s.arg(m_localPort), u"influence-local"_s,
                    m_localSecret, u"Local ID"_s);
            add(u"forge"_s, forgeIssuer, u"influence-forge"_s, m_forgeSecret, {});
            // The same provider under another name: its own discovery and key caches.
            add(u"mixup"_s, forgeIssuer, u"influence-forge"_s, m_forgeSecret, {});
            add(u"post"_s, u"http://127.0.0.1:%1"_s.arg(m_postPort), u"influence-forge"_s,
                    m_forgeSecret, {});
            add(u"tls"_s, u"https://localhost:%1"_s.arg(m_tlsPort), u"influence-forge"_s,
                    m_forgeSecret, {});
            add(u"down"_s, u"http://127.0.0.1:%1"_s.arg(downPort), u"nobody"_s, u"x"_s, {});
            add(u"impostor"_s, forgeIssuer, u"influence-forge"_s, m_forgeSecret, {});
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());

        m_db = m_server->connect(u"oidc-test"_s);
        QVERIFY(m_db);
        QVERIFY(m_db->ensureOpen());

        // The providers know this server's redirect URIs, so they start after it.
        m_local = std::make_unique<NodePeer>();
        QVERIFY2(m_local->start(u"provider.mjs"_s,
                         {u"--port"_s, QString::number(m_localPort), u"--client-id"_s,
                                 u"influence-local"_s, u"--client-secret="_s + m_localSecret,
                                 u"--redirect-uri"_s, callbackUri(u"local"_s)}),
                qPrintable(m_local->why()));
        const QStringList forgeClient{
                u"--client-id"_s, u"influence-forge"_s, u"--client-secret="_s + m_forgeSecret};
        m_forge = std::make_unique<NodePeer>();
        QVERIFY2(m_forge->start(u"forge.mjs"_s,
                         QStringList{u"--port"_s, QString::number(m_forgePort), u"--redirect-uri"_s,
                                 callbackUri(u"forge"_s), u"--redirect-uri"_s,
                                 callbackUri(u"mixup"_s)}
                                 + forgeClient),
                qPrintable(m_forge->why()));
        m_post = std::make_unique<NodePeer>();
        QVERIFY2(m_post->start(u"forge.mjs"_s,
                         QStringList{u"--port"_s, QString::number(m_postPort), u"--redirect-uri"_s,
                                 callbackUri(u"post"_s), u"--auth-methods"_s,
                                 u"client_secret_post"_s}
                                 + forgeClient),
                qPrintable(m_post->why()));
        m_tls = std::make_unique<NodePeer>();
        QVERIFY2(m_tls->start(u"forge.mjs"_s,
                         QStringList{u"--port"_s, QString::number(m_tlsPort), u"--redirect-uri"_s,
                                 callbackUri(u"tls"_s), u"--tls-cert"_s, m_certificate.pemFile,
                                 u"--tls-key"_s, keyFile}
                                 + forgeClient),
                qPrintable(m_tls->why()));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
        m_local.reset();
        m_forge.reset();
        m_post.reset();
        m_tls.reset();
    }

    // --- JWS verification against published examples ---------------------------------------

    void rfc7515ExamplesVerify()
    {
        for (const auto &[token, key] :
                {std::pair{kRfcRs256, kRfcRsaKey}, std::pair{kRfcEs256, kRfcEcKey}}) {
            const auto jws = jose::parseCompact(token);
            QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().detail));
            QCOMPARE(jws->payload.value(u"iss"_s).toString(), u"joe"_s);
            const auto verified = jose::verifySignature(*jws, key);
            QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().detail));

            // One bit of the signature flipped.
            jose::CompactJws tampered = *jws;
            tampered.signature[10] = static_cast<char>(tampered.signature.at(10) ^ 0x01);
            QVERIFY(!jose::verifySignature(tampered, key));
            // The payload changed under the same signature.
            tampered = *jws;
            tampered.signingInput.replace("eyJpc3MiOiJqb2Ui", "eyJpc3MiOiJqb2Ki");
            QVERIFY(!jose::verifySignature(tampered, key));
        }
        // A key of the wrong type never verifies, whatever the header says.
        const auto rs = jose::parseCompact(kRfcRs256);
        QVERIFY(rs);
        QVERIFY(!jose::verifySignature(*rs, kRfcEcKey));
        QVERIFY(jose::keyFits(kRfcRsaKey, jose::Algorithm::Rs256));
        QVERIFY(!jose::keyFits(kRfcRsaKey, jose::Algorithm::Es256));
        QVERIFY(!jose::keyFits(kRfcEcKey, jose::Algorithm::Rs256));
        QVERIFY(!jose::keyFits(
                QJsonObject{{u"kty"_s, u"RSA"_s}, {u"alg"_s, u"PS256"_s}}, jose::Algorithm::Rs256));
        QVERIFY(!jose::keyFits(
                QJsonObject{{u"kty"_s, u"RSA"_s}, {u"use"_s, u"enc"_s}}, jose::Algorithm::Rs256));
        QVERIFY(!jose::keyFits(
                QJsonObject{{u"kty"_s, u"EC"_s}, {u"crv"_s, u"P-384"_s}}, jose::Algorithm::Es256));
    }

    void refusedJwsForms_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QByteArray payload = kRfcRs256.split('.').at(1);
        const QByteArray signature = kRfcRs256.split('.').at(2);
        const auto header = [](const char *json) {
            return crypto::base64Url(QByteArray(json));
        };
        QTest::newRow("alg none") << header(R"({"alg":"none"})") + '.' + payload + '.';
        QTest::newRow("HS256") << header(R"({"alg":"HS256"})") + '.' + payload + '.' + signature;
        QTest::newRow("RS512") << header(R"({"alg":"RS512"})") + '.' + payload + '.' + signature;
        QTest::newRow("no alg") << header(R"({"kid":"a"})") + '.' + payload + '.' + signature;
        QTest::newRow("crit") << header(R"({"alg":"RS256","crit":["exp"],"exp":1})") + '.' + payload
                        + '.' + signature;
        QTest::newRow("four parts") << kRfcRs256 + ".x";
        QTest::newRow("two parts") << kRfcRs256.left(kRfcRs256.lastIndexOf('.'));
        QTest::newRow("padded") << kRfcRs256 + "==";
        QTest::newRow("payload not JSON")
                << header(R"({"alg":"RS256"})") + '.' + crypto::base64Url("joe") + '.' + signature;
        QTest::newRow("too long") << kRfcRs256 + QByteArray(20'000, 'A');
    }
    void refusedJwsForms()
    {
        QFETCH(QByteArray, token);
        const auto jws = jose::parseCompact(token);
        QVERIFY(!jws);
        QCOMPARE(jws.error().code, common::ErrorCode::OidcFailed);
    }

    void claimsAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<bool>("accepted");
        const qint64 now = 1'700'000'000;
        QTest::newRow("valid") << QJsonObject{} << true;
        QTest::newRow("expired within leeway") << QJsonObject{{u"exp"_s, now - 59}} << true;
        QTest::newRow("expired beyond leeway") << QJsonObject{{u"exp"_s, now - 61}} << false;
        QTest::newRow("issued in the future") << QJsonObject{{u"iat"_s, now + 120}} << false;
        QTest::newRow("not yet valid") << QJsonObject{{u"nbf"_s, now + 120}} << false;
        QTest::newRow("exp as text")
                << QJsonObject{{u"exp"_s, QString::number(now + 300)}} << false;
        QTest::newRow("other issuer")
                << QJsonObject{{u"iss"_s, u"https://other.example"_s}} << false;
        QTest::newRow("other audience") << QJsonObject{{u"aud"_s, u"someone"_s}} << false;
        QTest::newRow("audiences with azp") << QJsonObject{
                {u"aud"_s, QJsonArray{u"client"_s, u"api"_s}},
                {u"azp"_s, u"client"_s}} << true;
        QTest::newRow("audiences without azp")
                << QJsonObject{{u"aud"_s, QJsonArray{u"client"_s, u"api"_s}}} << false;
        QTest::newRow("azp of another") << QJsonObject{{u"azp"_s, u"someone"_s}} << false;
        QTest::newRow("other nonce") << QJsonObject{{u"nonce"_s, u"n-1"_s}} << false;
        QTest::newRow("no subject") << QJsonObject{{u"sub"_s, QString()}} << false;
    }
    void claimsAreChecked()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(bool, accepted);
        const qint64 now = 1'700'000'000;
        QJsonObject payload{{u"iss"_s, u"https://id.example"_s}, {u"aud"_s, u"client"_s},
                {u"sub"_s, u"42"_s}, {u"exp"_s, now + 300}, {u"iat"_s, now}, {u"nonce"_s, u"n-0"_s},
                {u"email"_s, u"a@example.com"_s}, {u"email_verified"_s, true}};
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            payload.insert(it.key(), it.value());
        }
        jose::IdTokenExpectations expected;
        expected.issuer = u"https://id.example"_s;
        expected.clientId = u"client"_s;
        expected.nonce = u"n-0"_s;
        expected.now = now;
        const auto claims = jose::validateClaims(payload, expected);
        QCOMPARE(bool(claims), accepted);
        if (claims) {
            QCOMPARE(claims->subject, u"42"_s);
            QVERIFY(claims->emailVerified);
        }
    }

    // --- Routes ------------------------------------------------------------------------------

    void providersAreListedWithoutSecrets()
    {
        const HttpReply reply = m_client->get(u"/api/v1/auth/oidc/providers"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray providers = reply.json().value(u"providers"_s).toArray();
        QCOMPARE(providers.size(), 7);
        QJsonObject local;
        for (const QJsonValue &p : providers) {
            if (p.toObject().value(u"name"_s) == u"local"_s) {
                local = p.toObject();
            }
            QCOMPARE(p.toObject().keys(),
                    (QStringList{u"displayName"_s, u"issuer"_s, u"name"_s, u"startUrl"_s}));
        }
        QCOMPARE(local.value(u"displayName"_s).toString(), u"Local ID"_s);
        QCOMPARE(local.value(u"issuer"_s).toString(), u"http://127.0.0.1:%1"_s.arg(m_localPort));
        QCOMPARE(local.value(u"startUrl"_s).toString(),
                serverUrl() + u"/api/v1/auth/oidc/local/start"_s);
        QVERIFY(!reply.body.contains(m_localSecret.toLatin1()));
        QVERIFY(!reply.body.contains(m_forgeSecret.toLatin1()));
    }

    void startRedirectsWithPkceStateAndNonce()
    {
        const HttpReply reply =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/forge/start?role=brand"_s));
        QCOMPARE(reply.status, 302);
        const QUrl target(location(reply));
        QCOMPARE(target.adjusted(QUrl::RemoveQuery).toString(),
                u"http://127.0.0.1:%1/authorize"_s.arg(m_forgePort));
        const QUrlQuery query(target);
        QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"influence-forge"_s);
        QCOMPARE(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
                callbackUri(u"forge"_s));
        QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"openid email profile"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        const QString state = query.queryItemValue(u"state"_s);
        const QString nonce = query.queryItemValue(u"nonce"_s);
        const QString challenge = query.queryItemValue(u"code_challenge"_s);
        // 32 random bytes each, base64url without padding.
        QCOMPARE(state.size(), 43);
        QCOMPARE(nonce.size(), 43);
        QCOMPARE(challenge.size(), 43);
        QVERIFY(state != nonce);

        // Only the state's hash is stored, with the verifier behind the challenge.
        const QByteArray hash = crypto::sha256(state.toUtf8());
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_states WHERE state_hash = :h"_s,
                         {{u":h"_s, hash}}),
                1);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_states WHERE code_verifier = :s "
                       "OR nonce = :s OR encode(state_hash, 'escape') = :s"_s,
                         {{u":s"_s, state}}),
                0);
        const QString verifier = scalar(
                u"SELECT code_verifier FROM auth_oidc_states WHERE state_hash = :h"_s,
                {{u":h"_s, hash}}).toString();
        QCOMPARE(QString::fromLatin1(crypto::base64Url(crypto::sha256(verifier.toLatin1()))),
                challenge);
        QCOMPARE(scalar(u"SELECT nonce FROM auth_oidc_states WHERE state_hash = :h"_s,
                         {{u":h"_s, hash}})
                         .toString(),
                nonce);
        QCOMPARE(scalar(u"SELECT role FROM auth_oidc_states WHERE state_hash = :h"_s,
                         {{u":h"_s, hash}})
                         .toString(),
                u"brand"_s);
        const qint64 lifetime = count(u"SELECT extract(epoch FROM expires_at - now())::int "
                                      "FROM auth_oidc_states WHERE state_hash = :h"_s,
                {{u":h"_s, hash}});
        QVERIFY2(lifetime > 590 && lifetime <= 600, qPrintable(QString::number(lifetime)));
    }

    void unknownProviderIsNotFound()
    {
        QCOMPARE(m_client->get(u"/api/v1/auth/oidc/nope/start"_s).status, 404);
        QCOMPARE(m_client->get(u"/api/v1/auth/oidc/nope/callback?state=a&code=b"_s).status, 404);
    }

    void startParametersAreValidated_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        const auto encoded = [](const char *url) -> QString {
            return u"return_to="_s
                    + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(url)));
        };
        QTest::newRow("admin role") << u"role=admin"_s << 400;
        QTest::newRow("unknown role") << u"role=owner"_s << 400;
        QTest::newRow("foreign origin") << encoded("https://evil.example.com/") << 400;
        QTest::newRow("look-alike host") << encoded("https://app.example.com.evil.com/") << 400;
        QTest::newRow("credentials") << encoded("https://app.example.com@evil.com/") << 400;
        QTest::newRow("other port") << encoded("https://app.example.com:8443/") << 400;
        QTest::newRow("http for https") << encoded("http://app.example.com/") << 400;
        QTest::newRow("fragment") << encoded("https://app.example.com/#x") << 400;
        QTest::newRow("relative") << encoded("/signed-in") << 400;
        QTest::newRow("scheme-relative") << encoded("//evil.example.com/") << 400;
        QTest::newRow("javascript") << encoded("javascript:alert(1)") << 400;
        QTest::newRow("https loopback") << encoded("https://127.0.0.1:4000/") << 400;
        QTest::newRow("app") << encoded("https://app.example.com/signed-in?x=1") << 302;
        QTest::newRow("app, default port") << encoded("https://APP.example.com:443/") << 302;
        QTest::newRow("CORS origin") << encoded("https://admin.example.com/") << 302;
        QTest::newRow("desktop 127.0.0.1") << encoded("http://127.0.0.1:53117/callback") << 302;
        QTest::newRow("desktop localhost") << encoded("http://localhost:8123/") << 302;
        QTest::newRow("influencer") << u"role=influencer"_s << 302;
    }
    void startParametersAreValidated()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        const HttpReply reply =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/forge/start?"_s + query));
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status == 400) {
            QCOMPARE(problemCode(reply), u"invalid_parameter"_s);
        } else {
            QVERIFY(location(reply).startsWith(
                    u"http://127.0.0.1:%1/authorize?"_s.arg(m_forgePort)));
        }
    }

    void signInCreatesAUserAndReusesIt()
    {
        const QString email = unique(u"carol"_s) + u"@example.com"_s;
        const qint64 sessionsBefore = count(u"SELECT count(*) FROM auth_sessions"_s);
        const SignIn first = signIn(u"local"_s, u"role=brand"_s, email);
        QCOMPARE(first.start.status, 302);
        QVERIFY2(first.callback.status == 200, first.callback.body.constData());
        const QJsonObject tokens = first.callback.json();
        // Exactly what /auth/login answers.
        QCOMPARE(tokens.keys(),
                (QStringList{u"accessToken"_s, u"expiresIn"_s, u"refreshToken"_s, u"tokenType"_s,
                        u"user"_s}));
        QCOMPARE(tokens.value(u"tokenType"_s).toString(), u"Bearer"_s);
        QCOMPARE(tokens.value(u"expiresIn"_s).toInt(), 600);
        const QJsonObject user = tokens.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"email"_s).toString(), email);
        QCOMPARE(user.value(u"role"_s).toString(), u"brand"_s);
        QCOMPARE(user.value(u"emailVerified"_s).toBool(), true);
        QCOMPARE(user.value(u"displayName"_s).toString(), u"Test "_s + email.section(u'@', 0, 0));
        QCOMPARE(userByEmail(email).value(u"noPassword"_s).toBool(), true);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessionsBefore + 1);

        // The tokens work like any others.
        const HttpReply me = m_client->get(u"/api/v1/me"_s,
                {{"Authorization",
                        "Bearer " + tokens.value(u"accessToken"_s).toString().toLatin1()}});
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"id"_s), user.value(u"id"_s));
        QCOMPARE(m_client->postJson(u"/api/v1/auth/refresh"_s,
                                 {{u"refreshToken"_s, tokens.value(u"refreshToken"_s)}})
                         .status,
                200);

        // A second sign-in is the same user, whatever role it asks for.
        const SignIn second = signIn(u"local"_s, u"role=influencer"_s, email);
        QVERIFY2(second.callback.status == 200, second.callback.body.constData());
        const QJsonObject again = second.callback.json().value(u"user"_s).toObject();
        QCOMPARE(again.value(u"id"_s), user.value(u"id"_s));
        QCOMPARE(again.value(u"role"_s).toString(), u"brand"_s); // the role of the first sign-in
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_identities WHERE subject = :s"_s,
                         {{u":s"_s, email}}),
                1);
        QCOMPARE(
                count(u"SELECT count(*) FROM auth_oidc_identities WHERE user_id = :u AND issuer = :i"_s,
                        {{u":u"_s, user.value(u"id"_s).toString()},
                                {u":i"_s, u"http://127.0.0.1:%1"_s.arg(m_localPort)}}),
                1);
        QCOMPARE(count(u"SELECT count(*) FROM users WHERE lower(email) = lower(:e)"_s,
                         {{u":e"_s, email}}),
                1);

        // The callback cannot be replayed: the state was used.
        const qint64 sessions = count(u"SELECT count(*) FROM auth_sessions"_s);
        const HttpReply replay = m_browser.get(second.callbackUrl);
        QCOMPARE(replay.status, 400);
        QCOMPARE(problemCode(replay), u"oidc_failed"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessions);
    }

    void unknownOrMissingStateIsRefused()
    {
        const QString random = QString::fromLatin1(crypto::base64Url(crypto::randomBytes(32)));
        for (const QString &query :
                {u"state=%1&code=abc"_s.arg(random), u"code=abc"_s, u"state=&code=abc"_s}) {
            const HttpReply reply = m_client->get(u"/api/v1/auth/oidc/forge/callback?"_s + query);
            QCOMPARE(reply.status, 400);
            QCOMPARE(problemCode(reply), u"oidc_failed"_s);
        }
    }

    void stateOfAnotherProviderIsRefusedAndUsedUp()
    {
        const HttpReply start =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/forge/start"_s));
        QCOMPARE(start.status, 302);
        const QString state = QUrlQuery(QUrl(location(start))).queryItemValue(u"state"_s);
        const HttpReply other =
                m_client->get(u"/api/v1/auth/oidc/local/callback?code=abc&state="_s + state);
        QCOMPARE(other.status, 400);
        QCOMPARE(problemCode(other), u"oidc_failed"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_states WHERE state_hash = :h"_s,
                         {{u":h"_s, crypto::sha256(state.toUtf8())}}),
                0);
    }

    void expiredStateIsRefused()
    {
        const HttpReply start =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/forge/start"_s));
        QCOMPARE(start.status, 302);
        const QString state = QUrlQuery(QUrl(location(start))).queryItemValue(u"state"_s);
        const server::db::SqlStatement age(
                u"UPDATE auth_oidc_states SET expires_at = now() - interval '1 second' "
                "WHERE state_hash = :h"_s);
        auto aged = m_db->run(age, {{u":h"_s, crypto::sha256(state.toUtf8())}});
        QVERIFY(aged);
        (*aged)->finish();
        const HttpReply reply = m_browser.get(QUrl(location(start)));
        QCOMPARE(reply.status, 302);
        const HttpReply callback = m_browser.get(QUrl(location(reply)));
        QCOMPARE(callback.status, 400);
        QCOMPARE(problemCode(callback), u"oidc_failed"_s);
        QVERIFY(callback.json().value(u"detail"_s).toString().contains(u"10 minutes"_s));
    }

    void verifiedAddressLinksTheExistingAccount()
    {
        const QString email = unique(u"dave"_s) + u"@example.com"_s;
        const HttpReply registered = registerUser(email);
        QCOMPARE(registered.status, 201);
        const QString id = registered.json().value(u"user"_s).toObject().value(u"id"_s).toString();
        confirmEmail(email);

        const SignIn linked = signIn(u"local"_s, {}, email);
        QVERIFY2(linked.callback.status == 200, linked.callback.body.constData());
        QCOMPARE(linked.callback.json().value(u"user"_s).toObject().value(u"id"_s).toString(), id);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_identities WHERE user_id = :u"_s,
                         {{u":u"_s, id}}),
                1);
        // The password still works; nothing else about the account changed.
        QCOMPARE(m_client->postJson(u"/api/v1/auth/login"_s,
                                 {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s}})
                         .status,
                200);
    }

    void unverifiedAddressIsNotLinked()
    {
        const QString email = unique(u"erin"_s) + u"@example.com"_s;
        QCOMPARE(registerUser(email).status, 201);
        confirmEmail(email);
        const qint64 users = count(u"SELECT count(*) FROM users"_s);
        const qint64 sessions = count(u"SELECT count(*) FROM auth_sessions"_s);
        const qint64 identities = count(u"SELECT count(*) FROM auth_oidc_identities"_s);

        const SignIn refused = signIn(u"local"_s, {}, u"unverified:"_s + email);
        QCOMPARE(refused.callback.status, 409);
        QCOMPARE(problemCode(refused.callback), u"oidc_account_exists"_s);
        QCOMPARE(count(u"SELECT count(*) FROM users"_s), users);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessions);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_identities"_s), identities);
    }

    void unconfirmedAccountIsNotLinked()
    {
        // Someone registered the address with a password of their own and never confirmed it:
        // linking would let them into the account the owner then signs in to.
        const QString email = unique(u"frank"_s) + u"@example.com"_s;
        QCOMPARE(registerUser(email).status, 201);
        const qint64 identities = count(u"SELECT count(*) FROM auth_oidc_identities"_s);
        forge(u"ok"_s, unique(u"frank-sub"_s), email, true);
        const SignIn refused = signIn(u"forge"_s);
        QCOMPARE(refused.callback.status, 409);
        QCOMPARE(problemCode(refused.callback), u"oidc_account_exists"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_identities"_s), identities);
        QCOMPARE(userByEmail(email).value(u"emailVerified"_s).toBool(), false);
    }

    void validTokensOfEveryAlgorithm_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("RS256") << u"ok"_s;
        QTest::newRow("PS256") << u"ps256"_s;
        QTest::newRow("ES256") << u"es256"_s;
    }
    void validTokensOfEveryAlgorithm()
    {
        QFETCH(QString, mode);
        const QString subject = unique(u"alg"_s);
        const QString email = subject + u"@example.com"_s;
        forge(mode, subject, email, true);
        const SignIn signedIn = signIn(u"forge"_s);
        QVERIFY2(signedIn.callback.status == 200, signedIn.callback.body.constData());
        QCOMPARE(signedIn.callback.json().value(u"user"_s).toObject().value(u"email"_s).toString(),
                email);
        QCOMPARE(userByEmail(email).value(u"role"_s).toString(), u"influencer"_s);

        // client_secret_basic by default, with the PKCE verifier and the same redirect URI.
        const QJsonObject last =
                forgeReport(m_forgePort).value(u"tokenRequests"_s).toArray().last().toObject();
        QCOMPARE(last.value(u"authMethod"_s).toString(), u"client_secret_basic"_s);
        QCOMPARE(last.value(u"pkceOk"_s).toBool(), true);
        QCOMPARE(last.value(u"redirectUri"_s).toString(), callbackUri(u"forge"_s));
        QCOMPARE(last.value(u"grantType"_s).toString(), u"authorization_code"_s);
    }

    void unverifiedAddressMakesAnUnverifiedAccount()
    {
        const QString subject = unique(u"unverified"_s);
        forge(u"ok"_s, subject, subject + u"@example.com"_s, false);
        const SignIn signedIn = signIn(u"forge"_s);
        QVERIFY2(signedIn.callback.status == 200, signedIn.callback.body.constData());
        QCOMPARE(signedIn.callback.json()
                         .value(u"user"_s)
                         .toObject()
                         .value(u"emailVerified"_s)
                         .toBool(),
                false);
        QCOMPARE(scalar(u"SELECT email_verified FROM auth_oidc_identities WHERE subject = :s"_s,
                         {{u":s"_s, subject}})
                         .toBool(),
                false);
    }

    void forgedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("mode");
        for (const char *mode : {"wrong_nonce", "wrong_aud", "multi_aud_no_azp", "wrong_iss",
                     "expired", "future_iat", "alg_none", "hs256", "unknown_kid", "tampered",
                     "alg_kty_mismatch", "no_id_token", "token_error", "wrong_iss_param", "deny"}) {
            QTest::newRow(mode) << QString::fromLatin1(mode);
        }
    }
    void forgedTokensAreRefused()
    {
        QFETCH(QString, mode);
        const QString subject = unique(u"forged-"_s + mode);
        const QString email = subject + u"@example.com"_s;
        forge(mode, subject, email, true);
        const qint64 users = count(u"SELECT count(*) FROM users"_s);
        const qint64 sessions = count(u"SELECT count(*) FROM auth_sessions"_s);
        const qint64 identities = count(u"SELECT count(*) FROM auth_oidc_identities"_s);
        const SignIn attempt = signIn(u"forge"_s);
        QCOMPARE(attempt.start.status, 302);
        QVERIFY2(attempt.callback.status == 400, attempt.callback.body.constData());
        QCOMPARE(problemCode(attempt.callback), u"oidc_failed"_s);
        QVERIFY(!attempt.callback.json().value(u"detail"_s).toString().isEmpty());
        // No token is repeated back, and nothing was created.
        QVERIFY(!attempt.callback.body.contains("eyJ"));
        QCOMPARE(count(u"SELECT count(*) FROM users"_s), users);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessions);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_identities"_s), identities);
        QVERIFY(userByEmail(email).isEmpty());
        QVERIFY(userByEmail(u"victim@example.com"_s).isEmpty());
        forge(u"ok"_s);
    }

    void unknownKeyIdsDoNotHammerTheJwks()
    {
        // "mixup" is the forging provider under another name, with caches of its own.
        QVERIFY(m_browser.postJson(forgeControl(m_forgePort), {{u"reset"_s, true}}).status == 200);
        forge(u"ok"_s, unique(u"jwks"_s), unique(u"jwks"_s) + u"@example.com"_s, true);
        QCOMPARE(signIn(u"mixup"_s).callback.status, 200);
        QCOMPARE(forgeReport(m_forgePort).value(u"jwksFetches"_s).toInt(), 1);
        for (int i = 0; i < 3; ++i) {
            forge(u"unknown_kid"_s, unique(u"jwks"_s), unique(u"jwks"_s) + u"@example.com"_s, true);
            QCOMPARE(signIn(u"mixup"_s).callback.status, 400);
        }
        forge(u"ok"_s, unique(u"jwks"_s), unique(u"jwks"_s) + u"@example.com"_s, true);
        QCOMPARE(signIn(u"mixup"_s).callback.status, 200);
        // Keys are cached, and fetched again for an unknown key id at most once a minute.
        QCOMPARE(forgeReport(m_forgePort).value(u"jwksFetches"_s).toInt(), 1);
    }

    void clientSecretPostWhenThatIsAllTheProviderTakes()
    {
        const QString subject = unique(u"post"_s);
        forge(u"ok"_s, subject, subject + u"@example.com"_s, true, m_postPort);
        const SignIn signedIn = signIn(u"post"_s);
        QVERIFY2(signedIn.callback.status == 200, signedIn.callback.body.constData());
        const QJsonObject last =
                forgeReport(m_postPort).value(u"tokenRequests"_s).toArray().last().toObject();
        QCOMPARE(last.value(u"authMethod"_s).toString(), u"client_secret_post"_s);
    }

    void httpsProviderWithItsOwnCa()
    {
        // The server trusts the provider's CA through OIDC_CA_FILE only; the test's browser
        // trusts it on its own.
        m_browser.trust(m_certificate.certificate);
        const QString subject = unique(u"tls"_s);
        const HttpReply set = m_browser.postJson(
                QUrl(u"https://localhost:%1/_control"_s.arg(m_tlsPort)),
                {{u"mode"_s, u"es256"_s},
                        {u"account"_s,
                                QJsonObject{{u"sub"_s, subject},
                                        {u"email"_s, QString(subject + u"@example.com"_s)},
                                        {u"email_verified"_s, true}, {u"name"_s, u"TLS"_s}}}});
        QVERIFY2(set.status == 200, qPrintable(set.networkError));
        const SignIn signedIn = signIn(u"tls"_s);
        QCOMPARE(signedIn.start.status, 302);
        QVERIFY(location(signedIn.start).startsWith(u"https://localhost:%1/"_s.arg(m_tlsPort)));
        QVERIFY2(signedIn.callback.status == 200, signedIn.callback.body.constData());
        QCOMPARE(signedIn.callback.json().value(u"user"_s).toObject().value(u"email"_s).toString(),
                subject + u"@example.com"_s);
    }

    void disabledAccountIsForbidden()
    {
        const QString subject = unique(u"disabled"_s);
        const QString email = subject + u"@example.com"_s;
        forge(u"ok"_s, subject, email, true);
        QCOMPARE(signIn(u"forge"_s).callback.status, 200);
        const server::db::SqlStatement disable(
                u"UPDATE users SET status = 'disabled' WHERE lower(email) = lower(:e)"_s);
        auto disabled = m_db->run(disable, {{u":e"_s, email}});
        QVERIFY(disabled);
        (*disabled)->finish();
        const qint64 sessions = count(u"SELECT count(*) FROM auth_sessions"_s);
        const SignIn refused = signIn(u"forge"_s);
        QCOMPARE(refused.callback.status, 403);
        QCOMPARE(problemCode(refused.callback), u"account_disabled"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessions);
    }

    void returnToGetsTokensInTheFragment()
    {
        const QString subject = unique(u"fragment"_s);
        forge(u"ok"_s, subject, subject + u"@example.com"_s, true);
        const QString returnTo = u"https://app.example.com/signed-in?from=test"_s;
        const SignIn signedIn = signIn(u"forge"_s,
                u"return_to="_s + QString::fromLatin1(QUrl::toPercentEncoding(returnTo)));
        QCOMPARE(signedIn.callback.status, 302);
        const QString target = location(signedIn.callback);
        QVERIFY2(target.startsWith(returnTo + u"#access_token="_s), qPrintable(target));
        const QUrlQuery fragment = fragmentOf(target);
        QCOMPARE(fragment.queryItemValue(u"token_type"_s), u"Bearer"_s);
        QCOMPARE(fragment.queryItemValue(u"expires_in"_s), u"600"_s);
        QVERIFY(!fragment.queryItemValue(u"refresh_token"_s).isEmpty());
        // Nothing secret in the query part.
        QCOMPARE(QUrl(target).query(), u"from=test"_s);
        const QByteArray access =
                fragment.queryItemValue(u"access_token"_s, QUrl::FullyDecoded).toLatin1();
        QCOMPARE(m_client->get(u"/api/v1/me"_s, {{"Authorization", "Bearer " + access}}).status,
                200);

        // Failures go back the same way, for the front end to show.
        forge(u"wrong_nonce"_s, unique(u"fragment"_s), unique(u"fragment"_s) + u"@example.com"_s,
                true);
        const QString desktop = u"http://127.0.0.1:53117/done"_s;
        const SignIn failed = signIn(u"forge"_s,
                u"return_to="_s + QString::fromLatin1(QUrl::toPercentEncoding(desktop)));
        QCOMPARE(failed.callback.status, 302);
        const QString back = location(failed.callback);
        QVERIFY2(back.startsWith(desktop + u"#error=oidc_failed&error_description="_s),
                qPrintable(back));
        QVERIFY(!fragmentOf(back).queryItemValue(u"error_description"_s).isEmpty());
        QVERIFY(!back.contains(u"access_token"_s));
        forge(u"ok"_s);
    }

    void providerErrorIsRefused()
    {
        forge(u"deny"_s);
        const SignIn denied = signIn(u"forge"_s);
        QCOMPARE(denied.callback.status, 400);
        QCOMPARE(problemCode(denied.callback), u"oidc_failed"_s);
        QVERIFY(denied.callback.json().value(u"detail"_s).toString().contains(u"access_denied"_s));
        forge(u"ok"_s);
    }

    void unreachableOrImpostorProviderIsUnavailable()
    {
        const HttpReply down = m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/down/start"_s));
        QCOMPARE(down.status, 503);
        QCOMPARE(problemCode(down), u"service_unavailable"_s);
        const HttpReply back = m_browser.get(QUrl(serverUrl()
                + u"/api/v1/auth/oidc/down/start?return_to=https%3A%2F%2Fapp.example.com%2F"_s));
        QCOMPARE(back.status, 302);
        QVERIFY(location(back).startsWith(
                u"https://app.example.com/#error=service_unavailable&"_s));

        // A discovery document naming another issuer is not believed.
        forge(u"wrong_discovery_issuer"_s);
        const HttpReply impostor =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/impostor/start"_s));
        QCOMPARE(impostor.status, 503);
        QVERIFY(impostor.json().value(u"detail"_s).toString().contains(u"issuer"_s));
        forge(u"ok"_s);
    }

    // --- native apps (RFC 8252 + RFC 7636) ---------------------------------------------------

    void nativeAppGetsACodeAndExchangesItOnce()
    {
        const QString email = unique(u"native"_s) + u"@example.com"_s;
        const QString verifier = crypto::randomToken() + u"-native.~"_s;
        const QString appState = u"app state/1"_s;
        const QString returnTo = u"http://127.0.0.1:49152/oidc/done"_s;
        const qint64 sessionsBefore = count(u"SELECT count(*) FROM auth_sessions"_s);
        const SignIn signedIn = nativeSignIn(u"local"_s, verifier, appState, returnTo, email);
        QCOMPARE(signedIn.start.status, 302);
        QVERIFY2(signedIn.callback.status == 302, signedIn.callback.body.constData());
        const QString target = location(signedIn.callback);
        QVERIFY2(target.startsWith(returnTo + u"?code="_s), qPrintable(target));
        QVERIFY(!target.contains(u'#'));
        QVERIFY(!target.contains(u"token"_s));
        const QUrlQuery query = appQuery(signedIn);
        QCOMPARE(query.queryItemValue(u"state"_s, QUrl::FullyDecoded), appState);
        const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
        QCOMPARE(code.size(), 43);
        // No session yet: it opens at the exchange. The code is stored hashed, for 60 s.
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessionsBefore);
        const QByteArray hash = crypto::sha256(code.toUtf8());
        const qint64 lifetime = count(u"SELECT extract(epoch FROM expires_at - now())::int "
                                      "FROM auth_oidc_codes WHERE code_hash = :h"_s,
                {{u":h"_s, hash}});
        QVERIFY2(lifetime > 50 && lifetime <= 60, qPrintable(QString::number(lifetime)));
        QCOMPARE(scalar(u"SELECT code_challenge FROM auth_oidc_codes WHERE code_hash = :h"_s,
                         {{u":h"_s, hash}})
                         .toString(),
                crypto::pkceChallenge(verifier));

        const HttpReply tokens = exchangeCode(code, verifier);
        QVERIFY2(tokens.status == 200, tokens.body.constData());
        QVERIFY(!tokens.header("RateLimit").isEmpty());
        // Exactly what /auth/login answers.
        QCOMPARE(tokens.json().keys(),
                (QStringList{u"accessToken"_s, u"expiresIn"_s, u"refreshToken"_s, u"tokenType"_s,
                        u"user"_s}));
        QCOMPARE(tokens.json().value(u"user"_s).toObject().value(u"email"_s).toString(), email);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessionsBefore + 1);
        const QByteArray access = tokens.json().value(u"accessToken"_s).toString().toLatin1();
        const HttpReply me =
                m_client->get(u"/api/v1/me"_s, {{"Authorization", "Bearer " + access}});
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"email"_s).toString(), email);

        // Single use: a replay is refused and opens nothing.
        const HttpReply replay = exchangeCode(code, verifier);
        QCOMPARE(replay.status, 400);
        QCOMPARE(problemCode(replay), u"invalid_authorization_code"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessionsBefore + 1);
        QCOMPARE(count(u"SELECT count(*) FROM auth_oidc_codes WHERE code_hash = :h"_s,
                         {{u":h"_s, hash}}),
                0);
    }

    void wrongVerifierBurnsTheCode()
    {
        const QString verifier = crypto::randomToken();
        const SignIn signedIn = nativeSignIn(u"local"_s, verifier, u"s1"_s,
                u"http://[::1]:50000/cb"_s, unique(u"wrongverifier"_s) + u"@example.com"_s);
        QVERIFY2(signedIn.callback.status == 302, signedIn.callback.body.constData());
        QVERIFY(location(signedIn.callback).startsWith(u"http://[::1]:50000/cb?code="_s));
        const QString code = appQuery(signedIn).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        const qint64 sessions = count(u"SELECT count(*) FROM auth_sessions"_s);
        const HttpReply wrong = exchangeCode(code, crypto::randomToken());
        QCOMPARE(wrong.status, 400);
        QCOMPARE(problemCode(wrong), u"invalid_authorization_code"_s);
        QVERIFY(wrong.json().value(u"detail"_s).toString().contains(u"verifier"_s));
        // The right verifier comes too late: the code was burnt by the wrong one.
        const HttpReply right = exchangeCode(code, verifier);
        QCOMPARE(right.status, 400);
        QCOMPARE(problemCode(right), u"invalid_authorization_code"_s);
        QCOMPARE(count(u"SELECT count(*) FROM auth_sessions"_s), sessions);
    }

    void expiredCodeIsRefused()
    {
        const QString verifier = crypto::randomToken();
        const SignIn signedIn = nativeSignIn(u"local"_s, verifier, u"s2"_s,
                u"http://127.0.0.1:50001/"_s, unique(u"expired"_s) + u"@example.com"_s);
        QVERIFY2(signedIn.callback.status == 302, signedIn.callback.body.constData());
        const QString code = appQuery(signedIn).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        const server::db::SqlStatement age(
                u"UPDATE auth_oidc_codes SET expires_at = now() - interval '1 second' "
                "WHERE code_hash = :h"_s);
        auto aged = m_db->run(age, {{u":h"_s, crypto::sha256(code.toUtf8())}});
        QVERIFY(aged);
        QCOMPARE((*aged)->numRowsAffected(), 1);
        (*aged)->finish();
        const HttpReply reply = exchangeCode(code, verifier);
        QCOMPARE(reply.status, 400);
        QCOMPARE(problemCode(reply), u"invalid_authorization_code"_s);
        QVERIFY(reply.json().value(u"detail"_s).toString().contains(u"expired"_s));
    }

    void nativeFailureGoesToTheAppWithItsState()
    {
        forge(u"deny"_s);
        const SignIn denied = nativeSignIn(
                u"forge"_s, crypto::randomToken(), u"xyz"_s, u"http://127.0.0.1:50002/cb?a=1"_s);
        QCOMPARE(denied.callback.status, 302);
        const QString target = location(denied.callback);
        QVERIFY2(target.startsWith(u"http://127.0.0.1:50002/cb?a=1&error=oidc_failed&"_s),
                qPrintable(target));
        const QUrlQuery query = appQuery(denied);
        QCOMPARE(query.queryItemValue(u"state"_s), u"xyz"_s);
        QVERIFY(query.queryItemValue(u"error_description"_s, QUrl::FullyDecoded)
                        .contains(u"access_denied"_s));
        QVERIFY(!query.hasQueryItem(u"code"_s));
        forge(u"ok"_s);
    }

    void nativeStartParametersAreValidated_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        const QString challenge = crypto::pkceChallenge(crypto::randomToken());
        const auto with = [&challenge](const char *returnTo, const QString &extra = {}) -> QString {
            return u"code_challenge="_s + challenge + u"&return_to="_s
                    + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(returnTo)))
                    + extra;
        };
        QTest::newRow("127.0.0.1, any port") << with("http://127.0.0.1:61234/x") << 302;
        QTest::newRow("[::1]") << with("http://[::1]:61234/") << 302;
        QTest::newRow("allowed origin") << with("https://app.example.com/native") << 302;
        QTest::newRow("S256") << with("http://127.0.0.1:1/", u"&code_challenge_method=S256"_s)
                              << 302;
        QTest::newRow("localhost") << with("http://localhost:61234/") << 400;
        QTest::newRow("foreign origin") << with("https://evil.example.com/") << 400;
        QTest::newRow("other host http") << with("http://192.168.1.2:61234/") << 400;
        QTest::newRow("https loopback") << with("https://127.0.0.1:61234/") << 400;
        QTest::newRow("no return_to") << u"code_challenge="_s + challenge << 400;
        QTest::newRow("plain") << with("http://127.0.0.1:1/", u"&code_challenge_method=plain"_s)
                               << 400;
        QTest::newRow("short challenge")
                << u"code_challenge=abc&return_to=http%3A%2F%2F127.0.0.1%3A1%2F"_s << 400;
        QTest::newRow("challenge not base64url") << u"code_challenge="_s + challenge.left(42)
                        + u"%2B&return_to=http%3A%2F%2F127.0.0.1%3A1%2F"_s
                                                 << 400;
        QTest::newRow("state without challenge") << u"state=abc"_s << 400;
        QTest::newRow("state too long")
                << with("http://127.0.0.1:1/", u"&state="_s + QString(513, u'a')) << 400;
    }
    void nativeStartParametersAreValidated()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        const HttpReply reply =
                m_browser.get(QUrl(serverUrl() + u"/api/v1/auth/oidc/forge/start?"_s + query));
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status == 400) {
            QCOMPARE(problemCode(reply), u"invalid_parameter"_s);
        } else {
            QVERIFY(location(reply).startsWith(
                    u"http://127.0.0.1:%1/authorize?"_s.arg(m_forgePort)));
        }
    }

    void tokenBodyIsValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString verifier = crypto::randomToken();
        QTest::newRow("no code") << QJsonObject{{u"codeVerifier"_s, verifier}} << u"code"_s;
        QTest::newRow("no verifier") << QJsonObject{{u"code"_s, u"abc"_s}} << u"codeVerifier"_s;
        QTest::newRow("snake case")
                << QJsonObject{{u"code"_s, u"abc"_s}, {u"code_verifier"_s, verifier}}
                << u"codeVerifier"_s;
        QTest::newRow("short verifier")
                << QJsonObject{{u"code"_s, u"abc"_s}, {u"codeVerifier"_s, u"short"_s}}
                << u"codeVerifier"_s;
        QTest::newRow("verifier with +") << QJsonObject{{u"code"_s, u"abc"_s},
                {u"codeVerifier"_s, QString(verifier + u"+"_s)}}
                                         << u"codeVerifier"_s;
        QTest::newRow("code not a string")
                << QJsonObject{{u"code"_s, QJsonValue(5)}, {u"codeVerifier"_s, verifier}}
                << u"code"_s;
    }
    void tokenBodyIsValidated()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/oidc/token"_s, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(problemCode(reply), u"validation_failed"_s);
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(u"field"_s).toString(), field);
    }

    void unknownCodeIsRefused()
    {
        const HttpReply reply = exchangeCode(crypto::randomToken(), crypto::randomToken());
        QCOMPARE(reply.status, 400);
        QCOMPARE(problemCode(reply), u"invalid_authorization_code"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiOidc)
#include "tst_api_oidc.moc"
