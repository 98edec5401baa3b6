// SPDX-License-Identifier: Apache-2.0
// Webhooks delivered over https to the local receiver in tests/peers/webhooks (node:https; every
// delivery verified by the standardwebhooks npm package). The test makes its own CA with the
// openssl command: a receiver whose certificate that CA signed for "localhost" gets the delivery
// over TLS once the server trusts the CA (WEBHOOKS_CA_FILE); a receiver with a certificate
// nobody vouches for, and the trusted receiver reached under a name its certificate does not
// carry, get nothing — the attempt fails with the certificate problem in the delivery log and is
// retried, never sent without verification.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;
using influence::tests::TestServer;

namespace {

const QString kPeerDir = QStringLiteral(INFLUENCE_WEBHOOKS_PEER_DIR);

/// Runs `openssl arguments…` in `directory`; false (with its output as a warning) on failure.
bool openssl(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(u' ')), process.readAll().constData());
        return false;
    }
    return true;
}

/// A P-256 key and a certificate for `subject`: signed by ca.pem/ca.key, or self-signed.
QStringList certificateArguments(
        const QString &name, const QString &subject, const QStringList &extra, bool signedByCa)
{
    QStringList arguments{u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
            u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-keyout"_s,
            name + u".key"_s, u"-out"_s, name + u".pem"_s, u"-subj"_s, subject};
    arguments += extra;
    if (signedByCa) {
        arguments += {u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s};
    }
    return arguments;
}

} // namespace

class TestApiWebhooksTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    NodePeer m_peer;
    quint16 m_trustedPort = 0;
    quint16 m_strangerPort = 0;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<HttpTestClient> m_peerClient;
    std::unique_ptr<ApiSession> m_api;
    QString m_brand;

    /// A new endpoint at `url` whose deliveries the receiver checks under `name`: its id.
    QString newEndpoint(const QString &url, const QString &name)
    {
        const HttpReply created = m_api->post(
                u"/api/v1/webhooks"_s, m_brand, {{u"url"_s, url}, {u"description"_s, name}});
        if (created.status != 201) {
            qWarning("create: %d %s", created.status, created.body.constData());
            return {};
        }
        const HttpReply configured = m_peerClient->postJson(u"/control/configure"_s,
                {{u"name"_s, name},
                        {u"secrets"_s, QJsonArray{created.json()[u"secret"_s].toString()}}});
        return configured.status == 200 ? created.json()[u"id"_s].toString() : QString();
    }
    /// The deliveries the receiver got for `name`.
    QList<QJsonObject> received(const QString &name)
    {
        QList<QJsonObject> out;
        const QJsonArray all =
                m_peerClient->get(u"/control/deliveries"_s).json().value(u"deliveries"_s).toArray();
        for (const QJsonValue &d : all) {
            if (d[u"name"_s].toString() == name) {
                out.append(d.toObject());
            }
        }
        return out;
    }
    /// The endpoint's delivery log entry for message `id`, once it has had `attempts` attempts.
    QJsonObject awaitAttempts(const QString &endpoint, const QString &id, int attempts)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            const QJsonArray items =
                    m_api->get(u"/api/v1/webhooks/%1/deliveries"_s.arg(endpoint), m_brand)
                            .json()
                            .value(u"items"_s)
                            .toArray();
            for (const QJsonValue &item : items) {
                if (item[u"id"_s].toString() == id && item[u"attempts"_s].toInt() >= attempts) {
                    return item.toObject();
                }
            }
            QTest::qWait(100);
        }
        return {};
    }
    int remove(const QString &endpoint)
    {
        return m_client
                ->send("DELETE", u"/api/v1/webhooks/"_s + endpoint, {}, ApiSession::as(m_brand))
                .status;
    }
    /// Sends the endpoint a test event: its webhook-id.
    QString sendTest(const QString &endpoint)
    {
        const HttpReply sent =
                m_api->post(u"/api/v1/webhooks/%1/test"_s.arg(endpoint), m_brand, {});
        return sent.status == 202 ? sent.json()[u"id"_s].toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.path();
        // The test's CA, a receiver certificate it signed for "localhost" only, and a stranger's
        // self-signed one for the same name.
        QVERIFY(openssl(
                dir, certificateArguments(u"ca"_s, u"/CN=Influence webhook test CA"_s, {}, false)));
        QVERIFY(openssl(dir,
                certificateArguments(u"receiver"_s, u"/CN=localhost"_s,
                        {u"-addext"_s, u"subjectAltName=DNS:localhost"_s, u"-addext"_s,
                                u"basicConstraints=critical,CA:FALSE"_s},
                        true)));
        QVERIFY(openssl(dir,
                certificateArguments(u"stranger"_s, u"/CN=localhost"_s,
                        {u"-addext"_s, u"subjectAltName=DNS:localhost"_s}, false)));

        m_trustedPort = tests::freeLocalPort();
        m_strangerPort = tests::freeLocalPort();
        QVERIFY(m_trustedPort != m_strangerPort);
        QVERIFY2(m_peer.start(kPeerDir, u"peer.mjs"_s,
                         {u"0"_s, u"--tls"_s, QString::number(m_trustedPort),
                                 dir + u"/receiver.key"_s, dir + u"/receiver.pem"_s, u"--tls"_s,
                                 QString::number(m_strangerPort), dir + u"/stranger.key"_s,
                                 dir + u"/stranger.pem"_s}),
                qPrintable(m_peer.why()));
        m_peerClient = std::make_unique<HttpTestClient>(m_peer.url());

        TestServer::Options options;
        options.configure = [dir](server::Config &config) {
            config.webhooks.allowLocalTargets = true; // loopback receivers
            config.webhooks.caFile = dir + u"/ca.pem"_s;
            config.webhooks.retrySeconds = {1, 1, 1, 1, 1};
            config.webhooks.timeout = std::chrono::seconds(3);
            config.jobs.poll = std::chrono::milliseconds(100);
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, m_brand, {{u"companyName"_s, u"Alpine Boots"_s}})
                         .status,
                201);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    /// The CA the server was told to trust vouches for the receiver: delivered over TLS,
    /// verified by the receiver, logged as delivered at the first attempt.
    void deliveredToAReceiverTheCaVouchesFor()
    {
        const QString endpoint = newEndpoint(
                u"https://localhost:%1/hook/trusted"_s.arg(m_trustedPort), u"trusted"_s);
        QVERIFY(!endpoint.isEmpty());
        const QString id = sendTest(endpoint);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received(u"trusted"_s).size(), 1, 20000);
        const QJsonObject got = received(u"trusted"_s).first();
        QVERIFY(got[u"tls"_s].toBool());
        QCOMPARE(got[u"id"_s].toString(), id);
        QCOMPARE(got[u"verified"_s].toArray(), QJsonArray{true});
        QCOMPARE(got[u"status"_s].toInt(), 204);
        const QJsonObject logged = awaitAttempts(endpoint, id, 1);
        QCOMPARE(logged[u"status"_s].toString(), u"delivered"_s);
        QCOMPARE(logged[u"attempts"_s].toInt(), 1);
    }

    /// A certificate nobody the server trusts signed: no request reaches the receiver; every
    /// attempt fails on the certificate and the delivery stays pending for its retries.
    void aCertificateNobodyVouchesForIsRefused()
    {
        const QString endpoint = newEndpoint(
                u"https://localhost:%1/hook/stranger"_s.arg(m_strangerPort), u"stranger"_s);
        QVERIFY(!endpoint.isEmpty());
        const QString id = sendTest(endpoint);
        QVERIFY(!id.isEmpty());
        const QJsonObject logged = awaitAttempts(endpoint, id, 2);
        QVERIFY2(!logged.isEmpty(), "no second attempt was logged");
        const QString error = logged[u"lastError"_s].toString();
        QVERIFY2(error.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(logged[u"lastStatusCode"_s].toInt(), 0);
        QVERIFY(logged[u"status"_s].toString() != u"delivered"_s);
        QVERIFY(received(u"stranger"_s).isEmpty());
        QCOMPARE(remove(endpoint), 204);
    }

    /// The trusted receiver under a name its certificate does not carry (127.0.0.1, not
    /// localhost): refused as well; the signature of the CA is not enough.
    void aNameTheCertificateDoesNotCarryIsRefused()
    {
        const QString endpoint = newEndpoint(
                u"https://127.0.0.1:%1/hook/misnamed"_s.arg(m_trustedPort), u"misnamed"_s);
        QVERIFY(!endpoint.isEmpty());
        const QString id = sendTest(endpoint);
        QVERIFY(!id.isEmpty());
        const QJsonObject logged = awaitAttempts(endpoint, id, 1);
        QVERIFY2(!logged.isEmpty(), "no attempt was logged");
        const QString error = logged[u"lastError"_s].toString();
        QVERIFY2(error.contains(u"127.0.0.1"_s) && error.contains(u"name"_s), qPrintable(error));
        QVERIFY(logged[u"status"_s].toString() != u"delivered"_s);
        QVERIFY(received(u"misnamed"_s).isEmpty());
        QCOMPARE(remove(endpoint), 204);
    }
};

QTEST_GUILESS_MAIN(TestApiWebhooksTls)
#include "tst_api_webhooks_tls.moc"
