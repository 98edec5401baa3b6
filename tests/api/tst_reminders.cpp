// SPDX-License-Identifier: Apache-2.0
// Reminders through the job queue (reminders.scan, reminders_scan() in 0021), over HTTP against a
// real PostgreSQL: a deliverable due within 48 hours reminds the creator once, in the app and by
// e-mail; once it is overdue, both sides are reminded once and the deal's timeline records it
// once, also when nobody wants the reminder; a live deliverable reminds nobody. An offer without
// an answer for 48 hours reminds the side it waits for, a draft in review for 48 hours the brand,
// a payout owed to a creator without payout details the creator, each once, and none of them
// once answered, reviewed or the details added.
#include "ReminderHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;

class TestReminders : public QObject, protected influence::tests::ReminderHarness
{
    Q_OBJECT

private:
    int timelineEvents(const QString &deal, const QString &kind)
    {
        int found = 0;
        const HttpReply reply =
                m_api->get(u"/api/v1/deals/%1/events?limit=100"_s.arg(deal), m_brand);
        for (const auto &item : reply.json()[u"items"_s].toArray()) {
            found += item[u"kind"_s].toString() == kind ? 1 : 0;
        }
        return found;
    }

    bool backdateOpenOffers(const QString &deal)
    {
        return bool(m_db->execDirect(u"UPDATE offers SET created_at = now() - interval '49 hours' "
                                     "WHERE deal_id = '%1' AND status = 'open'"_s.arg(deal)));
    }

    bool backdateDrafts(const QString &deliverable)
    {
        return bool(m_db->execDirect(
                u"UPDATE deliverable_versions SET submitted_at = now() - interval '49 hours' "
                "WHERE deliverable_id = '%1'"_s.arg(deliverable)));
    }

    bool submitDraft(const QString &deliverable)
    {
        return m_api->post(u"/api/v1/deliverables/%1/versions"_s.arg(deliverable), m_creator,
                            {{u"caption"_s, u"Boots at dawn."_s}})
                       .status
                == 201;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }

    void cleanupTestCase() { stop(); }

    void dueSoonRemindsTheCreatorOnce()
    {
        const auto [deal, deliverable] = acceptedDeal(1);
        QVERIFY(!deliverable.isEmpty());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable), 1);
        QCOMPARE(notificationsAbout(m_brand, u"deliverable.due_soon"_s, deliverable), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'creator@example.com' "
                       "AND subject LIKE 'Due soon: reel on instagram%'"_s),
                1);
        // The mail goes out through its own job.
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Due "
                                 u"soon:%' "
                                 "AND sent_at IS NOT NULL"_s)
                            == 1;
                },
                10'000));
        QVERIFY(count(u"SELECT count(*) FROM deliverables WHERE id = '%1' "
                      "AND last_reminded_at IS NOT NULL"_s.arg(deliverable))
                == 1);

        QVERIFY(scan()); // the same window: nothing new
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable), 1);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Due soon:%'"_s), 1);
        QCOMPARE(timelineEvents(deal, u"deliverable.overdue"_s), 0);
    }

    void overdueRemindsBothSidesOnceAndIsRecorded()
    {
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable), 0);
        // The due date passes (the API takes no date in the past).
        QVERIFY(m_db->execDirect(u"UPDATE deliverables SET due_on = current_date - 1 "
                                 "WHERE id = '%1'"_s.arg(deliverable)));
        QVERIFY(scan());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.overdue"_s, deliverable), 1);
        QCOMPARE(notificationsAbout(m_brand, u"deliverable.overdue"_s, deliverable), 1);
        QCOMPARE(timelineEvents(deal, u"deliverable.overdue"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Overdue:%'"_s), 2);
    }

    void liveDeliverablesAreNotReminded()
    {
        const auto [deal, deliverable] = acceptedDeal(1);
        QVERIFY(m_db->execDirect(
                u"UPDATE deliverables SET status = 'live', "
                "approved_at = now(), live_at = now(), "
                "live_url = 'https://instagram.com/p/1' WHERE id = '%1'"_s.arg(deliverable)));
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.due_soon"_s, deliverable), 0);
        QCOMPARE(timelineEvents(deal, u"deliverable.overdue"_s), 0);
    }

    void offerWaitingRemindsTheOtherSideOnce()
    {
        const auto [deal, offerId] = invitedDeal(10);
        QVERIFY(!offerId.isEmpty());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"offer.awaiting_reply"_s, deal), 0); // too early
        QVERIFY(backdateOpenOffers(deal));
        QVERIFY(scan());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"offer.awaiting_reply"_s, deal), 1);
        QCOMPARE(notificationsAbout(m_brand, u"offer.awaiting_reply"_s, deal), 0);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, deal), 1);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'creator@example.com' "
                       "AND subject LIKE 'Waiting for your answer: an offer for %'"_s),
                1);

        // A counter offer is the brand's turn: a new window, on the other side.
        const HttpReply counter =
                m_api->post(u"/api/v1/deals/%1/offers"_s.arg(deal), m_creator, offer(12));
        QCOMPARE(counter.status, 201);
        QVERIFY(backdateOpenOffers(deal));
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_brand, u"offer.awaiting_reply"_s, deal), 1);
        QCOMPARE(notificationsAbout(m_creator, u"offer.awaiting_reply"_s, deal), 1);
    }

    void answeredOffersRemindNobody()
    {
        const auto [deal, offerId] = invitedDeal(10);
        QCOMPARE(m_api->post(u"/api/v1/deals/%1/offers/%2/decline"_s.arg(deal, offerId), m_creator)
                         .status,
                200);
        QVERIFY(m_db->execDirect(u"UPDATE offers SET created_at = now() - interval '49 hours' "
                                 "WHERE deal_id = '%1'"_s.arg(deal)));
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_creator, u"offer.awaiting_reply"_s, deal), 0);
        QCOMPARE(notificationsAbout(m_brand, u"offer.awaiting_reply"_s, deal), 0);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, deal), 0);
    }

    void draftWaitingRemindsTheBrandOnce()
    {
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitDraft(deliverable));
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_brand, u"version.awaiting_review"_s, deliverable), 0);
        QVERIFY(backdateDrafts(deliverable));
        QVERIFY(scan());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_brand, u"version.awaiting_review"_s, deliverable), 1);
        QCOMPARE(notificationsAbout(m_creator, u"version.awaiting_review"_s, deliverable), 0);
        QCOMPARE(mailsAbout(u"brand@example.com"_s, deal), 1);
    }

    void reviewedDraftsRemindNobody()
    {
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitDraft(deliverable));
        QCOMPARE(m_api->post(u"/api/v1/deliverables/%1/versions/1/review"_s.arg(deliverable),
                              m_brand, {{u"decision"_s, u"approved"_s}})
                         .status,
                200);
        QVERIFY(backdateDrafts(deliverable));
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(m_brand, u"version.awaiting_review"_s, deliverable), 0);
        QCOMPARE(mailsAbout(u"brand@example.com"_s, deal), 0);
    }

    void payoutWithoutDetailsRemindsTheCreatorUntilAdded()
    {
        const QString payee = m_api->signUp(u"payee@example.com"_s, u"influencer"_s);
        const QString payeeId = creatorProfile(payee, u"Mara Paid"_s);
        QVERIFY(!payeeId.isEmpty());
        const QJsonObject onAcceptance{
                {u"schedule"_s,
                        QJsonArray{QJsonObject{{u"on"_s, u"acceptance"_s}, {u"percent"_s, 100}}}},
                {u"netDays"_s, 0}};
        const auto first = acceptedDeal(10, payee, payeeId, onAcceptance).first;
        QCOMPARE(count(u"SELECT count(*) FROM payouts WHERE deal_id = '%1'"_s.arg(first)), 1);
        QVERIFY(scan());
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(payee, u"payout.details_missing"_s, first), 1);
        QCOMPARE(notificationsAbout(m_brand, u"payout.details_missing"_s, first), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'payee@example.com' "
                       "AND subject LIKE 'Add your payout details%'"_s),
                1);

        // With an account that can be paid and the tax form, nothing is blocked any more.
        QVERIFY(m_db->execDirect(
                u"INSERT INTO payout_accounts (influencer_id, account_id, payouts_enabled, "
                "tax_form, tax_form_received_on) VALUES ('%1', 'acct_1Payee', true, 'W-9', "
                "current_date)"_s.arg(payeeId)));
        const auto second = acceptedDeal(10, payee, payeeId, onAcceptance).first;
        QCOMPARE(count(u"SELECT count(*) FROM payouts WHERE deal_id = '%1'"_s.arg(second)), 1);
        QVERIFY(scan());
        QCOMPARE(notificationsAbout(payee, u"payout.details_missing"_s, second), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'payee@example.com' "
                       "AND subject LIKE 'Add your payout details%'"_s),
                1);
    }

    void overdueIsRecordedWhenNobodyWantsTheReminder()
    {
        const QJsonObject off{{u"kinds"_s,
                QJsonObject{{u"deliverable.overdue"_s, QJsonObject{{u"channel"_s, u"off"_s}}}}}};
        for (const QString &token : {m_brand, m_creator}) {
            QCOMPARE(m_api->put(u"/api/v1/me/notification-settings"_s, token, off).status, 200);
        }
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(m_db->execDirect(u"UPDATE deliverables SET due_on = current_date - 1 "
                                 "WHERE id = '%1'"_s.arg(deliverable)));
        QVERIFY(scan());
        QVERIFY(scan());
        QCOMPARE(timelineEvents(deal, u"deliverable.overdue"_s), 1);
        QCOMPARE(notificationsAbout(m_creator, u"deliverable.overdue"_s, deliverable), 0);
        QCOMPARE(notificationsAbout(m_brand, u"deliverable.overdue"_s, deliverable), 0);
        QCOMPARE(mailsAbout(u"creator@example.com"_s, deal), 0);
        QCOMPARE(mailsAbout(u"brand@example.com"_s, deal), 0);
        const QJsonObject both{{u"kinds"_s,
                QJsonObject{{u"deliverable.overdue"_s, QJsonObject{{u"channel"_s, u"both"_s}}}}}};
        for (const QString &token : {m_brand, m_creator}) {
            QCOMPARE(m_api->put(u"/api/v1/me/notification-settings"_s, token, both).status, 200);
        }
    }

    void theScansArePeriodicJobs()
    {
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'reminders.scan' "
                       "AND unique_key = 'reminders.scan' AND state = 'queued'"_s),
                1);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'notifications.digest' "
                       "AND unique_key = 'notifications.digest' AND state = 'queued'"_s),
                1);
    }
};

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"
