// SPDX-License-Identifier: Apache-2.0
// Collaboration over HTTP against PostgreSQL: the whole journey from a campaign to a completed
// deal, every illegal transition, concurrent accepts, authorization on every route, validation
// that changes nothing, notifications, overdue deliverables and closing campaigns.
#include "HttpTestClient.h"
#include "TestDatabase.h"
#include "TestServer.h"
#include "app/seed/DemoSignIns.h"
#include "app/seed/Seeder.h"
#include "auth/PasswordHasher.h"
#include "core/db/Connection.h"
#include "core/db/Migrator.h"
#include "core/http/HttpContext.h"

#include <QJsonArray>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

QJsonObject offer(qint64 fee, int maxRevisions = 1, int quantity = 1, int dueInDays = 14)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, quantity}, {u"dueDate"_s, day(dueInDays)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
            {u"usageRights"_s, u"Organic use for 12 months."_s}, {u"maxRevisions"_s, maxRevisions}};
}

QJsonObject campaignBody(const QString &name, const QString &visibility = u"public"_s)
{
    return {{u"name"_s, name}, {u"brief"_s, u"Show our new hiking boots on a summit."_s},
            {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
            {u"deliverableTypes"_s, QJsonArray{u"reel"_s}},
            {u"targeting"_s,
                    QJsonObject{{u"niches"_s, QJsonArray{u"travel"_s}},
                            {u"countries"_s, QJsonArray{u"AT"_s, u"DE"_s}}}},
            {u"budgetMinor"_s, 500000}, {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(0)},
            {u"endDate"_s, day(60)}, {u"visibility"_s, visibility},
            {u"usageRights"_s, u"Organic only."_s}};
}

QStringList eventKinds(const QJsonObject &page)
{
    QStringList kinds;
    for (const QJsonValue &event : page.value(u"items"_s).toArray()) {
        kinds << event.toObject().value(u"kind"_s).toString();
    }
    return kinds;
}

/// How far a test deal has come.
enum class Stage {
    Invited,
    Negotiating,
    Accepted,
    InReview,
    ChangesRequested,
    Approved,
    Completed
};

/// The ids of a campaign with one deal at a stage.
struct Fixture
{
    QString campaign;
    QString deal;
    QString offer1;
    QString offer2; ///< the creator's counter (from Negotiating on)
    QString deliverable;
};

} // namespace

class TestApiCollab : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand; ///< owner of brand A
    QString m_staff; ///< agency staff acting for brand A
    QString m_otherBrand; ///< owner of brand B
    QString m_creator; ///< creator C
    QString m_otherCreator; ///< creator D
    QString m_admin;
    QString m_brandId;
    QString m_creatorId;
    QString m_otherCreatorId;
    int m_counter = 0;

    Headers as(const QString &token) const
    {
        Headers headers{{"Content-Type", "application/json"}};
        if (!token.isEmpty()) {
            headers.append({"Authorization", "Bearer " + token.toLatin1()});
        }
        return headers;
    }
    HttpReply get(const QString &path, const QString &token)
    {
        return m_client->get(path, as(token));
    }
    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_client->send("POST", path, compact(body), as(token));
    }
    HttpReply patch(const QString &path, const QString &token, const QJsonObject &body)
    {
        return m_client->send("PATCH", path, compact(body), as(token));
    }
    QString signUp(const QString &email, const QString &role)
    {
        const HttpReply reply = m_client->postJson(u"/api/v1/auth/register"_s,
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                        {u"role"_s, role}});
        return reply.json().value(u"accessToken"_s).toString();
    }
    QString userIdOf(const QString &token)
    {
        return get(u"/api/v1/me"_s, token).json().value(u"id"_s).toString();
    }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }
    QString dealState(const QString &deal)
    {
        return scalar(u"SELECT state FROM deals WHERE id = '%1'"_s.arg(deal)).toString();
    }
    QString creatorProfile(const QString &token, const QString &name)
    {
        // (A bio is sent: without one, PUT /me/influencer currently answers 422, since the null
        // QString is bound as NULL into a NOT NULL column; reported, not fixed here.)
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Alps."_s},
                {u"niches"_s, QJsonArray{u"travel"_s, u"photography"_s}}, {u"country"_s, u"AT"_s},
                {u"languages"_s, QJsonArray{u"de"_s, u"en"_s}}};
        const HttpReply put =
                m_client->send("PUT", u"/api/v1/me/influencer"_s, compact(profile), as(token));
        post(u"/api/v1/connected-accounts"_s, token,
                {{u"platform"_s, u"instagram"_s}, {u"handle"_s, name.toLower().remove(u' ')}});
        return put.json().value(u"id"_s).toString();
    }

    QString newCampaign(const QString &visibility = u"public"_s, bool launch = true)
    {
        const HttpReply created = post(u"/api/v1/campaigns"_s, m_brand,
                campaignBody(u"Campaign %1"_s.arg(++m_counter), visibility));
        const QString id = created.json().value(u"id"_s).toString();
        if (launch) {
            post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        }
        return id;
    }

    /// A campaign with a deal of the creator brought to `stage` through the API.
    Fixture fixture(Stage stage, int maxRevisions = 1, int dueInDays = 14)
    {
        Fixture f;
        f.campaign = newCampaign();
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(f.campaign), m_brand,
                {{u"influencerId"_s, m_creatorId},
                        {u"offer"_s, offer(50000, maxRevisions, 1, dueInDays)}});
        f.deal = reply.json().value(u"id"_s).toString();
        f.offer1 = reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        if (stage == Stage::Invited) {
            return f;
        }
        reply = post(u"/api/v1/deals/%1/offers"_s.arg(f.deal), m_creator,
                offer(60000, maxRevisions, 1, dueInDays));
        f.offer2 = reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        if (stage == Stage::Negotiating) {
            return f;
        }
        reply = post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(f.deal, f.offer2), m_brand);
        f.deliverable = reply.json()
                                .value(u"deliverables"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"id"_s)
                                .toString();
        const QString base = u"/api/v1/deliverables/"_s + f.deliverable;
        if (stage == Stage::Accepted) {
            return f;
        }
        post(base + u"/versions"_s, m_creator, {{u"caption"_s, u"First draft"_s}});
        if (stage == Stage::InReview) {
            return f;
        }
        if (stage == Stage::ChangesRequested) {
            post(base + u"/versions/1/review"_s, m_brand,
                    {{u"decision"_s, u"changes_requested"_s}, {u"feedback"_s, u"Brighter."_s}});
            return f;
        }
        post(base + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"approved"_s}});
        if (stage == Stage::Approved) {
            return f;
        }
        post(base + u"/live"_s, m_creator, {{u"url"_s, u"https://instagram.com/p/abc"_s}});
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_db = m_server->connect(u"collab-test"_s);
        QVERIFY(m_db);

        m_brand = signUp(u"brand@example.com"_s, u"brand"_s);
        m_staff = signUp(u"staff@example.com"_s, u"brand"_s);
        m_otherBrand = signUp(u"other-brand@example.com"_s, u"brand"_s);
        m_creator = signUp(u"creator@example.com"_s, u"influencer"_s);
        m_otherCreator = signUp(u"other-creator@example.com"_s, u"influencer"_s);
        m_admin = signUp(u"admin@example.com"_s, u"brand"_s);
        QVERIFY(!m_brand.isEmpty() && !m_staff.isEmpty() && !m_otherBrand.isEmpty()
                && !m_creator.isEmpty() && !m_otherCreator.isEmpty() && !m_admin.isEmpty());
        QVERIFY(m_db->execDirect(
                u"UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'"_s));

        QCOMPARE(m_client->send("PUT", u"/api/v1/me/brand"_s,
                                 compact({{u"companyName"_s, u"Alpine Boots"_s}}), as(m_brand))
                         .status,
                201);
        QCOMPARE(m_client->send("PUT", u"/api/v1/me/brand"_s,
                                 compact({{u"companyName"_s, u"Other Co"_s}}), as(m_otherBrand))
                         .status,
                201);
        m_brandId = userIdOf(m_brand);
        m_creatorId = creatorProfile(m_creator, u"Lena Travels"_s);
        m_otherCreatorId = creatorProfile(m_otherCreator, u"Max Hikes"_s);
        QVERIFY(!m_creatorId.isEmpty() && !m_otherCreatorId.isEmpty());
        // The owner adds agency staff; staff may not add more.
        const HttpReply added = post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_brand,
                {{u"userId"_s, userIdOf(m_staff)}});
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json().value(u"items"_s).toArray().size(), 1);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_staff,
                         {{u"userId"_s, userIdOf(m_otherBrand)}})
                         .status,
                403);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_otherBrand,
                         {{u"userId"_s, userIdOf(m_otherBrand)}})
                         .status,
                404);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(m_brandId), m_brand,
                         {{u"userId"_s, m_creatorId}})
                         .status,
                422);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_client.reset();
        m_server.reset();
    }

    /// GET /me/brands: what each person acts for, by name, with their role; staff of two
    /// brands see both; creators none.
    void myBrandsAreWhatEachActsFor()
    {
        const auto brandsOf = [this](const QString &token) {
            QStringList out;
            const HttpReply reply = get(u"/api/v1/me/brands"_s, token);
            for (const QJsonValue &b : reply.json().value(u"items"_s).toArray()) {
                out.append(b[u"name"_s].toString() + u':' + b[u"role"_s].toString() + u':'
                        + (b[u"id"_s].toString().isEmpty() ? u"?"_s : u"id"_s));
            }
            return out;
        };
        QCOMPARE(brandsOf(m_brand), QStringList{u"Alpine Boots:owner:id"_s});
        QCOMPARE(brandsOf(m_staff), QStringList{u"Alpine Boots:staff:id"_s});
        QCOMPARE(brandsOf(m_creator), QStringList());
        const QString other = userIdOf(m_otherBrand);
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(other), m_otherBrand,
                         {{u"userId"_s, userIdOf(m_staff)}})
                         .status,
                201);
        QCOMPARE(brandsOf(m_staff),
                QStringList({u"Alpine Boots:staff:id"_s, u"Other Co:staff:id"_s}));
        QCOMPARE(get(u"/api/v1/me/brands"_s, m_staff).json()[u"items"_s][1][u"id"_s].toString(),
                other);
        // Staff of both narrow the campaign list to one brand (GET /campaigns?brandId=).
        const QString otherCampaign =
                post(u"/api/v1/campaigns"_s, m_otherBrand, campaignBody(u"Other's launch"_s))
                        .json()[u"id"_s]
                        .toString();
        QVERIFY(!otherCampaign.isEmpty());
        QCOMPARE(post(u"/api/v1/campaigns"_s, m_brand, campaignBody(u"Alpine's launch"_s)).status,
                201);
        const auto campaignsOf = [this](const QString &brand) {
            QStringList ids;
            const HttpReply reply =
                    get(u"/api/v1/campaigns?limit=100&brandId=%1"_s.arg(brand), m_staff);
            for (const QJsonValue &c : reply.json().value(u"items"_s).toArray()) {
                ids.append(c[u"brandId"_s].toString());
            }
            ids.removeDuplicates();
            return ids;
        };
        QCOMPARE(campaignsOf(other), QStringList{other});
        QCOMPARE(campaignsOf(userIdOf(m_brand)), QStringList{userIdOf(m_brand)});
        QCOMPARE(get(u"/api/v1/campaigns?brandId=nope"_s, m_staff).status, 400);
        QCOMPARE(m_client->send("DELETE",
                                 u"/api/v1/brands/%1/members/%2"_s.arg(other, userIdOf(m_staff)),
                                 {}, as(m_otherBrand))
                         .status,
                204);
        QCOMPARE(brandsOf(m_staff), QStringList{u"Alpine Boots:staff:id"_s});
        QCOMPARE(get(u"/api/v1/me/brands"_s, QString()).status, 401);
    }

    void everyRouteNeedsSigningIn_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            const QString path = route.pathTemplate;
            if (!path.startsWith(u"/api/v1/campaigns"_s) && !path.startsWith(u"/api/v1/deals"_s)
                    && !path.startsWith(u"/api/v1/deliverables"_s)
                    && !path.startsWith(u"/api/v1/notifications"_s)
                    && !path.contains(u"/members"_s)) {
                continue;
            }
            QString concrete = path;
            concrete.replace(u"{version}"_s, u"1"_s);
            static const QRegularExpression placeholder(u"\\{[^}]+\\}"_s);
            concrete.replace(placeholder, id);
            const QByteArray method = server::http::methodName(route.method);
            QTest::newRow(qPrintable(QString(QString::fromLatin1(method) + u' ' + path)))
                    << method << concrete;
        }
    }
    void everyRouteNeedsSigningIn()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpReply reply = m_client->send(method, path, method == "GET" ? QByteArray() : "{}",
                {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 401);
    }

    void fullJourney()
    {
        // The brand drafts, edits and launches a campaign.
        HttpReply reply = post(u"/api/v1/campaigns"_s, m_brand, campaignBody(u"Summit boots"_s));
        QCOMPARE(reply.status, 201);
        const QString campaign = reply.json().value(u"id"_s).toString();
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"draft"_s);
        QCOMPARE(reply.json().value(u"brandId"_s).toString(), m_brandId);
        reply = patch(
                u"/api/v1/campaigns/"_s + campaign, m_staff, {{u"name"_s, u"Summit boots 2027"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Summit boots 2027"_s);
        QCOMPARE(reply.json().value(u"budgetMinor"_s).toInteger(), 500000);
        // A draft is invisible to creators; once launched it is open and fits this creator.
        QCOMPARE(get(u"/api/v1/campaigns/"_s + campaign, m_creator).status, 404);
        reply = post(u"/api/v1/campaigns/%1/launch"_s.arg(campaign), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!reply.json().value(u"launchedAt"_s).toString().isEmpty());
        bool listed = false;
        for (const QJsonValue &item :
                get(u"/api/v1/campaigns"_s, m_creator).json().value(u"items"_s).toArray()) {
            listed = listed || item.toObject().value(u"id"_s).toString() == campaign;
        }
        QVERIFY(listed);

        // The brand invites the creator; the creator counters; the brand accepts.
        reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(50000, 2)},
                        {u"message"_s, u"We love your alpine reels!"_s}});
        QCOMPARE(reply.status, 201);
        const QString deal = reply.json().value(u"id"_s).toString();
        QCOMPARE(reply.json().value(u"state"_s).toString(), u"invited"_s);
        QCOMPARE(reply.json().value(u"origin"_s).toString(), u"invitation"_s);
        QCOMPARE(reply.json().value(u"latestOffer"_s).toObject().value(u"madeBy"_s).toString(),
                u"brand"_s);
        const QString path = u"/api/v1/deals/"_s + deal;
        QCOMPARE(eventKinds(get(path + u"/events"_s, m_creator).json()),
                QStringList{u"deal.invited"_s});

        reply = post(path + u"/offers"_s, m_creator, offer(65000, 2));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"state"_s).toString(), u"negotiating"_s);
        const QJsonArray offers = reply.json().value(u"offers"_s).toArray();
        QCOMPARE(offers.size(), 2);
        QCOMPARE(offers.at(0).toObject().value(u"status"_s).toString(), u"countered"_s);
        QCOMPARE(offers.at(1).toObject().value(u"status"_s).toString(), u"open"_s);
        QCOMPARE(offers.at(1).toObject().value(u"madeBy"_s).toString(), u"creator"_s);
        const QString counter = offers.at(1).toObject().value(u"id"_s).toString();

        reply = post(path + u"/offers/%1/accept"_s.arg(counter), m_staff);
        QCOMPARE(reply.status, 200);
        QJsonObject body = reply.json();
        QCOMPARE(body.value(u"state"_s).toString(), u"accepted"_s);
        QCOMPARE(body.value(u"terms"_s).toObject().value(u"feeMinor"_s).toInteger(), 65000);
        QCOMPARE(body.value(u"terms"_s).toObject().value(u"maxRevisions"_s).toInt(), 2);
        QCOMPARE(body.value(u"acceptedOfferId"_s).toString(), counter);
        QVERIFY(!body.value(u"brandAcceptedAt"_s).toString().isEmpty());
        QVERIFY(!body.value(u"creatorAcceptedAt"_s).toString().isEmpty());
        const QJsonArray deliverables = body.value(u"deliverables"_s).toArray();
        QCOMPARE(deliverables.size(), 1);
        QCOMPARE(deliverables.at(0).toObject().value(u"status"_s).toString(), u"pending"_s);
        const QString item = u"/api/v1/deliverables/"_s
                + deliverables.at(0).toObject().value(u"id"_s).toString();

        // Draft, changes requested, second draft, approval, live: the deal completes.
        reply = post(item + u"/versions"_s, m_creator,
                {{u"caption"_s, u"Sunrise on the Grossglockner"_s},
                        {u"mediaUrls"_s, QJsonArray{u"https://cdn.example.com/v1.mp4"_s}}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(dealState(deal), u"in_progress"_s);
        reply = post(item + u"/versions/1/review"_s, m_brand,
                {{u"decision"_s, u"changes_requested"_s},
                        {u"feedback"_s, u"Show the boots' logo."_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"changes_requested"_s);
        QCOMPARE(reply.json().value(u"revisionsUsed"_s).toInt(), 1);
        reply = post(
                item + u"/versions"_s, m_creator, {{u"caption"_s, u"Sunrise, boots in view"_s}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"latestVersion"_s).toInt(), 2);
        reply = post(item + u"/versions/2/review"_s, m_brand, {{u"decision"_s, u"approved"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"approved"_s);
        const QJsonArray versions = reply.json().value(u"versions"_s).toArray();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(0).toObject().value(u"decision"_s).toString(), u"changes_requested"_s);
        QCOMPARE(versions.at(1).toObject().value(u"decision"_s).toString(), u"approved"_s);
        QCOMPARE(dealState(deal), u"in_progress"_s);
        reply = post(item + u"/live"_s, m_creator, {{u"url"_s, u"https://instagram.com/p/xyz"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"live"_s);
        body = get(path, m_creator).json();
        QCOMPARE(body.value(u"state"_s).toString(), u"completed"_s);
        QVERIFY(!body.value(u"completedAt"_s).toString().isEmpty());

        QCOMPARE(eventKinds(get(path + u"/events"_s, m_brand).json()),
                (QStringList{u"deal.invited"_s, u"offer.made"_s, u"offer.accepted"_s,
                        u"deal.started"_s, u"deliverable.submitted"_s, u"deliverable.reviewed"_s,
                        u"deliverable.submitted"_s, u"deliverable.reviewed"_s,
                        // the default payment terms: everything payable once the post is live
                        u"payout.scheduled"_s, u"deliverable.live"_s, u"deal.completed"_s}));
        // The timeline pages with a cursor in order.
        const QJsonObject first = get(path + u"/events?limit=4"_s, m_brand).json();
        QCOMPARE(first.value(u"items"_s).toArray().size(), 4);
        const QJsonObject second =
                get(path + u"/events?limit=100&cursor="_s + first.value(u"nextCursor"_s).toString(),
                        m_brand)
                        .json();
        QCOMPARE(eventKinds(second).first(), u"deliverable.submitted"_s);
        QVERIFY(second.value(u"nextCursor"_s).isNull());

        // The invitation's message is in the thread; both sides write.
        QCOMPARE(post(path + u"/messages"_s, m_creator, {{u"body"_s, u"Thanks, it was fun!"_s}})
                         .status,
                201);
        const QJsonArray messages =
                get(path + u"/messages"_s, m_brand).json().value(u"items"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(u"body"_s).toString(), u"Thanks, it was fun!"_s);

        // The brand's list shows progress; the campaign can complete.
        reply = get(u"/api/v1/campaigns/"_s + campaign, m_brand);
        const QJsonObject progress = reply.json().value(u"progress"_s).toObject();
        QCOMPARE(progress.value(u"deals"_s).toObject().value(u"completed"_s).toInt(), 1);
        QCOMPARE(progress.value(u"deliverablesLive"_s).toInt(), 1);
        QCOMPARE(progress.value(u"deliverablesTotal"_s).toInt(), 1);
        QVERIFY(!get(u"/api/v1/campaigns/"_s + campaign, m_creator).json().contains(u"progress"_s));
        // What a brand has to spend is the brand's business: creators never see the budget.
        QCOMPARE(reply.json().value(u"budgetMinor"_s).toInteger(), 500000);
        QVERIFY(!get(u"/api/v1/campaigns/"_s + campaign, m_creator)
                         .json()
                         .contains(u"budgetMinor"_s));
        reply = post(u"/api/v1/campaigns/%1/complete"_s.arg(campaign), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"completed"_s);
    }

    void illegalTransitions_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expectedCode");
        const QJsonObject none;
        const QJsonObject changes{
                {u"decision"_s, u"changes_requested"_s}, {u"feedback"_s, u"Again."_s}};
        const QJsonObject draft{{u"caption"_s, u"Draft"_s}};
        const QJsonObject live{{u"url"_s, u"https://instagram.com/p/1"_s}};
        const auto row = [](const char *name, Stage stage, const QString &actor,
                                 const QString &path, const QJsonObject &body, int status,
                                 const QString &code) {
            QTest::newRow(name) << static_cast<int>(stage) << actor << path << body << status
                                << code;
        };
        const QString illegal = u"illegal_transition"_s;
        // Campaigns.
        row("launch active campaign", Stage::Invited, u"brand"_s, u"campaign/launch"_s, none, 409,
                illegal);
        row("resume active campaign", Stage::Invited, u"brand"_s, u"campaign/resume"_s, none, 409,
                illegal);
        row("complete with draft in review", Stage::InReview, u"brand"_s, u"campaign/complete"_s,
                none, 409, u"deliverables_in_review"_s);
        row("creator launches campaign", Stage::Invited, u"creator"_s, u"campaign/pause"_s, none,
                403, u"forbidden"_s);
        row("invite twice", Stage::Invited, u"brand"_s, u"campaign/invitations"_s,
                {{u"influencerId"_s, u"creator"_s}, {u"offer"_s, offer(1000)}}, 409,
                u"deal_exists"_s);
        row("apply with a live deal", Stage::Invited, u"creator"_s, u"campaign/applications"_s,
                none, 409, u"deal_exists"_s);
        // Offers.
        row("accept own offer", Stage::Invited, u"brand"_s, u"deal/offers/offer1/accept"_s, none,
                409, u"not_your_turn"_s);
        row("counter own open offer", Stage::Invited, u"brand"_s, u"deal/offers"_s, offer(2000),
                409, u"not_your_turn"_s);
        row("accept older offer", Stage::Negotiating, u"brand"_s, u"deal/offers/offer1/accept"_s,
                none, 409, u"offer_not_latest"_s);
        row("decline older offer", Stage::Negotiating, u"brand"_s, u"deal/offers/offer1/decline"_s,
                none, 409, u"offer_not_latest"_s);
        row("accept accepted offer", Stage::Accepted, u"brand"_s, u"deal/offers/offer2/accept"_s,
                none, 409, illegal);
        row("counter after acceptance", Stage::Accepted, u"creator"_s, u"deal/offers"_s,
                offer(2000), 409, illegal);
        // Deals.
        row("start negotiating deal", Stage::Negotiating, u"creator"_s, u"deal/start"_s, none, 409,
                illegal);
        row("complete negotiating deal", Stage::Negotiating, u"brand"_s, u"deal/complete"_s, none,
                409, illegal);
        row("complete with work outstanding", Stage::InReview, u"brand"_s, u"deal/complete"_s, none,
                409, u"deliverables_outstanding"_s);
        row("withdraw accepted deal", Stage::Accepted, u"creator"_s, u"deal/withdraw"_s, none, 409,
                illegal);
        row("cancel negotiating deal", Stage::Negotiating, u"brand"_s, u"deal/cancel"_s, none, 409,
                illegal);
        row("creator cancels", Stage::Accepted, u"creator"_s, u"deal/cancel"_s, none, 403,
                u"forbidden"_s);
        row("start completed deal", Stage::Completed, u"creator"_s, u"deal/start"_s, none, 409,
                illegal);
        row("cancel completed deal", Stage::Completed, u"brand"_s, u"deal/cancel"_s, none, 409,
                illegal);
        // Deliverables.
        row("second draft while in review", Stage::InReview, u"creator"_s,
                u"deliverable/versions"_s, draft, 409, illegal);
        row("brand submits draft", Stage::Accepted, u"brand"_s, u"deliverable/versions"_s, draft,
                403, u"forbidden"_s);
        row("review with nothing in review", Stage::Approved, u"brand"_s,
                u"deliverable/versions/1/review"_s, changes, 409, illegal);
        row("creator reviews", Stage::InReview, u"creator"_s, u"deliverable/versions/1/review"_s,
                changes, 403, u"forbidden"_s);
        row("no such version", Stage::InReview, u"brand"_s, u"deliverable/versions/7/review"_s,
                changes, 404, u"not_found"_s);
        row("live before approval", Stage::InReview, u"creator"_s, u"deliverable/live"_s, live, 409,
                illegal);
        row("live twice", Stage::Completed, u"creator"_s, u"deliverable/live"_s, live, 409,
                illegal);
        row("draft after approval", Stage::Approved, u"creator"_s, u"deliverable/versions"_s, draft,
                409, illegal);
    }
    void illegalTransitions()
    {
        QFETCH(int, stage);
        QFETCH(QString, actor);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, expectedCode);
        const Fixture f = fixture(static_cast<Stage>(stage));
        QString concrete = u"/api/v1/"_s + path;
        concrete.replace(u"campaign/"_s, u"campaigns/%1/"_s.arg(f.campaign))
                .replace(u"deal/"_s, u"deals/%1/"_s.arg(f.deal))
                .replace(u"deliverable/"_s, u"deliverables/%1/"_s.arg(f.deliverable))
                .replace(u"offer1"_s, f.offer1)
                .replace(u"offer2"_s, f.offer2);
        if (body.value(u"influencerId"_s).toString() == u"creator"_s) {
            body.insert(u"influencerId"_s, m_creatorId);
        }
        const QString before = dealState(f.deal);
        const qint64 events =
                scalar(u"SELECT count(*) FROM deal_events WHERE deal_id = '%1'"_s.arg(f.deal))
                        .toLongLong();
        const HttpReply reply = post(concrete, actor == u"brand"_s ? m_brand : m_creator, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(code(reply), expectedCode);
        // Nothing changed.
        QCOMPARE(dealState(f.deal), before);
        QCOMPARE(scalar(u"SELECT count(*) FROM deal_events WHERE deal_id = '%1'"_s.arg(f.deal))
                         .toLongLong(),
                events);
    }

    void illegalCampaignTransitions()
    {
        const QString draft = newCampaign(u"public"_s, false);
        const auto status = [&](const QString &action) {
            return post(u"/api/v1/campaigns/%1/%2"_s.arg(draft, action), m_brand);
        };
        for (const QString &action : {u"pause"_s, u"resume"_s, u"complete"_s}) {
            const HttpReply reply = status(action);
            QCOMPARE(reply.status, 409);
            QCOMPARE(code(reply), u"illegal_transition"_s);
        }
        // Invitations need an active campaign; a cancelled one is frozen.
        QCOMPARE(code(post(u"/api/v1/campaigns/%1/invitations"_s.arg(draft), m_brand,
                         {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(1000)}})),
                u"illegal_transition"_s);
        QCOMPARE(status(u"cancel"_s).status, 200);
        for (const QString &action :
                {u"launch"_s, u"pause"_s, u"resume"_s, u"complete"_s, u"cancel"_s}) {
            QCOMPARE(code(status(action)), u"illegal_transition"_s);
        }
        QCOMPARE(code(patch(u"/api/v1/campaigns/"_s + draft, m_brand, {{u"name"_s, u"x"_s}})),
                u"illegal_transition"_s);
        // Paused campaigns take no applications.
        const QString paused = newCampaign();
        QCOMPARE(post(u"/api/v1/campaigns/%1/pause"_s.arg(paused), m_brand).status, 200);
        QCOMPARE(code(post(u"/api/v1/campaigns/%1/applications"_s.arg(paused), m_creator)),
                u"applications_closed"_s);
        QCOMPARE(post(u"/api/v1/campaigns/%1/resume"_s.arg(paused), m_brand).status, 200);
        QCOMPARE(post(u"/api/v1/campaigns/%1/applications"_s.arg(paused), m_creator).status, 201);
    }

    void revisionRoundsAreCapped()
    {
        const Fixture f = fixture(Stage::ChangesRequested, 1);
        const QString item = u"/api/v1/deliverables/"_s + f.deliverable;
        QCOMPARE(post(item + u"/versions"_s, m_creator, {{u"caption"_s, u"v2"_s}}).status, 201);
        const HttpReply reply = post(item + u"/versions/2/review"_s, m_brand,
                {{u"decision"_s, u"changes_requested"_s}, {u"feedback"_s, u"More."_s}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(code(reply), u"revision_limit_reached"_s);
        // Still in review; approving with changes is allowed.
        QCOMPARE(get(item, m_brand).json().value(u"status"_s).toString(), u"in_review"_s);
        const HttpReply approved = post(item + u"/versions/2/review"_s, m_brand,
                {{u"decision"_s, u"approved_with_changes"_s},
                        {u"feedback"_s, u"Fix the typo before posting."_s}});
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json().value(u"status"_s).toString(), u"approved"_s);
    }

    void applicationAndDecline()
    {
        const QString campaign = newCampaign();
        HttpReply reply = post(u"/api/v1/campaigns/%1/applications"_s.arg(campaign), m_creator,
                {{u"message"_s, u"I hike there every week."_s}, {u"offer"_s, offer(40000)}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"state"_s).toString(), u"applied"_s);
        QCOMPARE(reply.json().value(u"origin"_s).toString(), u"application"_s);
        const QString deal = reply.json().value(u"id"_s).toString();
        const QString offerId =
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        // The brand's side got a notification (owner and staff).
        const auto notified = [&](const QString &token) {
            for (const QJsonValue &n : get(u"/api/v1/notifications?unread=true"_s, token)
                                               .json()
                                               .value(u"items"_s)
                                               .toArray()) {
                if (n.toObject().value(u"data"_s).toObject().value(u"dealId"_s).toString() == deal
                        && n.toObject().value(u"kind"_s).toString() == u"deal.applied"_s) {
                    return true;
                }
            }
            return false;
        };
        QVERIFY(notified(m_brand));
        QVERIFY(notified(m_staff));
        QVERIFY(!notified(m_creator));
        reply = post(u"/api/v1/deals/%1/offers/%2/decline"_s.arg(deal, offerId), m_brand);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"state"_s).toString(), u"declined"_s);
        // A closed deal allows a new application.
        QCOMPARE(post(u"/api/v1/campaigns/%1/applications"_s.arg(campaign), m_creator).status, 201);
        // Private campaigns take no applications (and are invisible).
        const QString secret = newCampaign(u"private"_s);
        QCOMPARE(post(u"/api/v1/campaigns/%1/applications"_s.arg(secret), m_otherCreator).status,
                404);
        QCOMPARE(get(u"/api/v1/campaigns/"_s + secret, m_otherCreator).status, 404);
        // Brands do not apply.
        QCOMPARE(post(u"/api/v1/campaigns/%1/applications"_s.arg(campaign), m_otherBrand).status,
                403);
    }

    void parallelAcceptsOneWins()
    {
        for (int round = 0; round < 5; ++round) {
            const Fixture f = fixture(Stage::Negotiating);
            QNetworkAccessManager first;
            QNetworkAccessManager second;
            QNetworkRequest request(m_server->url().resolved(
                    QUrl(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(f.deal, f.offer2))));
            request.setRawHeader("Authorization", "Bearer " + m_brand.toLatin1());
            QNetworkRequest staffRequest = request;
            staffRequest.setRawHeader("Authorization", "Bearer " + m_staff.toLatin1());
            QNetworkReply *a = first.post(request, QByteArray());
            QNetworkReply *b = second.post(staffRequest, QByteArray());
            QTRY_VERIFY_WITH_TIMEOUT(a->isFinished() && b->isFinished(), 20000);
            QList<int> statuses{a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                    b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int>{200, 409}));
            a->deleteLater();
            b->deleteLater();
            QCOMPARE(dealState(f.deal), u"accepted"_s);
            QCOMPARE(scalar(u"SELECT count(*) FROM deliverables WHERE deal_id = '%1'"_s.arg(f.deal))
                             .toInt(),
                    1);
            QCOMPARE(scalar(u"SELECT count(*) FROM deal_events WHERE deal_id = '%1' "
                            "AND kind = 'offer.accepted'"_s.arg(f.deal))
                             .toInt(),
                    1);
        }
    }

    void authorization_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const QStringList strangers{u"otherBrand"_s, u"otherCreator"_s};
        const QList<std::pair<QByteArray, QString>> routes{{"GET", u"campaign"_s},
                {"PATCH", u"campaign"_s}, {"POST", u"campaign/launch"_s},
                {"POST", u"campaign/pause"_s}, {"POST", u"campaign/cancel"_s},
                {"POST", u"campaign/invitations"_s}, {"POST", u"campaign/applications"_s},
                {"GET", u"deal"_s}, {"POST", u"deal/offers"_s},
                {"POST", u"deal/offers/offer2/accept"_s}, {"POST", u"deal/offers/offer2/decline"_s},
                {"POST", u"deal/start"_s}, {"POST", u"deal/complete"_s},
                {"POST", u"deal/withdraw"_s}, {"POST", u"deal/cancel"_s},
                {"GET", u"deal/messages"_s}, {"POST", u"deal/messages"_s},
                {"GET", u"deal/events"_s}, {"GET", u"deliverable"_s},
                {"POST", u"deliverable/versions"_s}, {"POST", u"deliverable/versions/1/review"_s},
                {"POST", u"deliverable/live"_s}, {"GET", u"brand/members"_s},
                {"POST", u"brand/members"_s}, {"DELETE", u"brand/members/staff"_s}};
        for (const QString &actor : strangers) {
            for (const auto &[method, path] : routes) {
                // A private campaign is unknown to another creator; so is everything in it.
                QTest::newRow(qPrintable(actor + u' ' + QString::fromLatin1(method) + u' ' + path))
                        << actor << method << path << 404;
            }
        }
    }
    void authorization()
    {
        QFETCH(QString, actor);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        // A private campaign with a deal whose draft is in review.
        const QString campaign = newCampaign(u"private"_s);
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, offer(1000)}});
        const QString deal = reply.json().value(u"id"_s).toString();
        reply = post(u"/api/v1/deals/%1/offers"_s.arg(deal), m_creator, offer(2000));
        const QString offer2 =
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        QString concrete = u"/api/v1/"_s + path;
        QString deliverable;
        if (path.startsWith(u"deliverable"_s)) {
            reply = post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offer2), m_brand);
            deliverable = reply.json()
                                  .value(u"deliverables"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"id"_s)
                                  .toString();
            post(u"/api/v1/deliverables/%1/versions"_s.arg(deliverable), m_creator,
                    {{u"caption"_s, u"x"_s}});
        }
        concrete.replace(u"campaign"_s, u"campaigns/"_s + campaign)
                .replace(u"deliverable"_s, u"deliverables/"_s + deliverable)
                .replace(u"deal"_s, u"deals/"_s + deal)
                .replace(u"offer2"_s, offer2)
                .replace(u"brand/"_s, u"brands/%1/"_s.arg(m_brandId))
                .replace(u"members/staff"_s, u"members/"_s + userIdOf(m_staff));
        const QString token = actor == u"otherBrand"_s ? m_otherBrand : m_otherCreator;
        const QString before = dealState(deal);
        const HttpReply answer = m_client->send(method, concrete,
                method == "GET" ? QByteArray()
                                : compact({{u"body"_s, u"hi"_s}, {u"caption"_s, u"x"_s},
                                        {u"decision"_s, u"approved"_s},
                                        {u"url"_s, u"https://x.example.com/p"_s},
                                        {u"userId"_s, userIdOf(token)},
                                        {u"influencerId"_s, m_otherCreatorId},
                                        {u"deliverables"_s, offer(1).value(u"deliverables"_s)},
                                        {u"feeMinor"_s, 1}, {u"currency"_s, u"EUR"_s},
                                        {u"offer"_s, offer(1)}}),
                as(token));
        QCOMPARE(answer.status, status);
        QCOMPARE(dealState(deal), before);
        // The parties and an admin do see it.
        QCOMPARE(get(u"/api/v1/deals/"_s + deal, m_creator).status, 200);
        QCOMPARE(get(u"/api/v1/deals/"_s + deal, m_staff).status, 200);
        QCOMPARE(get(u"/api/v1/deals/"_s + deal, m_admin).status, 200);
        QCOMPARE(get(u"/api/v1/campaigns/"_s + campaign, m_creator).status, 200);
    }

    void listsShowOnlyOwnObjects()
    {
        const Fixture f = fixture(Stage::Invited);
        const auto ids = [&](const QString &path, const QString &token) {
            QSet<QString> found;
            QString cursor;
            do {
                const QJsonObject page =
                        get(path + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor), token)
                                .json();
                for (const QJsonValue &item : page.value(u"items"_s).toArray()) {
                    found.insert(item.toObject().value(u"id"_s).toString());
                }
                cursor = page.value(u"nextCursor"_s).toString();
            } while (!cursor.isEmpty());
            return found;
        };
        QVERIFY(ids(u"/api/v1/deals?limit=2"_s, m_creator).contains(f.deal));
        QVERIFY(ids(u"/api/v1/deals?limit=2"_s, m_staff).contains(f.deal));
        QVERIFY(ids(u"/api/v1/deals?limit=50"_s, m_admin).contains(f.deal));
        QVERIFY(ids(u"/api/v1/deals?limit=50"_s, m_otherCreator).isEmpty());
        QVERIFY(ids(u"/api/v1/deals?limit=50"_s, m_otherBrand).isEmpty());
        QVERIFY(!ids(u"/api/v1/deals?state=invited&campaign="_s + f.campaign, m_brand).isEmpty());
        QVERIFY(ids(u"/api/v1/deals?state=completed&campaign="_s + f.campaign, m_brand).isEmpty());
        QVERIFY(ids(u"/api/v1/campaigns?view=own&limit=3"_s, m_brand).contains(f.campaign));
        QVERIFY(!ids(u"/api/v1/campaigns?view=own&limit=3"_s, m_otherBrand).contains(f.campaign));
        QVERIFY(ids(u"/api/v1/campaigns?view=own&limit=3"_s, m_creator).contains(f.campaign));
        for (const QJsonValue &item : get(u"/api/v1/campaigns?view=own&limit=100"_s, m_creator)
                                              .json()
                                              .value(u"items"_s)
                                              .toArray()) {
            QVERIFY2(!item.toObject().contains(u"budgetMinor"_s), "a creator saw a budget");
        }
        // A brand's edit of another field keeps the budget the creator's view leaves out.
        const QString campaignPath = u"/api/v1/campaigns/"_s + f.campaign;
        const qint64 budget = get(campaignPath, m_brand).json().value(u"budgetMinor"_s).toInteger();
        QVERIFY(budget > 0);
        const HttpReply renamed = patch(campaignPath, m_brand, {{u"name"_s, u"Renamed"_s}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(u"budgetMinor"_s).toInteger(), budget);
        QCOMPARE(get(campaignPath, m_brand).json().value(u"budgetMinor"_s).toInteger(), budget);
        QCOMPARE(get(u"/api/v1/deals?state=bogus"_s, m_brand).status, 400);
        QCOMPARE(get(u"/api/v1/deals?cursor=garbage"_s, m_brand).status, 400);
        QCOMPARE(get(u"/api/v1/campaigns?limit=101"_s, m_brand).status, 400);
    }

    void dealsFilterByCreatorName()
    {
        const Fixture f = fixture(Stage::Invited);
        const auto other = post(u"/api/v1/campaigns/%1/invitations"_s.arg(f.campaign), m_brand,
                {{u"influencerId"_s, m_otherCreatorId}, {u"offer"_s, offer(40000, 1, 1, 14)}});
        QCOMPARE(other.status, 201);
        const QString otherDeal = other.json().value(u"id"_s).toString();
        const auto creators = [&](const QString &query) {
            QStringList names;
            const QJsonObject page =
                    get(u"/api/v1/deals?limit=100&campaign=%1&%2"_s.arg(f.campaign, query), m_brand)
                            .json();
            for (const QJsonValue &item : page.value(u"items"_s).toArray()) {
                names << item.toObject().value(u"influencerName"_s).toString();
            }
            names.sort();
            return names;
        };
        // Any part of the display name, in any case; with the other filters; blank is no filter.
        QCOMPARE(creators(u"creator=lena"_s), QStringList{u"Lena Travels"_s});
        QCOMPARE(creators(u"creator=%20HIKES%20"_s), QStringList{u"Max Hikes"_s});
        QCOMPARE(creators(u"creator=a&state=invited"_s),
                (QStringList{u"Lena Travels"_s, u"Max Hikes"_s}));
        QCOMPARE(creators(u"creator=lena&state=negotiating"_s), QStringList());
        QCOMPARE(creators(u"creator=%20"_s), (QStringList{u"Lena Travels"_s, u"Max Hikes"_s}));
        // LIKE's wildcards are taken literally.
        QCOMPARE(creators(u"creator=%25"_s), QStringList());
        QCOMPARE(creators(u"creator=L_na"_s), QStringList());
        QCOMPARE(creators(u"creator=%5C"_s), QStringList());
        // The creator's own list (all under their own name) and the staff's (several brands'
        // merged scans) filter too.
        const auto ownIds = [&](const QString &query) {
            QSet<QString> found;
            for (const QJsonValue &item : get(u"/api/v1/deals?limit=100"_s + query, m_otherCreator)
                                                  .json()
                                                  .value(u"items"_s)
                                                  .toArray()) {
                found.insert(item.toObject().value(u"id"_s).toString());
            }
            return found;
        };
        QVERIFY(ownIds(u"&creator=max"_s).contains(otherDeal));
        QCOMPARE(ownIds(u"&creator=max"_s), ownIds(QString()));
        QVERIFY(ownIds(u"&creator=lena"_s).isEmpty());
        const QJsonArray staff =
                get(u"/api/v1/deals?limit=100&creator=hikes&campaign="_s + f.campaign, m_staff)
                        .json()
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(staff.size(), 1);
        QCOMPARE(staff.at(0).toObject().value(u"id"_s).toString(), otherDeal);
        const auto tooLong = get(u"/api/v1/deals?creator="_s + QString(101, u'x'), m_brand);
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.json().value(u"code"_s).toString(), u"invalid_parameter"_s);
    }

    void validationChangesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QJsonObject noName = campaignBody(u"x"_s);
        noName.remove(u"name"_s);
        QJsonObject badCurrency = campaignBody(u"x"_s);
        badCurrency.insert(u"currency"_s, u"EURO"_s);
        QJsonObject badDates = campaignBody(u"x"_s);
        badDates.insert(u"endDate"_s, day(-10));
        QJsonObject badObjective = campaignBody(u"x"_s);
        badObjective.insert(u"objective"_s, u"fame"_s);
        QJsonObject badTargeting = campaignBody(u"x"_s);
        badTargeting.insert(
                u"targeting"_s, QJsonObject{{u"minFollowers"_s, 10}, {u"maxFollowers"_s, 5}});
        QTest::newRow("campaign without name") << u"campaigns"_s << noName << u"name"_s;
        QTest::newRow("campaign currency") << u"campaigns"_s << badCurrency << u"currency"_s;
        QTest::newRow("campaign dates") << u"campaigns"_s << badDates << u"endDate"_s;
        QTest::newRow("campaign objective") << u"campaigns"_s << badObjective << u"objective"_s;
        QTest::newRow("campaign targeting")
                << u"campaigns"_s << badTargeting << u"targeting.maxFollowers"_s;
        QJsonObject noLines = offer(100);
        noLines.insert(u"deliverables"_s, QJsonArray{});
        QTest::newRow("invitation without deliverables")
                << u"invitations"_s
                << QJsonObject{{u"influencerId"_s, u"creator"_s}, {u"offer"_s, noLines}}
                << u"offer.deliverables"_s;
        QJsonObject badLine = offer(100);
        badLine.insert(u"deliverables"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"tweet"_s}, {u"platform"_s, u"instagram"_s},
                        {u"quantity"_s, 1}, {u"dueDate"_s, day(3)}}});
        QTest::newRow("invitation with unknown type")
                << u"invitations"_s
                << QJsonObject{{u"influencerId"_s, u"creator"_s}, {u"offer"_s, badLine}}
                << u"offer.deliverables[0].type"_s;
        QTest::newRow("invitation without creator")
                << u"invitations"_s << QJsonObject{{u"offer"_s, offer(100)}} << u"influencerId"_s;
        QTest::newRow("invitation of unknown creator")
                << u"invitations"_s
                << QJsonObject{{u"influencerId"_s,
                                       QUuid::createUuid().toString(QUuid::WithoutBraces)},
                           {u"offer"_s, offer(100)}}
                << u"influencerId"_s;
        QJsonObject dollars = offer(100);
        dollars.insert(u"currency"_s, u"USD"_s);
        QTest::newRow("invitation in another currency")
                << u"invitations"_s
                << QJsonObject{{u"influencerId"_s, u"creator"_s}, {u"offer"_s, dollars}}
                << u"offer.currency"_s;
        QJsonObject negative = offer(-5);
        QTest::newRow("negative fee")
                << u"invitations"_s
                << QJsonObject{{u"influencerId"_s, u"creator"_s}, {u"offer"_s, negative}}
                << u"offer.feeMinor"_s;
    }
    void validationChangesNothing()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QString campaign = newCampaign();
        if (body.value(u"influencerId"_s).toString() == u"creator"_s) {
            body.insert(u"influencerId"_s, m_creatorId);
        }
        const QString url = path == u"campaigns"_s
                ? u"/api/v1/campaigns"_s
                : u"/api/v1/campaigns/%1/%2"_s.arg(campaign, path);
        const qint64 campaigns = scalar(u"SELECT count(*) FROM campaigns"_s).toLongLong();
        const qint64 deals = scalar(u"SELECT count(*) FROM deals"_s).toLongLong();
        const HttpReply reply = post(url, m_brand, body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(code(reply), u"validation_failed"_s);
        QStringList fields;
        for (const QJsonValue &e : reply.json().value(u"errors"_s).toArray()) {
            fields << e.toObject().value(u"field"_s).toString();
        }
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u", "_s)));
        QCOMPARE(scalar(u"SELECT count(*) FROM campaigns"_s).toLongLong(), campaigns);
        QCOMPARE(scalar(u"SELECT count(*) FROM deals"_s).toLongLong(), deals);
    }

    void otherValidation()
    {
        const Fixture f = fixture(Stage::InReview);
        const QString item = u"/api/v1/deliverables/"_s + f.deliverable;
        HttpReply reply = post(
                item + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"changes_requested"_s}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(u"errors"_s).toArray().at(0).toObject().value(u"field"_s),
                u"feedback"_s);
        QCOMPARE(
                post(item + u"/versions/1/review"_s, m_brand, {{u"decision"_s, u"maybe"_s}}).status,
                422);
        QCOMPARE(post(item + u"/versions/abc/review"_s, m_brand, {{u"decision"_s, u"approved"_s}})
                         .status,
                400);
        QCOMPARE(post(u"/api/v1/deals/%1/messages"_s.arg(f.deal), m_creator, {{u"body"_s, u" "_s}})
                         .status,
                422);
        QCOMPARE(get(item, m_brand).json().value(u"status"_s).toString(), u"in_review"_s);
        // Mass assignment is ignored: status, ids and timestamps come from the server.
        QJsonObject sneaky = campaignBody(u"Sneaky"_s);
        sneaky.insert(u"status"_s, u"completed"_s);
        sneaky.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        sneaky.insert(u"launchedAt"_s, u"2020-01-01T00:00:00Z"_s);
        reply = post(u"/api/v1/campaigns"_s, m_brand, sneaky);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"draft"_s);
        QVERIFY(reply.json().value(u"launchedAt"_s).isNull());
        QVERIFY(reply.json().value(u"id"_s) != sneaky.value(u"id"_s));
        // Naming a brand one does not act for is refused.
        sneaky.insert(u"brandId"_s, userIdOf(m_otherBrand));
        QCOMPARE(post(u"/api/v1/campaigns"_s, m_brand, sneaky).status, 422);
        // Creators without a brand create no campaigns.
        QCOMPARE(post(u"/api/v1/campaigns"_s, m_creator, campaignBody(u"x"_s)).status, 422);
        // Malformed JSON and a wrong content type.
        QCOMPARE(m_client->send("POST", u"/api/v1/campaigns"_s, "{", as(m_brand)).status, 400);
    }

    void notificationsAreWrittenAndRead()
    {
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_creator).status, 200);
        const Fixture f = fixture(Stage::Accepted);
        const QJsonObject page = get(u"/api/v1/notifications?unread=true"_s, m_creator).json();
        QStringList kinds;
        QString invitation;
        for (const QJsonValue &n : page.value(u"items"_s).toArray()) {
            const QJsonObject object = n.toObject();
            if (object.value(u"data"_s).toObject().value(u"dealId"_s).toString() == f.deal) {
                kinds << object.value(u"kind"_s).toString();
                if (object.value(u"kind"_s).toString() == u"deal.invited"_s) {
                    invitation = object.value(u"id"_s).toString();
                }
                QCOMPARE(object.value(u"read"_s).toBool(), false);
            }
        }
        // The creator acted on nothing of their own but is told of the invitation and the
        // acceptance of their counter-offer (not of their own counter-offer).
        QCOMPARE(kinds, (QStringList{u"offer.accepted"_s, u"deal.invited"_s}));
        QCOMPARE(post(u"/api/v1/notifications/%1/read"_s.arg(invitation), m_otherCreator).status,
                404);
        const HttpReply read = post(u"/api/v1/notifications/%1/read"_s.arg(invitation), m_creator);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(u"read"_s).toBool(), true);
        const HttpReply all = post(u"/api/v1/notifications/read-all"_s, m_creator);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(u"updated"_s).toInt(), 1);
        QCOMPARE(get(u"/api/v1/notifications?unread=true"_s, m_creator)
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                0);
        QVERIFY(get(u"/api/v1/notifications"_s, m_creator).json().value(u"items"_s).toArray().size()
                >= 2);
    }

    void notificationsNameTheCampaignAndTheOtherParty()
    {
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_creator).status, 200);
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_brand).status, 200);
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_staff).status, 200);
        const Fixture f = fixture(Stage::Accepted);
        const QString campaignName = get(u"/api/v1/campaigns/%1"_s.arg(f.campaign), m_brand)
                                             .json()
                                             .value(u"name"_s)
                                             .toString();
        QVERIFY(!campaignName.isEmpty());
        // The creator's submitted draft tells the brand of a deliverable (its deal is found
        // through it).
        QCOMPARE(post(u"/api/v1/deliverables/%1/versions"_s.arg(f.deliverable), m_creator,
                         {{u"caption"_s, u"First draft"_s}})
                         .status,
                201);
        const auto unread = [&](const QString &token) {
            QMap<QString, QJsonObject> byKind;
            for (const QJsonValue &n : get(u"/api/v1/notifications?unread=true"_s, token)
                                               .json()
                                               .value(u"items"_s)
                                               .toArray()) {
                byKind.insert(n.toObject().value(u"kind"_s).toString(), n.toObject());
            }
            return byKind;
        };
        const auto names = [&](const QJsonObject &n, const QString &side, const QString &name) {
            const QJsonObject counterparty = n.value(u"counterparty"_s).toObject();
            return n.value(u"dealId"_s).toString() == f.deal
                    && n.value(u"campaignId"_s).toString() == f.campaign
                    && n.value(u"campaignName"_s).toString() == campaignName
                    && counterparty.value(u"side"_s).toString() == side
                    && counterparty.value(u"name"_s).toString() == name;
        };
        // The creator reads of the brand: its invitation and the acceptance of the counter-offer.
        const auto creator = unread(m_creator);
        QCOMPARE(creator.keys(), (QStringList{u"deal.invited"_s, u"offer.accepted"_s}));
        for (const QJsonObject &n : creator) {
            QVERIFY2(
                    names(n, u"brand"_s, u"Alpine Boots"_s), QJsonDocument(n).toJson().constData());
        }
        // The brand's owner and staff read of the creator, also about a deliverable.
        for (const QString &token : {m_brand, m_staff}) {
            const auto brand = unread(token);
            QCOMPARE(brand.keys(),
                    (QStringList{u"deal.started"_s, u"deliverable.submitted"_s, u"offer.made"_s}));
            QCOMPARE(brand.value(u"deliverable.submitted"_s).value(u"objectType"_s).toString(),
                    u"deliverable"_s);
            for (const QJsonObject &n : brand) {
                QVERIFY2(names(n, u"creator"_s, u"Lena Travels"_s),
                        QJsonDocument(n).toJson().constData());
            }
        }

        // A row written with only its deal in the data (as the demo data writes them) names
        // them too, and marking it read answers the same shape.
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_brand).status, 200);
        QVERIFY(m_db->execDirect(
                u"INSERT INTO notifications (user_id, kind, object_type, "
                "object_id, data) SELECT u.id, 'offer.made', 'deal', d.id, "
                "jsonb_build_object('dealId', d.id) FROM users u, deals d "
                "WHERE u.email = 'brand@example.com' AND d.id = '%1'"_s.arg(f.deal)));
        const auto bare = unread(m_brand);
        QCOMPARE(bare.keys(), (QStringList{u"offer.made"_s}));
        const QJsonObject row = bare.value(u"offer.made"_s);
        QVERIFY2(names(row, u"creator"_s, u"Lena Travels"_s),
                QJsonDocument(row).toJson().constData());
        QVERIFY(!row.value(u"data"_s).toObject().contains(u"campaignName"_s));
        const HttpReply read = post(
                u"/api/v1/notifications/%1/read"_s.arg(row.value(u"id"_s).toString()), m_brand);
        QCOMPARE(read.status, 200);
        QVERIFY2(names(read.json(), u"creator"_s, u"Lena Travels"_s), read.body.constData());
        QCOMPARE(read.json().value(u"read"_s).toBool(), true);
    }

    void unreadCountFollowsTheOtherSide()
    {
        const auto count = [&](const QString &token) {
            const HttpReply reply = get(u"/api/v1/notifications/unread-count"_s, token);
            return reply.status == 200 ? reply.json().value(u"count"_s).toInt(-1) : -reply.status;
        };
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_creator).status, 200);
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_brand).status, 200);
        QCOMPARE(count(m_creator), 0);
        QCOMPARE(count(m_brand), 0);
        const int staff = count(m_staff);
        const int other = count(m_otherCreator);
        QVERIFY(staff >= 0 && other >= 0);

        // The brand invites: the creator is told, the brand (who acted) is not.
        const Fixture f = fixture(Stage::Invited);
        QCOMPARE(count(m_creator), 1);
        QCOMPARE(count(m_brand), 0);
        // The creator counters: the brand's owner and staff are told, each on their own count.
        const HttpReply countered =
                post(u"/api/v1/deals/%1/offers"_s.arg(f.deal), m_creator, offer(55000, 1, 1, 14));
        QCOMPARE(countered.status, 201);
        QCOMPARE(count(m_brand), 1);
        QCOMPARE(count(m_staff), staff + 1);
        QCOMPARE(count(m_creator), 1);
        QCOMPARE(count(m_otherCreator), other);
        const QString counterOffer =
                countered.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(f.deal, counterOffer), m_brand)
                         .status,
                200);
        QCOMPARE(count(m_creator), 2);

        // Reading one lowers only the reader's count.
        const QJsonArray brandUnread = get(u"/api/v1/notifications?unread=true"_s, m_brand)
                                               .json()
                                               .value(u"items"_s)
                                               .toArray();
        QCOMPARE(brandUnread.size(), 1);
        const QString id = brandUnread.at(0).toObject().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/notifications/%1/read"_s.arg(id), m_brand).status, 200);
        QCOMPARE(count(m_brand), 0);
        QCOMPARE(count(m_staff), staff + 1);
        // Reading it again changes nothing.
        QCOMPARE(post(u"/api/v1/notifications/%1/read"_s.arg(id), m_brand).status, 200);
        QCOMPARE(count(m_brand), 0);
        QCOMPARE(post(u"/api/v1/notifications/read-all"_s, m_creator).status, 200);
        QCOMPARE(count(m_creator), 0);
        QCOMPARE(count(m_staff), staff + 1);
        QCOMPARE(count(m_otherCreator), other);

        // Only for someone signed in; the answer is exactly {"count": n}.
        QCOMPARE(count(QString()), -401);
        QCOMPARE(count(u"not-a-token"_s), -401);
        const QJsonObject body = get(u"/api/v1/notifications/unread-count"_s, m_staff).json();
        QCOMPARE(body.keys(), QStringList{u"count"_s});

        // The partial index of unread notifications (migration 0005) answers the count, so no
        // new index is needed. Sequential scans are switched off (the table is small here), and
        // the full index of notifications per user is dropped for this look only (rolled back):
        // on a table this small the planner's choice between the two depends on its statistics.
        // EXPLAIN cannot be prepared; a function of this session runs it.
        QVERIFY(m_db->execDirect(u"BEGIN"_s));
        QVERIFY(m_db->execDirect(u"DROP INDEX notifications_user_idx"_s));
        QVERIFY(m_db->execDirect(u"SET LOCAL enable_seqscan = off"_s));
        QVERIFY(m_db->execDirect(
                u"CREATE FUNCTION pg_temp.query_plan(q text) RETURNS SETOF text "
                "LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY EXECUTE 'EXPLAIN ' || q; END $$"_s));
        const QString plan = scalar(u"SELECT string_agg(line, ' ') FROM pg_temp.query_plan("
                                    "'SELECT count(*) FROM notifications WHERE user_id = ''%1'' "
                                    "AND read_at IS NULL') AS line"_s.arg(m_brandId))
                                     .toString();
        QVERIFY(m_db->execDirect(u"ROLLBACK"_s));
        QVERIFY2(plan.contains(u"notifications_unread_idx"_s), qPrintable(plan));
        QCOMPARE(scalar(u"SELECT count(*) FROM pg_indexes WHERE indexname = "
                        "'notifications_user_idx'"_s)
                         .toInt(),
                1);
    }

    void overdueDeliverables()
    {
        const Fixture late = fixture(Stage::Accepted, 1, -3);
        const Fixture onTime = fixture(Stage::Accepted, 1, 10);
        QSet<QString> deals;
        for (const QJsonValue &d : get(u"/api/v1/deals?overdue=true&limit=100"_s, m_brand)
                                           .json()
                                           .value(u"items"_s)
                                           .toArray()) {
            deals.insert(d.toObject().value(u"id"_s).toString());
            QVERIFY(d.toObject().value(u"overdue"_s).toBool());
        }
        QVERIFY(deals.contains(late.deal));
        QVERIFY(!deals.contains(onTime.deal));
        const QJsonArray items =
                get(u"/api/v1/deliverables?overdue=true&deal="_s + late.deal, m_creator)
                        .json()
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"overdue"_s).toBool(), true);
        QCOMPARE(get(u"/api/v1/deliverables?overdue=true&deal="_s + onTime.deal, m_creator)
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                0);
        QCOMPARE(get(u"/api/v1/deliverables?deal="_s + late.deal, m_otherCreator)
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                0);
    }

    void deliverablesPageByDueDate()
    {
        fixture(Stage::Accepted, 1, 30);
        fixture(Stage::Accepted, 1, -30);
        QSet<QString> seen;
        QString previous;
        QString cursor;
        int pages = 0;
        do {
            const QJsonObject page = get(u"/api/v1/deliverables?limit=2"_s
                            + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor),
                    m_creator)
                                             .json();
            for (const auto &item : page.value(u"items"_s).toArray()) {
                const QString id = item.toObject().value(u"id"_s).toString();
                const QString due = item.toObject().value(u"dueDate"_s).toString();
                QVERIFY(!seen.contains(id));
                QVERIFY(due >= previous);
                seen.insert(id);
                previous = due;
            }
            cursor = page.value(u"nextCursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty());
        QVERIFY(pages > 2);
        QCOMPARE(seen.size(),
                scalar(u"SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
                       "WHERE d.influencer_id = '%1' AND d.state IN ('accepted', 'in_progress', "
                       "'completed')"_s.arg(m_creatorId))
                        .toInt());
    }

    void cancellingCampaignClosesDeals()
    {
        const Fixture invited = fixture(Stage::Invited);
        const QString campaign = invited.campaign;
        // A second, accepted deal in the same campaign (the other creator).
        HttpReply reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand,
                {{u"influencerId"_s, m_otherCreatorId}, {u"offer"_s, offer(1000)}});
        const QString accepted = reply.json().value(u"id"_s).toString();
        const QString offerId =
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(accepted, offerId), m_otherCreator)
                         .status,
                200);
        reply = post(u"/api/v1/campaigns/%1/cancel"_s.arg(campaign), m_staff);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"cancelled"_s);
        QCOMPARE(dealState(invited.deal), u"cancelled"_s);
        QCOMPARE(dealState(accepted), u"cancelled"_s);
        QCOMPARE(scalar(u"SELECT status FROM offers WHERE id = '%1'"_s.arg(invited.offer1))
                         .toString(),
                u"withdrawn"_s);
        QCOMPARE(scalar(u"SELECT terms IS NOT NULL FROM deals WHERE id = '%1'"_s.arg(accepted))
                         .toBool(),
                true);
        QVERIFY(eventKinds(get(u"/api/v1/deals/%1/events"_s.arg(accepted), m_otherCreator).json())
                        .contains(u"deal.cancelled"_s));
        // Withdrawal of a negotiation by the creator.
        const Fixture negotiating = fixture(Stage::Negotiating);
        reply = post(u"/api/v1/deals/%1/withdraw"_s.arg(negotiating.deal), m_creator);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"state"_s).toString(), u"withdrawn"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM offers WHERE deal_id = '%1' AND status = 'open'"_s
                                 .arg(negotiating.deal))
                         .toInt(),
                0);
    }

    void databaseKeepsInvariants()
    {
        const Fixture f = fixture(Stage::InReview);
        // A second version in review, a second live deal, a second open offer: refused by the
        // database itself, whatever the server does.
        QVERIFY(!m_db->execDirect(u"INSERT INTO deliverable_versions (deliverable_id, version) "
                                  "VALUES ('%1', 9)"_s.arg(f.deliverable)));
        QVERIFY(!m_db->execDirect(
                u"INSERT INTO deals (campaign_id, brand_id, influencer_id, origin, state) "
                "SELECT campaign_id, brand_id, influencer_id, origin, 'invited' FROM deals "
                "WHERE id = '%1'"_s.arg(f.deal)));
        QVERIFY(!m_db->execDirect(
                u"UPDATE deliverables SET revisions_used = max_revisions + 1 WHERE id = '%1'"_s.arg(
                        f.deliverable)));
        QVERIFY(!m_db->execDirect(u"UPDATE deals SET terms = NULL WHERE id = '%1'"_s.arg(f.deal)));
    }

    /// The demo data set (influence-server seed) holds deals at every point of the workflow,
    /// consistent with what the API shows.
    void demoDataShowsTheWorkflow()
    {
        const QString url = tests::TestDatabase::instance().freshDatabase().toUrlString();
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        settings->url = *server::db::DatabaseUrl::parse(url);
        server::db::Connection c(settings, u"collab-demo"_s);
        QVERIFY(server::db::Migrator().migrate(c));
        server::seed::SeedOptions options;
        options.influencers = 40;
        options.brands = 5;
        options.days = 1;
        QVERIFY(server::seed::seedDatabase(c, options));
        const auto scalarIn = [](server::db::Connection &connection, const QString &text) {
            const auto value = connection.scalar(server::db::SqlStatement(text));
            return value ? *value : QVariant();
        };
        // A real account outside the demo domain, first in id order among the brands: never
        // touched by the demo sign-ins.
        QVERIFY(c.execDirect(
                u"INSERT INTO users (id, email, role, password_hash) VALUES ("
                "'00000000-0000-4000-8000-000000000001', 'owner@brand.test', 'brand', 'kept');"
                "INSERT INTO brand_details (user_id, company_name) VALUES ("
                "'00000000-0000-4000-8000-000000000001', 'Real Brand')"_s));
        // `serve --demo` gives three demo accounts fresh passwords at every start.
        const server::auth::PasswordHasher hasher({.memoryKiB = 64, .iterations = 1});
        const auto first = server::seed::issueDemoSignIns(c, hasher);
        QVERIFY(first);
        QCOMPARE(first->size(), 3);
        QCOMPARE(first->at(0).email, u"admin@example.com"_s);
        QCOMPARE(first->at(0).role, u"admin"_s);
        QCOMPARE(first->at(1).role, u"brand"_s);
        QCOMPARE(first->at(2).role, u"influencer"_s);
        const auto again = server::seed::issueDemoSignIns(c, hasher);
        QVERIFY(again);
        QCOMPARE(again->size(), 3);
        QSet<QString> passwords;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(again->at(i).email, first->at(i).email);
            QVERIFY(again->at(i).password.size() >= 16);
            passwords << first->at(i).password << again->at(i).password;
            // Stored hashed only.
            QVERIFY(scalarIn(c,
                    u"SELECT password_hash LIKE '$argon2id$%' FROM users WHERE email = '%1'"_s.arg(
                            again->at(i).email))
                            .toBool());
        }
        QCOMPARE(passwords.size(), 6);
        QCOMPARE(scalarIn(c, u"SELECT password_hash FROM users WHERE email = 'owner@brand.test'"_s)
                         .toString(),
                u"kept"_s);
        const QString email = again->at(1).email;
        QVERIFY(email.endsWith(u"example.com"_s));

        TestServer::Options serverOptions;
        serverOptions.databaseUrl = url;
        TestServer demo(serverOptions);
        QVERIFY2(demo.isRunning(), qPrintable(demo.error()));
        HttpTestClient client(demo.url());
        const auto signIn = [&client](const server::seed::DemoSignIn &account) {
            return client.postJson(u"/api/v1/auth/login"_s,
                    {{u"email"_s, account.email}, {u"password"_s, account.password}});
        };
        // The first passwords were replaced; the new ones open all three accounts.
        QCOMPARE(signIn(first->at(1)).status, 401);
        QCOMPARE(signIn(again->at(0)).status, 200);
        const QString creatorToken = signIn(again->at(2)).json().value(u"accessToken"_s).toString();
        QVERIFY(!creatorToken.isEmpty());
        bool creatorHasDealInProgress = false;
        for (const auto &deal : client.get(u"/api/v1/deals"_s, as(creatorToken))
                                        .json()
                                        .value(u"items"_s)
                                        .toArray()) {
            creatorHasDealInProgress = creatorHasDealInProgress
                    || deal.toObject().value(u"state"_s).toString() == u"in_progress"_s;
        }
        QVERIFY(creatorHasDealInProgress);
        const QString token = signIn(again->at(1)).json().value(u"accessToken"_s).toString();
        QVERIFY(!token.isEmpty());
        const QJsonArray deals =
                client.get(u"/api/v1/deals"_s, as(token)).json().value(u"items"_s).toArray();
        QSet<QString> states;
        for (const auto &deal : deals) {
            states.insert(deal.toObject().value(u"state"_s).toString());
            const HttpReply detail = client.get(
                    u"/api/v1/deals/"_s + deal.toObject().value(u"id"_s).toString(), as(token));
            QCOMPARE(detail.status, 200);
        }
        QCOMPARE(states,
                (QSet<QString>{u"invited"_s, u"negotiating"_s, u"in_progress"_s, u"completed"_s}));
        QCOMPARE(client.get(u"/api/v1/deals?overdue=true"_s, as(token))
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                1);
        QCOMPARE(client.get(u"/api/v1/campaigns"_s, as(token))
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                2);
        QCOMPARE(client.get(u"/api/v1/notifications?unread=true"_s, as(token))
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                2);
        // The next start's passwords end the sessions signed in with these, as a reset does.
        QCOMPARE(client.get(u"/api/v1/me"_s, as(creatorToken)).status, 200);
        QVERIFY(server::seed::issueDemoSignIns(c, hasher));
        QCOMPARE(client.get(u"/api/v1/me"_s, as(creatorToken)).status, 401);
        QCOMPARE(signIn(again->at(2)).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiCollab)
#include "tst_api_collab.moc"
