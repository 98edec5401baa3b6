// SPDX-License-Identifier: Apache-2.0
// Shortlists over HTTP against PostgreSQL: a brand's lists and their members with notes, unique
// names, who may read and change them (staff, administrators, other brands, creators, no
// token), the CSV export and its formula-injection safety, inviting a whole list to a campaign
// (one creator already in a deal is skipped, the others invited), and bad input that changes
// nothing.
#include "ApiSession.h"
#include "Csv.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::parseCsv;
using influence::tests::TestServer;

namespace {

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

} // namespace

class TestApiShortlists : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_otherBrand;
    QString m_admin;
    QStringList m_creators; ///< tokens
    QStringList m_creatorIds;
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
    HttpReply put(const QString &path, const QString &token, const QJsonObject &body)
    {
        return m_api->put(path, token, body);
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
    /// Every shortlist, member and deal as text, to prove a request changed nothing.
    QString snapshot()
    {
        return scalar(u"SELECT concat_ws('|', "
                      "(SELECT string_agg(id::text || name || description || updated_at, ',' "
                      "  ORDER BY id) FROM shortlists), "
                      "(SELECT string_agg(shortlist_id::text || influencer_id || note, ',' "
                      "  ORDER BY shortlist_id, influencer_id) FROM shortlist_members), "
                      "(SELECT string_agg(id::text || state, ',' ORDER BY id) FROM deals))"_s)
                .toString();
    }
    QString newList(const QString &token = {})
    {
        const HttpReply reply = post(u"/api/v1/shortlists"_s, token.isEmpty() ? m_brand : token,
                {{u"name"_s, u"List %1"_s.arg(++m_counter)}});
        return reply.json().value(u"id"_s).toString();
    }
    QString member(const QString &list, int creator)
    {
        return u"/api/v1/shortlists/%1/members/%2"_s.arg(list, m_creatorIds.at(creator));
    }
    QString newCampaign()
    {
        const QJsonObject body{{u"name"_s, u"Shortlist campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, influence::tests::isoDay(0)},
                {u"endDate"_s, influence::tests::isoDay(60)}, {u"visibility"_s, u"public"_s}};
        const QString id = post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"shortlists-test"_s);
        QVERIFY(m_db);

        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = m_api->signUp(u"staff@example.com"_s, u"brand"_s);
        m_otherBrand = m_api->signUp(u"other@example.com"_s, u"brand"_s);
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
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_api->userIdOf(m_brand)), m_brand,
                         {{u"userId"_s, m_api->userIdOf(m_staff)}})
                         .status,
                201);
        const QStringList names{u"Lena Travels"_s, u"=cmd|' /C calc'!A0"_s, u"Mia Moves"_s};
        for (int i = 0; i < names.size(); ++i) {
            const QString token = m_api->signUp(u"creator%1@example.com"_s.arg(i), u"influencer"_s);
            QCOMPARE(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                     ApiSession::compact({{u"displayName"_s, names[i]},
                                             {u"bio"_s, u"Alps and lakes."_s},
                                             {u"country"_s, u"AT"_s},
                                             {u"niches"_s, QJsonArray{u"travel"_s}}}),
                                     ApiSession::as(token))
                             .status,
                    201);
            m_creators << token;
            m_creatorIds << m_api->userIdOf(token);
        }
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    void everyRouteNeedsSigningIn_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        int routes = 0;
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            if (!route.pathTemplate.startsWith(u"/api/v1/shortlists"_s)) {
                continue;
            }
            QString concrete = route.pathTemplate;
            concrete.replace(u"{id}"_s, id).replace(u"{influencerId}"_s, id);
            const QByteArray method = server::http::methodName(route.method);
            QTest::newRow(qPrintable(QString::fromLatin1(method) + u' ' + route.pathTemplate))
                    << method << concrete;
            ++routes;
        }
        QCOMPARE(routes, 10);
    }
    void everyRouteNeedsSigningIn()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpReply reply = m_client->send(method, path, method == "GET" ? QByteArray() : "{}",
                {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 401);
    }

    void createReadRenameDelete()
    {
        HttpReply reply = post(u"/api/v1/shortlists"_s, m_staff,
                {{u"name"_s, u"  Summer hikers "_s}, {u"description"_s, u"For the boots"_s}});
        QCOMPARE(reply.status, 201);
        QJsonObject list = reply.json();
        const QString id = list.value(u"id"_s).toString();
        QCOMPARE(list.value(u"name"_s).toString(), u"Summer hikers"_s);
        QCOMPARE(list.value(u"description"_s).toString(), u"For the boots"_s);
        QCOMPARE(list.value(u"brandId"_s).toString(), m_api->userIdOf(m_brand));
        QCOMPARE(list.value(u"createdBy"_s).toString(), m_api->userIdOf(m_staff));
        QCOMPARE(list.value(u"memberCount"_s).toInt(), 0);
        QVERIFY(!list.value(u"createdAt"_s).toString().isEmpty());

        // The owner sees the staff member's list; so does an administrator.
        reply = get(u"/api/v1/shortlists/"_s + id, m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), list);
        QCOMPARE(get(u"/api/v1/shortlists/"_s + id, m_admin).status, 200);
        const QJsonArray items = get(u"/api/v1/shortlists"_s, m_brand).json()[u"items"_s].toArray();
        QVERIFY(std::any_of(items.begin(), items.end(), [&](const QJsonValue &item) {
            return item[u"id"_s].toString() == id;
        }));

        // Filtered by brand: the brand's own, or nothing of another brand's.
        reply = get(u"/api/v1/shortlists?brand="_s + m_api->userIdOf(m_brand), m_staff);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s][0][u"id"_s].toString(), id);
        reply = get(u"/api/v1/shortlists?brand="_s + m_api->userIdOf(m_otherBrand), m_staff);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);

        reply = patch(u"/api/v1/shortlists/"_s + id, m_brand, {{u"name"_s, u"Autumn hikers"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Autumn hikers"_s);
        QCOMPARE(reply.json().value(u"description"_s).toString(), u"For the boots"_s);
        reply = patch(u"/api/v1/shortlists/"_s + id, m_staff, {{u"description"_s, u""_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"description"_s).toString(), QString());
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Autumn hikers"_s);

        QCOMPARE(put(member(id, 0), m_brand, {{u"note"_s, u"Great"_s}}).status, 201);
        QCOMPARE(del(u"/api/v1/shortlists/"_s + id, m_staff).status, 204);
        QCOMPARE(get(u"/api/v1/shortlists/"_s + id, m_brand).status, 404);
        // Members go with their list.
        QCOMPARE(scalar(u"SELECT count(*) FROM shortlist_members WHERE shortlist_id = '%1'"_s.arg(
                                id))
                         .toInt(),
                0);
    }

    void namesAreUniquePerBrandWhateverTheCase()
    {
        QCOMPARE(
                post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, u"Favourites"_s}}).status, 201);
        HttpReply reply = post(u"/api/v1/shortlists"_s, m_staff, {{u"name"_s, u"FAVOURITES"_s}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"name_taken"_s);
        const QString other = newList();
        reply = patch(u"/api/v1/shortlists/"_s + other, m_brand, {{u"name"_s, u"favourites"_s}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"name_taken"_s);
        // Renaming a list to its own name in another case is fine.
        QCOMPARE(patch(u"/api/v1/shortlists/"_s + other, m_brand,
                         {{u"name"_s, u"LIST %1"_s.arg(m_counter)}})
                         .status,
                200);
        // Another brand may use the name.
        QCOMPARE(post(u"/api/v1/shortlists"_s, m_otherBrand, {{u"name"_s, u"Favourites"_s}}).status,
                201);
    }

    void membersWithNotes()
    {
        const QString list = newList();
        HttpReply reply = put(member(list, 0), m_brand, {{u"note"_s, u"Asked for rates"_s}});
        QCOMPARE(reply.status, 201);
        QJsonObject item = reply.json();
        QCOMPARE(item[u"influencer"_s][u"id"_s].toString(), m_creatorIds[0]);
        QCOMPARE(item[u"influencer"_s][u"displayName"_s].toString(), u"Lena Travels"_s);
        QCOMPARE(item[u"note"_s].toString(), u"Asked for rates"_s);
        QCOMPARE(item[u"addedBy"_s].toString(), m_api->userIdOf(m_brand));
        // The member is the creator exactly as discovery lists them.
        const QJsonArray found =
                get(u"/api/v1/influencers?q=Lena"_s, m_brand).json()[u"items"_s].toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(item[u"influencer"_s].toObject(), found[0].toObject());

        // Adding again is idempotent; a note edit keeps the member; no note keeps the note.
        reply = put(member(list, 0), m_staff, {{u"note"_s, u"Rates: 800 EUR a reel"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"note"_s].toString(), u"Rates: 800 EUR a reel"_s);
        QCOMPARE(reply.json()[u"addedBy"_s].toString(), m_api->userIdOf(m_brand));
        reply = m_client->send("PUT", member(list, 0), {}, ApiSession::as(m_staff));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"note"_s].toString(), u"Rates: 800 EUR a reel"_s);
        QCOMPARE(put(member(list, 2), m_staff, {}).status, 201);

        reply = get(u"/api/v1/shortlists/%1/members?limit=1"_s.arg(list), m_staff);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s].toArray().size(), 1);
        QCOMPARE(reply.json()[u"items"_s][0][u"influencer"_s][u"id"_s].toString(), m_creatorIds[0]);
        const QString cursor = reply.json()[u"nextCursor"_s].toString();
        QVERIFY(!cursor.isEmpty());
        reply = get(
                u"/api/v1/shortlists/%1/members?limit=1&cursor=%2"_s.arg(list, cursor), m_staff);
        QCOMPARE(reply.json()[u"items"_s][0][u"influencer"_s][u"id"_s].toString(), m_creatorIds[2]);
        QVERIFY(reply.json()[u"nextCursor"_s].isNull());
        QCOMPARE(get(u"/api/v1/shortlists/"_s + list, m_brand).json()[u"memberCount"_s].toInt(), 2);

        QCOMPARE(del(member(list, 2), m_staff).status, 204);
        QCOMPARE(del(member(list, 2), m_staff).status, 404);
        QCOMPARE(get(u"/api/v1/shortlists/"_s + list, m_brand).json()[u"memberCount"_s].toInt(), 1);
    }

    void aDeletedCreatorLeavesTheLists()
    {
        const QString token = m_api->signUp(u"leaving@example.com"_s, u"influencer"_s);
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/influencer"_s,
                                 ApiSession::compact({{u"displayName"_s, u"Short Stay"_s}}),
                                 ApiSession::as(token))
                         .status,
                201);
        const QString id = m_api->userIdOf(token);
        const QString list = newList();
        QCOMPARE(put(u"/api/v1/shortlists/%1/members/%2"_s.arg(list, id), m_brand, {}).status, 201);
        QVERIFY(m_db->execDirect(u"DELETE FROM users WHERE id = '%1'"_s.arg(id)));
        const HttpReply reply = get(u"/api/v1/shortlists/%1/members"_s.arg(list), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);
    }

    void whoMayReadAndChange()
    {
        const QString list = newList();
        QCOMPARE(put(member(list, 0), m_brand, {}).status, 201);
        const QString before = snapshot();
        const QString one = u"/api/v1/shortlists/"_s + list;
        // Another brand: as if the list did not exist, for every route.
        for (const HttpReply &reply : {get(one, m_otherBrand),
                     get(one + u"/members"_s, m_otherBrand), get(one + u"/export"_s, m_otherBrand),
                     patch(one, m_otherBrand, {{u"name"_s, u"Mine"_s}}), del(one, m_otherBrand),
                     put(member(list, 1), m_otherBrand, {}), del(member(list, 0), m_otherBrand),
                     post(one + u"/invite"_s, m_otherBrand,
                             {{u"campaignId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                     {u"offer"_s, offer(1000)}})}) {
            QCOMPARE(reply.status, 404);
            QCOMPARE(code(reply), u"not_found"_s);
        }
        const QJsonArray others =
                get(u"/api/v1/shortlists"_s, m_otherBrand).json()[u"items"_s].toArray();
        QVERIFY(std::none_of(others.begin(), others.end(), [&](const QJsonValue &item) {
            return item[u"id"_s].toString() == list;
        }));
        // Creators: forbidden, even their own entry.
        for (const HttpReply &reply : {get(u"/api/v1/shortlists"_s, m_creators[0]),
                     post(u"/api/v1/shortlists"_s, m_creators[0], {{u"name"_s, u"Mine"_s}}),
                     get(one, m_creators[0]), get(one + u"/members"_s, m_creators[0]),
                     del(member(list, 0), m_creators[0])}) {
            QCOMPARE(reply.status, 403);
            QCOMPARE(code(reply), u"forbidden"_s);
        }
        // Administrators read, but do not change another brand's list.
        QCOMPARE(get(one + u"/members"_s, m_admin).status, 200);
        QCOMPARE(patch(one, m_admin, {{u"name"_s, u"Admin's"_s}}).status, 403);
        QCOMPARE(snapshot(), before);
    }

    void badInputChangesNothing()
    {
        const QString list = newList();
        QCOMPARE(put(member(list, 0), m_brand, {{u"note"_s, u"Keep"_s}}).status, 201);
        const QString before = snapshot();
        const QString one = u"/api/v1/shortlists/"_s + list;
        struct Case
        {
            HttpReply reply;
            int status;
            QString code;
        };
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QList<Case> cases{
                {post(u"/api/v1/shortlists"_s, m_brand, {}), 422, u"validation_failed"_s},
                {post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, u"   "_s}}), 422,
                        u"validation_failed"_s},
                {post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, QString(121, u'x')}}), 422,
                        u"validation_failed"_s},
                {post(u"/api/v1/shortlists"_s, m_brand, {{u"name"_s, 42}}), 422,
                        u"validation_failed"_s},
                {post(u"/api/v1/shortlists"_s, m_brand,
                         {{u"name"_s, u"Fine"_s}, {u"description"_s, QString(2001, u'x')}}),
                        422, u"validation_failed"_s},
                {patch(one, m_brand, {{u"name"_s, u""_s}}), 422, u"validation_failed"_s},
                {put(member(list, 0), m_brand, {{u"note"_s, QString(2001, u'n')}}), 422,
                        u"validation_failed"_s},
                {put(u"%1/members/%2"_s.arg(one, unknown), m_brand, {}), 404, u"not_found"_s},
                {put(u"%1/members/not-a-uuid"_s.arg(one), m_brand, {}), 400,
                        u"invalid_parameter"_s},
                {get(u"/api/v1/shortlists/not-a-uuid"_s, m_brand), 400, u"invalid_parameter"_s},
                {get(u"/api/v1/shortlists?limit=0"_s, m_brand), 400, u"invalid_parameter"_s},
                {m_client->send("POST", u"/api/v1/shortlists"_s, "{", ApiSession::as(m_brand)), 400,
                        u"malformed_json"_s},
                {post(one + u"/invite"_s, m_brand, {{u"offer"_s, offer(1000)}}), 422,
                        u"validation_failed"_s},
                {post(one + u"/invite"_s, m_brand, {{u"campaignId"_s, unknown}}), 422,
                        u"validation_failed"_s},
                {post(one + u"/invite"_s, m_brand,
                         {{u"campaignId"_s, unknown}, {u"offer"_s, offer(1000)}}),
                        422, u"validation_failed"_s},
        };
        for (const Case &c : cases) {
            QCOMPARE(c.reply.status, c.status);
            QCOMPARE(code(c.reply), c.code);
        }
        QCOMPARE(snapshot(), before);
    }

    void exportsCsvSafely()
    {
        const QString list = newList();
        QCOMPARE(put(member(list, 0), m_brand, {{u"note"_s, u"Likes \"lakes\", and hills"_s}})
                         .status,
                201);
        QCOMPARE(put(member(list, 1), m_brand, {{u"note"_s, u"@SUM(1+1)*cmd|' /C calc'!A0"_s}})
                         .status,
                201);
        const HttpReply reply = get(u"/api/v1/shortlists/%1/export"_s.arg(list), m_staff);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("content-type").startsWith("text/csv"));
        QVERIFY(reply.header("content-disposition").contains("shortlist.csv"));
        QVERIFY(reply.body.contains("\r\n"));
        const QList<QStringList> rows = parseCsv(reply.body);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].first(), u"influencer_id"_s);
        const qsizetype name = rows[0].indexOf(u"name"_s);
        const qsizetype note = rows[0].indexOf(u"note"_s);
        QVERIFY(name >= 0 && note >= 0);
        QCOMPARE(rows[1][0], m_creatorIds[0]);
        QCOMPARE(rows[1][name], u"Lena Travels"_s);
        QCOMPARE(rows[1][note], u"Likes \"lakes\", and hills"_s);
        // Cells that a spreadsheet would run as formulas are prefixed with a quote.
        QCOMPARE(rows[2][name], u"'=cmd|' /C calc'!A0"_s);
        QCOMPARE(rows[2][note], u"'@SUM(1+1)*cmd|' /C calc'!A0"_s);
        for (const QStringList &row : rows) {
            for (const QString &cell : row) {
                QVERIFY2(cell.isEmpty() || !QStringView(u"=+@").contains(cell.front()),
                        qPrintable(cell));
            }
        }
    }

    void inviteTheListSkipsThoseInADeal()
    {
        const QString campaign = newCampaign();
        const QString list = newList();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(put(member(list, i), m_staff, {}).status, 201);
        }
        // The second creator is in the campaign already.
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_creatorIds[1]}, {u"offer"_s, offer(50000)}});
        QCOMPARE(reply.status, 201);
        const QString existing = reply.json().value(u"id"_s).toString();

        reply = post(u"/api/v1/shortlists/%1/invite"_s.arg(list), m_staff,
                {{u"campaignId"_s, campaign}, {u"offer"_s, offer(80000)},
                        {u"message"_s, u"We'd love to work with you."_s}});
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.json()[u"results"_s].toArray();
        QCOMPARE(results.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject result = results[i].toObject();
            QCOMPARE(result[u"influencerId"_s].toString(), m_creatorIds[i]);
            if (i == 1) {
                QCOMPARE(result[u"status"_s].toString(), u"skipped"_s);
                QCOMPARE(result[u"code"_s].toString(), u"deal_exists"_s);
                QVERIFY(!result.contains(u"dealId"_s));
                continue;
            }
            QCOMPARE(result[u"status"_s].toString(), u"invited"_s);
            const QString deal = result[u"dealId"_s].toString();
            // Each is a real invitation, visible to its creator, with the offer and message.
            const HttpReply detail = get(u"/api/v1/deals/"_s + deal, m_creators[i]);
            QCOMPARE(detail.status, 200);
            QCOMPARE(detail.json()[u"state"_s].toString(), u"invited"_s);
            QCOMPARE(detail.json()[u"latestOffer"_s][u"feeMinor"_s].toInteger(), 80000);
        }
        QCOMPARE(scalar(u"SELECT count(*) FROM deals WHERE campaign_id = '%1'"_s.arg(campaign))
                         .toInt(),
                3);
        QCOMPARE(scalar(u"SELECT count(*) FROM deal_messages WHERE deal_id IN "
                        "(SELECT id FROM deals WHERE campaign_id = '%1')"_s.arg(campaign))
                         .toInt(),
                2);
        QCOMPARE(scalar(u"SELECT state FROM deals WHERE id = '%1'"_s.arg(existing)).toString(),
                u"invited"_s);

        // Inviting again skips everybody; nothing new is created.
        reply = post(u"/api/v1/shortlists/%1/invite"_s.arg(list), m_staff,
                {{u"campaignId"_s, campaign}, {u"offer"_s, offer(80000)}});
        QCOMPARE(reply.status, 200);
        for (const auto &result : reply.json()[u"results"_s].toArray()) {
            QCOMPARE(result[u"code"_s].toString(), u"deal_exists"_s);
        }
        QCOMPARE(scalar(u"SELECT count(*) FROM deals WHERE campaign_id = '%1'"_s.arg(campaign))
                         .toInt(),
                3);
    }

    void inviteNeedsAnActiveCampaignOfTheBrandInItsCurrency()
    {
        const QString list = newList();
        QCOMPARE(put(member(list, 0), m_brand, {}).status, 201);
        const QString campaign = newCampaign();
        const QString before = snapshot();
        QJsonObject dollars = offer(1000);
        dollars.insert(u"currency"_s, u"USD"_s);
        HttpReply reply = post(u"/api/v1/shortlists/%1/invite"_s.arg(list), m_brand,
                {{u"campaignId"_s, campaign}, {u"offer"_s, dollars}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()[u"errors"_s][0][u"code"_s].toString(), u"currency_mismatch"_s);
        QCOMPARE(post(u"/api/v1/campaigns/%1/pause"_s.arg(campaign), m_brand).status, 200);
        reply = post(u"/api/v1/shortlists/%1/invite"_s.arg(list), m_brand,
                {{u"campaignId"_s, campaign}, {u"offer"_s, offer(1000)}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"illegal_transition"_s);
        // Another brand's list and this brand's campaign: the campaign is not the list's brand's.
        const QString theirs = newList(m_otherBrand);
        reply = post(u"/api/v1/shortlists/%1/invite"_s.arg(theirs), m_otherBrand,
                {{u"campaignId"_s, campaign}, {u"offer"_s, offer(1000)}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(snapshot().section(u'|', 1), before.section(u'|', 1));
    }
};

QTEST_GUILESS_MAIN(TestApiShortlists)
#include "tst_api_shortlists.moc"
