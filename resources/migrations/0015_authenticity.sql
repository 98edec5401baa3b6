-- SPDX-License-Identifier: Apache-2.0
-- 0015: authenticity. The server's detector (server/authenticity/Detector.*, a Hampel identifier
-- on daily follower increments) finds each account's follower events from its account_metrics
-- and stores them here with the account's score (0–100, NULL until the history is long enough to
-- judge); a creator's score is the follower-weighted mean of their accounts' scores. The sync and
-- the seeder store them after the account's figures (store_account_authenticity).

CREATE TABLE account_authenticity_events (
    account_id  uuid NOT NULL REFERENCES connected_accounts (id) ON DELETE CASCADE,
    day         date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('follower_step', 'organic_spike', 'churn')),
    size        real NOT NULL CHECK (size >= 0),       -- excess followers / followers before
    length_days integer NOT NULL CHECK (length_days >= 1),
    reason      text NOT NULL,                         -- plain words, as the profile shows it
    PRIMARY KEY (account_id, day)
);

ALTER TABLE connected_accounts
    ADD COLUMN authenticity_score smallint CHECK (authenticity_score BETWEEN 0 AND 100);
ALTER TABLE influencer_details
    ADD COLUMN authenticity_score smallint CHECK (authenticity_score BETWEEN 0 AND 100);

-- rows: [{"id": uuid, "score": 0–100 or null, "events": [{"day", "kind", "size", "lengthDays",
-- "reason"}]}]: replaces each listed account's events and score.
CREATE FUNCTION store_account_authenticity(rows jsonb) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM account_authenticity_events e
    USING jsonb_array_elements(rows) r
    WHERE e.account_id = CAST(r->>'id' AS uuid);
    INSERT INTO account_authenticity_events (account_id, day, kind, size, length_days, reason)
    SELECT CAST(r->>'id' AS uuid), CAST(ev->>'day' AS date), ev->>'kind',
           CAST(ev->>'size' AS real), CAST(ev->>'lengthDays' AS integer), ev->>'reason'
    FROM jsonb_array_elements(rows) r, jsonb_array_elements(r->'events') ev
    ON CONFLICT (account_id, day) DO NOTHING;
    UPDATE connected_accounts c SET authenticity_score = CAST(r->>'score' AS smallint)
    FROM jsonb_array_elements(rows) r
    WHERE c.id = CAST(r->>'id' AS uuid)
      AND c.authenticity_score IS DISTINCT FROM CAST(r->>'score' AS smallint);
$$;

-- As 0003, plus the follower-weighted authenticity score.
CREATE OR REPLACE FUNCTION refresh_influencer_aggregates(creator uuid) RETURNS void
LANGUAGE sql AS $$
    UPDATE influencer_details d SET
        total_followers = a.total,
        engagement_rate = a.engagement,
        growth_30d = a.growth,
        platforms = a.platforms,
        handles = a.handles,
        authenticity_score = a.authenticity
    FROM (SELECT coalesce(sum(followers), 0) AS total,
                 (sum(engagement_rate * followers) FILTER (WHERE engagement_rate IS NOT NULL)
                  / nullif(sum(followers) FILTER (WHERE engagement_rate IS NOT NULL), 0))::real
                     AS engagement,
                 (sum(growth_30d * followers) FILTER (WHERE growth_30d IS NOT NULL)
                  / nullif(sum(followers) FILTER (WHERE growth_30d IS NOT NULL), 0))::real AS growth,
                 coalesce(array_agg(DISTINCT platform ORDER BY platform)
                          FILTER (WHERE platform IS NOT NULL), '{}') AS platforms,
                 coalesce(string_agg(handle, ' ' ORDER BY handle), '') AS handles,
                 coalesce(round(sum(authenticity_score::numeric * followers)
                                    FILTER (WHERE authenticity_score IS NOT NULL)
                                / nullif(sum(followers) FILTER (WHERE authenticity_score IS NOT NULL), 0)),
                          min(authenticity_score))::smallint AS authenticity
          FROM connected_accounts
          WHERE influencer_id = creator AND status <> 'disconnected') a
    WHERE d.user_id = creator
      AND (d.total_followers, d.engagement_rate, d.growth_30d, d.platforms, d.handles,
           d.authenticity_score)
          IS DISTINCT FROM (a.total, a.engagement, a.growth, a.platforms, a.handles, a.authenticity);
$$;

-- An account's events, oldest first, and the reasons its score is below 100 (newest first).
CREATE FUNCTION api_authenticity_events_json(account uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('day', e.day, 'kind', e.kind,
                                  'size', e.size, 'lengthDays', e.length_days,
                                  'reason', e.reason) ORDER BY e.day), '[]')
    FROM account_authenticity_events e WHERE e.account_id = account
$$;

CREATE FUNCTION api_authenticity_reasons_json(accounts uuid[], with_handle boolean) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_agg(CASE WHEN with_handle
                                   THEN a.platform || ' ' || a.handle || ': ' || e.reason
                                   ELSE e.reason END
                              ORDER BY e.day DESC, a.platform, a.handle), '[]')
    FROM account_authenticity_events e JOIN connected_accounts a ON a.id = e.account_id
    WHERE e.account_id = ANY (accounts) AND e.kind <> 'organic_spike'
$$;

-- As 0003, plus authenticityScore, authenticityReasons and authenticityEvents.
CREATE OR REPLACE FUNCTION api_account_json(a connected_accounts, owner boolean) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', a.id, 'platform', a.platform, 'handle', a.handle, 'profileUrl', a.profile_url,
        'followers', a.followers, 'engagementRate', a.engagement_rate, 'growth30d', a.growth_30d,
        'verified', a.status <> 'manual', 'lastSyncedAt', api_time(a.last_synced_at),
        'authenticityScore', a.authenticity_score,
        'authenticityReasons', api_authenticity_reasons_json(ARRAY[a.id], false),
        'authenticityEvents', api_authenticity_events_json(a.id))
        || CASE WHEN owner
                THEN jsonb_build_object('status', a.status, 'createdAt', api_time(a.created_at))
                ELSE '{}'::jsonb END
$$;

-- As 0003, plus the creator's authenticityScore and authenticityReasons (every account's).
CREATE OR REPLACE FUNCTION api_influencer_json(d influencer_details, owner boolean) RETURNS jsonb
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
        'authenticityScore', d.authenticity_score,
        'authenticityReasons', api_authenticity_reasons_json(
            ARRAY(SELECT a.id FROM connected_accounts a
                  WHERE a.influencer_id = d.user_id AND a.status <> 'disconnected'), true),
        'accounts', coalesce((SELECT jsonb_agg(api_account_json(a, owner) ORDER BY a.platform, lower(a.handle))
                              FROM connected_accounts a
                              WHERE a.influencer_id = d.user_id
                                AND (owner OR a.status <> 'disconnected')), '[]'),
        'createdAt', api_time(d.created_at), 'updatedAt', api_time(d.updated_at))
$$;
