// SPDX-License-Identifier: Apache-2.0
// The campaign forecast: achieved so far + expected from the deliverables not yet measured.
//
// Achieved so far: the campaign's posts' latest lifetime figures (post_totals, the analytics
// rollup of 0012_analytics.sql), whether or not a post fulfils a deliverable.
//
// Expected: a nonparametric bootstrap of the campaign's totals (Efron & Tibshirani, "An
// Introduction to the Bootstrap", Chapman & Hall 1993, ch. 6). Every deliverable whose post has
// no figures yet — accepted but not yet measured, or proposed in an open offer — will perform
// like one of its creator's own past posts: its last kHistoryPosts posts outside this campaign,
// published at least kSettledDays ago (their figures have mostly settled), on the
// deliverable's platform when the creator has kMinHistory such posts, else on any platform.
// Drawing whole posts keeps views, engagements and reach of one post together.
//
// How a deliverable is drawn from its creator's past posts — in two stages, smoothed — is
// CampaignSimulation.cpp's part, with the references.
//
// Proposed deliverables count as much as an offer's chance of acceptance: each open offer is
// accepted in a draw with the historical share of decided deals that were accepted (Laplace's
// rule of succession, (accepted + 1) / (decided + 2)), the brand's own when it has decided
// kMinDecided deals, else the platform's; all its deliverables and its fee come together.
//
// The totals' mean and percentiles over kSimulations draws (fixed seed: the same data gives
// the same answer) are the forecast and its 80 % / 95 % intervals; the share of draws reaching
// a target is the chance of reaching it (a CPE or CPM ceiling: the draw's cost — accepted fees,
// plus the fees of the offers accepted in it — per engagement or per thousand views at most the
// ceiling). A creator with fewer than kMinHistory posts has no history to draw from: their
// deliverables are counted apart and left out, not guessed.
//
// Compared with Later Influence's rule (completed + 0.8 × in progress): that rule discounts
// what is in progress by a flat 20 % and gives no interval; here each creator's own posts set
// both the expectation and its spread, and proposals are discounted by how often offers are
// really accepted.
#include "CampaignForecast.h"

#include "CampaignSimulation.h"
#include "common/CampaignTargets.h"
#include "core/db/Connection.h"
#include "core/http/Principal.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/Response.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::forecast {

namespace {

constexpr int kHistoryPosts = 60;
constexpr int kMinHistory = 3;
constexpr int kSettledDays = 7;
constexpr int kSimulations = 10'000;
constexpr std::uint64_t kSeed = 20;
constexpr int kMinDecided = 10;

// Whether the caller may read the campaign (the rule of campaigns::read: its brand side, or a
// creator while it is not a draft and public or they have a deal in it), whether they see all of
// it (brand side), whether they have a deal in it (a creator sees their own deliverables), and
// the campaign's targets (0027_campaign_targets.sql).
const SqlStatement kScope(
        u"SELECT CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id), "
        "  EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id AND d.influencer_id = :user), "
        "  c.target_views, c.target_engagements, c.target_reach, c.target_max_cpe_minor, "
        "  c.target_max_cpm_minor, c.currency "
        "FROM campaigns c "
        "WHERE c.id = :id AND (CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id) "
        "  OR (c.status <> 'draft' AND (c.visibility = 'public' "
        "      OR EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id "
        "                 AND d.influencer_id = :user))))"_s);

// One row per deliverable not yet measured: accepted ones (deals accepted, in progress or
// completed) whose post has no figures; proposed ones, one row per unit of an open offer's
// quantity, with the offer and its fee.
const SqlStatement kDeliverables(
        u"SELECT NULL::uuid, d.influencer_id, dl.platform, NULL::bigint "
        "FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
        "WHERE d.campaign_id = :id AND d.state IN ('accepted', 'in_progress', 'completed') "
        "  AND (CAST(:all AS boolean) OR d.influencer_id = :user) "
        "  AND NOT EXISTS (SELECT 1 FROM posts p JOIN post_metrics x ON x.post_id = p.id "
        "                  WHERE p.deliverable_id = dl.id) "
        "UNION ALL "
        "SELECT o.id, d.influencer_id, e->>'platform', o.fee_minor "
        "FROM deals d JOIN offers o ON o.deal_id = d.id AND o.status = 'open' "
        "CROSS JOIN LATERAL jsonb_array_elements(o.deliverables) e "
        "CROSS JOIN LATERAL generate_series(1, coalesce((e->>'quantity')::int, 1)) "
        "WHERE d.campaign_id = :id AND d.state IN ('invited', 'applied', 'negotiating') "
        "  AND (CAST(:all AS boolean) OR d.influencer_id = :user)"_s);

// Achieved so far: the campaign's posts' latest lifetime figures (the analytics rollup), how
// many deliverables are measured, and the fees of the accepted deals.
const SqlStatement kAchieved(
        u"SELECT coalesce(sum(t.views), 0), coalesce(sum(t.engagements), 0), "
        "  coalesce(sum(t.reach), 0), count(*) FILTER (WHERE t.day IS NOT NULL), "
        "  (SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
        "   WHERE d.campaign_id = :id AND d.state IN ('accepted', 'in_progress', 'completed') "
        "     AND (CAST(:all AS boolean) OR d.influencer_id = :user) "
        "     AND EXISTS (SELECT 1 FROM posts p JOIN post_metrics x ON x.post_id = p.id "
        "                 WHERE p.deliverable_id = dl.id)), "
        "  (SELECT coalesce(sum(o.fee_minor), 0) FROM deals d "
        "   JOIN offers o ON o.id = d.accepted_offer_id WHERE d.campaign_id = :id "
        "     AND d.state IN ('accepted', 'in_progress', 'completed') "
        "     AND (CAST(:all AS boolean) OR d.influencer_id = :user)) "
        "FROM post_totals t "
        "WHERE t.campaign_id = :id AND (CAST(:all AS boolean) OR t.influencer_id = :user)"_s);

// How often offers are accepted: of the deals decided (accepted once, or declined, withdrawn or
// cancelled), those accepted; the campaign's brand's and the platform's.
const SqlStatement kAcceptance(
        u"SELECT count(*) FILTER (WHERE d.brand_id = c.brand_id AND d.accepted_offer_id IS NOT "
        "  NULL), count(*) FILTER (WHERE d.brand_id = c.brand_id), "
        "  count(*) FILTER (WHERE d.accepted_offer_id IS NOT NULL), count(*) "
        "FROM campaigns c, deals d WHERE c.id = :id AND (d.accepted_offer_id IS NOT NULL "
        "  OR d.state IN ('declined', 'withdrawn', 'cancelled'))"_s);

// The past posts of the creators with a live deal in the campaign, newest first.
const SqlStatement kHistory(
        u"SELECT h.influencer_id, h.platform, h.views, h.engagements, h.reach FROM ("
        " SELECT p.influencer_id, p.platform, m.views, m.engagements, m.reach, row_number() "
        "   OVER (PARTITION BY p.influencer_id ORDER BY p.published_at DESC) AS n "
        " FROM posts p JOIN LATERAL (SELECT x.views, coalesce(x.likes, 0) + coalesce(x.comments, "
        "   0) + coalesce(x.shares, 0) + coalesce(x.saves, 0) AS engagements, x.reach "
        "   FROM post_metrics x WHERE x.post_id = p.id ORDER BY x.day DESC LIMIT 1) m ON true "
        " WHERE p.influencer_id IN (SELECT d.influencer_id FROM deals d WHERE d.campaign_id = :id "
        "   AND d.state NOT IN ('declined', 'withdrawn', 'cancelled') "
        "   AND (CAST(:all AS boolean) OR d.influencer_id = :user)) "
        "   AND p.campaign_id IS DISTINCT FROM :id AND m.views IS NOT NULL "
        "   AND p.published_at < now() - make_interval(days => :settled)) h "
        "WHERE h.n <= :limit"_s);

double number(const QSqlQuery &q, int column)
{
    return q.isNull(column) ? 0.0 : q.value(column).toDouble();
}

std::optional<qint64> optionalInt(const QSqlQuery &q, int column)
{
    return q.isNull(column) ? std::nullopt : std::optional(q.value(column).toLongLong());
}

struct DeliverableRow
{
    QString offer; ///< empty: accepted
    QString creator;
    QString platform;
    double fee = 0;
};

/// The past posts of one creator: on each platform, and all of them.
struct CreatorHistory
{
    QHash<QString, std::vector<PostFigures>> byPlatform;
    std::vector<PostFigures> all;
};

struct Acceptance
{
    double rate = 0.5;
    QString basis;
    qint64 accepted = 0;
    qint64 decided = 0;
};

struct CampaignData
{
    QUuid campaign;
    bool wholeCampaign = false;
    common::CampaignTargets targets;
    QString currency;
    PostFigures achieved{};
    qint64 postsMeasured = 0;
    int measured = 0;
    double acceptedCost = 0;
    Acceptance acceptance;
    std::vector<DeliverableRow> deliverables;
    QHash<QString, CreatorHistory> histories;
};

QJsonObject interval(const TotalForecast &t, std::size_t figure)
{
    return {{u"expected"_s, std::round(t.mean.at(figure))},
            {u"lo80"_s, std::round(t.lo80.at(figure))}, {u"hi80"_s, std::round(t.hi80.at(figure))},
            {u"lo95"_s, std::round(t.lo95.at(figure))}, {u"hi95"_s, std::round(t.hi95.at(figure))}};
}

QJsonObject totalsJson(const TotalForecast &t)
{
    return {{u"views"_s, interval(t, 0)}, {u"engagements"_s, interval(t, 1)},
            {u"reach"_s, interval(t, 2)}};
}

/// The share of draws for which `reached(i)` holds, to three decimals.
template<class Reached>
double chance(const Draws &draws, Reached reached)
{
    const std::size_t n = draws.cost.size();
    if (n == 0) {
        return 0.0;
    }
    std::size_t hits = 0;
    for (std::size_t i = 0; i < n; ++i) {
        hits += reached(i) ? 1 : 0;
    }
    return std::round(1000.0 * static_cast<double>(hits) / static_cast<double>(n)) / 1000.0;
}

/// One target: what it asks, where the campaign stands, and the chance of reaching it with the
/// accepted deliverables and with the proposed ones too.
QJsonArray targetsJson(const CampaignData &data, const Draws &accepted, const Draws &all)
{
    QJsonArray list;
    const auto total = [&](const QString &metric, const std::optional<qint64> &target,
                               std::size_t figure) {
        if (!target) {
            return;
        }
        const auto value = static_cast<double>(*target);
        const auto reaches = [&](const Draws &d) {
            return chance(d, [&](std::size_t i) {
                return d.totals.at(figure)[i] >= value;
            });
        };
        list.append(QJsonObject{{u"metric"_s, metric}, {u"kind"_s, u"minimum"_s},
                {u"target"_s, *target}, {u"achieved"_s, std::round(data.achieved.at(figure))},
                {u"chanceAccepted"_s, reaches(accepted)}, {u"chanceWithProposed"_s, reaches(all)}});
    };
    total(u"views"_s, data.targets.views, 0);
    total(u"engagements"_s, data.targets.engagements, 1);
    total(u"reach"_s, data.targets.reach, 2);
    // A cost ceiling: the draw's cost per engagement (or per 1000 views) at most the target.
    const auto ceiling = [&](const QString &metric, const std::optional<qint64> &target,
                                 std::size_t figure, double per) {
        if (!target) {
            return;
        }
        const auto value = static_cast<double>(*target);
        const auto reaches = [&](const Draws &d) {
            return chance(d, [&](std::size_t i) {
                const double units = d.totals.at(figure)[i];
                return units > 0 && d.cost[i] * per <= value * units;
            });
        };
        const double units = data.achieved.at(figure);
        list.append(QJsonObject{{u"metric"_s, metric}, {u"kind"_s, u"maximum"_s},
                {u"target"_s, *target},
                {u"achieved"_s,
                        units > 0 ? QJsonValue(std::round(data.acceptedCost * per / units))
                                  : QJsonValue(QJsonValue::Null)},
                {u"chanceAccepted"_s, reaches(accepted)}, {u"chanceWithProposed"_s, reaches(all)}});
    };
    ceiling(u"cpeMinor"_s, data.targets.maxCpeMinor, 1, 1.0);
    ceiling(u"cpmMinor"_s, data.targets.maxCpmMinor, 0, 1000.0);
    return list;
}

const std::vector<PostFigures> *historyFor(const CampaignData &data, const DeliverableRow &row)
{
    const auto creator = data.histories.constFind(row.creator);
    if (creator == data.histories.cend()) {
        return nullptr;
    }
    const auto platform = creator->byPlatform.constFind(row.platform);
    if (platform != creator->byPlatform.cend() && platform->size() >= kMinHistory) {
        return &*platform;
    }
    return creator->all.size() >= kMinHistory ? &creator->all : nullptr;
}

QByteArray answerJson(const CampaignData &data)
{
    SimulationInput input;
    input.achieved = data.achieved;
    input.acceptedCost = data.acceptedCost;
    input.acceptance = data.acceptance.rate;
    QHash<QString, std::size_t> offers;
    int accepted = data.measured;
    int proposed = 0;
    int withoutHistory = 0;
    QHash<QString, QJsonObject> creators;
    for (const DeliverableRow &row : data.deliverables) {
        PendingDeliverable d;
        if (!row.offer.isEmpty()) {
            auto offer = offers.constFind(row.offer);
            if (offer == offers.cend()) {
                offer = offers.insert(row.offer, input.offerFees.size());
                input.offerFees.push_back(row.fee);
            }
            d.offer = *offer;
        }
        d.history = historyFor(data, row);
        (row.offer.isEmpty() ? accepted : proposed) += 1;
        QJsonObject &creator = creators[row.creator];
        creator.insert(u"influencerId"_s, row.creator);
        creator.insert(u"deliverables"_s, creator.value(u"deliverables"_s).toInt() + 1);
        const auto history = data.histories.constFind(row.creator);
        creator.insert(u"historyPosts"_s,
                history == data.histories.cend() ? 0 : static_cast<int>(history->all.size()));
        if (!d.history) {
            ++withoutHistory;
            creator.insert(u"withoutHistory"_s, creator.value(u"withoutHistory"_s).toInt() + 1);
            continue;
        }
        input.deliverables.push_back(d);
    }
    QJsonArray creatorList;
    for (QJsonObject creator : std::as_const(creators)) {
        if (!creator.contains(u"withoutHistory"_s)) {
            creator.insert(u"withoutHistory"_s, 0);
        }
        creatorList.append(creator);
    }
    const Draws acceptedDraws =
            simulateDraws(input, false, kSimulations, kSeed, Bootstrap::SmoothedTwoStage);
    const Draws allDraws =
            simulateDraws(input, true, kSimulations, kSeed, Bootstrap::SmoothedTwoStage);
    const QJsonObject achieved{{u"views"_s, std::round(data.achieved[0])},
            {u"engagements"_s, std::round(data.achieved[1])},
            {u"reach"_s, std::round(data.achieved[2])}, {u"posts"_s, data.postsMeasured},
            {u"costMinor"_s, std::round(data.acceptedCost)}, {u"currency"_s, data.currency}};
    const QJsonObject answer{{u"campaignId"_s, data.campaign.toString(QUuid::WithoutBraces)},
            {u"scope"_s, data.wholeCampaign ? u"campaign"_s : u"own"_s},
            {u"method"_s, u"bootstrap"_s}, {u"stages"_s, 2}, {u"smoothing"_s, u"silverman"_s},
            {u"simulations"_s, kSimulations},
            {u"deliverables"_s,
                    QJsonObject{{u"accepted"_s, accepted}, {u"proposed"_s, proposed},
                            {u"measured"_s, data.measured}, {u"withoutHistory"_s, withoutHistory}}},
            {u"acceptance"_s,
                    QJsonObject{{u"rate"_s, std::round(data.acceptance.rate * 1000.0) / 1000.0},
                            {u"basis"_s, data.acceptance.basis},
                            {u"accepted"_s, data.acceptance.accepted},
                            {u"decided"_s, data.acceptance.decided}}},
            {u"achieved"_s, achieved}, {u"accepted"_s, totalsJson(summarize(acceptedDraws))},
            {u"acceptedAndProposed"_s, totalsJson(summarize(allDraws))},
            {u"creators"_s, creatorList},
            // Targets are the brand's (0027_campaign_targets.sql): a creator sees none.
            {u"targets"_s,
                    data.wholeCampaign ? QJsonValue(targetsJson(data, acceptedDraws, allDraws))
                                       : QJsonValue(QJsonValue::Null)}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

Acceptance acceptanceOf(
        qint64 brandAccepted, qint64 brandDecided, qint64 allAccepted, qint64 allDecided)
{
    Acceptance a;
    const bool brand = brandDecided >= kMinDecided;
    a.basis = brand ? u"brand"_s : u"platform"_s;
    a.accepted = brand ? brandAccepted : allAccepted;
    a.decided = brand ? brandDecided : allDecided;
    // Laplace's rule of succession: no history gives even odds, not certainty either way.
    a.rate = (static_cast<double>(a.accepted) + 1.0) / (static_cast<double>(a.decided) + 2.0);
    return a;
}

Result<CampaignData> readData(Connection &c, const Principal &p, const QUuid &id)
{
    auto scope =
            c.run(kScope, {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":id"_s, id}});
    if (!scope) {
        return scope.error();
    }
    QSqlQuery &s = **scope;
    if (!s.next()) {
        return Error::notFound(u"No such campaign."_s);
    }
    CampaignData data;
    data.campaign = id;
    data.wholeCampaign = s.value(0).toBool();
    // Anyone may read a public campaign; its forecast is about deliverables, which only its
    // brand side and its creators see.
    if (!data.wholeCampaign && !s.value(1).toBool()) {
        return Error::make(common::ErrorCode::Forbidden,
                u"Only the campaign's brand and its creators see its forecast."_s);
    }
    data.targets = {optionalInt(s, 2), optionalInt(s, 3), optionalInt(s, 4), optionalInt(s, 5),
            optionalInt(s, 6)};
    data.currency = s.value(7).toString();
    s.finish();
    auto achieved = c.run(
            kAchieved, {{u":id"_s, id}, {u":all"_s, data.wholeCampaign}, {u":user"_s, p.userId()}});
    if (!achieved) {
        return achieved.error();
    }
    if ((*achieved)->next()) {
        const QSqlQuery &q = **achieved;
        data.achieved = {number(q, 0), number(q, 1), number(q, 2)};
        data.postsMeasured = q.value(3).toLongLong();
        data.measured = q.value(4).toInt();
        data.acceptedCost = number(q, 5);
    }
    (*achieved)->finish();
    auto acceptance = c.run(kAcceptance, {{u":id"_s, id}});
    if (!acceptance) {
        return acceptance.error();
    }
    if ((*acceptance)->next()) {
        const QSqlQuery &q = **acceptance;
        data.acceptance = acceptanceOf(q.value(0).toLongLong(), q.value(1).toLongLong(),
                q.value(2).toLongLong(), q.value(3).toLongLong());
    }
    (*acceptance)->finish();
    auto rows = c.run(kDeliverables,
            {{u":id"_s, id}, {u":all"_s, data.wholeCampaign}, {u":user"_s, p.userId()}});
    if (!rows) {
        return rows.error();
    }
    for (QSqlQuery &q = **rows; q.next();) {
        DeliverableRow row;
        row.offer = q.isNull(0) ? QString() : q.value(0).toString();
        row.creator = q.value(1).toString();
        row.platform = q.value(2).toString();
        row.fee = number(q, 3);
        data.deliverables.push_back(row);
    }
    auto posts = c.run(kHistory,
            {{u":id"_s, id}, {u":all"_s, data.wholeCampaign}, {u":user"_s, p.userId()},
                    {u":settled"_s, kSettledDays}, {u":limit"_s, kHistoryPosts}});
    if (!posts) {
        return posts.error();
    }
    for (QSqlQuery &q = **posts; q.next();) {
        CreatorHistory &creator = data.histories[q.value(0).toString()];
        const PostFigures figures{number(q, 2), number(q, 3), number(q, 4)};
        creator.byPlatform[q.value(1).toString()].push_back(figures);
        creator.all.push_back(figures);
    }
    return data;
}

} // namespace

http::Prepare campaignForecastRoute()
{
    return [](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        return Work([id = *id](Connection &c, const Principal &p, const Responder &out) {
            auto data = readData(c, p, id);
            if (!data) {
                return Response::fromError(data.error());
            }
            // Thousands of draws over every deliverable: CPU work, off the database worker.
            out.runOnCpuPool([data = std::make_shared<CampaignData>(std::move(*data))] {
                return Response::rawJson(answerJson(*data));
            });
            return Response::deferred();
        });
    };
}

} // namespace influence::server::forecast
