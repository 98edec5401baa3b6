// SPDX-License-Identifier: Apache-2.0
// The payouts' scan through the job queue (payouts.scan, 0023_money_jobs.sql), over HTTP against
// a real PostgreSQL, time moved by back-dating rows as the reminder tests do: a payout that
// passes its due date unpaid tells the brand's people once (kind payout.late, as their settings
// say, never the creator); a payout blocked by missing payout details warns its creator once a
// week before it goes back, and after PAYOUT_UNCLAIMED_DAYS it is cancelled through the ledger
// (its money back in the campaign's budget, the ledger balanced, an audit entry by the system)
// and the creator and the brand's owner are told; a creator who can be paid keeps their payout.
#include "ReminderHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;

namespace {

const QJsonObject kOnAcceptance{
        {u"schedule"_s, QJsonArray{QJsonObject{{u"on"_s, u"acceptance"_s}, {u"percent"_s, 100}}}},
        {u"netDays"_s, 0}};

} // namespace

class TestPayoutNotices : public QObject, protected influence::tests::ReminderHarness
{
    Q_OBJECT

private:
    QString m_admin;

    bool scanPayouts() { return runJob(u"payouts.scan"_s, u"reminders"_s); }

    /// A new creator (with a profile) and their id.
    std::pair<QString, QString> newCreator(const QString &email, const QString &name)
    {
        const QString token = m_api->signUp(email, u"influencer"_s);
        return {token, creatorProfile(token, name)};
    }

    QString payoutOf(const QString &deal)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(
                u"SELECT id FROM payouts WHERE deal_id = '%1'"_s.arg(deal)));
        return value ? value->toString() : QString();
    }

    QString stateOf(const QString &payout)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(
                u"SELECT state FROM payouts WHERE id = '%1'"_s.arg(payout)));
        return value ? value->toString() : QString();
    }

    qint64 remainingOf(const QString &deal)
    {
        const QString campaign =
                m_db->scalar(server::db::SqlStatement(
                                     u"SELECT campaign_id FROM deals WHERE id = '%1'"_s.arg(deal)))
                        ->toString();
        return m_api->get(u"/api/v1/campaigns/%1/budget"_s.arg(campaign), m_brand)
                .json()[u"remainingMinor"_s]
                .toInteger(-1);
    }

    /// Moves the day the payout became payable `days` into the past.
    bool payableSince(const QString &payout, int days)
    {
        return bool(m_db->execDirect(
                u"UPDATE payouts SET condition_met_at = now() - make_interval(days => %1) "
                "WHERE id = '%2'"_s.arg(days)
                        .arg(payout)));
    }

    void verifyLedger()
    {
        const HttpReply verified = m_api->get(u"/api/v1/admin/ledger/verify"_s, m_admin);
        QCOMPARE(verified.status, 200);
        QVERIFY2(verified.json().value(u"ok"_s).toBool(), verified.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(start());
        m_admin = m_api->signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
    }

    void cleanupTestCase() { stop(); }

    void latePayoutTellsTheBrandOnce()
    {
        const auto deal = acceptedDeal(10, {}, {}, kOnAcceptance).first;
        const QString payout = payoutOf(deal);
        QVERIFY(!payout.isEmpty());
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(m_brand, u"payout.late"_s, deal), 0); // due today, not late
        QVERIFY(m_db->execDirect(
                u"UPDATE payouts SET due_on = current_date - 2 WHERE id = '%1'"_s.arg(payout)));
        QVERIFY(scanPayouts());
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(m_brand, u"payout.late"_s, deal), 1);
        QCOMPARE(notificationsAbout(m_creator, u"payout.late"_s, deal), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'brand@example.com' "
                       "AND subject LIKE 'Late payout for%'"_s),
                1);
    }

    void latePayoutRespectsTheSettings()
    {
        const QJsonObject emailOnly{{u"kinds"_s,
                QJsonObject{{u"payout.late"_s, QJsonObject{{u"channel"_s, u"email"_s}}}}}};
        QCOMPARE(m_api->put(u"/api/v1/me/notification-settings"_s, m_brand, emailOnly).status, 200);
        const auto deal = acceptedDeal(10, {}, {}, kOnAcceptance).first;
        const QString payout = payoutOf(deal);
        QVERIFY(m_db->execDirect(
                u"UPDATE payouts SET due_on = current_date - 1 WHERE id = '%1'"_s.arg(payout)));
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(m_brand, u"payout.late"_s, deal), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'brand@example.com' "
                       "AND subject LIKE 'Late payout for%'"_s),
                2);
        const QJsonObject off{{u"kinds"_s,
                QJsonObject{{u"payout.late"_s, QJsonObject{{u"channel"_s, u"off"_s}}}}}};
        QCOMPARE(m_api->put(u"/api/v1/me/notification-settings"_s, m_brand, off).status, 200);
        const auto quiet = acceptedDeal(10, {}, {}, kOnAcceptance).first;
        QVERIFY(m_db->execDirect(u"UPDATE payouts SET due_on = current_date - 1 "
                                 "WHERE id = '%1'"_s.arg(payoutOf(quiet))));
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(m_brand, u"payout.late"_s, quiet), 0);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'brand@example.com' "
                       "AND subject LIKE 'Late payout for%'"_s),
                2);
        const QJsonObject both{{u"kinds"_s,
                QJsonObject{{u"payout.late"_s, QJsonObject{{u"channel"_s, u"both"_s}}}}}};
        QCOMPARE(m_api->put(u"/api/v1/me/notification-settings"_s, m_brand, both).status, 200);
    }

    void unclaimedPayoutIsWarnedOnceThenGoesBack()
    {
        const auto [token, creatorId] = newCreator(u"unclaimed@example.com"_s, u"Noor Away"_s);
        QVERIFY(!creatorId.isEmpty());
        const auto deal = acceptedDeal(10, token, creatorId, kOnAcceptance).first;
        const QString payout = payoutOf(deal);
        QVERIFY(!payout.isEmpty());
        const qint64 remainingWhileOwed = remainingOf(deal);
        QVERIFY(remainingWhileOwed >= 0);

        // 20 days in: more than a week left, no warning.
        QVERIFY(payableSince(payout, 20));
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 0);
        // 24 days in: warned, once.
        QVERIFY(payableSince(payout, 24));
        QVERIFY(scanPayouts());
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 1);
        QCOMPARE(
                count(u"SELECT count(*) FROM mail_outbox WHERE recipient = "
                      "'unclaimed@example.com' AND subject LIKE 'Add your payout details within%'"_s),
                1);
        QCOMPARE(stateOf(payout), u"scheduled"_s);
        QCOMPARE(notificationsAbout(m_brand, u"payout.unclaimed"_s, deal), 0);

        // 30 days in: cancelled, the money back in the budget, both sides told.
        QVERIFY(payableSince(payout, 30));
        QVERIFY(scanPayouts());
        QCOMPARE(stateOf(payout), u"cancelled"_s);
        QCOMPARE(remainingOf(deal), remainingWhileOwed + 50000);
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 2);
        QCOMPARE(notificationsAbout(m_brand, u"payout.unclaimed"_s, deal), 1);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE object_id = '%1' "
                       "AND action = 'payout.cancelled' AND actor_id IS NULL"_s.arg(payout)),
                1);
        QCOMPARE(count(u"SELECT count(*) FROM ledger_transfers WHERE payout_id = '%1' "
                       "AND cause = 'payout_cancelled'"_s.arg(payout)),
                1);
        verifyLedger();
        // Nothing more on the next scans.
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 2);
        QCOMPARE(count(u"SELECT count(*) FROM ledger_transfers WHERE payout_id = '%1' "
                       "AND cause = 'payout_cancelled'"_s.arg(payout)),
                1);
    }

    void payoutOfACreatorWhoCanBePaidStays()
    {
        const auto [token, creatorId] = newCreator(u"ready@example.com"_s, u"Ada Ready"_s);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO payout_accounts (influencer_id, account_id, payouts_enabled, "
                "tax_form, tax_form_received_on) VALUES ('%1', 'acct_1Ready', true, 'W-9', "
                "current_date)"_s.arg(creatorId)));
        const auto deal = acceptedDeal(10, token, creatorId, kOnAcceptance).first;
        const QString payout = payoutOf(deal);
        QVERIFY(payableSince(payout, 90));
        QVERIFY(scanPayouts());
        QCOMPARE(stateOf(payout), u"scheduled"_s);
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 0);
    }

    /// Details that go missing after the payout became payable (an account disabled on day 90):
    /// the full time from that moment, with the week's warning, not a cancellation at the next
    /// scan; details given again clear the clock.
    void detailsThatGoMissingLaterGetTheFullTime()
    {
        const auto [token, creatorId] = newCreator(u"lapsed@example.com"_s, u"Lea Lapsed"_s);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO payout_accounts (influencer_id, account_id, payouts_enabled, "
                "tax_form, tax_form_received_on) VALUES ('%1', 'acct_1Lapsed', true, 'W-9', "
                "current_date)"_s.arg(creatorId)));
        const auto deal = acceptedDeal(10, token, creatorId, kOnAcceptance).first;
        const QString payout = payoutOf(deal);
        QVERIFY(payableSince(payout, 90));
        const QString account = u"payout_accounts WHERE influencer_id = '%1'"_s.arg(creatorId);
        QCOMPARE(count(u"SELECT count(*) FROM %1 AND missing_since IS NULL"_s.arg(account)), 1);
        // Stripe disables the account today.
        QVERIFY(m_db->execDirect(u"UPDATE payout_accounts SET payouts_enabled = false "
                                 "WHERE influencer_id = '%1'"_s.arg(creatorId)));
        QCOMPARE(count(u"SELECT count(*) FROM %1 AND missing_since > now() - interval '1 minute'"_s
                                 .arg(account)),
                1);
        QVERIFY(scanPayouts());
        QCOMPARE(stateOf(payout), u"scheduled"_s);
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 0);
        // Another change while still incomplete keeps the moment it went missing.
        const auto missingSince = [&](int days) {
            return m_db->execDirect(
                    u"UPDATE payout_accounts SET missing_since = now() - make_interval(days => "
                    "%1) WHERE influencer_id = '%2'"_s.arg(days)
                            .arg(creatorId));
        };
        QVERIFY(missingSince(24));
        QVERIFY(m_db->execDirect(u"UPDATE payout_accounts SET tax_form = 'W-8BEN' "
                                 "WHERE influencer_id = '%1'"_s.arg(creatorId)));
        QCOMPARE(count(u"SELECT count(*) FROM %1 AND missing_since < now() - interval '23 days'"_s
                                 .arg(account)),
                1);
        // 24 days after it went missing: warned, still owed; 30 days: back to the brand.
        QVERIFY(scanPayouts());
        QCOMPARE(notificationsAbout(token, u"payout.unclaimed"_s, deal), 1);
        QCOMPARE(stateOf(payout), u"scheduled"_s);
        QVERIFY(missingSince(30));
        QVERIFY(scanPayouts());
        QCOMPARE(stateOf(payout), u"cancelled"_s);
        verifyLedger();
        // Enabled again: complete, no clock.
        QVERIFY(m_db->execDirect(u"UPDATE payout_accounts SET payouts_enabled = true "
                                 "WHERE influencer_id = '%1'"_s.arg(creatorId)));
        QCOMPARE(count(u"SELECT count(*) FROM %1 AND missing_since IS NULL"_s.arg(account)), 1);
    }

    void theScanIsAPeriodicJob()
    {
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'payouts.scan' "
                       "AND unique_key = 'payouts.scan' AND state = 'queued'"_s),
                1);
    }
};

QTEST_GUILESS_MAIN(TestPayoutNotices)
#include "tst_payout_notices.moc"
