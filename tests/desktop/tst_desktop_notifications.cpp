// SPDX-License-Identifier: Apache-2.0
// Notifications in the desktop app against a real server (offscreen), signed in as the brand
// while the creator acts over the API: the bell's unread count follows (a forced poll), the
// notifications page shows each event as a sentence with its campaign and time, unread in bold;
// activating one opens its deal and the count drops; pages of 25 load on request; "Mark all
// read" zeroes the count; "99+" above 99; an unreachable server and one that answers an error
// show the error states. Each sentence names the other party, worded for its reader (the brand
// reads of the creator's counter-offer, the creator of the brand's new offer), also for rows
// written without a campaign name or an actor (as the demo data writes them). Screenshot of the
// page; the GUI thread never freezes waiting.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignsView.h"
#include "core/db/Connection.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationText.h"
#include "notifications/NotificationsView.h"
#include "notifications/TrayNotifier.h"
#include "widgets/CsvExport.h"
#include "widgets/Formats.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::DealView;
using influence::desktop::MainWindow;
using influence::desktop::NotificationBell;
using influence::desktop::NotificationsView;
using influence::desktop::Session;
using influence::tests::as;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

namespace {

/// A server that answers every request with a 500 problem (an API in trouble).
class FailingServer : public QTcpServer
{
public:
    FailingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->peek(65536).contains("\r\n\r\n")) {
                        return;
                    }
                    socket->readAll();
                    const QByteArray body = R"({"type":"/docs#problem-internal_error",)"
                                            R"("title":"Internal server error","status":500,)"
                                            R"("code":"internal_error",)"
                                            R"("detail":"The notification store is down."})";
                    socket->write("HTTP/1.1 500 Internal Server Error\r\n"
                                  "Content-Type: application/problem+json\r\n"
                                  "Connection: close\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
};

} // namespace

class TestDesktopNotifications : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_creatorEmail;
    QString m_brandToken;
    QString m_creatorToken;
    QString m_creatorId;
    QString m_dealId;
    QString m_campaignName;
    QString m_campaignId;

    NotificationBell *bell() { return m_window->notificationBell(); }
    NotificationsView *page() { return m_window->notificationsPage(); }
    QTreeWidget *list() { return page()->list(); }
    int unreadOnServer()
    {
        const auto reply = m_http->get(u"/api/v1/notifications/unread-count"_s, as(m_brandToken));
        if (reply.status != 200) {
            qWarning("unread-count answered %d: %s", reply.status, reply.body.constData());
            return -reply.status;
        }
        return reply.json().value(u"count"_s).toInt(-1);
    }
    /// The creator writes `count` messages in the deal (each notifies the brand).
    void creatorWrites(int count)
    {
        for (int i = 1; i <= count; ++i) {
            QCOMPARE(post(u"/api/v1/deals/%1/messages"_s.arg(m_dealId), m_creatorToken,
                             {{u"body"_s, u"Question %1"_s.arg(i)}})
                             .status,
                    201);
        }
    }
    /// A forced poll, waited for.
    void poll()
    {
        bell()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!bell()->isPending(), kTimeout);
    }
    bool isBold(int row) { return list()->topLevelItem(row)->font(0).bold(); }
    void openList()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_window->currentPage(), page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), NotificationsView::State::Loaded, kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_creatorEmail = signUp(u"influencer"_s);
        QVERIFY(!m_brandEmail.isEmpty() && !m_creatorEmail.isEmpty());
        m_brandToken = login(m_brandEmail);
        m_creatorToken = login(m_creatorEmail);
        m_creatorId = lenaTravelsProfile(m_creatorToken);
        QVERIFY(!m_creatorId.isEmpty());
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));

        m_campaignName = u"Summit boots"_s;
        const QJsonObject body{{u"name"_s, m_campaignName}, {u"brief"_s, u"Summit photos."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 300000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString campaign =
                post(u"/api/v1/campaigns"_s, m_brandToken, body).json().value(u"id"_s).toString();
        m_campaignId = campaign;
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(campaign), m_brandToken).status, 200);
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brandToken,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, tests::reelOffer(50000)}});
        QCOMPARE(invited.status, 201);
        m_dealId = invited.json().value(u"id"_s).toString();

        QVERIFY(startApp(QSize(1100, 700)));
    }

    void cleanupTestCase()
    {
        reportStalls(u"with notifications"_s);
        stop();
    }

    void bellIsQuietWhileSignedOut()
    {
        QVERIFY(bell());
        QVERIFY(!bell()->isEnabled());
        QCOMPARE(bell()->count(), 0);
        QVERIFY(!bell()->pollTimer()->isActive());
        QCOMPARE(bell()->accessibleName(), u"Notifications"_s);
        QCOMPARE(NotificationBell::badge(0), QString());
        QCOMPARE(NotificationBell::badge(7), u"7"_s);
        QCOMPARE(NotificationBell::badge(99), u"99"_s);
        QCOMPARE(NotificationBell::badge(100), u"99+"_s);
    }

    void bellCountsWhatTheCreatorDoes()
    {
        m_session->signIn(m_brandEmail, m_password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, kTimeout);
        tests::StallMeter stalls;
        // Signing in asks at once and starts the 30 s poll.
        QVERIFY(bell()->isEnabled());
        QVERIFY(bell()->pollTimer()->isActive());
        QCOMPARE(bell()->pollTimer()->interval(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!bell()->isPending(), kTimeout);
        QVERIFY(!bell()->failed());
        QCOMPARE(bell()->count(), 0); // the brand's own invitation told only the creator
        QCOMPARE(bell()->text(), QString());
        QVERIFY(bell()->toolTip().startsWith(u"No unread notifications"_s));

        // A poll while one is pending sends no second request now, but one after it.
        QSignalSpy polled(bell(), &NotificationBell::polled);
        bell()->refresh();
        bell()->refresh();
        bell()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(polled.count(), 2, kTimeout);
        QTest::qWait(50);
        QCOMPARE(polled.count(), 2);

        stalls.reset();
        const auto countered = post(u"/api/v1/deals/%1/offers"_s.arg(m_dealId), m_creatorToken,
                tests::reelOffer(60000));
        QCOMPARE(countered.status, 201);
        stalls.reset(); // the test's own blocking HTTP call
        poll();
        QCOMPARE(bell()->count(), 1);
        QCOMPARE(bell()->text(), u"1"_s);
        QVERIFY(bell()->font().bold());
        QVERIFY2(bell()->toolTip().startsWith(u"1 unread notification"_s),
                qPrintable(bell()->toolTip()));
        QCOMPARE(bell()->accessibleDescription(), u"1 unread notification"_s);
        record(stalls);
    }

    void listShowsTheSentence()
    {
        tests::StallMeter stalls;
        openList();
        QCOMPARE(list()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = list()->topLevelItem(0);
        QCOMPARE(item->text(NotificationsView::SentenceColumn),
                u"Lena Travels sent a counter-offer."_s);
        QCOMPARE(item->text(NotificationsView::CampaignColumn), m_campaignName);
        QCOMPARE(item->text(NotificationsView::TimeColumn), u"just now"_s);
        QVERIFY(isBold(0));
        QVERIFY(!find<QPushButton>(u"moreNotificationsButton"_s)->isVisible());
        QVERIFY(find<QPushButton>(u"markAllReadButton"_s)->isEnabled());
        saveScreenshot(m_window.get(), u"notifications"_s);
        record(stalls);
    }

    void exportListsWhatTheListShows()
    {
        tests::StallMeter stalls;
        QVERIFY(find<QPushButton>(u"exportNotificationsButton"_s)->isEnabled());
        const QByteArray bytes = page()->csv();
        const QList<QStringList> rows = desktop::Csv::parse(bytes);
        QCOMPARE(rows.size(), 1 + list()->topLevelItemCount());
        QCOMPARE(rows.at(0),
                (QStringList{u"Notification"_s, u"Campaign"_s, u"From"_s, u"Time"_s, u"Read"_s}));
        for (int row = 0; row < list()->topLevelItemCount(); ++row) {
            const QStringList &fields = rows.at(row + 1);
            const common::Notification &n = page()->notifications().at(row);
            QCOMPARE(fields.size(), 5);
            QCOMPARE(fields.at(0),
                    list()->topLevelItem(row)->text(NotificationsView::SentenceColumn));
            QCOMPARE(fields.at(1),
                    list()->topLevelItem(row)->text(NotificationsView::CampaignColumn));
            QCOMPARE(fields.at(2), u"Lena Travels"_s);
            QCOMPARE(QDateTime::fromString(fields.at(3), Qt::ISODateWithMs), n.createdAt);
            QCOMPARE(fields.at(4), n.read ? u"yes"_s : u"no"_s);
        }
        // Written on a worker thread as UTF-8 with CRLF line ends, as it was made.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"notifications.csv"_s);
        QString error = u"not written"_s;
        desktop::writeFileInBackground(
                page(), path, bytes, [&error](const QString &, const QString &e) {
                    error = e;
                });
        QTRY_VERIFY_WITH_TIMEOUT(error.isEmpty(), kTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QCOMPARE(written, bytes);
        QVERIFY(written.contains("counter-offer.,Summit boots,Lena Travels,"));
        QVERIFY(written.endsWith("\r\n"));
        record(stalls);
    }

    void activatingOpensTheDeal()
    {
        tests::StallMeter stalls;
        list()->setFocus();
        list()->setCurrentItem(list()->topLevelItem(0));
        QTest::keyClick(list(), Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), m_window->dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->dealPage()->isComplete(), kTimeout);
        QCOMPARE(m_window->dealPage()->deal().id, m_dealId);
        // Marked read on the server, and the bell asked again at once.
        QTRY_COMPARE_WITH_TIMEOUT(bell()->count(), 0, kTimeout);
        QCOMPARE(bell()->text(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(page()->notifications().at(0).read, kTimeout);
        QVERIFY(!isBold(0));
        record(stalls);
        QCOMPARE(unreadOnServer(), 0);
    }

    void aCampaignOpensSelected()
    {
        // (The server's notifications are about deals and deliverables; one about a campaign
        // leads to the campaigns page with the campaign selected.)
        tests::StallMeter stalls;
        m_window->openCampaign(m_campaignId);
        QCOMPARE(m_window->currentPage(), m_window->campaignsPage());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->campaignsPage()->selected()
                        && m_window->campaignsPage()->selected()->id == m_campaignId,
                kTimeout);
        record(stalls);
    }

    void pagesAndMarkAllRead()
    {
        creatorWrites(26);
        tests::StallMeter stalls;
        poll();
        QCOMPARE(bell()->count(), 26);
        // The bell opens the list (a click, as the shortcut does).
        QTest::mouseClick(bell(), Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), NotificationsView::State::Loaded, kTimeout);
        QCOMPARE(list()->topLevelItemCount(), 25);
        QCOMPARE(list()->topLevelItem(0)->text(0), u"Lena Travels wrote: “Question 26”"_s);
        QVERIFY(isBold(0));
        auto *more = find<QPushButton>(u"moreNotificationsButton"_s);
        QVERIFY(more->isVisible());
        // The export says that only the newest were listed.
        const QList<QStringList> exported = desktop::Csv::parse(page()->csv());
        QCOMPARE(exported.size(), 1 + 1 + 1 + 25);
        QCOMPARE(exported.at(0),
                (QStringList{u"Listed"_s, u"the newest 25 (older ones were not loaded)"_s}));
        QVERIFY(exported.at(1).isEmpty());
        QCOMPARE(exported.at(2).at(0), u"Notification"_s);
        QCOMPARE(exported.at(3).at(0), u"Lena Travels wrote: “Question 26”"_s);
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list()->topLevelItemCount(), 27, kTimeout);
        QVERIFY(!more->isVisible());
        QCOMPARE(list()->topLevelItem(25)->text(0), u"Lena Travels wrote: “Question 1”"_s);
        QCOMPARE(list()->topLevelItem(26)->text(0), u"Lena Travels sent a counter-offer."_s);
        QVERIFY(isBold(25));
        QVERIFY(!isBold(26));

        QTest::mouseClick(find<QPushButton>(u"markAllReadButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(bell()->count(), 0, kTimeout);
        QCOMPARE(page()->messageText(), u"26 notifications marked read."_s);
        for (int row = 0; row < list()->topLevelItemCount(); ++row) {
            QVERIFY(!isBold(row));
        }
        record(stalls);
        QCOMPARE(unreadOnServer(), 0);
    }

    void manyShowAsNinetyNinePlus()
    {
        creatorWrites(100);
        tests::StallMeter stalls;
        poll();
        QCOMPARE(bell()->count(), 100);
        QCOMPARE(bell()->text(), u"99+"_s);
        QVERIFY(bell()->toolTip().startsWith(u"100 unread notifications"_s));
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_brandToken).status, 200);
        stalls.reset();
        poll();
        QCOMPARE(bell()->text(), QString());
        record(stalls);
    }

    void unreachableAndFailingServers()
    {
        tests::StallMeter stalls;
        const QUrl real = m_server->url();
        // Nothing listens on a port just released.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl unreachable(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        probe.close();
        m_api->setBaseUrl(unreachable);
        poll();
        QVERIFY(bell()->failed());
        QCOMPARE(bell()->count(), 0); // the last count stays
        QVERIFY2(bell()->toolTip().contains(u"could not be updated"_s),
                qPrintable(bell()->toolTip()));
        QTest::mouseClick(find<QPushButton>(u"reloadNotificationsButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), NotificationsView::State::Failed, kTimeout);
        auto *error = find<QLabel>(u"notificationsError"_s);
        QVERIFY2(error->text().contains(u"The server could not be reached."_s),
                qPrintable(error->text()));
        auto *retry = find<QPushButton>(u"retryNotificationsButton"_s);
        QVERIFY(retry->isVisible());

        // A server that answers with a problem: its detail is shown.
        FailingServer failing;
        QVERIFY(failing.isListening());
        m_api->setBaseUrl(failing.url());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), NotificationsView::State::Failed, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
                error->text().contains(u"The notification store is down."_s), kTimeout);
        poll();
        QVERIFY(bell()->failed());
        QVERIFY(bell()->toolTip().contains(u"The notification store is down."_s));
        // (Saving the screenshot is the test's own work: it stays out of the measured time.)
        record(stalls);
        saveScreenshot(page(), u"notifications-error"_s);

        // Back on the real server, Retry brings the list back.
        tests::StallMeter back;
        m_api->setBaseUrl(real);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), NotificationsView::State::Loaded, kTimeout);
        poll();
        QVERIFY(!bell()->failed());
        record(back);
    }

    void signingOutStopsThePoll()
    {
        tests::StallMeter stalls;
        creatorWrites(1);
        stalls.reset();
        poll();
        QCOMPARE(bell()->count(), 1);
        m_session->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedOut, kTimeout);
        QVERIFY(!bell()->pollTimer()->isActive());
        QCOMPARE(bell()->count(), 0);
        QCOMPARE(bell()->text(), QString());
        QVERIFY(!bell()->isEnabled());
        QSignalSpy requests(m_api.get(), &common::ApiClient::requestStarted);
        bell()->refresh();
        QCOMPARE(requests.count(), 0);
        QCOMPARE(page()->notifications().size(), 0);
        record(stalls);
    }

    void demoRowShowsItsCampaign()
    {
        // The demo data writes notifications with only their deal in the data: no campaign
        // name and no "by". Their Campaign column was empty.
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        const auto url = server::db::DatabaseUrl::parse(m_server->databaseUrl());
        QVERIFY(url);
        settings->url = *url;
        server::db::Connection db(settings, u"notifications-test"_s);
        static const server::db::SqlStatement insert(
                u"INSERT INTO notifications (user_id, kind, object_type, object_id, data) "
                "SELECT u.id, 'offer.made', 'deal', CAST(:deal AS uuid), "
                "jsonb_build_object('dealId', CAST(:deal AS text)) "
                "FROM users u WHERE u.email = :email"_s);
        QVERIFY(db.run(insert, {{u":deal"_s, m_dealId}, {u":email"_s, m_brandEmail}}));

        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        openList();
        QCOMPARE(list()->topLevelItem(0)->text(NotificationsView::CampaignColumn), m_campaignName);
        record(stalls);
    }

    void demoRowTellsTheBrandOfTheCounterOffer()
    {
        // The same row: the brand was told "The brand sent a new offer." of the creator's
        // counter-offer (no "by" read as the brand's).
        QCOMPARE(list()->topLevelItem(0)->text(NotificationsView::SentenceColumn),
                u"Lena Travels sent a counter-offer."_s);
    }

    void theCreatorReadsOfTheBrand()
    {
        // The brand answers the counter-offer with a new one: the creator is told, by name.
        QCOMPARE(post(u"/api/v1/deals/%1/offers"_s.arg(m_dealId), m_brandToken,
                         tests::reelOffer(55000))
                         .status,
                201);
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        openList();
        QCOMPARE(list()->topLevelItemCount(), 2);
        QCOMPARE(list()->topLevelItem(0)->text(NotificationsView::SentenceColumn),
                u"Alpine Boots sent a new offer."_s);
        QCOMPARE(list()->topLevelItem(0)->text(NotificationsView::CampaignColumn), m_campaignName);
        QCOMPARE(list()->topLevelItem(1)->text(NotificationsView::SentenceColumn),
                u"Alpine Boots invited you to collaborate."_s);
        QCOMPARE(list()->topLevelItem(1)->text(NotificationsView::CampaignColumn), m_campaignName);
        record(stalls);
    }

    void trayTellsWhileTheWindowIsNotActive()
    {
        // (Signed in as the creator; the brand writes.)
        const auto brandWrites = [&](int count) {
            for (int i = 1; i <= count; ++i) {
                QCOMPARE(post(u"/api/v1/deals/%1/messages"_s.arg(m_dealId), m_brandToken,
                                 {{u"body"_s, u"Answer %1"_s.arg(i)}})
                                 .status,
                        201);
            }
        };
        tests::StallMeter stalls;
        poll();
        const int before = bell()->count();
        desktop::TrayNotifier tray(bell(), m_window.get());
        QSignalSpy notified(&tray, &desktop::TrayNotifier::notified);
        QCOMPARE(tray.knownCount(), before);

        // While the window is active, the bell is news enough.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        brandWrites(1);
        stalls.reset();
        poll();
        QCOMPARE(bell()->count(), before + 1);
        QCOMPARE(notified.count(), 0);

        // Another window in front: the two new ones are told, once.
        QWidget other;
        other.resize(200, 100);
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        QVERIFY(!m_window->isActiveWindow());
        brandWrites(2);
        stalls.reset();
        poll();
        QCOMPARE(bell()->count(), before + 3);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.at(0).at(0).toInt(), 2);
        QCOMPARE(notified.at(0).at(1).toInt(), before + 3);
        QCOMPARE(tray.notificationCount(), 1);
        // Nothing new, nothing told; no tray icon where the system has no tray (offscreen).
        poll();
        QCOMPARE(notified.count(), 1);
        QCOMPARE(tray.trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());

        // Read elsewhere (a fall is no news), then one more: only that one is new.
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_creatorToken).status, 200);
        stalls.reset();
        poll();
        QCOMPARE(bell()->count(), 0);
        QCOMPARE(notified.count(), 1);
        brandWrites(1);
        stalls.reset();
        poll();
        QCOMPARE(notified.count(), 2);
        QCOMPARE(notified.at(1).at(0).toInt(), 1);
        QCOMPARE(notified.at(1).at(1).toInt(), 1);
        record(stalls);
    }

    void payoutAndAutomationNoticesReadAsSentences()
    {
        common::Notification late;
        late.kind = u"payout.late"_s;
        late.data = {{u"amountMinor"_s, 120000}, {u"currency"_s, u"EUR"_s},
                {u"campaignName"_s, u"Summit Boots"_s}};
        const QString lateText = desktop::NotificationText::notification(late);
        QVERIFY2(lateText.contains(u"Summit Boots"_s) && lateText.contains(u"late"_s),
                qPrintable(lateText));
        QVERIFY(lateText.contains(desktop::Formats::money({120000, u"EUR"_s})));
        common::Notification warning = late;
        warning.kind = u"payout.unclaimed"_s;
        warning.data.insert(u"stage"_s, u"warning"_s);
        QVERIFY(desktop::NotificationText::notification(warning).contains(u"in a week"_s));
        common::Notification returned = warning;
        returned.data.insert(u"stage"_s, u"returned"_s);
        QVERIFY(desktop::NotificationText::notification(returned).contains(u"went back"_s));
        common::Notification rule;
        rule.kind = u"rule.fired"_s;
        rule.data = {{u"text"_s, u"Budget at 80 %"_s}, {u"ruleName"_s, u"Budget watch"_s}};
        QCOMPARE(desktop::NotificationText::notification(rule),
                u"Budget at 80 % (automation “Budget watch”)"_s);
    }
};

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktop_notifications.moc"
