-- SPDX-License-Identifier: Apache-2.0
-- GET /api/v1/connected-accounts/{id}/metrics, after the session check of me.sql: the account's
-- visibility with its series version, then the daily series (kAccountSeriesVersion and
-- kDailyMetrics in server/profiles/Metrics.cpp; keep in step), which both servers turn into
-- JSON; influence-server runs the series only when its cache (MetricsCache) has no answer for
-- that version. :account, :from and :to are the request's; the node baseline binds them as $1
-- and $1…$3, pgbench inlines them.
SELECT coalesce(ch.change_xid::text, '0') FROM connected_accounts a JOIN users u ON u.id = a.influencer_id AND u.status = 'active' LEFT JOIN account_metrics_changes ch ON ch.account_id = a.id WHERE a.id = :account;
SELECT to_char(day, 'YYYY-MM-DD'), followers, following, posts, views, reach, CAST(engagement_rate AS numeric) FROM account_metrics WHERE account_id = :account AND day BETWEEN :from AND :to ORDER BY day
