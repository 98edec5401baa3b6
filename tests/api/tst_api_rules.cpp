// SPDX-License-Identifier: Apache-2.0
// Automation rules (0022_rules.sql, server/rules) over HTTP against a real PostgreSQL, firings run
// by the job queue: each template end to end (an approval approves the due payout once, also when
// the event is replayed or the job runs twice; a live post thanks the creator; an overdue
// deliverable is nudged after the delay only while still overdue; 80 % of a budget notifies the
// staff; a post's views shortlist its creator; an application is welcomed); conditions that skip
// with a reason; disabled rules; a failing action undoes the others; the loop guard; access
// (other brands 404, creators 403); validation with field paths; the dry run, which changes
// nothing.
#include "ReminderHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;

class TestApiRules : public QObject, protected influence::tests::ReminderHarness
{
    Q_OBJECT

private:
    QString m_otherBrand;

    static QJsonObject onApproval()
    {
        return {{u"schedule"_s,
                        QJsonArray{QJsonObject{{u"on"_s, u"approval"_s}, {u"percent"_s, 100}}}},
                {u"netDays"_s, 0}};
    }

    QJsonObject templateRule(const QString &code)
    {
        const HttpReply reply = m_api->get(u"/api/v1/rules/templates"_s, m_brand);
        for (const auto &item : reply.json()[u"items"_s].toArray()) {
            if (item[u"code"_s].toString() == code) {
                return item[u"rule"_s].toObject();
            }
        }
        return {};
    }

    /// Creates a rule; its id (empty, with a warning, on failure).
    QString createRule(const QJsonObject &rule, const QString &token = {})
    {
        const HttpReply reply =
                m_api->post(u"/api/v1/rules"_s, token.isEmpty() ? m_brand : token, rule);
        if (reply.status != 201) {
            qWarning("create rule: %d %s", reply.status, reply.body.constData());
            return {};
        }
        return reply.json()[u"id"_s].toString();
    }

    HttpReply remove(const QString &path, const QString &token)
    {
        return m_client->send("DELETE", path, {}, ApiSession::as(token));
    }

    /// Waits until no rules.fire job is due or running.
    bool settle()
    {
        return QTest::qWaitFor(
                [&] {
                    return count(u"SELECT count(*) FROM jobs WHERE kind = 'rules.fire' "
                                 "AND state IN ('queued', 'running') AND run_at <= now()"_s)
                            == 0;
                },
                10'000);
    }

    QJsonArray firings(const QString &rule)
    {
        return m_api->get(u"/api/v1/rules/%1/firings"_s.arg(rule), m_brand)
                .json()[u"items"_s]
                .toArray();
    }

    qint64 messagesOn(const QString &deal, const QString &like)
    {
        return count(
                u"SELECT count(*) FROM deal_messages WHERE deal_id = '%1' AND body LIKE '%2'"_s.arg(
                        deal, like));
    }

    bool submitAndApprove(const QString &deliverable)
    {
        const QString base = u"/api/v1/deliverables/"_s + deliverable;
        return m_api->post(base + u"/versions"_s, m_creator, {{u"caption"_s, u"Draft"_s}}).status
                == 201
                && m_api->post(base + u"/versions/1/review"_s, m_brand,
                                {{u"decision"_s, u"approved"_s}})
                           .status
                == 200;
    }

    bool goLive(const QString &deliverable)
    {
        return m_api->post(u"/api/v1/deliverables/%1/live"_s.arg(deliverable), m_creator,
                            {{u"url"_s, u"https://instagram.com/p/rule"_s}})
                       .status
                == 200;
    }

    QJsonObject liveRule(const QJsonArray &conditions, const QString &text)
    {
        return {{u"name"_s, u"Thanks"_s},
                {u"trigger"_s, QJsonObject{{u"type"_s, u"deliverable.live"_s}}},
                {u"conditions"_s, conditions},
                {u"actions"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"message.send"_s},
                                {u"params"_s, QJsonObject{{u"text"_s, text}}}}}}};
    }

    /// A campaign of the brand with `budget`, launched: its id.
    QString campaign(qint64 budget)
    {
        const QJsonObject body{{u"name"_s, u"Rules campaign %1"_s.arg(++m_counter)},
                {u"objective"_s, u"awareness"_s}, {u"budgetMinor"_s, budget},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}};
        const QString id =
                m_api->post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        m_api->post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(start());
        m_otherBrand = m_api->signUp(u"other-brand@example.com"_s, u"brand"_s);
        QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, m_otherBrand, {{u"companyName"_s, u"Other"_s}})
                         .status,
                201);
        // The creator can be paid: payouts can be approved.
        QVERIFY(m_db->execDirect(
                u"INSERT INTO payout_accounts (influencer_id, account_id, payouts_enabled, "
                "tax_form, tax_form_received_on) VALUES ('%1', 'acct_1Rules', true, 'W-9', "
                "current_date)"_s.arg(m_creatorId)));
    }

    void cleanup() { QVERIFY(m_db->execDirect(u"DELETE FROM rules"_s)); }

    void cleanupTestCase() { stop(); }

    void templatesAreListedAndSave()
    {
        const HttpReply reply = m_api->get(u"/api/v1/rules/templates"_s, m_brand);
        QCOMPARE(reply.status, 200);
        QStringList codes;
        for (const auto &item : reply.json()[u"items"_s].toArray()) {
            codes << item[u"code"_s].toString();
            QJsonObject rule = item[u"rule"_s].toObject();
            if (codes.last() == u"shortlist_viral_post"_s) {
                // Needs a shortlist to save: 422 at the field without one.
                const HttpReply refused = m_api->post(u"/api/v1/rules"_s, m_brand, rule);
                QCOMPARE(refused.status, 422);
                QCOMPARE(refused.json()[u"errors"_s][0][u"field"_s].toString(),
                        u"actions[0].params.shortlistId"_s);
                continue;
            }
            const HttpReply created = m_api->post(u"/api/v1/rules"_s, m_brand, rule);
            QCOMPARE(created.status, 201);
            QCOMPARE(created.json()[u"template"_s].toString(), codes.last());
            QCOMPARE(created.json()[u"firingCount"_s].toInt(), 0);
            QVERIFY(created.json()[u"lastFiredAt"_s].isNull());
        }
        QCOMPARE(codes,
                QStringList({u"approve_payout_on_approval"_s, u"thank_on_live"_s,
                        u"nudge_overdue"_s, u"notify_budget_80"_s, u"shortlist_viral_post"_s,
                        u"welcome_applicant"_s}));
        QCOMPARE(m_api->get(u"/api/v1/rules?limit=100"_s, m_brand)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                5);
        QCOMPARE(templateRule(u"nudge_overdue"_s)[u"delayMinutes"_s].toInt(), 24 * 60);
    }

    void approvalApprovesTheDuePayoutOnce()
    {
        const QString rule = createRule(templateRule(u"approve_payout_on_approval"_s));
        QVERIFY(!rule.isEmpty());
        const auto [deal, deliverable] = acceptedDeal(10, {}, {}, onApproval());
        QVERIFY(submitAndApprove(deliverable));
        QVERIFY(settle());
        const QString payouts = u"SELECT count(*) FROM payouts WHERE deal_id = '%1' "
                                "AND state = 'approved'"_s.arg(deal);
        QCOMPARE(count(payouts), 1);
        QJsonArray fired = firings(rule);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"succeeded"_s);
        QCOMPARE(fired[0][u"event"_s][u"type"_s].toString(), u"deliverable.approved"_s);
        QCOMPARE(fired[0][u"event"_s][u"dealId"_s].toString(), deal);
        QVERIFY(fired[0][u"event"_s][u"summary"_s].toString().contains(u"approved"_s));
        QVERIFY(fired[0][u"actions"_s][0][u"result"_s].toString().startsWith(
                u"approved 1 payout"_s));
        QCOMPARE(fired[0][u"actions"_s][0][u"ok"_s].toBool(), true);

        // The event replayed, and the job run again: nothing more.
        QVERIFY(m_db->execDirect(
                u"INSERT INTO deal_events (deal_id, actor_id, kind, data) SELECT deal_id, "
                "actor_id, kind, data FROM deal_events WHERE deal_id = '%1' "
                "AND kind = 'deliverable.reviewed'"_s.arg(deal)));
        QVERIFY(m_db->execDirect(
                u"SELECT job_enqueue('rules.fire', jsonb_build_object('firing', "
                "id), 'rules') FROM rule_firings WHERE rule_id = '%1'"_s.arg(rule)));
        QVERIFY(settle());
        QCOMPARE(firings(rule).size(), 1);
        QCOMPARE(count(u"SELECT count(*) FROM deal_events WHERE deal_id = '%1' "
                       "AND kind = 'payout.approved'"_s.arg(deal)),
                1);
        const HttpReply read = m_api->get(u"/api/v1/rules/"_s + rule, m_brand);
        QCOMPARE(read.json()[u"firingCount"_s].toInt(), 1);
        QVERIFY(!read.json()[u"lastFiredAt"_s].isNull());
    }

    void liveThanksTheCreator()
    {
        const QString rule = createRule(templateRule(u"thank_on_live"_s));
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitAndApprove(deliverable));
        QVERIFY(goLive(deliverable));
        QVERIFY(settle());
        QCOMPARE(messagesOn(deal, u"Thanks Lena Travels for the reel on Reminder campaign %"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM deal_messages WHERE deal_id = '%1' "
                       "AND author_id = '%2'"_s.arg(deal, m_api->userIdOf(m_brand))),
                1);
        QCOMPARE(firings(rule)[0][u"status"_s].toString(), u"succeeded"_s);
    }

    void overdueIsNudgedAfterTheDelayWhileStillOverdue()
    {
        const QString rule = createRule(templateRule(u"nudge_overdue"_s));
        const auto [late, lateItem] = acceptedDeal(10);
        const auto [done, doneItem] = acceptedDeal(10);
        QVERIFY(m_db->execDirect(u"UPDATE deliverables SET due_on = current_date - 1 "
                                 "WHERE id IN ('%1', '%2')"_s.arg(lateItem, doneItem)));
        QVERIFY(scan());
        QJsonArray fired = firings(rule);
        QCOMPARE(fired.size(), 2);
        for (const auto &firing : fired) {
            QCOMPARE(firing[u"status"_s].toString(), u"pending"_s);
        }
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'rules.fire' AND state = 'queued' "
                       "AND run_at BETWEEN now() + interval '23 hours' AND now() + interval '25 "
                       "hours'"_s),
                2);
        // One of them goes live meanwhile; then the day passes (the jobs come due).
        QVERIFY(submitAndApprove(doneItem));
        QVERIFY(goLive(doneItem));
        QCOMPARE(messagesOn(late, u"Hi Lena Travels%"_s), 0);
        QVERIFY(m_db->execDirect(u"UPDATE jobs SET run_at = now() WHERE kind = 'rules.fire' "
                                 "AND state = 'queued'"_s));
        QVERIFY(settle());
        QCOMPARE(messagesOn(late, u"Hi Lena Travels, the reel for % was due on %/deals/%"_s), 1);
        QCOMPARE(messagesOn(done, u"Hi Lena Travels%"_s), 0);
        fired = firings(rule);
        QStringList states;
        for (const auto &firing : fired) {
            states << firing[u"status"_s].toString() + u':' + firing[u"reason"_s].toString();
        }
        states.sort();
        QCOMPARE(states,
                QStringList(
                        {u"skipped:condition stillInState eq true not met"_s, u"succeeded:"_s}));
    }

    void budgetAboveTheShareNotifiesTheStaffOnce()
    {
        const QString rule = createRule(templateRule(u"notify_budget_80"_s));
        const QString id = campaign(100'000);
        // One deal per creator and campaign: a creator of their own for each.
        const auto invite = [&](qint64 fee) {
            const QString token =
                    m_api->signUp(u"budget%1@example.com"_s.arg(++m_counter), u"influencer"_s);
            const QString creatorId = creatorProfile(token, u"Budget %1"_s.arg(m_counter));
            const QJsonObject offer{
                    {u"deliverables"_s,
                            QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                    {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                    {u"dueDate"_s, tests::isoDay(10)}}}},
                    {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s}};
            const HttpReply invited = m_api->post(u"/api/v1/campaigns/%1/invitations"_s.arg(id),
                    m_brand, {{u"influencerId"_s, creatorId}, {u"offer"_s, offer}});
            return m_api
                    ->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(
                                   invited.json()[u"id"_s].toString(),
                                   invited.json()[u"latestOffer"_s][u"id"_s].toString()),
                            token)
                    .status;
        };
        QCOMPARE(invite(50'000), 200); // 50 %: nothing yet
        QVERIFY(settle());
        QCOMPARE(firings(rule).size(), 0);
        QCOMPARE(invite(35'000), 200); // 85 %
        QVERIFY(settle());
        QCOMPARE(invite(10'000), 200); // 95 %: once per campaign
        QVERIFY(settle());
        const QJsonArray fired = firings(rule);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"succeeded"_s);
        QCOMPARE(fired[0][u"event"_s][u"campaignId"_s].toString(), id);
        QCOMPARE(fired[0][u"actions"_s][0][u"result"_s].toString(), u"notified 1 staff member"_s);
        QCOMPARE(notificationsAbout(m_brand, u"rule.fired"_s, id), 1);
    }

    void viralPostShortlistsItsCreator()
    {
        const QString shortlist =
                m_api->post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, u"Viral creators"_s}})
                        .json()[u"id"_s]
                        .toString();
        QVERIFY(!shortlist.isEmpty());
        QJsonObject rule = templateRule(u"shortlist_viral_post"_s);
        rule[u"trigger"_s] = QJsonObject{
                {u"type"_s, u"post.views_above"_s}, {u"params"_s, QJsonObject{{u"views"_s, 1000}}}};
        rule[u"actions"_s] = QJsonArray{QJsonObject{{u"type"_s, u"shortlist.add"_s},
                {u"params"_s, QJsonObject{{u"shortlistId"_s, shortlist}}}}};
        const QString id = createRule(rule);
        QVERIFY(!id.isEmpty());
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO posts (id, influencer_id, platform, kind, published_at, "
                "deliverable_id) VALUES ('6f1c2b8e-0000-4000-8000-000000000001', '%1', "
                "'instagram', 'reel', now(), '%2')"_s.arg(m_creatorId, deliverable)));
        const QString metrics = u"INSERT INTO post_metrics (post_id, day, views, source) VALUES "
                                "('6f1c2b8e-0000-4000-8000-000000000001', current_date - %1, %2, "
                                "'manual')"_s;
        QVERIFY(m_db->execDirect(metrics.arg(1).arg(500)));
        QVERIFY(settle());
        QCOMPARE(firings(id).size(), 0);
        QVERIFY(m_db->execDirect(metrics.arg(0).arg(1500)));
        QVERIFY(settle());
        QCOMPARE(count(u"SELECT count(*) FROM shortlist_members WHERE shortlist_id = '%1' "
                       "AND influencer_id = '%2'"_s.arg(shortlist, m_creatorId)),
                1);
        const QJsonArray fired = firings(id);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"event"_s][u"dealId"_s].toString(), deal);
        QCOMPARE(fired[0][u"actions"_s][0][u"result"_s].toString(), u"added to the shortlist"_s);
    }

    void applicationsAreWelcomed()
    {
        const QString rule = createRule(templateRule(u"welcome_applicant"_s));
        const QString id = campaign(1'000'000);
        const HttpReply applied =
                m_api->post(u"/api/v1/campaigns/%1/applications"_s.arg(id), m_creator);
        QCOMPARE(applied.status, 201);
        QVERIFY(settle());
        QCOMPARE(messagesOn(applied.json()[u"id"_s].toString(),
                         u"Thanks for applying to Rules campaign %, Lena Travels!%"_s),
                1);
        QCOMPARE(firings(rule)[0][u"status"_s].toString(), u"succeeded"_s);
    }

    void conditionsSkipWithTheirReason()
    {
        const QString rule = createRule(
                liveRule(QJsonArray{QJsonObject{{u"field"_s, u"platform"_s}, {u"op"_s, u"in"_s},
                                 {u"value"_s, QJsonArray{u"youtube"_s}}}},
                        u"Not for Instagram"_s));
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitAndApprove(deliverable));
        QVERIFY(goLive(deliverable));
        QVERIFY(settle());
        const QJsonArray fired = firings(rule);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"skipped"_s);
        QCOMPARE(fired[0][u"reason"_s].toString(), u"condition platform in [youtube] not met"_s);
        QCOMPARE(messagesOn(deal, u"Not for Instagram"_s), 0);
    }

    void disabledRulesDoNotFire()
    {
        QJsonObject body = liveRule({}, u"Disabled"_s);
        body[u"enabled"_s] = false;
        const QString off = createRule(body);
        body[u"enabled"_s] = true;
        body[u"delayMinutes"_s] = 60;
        const QString later = createRule(body);
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitAndApprove(deliverable));
        QVERIFY(goLive(deliverable));
        QCOMPARE(firings(off).size(), 0);
        // Disabled while its firing waits for the delay: skipped.
        QCOMPARE(m_api->patch(u"/api/v1/rules/"_s + later, m_brand, {{u"enabled"_s, false}}).status,
                200);
        QVERIFY(m_db->execDirect(u"UPDATE jobs SET run_at = now() WHERE kind = 'rules.fire' "
                                 "AND state = 'queued'"_s));
        QVERIFY(settle());
        const QJsonArray fired = firings(later);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"skipped"_s);
        QCOMPARE(fired[0][u"reason"_s].toString(), u"the rule was disabled"_s);
        QCOMPARE(messagesOn(deal, u"Disabled"_s), 0);
    }

    void aFailingActionUndoesTheOthers()
    {
        // A creator without payout details: the approval fails, the message is undone.
        const QString unpaid = m_api->signUp(u"unpaid@example.com"_s, u"influencer"_s);
        const QString unpaidId = creatorProfile(unpaid, u"Nora Unpaid"_s);
        QJsonObject body = liveRule({}, u"Approved, paying now"_s);
        body[u"trigger"_s] = QJsonObject{{u"type"_s, u"deliverable.approved"_s}};
        QJsonArray actions = body[u"actions"_s].toArray();
        actions.append(QJsonObject{{u"type"_s, u"payout.approve"_s}});
        body[u"actions"_s] = actions;
        const QString rule = createRule(body);
        const auto [deal, deliverable] = acceptedDeal(10, unpaid, unpaidId, onApproval());
        const QString base = u"/api/v1/deliverables/"_s + deliverable;
        QCOMPARE(m_api->post(base + u"/versions"_s, unpaid, {{u"caption"_s, u"D"_s}}).status, 201);
        QCOMPARE(m_api->post(base + u"/versions/1/review"_s, m_brand,
                              {{u"decision"_s, u"approved"_s}})
                         .status,
                200);
        QVERIFY(settle());
        const QJsonArray fired = firings(rule);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"failed"_s);
        QVERIFY(fired[0][u"reason"_s].toString().startsWith(u"payout.approve failed: "_s));
        QCOMPARE(fired[0][u"actions"_s][0][u"ok"_s].toBool(), true);
        QVERIFY(fired[0][u"actions"_s][0][u"result"_s].toString().endsWith(u"(undone)"_s));
        QCOMPARE(fired[0][u"actions"_s][1][u"ok"_s].toBool(), false);
        QCOMPARE(messagesOn(deal, u"Approved, paying now"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM payouts WHERE deal_id = '%1' AND state = "
                       "'scheduled'"_s.arg(deal)),
                1);
    }

    void webhooksAreCalledAndDatabaseActionsFailCleanly()
    {
        const QString brandId = m_api->userIdOf(m_brand);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO webhook_endpoints (id, brand_id, url, secret_key_id, secret_blob) "
                "VALUES ('6f1c2b8e-0000-4000-8000-0000000000e1', '%1', "
                "'https://hooks.example.com/rules', 'k1', '\\x00')"_s.arg(brandId)));
        QJsonObject call = liveRule({}, u"unused"_s);
        call[u"actions"_s] = QJsonArray{QJsonObject{{u"type"_s, u"webhook.call"_s}}};
        const QString called = createRule(call);
        // A shortlist deleted after the rule was saved: the firing fails, the notification
        // before it is undone.
        const QString shortlist =
                m_api->post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, u"Soon gone"_s}})
                        .json()[u"id"_s]
                        .toString();
        QJsonObject failing = liveRule({}, u"unused"_s);
        failing[u"actions"_s] = QJsonArray{
                QJsonObject{{u"type"_s, u"staff.notify"_s},
                        {u"params"_s, QJsonObject{{u"text"_s, u"Live: {{creator.name}}"_s}}}},
                QJsonObject{{u"type"_s, u"shortlist.add"_s},
                        {u"params"_s, QJsonObject{{u"shortlistId"_s, shortlist}}}}};
        const QString failed = createRule(failing);
        QVERIFY(!called.isEmpty() && !failed.isEmpty());
        QVERIFY(m_db->execDirect(u"DELETE FROM shortlists WHERE id = '%1'"_s.arg(shortlist)));
        const qint64 notices =
                count(u"SELECT count(*) FROM notifications WHERE kind = 'rule.fired'"_s);

        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(submitAndApprove(deliverable));
        QVERIFY(goLive(deliverable));
        QVERIFY(settle());
        QJsonArray fired = firings(called);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"succeeded"_s);
        QCOMPARE(fired[0][u"actions"_s][0][u"result"_s].toString(), u"enqueued to 1 endpoint"_s);
        QCOMPARE(count(u"SELECT count(*) FROM webhook_deliveries WHERE event_type = 'rule.fired' "
                       "AND payload -> 'data' ->> 'ruleId' = '%1' "
                       "AND payload -> 'data' ->> 'dealId' = '%2'"_s.arg(called, deal)),
                1);
        fired = firings(failed);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][u"status"_s].toString(), u"failed"_s);
        QCOMPARE(fired[0][u"reason"_s].toString(),
                u"shortlist.add failed: the shortlist no longer exists"_s);
        QCOMPARE(fired[0][u"actions"_s][0][u"result"_s].toString(),
                u"notified 1 staff member (undone)"_s);
        QCOMPARE(count(u"SELECT count(*) FROM notifications WHERE kind = 'rule.fired'"_s), notices);
        QVERIFY(m_db->execDirect(u"DELETE FROM webhook_endpoints"_s));
    }

    void theLoopGuardIgnoresEventsOfAFiring()
    {
        // A rule on live posts whose own kind of event is written under a firing: it must not
        // fire (as if a rule's action had reported a live post), while the same event outside
        // a firing does.
        const QString rule = createRule(liveRule({}, u"Loop"_s));
        const auto [deal, deliverable] = acceptedDeal(10);
        const QString insert =
                u"INSERT INTO deal_events (deal_id, kind, data) VALUES ('%1', 'deliverable.live', "
                "jsonb_build_object('deliverableId', '%2'))"_s.arg(deal, deliverable);
        QVERIFY(m_db->execDirect(u"BEGIN; SELECT set_config('influence.rule_firing', "
                                 "gen_random_uuid()::text, true); "_s
                + insert + u"; COMMIT"_s));
        QCOMPARE(count(u"SELECT count(*) FROM rule_firings WHERE rule_id = '%1'"_s.arg(rule)), 0);
        QVERIFY(m_db->execDirect(insert));
        QVERIFY(settle());
        QCOMPARE(firings(rule).size(), 1);
        // The message the firing posted (message.posted under the guard) fired nothing more.
        QCOMPARE(messagesOn(deal, u"Loop"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM rule_firings"_s), 1);
    }

    void otherBrandsAndCreatorsAreKeptOut()
    {
        const QString rule = createRule(liveRule({}, u"Mine"_s));
        const QString path = u"/api/v1/rules/"_s + rule;
        QCOMPARE(m_api->get(path, m_otherBrand).status, 404);
        QCOMPARE(m_api->patch(path, m_otherBrand, {{u"enabled"_s, false}}).status, 404);
        QCOMPARE(remove(path, m_otherBrand).status, 404);
        QCOMPARE(m_api->get(path + u"/firings"_s, m_otherBrand).status, 404);
        QCOMPARE(m_api->post(path + u"/dry-run"_s, m_otherBrand).status, 404);
        QCOMPARE(m_api->get(u"/api/v1/rules"_s, m_otherBrand).json()[u"items"_s].toArray().size(),
                0);
        QCOMPARE(m_api->get(path, m_creator).status, 403);
        QCOMPARE(m_api->get(u"/api/v1/rules"_s, m_creator).status, 403);
        QCOMPARE(m_api->get(u"/api/v1/rules/templates"_s, m_creator).status, 403);
        QCOMPARE(m_api->post(u"/api/v1/rules"_s, m_creator, liveRule({}, u"x"_s)).status, 403);
        // Administrators read, but do not write.
        const QString admin = m_api->signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
        QCOMPARE(m_api->get(path, admin).status, 200);
        QCOMPARE(m_api->get(path + u"/firings"_s, admin).status, 200);
        QCOMPARE(m_api->patch(path, admin, {{u"enabled"_s, false}}).status, 403);
        QCOMPARE(remove(path, admin).status, 403);
        QJsonObject forBrand = liveRule({}, u"x"_s);
        forBrand[u"brandId"_s] = m_api->userIdOf(m_brand);
        QCOMPARE(m_api->post(u"/api/v1/rules"_s, admin, forBrand).status, 403);
        QCOMPARE(m_api->get(u"/api/v1/rules?brand="_s + m_api->userIdOf(m_brand), admin)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                1);
        QCOMPARE(m_api->get(path, m_brand).json()[u"enabled"_s].toBool(), true);
        QCOMPARE(remove(path, m_brand).status, 204);
        QCOMPARE(m_api->get(path, m_brand).status, 404);
    }

    void badRulesAre422WithFieldPaths_data()
    {
        QTest::addColumn<QJsonObject>("change");
        QTest::addColumn<QString>("field");
        const QJsonObject message{{u"type"_s, u"message.send"_s},
                {u"params"_s, QJsonObject{{u"text"_s, u"Hi {{creator.nickname}}"_s}}}};
        QTest::newRow("trigger") << QJsonObject{{u"trigger"_s,
                QJsonObject{{u"type"_s, u"message.posted"_s}}}}
                                 << u"trigger.type"_s;
        QTest::newRow("share") << QJsonObject{{u"trigger"_s,
                QJsonObject{{u"type"_s, u"budget.used_above"_s},
                        {u"params"_s, QJsonObject{{u"share"_s, 1.5}}}}}}
                               << u"trigger.params.share"_s;
        QTest::newRow("placeholder")
                << QJsonObject{{u"actions"_s, QJsonArray{message}}} << u"actions[0].params.text"_s;
        QTest::newRow("delay") << QJsonObject{{u"delayMinutes"_s, 43201}} << u"delayMinutes"_s;
        QTest::newRow("no actions") << QJsonObject{{u"actions"_s, QJsonArray()}} << u"actions"_s;
        QTest::newRow("condition op") << QJsonObject{{u"conditions"_s,
                QJsonArray{QJsonObject{
                        {u"field"_s, u"feeMinor"_s}, {u"op"_s, u"in"_s}, {u"value"_s, 5}}}}}
                                      << u"conditions[0].op"_s;
        QTest::newRow("condition currency") << QJsonObject{{u"conditions"_s,
                QJsonArray{QJsonObject{{u"field"_s, u"feeMinor"_s}, {u"op"_s, u"gte"_s},
                        {u"value"_s, 5}, {u"currency"_s, u"euro"_s}}}}}
                                            << u"conditions[0].currency"_s;
        QTest::newRow("condition value") << QJsonObject{{u"conditions"_s,
                QJsonArray{QJsonObject{{u"field"_s, u"platform"_s}, {u"op"_s, u"in"_s},
                        {u"value"_s, QJsonArray{u"myspace"_s}}}}}}
                                         << u"conditions[0].value"_s;
        QTest::newRow("name") << QJsonObject{{u"name"_s, u""_s}} << u"name"_s;
    }

    void badRulesAre422WithFieldPaths()
    {
        QFETCH(QJsonObject, change);
        QFETCH(QString, field);
        QJsonObject body = liveRule({}, u"Fine"_s);
        for (auto it = change.begin(); it != change.end(); ++it) {
            body[it.key()] = it.value();
        }
        const qint64 before = count(u"SELECT count(*) FROM rules"_s);
        const HttpReply reply = m_api->post(u"/api/v1/rules"_s, m_brand, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()[u"code"_s].toString(), u"validation_failed"_s);
        QCOMPARE(reply.json()[u"errors"_s][0][u"field"_s].toString(), field);
        QCOMPARE(count(u"SELECT count(*) FROM rules"_s), before);
        // The same through PATCH of a saved rule: refused, the rule unchanged.
        const QString saved = createRule(liveRule({}, u"Fine"_s));
        const HttpReply patched = m_api->patch(u"/api/v1/rules/"_s + saved, m_brand, change);
        QCOMPARE(patched.status, 422);
        QCOMPARE(patched.json()[u"errors"_s][0][u"field"_s].toString(), field);
        QCOMPARE(m_api->get(u"/api/v1/rules/"_s + saved, m_brand).json()[u"name"_s].toString(),
                u"Thanks"_s);
    }

    void budgetRulesCannotMessage()
    {
        QJsonObject body = liveRule({}, u"Hi"_s);
        body[u"trigger"_s] = QJsonObject{
                {u"type"_s, u"budget.used_above"_s}, {u"params"_s, QJsonObject{{u"share"_s, 0.5}}}};
        const HttpReply reply = m_api->post(u"/api/v1/rules"_s, m_brand, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()[u"errors"_s][0][u"field"_s].toString(), u"actions[0].type"_s);
    }

    void theDryRunShowsWhatWouldHaveFiredAndChangesNothing()
    {
        // Live posts of the last 30 days exist from the tests above (all on Instagram).
        const QString tables[] = {u"rules"_s, u"rule_firings"_s,
                u"jobs WHERE kind = 'rules.fire'"_s, u"deal_messages"_s, u"notifications"_s,
                u"payouts WHERE state = 'approved'"_s, u"shortlist_members"_s,
                u"webhook_deliveries"_s};
        QList<qint64> before;
        for (const QString &table : tables) {
            before << count(u"SELECT count(*) FROM "_s + table);
        }
        const auto fee = [](const QString &op, double value, const QString &currency) {
            QJsonObject bound{{u"field"_s, u"feeMinor"_s}, {u"op"_s, op}, {u"value"_s, value}};
            if (!currency.isEmpty()) {
                bound.insert(u"currency"_s, currency);
            }
            return QJsonArray{bound};
        };
        QJsonObject body = liveRule(fee(u"gte"_s, 40000, u"EUR"_s), u"Thanks {{creator.name}}"_s);
        body.remove(u"name"_s);
        // A fee bound names its currency (minor units mean nothing without one).
        QJsonObject noCurrency = body;
        noCurrency[u"conditions"_s] = fee(u"gte"_s, 40000, {});
        HttpReply reply = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, noCurrency);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()[u"errors"_s][0][u"field"_s].toString(), u"conditions[0].currency"_s);
        QCOMPARE(reply.json()[u"errors"_s][0][u"code"_s].toString(), u"invalid_currency"_s);
        reply = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, body);
        QCOMPARE(reply.status, 200);
        const QJsonObject run = reply.json();
        QVERIFY(run[u"wouldFire"_s].toInt() >= 3);
        QCOMPARE(run[u"items"_s].toArray().size(),
                run[u"wouldFire"_s].toInt() + run[u"wouldSkip"_s].toInt());
        const QJsonObject first = run[u"items"_s][0].toObject();
        QCOMPARE(first[u"status"_s].toString(), u"would_fire"_s);
        QCOMPARE(first[u"event"_s][u"type"_s].toString(), u"deliverable.live"_s);
        QVERIFY(!first.contains(u"id"_s));
        QCOMPARE(first[u"actions"_s][0][u"result"_s].toString(),
                u"would post: Thanks Lena Travels"_s);
        // A bound no deal meets: each event is skipped, with the reason (the first's).
        const auto skipped = [&](const QJsonArray &conditions) {
            body[u"conditions"_s] = conditions;
            const QJsonObject dry = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, body).json();
            const bool all = dry[u"wouldFire"_s].toInt() == 0
                    && dry[u"wouldSkip"_s].toInt() == run[u"items"_s].toArray().size();
            return all ? dry[u"items"_s][0][u"reason"_s].toString() : u"not all skipped"_s;
        };
        QCOMPARE(skipped(fee(u"gte"_s, 60000, u"EUR"_s)),
                u"condition feeMinor gte 60000 EUR not met"_s);
        // The same bound in yen: the deals are in euros, so none meets it (no exchange rate),
        // whatever the amount.
        QCOMPARE(skipped(fee(u"gte"_s, 40000, u"JPY"_s)),
                u"condition feeMinor gte 40000 JPY not met"_s);
        QCOMPARE(skipped(fee(u"lte"_s, 1e12, u"JPY"_s)),
                u"condition feeMinor lte 1000000000000 JPY not met"_s);
        // Nothing was written (the saved rule below is counted in).
        for (qsizetype i = 0; i < before.size(); ++i) {
            QCOMPARE(count(u"SELECT count(*) FROM "_s + tables[i]), before.at(i));
        }
        const QString saved = createRule(liveRule({}, u"Saved"_s));
        reply = m_api->post(u"/api/v1/rules/%1/dry-run"_s.arg(saved), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"wouldFire"_s].toInt(),
                run[u"wouldFire"_s].toInt() + run[u"wouldSkip"_s].toInt());
        QCOMPARE(reply.json()[u"items"_s][0][u"ruleId"_s].toString(), saved);
        QCOMPARE(count(u"SELECT count(*) FROM rule_firings"_s), before.at(1));
    }

    /// A busy brand: the counts cover every event of the 30 days, the list the latest 500.
    void theDryRunCountsEveryEventAndListsTheLatest500()
    {
        const QJsonObject body = liveRule({}, u"Thanks"_s);
        HttpReply reply = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, body);
        QCOMPARE(reply.status, 200);
        const int before = reply.json()[u"wouldFire"_s].toInt();
        QVERIFY(before >= 3);
        // 600 more live posts on one of the brand's deals over the last ten hours (no rule is
        // saved now: the timeline's triggers start nothing).
        QVERIFY(m_db->execDirect(
                u"INSERT INTO deal_events (deal_id, kind, data, created_at) "
                "SELECT (SELECT deal_id FROM deal_events WHERE kind = 'deliverable.live' LIMIT 1), "
                "'deliverable.live', jsonb_build_object('deliverableId', gen_random_uuid()), "
                "now() - g * interval '1 minute' FROM generate_series(1, 600) g"_s));
        reply = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, body);
        QCOMPARE(reply.status, 200);
        const QJsonObject run = reply.json();
        QCOMPARE(run[u"wouldFire"_s].toInt(), before + 600);
        QCOMPARE(run[u"wouldSkip"_s].toInt(), 0);
        const QJsonArray items = run[u"items"_s].toArray();
        QCOMPARE(items.size(), 500);
        for (qsizetype i = 1; i < items.size(); ++i) {
            QVERIFY(items.at(i - 1)[u"event"_s][u"at"_s].toString()
                    >= items.at(i)[u"event"_s][u"at"_s].toString());
        }
        // Judged, not only counted: a condition no event meets skips all of them.
        QJsonObject never = body;
        never[u"conditions"_s] = QJsonArray{QJsonObject{{u"field"_s, u"feeMinor"_s},
                {u"op"_s, u"gte"_s}, {u"value"_s, 1e9}, {u"currency"_s, u"EUR"_s}}};
        reply = m_api->post(u"/api/v1/rules/dry-run"_s, m_brand, never);
        QCOMPARE(reply.json()[u"wouldFire"_s].toInt(), 0);
        QCOMPARE(reply.json()[u"wouldSkip"_s].toInt(), before + 600);
        QCOMPARE(reply.json()[u"items"_s].toArray().size(), 500);
    }
};

QTEST_GUILESS_MAIN(TestApiRules)
#include "tst_api_rules.moc"
