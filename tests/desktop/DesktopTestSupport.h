// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the desktop tests share: screenshots, JSON over the test's own HTTP client, and
// DesktopFixture, which owns the in-process server and the app (window, session, API client)
// and holds the steps every test takes on them. A test class derives from QObject and from
// DesktopFixture. Helpers that check something with QVERIFY/QCOMPARE return void (those macros
// return from the function they are in); helpers that answer something warn and answer an empty
// value instead, and the test checks that value.
#include "HttpTestClient.h"
#include "Measure.h"
#include "StallMeter.h"
#include "TestServer.h"
#include "app/Languages.h"
#include "app/MainWindow.h"
#include "common/ApiClient.h"
#include "deals/DealView.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "widgets/Formats.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLayout>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <memory>

namespace influence::tests {

/// The longest time the GUI thread may sleep within one event-loop turn beyond the loop's own
/// wait, in ms: a wait of a second on the network, the disk or a lock is a freeze anyone sees.
/// The flows measured here sleep at most about 10 ms on an idle machine, but up to about 260 ms
/// on a loaded one: the server runs in the same process, and its password hashing's large
/// allocations (19 MiB each, through AddressSanitizer's allocator) contend with the GUI thread's
/// page faults, which a separate server process would not. The app has no synchronous network
/// path to catch with a finer bound: the QNetworkAccessManager lives on the GUI thread, so a
/// synchronous wait for a reply would never end. How long the thread computes in one turn is
/// reported (MEASURE lines, INFLUENCE_STALL_REPORT) and measured by bench/desktop, not asserted:
/// it depends on the machine and the build.
inline constexpr qint64 kBlockedLimitMs = 1000;
/// How long a test waits for the app or the server (QTRY_*_WITH_TIMEOUT), in ms.
inline constexpr int kTimeout = 15000;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

/// Where tests write their files (INFLUENCE_TEST_OUTPUT_DIR, else the temporary directory).
inline QString outputDir()
{
    return qEnvironmentVariable("INFLUENCE_TEST_OUTPUT_DIR", QDir::tempPath());
}

/// Saves `widget` as screenshots/<name>.png in the output directory.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = outputDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// Headers of a JSON request made with `token`.
inline Headers as(const QString &token)
{
    return {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token.toLatin1()}};
}

/// An offer of one Instagram reel due in two weeks for `fee` euro cents, organic use for a year.
inline QJsonObject reelOffer(qint64 fee, int maxRevisions = 1)
{
    const QString due = QDate::currentDate().addDays(14).toString(Qt::ISODate);
    return {{QStringLiteral("deliverables"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("reel")},
                            {QStringLiteral("platform"), QStringLiteral("instagram")},
                            {QStringLiteral("quantity"), 1}, {QStringLiteral("dueDate"), due}}}},
            {QStringLiteral("feeMinor"), fee}, {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("usageRights"), QStringLiteral("Organic use for 12 months.")},
            {QStringLiteral("maxRevisions"), maxRevisions}};
}

/// An amount in euros as the app shows money (the user's locale).
inline QString eur(qint64 cents)
{
    return desktop::Formats::money(common::Money{cents, QStringLiteral("EUR")});
}

/// The in-process server, the test's own HTTP client to it, and the app (which signs in to it).
class DesktopFixture
{
public:
    /// Where the app's API client points when it starts.
    enum class ApiAddress {
        TestServer, ///< the test server's
        None, ///< none yet: the sign-in dialog or the connect page gives it one
    };

    DesktopFixture() = default;
    DesktopFixture(const DesktopFixture &) = delete;
    DesktopFixture &operator=(const DesktopFixture &) = delete;
    ~DesktopFixture() { stop(); }

protected:
    /// Starts the server (a fresh database) and the HTTP client; answers whether it runs
    /// (m_server->error() says why not).
    bool startServer(const TestServer::Options &options = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(options);
        if (!m_server->isRunning()) {
            return false;
        }
        m_http = std::make_unique<HttpTestClient>(m_server->url());
        return true;
    }

    /// Makes the app in English and shows its window (of `size`, if valid); answers whether the
    /// window is exposed.
    bool startApp(QSize size = {}, ApiAddress address = ApiAddress::TestServer)
    {
        m_languages = std::make_unique<desktop::Languages>();
        if (!m_languages->apply(QStringLiteral("en"))) {
            qWarning("the English translation could not be applied");
            return false;
        }
        m_api = std::make_unique<common::ApiClient>();
        if (address == ApiAddress::TestServer) {
            m_api->setBaseUrl(m_server->url());
        }
        m_tokens = std::make_unique<desktop::NoTokenStore>();
        m_session = std::make_unique<desktop::Session>(m_api.get(), m_tokens.get());
        m_window = std::make_unique<desktop::MainWindow>(
                m_api.get(), m_session.get(), m_languages.get());
        if (size.isValid()) {
            m_window->resize(size);
        }
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get())) {
            qWarning("the main window was not exposed");
            return false;
        }
        return true;
    }

    /// Closes the app (the server stays).
    void stopApp()
    {
        m_window.reset();
        m_session.reset();
        m_tokens.reset();
        m_api.reset();
        m_languages.reset();
    }

    void stopServer()
    {
        m_http.reset();
        m_server.reset();
    }

    void stop()
    {
        stopApp();
        stopServer();
    }

    /// The window's child named `name` (null, with a warning, when there is none).
    template<class T>
    T *find(const QString &name)
    {
        return find<T>(m_window.get(), name);
    }
    /// The child of `parent` named `name` (null, with a warning, when there is none).
    template<class T>
    T *find(QObject *parent, const QString &name)
    {
        T *child = parent->findChild<T *>(name);
        if (!child) {
            qWarning("no child named %s", qPrintable(name));
        }
        return child;
    }

    /// Shows one of the window's pages.
    void showPage(QWidget *page)
    {
        auto *pages = find<QWidget>(QStringLiteral("pages"));
        QVERIFY(pages && pages->layout());
        m_window->showPage(pages->layout()->indexOf(page));
        QCOMPARE(m_window->currentPage(), page);
    }

    /// Clicks the window's button `name` once it is visible and enabled.
    void clickWhenEnabled(const QString &name)
    {
        auto *button = find<QPushButton>(name);
        QVERIFY(button);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled() && button->isVisible(), kTimeout);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    /// Opens the deal and waits until everything on the page has arrived.
    void openDeal(const QString &dealId)
    {
        m_window->openDeal(dealId);
        QCOMPARE(m_window->currentPage(), m_window->dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->dealPage()->isComplete(), kTimeout);
        QCOMPARE(m_window->dealPage()->deal().id, dealId);
    }

    /// Counts the meter's figures into the test's longest and fails when the GUI thread blocked
    /// for more than kBlockedLimitMs.
    void record(const StallMeter &meter)
    {
        m_longestStall = qMax(m_longestStall, meter.longestMs());
        m_longestWork = qMax(m_longestWork, meter.longestWorkMs());
        m_longestBlocked = qMax(m_longestBlocked, meter.longestBlockedMs());
        m_longestWallGap = qMax(m_longestWallGap, meter.longestWallMs());
        QVERIFY2(meter.longestBlockedMs() <= kBlockedLimitMs,
                qPrintable(QStringLiteral("the GUI thread blocked for %1 ms in one turn")
                                   .arg(meter.longestBlockedMs())));
    }

    /// Reports the longest figures record() saw, as a MEASURE line naming `flows` ("the deal
    /// page") and, when INFLUENCE_STALL_REPORT names a file, as a JSON line appended to it (what
    /// bench/desktop collects).
    void reportStalls(const QString &flows) const
    {
        qCInfo(measurements,
                "MEASURE longest event-loop turn %s: %lld ms of GUI-thread work, %lld ms blocked "
                "(longest stall %lld ms, wall-clock gap %lld ms)",
                qPrintable(flows), m_longestWork, m_longestBlocked, m_longestStall,
                m_longestWallGap);
        const QString path = qEnvironmentVariable("INFLUENCE_STALL_REPORT");
        if (path.isEmpty()) {
            return;
        }
        QFile report(path);
        if (!report.open(QIODevice::Append | QIODevice::Text)) {
            qWarning("cannot append to %s", qPrintable(path));
            return;
        }
        const QJsonObject line{{QStringLiteral("test"), QCoreApplication::applicationName()},
                {QStringLiteral("flows"), flows}, {QStringLiteral("workMs"), m_longestWork},
                {QStringLiteral("blockedMs"), m_longestBlocked},
                {QStringLiteral("stallMs"), m_longestStall},
                {QStringLiteral("wallMs"), m_longestWallGap}};
        report.write(compact(line) + '\n');
    }

    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_http->send("POST", path, compact(body), as(token));
    }
    QJsonObject get(const QString &path, const QString &token)
    {
        return m_http->get(path, as(token)).json();
    }

    /// A deal of a new campaign: the brand of `brandToken` launches a public campaign `name`
    /// (Instagram reels, a budget of 3 000 euros) and invites `creatorId` to one reel for 500.
    /// Answers the campaign's and the deal's ids (empty, with a warning, when the server refused).
    std::pair<QString, QString> dealInNewCampaign(const QString &brandToken, const QString &name,
            const QString &brief, const QString &creatorId)
    {
        const QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("brief"), brief},
                {QStringLiteral("objective"), QStringLiteral("awareness")},
                {QStringLiteral("platforms"), QJsonArray{QStringLiteral("instagram")}},
                {QStringLiteral("deliverableTypes"), QJsonArray{QStringLiteral("reel")}},
                {QStringLiteral("budgetMinor"), 300000},
                {QStringLiteral("currency"), QStringLiteral("EUR")},
                {QStringLiteral("visibility"), QStringLiteral("public")}};
        const QString campaign = post(QStringLiteral("/api/v1/campaigns"), brandToken, body)
                                         .json()
                                         .value(QStringLiteral("id"))
                                         .toString();
        const auto launched =
                post(QStringLiteral("/api/v1/campaigns/%1/launch").arg(campaign), brandToken);
        const auto invited =
                post(QStringLiteral("/api/v1/campaigns/%1/invitations").arg(campaign), brandToken,
                        {{QStringLiteral("influencerId"), creatorId},
                                {QStringLiteral("offer"), reelOffer(50000)}});
        if (campaign.isEmpty() || launched.status != 200 || invited.status != 201) {
            qWarning("the campaign and its invitation: %d, %d %s", launched.status, invited.status,
                    invited.body.constData());
            return {};
        }
        return {campaign, invited.json().value(QStringLiteral("id")).toString()};
    }

    /// Registers a new user with `role` and m_password; answers the e-mail address (empty, with a
    /// warning, when the server refused).
    QString signUp(const QString &role)
    {
        const QString email = QStringLiteral("%1-%2@example.com")
                                      .arg(role, QUuid::createUuid().toString(QUuid::Id128));
        const auto reply = m_http->postJson(QStringLiteral("/api/v1/auth/register"),
                {{QStringLiteral("email"), email}, {QStringLiteral("password"), m_password},
                        {QStringLiteral("role"), role}});
        if (reply.status != 201) {
            qWarning("registering a %s answered %d: %s", qPrintable(role), reply.status,
                    reply.body.constData());
            return {};
        }
        return email;
    }

    /// Signs in over HTTP with m_password; answers the access token (empty when refused).
    QString login(const QString &email)
    {
        return m_http
                ->postJson(QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("email"), email},
                                {QStringLiteral("password"), m_password}})
                .json()
                .value(QStringLiteral("accessToken"))
                .toString();
    }

    /// Signs the app in as `email` with m_password (after signing whoever was in out).
    void signInAs(const QString &email)
    {
        m_session->signOut();
        m_session->signIn(email, m_password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), desktop::Session::State::SignedIn, kTimeout);
        QCOMPARE(m_session->user().email, email);
    }

    /// Gives the user of `token` the creator profile "Lena Travels" (travel, Austria, German and
    /// English); answers its id (empty, with a warning, when the server refused).
    QString lenaTravelsProfile(const QString &token)
    {
        const QJsonObject profile{{QStringLiteral("displayName"), QStringLiteral("Lena Travels")},
                {QStringLiteral("bio"), QStringLiteral("Alps.")},
                {QStringLiteral("niches"), QJsonArray{QStringLiteral("travel")}},
                {QStringLiteral("country"), QStringLiteral("AT")},
                {QStringLiteral("languages"),
                        QJsonArray{QStringLiteral("de"), QStringLiteral("en")}}};
        const auto put = m_http->send(
                "PUT", QStringLiteral("/api/v1/me/influencer"), compact(profile), as(token));
        if (put.status != 200 && put.status != 201) {
            qWarning("the creator profile: %d %s", put.status, put.body.constData());
            return {};
        }
        return put.json().value(QStringLiteral("id")).toString();
    }

    /// Gives the user of `token` a brand profile; answers whether the server stored it.
    bool brandProfile(const QString &token, const QString &companyName)
    {
        const auto put = m_http->send("PUT", QStringLiteral("/api/v1/me/brand"),
                compact({{QStringLiteral("companyName"), companyName}}), as(token));
        if (put.status != 200 && put.status != 201) {
            qWarning("the brand profile: %d %s", put.status, put.body.constData());
            return false;
        }
        return true;
    }

    /// Two brands and someone on the staff of both (BrandPicker's tests).
    struct TwoBrands
    {
        QString first; ///< the brand of the owner given
        QString second; ///< a new brand
        QString secondToken; ///< its owner's
        QString staffEmail; ///< staff of both; empty (with a warning) when something failed
    };
    /// A new brand `secondName` beside the brand of `ownerToken`, and a new brand user added to
    /// the staff of both.
    TwoBrands staffOfTwoBrands(const QString &ownerToken, const QString &secondName)
    {
        TwoBrands brands;
        brands.secondToken = login(signUp(QStringLiteral("brand")));
        if (!brandProfile(brands.secondToken, secondName)) {
            return {};
        }
        const auto idOf = [this](const QString &token) {
            return get(QStringLiteral("/api/v1/me"), token)[QStringLiteral("id")].toString();
        };
        brands.first = idOf(ownerToken);
        brands.second = idOf(brands.secondToken);
        const QString staffEmail = signUp(QStringLiteral("brand"));
        const QString staffId = idOf(login(staffEmail));
        for (const auto &[brand, token] : {std::pair{brands.first, ownerToken},
                     std::pair{brands.second, brands.secondToken}}) {
            const auto added = post(QStringLiteral("/api/v1/brands/%1/members").arg(brand), token,
                    {{QStringLiteral("userId"), staffId}});
            if (added.status != 201) {
                qWarning("staff not added: %d %s", added.status, added.body.constData());
                return {};
            }
        }
        brands.staffEmail = staffEmail;
        return brands;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_http;
    std::unique_ptr<desktop::Languages> m_languages;
    std::unique_ptr<common::ApiClient> m_api;
    std::unique_ptr<desktop::NoTokenStore> m_tokens;
    std::unique_ptr<desktop::Session> m_session;
    std::unique_ptr<desktop::MainWindow> m_window;
    /// Every user the test registers has this password.
    QString m_password = QUuid::createUuid().toString(QUuid::Id128);
    /// The longest stall and wall-clock gap record() has seen, in ms.
    qint64 m_longestStall = 0;
    qint64 m_longestWork = 0;
    qint64 m_longestBlocked = 0;
    qint64 m_longestWallGap = 0;
};

} // namespace influence::tests
