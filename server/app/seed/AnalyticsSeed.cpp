// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsSeed.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

// Ids are UUIDs made from an md5 of what the post stands for, so the same rows give the same ids.
const db::SqlStatement kDeliverablePosts(
        u"INSERT INTO posts (id, influencer_id, account_id, platform, external_id, kind, url, "
        "caption, published_at, deliverable_id) "
        "SELECT CAST(md5('demo-post-' || dl.id) AS uuid), d.influencer_id, a.id, dl.platform, "
        "'demo-' || left(md5('demo-post-' || dl.id), 16), dl.type, dl.live_url, "
        "coalesce((SELECT v.caption FROM deliverable_versions v WHERE v.deliverable_id = dl.id "
        "          ORDER BY v.version DESC LIMIT 1), ''), dl.live_at, dl.id "
        "FROM deliverables dl JOIN deals d ON d.id = dl.deal_id "
        "LEFT JOIN LATERAL (SELECT c.id FROM connected_accounts c "
        "  WHERE c.influencer_id = d.influencer_id AND c.platform = dl.platform "
        "  ORDER BY c.followers DESC, c.id LIMIT 1) a ON true "
        "WHERE dl.status = 'live' AND NOT EXISTS (SELECT 1 FROM posts p "
        "                                         WHERE p.deliverable_id = dl.id)"_s);
// Three recent posts of each of the first creators, on their largest account, published 3 to
// 40 days before today.
const db::SqlStatement kRecentPosts(
        u"INSERT INTO posts (id, influencer_id, account_id, platform, external_id, kind, url, "
        "caption, published_at) "
        "SELECT CAST(md5('demo-recent-' || i.user_id || '-' || n) AS uuid), i.user_id, a.id, "
        "a.platform, 'demo-' || left(md5('demo-recent-' || i.user_id || '-' || n), 16), "
        "CASE a.platform WHEN 'youtube' THEN 'video' WHEN 'tiktok' THEN 'video' "
        "     ELSE (ARRAY['post', 'reel', 'story'])[n] END, "
        "'https://example.com/demo/' || left(md5('demo-recent-' || i.user_id || '-' || n), 12), "
        "(ARRAY['Behind the scenes of this week', 'My honest review', "
        "       'Three tips I wish I had known'])[n], "
        "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' "
        "  - make_interval(days => 3 + (('x' || left(md5(i.user_id || '-' || n), 6))::bit(24)::int "
        "                               % 38), hours => 9 + 3 * n) "
        "FROM (SELECT user_id FROM influencer_details ORDER BY user_id LIMIT :creators) i "
        "CROSS JOIN generate_series(1, 3) AS n "
        "JOIN LATERAL (SELECT c.id, c.platform FROM connected_accounts c "
        "  WHERE c.influencer_id = i.user_id AND c.status <> 'disconnected' "
        "  ORDER BY c.followers DESC, c.id LIMIT 1) a ON true "
        "ON CONFLICT DO NOTHING"_s);
// Lifetime totals per day from publication (at most 60 days back) to yesterday: views approach
// a final count (a share of the account's followers), 60 % of it in the first days (1 - e^(-t/3))
// and the rest as a long tail (1 - e^(-t/25)); the other figures follow
// views by per-post ratios. Figures a platform does not give stay NULL (reach and impressions
// on YouTube and TikTok, saves on YouTube), so estimated reach shows too.
const db::SqlStatement kMetrics(
        u"INSERT INTO post_metrics (post_id, day, views, impressions, reach, likes, comments, "
        "shares, saves, clicks, watch_seconds, source, captured_at) "
        "SELECT x.id, x.day, x.views, "
        "CASE WHEN x.platform IN ('youtube', 'tiktok') THEN NULL ELSE round(x.views * 1.35) END, "
        "CASE WHEN x.platform IN ('youtube', 'tiktok') THEN NULL ELSE round(x.views * 0.72) END, "
        "round(x.views * x.rate), round(x.views * x.rate * 0.06), round(x.views * x.rate * 0.09), "
        "CASE WHEN x.platform = 'youtube' THEN NULL ELSE round(x.views * x.rate * 0.12) END, "
        "round(x.views * 0.011), "
        "CASE WHEN x.kind IN ('video', 'reel', 'short') THEN round(x.views * 21) END, "
        "'platform', (x.day + time '23:30') AT TIME ZONE 'UTC' "
        "FROM (SELECT p.id, p.platform, p.kind, g.day::date AS day, "
        "        0.02 + (('x' || substr(md5(p.id::text), 7, 4))::bit(16)::int % 60) / 1000.0 "
        "          AS rate, "
        "        round(greatest(coalesce(a.followers, 0), 2000) "
        "              * (0.3 + (('x' || left(md5(p.id::text), 6))::bit(24)::int % 100) / 100.0) "
        "              * (0.6 * (1 - exp(-d.t / 3.0)) + 0.4 * (1 - exp(-d.t / 25.0))))::bigint "
        "          AS views "
        "      FROM posts p "
        "      LEFT JOIN connected_accounts a ON a.id = p.account_id "
        "      CROSS JOIN LATERAL generate_series("
        "          greatest((p.published_at AT TIME ZONE 'UTC')::date, "
        "                   (now() AT TIME ZONE 'UTC')::date - 60), "
        "          (now() AT TIME ZONE 'UTC')::date - 1, interval '1 day') AS g(day) "
        "      CROSS JOIN LATERAL (SELECT g.day::date - (p.published_at AT TIME ZONE 'UTC')::date "
        "                                 + 1 AS t) d "
        "      WHERE p.external_id LIKE 'demo-%' "
        "        AND NOT EXISTS (SELECT 1 FROM post_metrics m WHERE m.post_id = p.id)) x"_s);

} // namespace

Result<AnalyticsSeedReport> seedAnalytics(db::Connection &c, int creators)
{
    AnalyticsSeedReport report;
    auto query = c.run(kDeliverablePosts);
    if (!query) {
        return query.error();
    }
    report.deliverablePosts = (*query)->numRowsAffected();
    report.posts = report.deliverablePosts;
    (*query)->finish();
    query = c.run(kRecentPosts, {{u":creators"_s, creators}});
    if (!query) {
        return query.error();
    }
    report.posts += (*query)->numRowsAffected();
    (*query)->finish();
    query = c.run(kMetrics);
    if (!query) {
        return query.error();
    }
    report.postMetrics = (*query)->numRowsAffected();
    (*query)->finish();
    return report;
}

} // namespace influence::server::seed
