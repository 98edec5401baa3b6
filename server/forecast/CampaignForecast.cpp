// SPDX-License-Identifier: Apache-2.0
// The campaign forecast.
//
// Method: a nonparametric bootstrap of the campaign's totals (Efron & Tibshirani, "An
// Introduction to the Bootstrap", Chapman & Hall 1993, ch. 6). A deliverable whose post has
// figures counts them as measured (its newest post_metrics row: lifetime totals). Every other
// deliverable — accepted but not yet measured, or proposed in an open offer — will perform like
// one of its creator's own past posts: each simulation draws, for each such deliverable, one of
// the creator's last kHistoryPosts posts outside this campaign, published at least
// kSettledDays ago (their figures have mostly settled), on the deliverable's platform when the
// creator has kMinHistory such posts, else on any platform. Drawing whole posts keeps views,
// engagements and reach of one post together. The totals' mean and percentiles over
// kSimulations draws (fixed seed: the same data gives the same answer) are the forecast and its
// 80 % / 95 % intervals. A creator with fewer than kMinHistory posts has no history to draw
// from: their deliverables are counted apart and left out of the totals, not guessed.
//
// Compared with Later Influence's rule (completed + 0.8 × in progress): that rule discounts
// what is in progress by a flat 20 % and gives no interval; here each creator's own posts set
// both the expectation and its spread, and proposed deliverables are a separate total.
// Campaigns have no KPI targets in the schema (0005_collaboration.sql), so there is no chance
// of reaching them to give: `targets` is null until they exist.
#include "CampaignForecast.h"

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
#include <random>

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

// Whether the caller may read the campaign (the rule of campaigns::read: its brand side, or a
// creator while it is not a draft and public or they have a deal in it), whether they see all of
// it (brand side) and whether they have a deal in it (a creator sees their own deliverables).
const SqlStatement kScope(
        u"SELECT CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id), "
        "  EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id AND d.influencer_id = :user) "
        "FROM campaigns c "
        "WHERE c.id = :id AND (CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id) "
        "  OR (c.status <> 'draft' AND (c.visibility = 'public' "
        "      OR EXISTS (SELECT 1 FROM deals d WHERE d.campaign_id = c.id "
        "                 AND d.influencer_id = :user))))"_s);

// One row per deliverable: accepted ones (deals accepted, in progress or completed) with their
// post's newest figures if any; proposed ones, one row per unit of an open offer's quantity.
// Engagements as 0013_engagement.sql counts them.
const SqlStatement kDeliverables(
        u"SELECT false, d.influencer_id, dl.platform, m.views, m.engagements, m.reach "
        "FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
        "LEFT JOIN posts p ON p.deliverable_id = dl.id "
        "LEFT JOIN LATERAL (SELECT x.views, coalesce(x.likes, 0) + coalesce(x.comments, 0) "
        "  + coalesce(x.shares, 0) + coalesce(x.saves, 0) AS engagements, x.reach "
        "  FROM post_metrics x WHERE x.post_id = p.id ORDER BY x.day DESC LIMIT 1) m ON true "
        "WHERE d.campaign_id = :id AND d.state IN ('accepted', 'in_progress', 'completed') "
        "  AND (CAST(:all AS boolean) OR d.influencer_id = :user) "
        "UNION ALL "
        "SELECT true, d.influencer_id, e->>'platform', NULL, NULL, NULL "
        "FROM deals d JOIN offers o ON o.deal_id = d.id AND o.status = 'open' "
        "CROSS JOIN LATERAL jsonb_array_elements(o.deliverables) e "
        "CROSS JOIN LATERAL generate_series(1, coalesce((e->>'quantity')::int, 1)) "
        "WHERE d.campaign_id = :id AND d.state IN ('invited', 'applied', 'negotiating') "
        "  AND (CAST(:all AS boolean) OR d.influencer_id = :user)"_s);

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

struct DeliverableRow
{
    bool proposed = false;
    QString creator;
    QString platform;
    bool measured = false;
    PostFigures figures{};
};

/// The past posts of one creator: on each platform, and all of them.
struct CreatorHistory
{
    QHash<QString, std::vector<PostFigures>> byPlatform;
    std::vector<PostFigures> all;
};

struct CampaignData
{
    QUuid campaign;
    bool wholeCampaign = false;
    std::vector<DeliverableRow> deliverables;
    QHash<QString, CreatorHistory> histories;
};

/// The percentile `p` (0…1) of sorted `values`, linearly interpolated (R's type 7).
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty()) {
        return 0.0;
    }
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

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
    std::vector<PendingDeliverable> pending;
    int accepted = 0;
    int proposed = 0;
    int measured = 0;
    int withoutHistory = 0;
    QHash<QString, QJsonObject> creators;
    for (const DeliverableRow &row : data.deliverables) {
        PendingDeliverable d;
        d.proposed = row.proposed;
        d.measured = row.measured;
        d.figures = row.figures;
        d.history = row.measured ? nullptr : historyFor(data, row);
        (row.proposed ? proposed : accepted) += 1;
        measured += row.measured ? 1 : 0;
        QJsonObject &creator = creators[row.creator];
        creator.insert(u"influencerId"_s, row.creator);
        creator.insert(u"deliverables"_s, creator.value(u"deliverables"_s).toInt() + 1);
        const auto history = data.histories.constFind(row.creator);
        creator.insert(u"historyPosts"_s,
                history == data.histories.cend() ? 0 : static_cast<int>(history->all.size()));
        if (!row.measured && !d.history) {
            ++withoutHistory;
            creator.insert(u"withoutHistory"_s, creator.value(u"withoutHistory"_s).toInt() + 1);
            continue;
        }
        pending.push_back(d);
    }
    QJsonArray creatorList;
    for (QJsonObject creator : std::as_const(creators)) {
        if (!creator.contains(u"withoutHistory"_s)) {
            creator.insert(u"withoutHistory"_s, 0);
        }
        creatorList.append(creator);
    }
    const QJsonObject answer{{u"campaignId"_s, data.campaign.toString(QUuid::WithoutBraces)},
            {u"scope"_s, data.wholeCampaign ? u"campaign"_s : u"own"_s},
            {u"method"_s, u"bootstrap"_s}, {u"simulations"_s, kSimulations},
            {u"deliverables"_s,
                    QJsonObject{{u"accepted"_s, accepted}, {u"proposed"_s, proposed},
                            {u"measured"_s, measured}, {u"withoutHistory"_s, withoutHistory}}},
            {u"accepted"_s, totalsJson(simulateTotals(pending, false, kSimulations, kSeed))},
            {u"acceptedAndProposed"_s,
                    totalsJson(simulateTotals(pending, true, kSimulations, kSeed))},
            {u"creators"_s, creatorList}, {u"targets"_s, QJsonValue::Null}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

Result<CampaignData> readData(Connection &c, const Principal &p, const QUuid &id)
{
    auto scope =
            c.run(kScope, {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}, {u":id"_s, id}});
    if (!scope) {
        return scope.error();
    }
    if (!(*scope)->next()) {
        return Error::notFound(u"No such campaign."_s);
    }
    CampaignData data;
    data.campaign = id;
    data.wholeCampaign = (*scope)->value(0).toBool();
    // Anyone may read a public campaign; its forecast is about deliverables, which only its
    // brand side and its creators see.
    if (!data.wholeCampaign && !(*scope)->value(1).toBool()) {
        return Error::make(common::ErrorCode::Forbidden,
                u"Only the campaign's brand and its creators see its forecast."_s);
    }
    auto rows = c.run(kDeliverables,
            {{u":id"_s, id}, {u":all"_s, data.wholeCampaign}, {u":user"_s, p.userId()}});
    if (!rows) {
        return rows.error();
    }
    for (QSqlQuery &q = **rows; q.next();) {
        DeliverableRow row;
        row.proposed = q.value(0).toBool();
        row.creator = q.value(1).toString();
        row.platform = q.value(2).toString();
        row.measured = !q.isNull(3);
        row.figures = {number(q, 3), number(q, 4), number(q, 5)};
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

TotalForecast simulateTotals(const std::vector<PendingDeliverable> &deliverables, bool withProposed,
        int simulations, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::array<std::vector<double>, 3> totals;
    for (auto &figure : totals) {
        figure.reserve(static_cast<std::size_t>(simulations));
    }
    for (int s = 0; s < simulations; ++s) {
        PostFigures sum{};
        for (const PendingDeliverable &d : deliverables) {
            if (d.proposed && !withProposed) {
                continue;
            }
            const PostFigures *figures = &d.figures;
            if (!d.measured) {
                std::uniform_int_distribution<std::size_t> pick(0, d.history->size() - 1);
                figures = &(*d.history)[pick(random)];
            }
            for (std::size_t f = 0; f < sum.size(); ++f) {
                sum.at(f) += figures->at(f);
            }
        }
        for (std::size_t f = 0; f < sum.size(); ++f) {
            totals.at(f).push_back(sum.at(f));
        }
    }
    TotalForecast forecast;
    for (std::size_t f = 0; f < totals.size(); ++f) {
        std::vector<double> &values = totals.at(f);
        std::sort(values.begin(), values.end());
        double mean = 0.0;
        for (const double v : values) {
            mean += v;
        }
        forecast.mean.at(f) = values.empty() ? 0.0 : mean / static_cast<double>(values.size());
        forecast.lo80.at(f) = percentile(values, 0.10);
        forecast.hi80.at(f) = percentile(values, 0.90);
        forecast.lo95.at(f) = percentile(values, 0.025);
        forecast.hi95.at(f) = percentile(values, 0.975);
    }
    return forecast;
}

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
