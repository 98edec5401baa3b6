// SPDX-License-Identifier: Apache-2.0
#include "Recommendations.h"

#include "FeatureStore.h"
#include "Scoring.h"
#include "core/db/Connection.h"
#include "discovery/DiscoveryIndexLoader.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::recommendations {

namespace {

const SqlStatement kCampaign(
        u"SELECT c.brand_id::text, CAST(:admin AS boolean) OR acts_for_brand(:user, c.brand_id), "
        "c.name, c.brief, c.currency, array_to_string(c.target_niches, ','), "
        "array_to_string(c.target_countries, ','), array_to_string(c.target_languages, ','), "
        "array_to_string(c.deliverable_types, ','), c.min_followers, c.max_followers, "
        "c.min_engagement_rate, c.budget_minor, "
        "coalesce((SELECT a.balance_minor FROM ledger_accounts a WHERE a.campaign_id = c.id "
        "  AND a.kind = 'campaign_budget' AND a.currency = c.currency), 0) "
        "FROM campaigns c WHERE c.id = :id"_s);

// Per creator: completed deals in the campaign's currency with their fees and the engagements
// of their posts; brand offers declined in the last 90 days; and who is left out (already in a
// deal of the campaign, the brand's own users).
const SqlStatement kHistory(
        u"SELECT 'deals', d.influencer_id::text, count(*), sum(o.fee_minor), "
        "  sum(coalesce(e.engagements, 0)) "
        "FROM deals d JOIN offers o ON o.id = d.accepted_offer_id "
        "LEFT JOIN LATERAL (SELECT sum(pt.engagements) AS engagements FROM post_totals pt "
        "  WHERE pt.campaign_id = d.campaign_id AND pt.influencer_id = d.influencer_id) e ON true "
        "WHERE d.state = 'completed' AND o.currency = :currency "
        "GROUP BY d.influencer_id "
        "UNION ALL "
        "SELECT 'declines', d.influencer_id::text, count(DISTINCT d.id), 0, 0 "
        "FROM offers o JOIN deals d ON d.id = o.deal_id "
        "WHERE o.status = 'declined' AND o.made_by = 'brand' "
        "  AND o.responded_at > now() - make_interval(days => CAST(:days AS integer)) "
        "GROUP BY d.influencer_id "
        "UNION ALL "
        "SELECT 'excluded', x.id::text, 0, 0, 0 FROM ("
        "  SELECT influencer_id AS id FROM deals WHERE campaign_id = :campaign "
        "  UNION SELECT member_id FROM brand_members WHERE brand_id = CAST(:brand AS uuid) "
        "  UNION SELECT CAST(:brand AS uuid)) x"_s);

std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(db::toInt64(value));
}

QStringList listOf(const QVariant &value)
{
    return value.toString().split(u',', Qt::SkipEmptyParts);
}

struct Histories
{
    QHash<QUuid, History> byCreator;
    QList<QUuid> excluded;
    double medianCpeMinor = std::numeric_limits<double>::quiet_NaN();
};

Result<Histories> readHistories(
        Connection &c, const QUuid &campaign, const QString &brand, const QString &currency)
{
    auto rows = c.run(kHistory,
            {{u":currency"_s, currency}, {u":days"_s, kDeclineDays}, {u":campaign"_s, campaign},
                    {u":brand"_s, brand}});
    if (!rows) {
        return rows.error();
    }
    Histories h;
    std::vector<double> costs;
    while ((*rows)->next()) {
        const QSqlQuery &row = **rows;
        const QString kind = row.value(0).toString();
        const QUuid creator = QUuid::fromString(row.value(1).toString());
        if (kind == u"excluded"_s) {
            h.excluded.append(creator);
        } else if (kind == u"declines"_s) {
            h.byCreator[creator].declines = row.value(2).toInt();
        } else {
            History &history = h.byCreator[creator];
            history.completedDeals = row.value(2).toInt();
            const auto fees = static_cast<double>(db::toInt64(row.value(3)));
            const auto engagements = static_cast<double>(db::toInt64(row.value(4)));
            history.cpeMinor = fees / std::max(engagements, 1.0);
            costs.push_back(history.cpeMinor);
        }
    }
    if (!costs.empty()) {
        std::sort(costs.begin(), costs.end());
        const std::size_t middle = costs.size() / 2;
        h.medianCpeMinor =
                costs.size() % 2 == 1 ? costs[middle] : (costs[middle - 1] + costs[middle]) / 2.0;
    }
    return h;
}

/// Creators scored in full to find the pruning threshold (at least; twice the page's end).
constexpr std::size_t kProbe = 64;
/// What the bound's and the score's rounding may differ by.
constexpr double kBoundSlack = 1e-9;

struct Ranked
{
    double score;
    quint32 slot;
};

struct CampaignRow
{
    QString brand;
    Campaign campaign;
};

/// The campaign, when `p` may see its recommendations (404 otherwise).
Result<CampaignRow> readCampaign(Connection &c, const http::Principal &p, const QUuid &id)
{
    auto found = c.run(
            kCampaign, {{u":id"_s, id}, {u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
    if (!found) {
        return found.error();
    }
    QSqlQuery &row = **found;
    if (!row.next() || !row.value(1).toBool()) {
        return Error::notFound(u"No such campaign."_s);
    }
    CampaignRow result{row.value(0).toString(), {}};
    Campaign &campaign = result.campaign;
    campaign.name = row.value(2).toString();
    campaign.brief = row.value(3).toString();
    campaign.currency = row.value(4).toString();
    campaign.niches = listOf(row.value(5));
    campaign.countries = listOf(row.value(6));
    campaign.languages = listOf(row.value(7));
    campaign.deliverableTypes = listOf(row.value(8));
    campaign.minFollowers = optionalInt(row.value(9));
    campaign.maxFollowers = optionalInt(row.value(10));
    if (!row.value(11).isNull()) {
        campaign.minEngagementRate = row.value(11).toDouble();
    }
    campaign.budgetMinor = db::toInt64(row.value(12));
    campaign.remainingMinor = db::toInt64(row.value(13));
    return result;
}

/// The candidates in rank order up to the page's end, with what ranked them.
struct Ranking
{
    std::vector<float> similarity; ///< per slot: the cosine with the campaign's query
    std::vector<const History *> history; ///< per slot
    std::vector<Ranked>
            ranked; ///< the candidates that may be on the page, the first `wanted` sorted
    std::size_t wanted = 0;
    bool more = false; ///< eligible creators beyond `wanted`
};

Ranking rank(const StoreData &data, const Target &target, const Histories &histories,
        const RecommendationQuery &query)
{
    Ranking r;
    const std::size_t slots = data.creators.size();
    // Exact cosine through the inverted index: only the query terms' lists are read.
    r.similarity.assign(slots, 0.0F);
    for (const TermWeight &q : target.query) {
        for (const Posting &posting : data.postings[q.term]) {
            r.similarity[posting.slot] += q.weight * posting.weight;
        }
    }
    std::vector<char> excluded(slots, 0);
    for (const QUuid &id : histories.excluded) {
        if (const auto at = data.slots.constFind(id); at != data.slots.constEnd()) {
            excluded[*at] = 1;
        }
    }
    r.history.assign(slots, nullptr);
    for (auto it = histories.byCreator.cbegin(); it != histories.byCreator.cend(); ++it) {
        if (const auto at = data.slots.constFind(it.key()); at != data.slots.constEnd()) {
            r.history[*at] = &it.value();
        }
    }
    // Pruning (exact): every eligible creator's cheap upper bound; the best `probe` of them by
    // bound scored in full give a score tau that the page's last creator reaches at least; only
    // the creators whose bound reaches tau can be on the page, and only they are scored in full.
    std::vector<Ranked> bounds;
    bounds.reserve(static_cast<std::size_t>(data.alive));
    for (quint32 slot = 0; slot < slots; ++slot) {
        const Summary &f = data.summaries[slot];
        if (f.alive && f.verified && excluded[slot] == 0) {
            bounds.push_back(
                    {upperBound(target, data, f, r.similarity[slot], r.history[slot]), slot});
        }
    }
    r.wanted = std::min(bounds.size(), static_cast<std::size_t>(query.offset + query.limit));
    const auto score = [&](quint32 slot) {
        return assess(target, data, data.creators[slot], r.similarity[slot], r.history[slot]).score;
    };
    double tau = -1;
    const std::size_t probe = std::max<std::size_t>(2 * r.wanted, kProbe);
    if (r.wanted > 0 && bounds.size() > probe) {
        std::nth_element(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(probe),
                bounds.end(), [](const Ranked &a, const Ranked &b) {
                    return a.score > b.score;
                });
        std::vector<double> best;
        best.reserve(probe);
        for (std::size_t i = 0; i < probe; ++i) {
            best.push_back(score(bounds[i].slot));
        }
        std::nth_element(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(r.wanted - 1),
                best.end(), std::greater<>());
        tau = best[r.wanted - 1] - kBoundSlack;
    }
    r.ranked.reserve(bounds.size() > probe ? probe : bounds.size());
    for (const Ranked &b : bounds) {
        if (b.score >= tau) {
            r.ranked.push_back({score(b.slot), b.slot});
        }
    }
    std::partial_sort(r.ranked.begin(), r.ranked.begin() + static_cast<std::ptrdiff_t>(r.wanted),
            r.ranked.end(), [&data](const Ranked &a, const Ranked &b) {
                if (a.score != b.score) {
                    return a.score > b.score;
                }
                return data.creators[a.slot].id < data.creators[b.slot].id;
            });
    r.more = bounds.size() > r.wanted;
    return r;
}

/// The answer: the page's items with their factors, the cursor and when it was made.
QByteArray page(const StoreData &data, const Target &target, const Ranking &r,
        const RecommendationQuery &query, const QString &generatedAt)
{
    QByteArray out = R"({"items":[)";
    const auto first = static_cast<std::size_t>(query.offset);
    for (std::size_t i = first; i < r.wanted; ++i) {
        const quint32 slot = r.ranked[i].slot;
        const Features &f = data.creators[slot];
        const History *h = r.history[slot];
        const Assessment assessment = assess(target, data, f, r.similarity[slot], h);
        const QJsonObject rest{{u"rank"_s, static_cast<qint64>(i + 1)},
                {u"score"_s, std::round(assessment.score * 10000.0) / 10000.0},
                {u"factors"_s, explain(target, data, f, h, assessment)}};
        if (i > first) {
            out += ',';
        }
        out += R"({"influencer":)" + f.item + ','
                + QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
    }
    const bool more = r.more;
    out += R"(],"nextCursor":)"
            + (more ? '"' + encodeCursor(static_cast<int>(r.wanted)).toLatin1() + '"'
                    : QByteArray("null"))
            + R"(,"generatedAt":")" + generatedAt.toLatin1() + "\"}";
    return out;
}

} // namespace

QString encodeCursor(int offset)
{
    const QByteArray plain = QByteArray("r1:") + QByteArray::number(offset);
    return QString::fromLatin1(
            plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<int> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("r1:")) {
        return std::nullopt;
    }
    bool ok = false;
    const int offset = decoded.decoded.mid(3).toInt(&ok);
    if (!ok || offset < 0 || offset > 10'000'000) {
        return std::nullopt;
    }
    return offset;
}

Result<QByteArray> recommend(Connection &c, const http::Principal &p,
        discovery::DiscoveryIndexLoader &loader, const FeatureStore &store,
        const RecommendationQuery &query)
{
    if (p.role() == common::UserRole::Influencer) {
        return Error::make(ErrorCode::Forbidden, u"Only the brand's side sees recommendations."_s);
    }
    auto campaign = readCampaign(c, p, query.campaign);
    if (!campaign) {
        return campaign.error();
    }
    auto histories = readHistories(c, query.campaign, campaign->brand, campaign->campaign.currency);
    if (!histories) {
        return histories.error();
    }
    if (auto current = loader.catchUp(c); !current) {
        return current.error();
    }
    const QString generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return store.read([&](const StoreData &data) {
        Target target = Target::of(std::move(campaign->campaign), data);
        target.medianCpeMinor = histories->medianCpeMinor;
        const Ranking ranking = rank(data, target, *histories, query);
        return page(data, target, ranking, query, generatedAt);
    });
}

} // namespace influence::server::recommendations
