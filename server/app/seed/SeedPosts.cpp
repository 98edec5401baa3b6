// SPDX-License-Identifier: Apache-2.0
#include "SeedPosts.h"

#include "core/db/Connection.h"

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

// Draws are uniform in [0, 1) from md5 of the account's id and a salt, as the metric history
// draws. Post n (0-11) of an account is published about n weeks before the end; its engagement
// per follower (per view on YouTube) is the account's level (0.005 + 0.08 e^2, the range the
// metric history uses) times some noise per post; likes, comments, shares and saves share it
// 85/8/4/3. One statement: the posts and their rows of totals (OFFSET 0 keeps each draw computed
// once; flattened, every use of it would hash again).
const db::SqlStatement kInsertPosts(
        u"WITH p AS (SELECT a.*, n, md5(a.id::text || 'post' || n) AS h, "
        "    ('x' || substr(md5(a.id::text || 'd' || n), 1, 8))::bit(32)::bigint "
        "      / 4294967296.0 AS ud, "
        "    ('x' || substr(md5(a.id::text || 'n' || n), 1, 8))::bit(32)::bigint "
        "      / 4294967296.0 AS un "
        "  FROM (SELECT c.id, c.influencer_id, c.platform, c.followers, "
        "          ('x' || substr(md5(c.id::text || 'e'), 1, 8))::bit(32)::bigint "
        "            / 4294967296.0 AS ue, "
        "          ('x' || substr(md5(c.id::text || 'w'), 1, 8))::bit(32)::bigint "
        "            / 4294967296.0 AS uw "
        "        FROM connected_accounts c WHERE c.id IN (SELECT CAST(jsonb_array_elements_text("
        "          CAST(:ids AS jsonb)) AS uuid)) OFFSET 0) a, "
        "       generate_series(0, 11) AS n OFFSET 0), "
        "f AS (SELECT p.*, round(p.followers * (0.05 + 0.5 * p.uw) * (0.6 + 0.8 * p.un)) AS views, "
        "    (CAST(:end AS date) - (7 * n + floor(6 * ud))::int + time '15:00') "
        "      AT TIME ZONE 'UTC' AS at "
        "  FROM p OFFSET 0), "
        "e AS (SELECT f.*, (0.005 + 0.08 * f.ue * f.ue) * (0.8 + 0.4 * f.un) "
        "    * CASE WHEN engagement_basis(f.platform) = 'views' THEN f.views "
        "           ELSE f.followers END AS total FROM f OFFSET 0), "
        "posted AS (INSERT INTO posts (id, influencer_id, account_id, platform, external_id, "
        "    kind, caption, published_at, created_at, updated_at) "
        "  SELECT CAST(e.h AS uuid), e.influencer_id, e.id, e.platform, 'seed-' || e.h, "
        "    CASE WHEN e.platform IN ('youtube', 'tiktok', 'twitch') THEN 'video' "
        "         ELSE 'post' END, 'Post ' || (e.n + 1), e.at, e.at, e.at FROM e "
        "  ON CONFLICT (platform, external_id) DO NOTHING RETURNING id) "
        "INSERT INTO post_metrics (post_id, day, views, reach, likes, comments, shares, saves, "
        "  source, captured_at) "
        "SELECT posted.id, CAST(:end AS date), e.views, "
        "  CASE WHEN e.platform = 'instagram' THEN round(e.followers * (0.15 + 0.3 * e.un)) END, "
        "  round(0.85 * e.total), round(0.08 * e.total), round(0.04 * e.total), "
        "  round(0.03 * e.total), 'platform', CAST(:end AS date) + time '06:00' "
        "FROM e JOIN posted ON posted.id = CAST(e.h AS uuid) "
        "ON CONFLICT (post_id, day) DO NOTHING"_s);
const db::SqlStatement kAccountFigures(
        u"SELECT refresh_account_figures(ARRAY(SELECT CAST(jsonb_array_elements_text("
        "  CAST(:ids AS jsonb)) AS uuid)), CAST(:end AS date))"_s);

} // namespace

Result<void> writeRecentPosts(db::Connection &c, const QString &ids, const QString &end)
{
    for (const db::SqlStatement *statement : {&kInsertPosts, &kAccountFigures}) {
        auto done = c.run(*statement, {{u":ids"_s, ids}, {u":end"_s, end}});
        if (!done) {
            return done.error();
        }
        (*done)->finish();
    }
    return {};
}

} // namespace influence::server::seed
