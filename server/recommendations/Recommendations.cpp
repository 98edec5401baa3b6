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
#include <memory>
#include <mutex>

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

/// Per thread, reused by every request: the per-slot arrays of a ranking (allocating and
/// clearing them per request, megabytes at 100 000 creators, cost about a tenth of it).
struct Scratch
{
    enum Mark : quint8 { None, Excluded, HasHistory };
    std::vector<float> similarity; ///< per slot: the cosine with the campaign's query
    std::vector<const History *> history; ///< per slot; set only where mark is HasHistory
    std::vector<quint8> mark; ///< per slot
    std::vector<quint32> marked; ///< the slots marked by the last ranking, to clear
    std::vector<Ranked> probe;
    std::vector<double> best;
    std::vector<Ranked> ranked; ///< the candidates that may be on the page, the first sorted

    static Scratch &local()
    {
        thread_local Scratch scratch;
        return scratch;
    }
};

/// Rounded up to a float: still a bound.
float roundedUp(double value)
{
    const auto f = static_cast<float>(value);
    return static_cast<double>(f) < value ? std::nextafter(f, 2.0F) : f;
}

/// Per campaign: each creator's score bound without the text's cosine and without deal history,
/// for the store's generation and the campaign as it was read (a change of either makes it anew).
/// The bound of most creators is then one addition per request (rank()).
struct CampaignBounds
{
    quint64 generation = 0;
    Campaign campaign;
    std::vector<float> bounds; ///< per slot; -1 for a creator that may not be recommended
};

class BoundCache
{
public:
    /// The campaigns kept (each 4 bytes per creator).
    static constexpr qsizetype kCampaigns = 64;

    std::shared_ptr<const CampaignBounds> find(const QUuid &id, const Target &t, quint64 generation)
    {
        const std::lock_guard lock(m_lock);
        auto found = m_entries.value(id);
        if (found && (found->generation != generation || !(found->campaign == t.campaign))) {
            m_entries.remove(id);
            found.reset();
        }
        return found;
    }
    void keep(const QUuid &id, const std::shared_ptr<const CampaignBounds> &bounds)
    {
        const std::lock_guard lock(m_lock);
        if (m_entries.size() >= kCampaigns && !m_entries.contains(id)) {
            m_entries.erase(m_entries.begin());
        }
        m_entries.insert(id, bounds);
    }

private:
    std::mutex m_lock;
    QHash<QUuid, std::shared_ptr<const CampaignBounds>> m_entries;
};

BoundCache &boundCache()
{
    static BoundCache cache;
    return cache;
}

/// upperBound with no cosine and no history for every creator (-1 when not recommendable).
std::shared_ptr<const CampaignBounds> boundsOf(
        const StoreData &data, const Target &target, const QUuid &campaign)
{
    if (auto cached = boundCache().find(campaign, target, data.generation)) {
        return cached;
    }
    auto made = std::make_shared<CampaignBounds>();
    made->generation = data.generation;
    made->campaign = target.campaign;
    made->bounds.resize(data.summaries.size(), -1.0F);
    for (quint32 slot = 0; slot < data.summaries.size(); ++slot) {
        const Summary &f = data.summaries[slot];
        if (f.alive && f.verified) {
            made->bounds[slot] = roundedUp(upperBound(target, data, f, 0.0, nullptr));
        }
    }
    boundCache().keep(campaign, made);
    return made;
}

/// The page's extent: the first `wanted` of Scratch::ranked are sorted.
struct Ranking
{
    std::size_t wanted = 0;
    bool more = false; ///< eligible creators beyond `wanted`
};

/// Marks the excluded creators and those with a history, clearing the last ranking's marks.
void markCreators(Scratch &s, const StoreData &data, const Histories &histories)
{
    const std::size_t slots = data.creators.size();
    for (const quint32 slot : s.marked) {
        if (slot < s.mark.size()) {
            s.mark[slot] = Scratch::None;
            s.history[slot] = nullptr;
        }
    }
    s.marked.clear();
    if (s.mark.size() < slots) {
        s.mark.resize(slots, Scratch::None);
        s.history.resize(slots, nullptr);
    }
    for (auto it = histories.byCreator.cbegin(); it != histories.byCreator.cend(); ++it) {
        if (const auto at = data.slots.constFind(it.key()); at != data.slots.constEnd()) {
            s.mark[*at] = Scratch::HasHistory;
            s.history[*at] = &it.value();
            s.marked.push_back(*at);
        }
    }
    for (const QUuid &id : histories.excluded) {
        if (const auto at = data.slots.constFind(id); at != data.slots.constEnd()) {
            s.mark[*at] = Scratch::Excluded;
            s.marked.push_back(*at);
        }
    }
}

/// A creator's bound (negative: not eligible): the cached one and the text's part, or in full
/// for the few with a history.
double boundAt(const Scratch &s, const StoreData &data, const Target &target,
        const std::vector<float> &base, double slope, quint32 slot)
{
    switch (s.mark[slot]) {
    case Scratch::Excluded: return -1.0;
    case Scratch::HasHistory: {
        const Summary &f = data.summaries[slot];
        return f.alive && f.verified
                ? upperBound(target, data, f, s.similarity[slot], s.history[slot])
                : -1.0;
    }
    default:
        return base[slot] < 0 ? -1.0 : base[slot] + slope * std::min(1.0, 2.0 * s.similarity[slot]);
    }
}

Ranking rank(Scratch &s, const StoreData &data, const Target &target, const Histories &histories,
        const RecommendationQuery &query)
{
    const std::size_t slots = data.creators.size();
    // Exact cosine through the inverted index: only the query terms' lists are read.
    s.similarity.assign(slots, 0.0F);
    for (const TermWeight &q : target.query) {
        for (const Posting &posting : data.postings[q.term]) {
            s.similarity[posting.slot] += q.weight * posting.weight;
        }
    }
    markCreators(s, data, histories);
    const auto cached = boundsOf(data, target, query.campaign);
    const std::vector<float> &base = cached->bounds;
    const double slope = textSlope(target);
    const auto boundOf = [&](quint32 slot) {
        return boundAt(s, data, target, base, slope, slot);
    };
    const auto score = [&](quint32 slot) {
        return assess(target, data, data.creators[slot], s.similarity[slot], s.history[slot]).score;
    };
    // Pruning (exact): the best `probe` creators by bound, scored in full, give a score tau that
    // the page's last creator reaches at least; only the creators whose bound reaches tau can be
    // on the page, and only they are scored in full.
    const auto end = static_cast<std::size_t>(query.offset) + static_cast<std::size_t>(query.limit);
    const std::size_t probe = std::max<std::size_t>(2 * end, kProbe);
    const auto byScore = [](const Ranked &a, const Ranked &b) {
        return a.score > b.score; // a min-heap on the bound
    };
    s.probe.clear();
    std::size_t eligible = 0;
    for (quint32 slot = 0; slot < slots; ++slot) {
        const double bound = boundOf(slot);
        if (bound < 0) {
            continue;
        }
        ++eligible;
        if (s.probe.size() < probe) {
            s.probe.push_back({bound, slot});
            std::push_heap(s.probe.begin(), s.probe.end(), byScore);
        } else if (bound > s.probe.front().score) {
            std::pop_heap(s.probe.begin(), s.probe.end(), byScore);
            s.probe.back() = {bound, slot};
            std::push_heap(s.probe.begin(), s.probe.end(), byScore);
        }
    }
    Ranking r;
    r.wanted = std::min(eligible, end);
    r.more = eligible > r.wanted;
    double tau = -1;
    if (r.wanted > 0 && eligible > probe) {
        s.best.clear();
        for (const Ranked &p : s.probe) {
            s.best.push_back(score(p.slot));
        }
        std::nth_element(s.best.begin(), s.best.begin() + static_cast<std::ptrdiff_t>(r.wanted - 1),
                s.best.end(), std::greater<>());
        tau = s.best[r.wanted - 1] - kBoundSlack;
    }
    s.ranked.clear();
    for (quint32 slot = 0; slot < slots; ++slot) {
        const double bound = boundOf(slot);
        if (bound >= 0 && bound >= tau) {
            s.ranked.push_back({score(slot), slot});
        }
    }
    std::partial_sort(s.ranked.begin(), s.ranked.begin() + static_cast<std::ptrdiff_t>(r.wanted),
            s.ranked.end(), [&data](const Ranked &a, const Ranked &b) {
                if (a.score != b.score) {
                    return a.score > b.score;
                }
                return data.creators[a.slot].id < data.creators[b.slot].id;
            });
    return r;
}

/// The answer: the page's items with their factors, the cursor and when it was made.
QByteArray page(const Scratch &s, const StoreData &data, const Target &target, const Ranking &r,
        const RecommendationQuery &query, const QString &generatedAt)
{
    QByteArray out = R"({"items":[)";
    const auto first = static_cast<std::size_t>(query.offset);
    for (std::size_t i = first; i < r.wanted; ++i) {
        const quint32 slot = s.ranked[i].slot;
        const Features &f = data.creators[slot];
        const History *h = s.history[slot];
        const Assessment assessment = assess(target, data, f, s.similarity[slot], h);
        const QJsonObject rest{{u"rank"_s, static_cast<qint64>(i + 1)},
                {u"score"_s, std::round(assessment.score * 10000.0) / 10000.0},
                {u"factors"_s, explain(target, data, f, h, assessment)}};
        if (i > first) {
            out += ',';
        }
        out += R"({"influencer":)" + f.item + ','
                + QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
    }
    out += R"(],"nextCursor":)"
            + (r.more ? '"' + encodeCursor(static_cast<int>(r.wanted)).toLatin1() + '"'
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
        Scratch &scratch = Scratch::local();
        const Ranking ranking = rank(scratch, data, target, *histories, query);
        return page(scratch, data, target, ranking, query, generatedAt);
    });
}

} // namespace influence::server::recommendations
