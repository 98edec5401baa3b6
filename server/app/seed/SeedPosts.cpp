// SPDX-License-Identifier: Apache-2.0
#include "SeedPosts.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

// u(account, salt): a uniform draw in [0, 1) from the account's id, as the metric history draws.
// Post n (0-11) of an account is published about n weeks before the end; its engagement per
// follower (per view on YouTube) is the account's level (0.005 + 0.08 e^2, the range the metric
// history uses) times some noise per post; likes, comments, shares and saves share it 85/8/4/3.
const db::SqlStatement kInsertPosts(
        u"INSERT INTO posts (id, influencer_id, account_id, platform, external_id, kind, "
        "  caption, published_at, created_at, updated_at) "
        "SELECT CAST(md5(c.id::text || 'post' || n) AS uuid), c.influencer_id, c.id, c.platform, "
        "  'seed-' || md5(c.id::text || 'post' || n), "
        "  CASE WHEN c.platform IN ('youtube', 'tiktok', 'twitch') THEN 'video' ELSE 'post' END, "
        "  'Post ' || (n + 1), t.at, t.at, t.at "
        "FROM connected_accounts c, generate_series(0, 11) AS n, LATERAL (SELECT "
        "  (CAST(:end AS date) - (7 * n + floor(6 * (('x' || substr(md5(c.id::text || 'd' || n), "
        "1, 8))::bit(32)::bigint / 4294967296.0)))::int + time '15:00') AT TIME ZONE 'UTC' AS at) "
        "t "
        "WHERE c.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS uuid)) "
        "ON CONFLICT (platform, external_id) DO NOTHING"_s);
const db::SqlStatement kInsertPostMetrics(
        u"INSERT INTO post_metrics (post_id, day, views, reach, likes, comments, shares, saves, "
        "  source, captured_at) "
        "SELECT p.id, CAST(:end AS date), v.views, "
        "  CASE WHEN c.platform = 'instagram' THEN round(c.followers * (0.15 + 0.3 * un)) END, "
        "  round(0.85 * e.total), round(0.08 * e.total), round(0.04 * e.total), "
        "  round(0.03 * e.total), 'platform', CAST(:end AS date) + time '06:00' "
        "FROM posts p JOIN connected_accounts c ON c.id = p.account_id, "
        "  LATERAL (SELECT "
        "    ('x' || substr(md5(c.id::text || 'e'), 1, 8))::bit(32)::bigint / 4294967296.0 AS ue, "
        "    ('x' || substr(md5(p.id::text || 'n'), 1, 8))::bit(32)::bigint / 4294967296.0 AS un, "
        "    ('x' || substr(md5(c.id::text || 'w'), 1, 8))::bit(32)::bigint / 4294967296.0 AS uw) "
        "u, "
        "  LATERAL (SELECT round(c.followers * (0.05 + 0.5 * uw) * (0.6 + 0.8 * un)) AS views) v, "
        "  LATERAL (SELECT (0.005 + 0.08 * ue * ue) * (0.8 + 0.4 * un) "
        "    * CASE WHEN engagement_basis(c.platform) = 'views' THEN v.views "
        "           ELSE c.followers END AS total) e "
        "WHERE c.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS uuid)) "
        "  AND p.external_id LIKE 'seed-%' "
        "ON CONFLICT (post_id, day) DO NOTHING"_s);
const db::SqlStatement kAccountFigures(
        u"SELECT refresh_account_figures(ARRAY(SELECT CAST(jsonb_array_elements_text("
        "  CAST(:ids AS jsonb)) AS uuid)), CAST(:end AS date))"_s);

} // namespace

Result<void> writeRecentPosts(db::Connection &c, const QString &ids, const QString &end)
{
    for (const db::SqlStatement *statement :
            {&kInsertPosts, &kInsertPostMetrics, &kAccountFigures}) {
        auto done = c.run(*statement, {{u":ids"_s, ids}, {u":end"_s, end}});
        if (!done) {
            return done.error();
        }
        (*done)->finish();
    }
    return {};
}

} // namespace influence::server::seed
