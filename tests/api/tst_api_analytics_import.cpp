// SPDX-License-Identifier: Apache-2.0
// The bulk import of metric files over HTTP against PostgreSQL: a good file stored with source
// 'import', a file with bad rows (each refused with its line and code, the good rows taken,
// nothing else changed), the same file twice (duplicate, no change), rows equal to what is
// stored (unchanged), a file over the import's own body limit (413 before the body is read,
// nothing stored), authorization per row (another brand's posts refused like unknown ones),
// CSV and NDJSON, post and account metrics, and whole-file errors.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "app/Config.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

constexpr qint64 kImportLimit = qint64{2} * 1024 * 1024; // above MAX_BODY_BYTES (1 MiB)

QString day(int fromToday)
{
    return influence::tests::isoDay(fromToday);
}

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

/// line -> code of a report's refused rows.
QMap<int, QString> refusedOf(const QJsonObject &report)
{
    QMap<int, QString> refused;
    for (const QJsonValue &row : report.value(u"refused"_s).toArray()) {
        refused.insert(row[u"line"_s].toInt(), row[u"code"_s].toString());
        if (row[u"reason"_s].toString().isEmpty()) {
            refused.insert(-1, u"a refusal without a reason"_s);
        }
    }
    return refused;
}

} // namespace

class TestApiAnalyticsImport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand, m_otherBrand, m_creator, m_admin;
    QString m_brandId, m_creatorId;
    QString m_post; ///< the creator's post for m_brand's campaign (deliverable m_deliverable)
    QString m_deliverable;
    QString m_otherPost; ///< the creator's post for m_otherBrand's campaign
    QString m_ownPost; ///< the creator's post outside any campaign
    QString m_account; ///< the creator's instagram account @lena
    int m_counter = 0;

    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }
    HttpReply import(const QString &kind, const QByteArray &type, const QByteArray &body,
            const QString &token)
    {
        return m_client->send("POST", u"/api/v1/analytics/imports?kind="_s + kind, body,
                {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", type}});
    }
    HttpReply csv(const QByteArray &body, const QString &token)
    {
        return import(u"post_metrics"_s, "text/csv", body, token);
    }
    /// Every figure stored, as text, to prove a request changed nothing.
    QString snapshot()
    {
        return scalar(u"SELECT concat_ws('|', "
                      "(SELECT string_agg(concat_ws(',', post_id, day, views, likes, reach, "
                      "  source, evidence_url, captured_at), ';' ORDER BY post_id, day) "
                      " FROM post_metrics), "
                      "(SELECT string_agg(concat_ws(',', account_id, day, followers, views, "
                      "  captured_at), ';' ORDER BY account_id, day) FROM account_metrics), "
                      "(SELECT count(*) FROM metric_imports))"_s)
                .toString();
    }
    qint64 count(const QString &where)
    {
        return scalar(u"SELECT count(*) FROM post_metrics WHERE "_s + where).toLongLong();
    }

    /// An accepted deal of the creator in a new campaign of `brand`: its deliverable's id.
    QString deliverableOf(const QString &brand)
    {
        const QJsonObject offer{{u"deliverables"_s,
                                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                                {u"dueDate"_s, day(14)}}}},
                {u"feeMinor"_s, 10000}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
        const QJsonObject campaign{{u"name"_s, u"Import campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 100000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(0)}, {u"endDate"_s, day(60)},
                {u"visibility"_s, u"public"_s}};
        const QString id =
                m_api->post(u"/api/v1/campaigns"_s, brand, campaign).json()[u"id"_s].toString();
        m_api->post(u"/api/v1/campaigns/%1/launch"_s.arg(id), brand);
        const QString deal = m_api->post(u"/api/v1/campaigns/%1/invitations"_s.arg(id), brand,
                                          {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer}})
                                     .json()[u"id"_s]
                                     .toString();
        const QString counter =
                m_api->post(u"/api/v1/deals/%1/offers"_s.arg(deal), m_creator, offer)
                        .json()[u"latestOffer"_s][u"id"_s]
                        .toString();
        return m_api->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, counter), brand)
                .json()[u"deliverables"_s][0][u"id"_s]
                .toString();
    }
    QString newPost(const QString &externalId, const QString &deliverable)
    {
        return scalar(u"INSERT INTO posts (influencer_id, platform, external_id, kind, "
                      "published_at, deliverable_id) VALUES ('%1', 'instagram', '%2', 'reel', "
                      "now() - interval '20 days', %3) RETURNING id"_s.arg(m_creatorId, externalId,
                              deliverable.isEmpty() ? u"NULL"_s : u"'%1'"_s.arg(deliverable)))
                .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.configure = [](server::Config &config) {
            config.imports.maxBodyBytes = kImportLimit;
        };
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"import-test"_s);
        QVERIFY(m_db);

        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
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

        m_deliverable = deliverableOf(m_brand);
        QVERIFY(!m_deliverable.isEmpty());
        const QString otherDeliverable = deliverableOf(m_otherBrand);
        QVERIFY(!otherDeliverable.isEmpty());
        m_post = newPost(u"ig-1"_s, m_deliverable);
        m_otherPost = newPost(u"ig-2"_s, otherDeliverable);
        m_ownPost = newPost(u"ig-3"_s, QString());
        QVERIFY(!m_post.isEmpty() && !m_otherPost.isEmpty() && !m_ownPost.isEmpty());
        m_account = scalar(u"INSERT INTO connected_accounts (influencer_id, platform, handle) "
                           "VALUES ('%1', 'instagram', 'Lena') RETURNING id"_s.arg(m_creatorId))
                            .toString();
        QVERIFY(!m_account.isEmpty());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void aGoodFileIsStoredAndTheSameFileAgainChangesNothing()
    {
        // The post named three ways: by id, by platform and external id, by deliverable.
        const QByteArray file = ("post_id,platform,external_id,deliverable_id,day,views,likes,"
                                 "reach,evidence_url\r\n"
                + m_post.toLatin1() + ",,,," + day(-3).toLatin1() + ",1000,50,800,\r\n"
                + ",instagram,ig-1,," + day(-2).toLatin1()
                + ",1500,\"70\",,https://example.com/shot.png\r\n" + ",,,"
                + m_deliverable.toLatin1() + "," + day(-1).toLatin1() + ",2000,90,1200,\r\n");
        const HttpReply first = csv(file, m_brand);
        QCOMPARE(first.status, 200);
        const QJsonObject report = first.json();
        QCOMPARE(report[u"kind"_s].toString(), u"post_metrics"_s);
        QCOMPARE(report[u"rowsTaken"_s].toInteger(), 3);
        QCOMPARE(report[u"rowsUnchanged"_s].toInteger(), 0);
        QCOMPARE(report[u"rowsRefused"_s].toInteger(), 0);
        QCOMPARE(report[u"refused"_s].toArray().size(), 0);
        QCOMPARE(report[u"duplicate"_s].toBool(), false);
        QVERIFY(!report[u"importId"_s].toString().isEmpty());

        QCOMPARE(count(u"post_id = '%1' AND source = 'import' AND entered_by IS NULL "
                       "AND import_id = '%2'"_s.arg(m_post, report[u"importId"_s].toString())),
                3);
        QCOMPARE(scalar(u"SELECT importer_id FROM metric_imports WHERE id = '%1'"_s.arg(
                                report[u"importId"_s].toString()))
                         .toString(),
                m_brandId);
        QCOMPARE(scalar(u"SELECT views || '/' || likes || '/' || coalesce(reach::text, '-') || "
                        "'/' || coalesce(evidence_url, '-') FROM post_metrics "
                        "WHERE post_id = '%1' AND day = '%2'"_s.arg(m_post, day(-2)))
                         .toString(),
                u"1500/70/-/https://example.com/shot.png"_s);

        // The same bytes again: the first report, marked duplicate; nothing written.
        const QString before = snapshot();
        const HttpReply again = csv(file, m_brand);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()[u"duplicate"_s].toBool(), true);
        QCOMPARE(again.json()[u"importId"_s], report[u"importId"_s]);
        QCOMPARE(again.json()[u"rowsTaken"_s].toInteger(), 3);
        QCOMPARE(snapshot(), before);

        // Other bytes with the same figures (an empty figure keeps the stored one): unchanged.
        const QByteArray same = "post_id,day,views,likes\n" + m_post.toLatin1() + ","
                + day(-3).toLatin1() + ",1000,50\n" + m_post.toLatin1() + "," + day(-1).toLatin1()
                + ",2000,\n";
        const HttpReply unchanged = csv(same, m_brand);
        QCOMPARE(unchanged.status, 200);
        QCOMPARE(unchanged.json()[u"duplicate"_s].toBool(), false);
        QCOMPARE(unchanged.json()[u"rowsTaken"_s].toInteger(), 0);
        QCOMPARE(unchanged.json()[u"rowsUnchanged"_s].toInteger(), 2);
        QCOMPARE(scalar(u"SELECT likes FROM post_metrics WHERE post_id = '%1' AND day = '%2'"_s.arg(
                                m_post, day(-1)))
                         .toInt(),
                90);
    }

    void badRowsAreRefusedWithTheirLinesAndChangeNothing()
    {
        const QByteArray id = m_post.toLatin1();
        const QByteArray file = "post_id,day,views,likes,evidence_url\n" + id + ","
                + day(-10).toLatin1() + ",10,1,\n" // 2: taken
                + id + "," + day(-9).toLatin1() + ",-5,1,\n" // 3: negative
                + id + "," + day(1).toLatin1() + ",10,1,\n" // 4: in the future
                + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + ","
                + day(-9).toLatin1() + ",10,1,\n" // 5: unknown post
                + "not-a-uuid," + day(-9).toLatin1() + ",10,1,\n" // 6
                + id + "," + day(-9).toLatin1() + ",\"10,1,\n" // 7-8: unclosed quote
                + "\n";
        const QByteArray more = "post_id,day,views,likes,evidence_url\n" + id + ","
                + day(-8).toLatin1() + ",10,1\n" // 2: 4 fields
                + "," + day(-8).toLatin1() + ",10,1,\n" // 3: no post named
                + id + "," + day(-8).toLatin1() + ",,,\n" // 4: no figures
                + id + "," + day(-8).toLatin1() + ",10,1,http://x.example\n" // 5: not https
                + id + ",2026-02-30,10,1,\n" // 6: no such day
                + id + "," + day(-40).toLatin1() + ",10,1,\n" // 7: before publication
                + id + "," + day(-7).toLatin1() + ",10,1,\n" // 8: taken
                + id + "," + day(-8).toLatin1() + ",12,1,\n" // 9: duplicate of 10
                + id + "," + day(-8).toLatin1() + ",13,1,\n"; // 10: taken
        const QString before = snapshot();
        const HttpReply reply = csv(file, m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 1);
        QCOMPARE(reply.json()[u"rowsRefused"_s].toInteger(), 5);
        const QMap<int, QString> refused = refusedOf(reply.json());
        const QMap<int, QString> expected{{3, u"invalid_value"_s}, {4, u"future_day"_s},
                {5, u"unknown_post"_s}, {6, u"invalid_value"_s}, {7, u"malformed_row"_s}};
        QCOMPARE(refused, expected);
        QCOMPARE(count(u"post_id = '%1' AND day = '%2'"_s.arg(m_post, day(-10))), 1);
        QCOMPARE(count(u"day = '%1'"_s.arg(day(-9))), 0);
        QVERIFY(snapshot() != before);

        const HttpReply second = csv(more, m_brand);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json()[u"rowsTaken"_s].toInteger(), 2);
        const QMap<int, QString> refusedMore = refusedOf(second.json());
        const QMap<int, QString> expectedMore{{2, u"malformed_row"_s}, {3, u"missing_post"_s},
                {4, u"no_figures"_s}, {5, u"invalid_value"_s}, {6, u"invalid_value"_s},
                {7, u"before_publication"_s}, {9, u"duplicate_row"_s}};
        QCOMPARE(refusedMore, expectedMore);
        QCOMPARE(second.json()[u"rowsRefused"_s].toInteger(), 7);
        // The last line for a day wins.
        QCOMPARE(scalar(u"SELECT views FROM post_metrics WHERE post_id = '%1' AND day = '%2'"_s.arg(
                                m_post, day(-8)))
                         .toInt(),
                13);
        QCOMPARE(count(u"day = '%1'"_s.arg(day(-40))), 0);
    }

    void fileErrorsChangeNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray csv = "text/csv";
        QTest::newRow("no kind") << QString() << csv << QByteArray("post_id,day\n") << 400
                                 << u"invalid_parameter"_s;
        QTest::newRow("JSON") << u"post_metrics"_s << QByteArray("application/json")
                              << QByteArray("{}") << 415 << u"unsupported_media_type"_s;
        QTest::newRow("empty") << u"post_metrics"_s << csv << QByteArray() << 422
                               << u"validation_failed"_s;
        QTest::newRow("unknown column")
                << u"post_metrics"_s << csv << QByteArray("post_id,day,followers\n") << 422
                << u"validation_failed"_s;
        QTest::newRow("column twice")
                << u"post_metrics"_s << csv << QByteArray("post_id,day,views,Views\n") << 422
                << u"validation_failed"_s;
        QTest::newRow("no day") << u"post_metrics"_s << csv << QByteArray("post_id,views\n") << 422
                                << u"validation_failed"_s;
        QTest::newRow("no post") << u"post_metrics"_s << csv << QByteArray("platform,day,views\n")
                                 << 422 << u"validation_failed"_s;
        QTest::newRow("no followers")
                << u"account_metrics"_s << csv << QByteArray("account_id,day,views\n") << 422
                << u"validation_failed"_s;
    }
    void fileErrorsChangeNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString before = snapshot();
        const HttpReply reply = import(kind, type, body, m_brand);
        QCOMPARE(reply.status, status);
        QCOMPARE(::code(reply), code);
        QCOMPARE(snapshot(), before);
    }

    void aFileOverTheImportLimitIsRefusedBeforeItIsRead()
    {
        const QString before = snapshot();
        // Above the import's own limit: 413 from the head alone (no body is sent at all).
        const auto raw = influence::tests::rawExchange(m_server->port(),
                "POST /api/v1/analytics/imports?kind=post_metrics HTTP/1.1\r\nHost: localhost\r\n"
                "Authorization: Bearer "
                        + m_brand.toLatin1() + "\r\nContent-Type: text/csv\r\nContent-Length: "
                        + QByteArray::number(kImportLimit + 1) + "\r\n\r\n");
        QCOMPARE(raw.status(), 413);
        QVERIFY(raw.data.contains("payload_too_large"));
        QCOMPARE(snapshot(), before);
        // Other routes keep MAX_BODY_BYTES (1 MiB).
        const auto other = influence::tests::rawExchange(m_server->port(),
                "POST /api/v1/campaigns HTTP/1.1\r\nHost: localhost\r\n"
                "Content-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(qint64{1024} * 1024 + 1) + "\r\n\r\n");
        QCOMPARE(other.status(), 413);

        // Between the two limits: taken (every row names the same post: the last line wins).
        QByteArray big = "post_id,day,views,likes,comments,shares,saves,clicks\n";
        const QByteArray line = m_ownPost.toLatin1() + "," + day(-4).toLatin1()
                + ",1000000,100000,10000,1000,100,10\n";
        while (big.size() < qint64{1024} * 1024 + 4096) {
            big += line;
        }
        const HttpReply taken = import(u"post_metrics"_s, "text/csv", big, m_creator);
        QCOMPARE(taken.status, 200);
        QCOMPARE(taken.json()[u"rowsTaken"_s].toInteger(), 1);
        QVERIFY(taken.json()[u"rowsRefused"_s].toInteger() > 10000);
        QCOMPARE(taken.json()[u"refused"_s].toArray().size(), 1000);
        QCOMPARE(taken.json()[u"refused"_s][0][u"line"_s].toInt(), 2);
        QCOMPARE(taken.json()[u"refused"_s][0][u"code"_s].toString(), u"duplicate_row"_s);
    }

    void rowsOfPostsTheImporterMayNotWriteAreRefused()
    {
        const QByteArray file = "post_id,day,views\n" + m_post.toLatin1() + "," + day(-5).toLatin1()
                + ",5\n" + m_otherPost.toLatin1() + "," + day(-5).toLatin1() + ",5\n"
                + m_ownPost.toLatin1() + "," + day(-5).toLatin1() + ",5\n";
        // The brand: only the post of its own campaign.
        HttpReply reply = csv(file, m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 1);
        const QMap<int, QString> brandRefused{{3, u"unknown_post"_s}, {4, u"unknown_post"_s}};
        QCOMPARE(refusedOf(reply.json()), brandRefused);
        QCOMPARE(count(u"post_id IN ('%1', '%2') AND day = '%3'"_s.arg(
                         m_otherPost, m_ownPost, day(-5))),
                0);
        // Another brand: only its own.
        reply = csv(file, m_otherBrand);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 1);
        const QMap<int, QString> otherRefused{{2, u"unknown_post"_s}, {4, u"unknown_post"_s}};
        QCOMPARE(refusedOf(reply.json()), otherRefused);
        // The creator: all three are theirs (the first two unchanged now); an admin: anything.
        reply = csv(file, m_creator);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 1);
        QCOMPARE(reply.json()[u"rowsUnchanged"_s].toInteger(), 2);
        QCOMPARE(reply.json()[u"rowsRefused"_s].toInteger(), 0);
        reply = csv(file + m_otherPost.toLatin1() + "," + day(-6).toLatin1() + ",4\n", m_admin);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 1);
        QCOMPARE(reply.json()[u"rowsUnchanged"_s].toInteger(), 3);
    }

    void ndjsonPostMetrics()
    {
        const QByteArray file = "{\"post_id\": \"" + m_post.toLatin1() + "\", \"day\": \""
                + day(-12).toLatin1()
                + "\", \"views\": 300, \"saves\": 7, \"watch_seconds\": 12345}\n"
                  "\n"
                  "{\"platform\": \"instagram\", \"external_id\": \"ig-1\", \"day\": \""
                + day(-11).toLatin1() + "\", \"impressions\": 900, \"clicks\": null}\r\n"
                + "[1, 2]\n" // 4: not an object
                + "{\"post_id\": \"" + m_post.toLatin1() + "\", \"day\": \"" + day(-13).toLatin1()
                + "\", \"views\": 1.5}\n" // 5: not whole
                + "{\"post_id\": \"" + m_post.toLatin1() + "\", \"day\": \"" + day(-13).toLatin1()
                + "\", \"views\": 3, \"colour\": \"red\"}\n"; // 6: unknown field
        const HttpReply reply =
                import(u"post_metrics"_s, "application/x-ndjson; charset=utf-8", file, m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 2);
        const QMap<int, QString> expected{
                {4, u"malformed_row"_s}, {5, u"invalid_value"_s}, {6, u"unknown_field"_s}};
        QCOMPARE(refusedOf(reply.json()), expected);
        QCOMPARE(scalar(u"SELECT views || '/' || saves || '/' || watch_seconds FROM post_metrics "
                        "WHERE post_id = '%1' AND day = '%2'"_s.arg(m_post, day(-12)))
                         .toString(),
                u"300/7/12345"_s);
        QCOMPARE(scalar(u"SELECT impressions FROM post_metrics WHERE post_id = '%1' AND day = '%2' "
                        "AND source = 'import'"_s.arg(m_post, day(-11)))
                         .toInt(),
                900);
    }

    void accountMetrics()
    {
        const QByteArray file = "account_id,platform,handle,day,followers,views\n"
                + m_account.toLatin1() + ",,," + day(-2).toLatin1() + ",5000,100\n"
                + ",instagram,lena," + day(-1).toLatin1() + ",5100,\n" + ",instagram,nobody,"
                + day(-1).toLatin1() + ",5100,\n" // 4: unknown
                + ",instagram,lena," + day(-3).toLatin1() + ",,5\n"; // 5: no followers
        // A brand writes no account's figures.
        HttpReply reply = import(u"account_metrics"_s, "text/csv", file, m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 0);
        QCOMPARE(reply.json()[u"rowsRefused"_s].toInteger(), 4);
        QCOMPARE(scalar(u"SELECT count(*) FROM account_metrics"_s).toInt(), 0);

        reply = import(u"account_metrics"_s, "text/csv", file, m_creator);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"kind"_s].toString(), u"account_metrics"_s);
        QCOMPARE(reply.json()[u"rowsTaken"_s].toInteger(), 2);
        const QMap<int, QString> expected{{4, u"unknown_account"_s}, {5, u"missing_value"_s}};
        QCOMPARE(refusedOf(reply.json()), expected);
        QCOMPARE(scalar(u"SELECT string_agg(followers || ':' || coalesce(views::text, '-'), ',' "
                        "ORDER BY day) FROM account_metrics WHERE account_id = '%1'"_s.arg(
                                m_account))
                         .toString(),
                u"5000:100,5100:-"_s);
        // The account's follower count is its newest snapshot's.
        QCOMPARE(
                scalar(u"SELECT followers FROM connected_accounts WHERE id = '%1'"_s.arg(m_account))
                        .toInt(),
                5100);
        // The series' version moved (the metric cache of profiles depends on it).
        QCOMPARE(scalar(u"SELECT count(*) FROM account_metrics_changes WHERE account_id = '%1'"_s
                                 .arg(m_account))
                         .toInt(),
                1);
    }
};

QTEST_GUILESS_MAIN(TestApiAnalyticsImport)
#include "tst_api_analytics_import.moc"
