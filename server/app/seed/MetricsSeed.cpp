// SPDX-License-Identifier: Apache-2.0
#include "MetricsSeed.h"

#include "Prng.h"
#include "core/db/Connection.h"
#include "core/db/CopyIn.h"

#include <QList>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::seed {

namespace {

// Posts over the connected accounts in id order (post g on account g mod accounts), each
// published 1 to 30 days before the history window starts.
const SqlStatement kInsertPosts(
        u"WITH a AS (SELECT id, influencer_id, platform, "
        "              row_number() OVER (ORDER BY id) - 1 AS n FROM connected_accounts) "
        "INSERT INTO posts (id, influencer_id, account_id, platform, external_id, kind, url, "
        "  caption, published_at, created_at) "
        "SELECT md5('scale-post-' || g)::uuid, a.influencer_id, a.id, a.platform, "
        "  'scale-' || g, "
        "  CASE a.platform WHEN 'instagram' THEN (ARRAY['post', 'reel', 'story'])[g % 3 + 1] "
        "    WHEN 'youtube' THEN (ARRAY['video', 'short'])[g % 2 + 1] "
        "    WHEN 'tiktok' THEN 'video' WHEN 'twitch' THEN 'livestream' ELSE 'post' END, "
        "  'https://example.com/scale/' || g, 'Scale post ' || g, "
        "  CAST(:first AS timestamptz) - make_interval(days => 1 + g % 30, hours => g % 24), "
        "  CAST(:first AS timestamptz) - make_interval(days => 1 + g % 30) "
        "FROM generate_series(0, :posts - 1) g "
        "JOIN a ON a.n = g % (SELECT count(*) FROM connected_accounts)"_s);
const SqlStatement kReadPosts(
        u"SELECT id::text, platform FROM posts WHERE external_id LIKE 'scale-%' "
        "ORDER BY published_at, id"_s);

// One active "Scale" campaign per brand with a budget no deal exhausts.
const SqlStatement kInsertCampaigns(
        u"INSERT INTO campaigns (id, brand_id, created_by, name, brief, objective, platforms, "
        "  deliverable_types, budget_minor, currency, starts_on, ends_on, visibility, status, "
        "  launched_at, created_at) "
        "SELECT md5('scale-campaign-' || b.user_id)::uuid, b.user_id, b.user_id, "
        "  'Scale ' || row_number() OVER (ORDER BY b.user_id), 'The analytics data set.', "
        "  'awareness', ARRAY['instagram', 'youtube', 'tiktok', 'twitch', 'x', 'facebook', "
        "  'pinterest', 'linkedin', 'snapchat'], ARRAY['post', 'story', 'reel', 'video', "
        "  'short', 'livestream', 'blog'], 100000000000, 'EUR', "
        "  (CAST(:first AS timestamptz) AT TIME ZONE 'UTC')::date - 45, "
        "  (CAST(:anchor AS timestamptz) AT TIME ZONE 'UTC')::date + 30, 'public', 'active', "
        "  CAST(:first AS timestamptz) - interval '40 days', "
        "  CAST(:first AS timestamptz) - interval '45 days' "
        "FROM brand_details b"_s);
// The posts that fulfil a deliverable, with their deal's campaign (by the creator's hash).
// CREATE TABLE AS cannot be prepared: run directly, with %1 the share (a number).
const QString kLinked =
        u"CREATE TEMP TABLE scale_linked ON COMMIT DROP AS "
        "WITH c AS (SELECT id, brand_id, row_number() OVER (ORDER BY id) - 1 AS n "
        "           FROM campaigns WHERE name LIKE 'Scale %' AND brief = 'The analytics data "
        "set.') "
        "SELECT p.id AS post_id, p.influencer_id, p.platform, p.kind, p.url, p.published_at, "
        "  c.id AS campaign_id, c.brand_id, "
        "  md5('scale-deal-' || p.influencer_id)::uuid AS deal_id, "
        "  md5('scale-deliverable-' || p.id)::uuid AS deliverable_id, "
        "  row_number() OVER (PARTITION BY p.influencer_id ORDER BY p.published_at, p.id) "
        "    AS position "
        "FROM posts p "
        "JOIN c ON c.n = abs(hashtext(p.influencer_id::text)) % (SELECT count(*) FROM c) "
        "WHERE p.external_id LIKE 'scale-%' "
        "  AND substr(p.external_id, 7)::bigint % %1 = 0"_s;
const SqlStatement kInsertDeals(
        u"INSERT INTO deals (id, campaign_id, brand_id, influencer_id, origin, state, "
        "  created_by, created_at) "
        "SELECT DISTINCT ON (deal_id) deal_id, campaign_id, brand_id, influencer_id, "
        "  'invitation', 'negotiating', brand_id, CAST(:first AS timestamptz) - interval '44 days' "
        "FROM scale_linked ORDER BY deal_id"_s);
const SqlStatement kInsertOffers(
        u"INSERT INTO offers (id, deal_id, sequence, made_by, author_id, deliverables, "
        "  fee_minor, currency, max_revisions, status, responded_at, created_at, payment_terms) "
        "SELECT md5('scale-offer-' || l.deal_id)::uuid, l.deal_id, 1, 'brand', "
        "  min(l.brand_id::text)::uuid, jsonb_agg(l.line), 20000 * sum(l.quantity), 'EUR', 2, "
        "  'accepted', CAST(:first AS timestamptz) - interval '43 days', "
        "  CAST(:first AS timestamptz) - interval '44 days', CAST(:terms AS jsonb) "
        "FROM (SELECT deal_id, brand_id, count(*) AS quantity, jsonb_build_object('type', kind, "
        "        'platform', platform, 'quantity', count(*), 'dueDate', "
        "        (max(published_at) AT TIME ZONE 'UTC')::date) AS line "
        "      FROM scale_linked GROUP BY deal_id, brand_id, platform, kind) l "
        "GROUP BY l.deal_id"_s);
const SqlStatement kAcceptDeals(
        u"UPDATE deals d SET state = 'completed', accepted_offer_id = o.id, "
        "  terms = jsonb_build_object('offerId', o.id, 'sequence', 1, 'madeBy', 'brand', "
        "    'deliverables', o.deliverables, 'feeMinor', o.fee_minor, 'currency', 'EUR', "
        "    'maxRevisions', 2, 'agreedAt', o.responded_at, 'paymentTerms', o.payment_terms), "
        "  brand_accepted_at = o.created_at, brand_accepted_by = d.brand_id, "
        "  creator_accepted_at = o.responded_at, started_at = o.responded_at, "
        "  completed_at = CAST(:first AS timestamptz) "
        "FROM offers o WHERE o.deal_id = d.id AND o.id = md5('scale-offer-' || d.id)::uuid"_s);
const SqlStatement kInsertDeliverables(
        u"INSERT INTO deliverables (id, deal_id, position, type, platform, due_on, status, "
        "  max_revisions, approved_at, live_url, live_at) "
        "SELECT deliverable_id, deal_id, position, kind, platform, "
        "  (published_at AT TIME ZONE 'UTC')::date, 'live', 2, published_at - interval '1 day', "
        "  url, published_at FROM scale_linked"_s);
const SqlStatement kLinkPosts(u"UPDATE posts p SET deliverable_id = l.deliverable_id "
                              "FROM scale_linked l WHERE l.post_id = p.id"_s);
const SqlStatement kMeetConditions(u"SELECT count(meet_reached_conditions(d.deal_id)) "
                                   "FROM (SELECT DISTINCT deal_id FROM scale_linked) d"_s);
const SqlStatement kCounts(u"SELECT (SELECT count(*) FROM scale_linked), "
                           "  (SELECT count(DISTINCT deal_id) FROM scale_linked), "
                           "  (SELECT count(DISTINCT campaign_id) FROM scale_linked)"_s);

const QString kPaymentTerms = u"{\"schedule\":[{\"on\":\"acceptance\",\"percent\":30},"
                              "{\"on\":\"live\",\"percent\":70}],\"netDays\":7}"_s;

/// What a post reaches over its life: its audience and how it engages, and which figures its
/// platform reports.
struct PostShape
{
    QByteArray id;
    double reach = 0; ///< lifetime reach
    double viewsPerReach = 1.4;
    double engagement = 0.04; ///< likes per view
    double pace = 2.0; ///< days until most of the reach is there
    bool impressions = true;
    bool reportsReach = true;
    bool saves = true;
    bool clicks = true;
    bool watch = false;
};

PostShape shapeOf(const QByteArray &id, const QString &platform, Prng &random)
{
    PostShape s;
    s.id = id;
    // Log-uniform from 500 to 500 000.
    s.reach = 500.0 * std::pow(1000.0, random.real());
    s.viewsPerReach = 1.1 + random.real();
    s.engagement = 0.01 + 0.07 * random.real();
    s.pace = 1.0 + 4.0 * random.real();
    s.impressions = platform != u"tiktok"_s;
    s.reportsReach = platform != u"youtube"_s; // estimated from followers then
    s.saves = platform != u"youtube"_s;
    s.clicks = platform != u"tiktok"_s;
    s.watch = platform == u"youtube"_s || platform == u"tiktok"_s;
    return s;
}

void appendCount(QByteArray &row, bool reported, double value)
{
    row.append('\t');
    if (reported) {
        row.append(QByteArray::number(static_cast<qint64>(value)));
    } else {
        row.append("\\N", 2);
    }
}

} // namespace

Result<MetricsSeedReport> seedPostMetrics(
        Connection &c, const MetricsSeedOptions &options, const QDateTime &anchor)
{
    MetricsSeedReport report;
    if (options.posts <= 0 || options.days <= 0) {
        return report;
    }
    const QDate last = anchor.date().addDays(-1);
    const QDate first = last.addDays(1 - options.days);
    const QString firstTime = QDateTime(first, QTime(0, 0), Qt::UTC).toString(Qt::ISODate);
    const QString anchorTime = anchor.toString(Qt::ISODate);
    const auto step = [&c](const SqlStatement &statement, Connection::Binds binds) -> Result<void> {
        auto done = c.run(statement, binds);
        if (!done) {
            return done.error();
        }
        (*done)->finish();
        return {};
    };
    if (options.progress) {
        options.progress(u"posts"_s, 0, options.posts);
    }
    if (auto ok = step(kInsertPosts, {{u":first"_s, firstTime}, {u":posts"_s, options.posts}});
            !ok) {
        return ok.error();
    }
    // Deals and deliverables for a share of the posts.
    if (auto ok = step(kInsertCampaigns, {{u":first"_s, firstTime}, {u":anchor"_s, anchorTime}});
            !ok) {
        return ok.error();
    }
    if (auto ok = c.execDirect(kLinked.arg(qMax(1, options.deliverableEvery))); !ok) {
        return ok.error();
    }
    for (const auto &[statement, binds] :
            std::initializer_list<std::pair<const SqlStatement *, Connection::Binds>>{
                    {&kInsertDeals, {{u":first"_s, firstTime}}},
                    {&kInsertOffers, {{u":first"_s, firstTime}, {u":terms"_s, kPaymentTerms}}},
                    {&kAcceptDeals, {{u":first"_s, firstTime}}},
                    {&kInsertDeliverables, {}},
                    {&kLinkPosts, {}},
                    {&kMeetConditions, {}},
            }) {
        if (auto ok = step(*statement, binds); !ok) {
            return ok.error();
        }
    }
    auto counts = c.run(kCounts);
    if (!counts) {
        return counts.error();
    }
    if ((*counts)->next()) {
        report.deliverables = (*counts)->value(0).toLongLong();
        report.deals = (*counts)->value(1).toLongLong();
        report.campaigns = (*counts)->value(2).toLongLong();
        (*counts)->finish();
    }

    QList<PostShape> shapes;
    shapes.reserve(options.posts);
    Prng random(options.seed ^ 0x5ca1ab1eULL);
    auto posts = c.run(kReadPosts);
    if (!posts) {
        return posts.error();
    }
    while ((*posts)->next()) {
        shapes.append(shapeOf(
                (*posts)->value(0).toString().toLatin1(), (*posts)->value(1).toString(), random));
    }
    report.posts = shapes.size();

    // Day by day, every post: rows arrive in time order, as the daily sync writes them (the BRIN
    // index on day stays tight).
    auto copy = db::CopyIn::start(c,
            u"COPY post_metrics (post_id, day, views, impressions, reach, likes, comments, "
            "shares, saves, clicks, watch_seconds, source, captured_at) FROM STDIN"_s);
    if (!copy) {
        return copy.error();
    }
    const qint64 total = qint64(shapes.size()) * options.days;
    qint64 done = 0;
    for (int d = 0; d < options.days; ++d) {
        const QDate day = first.addDays(d);
        const QByteArray dayText = day.toString(Qt::ISODate).toLatin1();
        const QByteArray captured = dayText + " 23:30:00+00";
        const double age = 30.0 + d; // posts were published before the window
        for (const PostShape &s : std::as_const(shapes)) {
            // Lifetime totals: most of the reach in the first days, a slow tail after.
            const double share = (1.0 - std::exp(-age / s.pace)) * (0.9 + 0.1 * (age / (age + 60)));
            const double reach = s.reach * share;
            const double views = reach * s.viewsPerReach;
            const double likes = views * s.engagement;
            QByteArray &row = copy->buffer();
            row.append(s.id);
            row.append('\t');
            row.append(dayText);
            appendCount(row, true, views);
            appendCount(row, s.impressions, views * 1.3);
            appendCount(row, s.reportsReach, reach);
            appendCount(row, true, likes);
            appendCount(row, true, likes * 0.04);
            appendCount(row, true, likes * 0.06);
            appendCount(row, s.saves, likes * 0.09);
            appendCount(row, s.clicks, views * 0.004);
            appendCount(row, s.watch, views * 9.5);
            row.append("\tplatform\t");
            row.append(captured);
            row.append('\n');
            if (auto sent = copy->flushIfFull(); !sent) {
                return sent.error();
            }
        }
        done += shapes.size();
        if (options.progress) {
            options.progress(u"post metrics"_s, done, total);
        }
    }
    const auto copied = copy->finish();
    if (!copied) {
        return copied.error();
    }
    report.postMetrics = *copied;
    return report;
}

} // namespace influence::server::seed
