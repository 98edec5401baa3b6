// SPDX-License-Identifier: Apache-2.0
// Reminders through the job queue (reminders.scan, reminders_scan() in 0018_jobs.sql), over HTTP
// against a real PostgreSQL: a deliverable due within 48 hours reminds the creator once, in the
// app and by e-mail; once it is overdue, both sides are reminded once and the deal's timeline
// records it once; a live deliverable reminds nobody.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

QJsonObject offer(int dueInDays)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1},
                            {u"dueDate"_s, influence::tests::isoDay(dueInDays)}}}},
            {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
}

} // namespace

class TestReminders : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_creator;
    QString m_creatorId;
    int m_counter = 0;

    qint64 count(const QString &sql)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(sql));
        return value ? value->toLongLong() : -1;
    }

    /// Runs a scan now, as the periodic job would, and waits for it.
    bool scan()
    {
        const auto id = m_db->scalar(server::db::SqlStatement(
                u"SELECT job_enqueue('reminders.scan', '{}', 'reminders')"_s));
        if (!id) {
            return false;
        }
        const qint64 job = id->toLongLong();
        return QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM jobs WHERE id = %1 AND state = 'succeeded'"_s
                                           .arg(job))
                            == 1;
                },
                10'000);
    }

    /// An accepted deal of the creator whose one deliverable is due in `dueInDays`: {deal,
    /// deliverable}.
    std::pair<QString, QString> acceptedDeal(int dueInDays)
    {
        const QJsonObject campaign{{u"name"_s, u"Reminder campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1'000'000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, influence::tests::isoDay(0)},
                {u"endDate"_s, influence::tests::isoDay(60)}, {u"visibility"_s, u"public"_s}};
        const QString id =
                m_api->post(u"/api/v1/campaigns"_s, m_brand, campaign).json()[u"id"_s].toString();
        m_api->post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        HttpReply reply = m_api->post(u"/api/v1/campaigns/%1/invitations"_s.arg(id), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(dueInDays)}});
        const QString deal = reply.json()[u"id"_s].toString();
        const QString offerId = reply.json()[u"latestOffer"_s][u"id"_s].toString();
        reply = m_api->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_creator);
        return {deal, reply.json()[u"deliverables"_s][0][u"id"_s].toString()};
    }

    int notificationsAbout(const QString &token, const QString &kind, const QString &object)
    {
        int found = 0;
        const HttpReply reply = m_api->get(u"/api/v1/notifications?limit=100"_s, token);
        for (const auto &item : reply.json()[u"items"_s].toArray()) {
            if (item[u"kind"_s].toString() == kind && item[u"objectId"_s].toString() == object) {
                ++found;
            }
        }
        return found;
    }

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

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.jobs.poll = std::chrono::milliseconds(50);
            config.jobs.tick = std::chrono::milliseconds(200);
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"reminders-test"_s);
        QVERIFY(m_db);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_creator = m_api->signUp(u"creator@example.com"_s, u"influencer"_s);
        QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, m_brand, {{u"companyName"_s, u"Alpine Boots"_s}})
                         .status,
                201);
        QCOMPARE(m_api->put(u"/api/v1/me/influencer"_s, m_creator,
                              {{u"displayName"_s, u"Lena Travels"_s}, {u"bio"_s, u"Alps."_s},
                                      {u"country"_s, u"AT"_s}})
                         .status,
                201);
        m_creatorId = m_api->userIdOf(m_creator);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

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

    void theScanIsAPeriodicJob()
    {
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'reminders.scan' "
                       "AND unique_key = 'reminders.scan' AND state = 'queued'"_s),
                1);
    }
};

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"
