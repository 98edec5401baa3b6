// SPDX-License-Identifier: Apache-2.0
// Webhooks over HTTP against PostgreSQL, delivered to the local receiver in tests/peers/webhooks,
// which verifies every delivery with the standardwebhooks npm package (an implementation of the
// Standard Webhooks specification independent of the server's): an accepted offer is delivered
// and verified, the event filter is honoured, a wrong secret fails verification, failures are
// retried until one succeeds, an endpoint failing past the bound is disabled and its owner told,
// private targets are refused unless allowed (also a name that resolves to one only at delivery
// time), both secrets sign during a rotation's overlap and only the new one after, other brands
// see nothing, a replay keeps the webhook-id, a rolled-back event enqueues nothing, and bad input
// changes nothing.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "NodePeer.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::NodePeer;
using influence::tests::TestServer;

namespace {

const QString kPeerDir = QStringLiteral(INFLUENCE_WEBHOOKS_PEER_DIR);

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QJsonObject offer(qint64 fee)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1}, {u"dueDate"_s, influence::tests::isoDay(14)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
}

void configure(server::Config &config)
{
    config.webhooks.allowLocalTargets = true;
    config.webhooks.retrySeconds = {1, 1, 1, 1, 1};
    config.webhooks.disableAfterFailures = 3;
    config.webhooks.timeout = std::chrono::seconds(3);
    config.jobs.poll = std::chrono::milliseconds(100);
}

} // namespace

class TestApiWebhooks : public QObject
{
    Q_OBJECT

private:
    NodePeer m_peer;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<HttpTestClient> m_peerClient;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_otherBrand;
    QString m_creator;
    QString m_admin;
    QString m_brandId;
    QString m_creatorId;
    int m_counter = 0;

    HttpReply get(const QString &path, const QString &token) { return m_api->get(path, token); }
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_api->post(path, token, body);
    }
    HttpReply patch(const QString &path, const QString &token, const QJsonObject &body)
    {
        return m_api->patch(path, token, body);
    }
    HttpReply del(const QString &path, const QString &token)
    {
        return m_client->send("DELETE", path, {}, ApiSession::as(token));
    }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }
    QString hookUrl(const QString &name) const
    {
        return m_peer.url().toString() + u"/hook/"_s + name;
    }
    /// Tells the receiver the secrets of `name` (the first must verify) and failures to answer.
    void configurePeer(const QString &name, const QStringList &secrets, int fail = 0)
    {
        const HttpReply reply = m_peerClient->postJson(u"/control/configure"_s,
                {{u"name"_s, name}, {u"secrets"_s, QJsonArray::fromStringList(secrets)},
                        {u"fail"_s, fail}});
        QCOMPARE(reply.status, 200);
    }
    /// The deliveries the receiver got for `name`.
    QList<QJsonObject> received(const QString &name)
    {
        QList<QJsonObject> out;
        const QJsonArray all =
                m_peerClient->get(u"/control/deliveries"_s).json().value(u"deliveries"_s).toArray();
        for (const QJsonValue &d : all) {
            if (d[u"name"_s].toString() == name) {
                out.append(d.toObject());
            }
        }
        return out;
    }
    /// Waits until the receiver got `count` deliveries for `name`.
    QList<QJsonObject> awaitReceived(const QString &name, qsizetype count, int timeoutMs = 20000)
    {
        QList<QJsonObject> got;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            got = received(name);
            if (got.size() >= count) {
                break;
            }
            QTest::qWait(100);
        }
        return got;
    }
    /// A new endpoint of the brand for receiver `name`: {id, secret}.
    std::pair<QString, QString> newEndpoint(const QString &name, const QJsonArray &events = {})
    {
        const HttpReply reply = post(u"/api/v1/webhooks"_s, m_brand,
                {{u"url"_s, hookUrl(name)}, {u"description"_s, name}, {u"events"_s, events}});
        if (reply.status != 201) {
            qWarning("create: %d %s", reply.status, reply.body.constData());
        }
        return {reply.json()[u"id"_s].toString(), reply.json()[u"secret"_s].toString()};
    }
    QJsonObject delivery(const QString &endpoint, const QString &id)
    {
        const QJsonArray items = get(u"/api/v1/webhooks/%1/deliveries"_s.arg(endpoint), m_brand)
                                         .json()
                                         .value(u"items"_s)
                                         .toArray();
        for (const QJsonValue &item : items) {
            if (item[u"id"_s].toString() == id) {
                return item.toObject();
            }
        }
        return {};
    }
    QString newCampaign()
    {
        const QJsonObject body{{u"name"_s, u"Webhook campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, influence::tests::isoDay(0)},
                {u"endDate"_s, influence::tests::isoDay(60)}, {u"visibility"_s, u"public"_s}};
        const QString id = post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }
    QString endpointsSnapshot()
    {
        return scalar(u"SELECT concat_ws('|', (SELECT string_agg(id::text || url || enabled || "
                      "events::text || updated_at, ',' ORDER BY id) FROM webhook_endpoints), "
                      "(SELECT count(*) FROM webhook_deliveries))"_s)
                .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_peer.start(kPeerDir, u"peer.mjs"_s, {u"0"_s}), qPrintable(m_peer.why()));
        m_peerClient = std::make_unique<HttpTestClient>(m_peer.url());
        TestServer::Options options;
        options.configure = configure;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"webhooks-test"_s);
        QVERIFY(m_db);

        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = m_api->signUp(u"staff@example.com"_s, u"brand"_s);
        m_otherBrand = m_api->signUp(u"other@example.com"_s, u"brand"_s);
        m_creator = m_api->signUp(u"creator@example.com"_s, u"influencer"_s);
        m_admin = m_api->signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));
        for (const auto &[token, name] :
                {std::pair{m_brand, u"Alpine Boots"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
            QCOMPARE(m_client->send("PUT", u"/api/v1/me/brand"_s,
                                     ApiSession::compact({{u"companyName"_s, name}}),
                                     ApiSession::as(token))
                             .status,
                    201);
        }
        m_brandId = m_api->userIdOf(m_brand);
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                 ApiSession::compact({{u"displayName"_s, u"Lena Travels"_s},
                                         {u"bio"_s, u"Alps."_s}, {u"country"_s, u"AT"_s}}),
                                 ApiSession::as(m_creator))
                         .status,
                201);
        m_creatorId = m_api->userIdOf(m_creator);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_brand,
                         {{u"userId"_s, m_api->userIdOf(m_staff)}})
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

    void secretIsShownOnceInTheStandardForm()
    {
        const auto [id, secret] = newEndpoint(u"form"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY(secret.startsWith(u"whsec_"_s));
        const QByteArray raw = QByteArray::fromBase64(secret.mid(6).toLatin1());
        QVERIFY(raw.size() >= 24 && raw.size() <= 32);
        const HttpReply read = get(u"/api/v1/webhooks/"_s + id, m_brand);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.json().contains(u"secret"_s));
        // Sealed at rest: the secret's bytes are not in the row.
        QVERIFY(!scalar(u"SELECT secret_blob FROM webhook_endpoints WHERE id = '%1'"_s.arg(id))
                         .toByteArray()
                         .contains(raw));
        QCOMPARE(del(u"/api/v1/webhooks/"_s + id, m_brand).status, 204);
    }

    void acceptedOfferIsDeliveredAndVerified()
    {
        const auto [filtered, filteredSecret] =
                newEndpoint(u"accepted"_s, QJsonArray{u"deal.offer_accepted"_s});
        const auto [all, allSecret] = newEndpoint(u"all"_s);
        configurePeer(u"accepted"_s, {filteredSecret});
        configurePeer(u"all"_s, {allSecret});

        const QString campaign = newCampaign();
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(30000)}});
        QCOMPARE(reply.status, 201);
        const QString deal = reply.json()[u"id"_s].toString();
        reply = post(u"/api/v1/deals/%1/offers"_s.arg(deal), m_creator, offer(30000));
        const QString offerId = reply.json()[u"latestOffer"_s][u"id"_s].toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_brand).status,
                200);

        const auto got = awaitReceived(u"accepted"_s, 1);
        QCOMPARE(got.size(), 1);
        const QJsonObject d = got.first();
        QCOMPARE(d[u"type"_s].toString(), u"deal.offer_accepted"_s);
        QCOMPARE(d[u"verified"_s].toArray(), QJsonArray{true});
        QCOMPARE(d[u"status"_s].toInt(), 204);
        const QJsonObject body = QJsonDocument::fromJson(d[u"body"_s].toString().toUtf8()).object();
        QCOMPARE(body[u"data"_s][u"dealId"_s].toString(), deal);
        QVERIFY(!body[u"timestamp"_s].toString().isEmpty());
        // The log shows it delivered, under the same webhook-id.
        QTRY_COMPARE(
                delivery(filtered, d[u"id"_s].toString())[u"status"_s].toString(), u"delivered"_s);

        // The unfiltered endpoint hears the whole timeline (invited, offer made, accepted).
        const auto everything = awaitReceived(u"all"_s, 3);
        QStringList types;
        for (const QJsonObject &e : everything) {
            QVERIFY(e[u"verified"_s].toArray().first().toBool());
            types.append(e[u"type"_s].toString());
        }
        QVERIFY2(types.contains(u"deal.offer_accepted"_s), qPrintable(types.join(u',')));
        QVERIFY2(types.contains(u"deal.offer_made"_s), qPrintable(types.join(u',')));
        QCOMPARE(received(u"accepted"_s).size(), 1); // the filter kept the others away
        del(u"/api/v1/webhooks/"_s + filtered, m_brand);
        del(u"/api/v1/webhooks/"_s + all, m_brand);
    }

    void wrongSecretFailsVerification()
    {
        const auto [id, secret] = newEndpoint(u"tampered"_s);
        QByteArray raw = QByteArray::fromBase64(secret.mid(6).toLatin1());
        raw[0] = static_cast<char>(raw[0] ^ 0x01);
        configurePeer(u"tampered"_s, {u"whsec_"_s + QString::fromLatin1(raw.toBase64())});
        QCOMPARE(post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand).status, 202);
        const auto got = awaitReceived(u"tampered"_s, 1);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first()[u"verified"_s].toArray(), QJsonArray{false});
        QCOMPARE(got.first()[u"status"_s].toInt(), 401);
        QTRY_COMPARE(
                delivery(id, got.first()[u"id"_s].toString())[u"lastStatusCode"_s].toInt(), 401);
        QCOMPARE(del(u"/api/v1/webhooks/"_s + id, m_brand).status, 204);
    }

    void failuresAreRetriedUntilDelivered()
    {
        const auto [id, secret] = newEndpoint(u"flaky"_s);
        configurePeer(u"flaky"_s, {secret}, 2);
        const HttpReply sent = post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand);
        QCOMPARE(sent.status, 202);
        const QString messageId = sent.json()[u"id"_s].toString();
        const auto got = awaitReceived(u"flaky"_s, 3);
        QCOMPARE(got.size(), 3);
        for (const QJsonObject &d : got) {
            QCOMPARE(d[u"id"_s].toString(), messageId); // every attempt under one webhook-id
            QVERIFY(d[u"verified"_s].toArray().first().toBool());
        }
        QCOMPARE(got.at(0)[u"status"_s].toInt(), 500);
        QCOMPARE(got.at(2)[u"status"_s].toInt(), 204);
        QTRY_COMPARE(delivery(id, messageId)[u"status"_s].toString(), u"delivered"_s);
        QCOMPARE(delivery(id, messageId)[u"attempts"_s].toInt(), 3);
        const QJsonObject endpoint = get(u"/api/v1/webhooks/"_s + id, m_brand).json();
        QCOMPARE(endpoint[u"consecutiveFailures"_s].toInt(), 0);
        QVERIFY(endpoint[u"enabled"_s].toBool());
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    void failingEndpointIsDisabledAndTheOwnerTold()
    {
        const auto [id, secret] = newEndpoint(u"down"_s);
        configurePeer(u"down"_s, {secret}, 1000);
        QCOMPARE(post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(
                !get(u"/api/v1/webhooks/"_s + id, m_brand).json()[u"enabled"_s].toBool(), 20000);
        const QJsonObject endpoint = get(u"/api/v1/webhooks/"_s + id, m_brand).json();
        QCOMPARE(endpoint[u"consecutiveFailures"_s].toInt(), 3);
        QVERIFY(!endpoint[u"disabledReason"_s].toString().isEmpty());
        QCOMPARE(scalar(u"SELECT count(*) FROM notifications WHERE kind = 'webhook.disabled' "
                        "AND object_id = '%1' AND user_id = '%2'"_s.arg(id, m_brandId))
                         .toInt(),
                1);
        QCOMPARE(scalar(u"SELECT count(*) FROM mail_outbox WHERE recipient = 'brand@example.com' "
                        "AND subject = 'Webhook endpoint disabled'"_s)
                         .toInt(),
                1);
        // A disabled endpoint gets no more attempts.
        QTest::qWait(2500);
        QCOMPARE(received(u"down"_s).size(), 3);
        // Enabling it again starts afresh.
        const HttpReply enabled =
                patch(u"/api/v1/webhooks/"_s + id, m_brand, {{u"enabled"_s, true}});
        QCOMPARE(enabled.status, 200);
        QCOMPARE(enabled.json()[u"consecutiveFailures"_s].toInt(), 0);
        QVERIFY(enabled.json()[u"disabledReason"_s].isNull());
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    void localTargetsAcceptedWhenAllowed()
    {
        const HttpReply reply =
                post(u"/api/v1/webhooks"_s, m_brand, {{u"url"_s, u"http://127.0.0.1:9/hook"_s}});
        QCOMPARE(reply.status, 201);
        del(u"/api/v1/webhooks/"_s + reply.json()[u"id"_s].toString(), m_brand);
    }

    void privateTargetsRefusedByDefault()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.jobs.workers = 0;
        };
        TestServer strict(options);
        QVERIFY2(strict.isRunning(), qPrintable(strict.error()));
        HttpTestClient client(strict.url());
        ApiSession api(client);
        const QString brand = api.signUp(u"strict@example.com"_s, u"brand"_s);
        QCOMPARE(client.send("PUT", u"/api/v1/me/brand"_s,
                               ApiSession::compact({{u"companyName"_s, u"Strict"_s}}),
                               ApiSession::as(brand))
                         .status,
                201);
        for (const QString &url : {u"https://127.0.0.1/hook"_s, u"https://localhost/hook"_s,
                     u"https://10.1.2.3/hook"_s, u"https://192.168.1.1/"_s,
                     u"https://172.16.0.1/"_s, u"https://169.254.169.254/latest"_s,
                     u"https://100.64.0.1/"_s, u"https://[::1]/"_s, u"https://[fd00::1]/"_s,
                     u"https://[fe80::1]/"_s, u"https://0.0.0.0/"_s, u"https://224.0.0.1/"_s,
                     u"https://[::ffff:127.0.0.1]/"_s}) {
            const HttpReply reply = api.post(u"/api/v1/webhooks"_s, brand, {{u"url"_s, url}});
            QCOMPARE(reply.status, 422);
            QVERIFY2(code(reply) == u"webhook_target_refused"_s, qPrintable(url));
        }
        for (const QString &url : {u"http://127.0.0.1/hook"_s, u"ftp://example.com/"_s,
                     u"https://user:pw@example.com/"_s, u"not a url"_s, u"/relative"_s}) {
            const HttpReply reply = api.post(u"/api/v1/webhooks"_s, brand, {{u"url"_s, url}});
            QCOMPARE(reply.status, 422);
            QVERIFY2(code(reply) == u"invalid_webhook_url"_s, qPrintable(url));
        }
        const auto db = strict.connect(u"strict"_s);
        QCOMPARE(db->scalar(server::db::SqlStatement(u"SELECT count(*) FROM webhook_endpoints"_s))
                         ->toInt(),
                0);
    }

    /// DNS rebinding: the endpoint was accepted for a public address, and at delivery time its
    /// name resolves to this machine, where the receiver listens. The delivery is refused with
    /// the check's reason and no connection is made: the receiver hears nothing.
    void deliveryToANameNowResolvingLocallyIsRefused()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.webhooks.retrySeconds = {3600};
            config.jobs.poll = std::chrono::milliseconds(100);
        };
        TestServer strict(options);
        QVERIFY2(strict.isRunning(), qPrintable(strict.error()));
        HttpTestClient client(strict.url());
        ApiSession api(client);
        const QString brand = api.signUp(u"rebound@example.com"_s, u"brand"_s);
        QCOMPARE(client.send("PUT", u"/api/v1/me/brand"_s,
                               ApiSession::compact({{u"companyName"_s, u"Rebound"_s}}),
                               ApiSession::as(brand))
                         .status,
                201);
        const HttpReply created = api.post(
                u"/api/v1/webhooks"_s, brand, {{u"url"_s, u"https://93.184.216.34/hook"_s}});
        QCOMPARE(created.status, 201);
        const QString id = created.json()[u"id"_s].toString();
        configurePeer(u"rebound"_s, {created.json()[u"secret"_s].toString()});
        QUrl rebound(hookUrl(u"rebound"_s));
        rebound.setHost(u"localhost"_s);
        const auto db = strict.connect(u"rebound"_s);
        QVERIFY(db->execDirect(u"UPDATE webhook_endpoints SET url = '%1' WHERE id = '%2'"_s.arg(
                rebound.toString(), id)));

        const HttpReply sent = api.post(u"/api/v1/webhooks/%1/test"_s.arg(id), brand);
        QCOMPARE(sent.status, 202);
        const server::db::SqlStatement lastError(
                u"SELECT last_error FROM webhook_deliveries WHERE id = '%1'"_s.arg(
                        sent.json()[u"id"_s].toString()));
        QString error;
        QElapsedTimer timer;
        timer.start();
        while (error.isEmpty() && timer.elapsed() < 20000) {
            QTest::qWait(100);
            error = db->scalar(lastError)->toString();
        }
        QVERIFY2(error.contains(u"resolves to a non-public address"_s), qPrintable(error));
        QCOMPARE(received(u"rebound"_s).size(), 0);
    }

    void rotationSignsWithBothSecretsDuringTheOverlap()
    {
        const auto [id, oldSecret] = newEndpoint(u"rotated"_s);
        const HttpReply rotated = post(u"/api/v1/webhooks/%1/rotate-secret"_s.arg(id), m_brand);
        QCOMPARE(rotated.status, 200);
        const QString newSecret = rotated.json()[u"secret"_s].toString();
        QVERIFY(newSecret.startsWith(u"whsec_"_s));
        QVERIFY(newSecret != oldSecret);
        const QDateTime expires = QDateTime::fromString(
                rotated.json()[u"previousSecretExpiresAt"_s].toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 24 * 3600) < 120);

        configurePeer(u"rotated"_s, {newSecret, oldSecret});
        QCOMPARE(post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand).status, 202);
        auto got = awaitReceived(u"rotated"_s, 1);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first()[u"verified"_s].toArray(), (QJsonArray{true, true}));
        QCOMPARE(got.first()[u"signature"_s].toString().count(u"v1,"_s), 2);

        // The overlap is over (the clock moved on): only the new secret signs.
        QVERIFY(m_db->execDirect(u"UPDATE webhook_endpoints SET previous_expires_at = now() - "
                                 "interval '1 second' WHERE id = '%1'"_s.arg(id)));
        QCOMPARE(post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand).status, 202);
        got = awaitReceived(u"rotated"_s, 2);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(1)[u"verified"_s].toArray(), (QJsonArray{true, false}));
        QCOMPARE(got.at(1)[u"signature"_s].toString().count(u"v1,"_s), 1);
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    void replayRedeliversWithTheSameId()
    {
        const auto [id, secret] = newEndpoint(u"replayed"_s);
        configurePeer(u"replayed"_s, {secret});
        const QString messageId =
                post(u"/api/v1/webhooks/%1/test"_s.arg(id), m_brand).json()[u"id"_s].toString();
        QCOMPARE(awaitReceived(u"replayed"_s, 1).size(), 1);
        QTRY_COMPARE(delivery(id, messageId)[u"status"_s].toString(), u"delivered"_s);
        const HttpReply replayed =
                post(u"/api/v1/webhooks/%1/deliveries/%2/replay"_s.arg(id, messageId), m_brand);
        QCOMPARE(replayed.status, 202);
        const auto got = awaitReceived(u"replayed"_s, 2);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(1)[u"id"_s].toString(), messageId);
        QCOMPARE(got.at(1)[u"body"_s].toString(), got.at(0)[u"body"_s].toString());
        QCOMPARE(post(u"/api/v1/webhooks/%1/deliveries/msg_0000000000000000/replay"_s.arg(id),
                         m_brand)
                         .status,
                404);
        QCOMPARE(
                post(u"/api/v1/webhooks/%1/deliveries/nope/replay"_s.arg(id), m_brand).status, 400);
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    void otherBrandsCannotSeeOrChange()
    {
        const auto [id, secret] = newEndpoint(u"private"_s);
        const QString one = u"/api/v1/webhooks/"_s + id;
        const QString before = endpointsSnapshot();
        QCOMPARE(get(one, m_otherBrand).status, 404);
        QCOMPARE(patch(one, m_otherBrand, {{u"enabled"_s, false}}).status, 404);
        QCOMPARE(del(one, m_otherBrand).status, 404);
        QCOMPARE(get(one + u"/deliveries"_s, m_otherBrand).status, 404);
        QCOMPARE(post(one + u"/rotate-secret"_s, m_otherBrand).status, 404);
        QCOMPARE(post(one + u"/test"_s, m_otherBrand).status, 404);
        QCOMPARE(get(one, m_creator).status, 403);
        QCOMPARE(get(u"/api/v1/webhooks"_s, m_creator).status, 403);
        QCOMPARE(get(one, m_admin).status, 200);
        QCOMPARE(patch(one, m_admin, {{u"enabled"_s, false}}).status, 403);
        QCOMPARE(m_client->get(one).status, 401);
        const QJsonArray items =
                get(u"/api/v1/webhooks"_s, m_otherBrand).json().value(u"items"_s).toArray();
        QVERIFY(items.isEmpty());
        QCOMPARE(endpointsSnapshot(), before);
        // The brand's staff manage it.
        QCOMPARE(get(one, m_staff).status, 200);
        QCOMPARE(patch(one, m_staff, {{u"description"_s, u"by staff"_s}}).status, 200);
        QCOMPARE(del(one, m_staff).status, 204);
    }

    void rolledBackEventEnqueuesNothing()
    {
        const auto [id, secret] = newEndpoint(u"rollback"_s);
        const QString deal =
                scalar(u"SELECT d.id FROM deals d JOIN campaigns c ON "
                       "c.id = d.campaign_id WHERE c.brand_id = '%1' LIMIT 1"_s.arg(m_brandId))
                        .toString();
        QVERIFY(!deal.isEmpty());
        const QString mine =
                u"SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = '%1'"_s.arg(id);
        const int deliveries = scalar(mine).toInt();
        const int jobs = scalar(u"SELECT count(*) FROM jobs WHERE queue = 'webhooks'"_s).toInt();
        QVERIFY(m_db->begin());
        QVERIFY(m_db->execDirect(u"INSERT INTO deal_events (deal_id, kind) VALUES ('%1', "
                                 "'message.posted')"_s.arg(deal)));
        // Inside the transaction the delivery and its job exist…
        QCOMPARE(scalar(mine).toInt(), deliveries + 1);
        m_db->rollback();
        // …and with it they are gone.
        QCOMPARE(scalar(mine).toInt(), deliveries);
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE queue = 'webhooks'"_s).toInt(), jobs);
        QTest::qWait(500);
        QCOMPARE(received(u"rollback"_s).size(), 0);
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    /// Deliveries per second to the local receiver (2 job workers, this build): reported, and
    /// every one verified.
    void throughput()
    {
        const auto [id, secret] = newEndpoint(u"bench"_s);
        configurePeer(u"bench"_s, {secret});
        constexpr int kCount = 200;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_db->execDirect(
                u"SELECT webhook_enqueue('%1', 'webhook.test', jsonb_build_object('type', "
                "'webhook.test', 'timestamp', api_time(now()), 'data', jsonb_build_object('n', "
                "n))) FROM generate_series(1, %2) n"_s.arg(id)
                        .arg(kCount)));
        const auto got = awaitReceived(u"bench"_s, kCount, 120000);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(got.size(), kCount);
        for (const QJsonObject &d : got) {
            QVERIFY(d[u"verified"_s].toArray().first().toBool());
        }
        // On stderr: the server's log handler filters this process's info messages.
        std::fprintf(stderr, "webhooks: %d deliveries in %lld ms = %.1f deliveries/s\n", kCount,
                static_cast<long long>(elapsed), kCount * 1000.0 / static_cast<double>(elapsed));
        del(u"/api/v1/webhooks/"_s + id, m_brand);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("no url") << QJsonObject{{u"description"_s, u"x"_s}}
                                << u"validation_failed"_s;
        QTest::newRow("url not text") << QJsonObject{{u"url"_s, 5}} << u"validation_failed"_s;
        QTest::newRow("ftp") << QJsonObject{{u"url"_s, u"ftp://example.com/"_s}}
                             << u"invalid_webhook_url"_s;
        QTest::newRow("unknown event")
                << QJsonObject{{u"url"_s, hookUrl(u"x"_s)}, {u"events"_s, QJsonArray{u"nope"_s}}}
                << u"validation_failed"_s;
        QTest::newRow("events not a list")
                << QJsonObject{{u"url"_s, hookUrl(u"x"_s)}, {u"events"_s, u"deal.offer_made"_s}}
                << u"validation_failed"_s;
        QTest::newRow("long description")
                << QJsonObject{{u"url"_s, hookUrl(u"x"_s)}, {u"description"_s, QString(501, u'a')}}
                << u"validation_failed"_s;
        QTest::newRow("enabled not a flag") << QJsonObject{{u"url"_s, hookUrl(u"x"_s)},
                {u"enabled"_s, u"yes"_s}} << u"validation_failed"_s;
    }
    void badInputChangesNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        const QString before = endpointsSnapshot();
        const HttpReply reply = post(u"/api/v1/webhooks"_s, m_brand, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(::code(reply), code);
        QCOMPARE(endpointsSnapshot(), before);
    }
};

QTEST_GUILESS_MAIN(TestApiWebhooks)
#include "tst_api_webhooks.moc"
