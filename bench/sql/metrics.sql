-- SPDX-License-Identifier: Apache-2.0
-- GET /api/v1/connected-accounts/{id}/metrics, after the session check of me.sql: the account's
-- visibility, then the daily series (kAccountVisible and kDailyMetrics in
-- server/profiles/ProfileStore.cpp; keep in step), which both servers turn into JSON. :account,
-- :from and :to are the request's; the node baseline binds them as $1 and $1…$3, pgbench inlines
-- them.
SELECT 1 FROM connected_accounts a JOIN users u ON u.id = a.influencer_id AND u.status = 'active' WHERE a.id = :account;
SELECT to_char(day, 'YYYY-MM-DD'), followers, following, posts, views, reach, CAST(engagement_rate AS numeric) FROM account_metrics WHERE account_id = :account AND day BETWEEN :from AND :to ORDER BY day
