// SPDX-License-Identifier: Apache-2.0
// Notification preferences on the Settings page against a real server (offscreen): signed out
// the section asks to sign in; signed in it loads the defaults; changing a channel, the digest,
// the quiet hours and the time zone and saving stores them, as the API reads them back; an
// unreachable server shows the error state with Retry, which brings the form back. Screenshot;
// the GUI thread never freezes waiting.
#include "DesktopTestSupport.h"
#include "app/SettingsView.h"
#include "notifications/NotificationPreferences.h"
#include "widgets/StateStack.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QTcpServer>
#include <QTimeEdit>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::NotificationPreferences;
using influence::tests::as;
using influence::tests::kTimeout;

class TestDesktopNotificationSettings : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_email;
    QString m_token;

    NotificationPreferences *preferences()
    {
        return m_window->settingsPage()->notificationPreferences();
    }

    QJsonObject onServer() { return get(u"/api/v1/me/notification-settings"_s, m_token); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_email = signUp(u"influencer"_s);
        QVERIFY(!m_email.isEmpty());
        m_token = login(m_email);
        QVERIFY(!m_token.isEmpty());
        QVERIFY(startApp(QSize(1100, 800)));
    }

    void cleanupTestCase()
    {
        reportStalls(u"with notification settings"_s);
        stop();
    }

    void signedOutAsksToSignIn()
    {
        showPage(m_window->settingsPage());
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->state(), NotificationPreferences::State::SignedOut, kTimeout);
        QCOMPARE(preferences()->states()->state(), desktop::StateStack::State::Empty);
        QVERIFY(!find<QPushButton>(u"saveNotificationSettingsButton"_s)->isEnabled());
    }

    void loadsTheDefaults()
    {
        tests::StallMeter stalls;
        signInAs(m_email);
        showPage(m_window->settingsPage());
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->state(), NotificationPreferences::State::Loaded, kTimeout);
        QCOMPARE(preferences()->states()->state(), desktop::StateStack::State::Content);
        auto *channel = find<QComboBox>(u"channel_offer_awaiting_reply"_s);
        QVERIFY(channel);
        QCOMPARE(channel->currentText(), u"In the app and by e-mail"_s);
        // Deal activity comes first, in the app only until the person asks for mail.
        auto *activity = find<QComboBox>(u"channel_deal_activity"_s);
        QVERIFY(activity);
        QCOMPARE(activity->currentText(), u"In the app"_s);
        QVERIFY(!find<QCheckBox>(u"digest_deal_activity"_s)->isEnabled());
        QVERIFY(!find<QCheckBox>(u"quietHoursCheck"_s)->isChecked());
        QCOMPARE(find<QComboBox>(u"timeZoneBox"_s)->currentText(), u"UTC"_s);
        record(stalls);
    }

    void changesAreSavedAndReadBack()
    {
        tests::StallMeter stalls;
        auto *channel = find<QComboBox>(u"channel_offer_awaiting_reply"_s);
        channel->setCurrentIndex(channel->findData(int(common::NotificationChannel::Email)));
        auto *digest = find<QCheckBox>(u"digest_offer_awaiting_reply"_s);
        QVERIFY(digest->isEnabled());
        digest->setChecked(true);
        auto *overdue = find<QComboBox>(u"channel_deliverable_overdue"_s);
        overdue->setCurrentIndex(overdue->findData(int(common::NotificationChannel::InApp)));
        auto *activity = find<QComboBox>(u"channel_deal_activity"_s);
        activity->setCurrentIndex(activity->findData(int(common::NotificationChannel::Both)));
        QVERIFY(!find<QCheckBox>(u"digest_deliverable_overdue"_s)->isEnabled());
        find<QCheckBox>(u"quietHoursCheck"_s)->setChecked(true);
        find<QTimeEdit>(u"quietStartEdit"_s)->setTime(QTime(21, 30));
        find<QTimeEdit>(u"quietEndEdit"_s)->setTime(QTime(6, 45));
        auto *zone = find<QComboBox>(u"timeZoneBox"_s);
        const int berlin = zone->findText(u"Europe/Berlin"_s);
        QVERIFY(berlin >= 0);
        zone->setCurrentIndex(berlin);
        clickWhenEnabled(u"saveNotificationSettingsButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->messageText(), u"The notification settings were saved."_s, kTimeout);
        record(stalls);
        tests::saveScreenshot(m_window->settingsPage(), u"notification-settings"_s);

        const QJsonObject stored = onServer();
        const QJsonObject kinds = stored[u"kinds"_s].toObject();
        QCOMPARE(kinds[u"offer.awaiting_reply"_s][u"channel"_s].toString(), u"email"_s);
        QCOMPARE(kinds[u"offer.awaiting_reply"_s][u"digest"_s].toBool(), true);
        QCOMPARE(kinds[u"deliverable.overdue"_s][u"channel"_s].toString(), u"in_app"_s);
        QCOMPARE(kinds[u"deliverable.due_soon"_s][u"channel"_s].toString(), u"both"_s);
        QCOMPARE(kinds[u"deal.activity"_s][u"channel"_s].toString(), u"both"_s);
        QCOMPARE(stored[u"quietHours"_s][u"start"_s].toString(), u"21:30"_s);
        QCOMPARE(stored[u"quietHours"_s][u"end"_s].toString(), u"06:45"_s);
        QCOMPARE(stored[u"timeZone"_s].toString(), u"Europe/Berlin"_s);

        // A change made elsewhere shows after a reload.
        QCOMPARE(m_http->send("PUT", u"/api/v1/me/notification-settings"_s,
                               tests::compact({{u"quietHours"_s, QJsonValue::Null}}), as(m_token))
                         .status,
                200);
        preferences()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->state(), NotificationPreferences::State::Loaded, kTimeout);
        QVERIFY(!find<QCheckBox>(u"quietHoursCheck"_s)->isChecked());
        QCOMPARE(find<QComboBox>(u"channel_offer_awaiting_reply"_s)->currentText(), u"By e-mail"_s);
    }

    void unreachableServerShowsTheErrorState()
    {
        tests::StallMeter stalls;
        const QUrl real = m_server->url();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl unreachable(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        probe.close();
        m_api->setBaseUrl(unreachable);
        preferences()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->state(), NotificationPreferences::State::Failed, kTimeout);
        auto *error = find<QLabel>(u"notificationSettingsError"_s);
        QVERIFY2(error->text().contains(u"The server could not be reached."_s),
                qPrintable(error->text()));
        QVERIFY(!find<QPushButton>(u"saveNotificationSettingsButton"_s)->isEnabled());
        m_api->setBaseUrl(real);
        QTest::mouseClick(find<QPushButton>(u"retryNotificationSettingsButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                preferences()->state(), NotificationPreferences::State::Loaded, kTimeout);
        QCOMPARE(find<QComboBox>(u"timeZoneBox"_s)->currentText(), u"Europe/Berlin"_s);
        record(stalls);
    }
};

QTEST_MAIN(TestDesktopNotificationSettings)
#include "tst_desktop_notification_settings.moc"
