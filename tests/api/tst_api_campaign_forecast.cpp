// SPDX-License-Identifier: Apache-2.0
// GET /api/v1/campaigns/{id}/forecast over HTTP against PostgreSQL: the totals of a campaign
// whose posts make the answer computable by hand (a measured deliverable, one drawn from three
// past posts and smoothed, a creator without history, a proposed offer drawn from identical
// posts — nothing to smooth — and weighted by the platform's acceptance rate), the campaign's
// targets (set, validated, hidden from creators) and the chance of reaching each, and the
// campaign's read rules (a draft 404 to another brand, a public campaign's forecast 403 to
// those without a deal in it, a creator only their own deliverables).
#include "ApiSession.h"
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/db/Connection.h"

#include <QJsonArray>
#include <QTest>

#include <array>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::tests::ApiSession;
using influence::tests::HttpReply;
using influence::tests::HttpTestClient;
using influence::tests::TestServer;

namespace {

/// What Lena's deliverable adds, as the forecast draws it: the views of one of her past posts,
/// {1000, 2000, 3000}, a third each (stage two picks a post of a resample of them, which is
/// each of them with a third's chance), times a smoothing factor at each stage,
/// exp(h z - h² / 2) with z standard normal: together log-normal with μ = -h², σ = h √2, where
/// h is Silverman's bandwidth of the three log views, 0.9 min(sd, IQR / 1.34) 3^(-1/5).
struct LenaDraw
{
    static constexpr std::array<double, 3> kViews{1000, 2000, 3000};
    double mu = 0;
    double sigma = 0;

    LenaDraw()
    {
        std::array<double, 3> logs{};
        double mean = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            logs.at(i) = std::log(kViews.at(i));
            mean += logs.at(i) / 3;
        }
        double squares = 0;
        for (const double v : logs) {
            squares += (v - mean) * (v - mean);
        }
        const double sd = std::sqrt(squares / 2);
        // R's type-7 quartiles of three sorted values: halfway between the first two, the last.
        const double iqr = (logs[1] + logs[2]) / 2 - (logs[0] + logs[1]) / 2;
        const double h = 0.9 * std::min(sd, iqr / 1.34) * std::pow(3.0, -0.2);
        mu = -h * h;
        sigma = h * std::sqrt(2.0);
    }
    /// P(the deliverable's views ≤ x).
    [[nodiscard]] double cdf(double x) const
    {
        if (x <= 0) {
            return 0;
        }
        double p = 0;
        for (const double views : kViews) {
            p += 0.5 * std::erfc(-(std::log(x / views) - mu) / (sigma * std::sqrt(2.0))) / 3;
        }
        return p;
    }
    /// P(the deliverable's views ≥ x).
    [[nodiscard]] double atLeast(double x) const { return 1 - cdf(x); }
};

/// The `p` quantile of an increasing distribution function, by bisection.
double quantile(const std::function<double(double)> &cdf, double p)
{
    double lo = 0;
    double hi = 1e7;
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        (cdf(mid) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

} // namespace

class TestApiCampaignForecast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<ApiSession> m_api;
    std::unique_ptr<server::db::Connection> m_db;
    QString m_brand;
    QString m_otherBrand;
    QString m_lena; ///< three past posts, two accepted reels (one measured)
    QString m_max; ///< no past posts, one accepted reel
    QString m_ina; ///< three identical past posts, invited to two reels (proposed)
    QString m_outsider; ///< a creator without a deal
    QString m_campaign;

    HttpReply post(const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_api->post(path, token, body);
    }
    QVariant scalar(const QString &text)
    {
        const server::db::SqlStatement statement(text);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant(u"error"_s);
    }
    bool exec(const QString &sql) { return bool(m_db->execDirect(sql)); }

    QString creator(const QString &email, const QString &name)
    {
        const QString token = m_api->signUp(email, u"influencer"_s);
        const int status = m_api->put(u"/api/v1/me/influencer"_s, token,
                                        {{u"displayName"_s, name}, {u"country"_s, u"AT"_s}})
                                   .status;
        return status == 201 ? token : QString();
    }
    static QJsonObject offer(int quantity)
    {
        return {{u"deliverables"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, quantity},
                                {u"dueDate"_s, tests::isoDay(14)}}}},
                {u"feeMinor"_s, 10000}, {u"currency"_s, u"EUR"_s}, {u"maxRevisions"_s, 1}};
    }
    /// Invites the creator to `quantity` reels; the deal's id.
    QString invite(const QString &creatorToken, int quantity)
    {
        return post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaign), m_brand,
                {{u"influencerId"_s, m_api->userIdOf(creatorToken)}, {u"offer"_s, offer(quantity)}})
                .json()[u"id"_s]
                .toString();
    }
    /// An accepted deal of `quantity` reels; the deliverables' ids.
    QStringList acceptedDeal(const QString &creatorToken, int quantity)
    {
        const QString deal = invite(creatorToken, quantity);
        const QString counter =
                post(u"/api/v1/deals/%1/offers"_s.arg(deal), creatorToken, offer(quantity))
                        .json()[u"latestOffer"_s][u"id"_s]
                        .toString();
        QStringList ids;
        for (const auto &d :
                post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, counter), m_brand)
                        .json()[u"deliverables"_s]
                        .toArray()) {
            ids << d[u"id"_s].toString();
        }
        return ids;
    }
    /// A post of the creator's published `published` days from today (fulfilling `deliverable`
    /// if given) with one row of lifetime totals yesterday.
    bool postWith(const QString &creatorToken, int published, qint64 views, qint64 engagements,
            qint64 reach, const QString &deliverable = {})
    {
        const QString id =
                scalar(u"INSERT INTO posts (influencer_id, platform, kind, published_at, "
                       "deliverable_id) VALUES ('%1', 'instagram', 'reel', now() + interval "
                       "'%2 days', %3) RETURNING id"_s.arg(m_api->userIdOf(creatorToken),
                               QString::number(published),
                               deliverable.isEmpty() ? u"NULL"_s : u"'%1'"_s.arg(deliverable)))
                        .toString();
        return exec(u"INSERT INTO post_metrics (post_id, day, views, reach, likes, comments, "
                    "source) VALUES ('%1', current_date - 1, %2, %3, %4, %5, 'platform')"_s.arg(id,
                            QString::number(views), QString::number(reach),
                            QString::number(engagements - engagements / 10),
                            QString::number(engagements / 10)));
    }
    QJsonObject forecast(const QString &token, int status = 200)
    {
        const HttpReply reply =
                m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(m_campaign), token);
        [&] {
            QCOMPARE(reply.status, status);
        }();
        return reply.json();
    }
    /// An interval whose mean and percentiles (2.5, 10, 90, 97.5) are those of `cdf`: the mean
    /// within 2 %, each percentile of 10 000 draws within 2 % of the exact one.
    static void compareSpread(
            const QJsonObject &interval, double expected, const std::function<double(double)> &cdf)
    {
        QVERIFY2(std::abs(interval[u"expected"_s].toDouble() - expected) <= 0.02 * expected,
                qPrintable(QString::number(interval[u"expected"_s].toDouble())));
        const std::array<std::pair<QString, double>, 4> percentiles{
                {{u"lo95"_s, 0.025}, {u"lo80"_s, 0.1}, {u"hi80"_s, 0.9}, {u"hi95"_s, 0.975}}};
        for (const auto &[name, p] : percentiles) {
            const double exact = quantile(cdf, p);
            QVERIFY2(std::abs(interval[name].toDouble() - exact) <= 0.02 * exact,
                    qPrintable(u"%1 %2, not %3"_s.arg(name)
                                       .arg(interval[name].toDouble())
                                       .arg(exact)));
        }
    }
    /// The accepted deliverables' interval: `achieved` plus `scale` × Lena's draw's views.
    static void compareInterval(const QJsonObject &interval, double achieved, double scale)
    {
        const LenaDraw lena;
        compareSpread(interval, achieved + scale * 2000, [&](double x) {
            return lena.cdf((x - achieved) / scale);
        });
        // Smoothing reaches beyond the past posts: below the smallest, above the largest.
        QVERIFY(interval[u"lo80"_s].toDouble() < achieved + scale * 1000);
        QVERIFY(interval[u"hi80"_s].toDouble() > achieved + scale * 3000);
    }
    /// The target of `metric` in a forecast's targets, or an empty object.
    static QJsonObject target(const QJsonObject &answer, const QString &metric)
    {
        for (const auto &t : answer[u"targets"_s].toArray()) {
            if (t[u"metric"_s].toString() == metric) {
                return t.toObject();
            }
        }
        return {};
    }
    /// A chance from 10 000 draws: within 0.02 of the exact one.
    static void compareChance(const QJsonValue &chance, double exact)
    {
        QVERIFY2(chance.isDouble() && std::abs(chance.toDouble() - exact) <= 0.02,
                qPrintable(u"%1, not %2"_s.arg(chance.toDouble()).arg(exact)));
    }
    QJsonObject campaign(const QString &token)
    {
        return m_api->get(u"/api/v1/campaigns/%1"_s.arg(m_campaign), token).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_client = std::make_unique<HttpTestClient>(m_server->url());
        m_api = std::make_unique<ApiSession>(*m_client);
        m_db = m_server->connect(u"campaign-forecast-test"_s);
        QVERIFY(m_db);
        m_brand = m_api->signUp(u"brand@example.com"_s, u"brand"_s);
        m_otherBrand = m_api->signUp(u"other@example.com"_s, u"brand"_s);
        for (const auto &[token, name] :
                {std::pair{m_brand, u"Alpine Boots"_s}, std::pair{m_otherBrand, u"Other Co"_s}}) {
            QCOMPARE(m_api->put(u"/api/v1/me/brand"_s, token, {{u"companyName"_s, name}}).status,
                    201);
        }
        m_lena = creator(u"lena@example.com"_s, u"Lena Travels"_s);
        m_max = creator(u"max@example.com"_s, u"Max Climbs"_s);
        m_ina = creator(u"ina@example.com"_s, u"Ina Runs"_s);
        m_outsider = creator(u"out@example.com"_s, u"Otto Outside"_s);
        QVERIFY(!m_lena.isEmpty() && !m_max.isEmpty() && !m_ina.isEmpty() && !m_outsider.isEmpty());
        const QJsonObject campaign{{u"name"_s, u"Forecast campaign"_s},
                {u"brief"_s, u"Boots on summits."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000000},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, tests::isoDay(0)},
                {u"endDate"_s, tests::isoDay(60)}, {u"visibility"_s, u"public"_s}};
        m_campaign = post(u"/api/v1/campaigns"_s, m_brand, campaign).json()[u"id"_s].toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brand).status, 200);

        // Lena's past posts: 1000, 2000 and 3000 views (a tenth as engagements, 80 % reach);
        // one that is too young to count (published 2 days ago).
        QVERIFY(postWith(m_lena, -30, 1000, 100, 800));
        QVERIFY(postWith(m_lena, -20, 2000, 200, 1600));
        QVERIFY(postWith(m_lena, -10, 3000, 300, 2400));
        QVERIFY(postWith(m_lena, -2, 900000, 90000, 800000));
        const QStringList lena = acceptedDeal(m_lena, 2);
        QCOMPARE(lena.size(), 2);
        // One of her reels is out and measured: 5000 views, 500 engagements, 4000 reach.
        QVERIFY(postWith(m_lena, -3, 5000, 500, 4000, lena.first()));
        QCOMPARE(acceptedDeal(m_max, 1).size(), 1);
        // Ina always gets 10 000 views; her two reels are only proposed.
        for (const int published : {-40, -30, -20}) {
            QVERIFY(postWith(m_ina, published, 10000, 1000, 9000));
        }
        QVERIFY(!invite(m_ina, 2).isEmpty());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    /// Accepted: 5000 measured + Lena's draw (LenaDraw); with the proposed: + 2 × 10 000 in the
    /// three draws of four that the offer is accepted (the platform has decided two deals and
    /// accepted both: (2 + 1) / (2 + 2) = 0.75).
    void totalsFollowThePosts()
    {
        const QJsonObject answer = forecast(m_brand);
        QCOMPARE(answer[u"scope"_s].toString(), u"campaign"_s);
        QCOMPARE(answer[u"method"_s].toString(), u"bootstrap"_s);
        QCOMPARE(answer[u"stages"_s].toInt(), 2);
        QCOMPARE(answer[u"smoothing"_s].toString(), u"silverman"_s);
        // No targets set: an empty list for the brand.
        QVERIFY(answer[u"targets"_s].isArray());
        QVERIFY(answer[u"targets"_s].toArray().isEmpty());
        const QJsonObject counts = answer[u"deliverables"_s].toObject();
        QCOMPARE(counts[u"accepted"_s].toInt(), 3);
        QCOMPARE(counts[u"proposed"_s].toInt(), 2);
        QCOMPARE(counts[u"measured"_s].toInt(), 1);
        QCOMPARE(counts[u"withoutHistory"_s].toInt(), 1); // Max's reel
        // Achieved so far: Lena's measured reel; the fees of the two accepted deals.
        const QJsonObject achieved = answer[u"achieved"_s].toObject();
        QCOMPARE(achieved[u"views"_s].toDouble(), 5000.0);
        QCOMPARE(achieved[u"engagements"_s].toDouble(), 500.0);
        QCOMPARE(achieved[u"reach"_s].toDouble(), 4000.0);
        QCOMPARE(achieved[u"posts"_s].toInt(), 1);
        QCOMPARE(achieved[u"costMinor"_s].toDouble(), 20000.0);
        QCOMPARE(achieved[u"currency"_s].toString(), u"EUR"_s);
        const QJsonObject acceptance = answer[u"acceptance"_s].toObject();
        QCOMPARE(acceptance[u"basis"_s].toString(), u"platform"_s);
        QCOMPARE(acceptance[u"accepted"_s].toInt(), 2);
        QCOMPARE(acceptance[u"decided"_s].toInt(), 2);
        QCOMPARE(acceptance[u"rate"_s].toDouble(), 0.75);
        const QJsonObject accepted = answer[u"accepted"_s].toObject();
        compareInterval(accepted[u"views"_s].toObject(), 5000, 1);
        compareInterval(accepted[u"engagements"_s].toObject(), 500, 0.1);
        compareInterval(accepted[u"reach"_s].toObject(), 4000, 0.8);
        // With the proposed: Ina's posts are all alike (nothing to smooth), so the offer adds
        // exactly 20 000 views and 18 000 reach in three draws of four.
        const QJsonObject all = answer[u"acceptedAndProposed"_s].toObject();
        const LenaDraw lena;
        compareSpread(all[u"views"_s].toObject(), 22000, [&](double x) {
            return 0.25 * lena.cdf(x - 5000) + 0.75 * lena.cdf(x - 25000);
        });
        compareSpread(all[u"reach"_s].toObject(), 19100, [&](double x) {
            return 0.25 * lena.cdf((x - 4000) / 0.8) + 0.75 * lena.cdf((x - 22000) / 0.8);
        });
        QCOMPARE(answer[u"creators"_s].toArray().size(), 3);
        // The same data, the same answer (fixed seed).
        QCOMPARE(forecast(m_brand), answer);
    }

    /// Targets are set through the campaign's routes, validated field by field (422, nothing
    /// changed), and hidden from creators like the budget.
    void targetsOnTheCampaign()
    {
        const QString path = u"/api/v1/campaigns/%1"_s.arg(m_campaign);
        const QJsonObject targets{{u"views"_s, 7000}, {u"engagements"_s, 750}, {u"reach"_s, 100000},
                {u"maxCpeMinor"_s, 30}, {u"maxCpmMinor"_s, 2500}};
        const HttpReply set = m_api->patch(path, m_brand, {{u"targets"_s, targets}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()[u"targets"_s].toObject(), targets);
        // Another PATCH keeps them (the patch is merged into the whole campaign).
        QCOMPARE(m_api->patch(path, m_brand, {{u"usageRights"_s, u"Organic only."_s}}).status, 200);
        QCOMPARE(campaign(m_brand)[u"targets"_s].toObject(), targets);
        // Creators see neither budget nor targets, in the campaign or in lists.
        const QJsonObject seenByLena = campaign(m_lena);
        QVERIFY(!seenByLena.contains(u"budgetMinor"_s));
        QVERIFY(!seenByLena.contains(u"targets"_s));
        for (const auto &c :
                m_api->get(u"/api/v1/campaigns"_s, m_lena).json()[u"items"_s].toArray()) {
            QVERIFY(!c.toObject().contains(u"targets"_s));
        }
        struct Bad
        {
            QJsonValue targets;
            QString field;
            QString code;
        };
        const QList<Bad> bad{{QJsonObject{{u"views"_s, 0}}, u"targets.views"_s, u"invalid_value"_s},
                {QJsonObject{{u"reach"_s, 1.5}}, u"targets.reach"_s, u"invalid_value"_s},
                {QJsonObject{{u"engagements"_s, u"many"_s}}, u"targets.engagements"_s,
                        u"invalid_value"_s},
                {QJsonObject{{u"maxCpeMinor"_s, -3}}, u"targets.maxCpeMinor"_s, u"invalid_value"_s},
                {QJsonObject{{u"maxCpmMinor"_s, 2e9}}, u"targets.maxCpmMinor"_s,
                        u"invalid_value"_s},
                {QJsonObject{{u"view"_s, 10}}, u"targets.view"_s, u"unknown_field"_s},
                {QJsonArray{1}, u"targets"_s, u"invalid_value"_s}};
        for (const Bad &b : bad) {
            const HttpReply reply = m_api->patch(path, m_brand, {{u"targets"_s, b.targets}});
            QCOMPARE(reply.status, 422);
            const QJsonArray errors = reply.json()[u"errors"_s].toArray();
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first()[u"field"_s].toString(), b.field);
            QCOMPARE(errors.first()[u"code"_s].toString(), b.code);
        }
        QCOMPARE(campaign(m_brand)[u"targets"_s].toObject(), targets);
        // A creator cannot set them (403: the campaign is public, they see it).
        QCOMPARE(m_api->patch(path, m_lena, {{u"targets"_s, QJsonObject{{u"views"_s, 1}}}}).status,
                403);
        // POST validates them the same way.
        QJsonObject body{{u"name"_s, u"Bad targets"_s}, {u"objective"_s, u"awareness"_s},
                {u"currency"_s, u"EUR"_s}, {u"targets"_s, QJsonObject{{u"views"_s, -1}}}};
        const HttpReply created = post(u"/api/v1/campaigns"_s, m_brand, body);
        QCOMPARE(created.status, 422);
        QCOMPARE(created.json()[u"errors"_s][0][u"field"_s].toString(), u"targets.views"_s);
        body[u"targets"_s] = QJsonObject{{u"views"_s, 5}, {u"maxCpmMinor"_s, QJsonValue()}};
        const HttpReply good = post(u"/api/v1/campaigns"_s, m_brand, body);
        QCOMPARE(good.status, 201);
        QCOMPARE(good.json()[u"targets"_s][u"views"_s].toInt(), 5);
        QVERIFY(good.json()[u"targets"_s][u"maxCpmMinor"_s].isNull());
    }

    /// Each target's chance, by hand: accepted views are 5000 + Lena's draw V, engagements
    /// 500 + V / 10, at a cost of 20 000; the offer adds 20 000 views, 2000 engagements and
    /// 10 000 in fees in three draws of four, which reaches every target but reach.
    void chanceOfTheTargets()
    {
        const QJsonObject answer = forecast(m_brand);
        const LenaDraw lena;
        const auto withProposed = [](double accepted) {
            return 0.75 + 0.25 * accepted;
        };
        QCOMPARE(answer[u"targets"_s].toArray().size(), 5);
        const QJsonObject views = target(answer, u"views"_s);
        QCOMPARE(views[u"kind"_s].toString(), u"minimum"_s);
        QCOMPARE(views[u"target"_s].toInt(), 7000);
        QCOMPARE(views[u"achieved"_s].toDouble(), 5000.0);
        compareChance(views[u"chanceAccepted"_s], lena.atLeast(2000));
        compareChance(views[u"chanceWithProposed"_s], withProposed(lena.atLeast(2000)));
        const QJsonObject engagements = target(answer, u"engagements"_s);
        compareChance(engagements[u"chanceAccepted"_s], lena.atLeast(2500));
        compareChance(engagements[u"chanceWithProposed"_s], withProposed(lena.atLeast(2500)));
        const QJsonObject reach = target(answer, u"reach"_s);
        QCOMPARE(reach[u"chanceAccepted"_s].toDouble(), 0.0);
        QCOMPARE(reach[u"chanceWithProposed"_s].toDouble(), 0.0);
        // CPE at most 30: 20 000 / engagements ≤ 30 needs 666.7 engagements, V ≥ 1666.7; with
        // the offer accepted, 30 000 / 2600 and more is well below. So far 20 000 / 500 = 40.
        const QJsonObject cpe = target(answer, u"cpeMinor"_s);
        QCOMPARE(cpe[u"kind"_s].toString(), u"maximum"_s);
        QCOMPARE(cpe[u"achieved"_s].toDouble(), 40.0);
        compareChance(cpe[u"chanceAccepted"_s], lena.atLeast(5000.0 / 3));
        compareChance(cpe[u"chanceWithProposed"_s], withProposed(lena.atLeast(5000.0 / 3)));
        // CPM at most 25.00: 20 000 × 1000 / views ≤ 2500 needs 8000 views, V ≥ 3000; with the
        // offer, 30 000 × 1000 / 26 000 is below. So far 20 000 × 1000 / 5000 = 4000.
        const QJsonObject cpm = target(answer, u"cpmMinor"_s);
        QCOMPARE(cpm[u"achieved"_s].toDouble(), 4000.0);
        compareChance(cpm[u"chanceAccepted"_s], lena.atLeast(3000));
        compareChance(cpm[u"chanceWithProposed"_s], withProposed(lena.atLeast(3000)));
        // A creator sees the forecast of their deliverables, never the brand's targets.
        QVERIFY(forecast(m_lena)[u"targets"_s].isNull());
    }

    void readRules()
    {
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(m_campaign), QString()).status,
                401);
        // The campaign is public, so anyone signed in may read it, but its forecast is the
        // brand's and its creators' only.
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1"_s.arg(m_campaign), m_otherBrand).status, 200);
        QCOMPARE(forecast(m_otherBrand, 403)[u"code"_s].toString(), u"forbidden"_s);
        QCOMPARE(forecast(m_outsider, 403)[u"code"_s].toString(), u"forbidden"_s);
        // A draft is the brand side's alone: 404 to anyone else.
        const QString draft = post(u"/api/v1/campaigns"_s, m_brand,
                {{u"name"_s, u"Draft"_s}, {u"brief"_s, u"Later."_s},
                        {u"objective"_s, u"awareness"_s},
                        {u"platforms"_s, QJsonArray{u"instagram"_s}},
                        {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1000},
                        {u"currency"_s, u"EUR"_s}, {u"startDate"_s, tests::isoDay(0)},
                        {u"endDate"_s, tests::isoDay(30)}, {u"visibility"_s, u"public"_s}})
                                      .json()[u"id"_s]
                                      .toString();
        const QString draftForecast = u"/api/v1/campaigns/%1/forecast"_s.arg(draft);
        QCOMPARE(m_api->get(draftForecast, m_otherBrand).status, 404);
        const QJsonObject empty = m_api->get(draftForecast, m_brand).json();
        QCOMPARE(empty[u"deliverables"_s][u"accepted"_s].toInt(), 0);
        QCOMPARE(empty[u"accepted"_s][u"views"_s][u"expected"_s].toDouble(), 0.0);
        // A creator sees only their own deliverables.
        const QJsonObject lena = forecast(m_lena);
        QCOMPARE(lena[u"scope"_s].toString(), u"own"_s);
        QCOMPARE(lena[u"deliverables"_s][u"accepted"_s].toInt(), 2);
        QCOMPARE(lena[u"deliverables"_s][u"proposed"_s].toInt(), 0);
        QCOMPARE(lena[u"creators"_s].toArray().size(), 1);
        compareInterval(lena[u"accepted"_s][u"views"_s].toObject(), 5000, 1);
        QCOMPARE(m_api->get(u"/api/v1/campaigns/nope/forecast"_s, m_brand).status, 400);
        QCOMPARE(m_api->get(u"/api/v1/campaigns/%1/forecast"_s.arg(
                                    QUuid::createUuid().toString(QUuid::WithoutBraces)),
                              m_brand)
                         .status,
                404);
    }
};

QTEST_GUILESS_MAIN(TestApiCampaignForecast)
#include "tst_api_campaign_forecast.moc"
