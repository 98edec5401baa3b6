// SPDX-License-Identifier: Apache-2.0
// GET /api/v1/me/todos (api_todos_json, 0025) over HTTP against a real PostgreSQL: each side sees
// the offers the other side made, drafts to review (brand) or to rework (creator) and overdue
// deliverables, with totals that count everything while the items stop at the limit, earliest
// due first; another brand sees none of it, and bad limits are refused.
#include "ReminderHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using influence::tests::HttpReply;

class TestApiToDos : public QObject, protected influence::tests::ReminderHarness
{
    Q_OBJECT

private:
    /// The group `kind` of `token`'s to-dos with `limit` items per group.
    QJsonObject group(const QString &token, const QString &kind, int limit = 20)
    {
        const HttpReply reply = m_api->get(u"/api/v1/me/todos?limit=%1"_s.arg(limit), token);
        if (reply.status != 200) {
            qWarning("todos: %d %s", reply.status, reply.body.constData());
            return {};
        }
        for (const auto &g : reply.json()[u"groups"_s].toArray()) {
            if (g[u"kind"_s].toString() == kind) {
                return g.toObject();
            }
        }
        return {};
    }

    static QStringList ids(const QJsonObject &group, const QString &field)
    {
        QStringList found;
        for (const auto &item : group[u"items"_s].toArray()) {
            found << item[field].toString();
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }

    void cleanupTestCase() { stop(); }

    void startsEmptyWithAllGroups()
    {
        const HttpReply reply = m_api->get(u"/api/v1/me/todos"_s, m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonArray groups = reply.json()[u"groups"_s].toArray();
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups[0][u"kind"_s].toString(), u"offer_waiting"_s);
        QCOMPARE(groups[1][u"kind"_s].toString(), u"draft_to_review"_s);
        QCOMPARE(groups[2][u"kind"_s].toString(), u"overdue"_s);
        QCOMPARE(m_api->get(u"/api/v1/me/todos"_s, m_creator)
                         .json()[u"groups"_s][1][u"kind"_s]
                         .toString(),
                u"draft_to_rework"_s);
        for (const auto &g : groups) {
            QCOMPARE(g[u"total"_s].toInt(), 0);
        }
    }

    void offersWaitOnTheOtherSideOnlyEarliestFirst()
    {
        const QString late = invitedDeal(30).first;
        const QString early = invitedDeal(5).first;
        const QString middle = invitedDeal(12).first;
        QVERIFY(!late.isEmpty() && !early.isEmpty() && !middle.isEmpty());
        // The brand made the offers: they wait for the creator, not for the brand.
        QCOMPARE(group(m_brand, u"offer_waiting"_s)[u"total"_s].toInt(), 0);
        const QJsonObject waiting = group(m_creator, u"offer_waiting"_s, 2);
        QCOMPARE(waiting[u"total"_s].toInt(), 3);
        QCOMPARE(ids(waiting, u"dealId"_s), (QStringList{early, middle}));
        const QJsonObject first = waiting[u"items"_s][0].toObject();
        QCOMPARE(first[u"feeMinor"_s].toInteger(), 50000);
        QCOMPARE(first[u"currency"_s].toString(), u"EUR"_s);
        QCOMPARE(first[u"dueDate"_s].toString(), influence::tests::isoDay(5));
        QCOMPARE(first[u"creatorName"_s].toString(), u"Lena Travels"_s);
        QVERIFY(first[u"campaignName"_s].toString().startsWith(u"Reminder campaign"_s));
    }

    void draftsGoToReviewThenBackToRework()
    {
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(!deliverable.isEmpty());
        QCOMPARE(m_api->post(u"/api/v1/deliverables/%1/versions"_s.arg(deliverable), m_creator,
                              {{u"caption"_s, u"Boots at dawn."_s}})
                         .status,
                201);
        QCOMPARE(ids(group(m_brand, u"draft_to_review"_s), u"deliverableId"_s),
                QStringList{deliverable});
        QCOMPARE(group(m_creator, u"draft_to_rework"_s)[u"total"_s].toInt(), 0);
        QCOMPARE(m_api->post(u"/api/v1/deliverables/%1/versions/1/review"_s.arg(deliverable),
                              m_brand,
                              {{u"decision"_s, u"changes_requested"_s},
                                      {u"feedback"_s, u"Brighter."_s}})
                         .status,
                200);
        QCOMPARE(group(m_brand, u"draft_to_review"_s)[u"total"_s].toInt(), 0);
        const QJsonObject rework = group(m_creator, u"draft_to_rework"_s);
        QCOMPARE(ids(rework, u"deliverableId"_s), QStringList{deliverable});
        QCOMPARE(rework[u"items"_s][0][u"dealId"_s].toString(), deal);
        QCOMPARE(rework[u"items"_s][0][u"status"_s].toString(), u"changes_requested"_s);
    }

    void overdueShowsOnBothSidesUntilLive()
    {
        const auto [deal, deliverable] = acceptedDeal(10);
        QVERIFY(m_db->execDirect(u"UPDATE deliverables SET due_on = current_date - 1 "
                                 "WHERE id = '%1'"_s.arg(deliverable)));
        QVERIFY(ids(group(m_brand, u"overdue"_s), u"deliverableId"_s).contains(deliverable));
        QVERIFY(ids(group(m_creator, u"overdue"_s), u"deliverableId"_s).contains(deliverable));
        QVERIFY(m_db->execDirect(
                u"UPDATE deliverables SET status = 'live', "
                "approved_at = now(), live_url = 'https://example.com/p', live_at = now() "
                "WHERE id = '%1'"_s.arg(deliverable)));
        QVERIFY(!ids(group(m_brand, u"overdue"_s), u"deliverableId"_s).contains(deliverable));
        Q_UNUSED(deal);
    }

    // Home used to read the first 100 deals; the totals count them all.
    void totalsCountBeyondAPage()
    {
        const int before = group(m_creator, u"offer_waiting"_s)[u"total"_s].toInt();
        for (int i = 0; i < 101; ++i) {
            QVERIFY(!invitedDeal(40).first.isEmpty());
        }
        const QJsonObject waiting = group(m_creator, u"offer_waiting"_s, 100);
        QCOMPARE(waiting[u"total"_s].toInt(), before + 101);
        QCOMPARE(waiting[u"items"_s].toArray().size(), 100);
    }

    void otherBrandsSeeNothing()
    {
        const QString other = m_api->signUp(u"other-brand@example.com"_s, u"brand"_s);
        QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, other, {{u"companyName"_s, u"Other"_s}}).status,
                201);
        const HttpReply reply = m_api->get(u"/api/v1/me/todos"_s, other);
        QCOMPARE(reply.status, 200);
        for (const auto &g : reply.json()[u"groups"_s].toArray()) {
            QCOMPARE(g[u"total"_s].toInt(), 0);
        }
        const QString stranger = m_api->signUp(u"other-creator@example.com"_s, u"influencer"_s);
        QVERIFY(!creatorProfile(stranger, u"Someone Else"_s).isEmpty());
        QCOMPARE(group(stranger, u"offer_waiting"_s)[u"total"_s].toInt(), 0);
    }

    void badRequestsAreRefused()
    {
        QCOMPARE(m_api->get(u"/api/v1/me/todos"_s, QString()).status, 401);
        QCOMPARE(m_api->get(u"/api/v1/me/todos?limit=0"_s, m_brand).status, 400);
        QCOMPARE(m_api->get(u"/api/v1/me/todos?limit=101"_s, m_brand).status, 400);
        QCOMPARE(m_api->get(u"/api/v1/me/todos?limit=x"_s, m_brand).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestApiToDos)
#include "tst_api_todos.moc"
