// SPDX-License-Identifier: Apache-2.0
// Notification settings (GET/PUT /api/v1/me/notification-settings, 0021) over HTTP against a real
// PostgreSQL and the local SMTP peer: defaults, merging updates, bad input refused with 422
// naming the field and changing nothing; reminders follow the channel (off, in_app, email,
// both); quiet hours in the person's time zone defer the mail to their end; the daily digest
// gathers several reminders into one mail, at most one a day, and none when nothing happened.
#include "ReminderHarness.h"
#include "common/NotificationTypes.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;

namespace {

const QString kSettings = u"/api/v1/me/notification-settings"_s;

QJsonObject kindSetting(const QString &kind, const QJsonObject &setting)
{
    return {{u"kinds"_s, QJsonObject{{kind, setting}}}};
}

} // namespace

class TestNotificationSettings : public QObject, protected influence::tests::ReminderHarness
{
    Q_OBJECT

private:
    /// Waits until no deal-activity mail job is queued or running.
    bool dealMailsWritten()
    {
        return QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM jobs WHERE kind = "
                                 "'notifications.deal_activity' AND state IN ('queued', "
                                 "'running')"_s)
                            == 0;
                },
                10'000);
    }

    /// Mails to the creator whose subject is `subject`.
    qint64 creatorMailsTitled(const QString &subject)
    {
        return count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'creator@example.com' "
                     "AND subject = '%1'"_s.arg(QString(subject).replace(u"'"_s, u"''"_s)));
    }

    /// Back to the defaults for the kinds the tests change.
    bool reset(const QString &token)
    {
        QJsonObject kinds;
        for (const QString &kind : {u"deliverable.due_soon"_s, u"offer.awaiting_reply"_s}) {
            kinds.insert(kind, QJsonObject{{u"channel"_s, u"both"_s}, {u"digest"_s, false}});
        }
        return m_api->put(kSettings, token,
                            {{u"kinds"_s, kinds}, {u"quietHours"_s, QJsonValue::Null},
                                    {u"timeZone"_s, u"UTC"_s}})
                       .status
                == 200;
    }

    /// The creator's due-soon reminders of a new deal after a scan: {in the app, mails}.
    std::pair<int, qint64> dueSoonReminders(const QString &channel)
    {
        if (m_api->put(kSettings, m_creator,
                         kindSetting(u"deliverable.due_soon"_s, {{u"channel"_s, channel}}))
                        .status
                != 200) {
            return {-1, -1};
        }
        const auto [deal, deliverable] = acceptedDeal(1);
        if (!scan()) {
            return {-1, -1};
        }
        return {notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable),
                mailsAbout(u"creator@example.com"_s, deal)};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }

    void cleanupTestCase() { stop(); }

    void defaultsForSomeoneWhoSetNothing()
    {
        const HttpReply reply = m_api->get(kSettings, m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonObject kinds = reply.json()[u"kinds"_s].toObject();
        QCOMPARE(kinds.size(), 8); // reminderKinds(): deal activity and seven reminders
        for (const QString &kind : common::reminderKinds()) {
            // What happens on a deal goes to the app only, unless the person asks for mail.
            QCOMPARE(kinds[kind][u"channel"_s].toString(),
                    kind == u"deal.activity"_s ? u"in_app"_s : u"both"_s);
            QCOMPARE(kinds[kind][u"digest"_s].toBool(true), false);
        }
        QCOMPARE(common::NotificationSettings::fromJson(reply.json())
                         ->preference(u"deal.activity"_s)
                         .channel,
                common::NotificationChannel::InApp);
        QVERIFY(reply.json()[u"quietHours"_s].isNull());
        QCOMPARE(reply.json()[u"timeZone"_s].toString(), u"UTC"_s);
        QCOMPARE(m_api->get(kSettings, QString()).status, 401);
    }

    void updatesMergeAndReadBack()
    {
        HttpReply reply = m_api->put(kSettings, m_brand,
                {{u"kinds"_s,
                         QJsonObject{{u"offer.awaiting_reply"_s,
                                 QJsonObject{{u"channel"_s, u"email"_s}}}}},
                        {u"quietHours"_s,
                                QJsonObject{{u"start"_s, u"22:00"_s}, {u"end"_s, u"07:00"_s}}},
                        {u"timeZone"_s, u"Europe/Berlin"_s}});
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json()[u"kinds"_s][u"offer.awaiting_reply"_s][u"channel"_s].toString(),
                u"email"_s);
        // Only the digest given: the channel stays.
        reply = m_api->put(
                kSettings, m_brand, kindSetting(u"offer.awaiting_reply"_s, {{u"digest"_s, true}}));
        QCOMPARE(reply.status, 200);
        reply = m_api->get(kSettings, m_brand);
        const QJsonObject offer = reply.json()[u"kinds"_s][u"offer.awaiting_reply"_s].toObject();
        QCOMPARE(offer[u"channel"_s].toString(), u"email"_s);
        QCOMPARE(offer[u"digest"_s].toBool(), true);
        QCOMPARE(reply.json()[u"kinds"_s][u"deliverable.overdue"_s][u"channel"_s].toString(),
                u"both"_s);
        QCOMPARE(reply.json()[u"quietHours"_s][u"start"_s].toString(), u"22:00"_s);
        QCOMPARE(reply.json()[u"quietHours"_s][u"end"_s].toString(), u"07:00"_s);
        QCOMPARE(reply.json()[u"timeZone"_s].toString(), u"Europe/Berlin"_s);
        // The typed reader sees the same.
        const auto settings = common::NotificationSettings::fromJson(reply.json());
        QVERIFY(settings);
        QCOMPARE(settings->preference(u"offer.awaiting_reply"_s).channel,
                common::NotificationChannel::Email);
        QCOMPARE(settings->quietHours->start, QTime(22, 0));
        QVERIFY(reset(m_brand));
        QVERIFY(m_api->get(kSettings, m_brand).json()[u"quietHours"_s].isNull());
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("channel") << kindSetting(
                u"deliverable.due_soon"_s, {{u"channel"_s, u"sms"_s}})
                                 << u"kinds/deliverable.due_soon/channel"_s;
        QTest::newRow("kind") << kindSetting(u"deal.whatever"_s, {{u"channel"_s, u"off"_s}})
                              << u"kinds/deal.whatever"_s;
        QTest::newRow("digest") << kindSetting(u"deliverable.due_soon"_s, {{u"digest"_s, u"yes"_s}})
                                << u"kinds/deliverable.due_soon/digest"_s;
        QTest::newRow("kinds") << QJsonObject{{u"kinds"_s, QJsonArray{}}} << u"kinds"_s;
        QTest::newRow("zone") << QJsonObject{{u"timeZone"_s, u"Mars/Olympus_Mons"_s}}
                              << u"timeZone"_s;
        QTest::newRow("zone type") << QJsonObject{{u"timeZone"_s, 2}} << u"timeZone"_s;
        QTest::newRow("start") << QJsonObject{{u"quietHours"_s,
                QJsonObject{{u"start"_s, u"25:00"_s}, {u"end"_s, u"07:00"_s}}}}
                               << u"quietHours/start"_s;
        QTest::newRow("empty hours") << QJsonObject{{u"quietHours"_s,
                QJsonObject{{u"start"_s, u"07:00"_s}, {u"end"_s, u"07:00"_s}}}}
                                     << u"quietHours/end"_s;
        // One bad member refuses the whole update.
        QTest::newRow("mixed") << QJsonObject{{u"timeZone"_s, u"Asia/Tokyo"_s},
                {u"kinds"_s,
                        QJsonObject{{u"offer.awaiting_reply"_s, QJsonObject{{u"channel"_s, 3}}}}}}
                               << u"kinds/offer.awaiting_reply/channel"_s;
    }

    void badInputChangesNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QByteArray before = m_api->get(kSettings, m_creator).body;
        const HttpReply reply = m_api->put(kSettings, m_creator, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()[u"code"_s].toString(), u"validation_failed"_s);
        QCOMPARE(reply.json()[u"errors"_s][0][u"field"_s].toString(), field);
        QCOMPARE(m_api->get(kSettings, m_creator).body, before);
    }

    void remindersFollowTheChannel()
    {
        QCOMPARE(dueSoonReminders(u"off"_s), (std::pair<int, qint64>{0, 0}));
        QCOMPARE(dueSoonReminders(u"in_app"_s), (std::pair<int, qint64>{1, 0}));
        QCOMPARE(dueSoonReminders(u"email"_s), (std::pair<int, qint64>{0, 1}));
        QCOMPARE(dueSoonReminders(u"both"_s), (std::pair<int, qint64>{1, 1}));
        QVERIFY(reset(m_creator));
    }

    void quietHoursDeferTheMailToTheirEnd()
    {
        // Quiet from an hour ago until two hours from now, in Tokyo's time.
        const QTimeZone tokyo("Asia/Tokyo");
        const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(tokyo);
        const QTime start = QTime(now.time().hour(), now.time().minute()).addSecs(-3600);
        const QTime end = QTime(now.time().hour(), now.time().minute()).addSecs(7200);
        QDateTime expected(now.date().addDays(end < now.time() ? 1 : 0), end, tokyo);
        QCOMPARE(
                m_api->put(kSettings, m_creator,
                             {{u"timeZone"_s, u"Asia/Tokyo"_s},
                                     {u"quietHours"_s,
                                             QJsonObject{{u"start"_s, common::timeOfDayText(start)},
                                                     {u"end"_s, common::timeOfDayText(end)}}}})
                        .status,
                200);
        const auto [deal, deliverable] = acceptedDeal(1);
        QVERIFY(scan());
        // In the app at once; the mail waits, its job and its outbox row due at the end.
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable), 1);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, deal), 1);
        const QString mail =
                u"(SELECT id::text FROM mail_outbox WHERE body_text LIKE '%/deals/%1%')"_s.arg(
                        deal);
        QCOMPARE(count(u"SELECT extract(epoch FROM run_at)::bigint FROM jobs "
                       "WHERE kind = 'mail.send' AND payload->>'id' = %1"_s.arg(mail)),
                expected.toSecsSinceEpoch());
        QCOMPARE(count(u"SELECT extract(epoch FROM next_attempt_at)::bigint FROM mail_outbox "
                       "WHERE id::text = %1"_s.arg(mail)),
                expected.toSecsSinceEpoch());
        QTest::qWait(500);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE id::text = %1 "
                       "AND sent_at IS NULL"_s.arg(mail)),
                1);
        QVERIFY(reset(m_creator));
    }

    void theDigestGathersRemindersIntoOneMailADay()
    {
        QCOMPARE(m_api->put(kSettings, m_creator,
                              kindSetting(u"deliverable.due_soon"_s,
                                      {{u"channel"_s, u"email"_s}, {u"digest"_s, true}}))
                         .status,
                200);
        // The brand chose a digest too, but nothing happens to it: no digest for the brand.
        QCOMPARE(m_api->put(kSettings, m_brand,
                              kindSetting(u"offer.awaiting_reply"_s,
                                      {{u"channel"_s, u"email"_s}, {u"digest"_s, true}}))
                         .status,
                200);
        const QString first = acceptedDeal(1).first;
        const QString second = acceptedDeal(1).first;
        QVERIFY(scan());
        QCOMPARE(mailsAbout(u"creator@example.com"_s, first), 0);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, second), 0);
        const QString digests = u"SELECT count(*) FROM mail_outbox WHERE recipient = '%1' "
                                "AND subject LIKE 'Your daily digest:%'"_s;
        QVERIFY(runJob(u"notifications.digest"_s, u"notifications"_s));
        QCOMPARE(count(digests.arg(u"creator@example.com"_s)), 1);
        QCOMPARE(count(digests.arg(u"brand@example.com"_s)), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'creator@example.com' "
                       "AND subject = 'Your daily digest: 2 updates' "
                       "AND body_text LIKE '%/deals/%1%' AND body_text LIKE '%/deals/%2%'"_s.arg(
                               first, second)),
                1);
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM mail_outbox WHERE subject LIKE "
                                 "'Your daily digest:%' AND sent_at IS NOT NULL"_s)
                            == 1;
                },
                10'000));

        // The same day: what comes next waits for tomorrow's digest.
        const QString third = acceptedDeal(1).first;
        QVERIFY(scan());
        QVERIFY(runJob(u"notifications.digest"_s, u"notifications"_s));
        QCOMPARE(count(digests.arg(u"creator@example.com"_s)), 1);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, third), 0);
        QCOMPARE(count(u"SELECT count(*) FROM notification_digest_items "
                       "WHERE digested_at IS NULL"_s),
                1);
        // A day later it goes out, with only the new item.
        QVERIFY(m_db->execDirect(u"UPDATE notification_settings "
                                 "SET last_digest_at = last_digest_at - interval '1 day'"_s));
        QVERIFY(runJob(u"notifications.digest"_s, u"notifications"_s));
        QCOMPARE(count(digests.arg(u"creator@example.com"_s)), 2);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE subject = "
                       "'Your daily digest: 1 update' AND body_text LIKE '%/deals/%1%'"_s.arg(
                               third)),
                1);
        QVERIFY(reset(m_creator));
        QVERIFY(reset(m_brand));
    }

    // What the other side does on a deal (0030): in the app by default, and as the person's
    // "deal.activity" setting says: off, the app, e-mail (a mail per event, with its text and
    // the deal's link), both, or the digest.
    void dealActivityFollowsTheChannel()
    {
        struct Case
        {
            QString channel;
            int inApp;
            qint64 mails;
        };
        for (const Case &expected : {Case{u"off"_s, 0, 0}, Case{u"in_app"_s, 1, 0},
                     Case{u"email"_s, 0, 1}, Case{u"both"_s, 1, 1}}) {
            QCOMPARE(m_api->put(kSettings, m_creator,
                                  kindSetting(
                                          u"deal.activity"_s, {{u"channel"_s, expected.channel}}))
                             .status,
                    200);
            const QString deal = invitedDeal(5).first;
            QVERIFY(!deal.isEmpty());
            QVERIFY(dealMailsWritten());
            QCOMPARE(notificationsAbout(m_creator, u"deal.invited"_s, deal), expected.inApp);
            QCOMPARE(mailsAbout(u"creator@example.com"_s, deal), expected.mails);
            QCOMPARE(creatorMailsTitled(u"Alpine Boots invited you to collaborate (Reminder "
                                        "campaign %1)"_s.arg(m_counter)),
                    expected.mails);
        }

        // A message by e-mail carries its words; the brand, at the default, is told of the
        // creator's acceptance in the app only.
        const auto [deal, offerId] = invitedDeal(5);
        QCOMPARE(m_api->post(u"/api/v1/deals/%1/messages"_s.arg(deal), m_brand,
                              {{u"body"_s, u"Bring the red boots, please."_s}})
                         .status,
                201);
        QCOMPARE(m_api->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_creator)
                         .status,
                200);
        QVERIFY(dealMailsWritten());
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'creator@example.com' "
                       "AND subject LIKE 'Alpine Boots sent you a message%' "
                       "AND body_text LIKE '%“Bring the red boots, please.”%'"_s),
                1);
        QCOMPARE(notificationsAbout(m_brand, u"offer.accepted"_s, deal), 1);
        QCOMPARE(mailsAbout(u"brand@example.com"_s, deal), 0);

        // With the digest, the mail waits for it.
        QCOMPARE(m_api->put(kSettings, m_creator,
                              kindSetting(u"deal.activity"_s,
                                      {{u"channel"_s, u"email"_s}, {u"digest"_s, true}}))
                         .status,
                200);
        const QString waiting = invitedDeal(5).first;
        QVERIFY(dealMailsWritten());
        QCOMPARE(mailsAbout(u"creator@example.com"_s, waiting), 0);
        QCOMPARE(count(u"SELECT count(*) FROM notification_digest_items WHERE kind = "
                       "'deal.activity' AND body_text LIKE '%/deals/%1%'"_s.arg(waiting)),
                1);
        QCOMPARE(m_api->put(kSettings, m_creator,
                              kindSetting(u"deal.activity"_s,
                                      {{u"channel"_s, u"in_app"_s}, {u"digest"_s, false}}))
                         .status,
                200);

        // A payout's mail writes its amount in the currency's own digits (as common's
        // formatMoneyPlain does).
        const auto amounts = m_db->scalar(server::db::SqlStatement(
                u"SELECT concat_ws('|', money_plain(123450, 'EUR'), money_plain(5, 'EUR'), "
                "money_plain(123450, 'JPY'), money_plain(1234, 'KWD'), money_plain(-7, 'USD'))"_s));
        QVERIFY(amounts);
        QCOMPARE(amounts->toString(), u"1234.50 EUR|0.05 EUR|123450 JPY|1.234 KWD|-0.07 USD"_s);
    }
};

QTEST_GUILESS_MAIN(TestNotificationSettings)
#include "tst_notification_settings.moc"
