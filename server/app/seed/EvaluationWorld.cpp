// SPDX-License-Identifier: Apache-2.0
#include "EvaluationWorld.h"

#include "Prng.h"
#include "core/db/Connection.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::seed {

namespace {

constexpr qsizetype kChunk = 5000;
constexpr double kReferenceRate = 0.03; ///< engagement per follower of an average fitting post
constexpr double kEurPerThousandFollowers = 12.0;

// Every creator with their largest verified account (eligible: one exists), as one JSON array.
const db::SqlStatement kCreators(
        u"SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.user_id, 'niches', i.niches, "
        "'country', i.country, 'languages', i.languages, 'followers', i.total_followers, "
        "'account', a.id, 'platform', a.platform, 'accountFollowers', a.followers) "
        "ORDER BY i.user_id), '[]')::text "
        "FROM influencer_details i LEFT JOIN LATERAL (SELECT c.id, c.platform, c.followers "
        "  FROM connected_accounts c WHERE c.influencer_id = i.user_id AND c.status = 'connected' "
        "  ORDER BY c.followers DESC, c.id LIMIT 1) a ON true"_s);
const db::SqlStatement kBrands(
        u"SELECT coalesce(jsonb_agg(user_id ORDER BY user_id), '[]')::text FROM brand_details"_s);
const db::SqlStatement kSeedPosts(
        u"SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'creator', influencer_id) "
        "ORDER BY influencer_id, published_at DESC, id), '[]')::text FROM posts "
        "WHERE external_id LIKE 'seed-%'"_s);
const db::SqlStatement kInsertCampaigns(
        u"INSERT INTO campaigns (id, brand_id, created_by, name, brief, objective, platforms, "
        "deliverable_types, target_niches, target_countries, target_languages, min_followers, "
        "max_followers, budget_minor, currency, starts_on, ends_on, visibility, status, "
        "launched_at, closed_at, created_at) "
        "SELECT r.id, r.brand_id, r.brand_id, r.name, r.brief, 'engagement', "
        "ARRAY['instagram', 'tiktok', 'youtube', 'x', 'twitch'], ARRAY['post', 'reel', 'video'], "
        "r.niches, r.countries, r.languages, r.min_followers, r.max_followers, r.budget, 'EUR', "
        "r.starts_on, r.ends_on, 'private', r.status, r.launched_at, r.closed_at, r.created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, brand_id uuid, name text, "
        "brief text, niches text[], countries text[], languages text[], min_followers bigint, "
        "max_followers bigint, budget bigint, starts_on date, ends_on date, status text, "
        "launched_at timestamptz, closed_at timestamptz, created_at timestamptz)"_s);
const db::SqlStatement kInsertDeals(
        u"INSERT INTO deals (id, campaign_id, brand_id, influencer_id, origin, state, created_by, "
        "closed_at, created_at) SELECT r.id, r.campaign_id, r.brand_id, r.influencer_id, "
        "'invitation', r.state, r.brand_id, r.closed_at, r.created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, campaign_id uuid, "
        "brand_id uuid, influencer_id uuid, state text, closed_at timestamptz, "
        "created_at timestamptz)"_s);
const db::SqlStatement kInsertOffers(
        u"INSERT INTO offers (id, deal_id, sequence, made_by, author_id, deliverables, fee_minor, "
        "currency, status, responded_at, created_at, payment_terms) "
        "SELECT r.id, r.deal_id, 1, 'brand', r.author_id, r.deliverables, r.fee_minor, 'EUR', "
        "r.status, r.responded_at, r.created_at, CAST(:terms AS jsonb) "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, deal_id uuid, "
        "author_id uuid, deliverables jsonb, fee_minor bigint, status text, "
        "responded_at timestamptz, created_at timestamptz)"_s);
// The deals_money trigger reserves each fee and schedules its payouts on this step.
const db::SqlStatement kCompleteDeals(
        u"UPDATE deals d SET state = 'completed', terms = r.terms, accepted_offer_id = r.offer_id, "
        "brand_accepted_at = r.accepted_at, brand_accepted_by = d.brand_id, "
        "creator_accepted_at = r.accepted_at, started_at = r.accepted_at, "
        "completed_at = r.completed_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, terms jsonb, offer_id uuid, "
        "accepted_at timestamptz, completed_at timestamptz) WHERE d.id = r.id"_s);
const db::SqlStatement kInsertDeliverables(
        u"INSERT INTO deliverables (id, deal_id, position, type, platform, due_on, status, "
        "max_revisions, approved_at, live_url, live_at) "
        "SELECT r.id, r.deal_id, 1, 'post', r.platform, CAST(r.live_at AS date), 'live', 2, "
        "r.live_at, r.url, r.live_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, deal_id uuid, "
        "platform text, url text, live_at timestamptz)"_s);
// The deliverable's post (posts_campaign derives its campaign) and its lifetime totals on :end.
const db::SqlStatement kInsertPosts(
        u"WITH posted AS (INSERT INTO posts (id, influencer_id, account_id, platform, external_id, "
        "  kind, url, caption, published_at, deliverable_id) "
        "  SELECT r.id, r.creator, r.account, r.platform, 'eval-' || r.id, 'post', r.url, "
        "  r.caption, r.live_at, r.deliverable FROM jsonb_to_recordset(CAST(:rows AS jsonb)) "
        "  AS r(id uuid, creator uuid, account uuid, platform text, url text, caption text, "
        "  live_at timestamptz, deliverable uuid) RETURNING id) "
        "INSERT INTO post_metrics (post_id, day, views, likes, comments, shares, saves, source, "
        "  captured_at) "
        "SELECT r.id, CAST(:end AS date), r.views, round(0.85 * r.engagements), "
        "  round(0.08 * r.engagements), round(0.04 * r.engagements), "
        "  round(0.03 * r.engagements), 'platform', CAST(:end AS date) + time '06:00' "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, views bigint, "
        "  engagements double precision) JOIN posted ON posted.id = r.id"_s);
// A creator's recent posts scaled to the engagement rate q gives them, then every verified
// account's figures recomputed as the sync does.
const db::SqlStatement kScaleEngagement(
        u"UPDATE post_metrics m SET likes = round(m.likes * x.k), "
        "comments = round(m.comments * x.k), shares = round(m.shares * x.k), "
        "saves = round(m.saves * x.k) "
        "FROM (SELECT p.id, r.rate / nullif(a.engagement_rate, 0) AS k "
        "      FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, rate double precision) "
        "      JOIN posts p ON p.influencer_id = r.id AND p.external_id LIKE 'seed-%' "
        "      JOIN connected_accounts a ON a.id = p.account_id) x "
        "WHERE m.post_id = x.id AND x.k IS NOT NULL"_s);
const db::SqlStatement kRefreshFigures(
        u"SELECT refresh_account_figures(ARRAY(SELECT id FROM connected_accounts "
        "WHERE status = 'connected'), CAST(:end AS date))"_s);
const db::SqlStatement kAuthenticity(
        u"UPDATE connected_accounts c SET authenticity_score = r.score "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, score smallint) "
        "WHERE c.influencer_id = r.id AND c.status = 'connected'"_s);
const db::SqlStatement kCaptions(
        u"UPDATE posts p SET caption = r.caption "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, caption text) "
        "WHERE p.id = r.id"_s);
const QString kPaymentTerms = u"{\"schedule\":[{\"on\":\"acceptance\",\"percent\":30},"
                              "{\"on\":\"live\",\"percent\":70}],\"netDays\":7}"_s;

struct Topic
{
    QLatin1StringView niche;
    std::array<QLatin1StringView, 6> terms;
};

// Words that stand for each niche in briefs and focused captions.
constexpr std::array kTopics{
        Topic{"art"_L1,
                {"painting"_L1, "canvas"_L1, "sketch"_L1, "gallery"_L1, "watercolor"_L1,
                        "illustration"_L1}},
        Topic{"automotive"_L1,
                {"engine"_L1, "roadtrip"_L1, "horsepower"_L1, "garage"_L1, "tuning"_L1,
                        "motorsport"_L1}},
        Topic{"beauty"_L1,
                {"skincare"_L1, "makeup"_L1, "serum"_L1, "lipstick"_L1, "haircare"_L1, "glow"_L1}},
        Topic{"comedy"_L1,
                {"sketches"_L1, "standup"_L1, "pranks"_L1, "parody"_L1, "jokes"_L1, "bloopers"_L1}},
        Topic{"diy"_L1,
                {"woodworking"_L1, "crafts"_L1, "upcycling"_L1, "toolkit"_L1, "handmade"_L1,
                        "renovation"_L1}},
        Topic{"education"_L1,
                {"tutorial"_L1, "lessons"_L1, "science"_L1, "history"_L1, "studying"_L1,
                        "explainer"_L1}},
        Topic{"family"_L1,
                {"parenting"_L1, "toddler"_L1, "siblings"_L1, "bedtime"_L1, "playground"_L1,
                        "homeschool"_L1}},
        Topic{"fashion"_L1,
                {"outfit"_L1, "streetwear"_L1, "denim"_L1, "sneakers"_L1, "lookbook"_L1,
                        "tailoring"_L1}},
        Topic{"finance"_L1,
                {"investing"_L1, "budgeting"_L1, "savings"_L1, "stocks"_L1, "pension"_L1,
                        "frugal"_L1}},
        Topic{"fitness"_L1,
                {"workout"_L1, "protein"_L1, "strength"_L1, "cardio"_L1, "deadlift"_L1,
                        "mobility"_L1}},
        Topic{"food"_L1,
                {"recipe"_L1, "baking"_L1, "vegan"_L1, "brunch"_L1, "spices"_L1, "sourdough"_L1}},
        Topic{"gaming"_L1,
                {"esports"_L1, "speedrun"_L1, "console"_L1, "multiplayer"_L1, "controller"_L1,
                        "walkthrough"_L1}},
        Topic{"health"_L1,
                {"nutrition"_L1, "sleep"_L1, "vitamins"_L1, "checkup"_L1, "immunity"_L1,
                        "hydration"_L1}},
        Topic{"home"_L1,
                {"interior"_L1, "decor"_L1, "kitchen"_L1, "plants"_L1, "furniture"_L1,
                        "cleaning"_L1}},
        Topic{"lifestyle"_L1,
                {"routine"_L1, "weekend"_L1, "journaling"_L1, "coffee"_L1, "minimalism"_L1,
                        "vlog"_L1}},
        Topic{"music"_L1,
                {"guitar"_L1, "playlist"_L1, "concert"_L1, "vinyl"_L1, "songwriting"_L1,
                        "producer"_L1}},
        Topic{"outdoors"_L1,
                {"hiking"_L1, "camping"_L1, "trail"_L1, "climbing"_L1, "kayak"_L1,
                        "backpacking"_L1}},
        Topic{"pets"_L1,
                {"puppy"_L1, "kitten"_L1, "grooming"_L1, "training"_L1, "petfood"_L1,
                        "adoption"_L1}},
        Topic{"photography"_L1,
                {"lens"_L1, "portrait"_L1, "lightroom"_L1, "film"_L1, "tripod"_L1, "landscape"_L1}},
        Topic{"sports"_L1,
                {"football"_L1, "basketball"_L1, "tennis"_L1, "marathon"_L1, "cycling"_L1,
                        "matchday"_L1}},
        Topic{"sustainability"_L1,
                {"zerowaste"_L1, "recycling"_L1, "thrifting"_L1, "solar"_L1, "compost"_L1,
                        "secondhand"_L1}},
        Topic{"tech"_L1,
                {"smartphone"_L1, "gadgets"_L1, "coding"_L1, "laptop"_L1, "unboxing"_L1,
                        "software"_L1}},
        Topic{"travel"_L1,
                {"backpack"_L1, "itinerary"_L1, "hostel"_L1, "island"_L1, "passport"_L1,
                        "roadtrips"_L1}},
        Topic{"wellness"_L1,
                {"yoga"_L1, "meditation"_L1, "mindfulness"_L1, "breathwork"_L1, "selfcare"_L1,
                        "retreat"_L1}},
};

constexpr std::array kGenericCaptions{"Quick update from today"_L1, "Sunday vibes"_L1,
        "New week, new plans"_L1, "Thanks for all the messages"_L1, "Q&A in the comments"_L1,
        "A little life update"_L1, "Guess where I am"_L1, "Throwback to last month"_L1};

const Topic *topicOf(const QString &niche)
{
    const auto *found = std::find_if(kTopics.begin(), kTopics.end(), [&niche](const Topic &t) {
        return t.niche == niche;
    });
    return found == kTopics.end() ? nullptr : found;
}

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

/// A creator as the world sees them, with their hidden traits.
struct Creator
{
    QString id;
    QStringList niches;
    QString country;
    QStringList languages;
    qint64 followers = 0;
    QString account; ///< largest verified account; empty: not eligible for recommendations
    QString platform;
    double q = 0; ///< hidden quality
    double focus = 0; ///< hidden topical focus in (0, 1), driven by q
};

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const auto &v : value.toArray()) {
        out.append(v.toString());
    }
    return out;
}

Result<QJsonArray> jsonRows(db::Connection &c, const db::SqlStatement &statement)
{
    const auto text = c.scalar(statement);
    if (!text) {
        return text.error();
    }
    return QJsonDocument::fromJson(text->toString().toUtf8()).array();
}

Result<void> write(db::Connection &c, const db::SqlStatement &statement, const QJsonArray &rows,
        const QString &end = {})
{
    for (qsizetype start = 0; start < rows.size(); start += kChunk) {
        QJsonArray chunk;
        for (qsizetype i = start; i < qMin(rows.size(), start + kChunk); ++i) {
            chunk.append(rows.at(i));
        }
        const QString json = QString::fromUtf8(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
        auto done = &statement == &kInsertOffers
                ? c.run(statement, {{u":rows"_s, json}, {u":terms"_s, kPaymentTerms}})
                : (end.isEmpty() ? c.run(statement, {{u":rows"_s, json}})
                                 : c.run(statement, {{u":rows"_s, json}, {u":end"_s, end}}));
        if (!done) {
            return done.error();
        }
        (*done)->finish();
    }
    return {};
}

/// Draws the world; the rows are written afterwards, table by table.
class World
{
public:
    World(quint64 seed, QDateTime anchor, QList<Creator> creators, QStringList brands)
        : m_traits(seed ^ 0x5EEDE7A1ULL)
        , m_history(seed ^ 0x415702ULL)
        , m_outcomes(seed ^ 0x0C0FFEEULL)
        , m_namespace(QUuid::createUuidV5(QUuid(), u"influence-evaluation-%1"_s.arg(seed)))
        , m_anchor(std::move(anchor))
        , m_creators(std::move(creators))
        , m_brands(std::move(brands))
    {
        for (Creator &creator : m_creators) {
            creator.q = m_traits.normal();
            creator.focus = sigmoid(0.8 * creator.q + 0.8 * m_traits.normal());
            if (!creator.account.isEmpty()) {
                m_eligible.append(&creator);
                for (const QString &niche : creator.niches) {
                    m_byNiche[niche].append(&creator);
                }
            }
        }
    }

    QJsonArray campaigns, deals, offers, completions, deliverables, posts;
    QJsonArray rates, scores, captions;
    EvaluationWorldReport report;

    qsizetype eligibleCount() const { return m_eligible.size(); }

    /// Observable traces of q: engagement rate, authenticity, caption focus.
    void traces(const QJsonArray &seedPosts)
    {
        QHash<QString, const Creator *> byId;
        for (const Creator *creator : std::as_const(m_eligible)) {
            byId.insert(creator->id, creator);
            rates.append(QJsonObject{{u"id"_s, creator->id},
                    {u"rate"_s, 0.025 * std::exp(0.45 * creator->q + 0.45 * m_traits.normal())}});
            const double score = 75.0 + 9.0 * creator->q + 10.0 * m_traits.normal();
            scores.append(QJsonObject{{u"id"_s, creator->id},
                    {u"score"_s, qBound(10, static_cast<int>(std::lround(score)), 100)}});
        }
        for (const auto &value : seedPosts) {
            const QJsonObject post = value.toObject();
            const Creator *creator = byId.value(post.value(u"creator"_s).toString());
            if (creator == nullptr) {
                continue;
            }
            const Topic *topic = topicOf(creator->niches.value(
                    m_traits.below(static_cast<int>(qMax<qsizetype>(1, creator->niches.size())))));
            QString caption =
                    QString(m_traits.pick(std::span<const QLatin1StringView>(kGenericCaptions)));
            if (topic != nullptr && m_traits.chance(creator->focus)) {
                caption = u"%1 and %2: %3"_s.arg(
                        QString(m_traits.pick(std::span<const QLatin1StringView>(topic->terms))),
                        QString(m_traits.pick(std::span<const QLatin1StringView>(topic->terms))),
                        caption.toLower());
            }
            captions.append(QJsonObject{{u"id"_s, post.value(u"id"_s)}, {u"caption"_s, caption}});
        }
    }

    /// Completed campaigns of the last two months: invitations, declines, completed deals.
    void history()
    {
        const int count = static_cast<int>(qMax<qsizetype>(6, m_eligible.size() / 15));
        for (int h = 0; h < count && !m_brands.isEmpty(); ++h) {
            const QString niche = QString(kTopics.at(static_cast<size_t>(m_history.below(
                                                             static_cast<int>(kTopics.size()))))
                                                  .niche);
            const QString brand = m_brands.at(h % m_brands.size());
            const QString campaignId = id(u"history-%1"_s.arg(h));
            const QDateTime launched = m_anchor.addDays(-40 + m_history.below(25));
            QList<const Creator *> invited = pick(m_byNiche.value(niche), 10);
            for (const Creator *extra : pick(m_eligible, 5)) {
                if (!invited.contains(extra)) {
                    invited.append(extra);
                }
            }
            qint64 fees = 0;
            for (int n = 0; n < invited.size(); ++n) {
                fees += deal(campaignId, brand, niche, *invited.at(n), launched.addDays(1),
                        u"%1-%2"_s.arg(h).arg(n));
            }
            const Topic *topic = topicOf(niche);
            campaigns.append(QJsonObject{{u"id"_s, campaignId}, {u"brand_id"_s, brand},
                    {u"name"_s, u"Evaluation history %1 (%2)"_s.arg(h + 1).arg(niche)},
                    {u"brief"_s,
                            u"Creators for %1: %2 and %3."_s.arg(
                                    niche, topic->terms[0], topic->terms[1])},
                    {u"niches"_s, QJsonArray{niche}}, {u"countries"_s, QJsonArray()},
                    {u"languages"_s, QJsonArray()}, {u"budget"_s, qMax<qint64>(100'000, 2 * fees)},
                    {u"starts_on"_s, launched.date().toString(Qt::ISODate)},
                    {u"ends_on"_s, m_anchor.date().addDays(-1).toString(Qt::ISODate)},
                    {u"status"_s, u"completed"_s}, {u"launched_at"_s, stamp(launched)},
                    {u"closed_at"_s, stamp(m_anchor.addSecs(-3600))},
                    {u"created_at"_s, stamp(launched.addDays(-2))}});
            ++report.historyCampaigns;
        }
    }

    /// Active test campaigns, and their outcomes as lines of the outcomes file.
    QByteArray tests()
    {
        QByteArray lines;
        const int count =
                static_cast<int>(qBound(qsizetype(5), m_eligible.size() / 40, qsizetype(40)));
        for (int t = 0; t < count && !m_brands.isEmpty(); ++t) {
            lines += QJsonDocument(test(t)).toJson(QJsonDocument::Compact) + '\n';
            ++report.testCampaigns;
        }
        return lines;
    }

private:
    QString id(const QString &name) const
    {
        return QUuid::createUuidV5(m_namespace, name).toString(QUuid::WithoutBraces);
    }
    static QString stamp(const QDateTime &time) { return time.toString(Qt::ISODate); }

    QList<const Creator *> pick(const QList<Creator *> &from, int n)
    {
        QList<const Creator *> out;
        for (int tries = 0; out.size() < qMin<qsizetype>(n, from.size()) && tries < 10 * n;
                ++tries) {
            const Creator *c = from.at(m_history.below(static_cast<int>(from.size())));
            if (!out.contains(c)) {
                out.append(c);
            }
        }
        return out;
    }

    static qint64 feeMinor(const Creator &c, double noise)
    {
        const double eur = qMax(50.0,
                static_cast<double>(c.followers) / 1000.0 * kEurPerThousandFollowers
                        * std::exp(0.25 * noise));
        return std::llround(eur) * 100;
    }

    /// One invitation of a history campaign: declined, or completed with a live post.
    qint64 deal(const QString &campaign, const QString &brand, const QString &niche,
            const Creator &c, const QDateTime &at, const QString &key)
    {
        const bool inNiche = c.niches.contains(niche);
        const qint64 fee = feeMinor(c, m_history.normal());
        const bool accepts = m_history.chance(
                sigmoid(0.4 + 1.0 * c.q + 0.8 * (inNiche ? 1 : 0) + 0.4 * m_history.normal()));
        const QString dealId = id(u"deal-"_s + key);
        const QString offerId = id(u"offer-"_s + key);
        const QDateTime answered = at.addDays(2);
        const QJsonArray lines{QJsonObject{{u"type"_s, u"post"_s}, {u"platform"_s, c.platform},
                {u"quantity"_s, 1}, {u"dueDate"_s, at.date().addDays(10).toString(Qt::ISODate)}}};
        deals.append(QJsonObject{{u"id"_s, dealId}, {u"campaign_id"_s, campaign},
                {u"brand_id"_s, brand}, {u"influencer_id"_s, c.id},
                {u"state"_s, accepts ? u"negotiating"_s : u"declined"_s},
                {u"closed_at"_s, accepts ? QJsonValue() : QJsonValue(stamp(answered))},
                {u"created_at"_s, stamp(at)}});
        offers.append(QJsonObject{{u"id"_s, offerId}, {u"deal_id"_s, dealId},
                {u"author_id"_s, brand}, {u"deliverables"_s, lines}, {u"fee_minor"_s, fee},
                {u"status"_s, accepts ? u"accepted"_s : u"declined"_s},
                {u"responded_at"_s, stamp(answered)}, {u"created_at"_s, stamp(at)}});
        if (!accepts) {
            ++report.declinedDeals;
            return 0;
        }
        const QDateTime live = at.addDays(9);
        completions.append(QJsonObject{{u"id"_s, dealId},
                {u"terms"_s,
                        QJsonObject{{u"offerId"_s, offerId}, {u"sequence"_s, 1},
                                {u"madeBy"_s, u"brand"_s}, {u"deliverables"_s, lines},
                                {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
                                {u"maxRevisions"_s, 2}, {u"agreedAt"_s, stamp(answered)},
                                {u"paymentTerms"_s,
                                        QJsonDocument::fromJson(kPaymentTerms.toUtf8()).object()}}},
                {u"offer_id"_s, offerId}, {u"accepted_at"_s, stamp(answered)},
                {u"completed_at"_s, stamp(live.addDays(2))}});
        const QString deliverable = id(u"deliverable-"_s + key);
        const QString url = u"https://example.com/evaluation/"_s + deliverable.left(13);
        deliverables.append(QJsonObject{{u"id"_s, deliverable}, {u"deal_id"_s, dealId},
                {u"platform"_s, c.platform}, {u"url"_s, url}, {u"live_at"_s, stamp(live)}});
        // How the post did: q and topical focus, with noise; off-niche posts do worse.
        const double rate = kReferenceRate * std::exp(0.6 * c.q + 0.3 * m_history.normal())
                * (0.6 + 0.8 * c.focus) * (inNiche ? 1.0 : 0.5);
        const double followers = static_cast<double>(qMax<qint64>(c.followers, 500));
        posts.append(QJsonObject{{u"id"_s, id(u"post-"_s + key)}, {u"creator"_s, c.id},
                {u"account"_s, c.account}, {u"platform"_s, c.platform}, {u"url"_s, url},
                {u"caption"_s, u"Sponsored: my take on %1 #ad"_s.arg(niche)},
                {u"live_at"_s, stamp(live)}, {u"deliverable"_s, deliverable},
                {u"views"_s, std::llround(followers * 0.4)}, {u"engagements"_s, followers * rate}});
        ++report.completedDeals;
        return fee;
    }

    /// A test campaign as drawn: what the brand wants.
    struct Test
    {
        QString id;
        QString brand;
        QStringList niches;
        QStringList countries;
        QStringList languages;
        qint64 minFollowers = 0;
        qint64 maxFollowers = 0; ///< 0: none
        qint64 budget = 0;
    };

    Test drawTest(int t)
    {
        Prng &rng = m_outcomes;
        Test test;
        const Topic &topic =
                kTopics.at(static_cast<size_t>(rng.below(static_cast<int>(kTopics.size()))));
        test.niches.append(QString(topic.niche));
        if (rng.chance(0.3)) {
            const QString second = QString(
                    kTopics.at(static_cast<size_t>(rng.below(static_cast<int>(kTopics.size()))))
                            .niche);
            if (second != test.niches.first()) {
                test.niches.append(second);
            }
        }
        // A market: one creator's country and language (so targets follow where creators are).
        const Creator *market = m_eligible.at(rng.below(static_cast<int>(m_eligible.size())));
        if (rng.chance(0.7)) {
            test.countries.append(market->country);
            test.languages.append(market->languages.value(0));
        }
        static constexpr std::array kMinimums{0LL, 1000LL, 5000LL, 20000LL};
        test.minFollowers = kMinimums.at(static_cast<size_t>(rng.below(4)));
        test.maxFollowers = test.minFollowers > 0 && rng.chance(0.5) ? test.minFollowers * 100 : 0;
        test.budget = (5000 + 5000 * rng.below(10)) * 100LL;
        test.id = id(u"test-%1"_s.arg(t));
        test.brand = m_brands.at((t * 7 + 3) % m_brands.size());
        const QString brief = u"We look for %1 creators who talk about %2, %3 and %4 with their "
                              "community. One post, honest and in your own words."_s.arg(
                                      test.niches.join(u" and "_s), topic.terms[0], topic.terms[2],
                                      topic.terms[4]);
        const auto optional = [](qint64 value) {
            return value > 0 ? QJsonValue(value) : QJsonValue();
        };
        campaigns.append(QJsonObject{{u"id"_s, test.id}, {u"brand_id"_s, test.brand},
                {u"name"_s, u"Evaluation test %1 (%2)"_s.arg(t + 1).arg(test.niches.join(u", "_s))},
                {u"brief"_s, brief}, {u"niches"_s, QJsonArray::fromStringList(test.niches)},
                {u"countries"_s, QJsonArray::fromStringList(test.countries)},
                {u"languages"_s, QJsonArray::fromStringList(test.languages)},
                {u"min_followers"_s, optional(test.minFollowers)},
                {u"max_followers"_s, optional(test.maxFollowers)}, {u"budget"_s, test.budget},
                {u"starts_on"_s, m_anchor.date().toString(Qt::ISODate)},
                {u"ends_on"_s, m_anchor.date().addDays(60).toString(Qt::ISODate)},
                {u"status"_s, u"active"_s}, {u"launched_at"_s, stamp(m_anchor.addDays(-3))},
                {u"closed_at"_s, QJsonValue()}, {u"created_at"_s, stamp(m_anchor.addDays(-5))}});
        return test;
    }

    /// Whether the creator would accept the test campaign's invitation and how their post would
    /// do: an empty object when they would decline.
    QJsonObject outcome(const Test &test, const Creator &c)
    {
        Prng &rng = m_outcomes;
        qsizetype shared = 0;
        for (const QString &niche : test.niches) {
            shared += c.niches.contains(niche) ? 1 : 0;
        }
        const double topicFit =
                static_cast<double>(shared) / static_cast<double>(test.niches.size());
        const bool inCountry = test.countries.isEmpty() || test.countries.contains(c.country);
        const bool speaks =
                test.languages.isEmpty() || c.languages.contains(test.languages.first());
        const double audienceFit = inCountry ? 1.0 : (speaks ? 0.6 : 0.15);
        const bool sized = c.followers >= test.minFollowers
                && (test.maxFollowers == 0 || c.followers <= test.maxFollowers);
        const bool affordable = feeMinor(c, 0) * 5 <= test.budget;
        const bool accepts = rng.chance(sigmoid(-1.0 + 1.0 * c.q + 1.5 * topicFit
                + 0.5 * audienceFit + (affordable ? 1.0 : -1.0) + 0.5 * rng.normal()));
        const double performance = std::exp(0.6 * c.q + 0.3 * rng.normal())
                * (0.25 + 0.75 * topicFit) * (0.6 + 0.8 * c.focus) * (0.3 + 0.7 * audienceFit)
                * (sized ? 1.0 : 0.5);
        if (!accepts) {
            return {};
        }
        const int relevance = performance >= 2.0 ? 3
                : performance >= 1.0             ? 2
                : performance >= 0.5             ? 1
                                                 : 0;
        return QJsonObject{{u"influencerId"_s, c.id}, {u"q"_s, c.q}, {u"accepts"_s, true},
                {u"performance"_s, performance}, {u"relevance"_s, relevance}};
    }

    QJsonObject test(int t)
    {
        const Test test = drawTest(t);
        QJsonArray outcomes;
        qint64 relevant = 0;
        for (const Creator *c : std::as_const(m_eligible)) {
            QJsonObject o = outcome(test, *c);
            if (!o.isEmpty()) {
                relevant += o.value(u"relevance"_s).toInt() > 0 ? 1 : 0;
                outcomes.append(std::move(o));
            }
        }
        report.outcomes += outcomes.size();
        return QJsonObject{{u"campaignId"_s, test.id}, {u"brandId"_s, test.brand},
                {u"targetNiches"_s, QJsonArray::fromStringList(test.niches)},
                {u"targetCountries"_s, QJsonArray::fromStringList(test.countries)},
                {u"eligible"_s, m_eligible.size()}, {u"relevant"_s, relevant},
                {u"outcomes"_s, outcomes}};
    }

    Prng m_traits;
    Prng m_history;
    Prng m_outcomes;
    QUuid m_namespace;
    QDateTime m_anchor;
    QList<Creator> m_creators;
    QStringList m_brands;
    QList<Creator *> m_eligible;
    QHash<QString, QList<Creator *>> m_byNiche;
};

} // namespace

Result<EvaluationWorldReport> seedEvaluationWorld(
        db::Connection &c, quint64 seed, const QDateTime &anchor, const QString &outcomesFile)
{
    const auto creatorRows = jsonRows(c, kCreators);
    const auto brandRows = jsonRows(c, kBrands);
    const auto seedPosts = jsonRows(c, kSeedPosts);
    if (!creatorRows || !brandRows || !seedPosts) {
        return !creatorRows ? creatorRows.error()
                            : (!brandRows ? brandRows.error() : seedPosts.error());
    }
    QList<Creator> creators;
    for (const auto &value : *creatorRows) {
        const QJsonObject row = value.toObject();
        creators.append(Creator{.id = row.value(u"id"_s).toString(),
                .niches = strings(row.value(u"niches"_s)),
                .country = row.value(u"country"_s).toString(),
                .languages = strings(row.value(u"languages"_s)),
                .followers = row.value(u"followers"_s).toInteger(),
                .account = row.value(u"account"_s).toString(),
                .platform = row.value(u"platform"_s).toString()});
    }
    World world(seed, anchor, std::move(creators), strings(*brandRows));
    if (world.eligibleCount() < 20) {
        return Error::make(ErrorCode::BadRequest,
                u"the evaluation world needs at least 20 creators with a verified account"_s);
    }
    world.traces(*seedPosts);
    world.history();
    const QByteArray lines = world.tests();
    QFile file(outcomesFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(lines) != lines.size()) {
        return Error::make(ErrorCode::Internal,
                u"cannot write the outcomes file %1: %2"_s.arg(outcomesFile, file.errorString()));
    }
    const QString end = anchor.date().addDays(-1).toString(Qt::ISODate);
    const std::array<std::pair<const db::SqlStatement *, const QJsonArray *>, 9> order{{
            {&kInsertCampaigns, &world.campaigns},
            {&kInsertDeals, &world.deals},
            {&kInsertOffers, &world.offers},
            {&kCompleteDeals, &world.completions},
            {&kInsertDeliverables, &world.deliverables},
            {&kInsertPosts, &world.posts},
            {&kScaleEngagement, &world.rates},
            {&kAuthenticity, &world.scores},
            {&kCaptions, &world.captions},
    }};
    for (const auto &[statement, rows] : order) {
        if (auto ok = write(c, *statement, *rows, statement == &kInsertPosts ? end : QString());
                !ok) {
            return ok.error();
        }
    }
    auto refreshed = c.run(kRefreshFigures, {{u":end"_s, end}});
    if (!refreshed) {
        return refreshed.error();
    }
    (*refreshed)->finish();
    return world.report;
}

} // namespace influence::server::seed
