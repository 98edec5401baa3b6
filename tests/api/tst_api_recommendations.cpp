// SPDX-License-Identifier: Apache-2.0
// Recommendations over HTTP against PostgreSQL, on two server processes sharing one database:
// each of the eight factors decides the order of two otherwise equal creators (and flips it when
// it favours the other), the exclusions, freshness after a profile change made through the other
// server, authorization, paging, and similar creators on planted pairs.
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

const QStringList kFactorCodes{u"topic"_s, u"audience"_s, u"size"_s, u"engagement"_s,
        u"authenticity"_s, u"price"_s, u"performance"_s, u"declines"_s};

QString code(const HttpReply &reply)
{
    return reply.json().value(u"code"_s).toString();
}

QJsonObject reelOffer(qint64 fee)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1}, {u"dueDate"_s, influence::tests::isoDay(14)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
}

} // namespace

class TestApiRecommendations : public QObject
{
    Q_OBJECT

private:
    struct Creator
    {
        QString token;
        QString id;
    };

    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second; ///< another process on the same database
    std::unique_ptr<HttpTestClient> m_clientA;
    std::unique_ptr<HttpTestClient> m_clientB;
    std::unique_ptr<ApiSession> m_a;
    std::unique_ptr<ApiSession> m_b;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_staff;
    QString m_otherBrand;
    QString m_campaign; ///< the campaign the factors are judged against
    Creator m_left; ///< two creators equal in everything but the factor under test
    Creator m_right;
    int m_count = 0;

    bool exec(const QString &sql) { return bool(m_db->execDirect(sql)); }
    QVariant scalar(const QString &text)
    {
        const auto value = m_db->scalar(server::db::SqlStatement(text));
        return value ? *value : QVariant(u"error"_s);
    }

    /// A creator with a profile and one Instagram account (verified unless `verified` is false).
    Creator newCreator(const QString &name, const QString &bio, const QStringList &niches,
            const QString &country, qint64 followers, bool verified = true)
    {
        const QString email = u"creator%1@example.com"_s.arg(++m_count);
        Creator c{m_a->signUp(email, u"influencer"_s), {}};
        c.id = m_a->userIdOf(c.token);
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, bio},
                {u"niches"_s, QJsonArray::fromStringList(niches)}, {u"country"_s, country},
                {u"languages"_s, QJsonArray{u"de"_s}},
                {u"rates"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"amountMinor"_s, 50000},
                                {u"currency"_s, u"EUR"_s}}}}};
        if (m_a->put(u"/api/v1/me/influencer"_s, c.token, profile).status != 201) {
            return {};
        }
        exec(u"INSERT INTO connected_accounts (influencer_id, platform, handle, external_id, "
             "followers, status, engagement_rate, authenticity_score) VALUES ('%1', 'instagram', "
             "'h%2', %3, %4, '%5', 0.03, 80)"_s.arg(c.id, QString::number(m_count),
                     verified ? u"'ext%1'"_s.arg(m_count) : u"NULL"_s, QString::number(followers),
                     verified ? u"connected"_s : u"manual"_s));
        return c;
    }

    /// The recommendations' creator ids for `campaign` (all of them: limit 100), through `api`.
    QStringList ranking(ApiSession &api, const QString &campaign = {})
    {
        const HttpReply reply = api.get(u"/api/v1/campaigns/%1/recommendations?limit=100"_s.arg(
                                                campaign.isEmpty() ? m_campaign : campaign),
                m_brand);
        QStringList ids;
        if (reply.status != 200) {
            qWarning("recommendations answered %d: %s", reply.status, reply.body.constData());
            return {u"error"_s};
        }
        for (const auto &item : reply.json().value(u"items"_s).toArray()) {
            ids.append(item[u"influencer"_s][u"id"_s].toString());
        }
        return ids;
    }
    /// Whether `first` ranks above `second` (both must be listed).
    bool above(ApiSession &api, const Creator &first, const Creator &second)
    {
        const QStringList ids = ranking(api);
        const auto a = ids.indexOf(first.id);
        const auto b = ids.indexOf(second.id);
        if (a < 0 || b < 0) {
            qWarning("not both listed: %lld %lld", static_cast<long long>(a),
                    static_cast<long long>(b));
            return false;
        }
        return a < b;
    }
    /// The two test creators back to equal in everything the factors read of their profiles.
    bool baseline()
    {
        const QString both = u"('%1', '%2')"_s.arg(m_left.id, m_right.id);
        return exec(u"UPDATE influencer_details SET bio = 'Trail runner sharing alpine routes', "
                    "niches = '{outdoors}', country = 'AT', languages = '{de}' WHERE user_id IN "_s
                       + both)
                && exec(u"UPDATE connected_accounts SET followers = 100000, engagement_rate = "
                        "0.03, authenticity_score = 80 WHERE influencer_id IN "_s
                        + both)
                && exec(u"DELETE FROM account_audience WHERE account_id IN (SELECT id FROM "
                        "connected_accounts WHERE influencer_id IN "_s
                        + both + u")"_s)
                && exec(u"UPDATE influencer_rates SET amount_minor = 50000 WHERE influencer_id IN "_s
                        + both);
    }
    QString accountOf(const Creator &c)
    {
        return scalar(u"SELECT id FROM connected_accounts WHERE influencer_id = '%1'"_s.arg(c.id))
                .toString();
    }
    /// Makes `factor` favour `winner` over `loser` (from the baseline).
    bool favour(const QString &factor, const Creator &winner, const Creator &loser)
    {
        if (!baseline()) {
            return false;
        }
        if (factor == u"topic"_s) {
            return exec(u"UPDATE influencer_details SET bio = 'Vegan protein bars for my trail "
                        "runs' WHERE user_id = '%1'"_s.arg(winner.id));
        }
        if (factor == u"audience"_s) {
            return exec(u"INSERT INTO account_audience (account_id, dimension, code, share) "
                        "VALUES ('%1', 'country', 'DE', 0.6), ('%1', 'language', 'de', 0.7)"_s.arg(
                                accountOf(winner)));
        }
        if (factor == u"size"_s) {
            return exec(u"UPDATE connected_accounts SET followers = 3000000 WHERE influencer_id "
                        "= '%1'"_s.arg(loser.id));
        }
        if (factor == u"engagement"_s) {
            return exec(u"UPDATE connected_accounts SET engagement_rate = 0.08 WHERE "
                        "influencer_id = '%1'"_s.arg(winner.id));
        }
        if (factor == u"authenticity"_s) {
            return exec(u"UPDATE connected_accounts SET authenticity_score = 30 WHERE "
                        "influencer_id = '%1'"_s.arg(loser.id));
        }
        if (factor == u"price"_s) {
            return exec(u"UPDATE influencer_rates SET amount_minor = 900000 WHERE influencer_id "
                        "= '%1'"_s.arg(loser.id));
        }
        return false;
    }

    QString newCampaign(const QString &name, const QJsonObject &targeting, qint64 budget)
    {
        const QJsonObject body{{u"name"_s, name},
                {u"brief"_s, u"Vegan protein bars for trail runners in the Alps."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"targeting"_s, targeting},
                {u"budgetMinor"_s, budget}, {u"currency"_s, u"EUR"_s},
                {u"startDate"_s, influence::tests::isoDay(0)},
                {u"endDate"_s, influence::tests::isoDay(60)}};
        const QString id =
                m_a->post(u"/api/v1/campaigns"_s, m_brand, body).json()[u"id"_s].toString();
        m_a->post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brand);
        return id;
    }
    /// Invites `creator` to `campaign`: the deal's id and its offer's.
    std::pair<QString, QString> invite(const QString &campaign, const Creator &creator)
    {
        QJsonObject body;
        body.insert(u"influencerId"_s, creator.id);
        body.insert(u"offer"_s, reelOffer(100000));
        const QJsonObject deal =
                m_a->post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brand, body)
                        .json();
        return {deal[u"id"_s].toString(), deal[u"latestOffer"_s][u"id"_s].toString()};
    }
    /// A completed deal of `creator` in `campaign` (a fee of 1 000 EUR) whose one post has
    /// `engagements` likes.
    bool completedDeal(const QString &campaign, const Creator &creator, int engagements)
    {
        const auto [deal, offer] = invite(campaign, creator);
        const HttpReply accepted =
                m_a->post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offer), creator.token);
        const QJsonArray deliverables = accepted.json()[u"deliverables"_s].toArray();
        if (deliverables.size() != 1) {
            qWarning("accept answered %d: %s", accepted.status, accepted.body.constData());
            return false;
        }
        const QString d = deliverables[0][u"id"_s].toString();
        const QString base = u"/api/v1/deliverables/"_s + d;
        if (m_a->post(base + u"/versions"_s, creator.token, {{u"caption"_s, u"Draft"_s}}).status
                        != 201
                || m_a->post(base + u"/versions/1/review"_s, m_brand,
                              {{u"decision"_s, u"approved"_s}})
                                .status
                        != 200
                || m_a->post(base + u"/live"_s, creator.token,
                              {{u"url"_s, QString(u"https://instagram.com/p/"_s + d.left(8))}})
                                .status
                        != 200) {
            qWarning("a deliverable did not go live");
            return false;
        }
        const QString post = scalar(
                u"INSERT INTO posts (influencer_id, platform, kind, published_at, deliverable_id, "
                "url) VALUES ('%1', 'instagram', 'reel', now(), '%2', 'https://instagram.com/p/x') "
                "RETURNING id"_s.arg(creator.id, d))
                                     .toString();
        if (!exec(u"INSERT INTO post_metrics (post_id, day, likes, source) VALUES ('%1', "
                  "current_date, %2, 'platform')"_s.arg(post, QString::number(engagements)))) {
            return false;
        }
        // The last deliverable going live completes the deal.
        return scalar(u"SELECT state FROM deals WHERE id = '%1'"_s.arg(deal)).toString()
                == u"completed"_s;
    }
    bool setEngagements(const Creator &creator, int engagements)
    {
        return exec(u"UPDATE post_metrics SET likes = %1 WHERE post_id IN (SELECT id FROM posts "
                    "WHERE influencer_id = '%2')"_s.arg(QString::number(engagements), creator.id));
    }
    bool declines(const QString &campaign, const Creator &creator)
    {
        const auto [deal, offer] = invite(campaign, creator);
        return m_a->post(u"/api/v1/deals/%1/offers/%2/decline"_s.arg(deal, offer), creator.token)
                       .status
                == 200;
    }
    QJsonObject factorOf(const QJsonObject &item, const QString &factor)
    {
        for (const auto &f : item[u"factors"_s].toArray()) {
            if (f[u"code"_s].toString() == factor) {
                return f.toObject();
            }
        }
        return {};
    }
    QJsonObject itemOf(ApiSession &api, const Creator &creator)
    {
        const auto items =
                api.get(u"/api/v1/campaigns/%1/recommendations?limit=100"_s.arg(m_campaign),
                           m_brand)
                        .json()[u"items"_s]
                        .toArray();
        for (const auto &item : items) {
            if (item[u"influencer"_s][u"id"_s].toString() == creator.id) {
                return item.toObject();
            }
        }
        return {};
    }
    QStringList similarIds(const QString &path)
    {
        const HttpReply reply = m_b->get(path, m_brand);
        QStringList ids;
        for (const auto &item : reply.json().value(u"items"_s).toArray()) {
            ids.append(item[u"influencer"_s][u"id"_s].toString());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answerShape();
    void profileFactors_data();
    void profileFactors();
    void freshnessAcrossServers();
    void performance();
    void recentDeclines();
    void exclusions();
    void authorization();
    void paging();
    void similarPlantedPairs();
    void similarMoreLikeThese();
    void similarRefusals();

private:
    Creator m_kayak1;
    Creator m_kayak2;
    Creator m_bread1;
    Creator m_bread2;
};

void TestApiRecommendations::initTestCase()
{
    const QByteArray secret = QUuid::createUuid().toByteArray() + QUuid::createUuid().toByteArray();
    TestServer::Options options;
    options.configure = [secret](server::Config &config) {
        config.tokens.secret = secret;
        config.http.publicUrl = u"https://influence.example"_s;
    };
    m_first = std::make_unique<TestServer>(options);
    QVERIFY2(m_first->isRunning(), qPrintable(m_first->error()));
    options.databaseUrl = m_first->databaseUrl();
    m_second = std::make_unique<TestServer>(options);
    QVERIFY2(m_second->isRunning(), qPrintable(m_second->error()));
    m_clientA = std::make_unique<HttpTestClient>(m_first->url());
    m_clientB = std::make_unique<HttpTestClient>(m_second->url());
    m_a = std::make_unique<ApiSession>(*m_clientA);
    m_b = std::make_unique<ApiSession>(*m_clientB);
    m_db = m_first->connect(u"recommendations-test"_s);
    QVERIFY(m_db);

    m_brand = m_a->signUp(u"brand@example.com"_s, u"brand"_s);
    m_staff = m_a->signUp(u"staff@example.com"_s, u"brand"_s);
    m_otherBrand = m_a->signUp(u"other@example.com"_s, u"brand"_s);
    for (const auto &[token, name] :
            {std::pair{m_brand, u"Trail Foods"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
        QCOMPARE(m_a->put(u"/api/v1/me/brand"_s, token, {{u"companyName"_s, name}}).status, 201);
    }
    QCOMPARE(m_a->post(u"/api/v1/brands/%1/members"_s.arg(m_a->userIdOf(m_brand)), m_brand,
                        {{u"userId"_s, m_a->userIdOf(m_staff)}})
                     .status,
            201);
    m_left = newCreator(u"Lena Left"_s, QString(), {u"outdoors"_s}, u"AT"_s, 100000);
    m_right = newCreator(u"Rita Right"_s, QString(), {u"outdoors"_s}, u"AT"_s, 100000);
    QVERIFY(!m_left.id.isEmpty() && !m_right.id.isEmpty());
    QVERIFY(baseline());
    m_campaign = newCampaign(u"Trail snacks"_s,
            {{u"niches"_s, QJsonArray{u"outdoors"_s, u"food"_s}},
                    {u"countries"_s, QJsonArray{u"DE"_s}}, {u"languages"_s, QJsonArray{u"de"_s}},
                    {u"minFollowers"_s, 50000}, {u"maxFollowers"_s, 500000}},
            1000000);
    QVERIFY(!m_campaign.isEmpty());

    m_kayak1 = newCreator(u"Kai Paddles"_s,
            u"Sea kayak trips along Norwegian fjords, paddle camping and wild coasts."_s,
            {u"sports"_s, u"travel"_s}, u"NO"_s, 40000);
    m_kayak2 = newCreator(u"Fjord Kayaker"_s,
            u"Paddle the fjords: sea kayak camping in Norway, wild coasts by kayak."_s,
            {u"sports"_s, u"travel"_s}, u"NO"_s, 45000);
    m_bread1 = newCreator(u"Sourdough Sam"_s,
            u"Sourdough baking at home: rye bread, starters and crusty loaves."_s,
            {u"food"_s, u"home"_s}, u"FR"_s, 20000);
    m_bread2 = newCreator(u"Rye Rosie"_s,
            u"Home baking with sourdough starters; rye loaves and crusty bread every week."_s,
            {u"food"_s, u"home"_s}, u"FR"_s, 25000);
    QVERIFY(!m_bread2.id.isEmpty());
}

void TestApiRecommendations::cleanupTestCase()
{
    m_db.reset();
    m_a.reset();
    m_b.reset();
    m_clientA.reset();
    m_clientB.reset();
    m_second.reset();
    m_first.reset();
}

void TestApiRecommendations::answerShape()
{
    const HttpReply reply =
            m_b->get(u"/api/v1/campaigns/%1/recommendations"_s.arg(m_campaign), m_staff);
    QCOMPARE(reply.status, 200);
    const QJsonObject page = reply.json();
    QVERIFY(page[u"generatedAt"_s].toString().endsWith(u'Z'));
    QVERIFY(page.contains(u"nextCursor"_s));
    const QJsonArray items = page[u"items"_s].toArray();
    QVERIFY(items.size() >= 6);
    double previous = 2;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QCOMPARE(item[u"rank"_s].toInt(), i + 1);
        QVERIFY(!item[u"influencer"_s][u"displayName"_s].toString().isEmpty());
        const double score = item[u"score"_s].toDouble();
        QVERIFY(score >= 0 && score <= 1 && score <= previous);
        previous = score;
        const QJsonArray factors = item[u"factors"_s].toArray();
        QCOMPARE(factors.size(), 8);
        double sum = 0;
        for (qsizetype f = 0; f < factors.size(); ++f) {
            const QJsonObject factor = factors[f].toObject();
            QCOMPARE(factor[u"code"_s].toString(), kFactorCodes[f]);
            const double value = factor[u"value"_s].toDouble();
            QVERIFY(value >= 0 && value <= 1);
            const double contribution = factor[u"contribution"_s].toDouble();
            const double sign = f == 7 ? -1 : 1;
            QVERIFY(std::abs(contribution - sign * factor[u"weight"_s].toDouble() * value) < 1e-3);
            QVERIFY(!factor[u"sentence"_s].toString().isEmpty());
            QVERIFY(factor[u"facts"_s].isObject());
            sum += contribution;
        }
        QVERIFY(std::abs(std::clamp(sum, 0.0, 1.0) - score) < 2e-3);
    }
    const QJsonObject left = itemOf(*m_a, m_left);
    QCOMPARE(factorOf(left, u"size"_s)[u"facts"_s][u"followers"_s].toInteger(), 100000);
    QCOMPARE(factorOf(left, u"size"_s)[u"facts"_s][u"minFollowers"_s].toInteger(), 50000);
    QCOMPARE(factorOf(left, u"price"_s)[u"facts"_s][u"feeMinor"_s].toInteger(), 50000);
    QCOMPARE(factorOf(left, u"price"_s)[u"facts"_s][u"remainingMinor"_s].toInteger(), 1000000);
    QCOMPARE(factorOf(left, u"authenticity"_s)[u"facts"_s][u"score"_s].toInt(), 80);
    QCOMPARE(factorOf(left, u"audience"_s)[u"facts"_s][u"source"_s].toString(), u"profile"_s);
    QCOMPARE(factorOf(left, u"topic"_s)[u"facts"_s][u"matchedNiches"_s].toArray(),
            QJsonArray{u"outdoors"_s});
    QCOMPARE(factorOf(left, u"declines"_s)[u"facts"_s][u"days"_s].toInt(), 90);
}

void TestApiRecommendations::profileFactors_data()
{
    QTest::addColumn<QString>("factor");
    for (const char *factor :
            {"topic", "audience", "size", "engagement", "authenticity", "price"}) {
        QTest::newRow(factor) << QString::fromLatin1(factor);
    }
}

void TestApiRecommendations::profileFactors()
{
    QFETCH(QString, factor);
    // Equal creators: the factor's value is the same for both.
    QVERIFY(baseline());
    const double equal = factorOf(itemOf(*m_a, m_left), factor)[u"value"_s].toDouble();
    QCOMPARE(factorOf(itemOf(*m_b, m_right), factor)[u"value"_s].toDouble(), equal);
    // Changed through the database: both servers see it at their next request.
    QVERIFY(favour(factor, m_left, m_right));
    QVERIFY(above(*m_a, m_left, m_right));
    QVERIFY(above(*m_b, m_left, m_right));
    QVERIFY(factorOf(itemOf(*m_b, m_left), factor)[u"value"_s].toDouble()
            > factorOf(itemOf(*m_b, m_right), factor)[u"value"_s].toDouble());
    QVERIFY(favour(factor, m_right, m_left));
    QVERIFY(above(*m_a, m_right, m_left));
    QVERIFY(above(*m_b, m_right, m_left));
    if (factor == u"audience"_s) {
        const QJsonObject facts = factorOf(itemOf(*m_a, m_right), factor)[u"facts"_s].toObject();
        QCOMPARE(facts[u"source"_s].toString(), u"audience"_s);
        QCOMPARE(facts[u"country"_s].toString(), u"DE"_s);
        QCOMPARE(facts[u"share"_s].toDouble(), 0.6);
    }
    QVERIFY(baseline());
}

void TestApiRecommendations::freshnessAcrossServers()
{
    QVERIFY(baseline());
    // Equal: the ids decide. The one behind moves ahead by a profile change through the first
    // server, seen in the second's next answer.
    const bool leftAhead = above(*m_b, m_left, m_right);
    const Creator &behind = leftAhead ? m_right : m_left;
    const Creator &ahead = leftAhead ? m_left : m_right;
    QCOMPARE(m_a->patch(u"/api/v1/me/influencer"_s, behind.token,
                        {{u"bio"_s, u"Vegan protein on every trail run."_s}})
                     .status,
            200);
    QVERIFY(above(*m_b, behind, ahead));
    const QJsonObject topic = factorOf(itemOf(*m_b, behind), u"topic"_s);
    QVERIFY(topic[u"facts"_s][u"terms"_s].toArray().contains(u"vegan"_s));
    QVERIFY(topic[u"sentence"_s].toString().contains(u"vegan"_s));
    QCOMPARE(m_b->patch(u"/api/v1/me/influencer"_s, behind.token,
                        {{u"bio"_s, u"Trail runner sharing alpine routes"_s}})
                     .status,
            200);
    QVERIFY(above(*m_a, ahead, behind));
}

void TestApiRecommendations::performance()
{
    QVERIFY(baseline());
    const QString history = newCampaign(u"Past campaign"_s, {}, 10'000'000);
    // The same fee; left's post drew ten times the engagements: a lower cost per engagement.
    QVERIFY(completedDeal(history, m_left, 10000));
    QVERIFY(completedDeal(history, m_right, 1000));
    QVERIFY(above(*m_b, m_left, m_right));
    const QJsonObject facts =
            factorOf(itemOf(*m_a, m_left), u"performance"_s)[u"facts"_s].toObject();
    QCOMPARE(facts[u"completedDeals"_s].toInt(), 1);
    QCOMPARE(facts[u"cpeMinor"_s].toDouble(), 10.0);
    QCOMPARE(facts[u"medianCpeMinor"_s].toDouble(), 55.0);
    QCOMPARE(facts[u"currency"_s].toString(), u"EUR"_s);
    QVERIFY(setEngagements(m_left, 1000) && setEngagements(m_right, 10000));
    QVERIFY(above(*m_a, m_right, m_left));
    QVERIFY(above(*m_b, m_right, m_left));
    // Equal again for the tests after this one.
    QVERIFY(setEngagements(m_left, 5000) && setEngagements(m_right, 5000));
}

void TestApiRecommendations::recentDeclines()
{
    QVERIFY(baseline());
    const QString other = newCampaign(u"Another campaign"_s, {}, 1'000'000);
    QVERIFY(declines(other, m_left));
    QVERIFY(above(*m_b, m_right, m_left));
    const QJsonObject declined = factorOf(itemOf(*m_a, m_left), u"declines"_s);
    QCOMPARE(declined[u"facts"_s][u"declines"_s].toInt(), 1);
    QVERIFY(declined[u"contribution"_s].toDouble() < 0);
    // Older than 90 days it no longer counts; now the other one declined.
    QVERIFY(exec(u"UPDATE offers SET responded_at = now() - interval '100 days' WHERE deal_id IN "
                 "(SELECT id FROM deals WHERE influencer_id = '%1' AND state = 'declined')"_s.arg(
                         m_left.id)));
    QVERIFY(declines(other, m_right));
    QVERIFY(above(*m_a, m_left, m_right));
    QVERIFY(above(*m_b, m_left, m_right));
    QVERIFY(exec(u"UPDATE offers SET responded_at = now() - interval '100 days' WHERE status = "
                 "'declined'"_s));
}

void TestApiRecommendations::exclusions()
{
    const Creator invited = newCreator(u"Ivo Invited"_s, QString(), {u"food"_s}, u"DE"_s, 80000);
    const Creator disabled = newCreator(u"Dora Disabled"_s, QString(), {u"food"_s}, u"DE"_s, 80000);
    const Creator manual =
            newCreator(u"Manu Manual"_s, QString(), {u"food"_s}, u"DE"_s, 80000, false);
    QStringList ids = ranking(*m_a);
    QVERIFY(ids.contains(invited.id));
    QVERIFY(ids.contains(disabled.id));
    QVERIFY(!ids.contains(manual.id)); // no verified account
    QVERIFY(!ids.contains(m_a->userIdOf(m_brand)));
    QVERIFY(!invite(m_campaign, invited).first.isEmpty());
    QVERIFY(exec(u"UPDATE users SET status = 'disabled' WHERE id = '%1'"_s.arg(disabled.id)));
    for (ApiSession *api : {m_a.get(), m_b.get()}) {
        ids = ranking(*api);
        QVERIFY(!ids.contains(invited.id));
        QVERIFY(!ids.contains(disabled.id));
        QVERIFY(!ids.contains(manual.id));
        QVERIFY(ids.contains(m_left.id));
    }
    // Verifying the account brings the creator in; a declined deal still keeps them out.
    QVERIFY(exec(u"UPDATE connected_accounts SET status = 'connected', external_id = 'ext-m' "
                 "WHERE influencer_id = '%1'"_s.arg(manual.id)));
    QVERIFY(ranking(*m_b).contains(manual.id));
}

void TestApiRecommendations::authorization()
{
    const QString path = u"/api/v1/campaigns/%1/recommendations"_s.arg(m_campaign);
    QCOMPARE(m_a->get(path, m_staff).status, 200);
    HttpReply reply = m_a->get(path, m_otherBrand);
    QCOMPARE(reply.status, 404);
    QCOMPARE(code(reply), u"not_found"_s);
    reply = m_a->get(path, m_left.token);
    QCOMPARE(reply.status, 403);
    QCOMPARE(code(reply), u"forbidden"_s);
    QCOMPARE(m_a->get(path, QString()).status, 401);
    QCOMPARE(m_a->get(u"/api/v1/campaigns/not-an-id/recommendations"_s, QString()).status, 401);
    QCOMPARE(m_a->get(u"/api/v1/campaigns/%1/recommendations"_s.arg(
                              QUuid::createUuid().toString(QUuid::WithoutBraces)),
                        m_brand)
                     .status,
            404);
    QCOMPARE(m_a->get(u"/api/v1/campaigns/not-an-id/recommendations"_s, m_brand).status, 400);
    for (const QString &query : {u"limit=0"_s, u"limit=101"_s, u"limit=x"_s, u"cursor=nope"_s}) {
        reply = m_a->get(path + u"?"_s + query, m_brand);
        QCOMPARE(reply.status, 400);
        QCOMPARE(code(reply), u"invalid_parameter"_s);
    }
}

void TestApiRecommendations::paging()
{
    const QStringList all = ranking(*m_a);
    QVERIFY(all.size() >= 7);
    QStringList paged;
    QString cursor;
    int pages = 0;
    do {
        ApiSession &api = pages % 2 == 0 ? *m_a : *m_b;
        const HttpReply reply =
                api.get(u"/api/v1/campaigns/%1/recommendations?limit=3%2"_s.arg(
                                m_campaign, cursor.isEmpty() ? QString() : u"&cursor="_s + cursor),
                        m_brand);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json()[u"items"_s].toArray();
        QVERIFY(items.size() <= 3);
        for (const auto &item : items) {
            QCOMPARE(item[u"rank"_s].toInt(), paged.size() + 1);
            paged.append(item[u"influencer"_s][u"id"_s].toString());
        }
        cursor = reply.json()[u"nextCursor"_s].toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 50);
    QCOMPARE(paged, all);
    QCOMPARE(pages, static_cast<int>((all.size() + 2) / 3));
}

void TestApiRecommendations::similarPlantedPairs()
{
    for (const auto &[a, b] : {std::pair{m_kayak1, m_kayak2}, std::pair{m_kayak2, m_kayak1},
                 std::pair{m_bread1, m_bread2}, std::pair{m_bread2, m_bread1}}) {
        const HttpReply reply =
                m_b->get(u"/api/v1/influencers/%1/similar?limit=5"_s.arg(a.id), a.token);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json()[u"items"_s].toArray();
        QCOMPARE(items.size(), 5);
        QCOMPARE(items[0][u"influencer"_s][u"id"_s].toString(), b.id);
        double previous = 2;
        for (const auto &item : items) {
            const double similarity = item[u"similarity"_s].toDouble();
            QVERIFY(similarity >= 0 && similarity <= 1 && similarity <= previous);
            previous = similarity;
            QVERIFY(item[u"influencer"_s][u"id"_s].toString() != a.id);
        }
    }
    const QJsonArray traits =
            m_a->get(u"/api/v1/influencers/%1/similar?limit=1"_s.arg(m_kayak1.id), m_brand)
                    .json()[u"items"_s][0][u"sharedTraits"_s]
                    .toArray();
    const auto has = [&traits](const QString &code, const QString &value) {
        return traits.contains(QJsonObject{{u"code"_s, code}, {u"value"_s, value}});
    };
    QVERIFY(has(u"niche"_s, u"sports"_s));
    QVERIFY(has(u"niche"_s, u"travel"_s));
    QVERIFY(has(u"country"_s, u"NO"_s));
    QVERIFY(has(u"language"_s, u"de"_s));
    QVERIFY(has(u"platform"_s, u"instagram"_s));
    QVERIFY(has(u"size"_s, u"10k–50k"_s) || has(u"size"_s, u"50k–500k"_s));
    QVERIFY(has(u"term"_s, u"kayak"_s) || has(u"term"_s, u"fjords"_s)
            || has(u"term"_s, u"paddle"_s));
}

void TestApiRecommendations::similarMoreLikeThese()
{
    const QStringList ids = similarIds(
            u"/api/v1/influencers/%1/similar?limit=10&also=%2"_s.arg(m_kayak1.id, m_bread1.id));
    QVERIFY(!ids.contains(m_kayak1.id));
    QVERIFY(!ids.contains(m_bread1.id));
    // Like both: the two planted partners lead.
    QCOMPARE(
            QSet<QString>(ids.begin(), ids.begin() + 2), (QSet<QString>{m_kayak2.id, m_bread2.id}));
    const QStringList two = similarIds(u"/api/v1/influencers/%1/similar?also=%2,%3"_s.arg(
            m_kayak1.id, m_kayak2.id, m_bread1.id));
    QCOMPARE(two.value(0), m_bread2.id);
    QVERIFY(!two.contains(m_kayak2.id));
}

void TestApiRecommendations::similarRefusals()
{
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString base = u"/api/v1/influencers/%1/similar"_s;
    HttpReply reply = m_a->get(base.arg(unknown), m_brand);
    QCOMPARE(reply.status, 404);
    QCOMPARE(code(reply), u"not_found"_s);
    reply = m_a->get(base.arg(m_kayak1.id) + u"?also="_s + unknown, m_brand);
    QCOMPARE(reply.status, 404);
    // A brand is not a creator: not found either.
    QCOMPARE(m_a->get(base.arg(m_a->userIdOf(m_brand)), m_brand).status, 404);
    QCOMPARE(m_a->get(base.arg(m_kayak1.id), QString()).status, 401);
    for (const QString &query : {u"limit=0"_s, u"limit=51"_s, u"also=nope"_s}) {
        reply = m_a->get(base.arg(m_kayak1.id) + u"?"_s + query, m_brand);
        QCOMPARE(reply.status, 400);
        QCOMPARE(code(reply), u"invalid_parameter"_s);
    }
    QStringList many;
    for (int i = 0; i < 21; ++i) {
        many.append(m_kayak2.id);
    }
    QCOMPARE(m_a->get(base.arg(m_kayak1.id) + u"?also="_s + many.join(u','), m_brand).status, 400);
    // A disabled creator is no longer found.
    QVERIFY(exec(u"UPDATE users SET status = 'disabled' WHERE id = '%1'"_s.arg(m_bread2.id)));
    QCOMPARE(m_b->get(base.arg(m_bread2.id), m_brand).status, 404);
    QVERIFY(!similarIds(base.arg(m_bread1.id)).contains(m_bread2.id));
    QVERIFY(exec(u"UPDATE users SET status = 'active' WHERE id = '%1'"_s.arg(m_bread2.id)));
    QCOMPARE(similarIds(base.arg(m_bread1.id)).value(0), m_bread2.id);
}

QTEST_GUILESS_MAIN(TestApiRecommendations)
#include "tst_api_recommendations.moc"
