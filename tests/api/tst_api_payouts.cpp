// SPDX-License-Identifier: Apache-2.0
// Payouts through the payment provider, end to end: the real server (influence-server serve, as a
// process, so that it can be killed) against PostgreSQL and the Stripe Connect peer in
// tests/peers/payments, whose webhook events are signed by the official `stripe` npm package.
// Accepting reserves, approval sends, the provider pays, the ledger balances; declined transfers
// fail and are retried under a new key; a 500, a timeout and a process killed between the
// provider's answer and the commit are all settled by asking again with the same key, so that
// exactly one transfer exists per payout; concurrent approvals send once; webhook events are
// verified and acted on once. Sending is a job (payouts.send, payouts.recheck): an approval that
// rolls back sends nothing, a payout whose job was lost is sent after the scan enqueues it again,
// and two server processes on one database send each payout once under its first key.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "TestDatabase.h"
#include "core/db/Connection.h"
#include "core/db/DatabaseUrl.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;

namespace {

const QString kServer = QStringLiteral(INFLUENCE_SERVER_BINARY);
const QString kSecretKey = u"sk_test_influence"_s;
const QString kWebhookSecret = u"whsec_test_payouts"_s;
const QString kAccount = u"acct_1PayoutsCreator"_s;

QByteArray compact(const QJsonObject &object)
{
    return ApiSession::compact(object);
}

QString day(int fromToday)
{
    return influence::tests::isoDay(fromToday);
}

} // namespace

class TestApiPayouts : public QObject
{
    Q_OBJECT

private:
    NodePeer m_peer;
    QProcess m_process;
    QProcess m_second; ///< another server process on the same database
    QTemporaryDir m_workDir;
    QString m_databaseUrl;
    quint16 m_port = 0;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<HttpTestClient> m_peerClient;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_creator;
    QString m_admin;
    QString m_brandId;
    QString m_creatorId;
    int m_counter = 0;

    /// Starts `influence-server serve` on the test database; false when it did not come up.
    bool startServer() { return startServer(m_process, m_port); }
    bool startServer(QProcess &process, quint16 port)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : {u"CONFIG_FILE"_s, u"DATA_DIR"_s, u"LOG_LEVEL"_s}) {
            env.remove(key);
        }
        env.insert(u"DATABASE_URL"_s, m_databaseUrl);
        env.insert(u"PORT"_s, QString::number(port));
        env.insert(u"STRIPE_API_URL"_s, m_peer.url().toString());
        env.insert(u"STRIPE_SECRET_KEY"_s, kSecretKey);
        env.insert(u"STRIPE_WEBHOOK_SECRET"_s, kWebhookSecret);
        env.insert(u"STRIPE_TIMEOUT_SECONDS"_s, u"3"_s);
        env.insert(u"PAYOUT_RECHECK_SECONDS"_s, u"1"_s);
        env.insert(u"LOG_LEVEL"_s, u"warning"_s);
        env.insert(u"RATE_LIMIT_WRITES_PER_MINUTE"_s, u"0"_s);
        env.insert(u"RATE_LIMIT_EXPENSIVE_PER_MINUTE"_s, u"0"_s);
        env.insert(u"AUTH_REGISTRATION"_s, u"immediate"_s); // signUp() uses the tokens at once
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_workDir.path());
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // If this test dies (a failed sanitizer check aborts it), the server goes with it rather
        // than keep the test's output open until ctest's timeout.
        process.setChildProcessModifier([] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
        process.start(kServer, {u"serve"_s});
        static const QRegularExpression listening(u"listening on http://localhost:(\\d+)"_s);
        QString output;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(200);
            output += QString::fromUtf8(process.readAllStandardOutput());
            if (listening.match(output).hasMatch()) {
                return true;
            }
        }
        qWarning("server did not start: %s", qPrintable(output));
        return false;
    }
    void killServer() { killServer(m_process); }
    static void killServer(QProcess &process)
    {
        process.kill(); // SIGKILL: no shutdown, no commit
        process.waitForFinished(10000);
    }

    std::unique_ptr<ApiSession> m_api;

    static ApiSession::Headers as(const QString &token) { return ApiSession::as(token); }
    HttpReply get(const QString &path, const QString &token) { return m_api->get(path, token); }
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_api->post(path, token, body);
    }
    QString signUp(const QString &email, const QString &role) { return m_api->signUp(email, role); }
    QString userIdOf(const QString &token) { return m_api->userIdOf(token); }
    QVariant scalar(const QString &text)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(text));
        return value ? *value : QVariant();
    }
    QJsonObject peer(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_peerClient
                ->send(method, path, compact(body), {{"Content-Type", "application/json"}})
                .json();
    }
    /// The transfers the provider made for a payout.
    QJsonArray transfersOf(const QString &payout)
    {
        QJsonArray found;
        for (const auto &transfer :
                peer("GET", u"/control/transfers"_s)[u"transfers"_s].toArray()) {
            if (transfer[u"metadata"_s][u"payout_id"_s].toString() == payout) {
                found.append(transfer);
            }
        }
        return found;
    }
    QJsonObject sendEvent(const QJsonObject &command)
    {
        QJsonObject full = command;
        full.insert(u"url"_s, u"http://127.0.0.1:%1/api/v1/payments/stripe/webhook"_s.arg(m_port));
        return peer("POST", u"/control/send-event"_s, full);
    }

    /// A due payout of the whole fee, ready to be approved.
    QString duePayout(qint64 fee)
    {
        const QJsonObject campaign{{u"name"_s, u"Payout campaign %1"_s.arg(++m_counter)},
                {u"objective"_s, u"awareness"_s}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString id =
                post(u"/api/v1/campaigns"_s, m_brand, campaign).json()[u"id"_s].toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        const QJsonObject offer{{u"deliverables"_s,
                                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                                {u"dueDate"_s, day(14)}}}},
                {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
                {u"paymentTerms"_s,
                        QJsonObject{{u"schedule"_s,
                                            QJsonArray{QJsonObject{{u"on"_s, u"acceptance"_s},
                                                    {u"percent"_s, 100}}}},
                                {u"netDays"_s, 0}}}};
        const HttpReply invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(id), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer}});
        const QString deal = invited.json()[u"id"_s].toString();
        const QString offerId = invited.json()[u"latestOffer"_s][u"id"_s].toString();
        const HttpReply accepted =
                post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_creator);
        if (accepted.status != 200) {
            qWarning("accept: %d %s", accepted.status, accepted.body.constData());
        }
        return accepted.json()[u"payouts"_s][0][u"id"_s].toString();
    }
    QJsonObject payout(const QString &id)
    {
        const QJsonArray items =
                get(u"/api/v1/payouts?limit=100"_s, m_brand).json()[u"items"_s].toArray();
        for (const auto &item : items) {
            if (item[u"id"_s].toString() == id) {
                return item.toObject();
            }
        }
        return {};
    }
    bool waitForState(const QString &id, const QString &state, int ms = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            if (payout(id)[u"state"_s].toString() == state) {
                return true;
            }
            QTest::qWait(100);
        }
        qWarning("payout %s is %s, not %s", qPrintable(id),
                qPrintable(payout(id)[u"state"_s].toString()), qPrintable(state));
        return false;
    }
    void verifyLedger()
    {
        const HttpReply verified = get(u"/api/v1/admin/ledger/verify"_s, m_admin);
        QCOMPARE(verified.status, 200);
        QVERIFY2(verified.json().value(u"ok"_s).toBool(), verified.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(kServer).isExecutable());
        QVERIFY2(m_peer.start(QFINDTESTDATA("peers/payments"), u"peer.mjs"_s,
                         {u"0"_s, kWebhookSecret, kSecretKey}),
                qPrintable(m_peer.why()));
        m_peerClient = std::make_unique<HttpTestClient>(m_peer.url());
        QVERIFY2(tests::TestDatabase::instance().isValid(),
                qPrintable(tests::TestDatabase::instance().error()));
        const auto database = tests::TestDatabase::instance().freshDatabase();
        m_databaseUrl = database.toUrlString();
        m_port = tests::freeLocalPort();
        QVERIFY(startServer());
        m_client = std::make_unique<HttpTestClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)));
        m_api = std::make_unique<ApiSession>(*m_client);
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        settings->url = database;
        m_db = std::make_unique<server::db::Connection>(settings, u"payouts-test"_s);

        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = signUp(u"staff@example.com"_s, u"brand"_s);
        m_creator = signUp(u"creator@example.com"_s, u"influencer"_s);
        m_admin = signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/brand"_s,
                                 compact({{u"companyName"_s, u"Alpine Boots"_s}}), as(m_brand))
                         .status,
                201);
        m_brandId = userIdOf(m_brand);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_brand,
                         {{u"userId"_s, userIdOf(m_staff)}})
                         .status,
                201);
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                 compact({{u"displayName"_s, u"Lena Travels"_s},
                                         {u"bio"_s, u"Alps."_s}}),
                                 as(m_creator))
                         .status,
                201);
        m_creatorId = userIdOf(m_creator);
    }

    void cleanupTestCase()
    {
        killServer(m_second);
        killServer();
        m_db.reset();
    }

    void readinessComesFromTheProvider()
    {
        HttpReply reply = m_client->send("PUT", u"/api/v1/me/payout-account"_s,
                compact({{u"accountId"_s, kAccount}, {u"taxForm"_s, u"W-8BEN"_s},
                        {u"taxFormReceivedOn"_s, day(-1)}}),
                as(m_creator));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"ready"_s].toBool(), false);
        QCOMPARE(reply.json()[u"missing"_s].toArray(), QJsonArray{u"payout_account"_s});
        // The provider says the account can be paid: a signed account.updated event.
        const QJsonObject sent = sendEvent({{u"type"_s, u"account.updated"_s},
                {u"account"_s, kAccount}, {u"payoutsEnabled"_s, true}});
        QCOMPARE(sent[u"status"_s].toInt(), 200);
        reply = get(u"/api/v1/me/payout-account"_s, m_creator);
        QCOMPARE(reply.json()[u"ready"_s].toBool(), true);
        QCOMPARE(reply.json()[u"payoutsEnabled"_s].toBool(), true);
    }

    void approvedPayoutIsPaidOnce()
    {
        const QString id = duePayout(25000);
        QVERIFY(!id.isEmpty());
        QCOMPARE(payout(id)[u"state"_s].toString(), u"due"_s);
        const HttpReply approved = post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_staff);
        QCOMPARE(approved.status, 200);
        QVERIFY(waitForState(id, u"paid"_s));
        const QJsonArray transfers = transfersOf(id);
        QCOMPARE(transfers.size(), 1);
        QCOMPARE(transfers[0][u"amount"_s].toInteger(), 25000);
        QCOMPARE(transfers[0][u"currency"_s].toString(), u"eur"_s);
        QCOMPARE(transfers[0][u"destination"_s].toString(), kAccount);
        const QJsonObject paid = payout(id);
        QCOMPARE(paid[u"providerTransferId"_s].toString(), transfers[0][u"id"_s].toString());
        QCOMPARE(paid[u"method"_s].toString(), u"stripe"_s);
        // The creator sees it paid.
        const QJsonObject totals =
                get(u"/api/v1/me/earnings"_s, m_creator).json()[u"totals"_s][0].toObject();
        QVERIFY(totals[u"paidMinor"_s].toInteger() >= 25000);
        // The provider's own event about the same transfer changes nothing more.
        const QJsonObject event = sendEvent(
                {{u"type"_s, u"transfer.created"_s}, {u"transfer"_s, transfers[0][u"id"_s]}});
        QCOMPARE(event[u"status"_s].toInt(), 200);
        QCOMPARE(scalar(u"SELECT count(*) FROM ledger_transfers WHERE payout_id = '%1' "
                        "AND cause = 'payout_paid'"_s.arg(id))
                         .toInt(),
                1);
        verifyLedger();
    }

    void concurrentApprovalsSendOnce()
    {
        const QString id = duePayout(7000);
        QNetworkAccessManager first;
        QNetworkAccessManager second;
        QNetworkRequest request(
                QUrl(u"http://127.0.0.1:%1/api/v1/payouts/%2/approve"_s.arg(m_port).arg(id)));
        request.setRawHeader("Authorization", "Bearer " + m_brand.toLatin1());
        QNetworkRequest staff = request;
        staff.setRawHeader("Authorization", "Bearer " + m_staff.toLatin1());
        QNetworkReply *a = first.post(request, QByteArray());
        QNetworkReply *b = second.post(staff, QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(a->isFinished() && b->isFinished(), 20000);
        QList<int> statuses{a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        a->deleteLater();
        b->deleteLater();
        QVERIFY(waitForState(id, u"paid"_s));
        QCOMPARE(transfersOf(id).size(), 1);
    }

    void declinedTransferFailsAndIsRetriedUnderANewKey()
    {
        const QString id = duePayout(9000);
        peer("POST", u"/control/next"_s, {{u"mode"_s, u"balance_insufficient"_s}});
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand).status, 200);
        QVERIFY(waitForState(id, u"failed"_s));
        QJsonObject failed = payout(id);
        QCOMPARE(failed[u"failureCode"_s].toString(), u"balance_insufficient"_s);
        QCOMPARE(transfersOf(id).size(), 0);
        // The money is back in the creator's payable account while it waits.
        QCOMPARE(scalar(u"SELECT balance_minor FROM ledger_accounts WHERE kind = "
                        "'provider_clearing' AND deal_id = (SELECT deal_id FROM payouts "
                        "WHERE id = '%1')"_s.arg(id))
                         .toLongLong(),
                0);
        // The brand is told.
        QVERIFY(scalar(u"SELECT count(*) FROM notifications WHERE kind = 'payout.failed' "
                       "AND user_id = '%1'"_s.arg(m_brandId))
                        .toInt()
                > 0);
        QCOMPARE(post(u"/api/v1/payouts/%1/retry"_s.arg(id), m_creator).status, 403);
        QCOMPARE(post(u"/api/v1/payouts/%1/retry"_s.arg(id), m_brand).status, 200);
        QVERIFY(waitForState(id, u"paid"_s));
        const QJsonArray transfers = transfersOf(id);
        QCOMPARE(transfers.size(), 1);
        QCOMPARE(payout(id)[u"attempts"_s].toInt(), 2);
        QCOMPARE(transfers[0][u"idempotency_key"_s].toString(), u"payout-%1-2"_s.arg(id));
        verifyLedger();
    }

    void unknownOutcomesAreAskedAgainWithTheSameKey_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("500") << u"server_error"_s;
        QTest::newRow("timeout after the transfer was made") << u"delay"_s;
        QTest::newRow("answer broken off") << u"drop"_s;
        QTest::newRow("no answer at all") << u"hang"_s;
    }
    void unknownOutcomesAreAskedAgainWithTheSameKey()
    {
        QFETCH(QString, mode);
        const QString id = duePayout(11000);
        peer("POST", u"/control/next"_s, {{u"mode"_s, mode}, {u"delayMs"_s, 6000}});
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand).status, 200);
        QVERIFY(waitForState(id, u"paid"_s, 30000));
        QCOMPARE(transfersOf(id).size(), 1);
        QCOMPARE(payout(id)[u"attempts"_s].toInt(), 1);
        verifyLedger();
    }

    void killedBetweenTheProviderAndTheCommit()
    {
        const QString id = duePayout(13000);
        // The provider makes the transfer at once and answers only after 20 s (the server gives
        // up after 3): the process is killed while it waits.
        peer("POST", u"/control/next"_s, {{u"mode"_s, u"delay"_s}, {u"delayMs"_s, 20000}});
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(transfersOf(id).size(), 1, 20000);
        killServer();
        QCOMPARE(scalar(u"SELECT state FROM payouts WHERE id = '%1'"_s.arg(id)).toString(),
                u"processing"_s);
        // What recovers it is a job, written with the move to processing.
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'payouts.recheck' "
                        "AND payload ->> 'payout' = '%1' AND state = 'queued'"_s.arg(id))
                         .toInt(),
                1);
        QVERIFY(startServer());
        QVERIFY(waitForState(id, u"paid"_s, 30000));
        const QJsonArray transfers = transfersOf(id);
        QCOMPARE(transfers.size(), 1);
        QCOMPARE(payout(id)[u"providerTransferId"_s].toString(), transfers[0][u"id"_s].toString());
        QCOMPARE(transfers[0][u"idempotency_key"_s].toString(), u"payout-%1-1"_s.arg(id));
        verifyLedger();
    }

    void rolledBackApprovalIsNeverSent()
    {
        const QString id = duePayout(4000);
        // The approval fails after its UPDATE and its enqueue (the timeline's insert raises): the
        // transaction rolls back with its job.
        QVERIFY(m_db->execDirect(
                u"CREATE FUNCTION test_refuse_approval() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN IF NEW.kind = 'payout.approved' AND NEW.data ->> 'payoutId' = '%1' THEN "
                "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$"_s.arg(id)));
        QVERIFY(m_db->execDirect(
                u"CREATE TRIGGER test_refuse_approval BEFORE INSERT ON "
                "deal_events FOR EACH ROW EXECUTE FUNCTION test_refuse_approval()"_s));
        const HttpReply refused = post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand);
        QVERIFY(m_db->execDirect(u"DROP TRIGGER test_refuse_approval ON deal_events"_s));
        QVERIFY(m_db->execDirect(u"DROP FUNCTION test_refuse_approval()"_s));
        QCOMPARE(refused.status, 500);
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'payouts.send' "
                        "AND payload ->> 'payout' = '%1'"_s.arg(id))
                         .toInt(),
                0);
        QTest::qWait(2000); // a worker that saw it would have sent it by now
        QCOMPARE(payout(id)[u"state"_s].toString(), u"due"_s);
        QCOMPARE(transfersOf(id).size(), 0);
        // Approved for real, it goes out once, through the queue.
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand).status, 200);
        QVERIFY(waitForState(id, u"paid"_s));
        QCOMPARE(transfersOf(id).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'payouts.send' "
                                         "AND payload ->> 'payout' = '%1' AND unique_key = "
                                         "'payouts.send:%1:1' AND state = 'succeeded'"_s.arg(id))
                                          .toInt(),
                1, 10000);
        verifyLedger();
    }

    void payoutWhoseJobWasLostIsSentByTheScan()
    {
        const QString id = duePayout(3000);
        // Approved five minutes ago and its job gone (as if it went dead): nothing sends it…
        QVERIFY(m_db->execDirect(
                u"UPDATE payouts SET state = 'approved', approved_at = now() - interval '10 "
                "minutes', approved_by = '%1', method = 'stripe', destination = '%2' "
                "WHERE id = '%3'"_s.arg(m_brandId, kAccount, id)));
        QTest::qWait(1500);
        QCOMPARE(payout(id)[u"state"_s].toString(), u"approved"_s);
        QCOMPARE(transfersOf(id).size(), 0);
        // … until the hourly scan, the safety net, enqueues it again.
        QVERIFY(m_db->execDirect(u"SELECT job_enqueue('payouts.scan', '{}', 'reminders')"_s));
        QVERIFY(waitForState(id, u"paid"_s));
        QCOMPARE(transfersOf(id).size(), 1);
        verifyLedger();
    }

    void twoProcessesSendEachPayoutOnce()
    {
        const quint16 port = tests::freeLocalPort();
        QVERIFY(startServer(m_second, port));
        QJsonArray ids;
        for (int i = 0; i < 12; ++i) {
            ids.append(duePayout(1000 + i));
        }
        // The first transfers are slow to answer (the server gives up after 3 s and asks again),
        // so that the other process has time to take the next jobs and the rechecks.
        peer("POST", u"/control/next"_s, {{u"mode"_s, u"delay"_s}, {u"delayMs"_s, 4000}});
        QCOMPARE(post(u"/api/v1/payouts/approve"_s, m_brand, {{u"ids"_s, ids}}).status, 200);
        for (const auto &id : std::as_const(ids)) {
            QVERIFY(waitForState(id.toString(), u"paid"_s, 30000));
        }
        for (const auto &id : std::as_const(ids)) {
            const QJsonArray transfers = transfersOf(id.toString());
            QCOMPARE(transfers.size(), 1);
            QCOMPARE(transfers[0][u"idempotency_key"_s].toString(),
                    u"payout-%1-1"_s.arg(id.toString()));
        }
        killServer(m_second);
        verifyLedger();
    }

    void reversedTransferFailsThePayout()
    {
        const QString id = duePayout(5000);
        QCOMPARE(post(u"/api/v1/payouts/%1/approve"_s.arg(id), m_brand).status, 200);
        QVERIFY(waitForState(id, u"paid"_s));
        const QString transfer = payout(id)[u"providerTransferId"_s].toString();
        const QJsonObject sent =
                sendEvent({{u"type"_s, u"transfer.reversed"_s}, {u"transfer"_s, transfer}});
        QCOMPARE(sent[u"status"_s].toInt(), 200);
        const QJsonObject failed = payout(id);
        QCOMPARE(failed[u"state"_s].toString(), u"failed"_s);
        QCOMPARE(failed[u"failureCode"_s].toString(), u"transfer_reversed"_s);
        verifyLedger();
    }

    void webhookEventsAreVerifiedAndActedOnOnce()
    {
        // Wrong secret, old timestamp, no signature: 400 and nothing happens.
        QJsonObject sent = sendEvent({{u"type"_s, u"account.updated"_s}, {u"account"_s, kAccount},
                {u"payoutsEnabled"_s, false}, {u"secret"_s, u"whsec_wrong"_s}});
        QCOMPARE(sent[u"status"_s].toInt(), 400);
        sent = sendEvent({{u"type"_s, u"account.updated"_s}, {u"account"_s, kAccount},
                {u"payoutsEnabled"_s, false},
                {u"timestamp"_s, QDateTime::currentSecsSinceEpoch() - 3600}});
        QCOMPARE(sent[u"status"_s].toInt(), 400);
        QCOMPARE(m_client->send("POST", u"/api/v1/payments/stripe/webhook"_s, "{}",
                                 {{"Content-Type", "application/json"}})
                         .status,
                400);
        QCOMPARE(get(u"/api/v1/me/payout-account"_s, m_creator).json()[u"ready"_s].toBool(), true);
        // A valid event delivered twice is acted on once.
        sent = sendEvent({{u"type"_s, u"account.updated"_s}, {u"account"_s, kAccount},
                {u"payoutsEnabled"_s, true}});
        QCOMPARE(sent[u"status"_s].toInt(), 200);
        const QByteArray payload = sent[u"payload"_s].toString().toUtf8();
        const QByteArray header = sent[u"header"_s].toString().toLatin1();
        const HttpReply again = m_client->send("POST", u"/api/v1/payments/stripe/webhook"_s,
                payload, {{"Content-Type", "application/json"}, {"Stripe-Signature", header}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()[u"duplicate"_s].toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestApiPayouts)
#include "tst_api_payouts.moc"
