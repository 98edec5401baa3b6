// SPDX-License-Identifier: Apache-2.0
#include "SeedAudience.h"

#include "AnalyticsSeed.h"
#include "Seeder.h"
#include "core/db/Connection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

// Two uniform draws in [0, 1) per account (u: the home country's share, v: the other market and
// the first language's share); a second code equal to the first is left out (ON CONFLICT).
const db::SqlStatement kInsertAudience(
        u"WITH a AS (SELECT c.id, d.country, d.languages[1] AS language, "
        "    ('x' || substr(md5(c.id::text || 'audience'), 1, 8))::bit(32)::bigint "
        "      / 4294967296.0 AS u, "
        "    ('x' || substr(md5(c.id::text || 'audience2'), 1, 8))::bit(32)::bigint "
        "      / 4294967296.0 AS v "
        "  FROM connected_accounts c JOIN influencer_details d ON d.user_id = c.influencer_id "
        "  WHERE c.status = 'connected' "
        "    AND NOT EXISTS (SELECT 1 FROM account_audience x WHERE x.account_id = c.id) "
        "  OFFSET 0) "
        "INSERT INTO account_audience (account_id, dimension, code, share, as_of) "
        "SELECT a.id, s.dimension, s.code, CAST(round(CAST(s.share AS numeric), 4) AS real), "
        "  CAST(:asOf AS date) "
        "FROM a, LATERAL (VALUES "
        "  ('country', a.country, 0.40 + 0.45 * a.u), "
        "  ('country', (ARRAY['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'BR', 'IN'])"
        "     [1 + floor(a.v * 8)::int], (0.60 - 0.45 * a.u) * 0.5), "
        "  ('language', a.language, 0.50 + 0.40 * a.v), "
        "  ('language', 'en', (0.50 - 0.40 * a.v) * 0.6)) AS s (dimension, code, share) "
        "WHERE s.code IS NOT NULL "
        "ON CONFLICT (account_id, dimension, code) DO NOTHING"_s);

} // namespace

Result<qint64> writeAudience(db::Connection &c, const QDate &asOf)
{
    auto done = c.run(kInsertAudience, {{u":asOf"_s, asOf.toString(Qt::ISODate)}});
    if (!done) {
        return done.error();
    }
    return (*done)->numRowsAffected();
}

Result<void> seedPostsAndAudience(db::Connection &c, SeedReport &report, const QDate &asOf)
{
    const auto analytics = seedAnalytics(c, 50);
    if (!analytics) {
        return analytics.error();
    }
    report.posts = analytics->posts;
    report.deliverablePosts = analytics->deliverablePosts;
    report.postMetrics = analytics->postMetrics;
    const auto audience = writeAudience(c, asOf);
    if (!audience) {
        return audience.error();
    }
    report.audienceRows = *audience;
    return {};
}

} // namespace influence::server::seed
