// SPDX-License-Identifier: Apache-2.0
// Signing in with an OpenID Connect provider from the sign-in dialog (RFC 8252 loopback flow
// with PKCE) against a real server whose provider is the local OpenID peer from
// tests/peers/oidc (forge.mjs, which signs in at once without a login page). The "browser" is a
// QNetworkAccessManager that follows redirects as a browser would: the server's start, the
// provider, the server's callback, and the app's own loopback listener.
#include "DesktopTestSupport.h"
#include "session/SignInDialog.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::MainWindow;
using influence::desktop::Session;
using influence::desktop::SignInDialog;

namespace {

const QString kPeersDir = QStringLiteral(INFLUENCE_OIDC_PEERS_DIR);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// What the test's browser saw at the end of its redirects.
struct Visit
{
    QUrl finalUrl;
    int status = 0;
    QByteArray body;
    QString error;
};

} // namespace

class TestDesktopOidc : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QProcess m_forge;
    quint16 m_forgePort = 0;
    QNetworkAccessManager m_browser;
    QList<Visit> m_visits;
    QList<QUrl> m_opened;

    SignInDialog *dialog() { return m_window->signInDialog(); }

    QNetworkReply *browse(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(30'000);
        QNetworkReply *reply = m_browser.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            Visit visit;
            visit.finalUrl = reply->url();
            visit.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            visit.body = reply->readAll();
            visit.error =
                    reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
            m_visits.append(visit);
            reply->deleteLater();
        });
        return reply;
    }

    /// The system browser, as far as a sign-in needs one: follows every redirect.
    void useBrowser()
    {
        dialog()->oidc()->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            browse(url);
            return true;
        });
    }

    /// A browser that opens nothing (the user has not acted yet).
    void useIdleBrowser()
    {
        dialog()->oidc()->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
    }

    void forge(const QJsonObject &update)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/_control"_s.arg(m_forgePort)));
        request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_browser.post(request, QJsonDocument(update).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    QPushButton *providerButton()
    {
        return m_window->findChild<QPushButton *>(u"oidcButton_forge"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kPeersDir + u"/node_modules/jose"_s),
                qPrintable(u"run `npm ci` in "_s + kPeersDir));
        m_forgePort = freePort();
        const QString secret = QUuid::createUuid().toString(QUuid::Id128);
        tests::TestServer::Options options;
        options.configure = [this, secret](server::Config &config) {
            server::oidc::ProviderSettings provider;
            provider.issuer = u"http://127.0.0.1:%1"_s.arg(m_forgePort);
            provider.clientId = u"influence-desktop-test"_s;
            provider.clientSecret = secret;
            provider.displayName = u"Forge ID"_s;
            config.oidc.providers.insert(u"forge"_s, provider);
        };
        QVERIFY2(startServer(options), qPrintable(m_server->error()));

        m_forge.setWorkingDirectory(kPeersDir);
        m_forge.start(u"node"_s,
                {u"forge.mjs"_s, u"--port"_s, QString::number(m_forgePort), u"--client-id"_s,
                        u"influence-desktop-test"_s, u"--client-secret"_s, secret,
                        u"--redirect-uri"_s,
                        m_server->app().url() + u"/api/v1/auth/oidc/forge/callback"_s});
        QVERIFY2(m_forge.waitForStarted(10'000), qPrintable(m_forge.errorString()));
        QByteArray output;
        QElapsedTimer started;
        started.start();
        while (!output.contains("listening on") && started.elapsed() < 30'000
                && m_forge.state() == QProcess::Running) {
            m_forge.waitForReadyRead(100);
            output += m_forge.readAllStandardOutput();
        }
        QVERIFY2(output.contains("listening on"), m_forge.readAllStandardError().constData());
    }

    void init()
    {
        m_visits.clear();
        m_opened.clear();
        // The sign-in dialog gives the API client its server.
        QVERIFY(startApp({}, ApiAddress::None));
        m_window->requireSignIn();
        QTRY_VERIFY(dialog()->isVisible());
        auto *server = find<QLineEdit>(u"serverEdit"_s);
        server->clear();
        QTest::keyClicks(server, m_server->url().toString());
        // The dialog asks the server for its providers once the address is typed.
        QTRY_VERIFY_WITH_TIMEOUT(providerButton() != nullptr, 15'000);
        QCOMPARE(providerButton()->text(), u"Sign in with Forge ID"_s);
        QVERIFY(find<QLabel>(u"providersLabel"_s)->isVisible());
    }

    void cleanup() { stopApp(); }

    void cleanupTestCase()
    {
        stopServer();
        m_forge.terminate();
        m_forge.waitForFinished(5000);
    }

    void providerButtonSignsIn()
    {
        const QString email =
                u"oidc-%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        forge({{u"mode"_s, u"ok"_s},
                {u"account"_s,
                        QJsonObject{{u"sub"_s, email}, {u"email"_s, email},
                                {u"email_verified"_s, true}, {u"name"_s, u"Olivia OIDC"_s}}}});
        useBrowser();
        QTest::mouseClick(providerButton(), Qt::LeftButton);
        QVERIFY(dialog()->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(m_visits.size(), 1, 30'000);
        QVERIFY2(m_visits.first().error.isEmpty(),
                qPrintable(m_visits.first().error + u' ' + m_visits.first().finalUrl.toString()
                        + u' ' + QString::fromUtf8(m_visits.first().body)));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, 30'000);
        QCOMPARE(m_session->user().email, email);
        QCOMPARE(m_session->user().displayName, u"Olivia OIDC"_s);
        QTRY_VERIFY(!dialog()->isVisible());
        QVERIFY(!dialog()->oidc()->isRunning());

        // What the app sent the browser to: its own challenge, state and loopback listener.
        QCOMPARE(m_opened.size(), 1);
        const QUrlQuery start(m_opened.first());
        QCOMPARE(m_opened.first().path(), u"/api/v1/auth/oidc/forge/start"_s);
        QCOMPARE(start.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(start.queryItemValue(u"code_challenge"_s).size(), 43);
        QCOMPARE(start.queryItemValue(u"state"_s).size(), 43);
        const QUrl returnTo(start.queryItemValue(u"return_to"_s, QUrl::FullyDecoded));
        QCOMPARE(returnTo.scheme(), u"http"_s);
        QCOMPARE(returnTo.host(), u"127.0.0.1"_s);
        QVERIFY(returnTo.port() > 0);

        // The browser ended on the app's page, which never shows the code to anyone else.
        QTRY_COMPARE(m_visits.size(), 1);
        const Visit &visit = m_visits.first();
        QVERIFY2(visit.error.isEmpty(), qPrintable(visit.error));
        QCOMPARE(visit.finalUrl.port(), returnTo.port());
        QCOMPARE(visit.status, 200);
        QVERIFY2(visit.body.contains("You can close this window"), visit.body.constData());
    }

    void providerErrorIsShown()
    {
        forge({{u"mode"_s, u"deny"_s}});
        useBrowser();
        QTest::mouseClick(providerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isBusy(), 30'000);
        auto *error = find<QLabel>(u"signInError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"The sign-in with the provider did not succeed."_s),
                qPrintable(error->text()));
        QVERIFY2(error->text().contains(u"access_denied"_s), qPrintable(error->text()));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QVERIFY(dialog()->isVisible());
        QVERIFY(providerButton()->isEnabled());
        forge({{u"mode"_s, u"ok"_s}});
    }

    void answerOfAnotherSignInIsRefused()
    {
        useIdleBrowser();
        QTest::mouseClick(providerButton(), Qt::LeftButton);
        QVERIFY(dialog()->isBusy());
        QVERIFY(find<QLabel>(u"oidcWaiting"_s)->isVisible());
        QCOMPARE(m_opened.size(), 1);
        const QUrl returnTo(
                QUrlQuery(m_opened.first()).queryItemValue(u"return_to"_s, QUrl::FullyDecoded));
        // Someone else's page sends the browser to the app with a code of its own.
        QUrl forged = returnTo;
        forged.setQuery(u"code=stolen&state=not-ours"_s);
        browse(forged);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isBusy(), 15'000);
        auto *error = find<QLabel>(u"signInError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"did not start"_s), qPrintable(error->text()));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QVERIFY(!dialog()->oidc()->isRunning());
    }

    void cancelStopsWaiting()
    {
        useIdleBrowser();
        QTest::mouseClick(providerButton(), Qt::LeftButton);
        QVERIFY(dialog()->isBusy());
        QVERIFY(dialog()->oidc()->isRunning());
        QVERIFY(!providerButton()->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"signInCancelButton"_s), Qt::LeftButton);
        QVERIFY(!dialog()->isBusy());
        QVERIFY(!dialog()->oidc()->isRunning());
        QVERIFY(!find<QLabel>(u"oidcWaiting"_s)->isVisible());
        QVERIFY(dialog()->isVisible());
        QVERIFY(providerButton()->isEnabled());
    }

    void timeoutIsShown()
    {
        useIdleBrowser();
        dialog()->oidc()->setTimeout(std::chrono::milliseconds(200));
        QTest::mouseClick(providerButton(), Qt::LeftButton);
        QVERIFY(dialog()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isBusy(), 10'000);
        QVERIFY2(find<QLabel>(u"signInError"_s)->text().contains(u"took too long"_s),
                qPrintable(find<QLabel>(u"signInError"_s)->text()));
    }
};

QTEST_MAIN(TestDesktopOidc)
#include "tst_desktop_oidc.moc"
