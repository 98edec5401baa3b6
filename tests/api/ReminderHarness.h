// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the reminder tests share: a server whose job queue polls quickly, a brand and a creator
// with profiles, scans run on demand through the queue, deals in the states reminders look at,
// and counts of what reached whom (notifications over the API, mail in the outbox).
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

namespace influence::tests {

class ReminderHarness
{
protected:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_creator;
    QString m_creatorId;
    int m_counter = 0;

    /// Starts the server and signs up the brand and the creator; false (with a warning) when
    /// something failed.
    bool start()
    {
        using namespace Qt::StringLiterals;
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.jobs.poll = std::chrono::milliseconds(50);
            config.jobs.tick = std::chrono::milliseconds(200);
        };
        m_server = std::make_unique<TestServer>(options);
        if (!m_server->isRunning()) {
            qWarning("%s", qPrintable(m_server->error()));
            return false;
        }
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"reminders-test"_s);
        if (!m_db) {
            return false;
        }
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_creator = m_api->signUp(u"creator@example.com"_s, u"influencer"_s);
        m_creatorId = creatorProfile(m_creator, u"Lena Travels"_s);
        return m_api->put(u"/api/v1/me/brand"_s, m_brand, {{u"companyName"_s, u"Alpine Boots"_s}})
                        .status
                == 201
                && !m_creatorId.isEmpty();
    }

    void stop()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    /// Gives the creator a profile; its id (empty on failure).
    QString creatorProfile(const QString &token, const QString &name)
    {
        using namespace Qt::StringLiterals;
        const int status = m_api->put(u"/api/v1/me/influencer"_s, token,
                                        {{u"displayName"_s, name}, {u"bio"_s, u"Alps."_s},
                                                {u"country"_s, u"AT"_s}})
                                   .status;
        return status == 201 ? m_api->userIdOf(token) : QString();
    }

    qint64 count(const QString &sql)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(sql));
        return value ? value->toLongLong() : -1;
    }

    /// Enqueues `kind` now, as the periodic job would, and waits until it succeeded.
    bool runJob(const QString &kind, const QString &queue)
    {
        using namespace Qt::StringLiterals;
        const auto id = m_db->scalar(server::db::SqlStatement(
                u"SELECT job_enqueue('%1', '{}', '%2')"_s.arg(kind, queue)));
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

    /// Runs a reminder scan now and waits for it.
    bool scan()
    {
        using namespace Qt::StringLiterals;
        return runJob(u"reminders.scan"_s, u"reminders"_s);
    }

    static QJsonObject offer(int dueInDays, const QJsonObject &paymentTerms = {})
    {
        using namespace Qt::StringLiterals;
        QJsonObject offer{{u"deliverables"_s,
                                  QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                          {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                          {u"dueDate"_s, isoDay(dueInDays)}}}},
                {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
        if (!paymentTerms.isEmpty()) {
            offer.insert(u"paymentTerms"_s, paymentTerms);
        }
        return offer;
    }

    /// A deal of `creatorId` invited with one deliverable due in `dueInDays`: {deal, offer}.
    std::pair<QString, QString> invitedDeal(
            int dueInDays, const QString &creatorId = {}, const QJsonObject &paymentTerms = {})
    {
        using namespace Qt::StringLiterals;
        const QJsonObject campaign{{u"name"_s, u"Reminder campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1'000'000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, isoDay(0)}, {u"endDate"_s, isoDay(60)},
                {u"visibility"_s, u"public"_s}};
        const QString id =
                m_api->post(u"/api/v1/campaigns"_s, m_brand, campaign).json()[u"id"_s].toString();
        m_api->post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        const HttpReply reply = m_api->post(u"/api/v1/campaigns/%1/invitations"_s.arg(id), m_brand,
                {{u"influencerId"_s, creatorId.isEmpty() ? m_creatorId : creatorId},
                        {u"offer"_s, offer(dueInDays, paymentTerms)}});
        return {reply.json()[u"id"_s].toString(),
                reply.json()[u"latestOffer"_s][u"id"_s].toString()};
    }

    /// An accepted deal whose one deliverable is due in `dueInDays`: {deal, deliverable}.
    std::pair<QString, QString> acceptedDeal(int dueInDays, const QString &creator = {},
            const QString &creatorId = {}, const QJsonObject &paymentTerms = {})
    {
        using namespace Qt::StringLiterals;
        const auto [deal, offerId] = invitedDeal(dueInDays, creatorId, paymentTerms);
        const HttpReply reply =
                m_api->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId),
                        creator.isEmpty() ? m_creator : creator);
        return {deal, reply.json()[u"deliverables"_s][0][u"id"_s].toString()};
    }

    /// How many of `token`'s notifications are of `kind` about `object`.
    int notificationsAbout(const QString &token, const QString &kind, const QString &object)
    {
        using namespace Qt::StringLiterals;
        int found = 0;
        const HttpReply reply = m_api->get(u"/api/v1/notifications?limit=100"_s, token);
        for (const auto &item : reply.json()[u"items"_s].toArray()) {
            if (item[u"kind"_s].toString() == kind && item[u"objectId"_s].toString() == object) {
                ++found;
            }
        }
        return found;
    }

    /// Mails in the outbox to `recipient` whose text links to `deal`.
    qint64 mailsAbout(const QString &recipient, const QString &deal)
    {
        using namespace Qt::StringLiterals;
        return count(u"SELECT count(*) FROM mail_outbox WHERE recipient = '%1' "
                     "AND body_text LIKE '%/deals/%2%'"_s.arg(recipient, deal));
    }
};

} // namespace influence::tests
