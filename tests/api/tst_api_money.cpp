// SPDX-License-Identifier: Apache-2.0
// Money over HTTP against PostgreSQL: budgets that cannot be overspent (also by 100 concurrent
// accepts), payment schedules that make payouts payable, approval and readiness, offline
// payments, cancellation, the append-only ledger and its verification, Idempotency-Key in every
// case, the audit log, CSV exports, authorization and validation that changes nothing.
#include "ApiSession.h"
#include "Csv.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::parseCsv;
using influence::tests::TestServer;

namespace {

using Headers = ApiSession::Headers;

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QByteArray compact(const QJsonObject &object)
{
    return ApiSession::compact(object);
}

QString day(int fromToday)
{
    return influence::tests::isoDay(fromToday);
}

QJsonObject terms(const QList<std::pair<QString, int>> &schedule, int netDays)
{
    QJsonArray items;
    for (const auto &[on, percent] : schedule) {
        items.append(QJsonObject{{u"on"_s, on}, {u"percent"_s, percent}});
    }
    return {{u"schedule"_s, items}, {u"netDays"_s, netDays}};
}

QJsonObject offer(qint64 fee, const QJsonObject &paymentTerms = {})
{
    QJsonObject body{
            {u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1}, {u"dueDate"_s, day(14)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
    if (!paymentTerms.isEmpty()) {
        body.insert(u"paymentTerms"_s, paymentTerms);
    }
    return body;
}

} // namespace

class TestApiMoney : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_otherBrand;
    QString m_creator;
    QString m_admin;
    QString m_brandId;
    QString m_creatorId;
    int m_counter = 0;

    std::unique_ptr<ApiSession> m_api;

    static Headers as(const QString &token, const QByteArray &key = {})
    {
        return ApiSession::as(token, key);
    }
    HttpReply get(const QString &path, const QString &token) { return m_api->get(path, token); }
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {},
            const QByteArray &key = {})
    {
        return m_api->post(path, token, body, key);
    }
    HttpReply patch(const QString &path, const QString &token, const QJsonObject &body,
            const QByteArray &key = {})
    {
        return m_api->patch(path, token, body, key);
    }
    QString signUp(const QString &email, const QString &role) { return m_api->signUp(email, role); }
    QString userIdOf(const QString &token) { return m_api->userIdOf(token); }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }

    QString newCampaign(qint64 budget)
    {
        const QJsonObject body{{u"name"_s, u"Money campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, budget},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(0)}, {u"endDate"_s, day(60)},
                {u"visibility"_s, u"public"_s}};
        const QString id = post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }

    struct Deal
    {
        QString id;
        QString offer; ///< the creator's open counter-offer
        QString deliverable;
    };
    /// A deal of the creator in `campaign`, negotiating over the creator's counter-offer of `fee`.
    Deal negotiating(const QString &campaign, qint64 fee, const QJsonObject &paymentTerms = {})
    {
        Deal deal;
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(fee, paymentTerms)}});
        deal.id = reply.json().value(u"id"_s).toString();
        reply = post(
                u"/api/v1/deals/%1/offers"_s.arg(deal.id), m_creator, offer(fee, paymentTerms));
        deal.offer = reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        return deal;
    }
    HttpReply accept(Deal &deal, const QByteArray &key = {})
    {
        const HttpReply reply = post(
                u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal.id, deal.offer), m_brand, {}, key);
        deal.deliverable = reply.json()[u"deliverables"_s][0][u"id"_s].toString();
        return reply;
    }
    QJsonObject budget(const QString &campaign)
    {
        return get(u"/api/v1/campaigns/%1/budget"_s.arg(campaign), m_brand).json();
    }
    QJsonArray payoutsOf(const QString &deal, const QString &token)
    {
        return get(u"/api/v1/deals/%1"_s.arg(deal), token).json()[u"payouts"_s].toArray();
    }
    void verifyLedger()
    {
        const HttpReply verified = get(u"/api/v1/admin/ledger/verify"_s, m_admin);
        QCOMPARE(verified.status, 200);
        QVERIFY2(verified.json().value(u"ok"_s).toBool(), verified.body.constData());
    }
    /// The creator is ready to be paid: account connected and enabled, tax form received.
    void makeCreatorReady()
    {
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/payout-account"_s,
                                 compact({{u"accountId"_s, u"acct_1Creator"_s},
                                         {u"taxForm"_s, u"W-8BEN"_s},
                                         {u"taxFormReceivedOn"_s, day(-3)}}),
                                 as(m_creator))
                         .status,
                200);
        QVERIFY(m_db->execDirect(u"UPDATE payout_accounts SET payouts_enabled = true"_s));
    }
    /// Every row of a table, as text, to prove a request changed nothing.
    QString snapshot()
    {
        return scalar(u"SELECT concat_ws('|', "
                      "(SELECT string_agg(id::text || state, ',' ORDER BY id) FROM deals), "
                      "(SELECT string_agg(id::text || balance_minor, ',' ORDER BY id) "
                      " FROM ledger_accounts), "
                      "(SELECT count(*) FROM ledger_entries), "
                      "(SELECT string_agg(id::text || state, ',' ORDER BY id) FROM payouts), "
                      "(SELECT string_agg(id::text || budget_minor, ',' ORDER BY id) "
                      " FROM campaigns))"_s)
                .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"money-test"_s);
        QVERIFY(m_db);

        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = signUp(u"staff@example.com"_s, u"brand"_s);
        m_otherBrand = signUp(u"other@example.com"_s, u"brand"_s);
        m_creator = signUp(u"creator@example.com"_s, u"influencer"_s);
        m_admin = signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
        for (const auto &[token, name] :
                {std::pair{m_brand, u"Alpine Boots"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
            QCOMPARE(m_client->send("PUT", u"/api/v1/me/brand"_s,
                                     compact({{u"companyName"_s, name}}), as(token))
                             .status,
                    201);
        }
        m_brandId = userIdOf(m_brand);
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                 compact({{u"displayName"_s, u"Lena Travels"_s},
                                         {u"bio"_s, u"Alps."_s}, {u"country"_s, u"AT"_s}}),
                                 as(m_creator))
                         .status,
                201);
        m_creatorId = userIdOf(m_creator);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_brand,
                         {{u"userId"_s, userIdOf(m_staff)}})
                         .status,
                201);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void everyMoneyRouteNeedsSigningIn_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            const QString path = route.pathTemplate;
            if (!path.contains(u"payout"_s) && !path.contains(u"ledger"_s)
                    && !path.contains(u"audit"_s) && !path.contains(u"earnings"_s)
                    && !path.endsWith(u"/budget"_s)) {
                continue;
            }
            QString concrete = path;
            concrete.replace(u"{id}"_s, id);
            const QByteArray method = server::http::methodName(route.method);
            QTest::newRow(qPrintable(QString(QString::fromLatin1(method) + u' ' + path)))
                    << method << concrete;
        }
    }
    void everyMoneyRouteNeedsSigningIn()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpReply reply = m_client->send(method, path, method == "GET" ? QByteArray() : "{}",
                {{"Content-Type", "application/json"}, {"Idempotency-Key", "k"}});
        QCOMPARE(reply.status, 401);
    }

    void acceptReservesTheFee()
    {
        const QString campaign = newCampaign(100000);
        QJsonObject b = budget(campaign);
        QCOMPARE(b.value(u"budgetMinor"_s).toInteger(), 100000);
        QCOMPARE(b.value(u"remainingMinor"_s).toInteger(), 100000);
        QCOMPARE(b.value(u"committedMinor"_s).toInteger(), 0);
        Deal deal = negotiating(campaign, 40000);
        QCOMPARE(accept(deal).status, 200);
        b = budget(campaign);
        QCOMPARE(b.value(u"committedMinor"_s).toInteger(), 40000);
        QCOMPARE(b.value(u"remainingMinor"_s).toInteger(), 60000);
        QCOMPARE(b.value(u"paidMinor"_s).toInteger(), 0);
        QCOMPARE(b.value(u"deals"_s).toArray().size(), 1);
        QCOMPARE(b[u"deals"_s][0][u"reservedMinor"_s].toInteger(), 40000);
        // The deal's terms carry the (default) payment terms, frozen.
        const QJsonObject detail = get(u"/api/v1/deals/"_s + deal.id, m_brand).json();
        QCOMPARE(detail[u"terms"_s][u"paymentTerms"_s][u"netDays"_s].toInt(), 30);
        QCOMPARE(detail[u"payment"_s][u"state"_s].toString(), u"pending"_s);
        verifyLedger();
    }

    void acceptBeyondTheBudgetIsRefused()
    {
        const QString campaign = newCampaign(50000);
        Deal first = negotiating(campaign, 30000);
        QCOMPARE(accept(first).status, 200);
        // A second creator is needed for a second deal in the campaign: use the database.
        Deal second;
        second.id =
                scalar(u"INSERT INTO deals (campaign_id, brand_id, influencer_id, origin, state) "
                       "SELECT '%1', '%2', user_id, 'application', 'negotiating' "
                       "FROM influencer_details WHERE user_id <> '%3' LIMIT 1 RETURNING id"_s.arg(
                               campaign, m_brandId, m_creatorId))
                        .toString();
        if (second.id.isEmpty()) {
            const QString other = signUp(u"second-creator@example.com"_s, u"influencer"_s);
            m_client->send("PUT", u"/api/v1/me/influencer"_s,
                    compact({{u"displayName"_s, u"Max Hikes"_s}, {u"bio"_s, u"Hikes."_s}}),
                    as(other));
            second.id = scalar(u"INSERT INTO deals (campaign_id, brand_id, influencer_id, origin, "
                               "state) VALUES ('%1', '%2', '%3', 'application', 'negotiating') "
                               "RETURNING id"_s.arg(campaign, m_brandId, userIdOf(other)))
                                .toString();
        }
        QVERIFY(!second.id.isEmpty());
        second.offer = scalar(u"INSERT INTO offers (deal_id, sequence, made_by, deliverables, "
                              "fee_minor, currency) VALUES ('%1', 1, 'creator', '[{\"type\":"
                              "\"reel\",\"platform\":\"instagram\",\"quantity\":1,\"dueDate\":"
                              "\"%2\"}]', 25000, 'EUR') RETURNING id"_s.arg(second.id, day(10)))
                               .toString();
        const QString before = snapshot();
        const HttpReply refused = accept(second);
        QCOMPARE(refused.status, 409);
        QCOMPARE(code(refused), u"budget_exceeded"_s);
        QCOMPARE(refused.json().value(u"remainingMinor"_s).toInteger(), 20000);
        QCOMPARE(refused.json().value(u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(snapshot(), before);
        // Raising the budget lets it through.
        QCOMPARE(patch(u"/api/v1/campaigns/"_s + campaign, m_brand, {{u"budgetMinor"_s, 60000}})
                         .status,
                200);
        QCOMPARE(accept(second).status, 200);
        QCOMPARE(budget(campaign).value(u"remainingMinor"_s).toInteger(), 5000);
        verifyLedger();
    }

    void hundredConcurrentAcceptsCommitExactlyTen()
    {
        constexpr int kDeals = 100;
        constexpr qint64 kFee = 10000;
        const QString campaign = newCampaign(10 * kFee);
        // 100 creators, each with a deal negotiating over their own open offer (set up in the
        // database: the accepts are what is tested).
        QVERIFY(m_db->execDirect(
                u"WITH u AS (INSERT INTO users (email, role, status, display_name) "
                "SELECT 'race' || g || '@example.com', 'influencer', 'active', 'Race ' || g "
                "FROM generate_series(1, %1) g RETURNING id, display_name), "
                "i AS (INSERT INTO influencer_details (user_id, display_name) "
                "SELECT id, display_name FROM u RETURNING user_id), "
                "d AS (INSERT INTO deals (campaign_id, brand_id, influencer_id, origin, state) "
                "SELECT '%2', '%3', user_id, 'application', 'negotiating' FROM i RETURNING id) "
                "INSERT INTO offers (deal_id, sequence, made_by, deliverables, fee_minor, "
                "currency) SELECT id, 1, 'creator', '[{\"type\":\"reel\",\"platform\":"
                "\"instagram\",\"quantity\":1,\"dueDate\":\"%4\"}]', %5, 'EUR' FROM d"_s.arg(kDeals)
                        .arg(campaign, m_brandId, day(10))
                        .arg(kFee)));
        QList<std::pair<QString, QString>> deals;
        const server::db::SqlStatement open(
                u"SELECT o.deal_id::text || ' ' || o.id::text FROM offers o JOIN deals d "
                "ON d.id = o.deal_id WHERE d.campaign_id = :campaign AND o.status = 'open'"_s);
        auto rows = m_db->run(open, {{u":campaign"_s, campaign}});
        QVERIFY(rows);
        while ((*rows)->next()) {
            const QStringList pair = (*rows)->value(0).toString().split(u' ');
            deals.append({pair.at(0), pair.at(1)});
        }
        (*rows)->finish();
        QCOMPARE(deals.size(), kDeals);
        // 16 clients at once, like 16 staff members clicking Accept.
        std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
        for (int i = 0; i < 16; ++i) {
            clients.push_back(std::make_unique<QNetworkAccessManager>());
        }
        QList<QNetworkReply *> replies;
        for (int i = 0; i < kDeals; ++i) {
            QNetworkRequest request(m_server->url().resolved(QUrl(
                    u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deals[i].first, deals[i].second))));
            request.setRawHeader("Authorization", "Bearer " + m_brand.toLatin1());
            replies.append(clients[static_cast<size_t>(i % 16)]->post(request, QByteArray()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(),
                                         [](QNetworkReply *r) {
                                             return r->isFinished();
                                         }),
                60000);
        int accepted = 0;
        int refused = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString error =
                    QJsonDocument::fromJson(reply->readAll()).object()[u"code"_s].toString();
            accepted += status == 200 ? 1 : 0;
            refused += status == 409 && error == u"budget_exceeded"_s ? 1 : 0;
            reply->deleteLater();
        }
        QCOMPARE(accepted, 10);
        QCOMPARE(refused, 90);
        QCOMPARE(scalar(u"SELECT count(*) FROM deals WHERE campaign_id = '%1' "
                        "AND state = 'accepted'"_s.arg(campaign))
                         .toInt(),
                10);
        const QJsonObject b = budget(campaign);
        QCOMPARE(b.value(u"committedMinor"_s).toInteger(), 10 * kFee);
        QCOMPARE(b.value(u"remainingMinor"_s).toInteger(), 0);
        verifyLedger();
    }

    void budgetChangesGoThroughTheLedger()
    {
        const QString campaign = newCampaign(100000);
        Deal deal = negotiating(campaign, 70000);
        QCOMPARE(accept(deal).status, 200);
        const QString before = snapshot();
        HttpReply reply =
                patch(u"/api/v1/campaigns/"_s + campaign, m_brand, {{u"budgetMinor"_s, 69999}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"budget_below_committed"_s);
        QCOMPARE(reply.json().value(u"minimumBudgetMinor"_s).toInteger(), 70000);
        QCOMPARE(snapshot(), before);
        reply = patch(u"/api/v1/campaigns/"_s + campaign, m_brand, {{u"budgetMinor"_s, 70000}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(budget(campaign).value(u"remainingMinor"_s).toInteger(), 0);
        QCOMPARE(patch(u"/api/v1/campaigns/"_s + campaign, m_brand, {{u"budgetMinor"_s, 90000}})
                         .status,
                200);
        QCOMPARE(budget(campaign).value(u"remainingMinor"_s).toInteger(), 20000);
        // The currency cannot change while fees are committed.
        reply = patch(u"/api/v1/campaigns/"_s + campaign, m_brand, {{u"currency"_s, u"USD"_s}});
        QCOMPARE(reply.status, 409);
        // Each change is in the ledger as a transfer and in the audit log with before/after.
        QCOMPARE(scalar(u"SELECT count(*) FROM ledger_transfers WHERE campaign_id = '%1' "
                        "AND cause = 'budget'"_s.arg(campaign))
                         .toInt(),
                3);
        const HttpReply audit = get(u"/api/v1/audit-log?action=campaign.budget_changed"_s, m_brand);
        QCOMPARE(audit.status, 200);
        bool found = false;
        for (const auto &item : audit.json()[u"items"_s].toArray()) {
            const QJsonObject entry = item.toObject();
            if (entry[u"objectId"_s].toString() == campaign
                    && entry[u"after"_s][u"budget_minor"_s].toInteger() == 90000) {
                found = entry[u"before"_s][u"budget_minor"_s].toInteger() == 70000
                        && entry[u"actorId"_s].toString() == m_brandId;
            }
        }
        QVERIFY(found);
        verifyLedger();
    }

    void withdrawingReleasesTheReservation()
    {
        const QString campaign = newCampaign(100000);
        Deal deal =
                negotiating(campaign, 30000, terms({{u"acceptance"_s, 50}, {u"live"_s, 50}}, 0));
        QCOMPARE(accept(deal).status, 200);
        QCOMPARE(payoutsOf(deal.id, m_brand).size(), 1);
        QCOMPARE(post(u"/api/v1/deals/%1/cancel"_s.arg(deal.id), m_brand).status, 200);
        const QJsonObject b = budget(campaign);
        QCOMPARE(b.value(u"remainingMinor"_s).toInteger(), 100000);
        QCOMPARE(b.value(u"committedMinor"_s).toInteger(), 0);
        const QJsonArray payouts = payoutsOf(deal.id, m_brand);
        QCOMPARE(payouts.size(), 1);
        QCOMPARE(payouts[0][u"state"_s].toString(), u"cancelled"_s);
        verifyLedger();
    }

    void paymentScheduleJourney()
    {
        const QString campaign = newCampaign(200000);
        // Half on acceptance, half when live, paid 0 days after: due at once.
        Deal deal =
                negotiating(campaign, 100001, terms({{u"acceptance"_s, 50}, {u"live"_s, 50}}, 0));
        QCOMPARE(accept(deal).status, 200);
        QJsonArray payouts = payoutsOf(deal.id, m_creator);
        QCOMPARE(payouts.size(), 1);
        const QString first = payouts[0][u"id"_s].toString();
        QCOMPARE(payouts[0][u"amountMinor"_s].toInteger(), 50000);
        QCOMPARE(payouts[0][u"state"_s].toString(), u"due"_s);
        QCOMPARE(payouts[0][u"dueDate"_s].toString(), day(0));
        // The creator is not ready: approval says what is missing and changes nothing.
        QVERIFY(m_db->execDirect(u"DELETE FROM payout_accounts"_s));
        HttpReply reply = post(u"/api/v1/payouts/%1/approve"_s.arg(first), m_staff);
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"payout_not_ready"_s);
        QCOMPARE(reply.json()[u"missing"_s].toArray(),
                (QJsonArray{u"payout_account"_s, u"tax_form"_s}));
        HttpReply earnings = get(u"/api/v1/me/earnings"_s, m_creator);
        QCOMPARE(earnings.status, 200);
        QCOMPARE(earnings.json()[u"readiness"_s][u"ready"_s].toBool(), false);
        makeCreatorReady();
        QCOMPARE(get(u"/api/v1/me/payout-account"_s, m_creator).json()[u"ready"_s].toBool(), true);
        // Creators cannot approve; staff can.
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(first), m_creator).status, 403);
        reply = post(u"/api/v1/payouts/%1/approve"_s.arg(first), m_staff);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"state"_s].toString(), u"approved"_s);
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(first), m_staff).status, 409);
        // Paid elsewhere (the payment provider is tested separately): recorded with a reference.
        reply = post(u"/api/v1/payouts/%1/record-payment"_s.arg(first), m_brand,
                {{u"reference"_s, u"SEPA 2026-12-05 #4411"_s}, {u"paidOn"_s, day(0)}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"state"_s].toString(), u"paid"_s);
        QCOMPARE(reply.json()[u"method"_s].toString(), u"offline"_s);
        // The post goes live: the second half becomes payable.
        const QString base = u"/api/v1/deliverables/"_s + deal.deliverable;
        QCOMPARE(post(base + u"/versions"_s, m_creator, {{u"caption"_s, u"Draft"_s}}).status, 201);
        QCOMPARE(post(base + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"approved"_s}})
                         .status,
                200);
        QCOMPARE(post(base + u"/live"_s, m_creator, {{u"url"_s, u"https://instagram.com/p/x"_s}})
                         .status,
                200);
        payouts = payoutsOf(deal.id, m_brand);
        QCOMPARE(payouts.size(), 2);
        QCOMPARE(payouts[1][u"amountMinor"_s].toInteger(), 50001);
        QCOMPARE(payouts[1][u"condition"_s].toString(), u"live"_s);
        const QJsonObject b = budget(campaign);
        QCOMPARE(b.value(u"paidMinor"_s).toInteger(), 50000);
        QCOMPARE(b.value(u"committedMinor"_s).toInteger(), 50001);
        earnings = get(u"/api/v1/me/earnings"_s, m_creator);
        const QJsonObject totals = earnings.json()[u"totals"_s][0].toObject();
        QCOMPARE(totals[u"currency"_s].toString(), u"EUR"_s);
        QVERIFY(totals[u"paidMinor"_s].toInteger() >= 50000);
        QVERIFY(totals[u"dueMinor"_s].toInteger() >= 50001);
        // Cancelling the second payout gives its amount back to the budget.
        reply = post(u"/api/v1/payouts/%1/cancel"_s.arg(payouts[1][u"id"_s].toString()), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(budget(campaign).value(u"remainingMinor"_s).toInteger(), 200000 - 50000);
        verifyLedger();
    }

    void bulkApprovalIsAllOrNothing()
    {
        makeCreatorReady();
        const QString campaign = newCampaign(100000);
        Deal deal = negotiating(
                campaign, 9000, terms({{u"acceptance"_s, 40}, {u"completion"_s, 60}}, 14));
        QCOMPARE(accept(deal).status, 200);
        const QString payout = payoutsOf(deal.id, m_brand)[0][u"id"_s].toString();
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString before = snapshot();
        HttpReply reply = post(
                u"/api/v1/payouts/approve"_s, m_brand, {{u"ids"_s, QJsonArray{payout, unknown}}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()[u"id"_s].toString(), unknown);
        QCOMPARE(snapshot(), before);
        reply = post(u"/api/v1/payouts/approve"_s, m_brand, {{u"ids"_s, QJsonArray{payout}}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s][0][u"state"_s].toString(), u"approved"_s);
        // Not due for 14 days, but the brand may approve early.
        QCOMPARE(reply.json()[u"items"_s][0][u"dueDate"_s].toString(), day(14));
    }

    /// Several payouts cancelled, or recorded as paid under one bank batch's reference, in one
    /// request: all or none (an unknown id, another brand's or one that cannot change refuses
    /// the lot), the amounts back in the budget or paid, the ledger balanced.
    void bulkCancelAndRecordAreAllOrNothing()
    {
        // One creator's payouts in three campaigns (a creator has one deal per campaign).
        QStringList campaigns;
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            campaigns << newCampaign(100000);
            Deal deal = negotiating(campaigns.last(), 20000, terms({{u"acceptance"_s, 100}}, 14));
            QCOMPARE(accept(deal).status, 200);
            ids << payoutsOf(deal.id, m_brand)[0][u"id"_s].toString();
            QCOMPARE(budget(campaigns.last()).value(u"remainingMinor"_s).toInteger(), 80000);
        }
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString before = snapshot();
        HttpReply reply = post(u"/api/v1/payouts/cancel"_s, m_brand,
                {{u"ids"_s, QJsonArray{ids[0], ids[1], unknown}}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()[u"id"_s].toString(), unknown);
        QCOMPARE(snapshot(), before);
        QCOMPARE(post(u"/api/v1/payouts/cancel"_s, m_otherBrand, {{u"ids"_s, QJsonArray{ids[0]}}})
                         .status,
                404);
        QCOMPARE(post(u"/api/v1/payouts/cancel"_s, m_creator, {{u"ids"_s, QJsonArray{ids[0]}}})
                         .status,
                403);
        QCOMPARE(snapshot(), before);

        // Two paid by one bank batch.
        const QJsonObject batch{{u"ids"_s, QJsonArray{ids[0], ids[1]}},
                {u"reference"_s, u"BATCH-2026-12"_s},
                {u"paidOn"_s, QDate::currentDate().toString(Qt::ISODate)}};
        reply = post(u"/api/v1/payouts/record-payment"_s, m_brand, batch);
        QCOMPARE(reply.status, 200);
        const QJsonArray paid = reply.json()[u"items"_s].toArray();
        QCOMPARE(paid.size(), 2);
        QCOMPARE(paid[0][u"id"_s].toString(), ids[0]);
        for (const auto &item : paid) {
            QCOMPARE(item[u"state"_s].toString(), u"paid"_s);
            QCOMPARE(item[u"reference"_s].toString(), u"BATCH-2026-12"_s);
        }
        QCOMPARE(budget(campaigns[0]).value(u"paidMinor"_s).toInteger(), 20000);
        QCOMPARE(budget(campaigns[1]).value(u"paidMinor"_s).toInteger(), 20000);
        // A paid payout cannot be cancelled: the lot is refused, naming it.
        before = snapshot();
        reply = post(
                u"/api/v1/payouts/cancel"_s, m_brand, {{u"ids"_s, QJsonArray{ids[2], ids[0]}}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.json()[u"code"_s].toString(), u"illegal_transition"_s);
        QCOMPARE(reply.json()[u"id"_s].toString(), ids[0]);
        QCOMPARE(snapshot(), before);
        reply = post(u"/api/v1/payouts/cancel"_s, m_brand, {{u"ids"_s, QJsonArray{ids[2]}}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s][0][u"state"_s].toString(), u"cancelled"_s);
        QCOMPARE(budget(campaigns[2]).value(u"remainingMinor"_s).toInteger(), 100000);
        // Every field of a bulk record is checked at once, and nothing changes.
        before = snapshot();
        reply = post(u"/api/v1/payouts/record-payment"_s, m_brand,
                {{u"ids"_s, QJsonArray{}}, {u"paidOn"_s, u"2999-01-01"_s}});
        QCOMPARE(reply.status, 422);
        QStringList fields;
        for (const auto &error : reply.json()[u"errors"_s].toArray()) {
            fields << error[u"field"_s].toString();
        }
        fields.sort();
        QCOMPARE(fields, (QStringList{u"ids"_s, u"paidOn"_s, u"reference"_s}));
        QCOMPARE(snapshot(), before);
        verifyLedger();
    }

    void idempotencyKeys()
    {
        makeCreatorReady();
        const QString campaign = newCampaign(100000);
        Deal deal = negotiating(campaign, 5000, terms({{u"acceptance"_s, 100}}, 0));
        // Accepting twice with one key: the stored answer again, once in the ledger.
        const QByteArray key = "accept-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const HttpReply first = accept(deal, key);
        QCOMPARE(first.status, 200);
        const HttpReply again = accept(deal, key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(scalar(u"SELECT count(*) FROM ledger_transfers WHERE deal_id = '%1' "
                        "AND cause = 'reservation'"_s.arg(deal.id))
                         .toInt(),
                1);
        // Without the key the second accept is refused by the state machine.
        QCOMPARE(accept(deal).status, 409);
        // The same key for a different request.
        const QString payout = payoutsOf(deal.id, m_brand)[0][u"id"_s].toString();
        HttpReply reply = post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, key);
        QCOMPARE(reply.status, 422);
        QCOMPARE(code(reply), u"idempotency_key_reused"_s);
        // A key another request still holds.
        QVERIFY(m_db->execDirect(u"INSERT INTO idempotency_keys (user_id, key, fingerprint) "
                                 "VALUES ('%1', 'running', 'x')"_s.arg(m_brandId)));
        reply = post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, "running");
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"idempotency_key_in_use"_s);
        // Malformed keys.
        reply = post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, "has space");
        QCOMPARE(reply.status, 400);
        QCOMPARE(code(reply), u"invalid_idempotency_key"_s);
        reply = post(
                u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, QByteArray(256, 'k'));
        QCOMPARE(code(reply), u"invalid_idempotency_key"_s);
        // Keys are per user: the staff member's request with the brand owner's key runs.
        const QByteArray approveKey = "approve-1";
        reply = post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, approveKey);
        QCOMPARE(reply.status, 200);
        const HttpReply replay =
                post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_brand, {}, approveKey);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, reply.body);
        const HttpReply staff =
                post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_staff, {}, approveKey);
        QCOMPARE(staff.status, 409);
        QCOMPARE(code(staff), u"illegal_transition"_s);
        // A problem answer is stored and replayed too.
        const HttpReply problemAgain =
                post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_staff, {}, approveKey);
        QCOMPARE(problemAgain.status, 409);
        QCOMPARE(problemAgain.header("idempotent-replayed"), QByteArray("true"));
        // Kept for at least 24 hours.
        QCOMPARE(scalar(u"SELECT count(*) FROM idempotency_keys WHERE key = 'approve-1'"_s).toInt(),
                2);
    }

    void ledgerIsAppendOnly()
    {
        QVERIFY(scalar(u"SELECT count(*) FROM ledger_entries"_s).toInt() > 0);
        // The server's own role cannot change or remove history.
        for (const QString &sql : {u"UPDATE ledger_entries SET amount_minor = amount_minor + 1"_s,
                     u"DELETE FROM ledger_entries"_s, u"UPDATE ledger_transfers SET cause = 'x'"_s,
                     u"DELETE FROM ledger_transfers"_s, u"TRUNCATE ledger_entries"_s,
                     u"UPDATE ledger_transfers SET id = id"_s, u"DELETE FROM audit_log"_s,
                     u"UPDATE audit_log SET action = 'x.y'"_s}) {
            QVERIFY2(!m_db->execDirect(sql), qPrintable(sql));
        }
        // An account's balance can only go below its limit through the transfer function,
        // which refuses; the CHECK refuses a direct write too.
        QVERIFY(!m_db->execDirect(u"UPDATE ledger_accounts SET balance_minor = -1 "
                                  "WHERE kind = 'campaign_budget'"_s));
        verifyLedger();
    }

    void verifyFindsTampering()
    {
        // A balance changed behind the ledger's back is found.
        QVERIFY(m_db->execDirect(u"UPDATE ledger_accounts SET balance_minor = balance_minor + 1 "
                                 "WHERE id = (SELECT min(id) FROM ledger_accounts "
                                 "WHERE kind = 'campaign_budget')"_s));
        HttpReply verified = get(u"/api/v1/admin/ledger/verify"_s, m_admin);
        QCOMPARE(verified.json().value(u"ok"_s).toBool(), false);
        QStringList problems;
        for (const auto &problem : verified.json()[u"problems"_s].toArray()) {
            problems << problem[u"problem"_s].toString();
        }
        QVERIFY(problems.contains(u"balance_mismatch"_s));
        QVERIFY(problems.contains(u"currency_not_zero"_s));
        QVERIFY(m_db->execDirect(u"UPDATE ledger_accounts SET balance_minor = balance_minor - 1 "
                                 "WHERE id = (SELECT min(id) FROM ledger_accounts "
                                 "WHERE kind = 'campaign_budget')"_s));
        verifyLedger();
        QCOMPARE(get(u"/api/v1/admin/ledger/verify"_s, m_brand).status, 403);
    }

    void authorization()
    {
        makeCreatorReady();
        const QString campaign = newCampaign(100000);
        Deal deal = negotiating(campaign, 5000, terms({{u"acceptance"_s, 100}}, 0));
        QCOMPARE(accept(deal).status, 200);
        const QString payout = payoutsOf(deal.id, m_brand)[0][u"id"_s].toString();
        // Another brand sees none of it.
        QCOMPARE(get(u"/api/v1/campaigns/%1/budget"_s.arg(campaign), m_otherBrand).status, 404);
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(payout), m_otherBrand).status, 404);
        QCOMPARE(post(u"/api/v1/payouts/%1/cancel"_s.arg(payout), m_otherBrand).status, 404);
        QCOMPARE(get(u"/api/v1/payouts?campaign="_s + campaign, m_otherBrand)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                0);
        QCOMPARE(get(u"/api/v1/ledger/entries?campaign="_s + campaign, m_otherBrand)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                0);
        // Narrowed to a brand (agency staff of several): the brand's own, or nothing.
        const auto listed = [this](const QString &query) {
            return get(u"/api/v1/payouts?"_s + query, m_brand).json()[u"items"_s].toArray().size();
        };
        QCOMPARE(listed(u"campaign=%1&brand=%2"_s.arg(campaign, userIdOf(m_brand))), 1);
        QCOMPARE(listed(u"campaign=%1&brand=%2"_s.arg(campaign, userIdOf(m_otherBrand))), 0);
        // The creator sees their payout but cannot act for the brand or read the budget.
        QCOMPARE(get(u"/api/v1/payouts?campaign="_s + campaign, m_creator)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                1);
        QCOMPARE(post(u"/api/v1/payouts/%1/cancel"_s.arg(payout), m_creator).status, 403);
        QCOMPARE(get(u"/api/v1/campaigns/%1/budget"_s.arg(campaign), m_creator).status, 404);
        QCOMPARE(get(u"/api/v1/ledger/entries?campaign="_s + campaign, m_creator)
                         .json()[u"items"_s]
                         .toArray()
                         .size(),
                0);
        // Brands have no earnings or payout account; staff and creators no audit log.
        QCOMPARE(get(u"/api/v1/me/earnings"_s, m_brand).status, 403);
        QCOMPARE(get(u"/api/v1/me/payout-account"_s, m_brand).status, 403);
        QCOMPARE(get(u"/api/v1/audit-log"_s, m_staff).status, 403);
        QCOMPARE(get(u"/api/v1/audit-log"_s, m_creator).status, 403);
        QCOMPARE(get(u"/api/v1/audit-log"_s, m_admin).status, 200);
        // The other brand's owner reads only their own brand's log.
        for (const auto &item :
                get(u"/api/v1/audit-log"_s, m_otherBrand).json()[u"items"_s].toArray()) {
            QVERIFY(item[u"brandId"_s].toString() != m_brandId);
        }
    }

    void validationChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTest::newRow("bulk: no ids")
                << QByteArray("POST") << u"/api/v1/payouts/approve"_s << QByteArray("{}") << 422;
        QTest::newRow("bulk: empty") << QByteArray("POST") << u"/api/v1/payouts/approve"_s
                                     << QByteArray(R"({"ids":[]})") << 422;
        QTest::newRow("bulk: not uuids") << QByteArray("POST") << u"/api/v1/payouts/approve"_s
                                         << QByteArray(R"({"ids":["x"]})") << 422;
        QTest::newRow("bulk: duplicates")
                << QByteArray("POST") << u"/api/v1/payouts/approve"_s
                << QByteArray(R"({"ids":[")" + id.toLatin1() + R"(",")" + id.toLatin1() + R"("]})")
                << 422;
        QTest::newRow("bulk: not json")
                << QByteArray("POST") << u"/api/v1/payouts/approve"_s << QByteArray("{") << 400;
        QTest::newRow("bulk cancel: no ids")
                << QByteArray("POST") << u"/api/v1/payouts/cancel"_s << QByteArray("{}") << 422;
        QTest::newRow("bulk record: no reference")
                << QByteArray("POST") << u"/api/v1/payouts/record-payment"_s
                << QByteArray(R"({"ids":[")" + id.toLatin1() + R"("],"paidOn":"2026-01-01"})")
                << 422;
        QTest::newRow("record: no reference")
                << QByteArray("POST") << u"/api/v1/payouts/%1/record-payment"_s.arg(id)
                << QByteArray(R"({"paidOn":"2026-01-01"})") << 422;
        QTest::newRow("record: future")
                << QByteArray("POST") << u"/api/v1/payouts/%1/record-payment"_s.arg(id)
                << QByteArray(R"({"reference":"r","paidOn":"2999-01-01"})") << 422;
        QTest::newRow("payout id") << QByteArray("POST") << u"/api/v1/payouts/nope/approve"_s
                                   << QByteArray("{}") << 400;
        QTest::newRow("account: bad id") << QByteArray("PUT") << u"/api/v1/me/payout-account"_s
                                         << QByteArray(R"({"accountId":"acct_ x"})") << 422;
        QTest::newRow("account: bad form") << QByteArray("PUT") << u"/api/v1/me/payout-account"_s
                                           << QByteArray(R"({"taxForm":"W-2"})") << 422;
        QTest::newRow("account: date without form")
                << QByteArray("PUT") << u"/api/v1/me/payout-account"_s
                << QByteArray(R"({"taxFormReceivedOn":"2026-01-01"})") << 422;
        QTest::newRow("payouts: bad state")
                << QByteArray("GET") << u"/api/v1/payouts?state=x"_s << QByteArray() << 400;
        QTest::newRow("payouts: bad brand")
                << QByteArray("GET") << u"/api/v1/payouts?brand=acme"_s << QByteArray() << 400;
        QTest::newRow("payouts: bad date")
                << QByteArray("GET") << u"/api/v1/payouts?dueBefore=tomorrow"_s << QByteArray()
                << 400;
        QTest::newRow("audit: bad since")
                << QByteArray("GET") << u"/api/v1/audit-log?since=x"_s << QByteArray() << 400;
        QTest::newRow("audit: bad action")
                << QByteArray("GET") << u"/api/v1/audit-log?action=DROP"_s << QByteArray() << 400;
        QTest::newRow("entries: bad account")
                << QByteArray("GET") << u"/api/v1/ledger/entries?account=-1"_s << QByteArray()
                << 400;
        QTest::newRow("offer: terms not 100 %")
                << QByteArray("POST") << u"/api/v1/deals/%1/offers"_s.arg(id)
                << compact(offer(100, terms({{u"acceptance"_s, 50}, {u"live"_s, 40}}, 10))) << 422;
        QTest::newRow("offer: condition twice")
                << QByteArray("POST") << u"/api/v1/deals/%1/offers"_s.arg(id)
                << compact(offer(100, terms({{u"live"_s, 50}, {u"live"_s, 50}}, 10))) << 422;
        QTest::newRow("offer: net days")
                << QByteArray("POST") << u"/api/v1/deals/%1/offers"_s.arg(id)
                << compact(offer(100, terms({{u"live"_s, 100}}, 121))) << 422;
    }
    void validationChangesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QString before = snapshot();
        const QString token = path.contains(u"/me/"_s) ? m_creator : m_brand;
        const HttpReply reply = m_client->send(method, path, body, as(token));
        QCOMPARE(reply.status, status);
        QCOMPARE(snapshot(), before);
    }

    void csvExports()
    {
        makeCreatorReady();
        const QString campaign = newCampaign(100000);
        Deal deal = negotiating(campaign, 12345, terms({{u"acceptance"_s, 100}}, 0));
        QCOMPARE(accept(deal).status, 200);
        const Headers csv{
                {"Authorization", "Bearer " + m_brand.toLatin1()}, {"Accept", "text/csv"}};
        HttpReply reply = m_client->get(u"/api/v1/payouts?campaign="_s + campaign, csv);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("content-type").startsWith("text/csv"));
        const QList<QStringList> rows = parseCsv(reply.body);
        QCOMPARE(rows.size(), 2);
        const QStringList header = rows.at(0);
        QCOMPARE(rows.at(1).at(header.indexOf(u"amount"_s)), u"123.45"_s);
        QCOMPARE(rows.at(1).at(header.indexOf(u"currency"_s)), u"EUR"_s);
        QCOMPARE(rows.at(1).at(header.indexOf(u"creator"_s)), u"Lena Travels"_s);
        QCOMPARE(rows.at(1).at(header.indexOf(u"state"_s)), u"due"_s);
        // The same filters as the JSON list.
        const QJsonArray items = get(u"/api/v1/payouts?campaign="_s + campaign, m_brand)
                                         .json()[u"items"_s]
                                         .toArray();
        QCOMPARE(rows.size() - 1, items.size());
        QCOMPARE(rows.at(1).at(header.indexOf(u"id"_s)), items[0][u"id"_s].toString());
        reply = m_client->get(u"/api/v1/ledger/entries?campaign="_s + campaign, csv);
        QCOMPARE(reply.status, 200);
        const QList<QStringList> entries = parseCsv(reply.body);
        // Budget (2 entries), reservation (2), payable (2).
        QCOMPARE(entries.size(), 1 + 6);
        reply = m_client->get(u"/api/v1/audit-log?action=payout."_s, csv);
        QCOMPARE(reply.status, 200);
        QVERIFY(parseCsv(reply.body).size() > 1);
    }
};

QTEST_GUILESS_MAIN(TestApiMoney)
#include "tst_api_money.moc"
