-- SPDX-License-Identifier: Apache-2.0
-- 0006: discovery at 100 000 creators, the administrators' user directory, social token renewal.

-- Discovery (bench/results: discovery-*): disabled creators are left out with an anti-join
-- against the users who are not active, a handful, which costs next to nothing; joining users
-- looked up one user row per match (up to the 10 001 of the count).
CREATE INDEX users_not_active_idx ON users (id) WHERE status <> 'active';

-- The administrators' user directory (GET /api/v1/users): newest first with keyset pages, and a
-- case-insensitive text search within e-mail addresses and display names through trigrams
-- (pg_trgm is a trusted extension: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_created_idx ON users (created_at DESC, id DESC);
CREATE INDEX users_search_trgm_idx
    ON users USING gin ((lower(email) || ' ' || lower(display_name)) gin_trgm_ops);

-- Social tokens are renewed at four fifths of their lifetime (from expires_in): a long-lived token
-- without a refresh token (Instagram: 60 days, renewable while it is valid) gets twelve days of
-- retries, not the last minutes. NULL (tokens saved before, or without expires_in): only the
-- expiry horizon applies.
ALTER TABLE social_credentials ADD COLUMN refresh_due_at timestamptz;
CREATE INDEX social_credentials_refresh_due_idx ON social_credentials (refresh_due_at)
    WHERE refresh_due_at IS NOT NULL;

-- Metric series: the primary key carries the figures, so that a series is an index-only scan of
-- neighbouring index entries. Snapshots arrive a day at a time for every account, so one
-- account's rows lie on as many heap pages as it has days (730 pages for a two-year series).
CREATE UNIQUE INDEX account_metrics_series_key ON account_metrics (account_id, day)
    INCLUDE (followers, following, posts, views, reach, engagement_rate);
ALTER TABLE account_metrics DROP CONSTRAINT account_metrics_pkey,
    ADD CONSTRAINT account_metrics_pkey PRIMARY KEY USING INDEX account_metrics_series_key;
