// SPDX-License-Identifier: Apache-2.0
#include "SeedLabels.h"

#include "core/db/Connection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace influence::server::seed {

namespace {

// The draws ub (bought), uv (viral) and us (size) exactly as kInsertMetrics takes them; the jump
// shows on day k = bought / viral (days before `end`), the first day at the full level.
const db::SqlStatement kPlanted(
        u"WITH d AS (SELECT c.id, "
        "  ('x' || substr(md5(c.id::text || 'b'), 1, 8))::bit(32)::bigint / 4294967296.0 AS ub, "
        "  ('x' || substr(md5(c.id::text || 'v'), 1, 8))::bit(32)::bigint / 4294967296.0 AS uv, "
        "  ('x' || substr(md5(c.id::text || 's'), 1, 8))::bit(32)::bigint / 4294967296.0 AS us "
        "  FROM connected_accounts c WHERE c.status = 'connected') "
        "SELECT id, CAST(:end AS date) - floor(ub / 0.03 * :days)::int, " SEED_STEP_SIZE
        ", 'follower_step' FROM d WHERE ub < 0.03 "
        "UNION ALL "
        "SELECT id, CAST(:end AS date) - floor(uv / 0.3 * :days)::int, " SEED_STEP_SIZE
        ", 'organic_spike' FROM d WHERE uv < 0.3 "
        "ORDER BY 1, 2"_s);

} // namespace

common::Result<QList<PlantedEvent>> plantedEvents(db::Connection &c, const QDate &end, int days)
{
    auto query = c.run(kPlanted, {{u":end"_s, end.toString(Qt::ISODate)}, {u":days"_s, days}});
    if (!query) {
        return query.error();
    }
    QList<PlantedEvent> events;
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        events.append({q.value(0).toString(), q.value(1).toDate(), q.value(2).toDouble(),
                q.value(3).toString()});
    }
    (*query)->finish();
    return events;
}

} // namespace influence::server::seed
