-- Discovery and metric history. Creators are searched by what their profile and connected
-- accounts say; the aggregates discovery filters and sorts on live on influencer_details and are
-- kept up to date by triggers, so a search reads one row per creator and never aggregates.

-- Per account: engagement (interactions per follower per post, as a fraction) and relative
-- follower growth over the last 30 days, both from the newest metric snapshots.
ALTER TABLE connected_accounts
    ADD COLUMN engagement_rate real CHECK (engagement_rate IS NULL OR engagement_rate >= 0),
    ADD COLUMN growth_30d      real;

ALTER TABLE influencer_details
    ADD COLUMN total_followers bigint NOT NULL DEFAULT 0 CHECK (total_followers >= 0),
    -- Follower-weighted mean over the creator's accounts that report one.
    ADD COLUMN engagement_rate real,
    ADD COLUMN growth_30d      real,
    ADD COLUMN platforms       text[] NOT NULL DEFAULT '{}',
    ADD COLUMN handles         text NOT NULL DEFAULT '',
    -- Names and handles match as written (no stemming); the bio in English with stemming.
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', display_name), 'A')
        || setweight(to_tsvector('simple', handles), 'A')
        || setweight(to_tsvector('english', bio), 'B')) STORED;

CREATE INDEX influencer_details_search_idx ON influencer_details USING gin (search);
CREATE INDEX influencer_details_platforms_idx ON influencer_details USING gin (platforms);
-- Keyset pagination for each sort order: (value, user_id).
CREATE INDEX influencer_details_followers_idx ON influencer_details (total_followers DESC, user_id DESC);
-- (Unknown rates sort last: the keys are coalesced, which keeps the keyset comparison simple.)
CREATE INDEX influencer_details_engagement_idx
    ON influencer_details ((coalesce(engagement_rate, -1)) DESC, user_id DESC);
CREATE INDEX influencer_details_growth_idx
    ON influencer_details ((coalesce(growth_30d, -1e9)) DESC, user_id DESC);
-- Follower ranges on one platform.
DROP INDEX connected_accounts_platform_followers_idx;
CREATE INDEX connected_accounts_platform_followers_idx
    ON connected_accounts (platform, followers, influencer_id);
CREATE INDEX connected_accounts_influencer_idx ON connected_accounts (influencer_id);

CREATE FUNCTION refresh_influencer_aggregates(creator uuid) RETURNS void
LANGUAGE sql AS $$
    UPDATE influencer_details d SET
        total_followers = a.total,
        engagement_rate = a.engagement,
        growth_30d = a.growth,
        platforms = a.platforms,
        handles = a.handles
    FROM (SELECT coalesce(sum(followers), 0) AS total,
                 (sum(engagement_rate * followers) FILTER (WHERE engagement_rate IS NOT NULL)
                  / nullif(sum(followers) FILTER (WHERE engagement_rate IS NOT NULL), 0))::real
                     AS engagement,
                 (sum(growth_30d * followers) FILTER (WHERE growth_30d IS NOT NULL)
                  / nullif(sum(followers) FILTER (WHERE growth_30d IS NOT NULL), 0))::real AS growth,
                 coalesce(array_agg(DISTINCT platform ORDER BY platform)
                          FILTER (WHERE platform IS NOT NULL), '{}') AS platforms,
                 coalesce(string_agg(handle, ' ' ORDER BY handle), '') AS handles
          FROM connected_accounts
          WHERE influencer_id = creator AND status <> 'disconnected') a
    WHERE d.user_id = creator
      AND (d.total_followers, d.engagement_rate, d.growth_30d, d.platforms, d.handles)
          IS DISTINCT FROM (a.total, a.engagement, a.growth, a.platforms, a.handles);
$$;

-- Statement-level, so that loading many accounts refreshes each creator once.
CREATE FUNCTION connected_accounts_refresh_owners() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_influencer_aggregates(o) FROM (SELECT DISTINCT influencer_id FROM new_rows) AS t(o);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM refresh_influencer_aggregates(o) FROM (SELECT DISTINCT influencer_id FROM old_rows) AS t(o);
    ELSE
        PERFORM refresh_influencer_aggregates(o)
        FROM (SELECT influencer_id FROM new_rows UNION SELECT influencer_id FROM old_rows) AS t(o);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER connected_accounts_aggregates_insert AFTER INSERT ON connected_accounts
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION connected_accounts_refresh_owners();
CREATE TRIGGER connected_accounts_aggregates_update AFTER UPDATE ON connected_accounts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION connected_accounts_refresh_owners();
CREATE TRIGGER connected_accounts_aggregates_delete AFTER DELETE ON connected_accounts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION connected_accounts_refresh_owners();

-- Creators and accounts that exist already (demo data).
SELECT refresh_influencer_aggregates(user_id) FROM influencer_details;

-- One snapshot per account and day: the history behind growth charts and analytics. Figures a
-- platform does not give are NULL, never 0.
CREATE TABLE account_metrics (
    account_id      uuid NOT NULL REFERENCES connected_accounts (id) ON DELETE CASCADE,
    day             date NOT NULL,
    followers       bigint NOT NULL CHECK (followers >= 0),
    following       bigint CHECK (following >= 0),
    posts           bigint CHECK (posts >= 0),
    views           bigint CHECK (views >= 0),
    reach           bigint CHECK (reach >= 0),
    engagement_rate real CHECK (engagement_rate IS NULL OR engagement_rate >= 0),
    captured_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, day)
);

-- The JSON shapes of the API, defined once for every route that returns them.
CREATE FUNCTION api_time(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- `owner`: the creator's own view (status); otherwise the public one.
CREATE FUNCTION api_account_json(a connected_accounts, owner boolean) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', a.id, 'platform', a.platform, 'handle', a.handle, 'profileUrl', a.profile_url,
        'followers', a.followers, 'engagementRate', a.engagement_rate, 'growth30d', a.growth_30d,
        'verified', a.status <> 'manual', 'lastSyncedAt', api_time(a.last_synced_at))
        || CASE WHEN owner
                THEN jsonb_build_object('status', a.status, 'createdAt', api_time(a.created_at))
                ELSE '{}'::jsonb END
$$;

-- The public profile of a creator (an allowlist: nothing about the user account but its id).
CREATE FUNCTION api_influencer_json(d influencer_details, owner boolean) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', d.user_id, 'displayName', d.display_name, 'bio', d.bio,
        'niches', to_jsonb(d.niches), 'country', d.country, 'languages', to_jsonb(d.languages),
        'rates', coalesce((SELECT jsonb_agg(jsonb_build_object('type', r.deliverable_type,
                                   'amountMinor', r.amount_minor, 'currency', r.currency)
                                   ORDER BY r.deliverable_type)
                           FROM influencer_rates r WHERE r.influencer_id = d.user_id), '[]'),
        'totalFollowers', d.total_followers, 'engagementRate', d.engagement_rate,
        'growth30d', d.growth_30d, 'platforms', to_jsonb(d.platforms),
        'accounts', coalesce((SELECT jsonb_agg(api_account_json(a, owner) ORDER BY a.platform, lower(a.handle))
                              FROM connected_accounts a
                              WHERE a.influencer_id = d.user_id
                                AND (owner OR a.status <> 'disconnected')), '[]'),
        'createdAt', api_time(d.created_at), 'updatedAt', api_time(d.updated_at))
$$;

CREATE FUNCTION api_brand_json(b brand_details) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', b.user_id, 'companyName', b.company_name, 'website', b.website,
        'industry', b.industry, 'country', b.country,
        'createdAt', api_time(b.created_at), 'updatedAt', api_time(b.updated_at))
$$;
