-- SPDX-License-Identifier: Apache-2.0
-- 0026: the analytics dashboards at ten million rows (issue 19: p95 < 30 ms at 16 connections).
--
-- 1. Versions. Every table an overview or a campaign's analytics answer reads bumps, in the
--    writing transaction, the version of the campaigns it touches (analytics_versions, one row a
--    campaign; the nil UUID for what every answer reads: the EMV tables). The server keeps
--    finished answers in memory under a fingerprint of those versions (and, for the overview,
--    of the caller's brands and campaigns and today's date, on which the to-dos depend), so a
--    repeated read costs one look-up of a few primary keys; a write in any process gives the
--    next read a new fingerprint (server/analytics/DashboardCache.h).
-- 2. The overview's campaigns table reads each campaign's balance rows (ledger_accounts, kept by
--    ledger_transfer) directly instead of building api_campaign_budget_json per campaign (whose
--    per-deal list it threw away).
-- 3. The overview's previous period is read in the same pass over campaign_rollup_daily as the
--    current one (conditional aggregates over both ranges), not by a second call.
-- The answers are unchanged (tst_api_analytics compares them with the functions of 0012).

CREATE TABLE analytics_versions (
    -- A campaign's id, or the nil UUID for what every answer reads.
    scope   uuid PRIMARY KEY,
    version bigint NOT NULL
);

-- Bumps the versions of the campaigns that rows keyed by p_kind ('campaign', 'deal', 'post',
-- 'account', 'influencer', 'global') belong to, in key order (so two writers cannot deadlock
-- here). The row lock is held to commit: readers see the new version with the new rows.
CREATE FUNCTION analytics_bump(p_kind text, p_keys uuid[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO analytics_versions AS v (scope, version)
    SELECT x.scope, 1
    FROM (SELECT k AS scope FROM unnest(p_keys) AS k WHERE p_kind = 'campaign'
          UNION
          SELECT d.campaign_id FROM deals d WHERE p_kind = 'deal' AND d.id = ANY (p_keys)
          UNION
          SELECT p.campaign_id FROM posts p WHERE p_kind = 'post' AND p.id = ANY (p_keys)
          UNION
          SELECT p.campaign_id FROM connected_accounts a
          JOIN posts p ON p.influencer_id = a.influencer_id
          WHERE p_kind = 'account' AND a.id = ANY (p_keys)
          UNION
          SELECT p.campaign_id FROM posts p
          WHERE p_kind = 'influencer' AND p.influencer_id = ANY (p_keys)
          UNION
          SELECT d.campaign_id FROM deals d
          WHERE p_kind = 'influencer' AND d.influencer_id = ANY (p_keys)
          UNION
          SELECT '00000000-0000-0000-0000-000000000000'::uuid WHERE p_kind = 'global') x
    WHERE x.scope IS NOT NULL
    ORDER BY x.scope
    ON CONFLICT (scope) DO UPDATE SET version = v.version + 1
$$;

-- Statement-level, with the changed rows: TG_ARGV[0] is the kind of key, TG_ARGV[1] the column
-- that holds it.
CREATE FUNCTION analytics_versions_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    keys uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %I AS k FROM new_rows) x',
                       TG_ARGV[1]) INTO keys;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %I AS k FROM old_rows) x',
                       TG_ARGV[1]) INTO keys;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %I AS k FROM new_rows '
                       'UNION ALL SELECT %I FROM old_rows) x', TG_ARGV[1], TG_ARGV[1])
            INTO keys;
    END IF;
    IF keys IS NOT NULL THEN
        PERFORM analytics_bump(TG_ARGV[0], keys);
    END IF;
    RETURN NULL;
END;
$$;

-- What the answers read: the rollups, the raw figures and posts (top posts), campaigns, deals,
-- deliverables, offers and payouts (the to-dos), the ledger (spend, budget), creators' names and
-- followers (estimated reach), the EMV tables.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('campaign_rollup_daily', 'campaign', 'campaign_id'),
            ('post_rollup_daily', 'campaign', 'campaign_id'),
            ('post_totals', 'campaign', 'campaign_id'),
            ('post_metrics', 'post', 'post_id'),
            ('posts', 'campaign', 'campaign_id'),
            ('campaigns', 'campaign', 'id'),
            ('deals', 'campaign', 'campaign_id'),
            ('deliverables', 'deal', 'deal_id'),
            ('offers', 'deal', 'deal_id'),
            ('payouts', 'campaign', 'campaign_id'),
            ('ledger_accounts', 'campaign', 'campaign_id'),
            ('account_metrics', 'account', 'account_id'),
            ('connected_accounts', 'influencer', 'influencer_id'),
            ('influencer_details', 'influencer', 'user_id'),
            ('emv_tables', 'global', 'id'),
            ('emv_rates', 'global', 'table_id')) AS x(tab, kind, col)
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION analytics_versions_bump(%L, %L)',
                       t.tab || '_analytics_insert', t.tab, t.kind, t.col);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                       'NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION analytics_versions_bump(%L, %L)',
                       t.tab || '_analytics_update', t.tab, t.kind, t.col);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION analytics_versions_bump(%L, %L)',
                       t.tab || '_analytics_delete', t.tab, t.kind, t.col);
    END LOOP;
END;
$$;

-- The fingerprint of what a user's overview reads (p_campaign: one of theirs, else all): their
-- brands, those brands' campaigns and their versions, the global version and today (UTC).
CREATE FUNCTION analytics_overview_version(p_user uuid, p_campaign uuid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(string_agg(b.id::text || '/' || coalesce(c.id::text, '-') || '='
                                   || coalesce(v.version, 0)::text, ',' ORDER BY b.id, c.id), '')
               || ';' || ((now() AT TIME ZONE 'UTC')::date)::text || ';'
               || coalesce((SELECT g.version FROM analytics_versions g
                            WHERE g.scope = '00000000-0000-0000-0000-000000000000'), 0)::text)
    FROM (SELECT x.user_id AS id FROM brand_details x WHERE x.user_id = p_user
          UNION
          SELECT m.brand_id FROM brand_members m WHERE m.member_id = p_user) b
    LEFT JOIN campaigns c ON c.brand_id = b.id AND (p_campaign IS NULL OR c.id = p_campaign)
    LEFT JOIN analytics_versions v ON v.scope = c.id
$$;

-- A campaign's: its version and the global one.
CREATE FUNCTION analytics_campaign_version(p_campaign uuid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT v.version FROM analytics_versions v WHERE v.scope = p_campaign), 0)
           || '/' || coalesce((SELECT g.version FROM analytics_versions g
                               WHERE g.scope = '00000000-0000-0000-0000-000000000000'), 0)
$$;

-- analytics_campaigns_json (0012) with p_prev_from: also 'previousKpis', the KPIs of
-- [p_prev_from, p_from - 1] read in the same pass over campaign_rollup_daily, with what
-- analytics_campaigns_json(…, p_prev_from, p_from - 1, …, false, 0) -> 'kpis' answered.
CREATE FUNCTION analytics_campaigns_json(p_campaigns uuid[], p_money uuid[], p_from date,
                                         p_to date, p_interval text, p_detail boolean,
                                         p_max_posts integer, p_prev_from date) RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    WITH ct AS (
        SELECT c.id, c.brand_id, c.currency, c.budget_minor, c.id = ANY (p_money) AS money,
               emv_table_for(c.brand_id, c.currency) AS emv
        FROM campaigns c WHERE c.id = ANY (p_campaigns)),
    -- both periods' rows; cur: the current period's
    crollx AS (
        SELECT r.*, r.day >= p_from AS cur
        FROM ct JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
        WHERE r.day BETWEEN coalesce(p_prev_from, p_from) AND p_to),
    croll AS (SELECT * FROM crollx WHERE cur),
    cposts AS (
        SELECT t.post_id, t.influencer_id, t.engagements
        FROM unnest(p_campaigns) AS c(id)
        CROSS JOIN LATERAL (SELECT t.post_id, t.influencer_id, t.engagements FROM post_totals t
                            WHERE t.campaign_id = c.id AND t.published_day <= p_to
                            ORDER BY t.engagements DESC, t.post_id
                            LIMIT greatest(p_max_posts * 10, 50)) t
        WHERE p_detail AND p_max_posts IS NOT NULL
        ORDER BY t.engagements DESC, t.post_id
        LIMIT greatest(p_max_posts * 10, 50)),
    cand AS (
        SELECT t.influencer_id FROM post_totals t
        WHERE p_detail AND p_max_posts IS NOT NULL AND t.campaign_id = ANY (p_campaigns)
          AND t.published_day <= p_to
        GROUP BY 1 ORDER BY sum(t.engagements) DESC, 1 LIMIT greatest(p_max_posts * 2, 10)),
    groups AS (
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM post_totals t
        WHERE p_detail AND p_max_posts IS NULL AND t.campaign_id = ANY (p_campaigns)
        UNION ALL
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM cand JOIN post_totals t ON t.influencer_id = cand.influencer_id
        WHERE t.campaign_id = ANY (p_campaigns)),
    rollg AS (
        SELECT x.*, CASE WHEN ct.money THEN emv_value(ct.emv, x.platform, x.impressions,
                         x.views, x.likes, x.comments, x.shares, x.saves, x.clicks) END AS emv
        FROM (SELECT g.campaign_id, g.influencer_id, g.platform,
                     sum(r.reach)::bigint AS reach, sum(r.impressions)::bigint AS impressions,
                     sum(r.views)::bigint AS views, sum(r.likes)::bigint AS likes,
                     sum(r.comments)::bigint AS comments, sum(r.shares)::bigint AS shares,
                     sum(r.saves)::bigint AS saves, sum(r.clicks)::bigint AS clicks,
                     sum(r.watch_seconds)::bigint AS watch_seconds
              FROM groups g
              JOIN post_rollup_daily r ON r.campaign_id = g.campaign_id
                   AND r.influencer_id = g.influencer_id AND r.platform = g.platform
                   AND r.day BETWEEN p_from AND p_to
              GROUP BY 1, 2, 3) x
        JOIN ct ON ct.id = x.campaign_id),
    pt AS (
        SELECT t.influencer_id, t.published_day, t.estimated_reach
        FROM post_totals t
        WHERE p_detail AND p_max_posts IS NULL AND t.campaign_id = ANY (p_campaigns)
          AND t.published_day <= p_to
        UNION ALL
        SELECT t.influencer_id, t.published_day, t.estimated_reach
        FROM cand JOIN post_totals t ON t.influencer_id = cand.influencer_id
        WHERE t.campaign_id = ANY (p_campaigns) AND t.published_day <= p_to),
    pp AS (
        SELECT x.*, x AS item
        FROM analytics_posts(
            CASE WHEN NOT p_detail THEN '{}'
                 WHEN p_max_posts IS NULL
                 THEN ARRAY(SELECT p.id FROM posts p WHERE p.campaign_id = ANY (p_campaigns))
                 ELSE ARRAY(SELECT cposts.post_id FROM cposts) END,
            p_from, p_to, (SELECT jsonb_object_agg(ct.id, ct.emv) FROM ct WHERE ct.money)) x),
    -- per deal of a money campaign: its committed and paid money, and whether it was reserved
    -- in the period (cur) or in the previous one (prev)
    dspend AS (
        SELECT d.influencer_id,
               EXISTS (SELECT 1 FROM ledger_transfers t
                       WHERE t.campaign_id = ct.id AND t.deal_id = d.id
                         AND t.cause = 'reservation'
                         AND (t.created_at AT TIME ZONE 'UTC')::date BETWEEN p_from AND p_to)
                   AS cur,
               p_prev_from IS NOT NULL
               AND EXISTS (SELECT 1 FROM ledger_transfers t
                           WHERE t.campaign_id = ct.id AND t.deal_id = d.id
                             AND t.cause = 'reservation'
                             AND (t.created_at AT TIME ZONE 'UTC')::date
                                 BETWEEN p_prev_from AND p_from - 1) AS prev,
               coalesce(sum(a.balance_minor) FILTER (
                   WHERE a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing')), 0)
                   AS committed,
               coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'paid_out'), 0) AS paid
        FROM ct JOIN deals d ON d.campaign_id = ct.id
        JOIN ledger_accounts a ON a.deal_id = d.id AND a.currency = ct.currency
        WHERE ct.money
        GROUP BY ct.id, d.id, d.influencer_id),
    spend AS (
        SELECT s.influencer_id, sum(s.committed) AS committed, sum(s.paid) AS paid
        FROM dspend s WHERE s.cur GROUP BY 1),
    ppc AS (
        SELECT pt.influencer_id, count(*) AS posts,
               coalesce(sum(pt.estimated_reach) FILTER (WHERE pt.published_day >= p_from), 0)
                   AS est_reach,
               bool_or(pt.estimated_reach IS NOT NULL AND pt.published_day >= p_from)
                   AS estimated
        FROM pt GROUP BY 1),
    creators AS (
        SELECT i.influencer_id, coalesce(q.posts, 0) AS posts,
               coalesce(r.reach, 0) + coalesce(q.est_reach, 0) AS reach,
               coalesce(q.estimated, false) AS estimated,
               coalesce(r.impressions, 0) AS impressions, coalesce(r.views, 0) AS views,
               coalesce(r.likes, 0) AS likes, coalesce(r.comments, 0) AS comments,
               coalesce(r.shares, 0) AS shares, coalesce(r.saves, 0) AS saves,
               coalesce(r.clicks, 0) AS clicks, coalesce(r.watch_seconds, 0) AS watch_seconds,
               coalesce(r.emv, 0) AS emv,
               coalesce(s.committed, 0) AS committed, coalesce(s.paid, 0) AS paid
        FROM (SELECT ppc.influencer_id FROM ppc UNION SELECT rollg.influencer_id FROM rollg
              UNION SELECT spend.influencer_id FROM spend
              WHERE p_detail AND (p_max_posts IS NULL
                                  OR spend.influencer_id IN (SELECT cand.influencer_id
                                                             FROM cand))) i
        LEFT JOIN (SELECT g.influencer_id, sum(g.reach) AS reach,
                          sum(g.impressions) AS impressions, sum(g.views) AS views,
                          sum(g.likes) AS likes, sum(g.comments) AS comments,
                          sum(g.shares) AS shares, sum(g.saves) AS saves,
                          sum(g.clicks) AS clicks, sum(g.watch_seconds) AS watch_seconds,
                          sum(g.emv) AS emv
                   FROM rollg g GROUP BY 1) r ON r.influencer_id = i.influencer_id
        LEFT JOIN spend s ON s.influencer_id = i.influencer_id
        LEFT JOIN ppc q ON q.influencer_id = i.influencer_id),
    -- the KPIs' figures per campaign, platform and period (EMV is linear in them)
    cfig AS (
        SELECT x.*, CASE WHEN ct.money THEN emv_value(ct.emv, x.platform, x.impressions,
                         x.views, x.likes, x.comments, x.shares, x.saves, x.clicks) END AS emv
        FROM (SELECT crollx.campaign_id, crollx.platform, crollx.cur,
                     sum(crollx.reach + crollx.estimated_reach)::bigint AS reach,
                     sum(crollx.estimated)::bigint AS estimated,
                     sum(crollx.impressions)::bigint AS impressions,
                     sum(crollx.views)::bigint AS views, sum(crollx.likes)::bigint AS likes,
                     sum(crollx.comments)::bigint AS comments,
                     sum(crollx.shares)::bigint AS shares, sum(crollx.saves)::bigint AS saves,
                     sum(crollx.clicks)::bigint AS clicks,
                     sum(crollx.watch_seconds)::bigint AS watch_seconds
              FROM crollx GROUP BY 1, 2, 3) x
        JOIN ct ON ct.id = x.campaign_id),
    -- posts published up to each period's end
    published AS (
        SELECT coalesce(sum(r.published) FILTER (WHERE r.day <= p_to), 0)::bigint AS cur,
               coalesce(sum(r.published) FILTER (WHERE r.day < p_from), 0)::bigint AS prev
        FROM ct JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
        WHERE r.published > 0 AND r.day <= p_to),
    money AS (
        SELECT (SELECT coalesce(sum(ct.budget_minor), 0) FROM ct WHERE ct.money)::bigint AS budget,
               EXISTS (SELECT 1 FROM ct WHERE ct.money AND ct.emv IS NOT NULL) AS emv),
    series AS (
        SELECT b.start, coalesce(x.views, 0) AS views,
               coalesce(x.impressions, 0) AS impressions, coalesce(x.reach, 0) AS reach,
               coalesce(x.likes, 0) AS likes, coalesce(x.comments, 0) AS comments,
               coalesce(x.shares, 0) AS shares, coalesce(x.saves, 0) AS saves,
               coalesce(x.clicks, 0) AS clicks
        FROM generate_series(analytics_bucket(p_from, p_interval), p_to,
                             ('1 ' || p_interval)::interval) AS b(start)
        LEFT JOIN (SELECT analytics_bucket(croll.day, p_interval) AS start,
                          sum(croll.views) AS views, sum(croll.impressions) AS impressions,
                          sum(croll.reach + croll.estimated_reach) AS reach,
                          sum(croll.likes) AS likes, sum(croll.comments) AS comments,
                          sum(croll.shares) AS shares, sum(croll.saves) AS saves,
                          sum(croll.clicks) AS clicks
                   FROM croll WHERE p_detail GROUP BY 1) x ON x.start = b.start::date)
    SELECT jsonb_build_object(
        'dataAsOf', api_time((SELECT max(croll.captured_at) FROM croll)),
        'kpis', (SELECT analytics_kpis_json(
                     (SELECT published.cur FROM published),
                     coalesce(sum(f.reach), 0)::bigint, coalesce(sum(f.estimated), 0) > 0,
                     coalesce(sum(f.impressions), 0)::bigint, coalesce(sum(f.views), 0)::bigint,
                     coalesce(sum(f.likes), 0)::bigint, coalesce(sum(f.comments), 0)::bigint,
                     coalesce(sum(f.shares), 0)::bigint, coalesce(sum(f.saves), 0)::bigint,
                     coalesce(sum(f.clicks), 0)::bigint, coalesce(sum(f.watch_seconds), 0)::bigint,
                     (SELECT coalesce(sum(s.committed), 0) FROM spend s)::bigint,
                     (SELECT coalesce(sum(s.paid), 0) FROM spend s)::bigint,
                     (SELECT money.budget FROM money),
                     CASE WHEN (SELECT money.emv FROM money) THEN coalesce(sum(f.emv), 0) END)
                 FROM cfig f WHERE f.cur),
        'series', CASE WHEN p_detail THEN (SELECT jsonb_agg(jsonb_build_object(
                       'start', api_date(s.start::date), 'views', s.views,
                       'impressions', s.impressions, 'reach', s.reach,
                       'engagements', s.likes + s.comments + s.shares + s.saves,
                       'likes', s.likes, 'comments', s.comments, 'shares', s.shares,
                       'saves', s.saves, 'clicks', s.clicks) ORDER BY s.start)
                   FROM series s) END,
        'creators', CASE WHEN p_detail THEN coalesce((SELECT jsonb_agg(jsonb_build_object(
                        'influencerId', c.influencer_id,
                        'displayName', (SELECT i.display_name FROM influencer_details i
                                        WHERE i.user_id = c.influencer_id),
                        'posts', c.posts, 'reach', c.reach, 'reachEstimated', c.estimated,
                        'impressions', c.impressions, 'views', c.views,
                        'engagements', c.likes + c.comments + c.shares + c.saves,
                        'likes', c.likes, 'comments', c.comments, 'shares', c.shares,
                        'saves', c.saves, 'clicks', c.clicks, 'watchSeconds', c.watch_seconds,
                        'engagementRate', analytics_ratio(c.likes + c.comments + c.shares + c.saves,
                                                          c.reach, 6),
                        'spendMinor', c.committed + c.paid,
                        'cpeMinor', analytics_ratio(c.committed + c.paid,
                                                    c.likes + c.comments + c.shares + c.saves, 2),
                        'emvMinor', round(c.emv)::bigint)
                        ORDER BY c.likes + c.comments + c.shares + c.saves DESC, c.influencer_id)
                    FROM creators c), '[]') END,
        'posts', CASE WHEN p_detail THEN coalesce((
                     SELECT jsonb_agg(analytics_post_json(x.item) ORDER BY x.engagements DESC,
                                                                     (x.post).id)
                     FROM (SELECT * FROM pp ORDER BY pp.engagements DESC, (pp.post).id
                           LIMIT p_max_posts) x), '[]') END)
    || CASE WHEN p_prev_from IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(
        'previousKpis', (SELECT analytics_kpis_json(
                     (SELECT published.prev FROM published),
                     coalesce(sum(f.reach), 0)::bigint, coalesce(sum(f.estimated), 0) > 0,
                     coalesce(sum(f.impressions), 0)::bigint, coalesce(sum(f.views), 0)::bigint,
                     coalesce(sum(f.likes), 0)::bigint, coalesce(sum(f.comments), 0)::bigint,
                     coalesce(sum(f.shares), 0)::bigint, coalesce(sum(f.saves), 0)::bigint,
                     coalesce(sum(f.clicks), 0)::bigint, coalesce(sum(f.watch_seconds), 0)::bigint,
                     (SELECT coalesce(sum(s.committed), 0) FROM dspend s WHERE s.prev)::bigint,
                     (SELECT coalesce(sum(s.paid), 0) FROM dspend s WHERE s.prev)::bigint,
                     (SELECT money.budget FROM money),
                     CASE WHEN (SELECT money.emv FROM money) THEN coalesce(sum(f.emv), 0) END)
                 FROM cfig f WHERE NOT f.cur)) END
$$;

-- The campaign's answer (0012's signature) is that call without a previous period: one body.
CREATE OR REPLACE FUNCTION analytics_campaigns_json(p_campaigns uuid[], p_money uuid[],
                                                    p_from date, p_to date, p_interval text,
                                                    p_detail boolean, p_max_posts integer)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    SELECT analytics_campaigns_json(p_campaigns, p_money, p_from, p_to, p_interval, p_detail,
                                    p_max_posts, CAST(NULL AS date))
$$;

-- The overview: as 0012's, with the previous period from the call above and the campaigns'
-- budget figures from their balance rows.
CREATE OR REPLACE FUNCTION api_analytics_overview_json(p_user uuid, p_campaign uuid,
                                                       p_currency text, p_from date, p_to date,
                                                       p_interval text)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    WITH brands AS (
        SELECT b.user_id AS id, b.user_id = p_user AS own FROM brand_details b
        WHERE acts_for_brand(p_user, b.user_id)),
    cs AS (
        SELECT c.* FROM campaigns c JOIN brands b ON b.id = c.brand_id
        WHERE p_campaign IS NULL OR c.id = p_campaign),
    cur AS (
        SELECT coalesce(p_currency, (SELECT cs.currency FROM cs GROUP BY cs.currency
                                     ORDER BY count(*) DESC, cs.currency LIMIT 1), 'EUR')
               AS currency),
    main AS MATERIALIZED (
        SELECT analytics_campaigns_json(ARRAY(SELECT cs.id FROM cs),
                                        ARRAY(SELECT cs.id FROM cs, cur
                                              WHERE cs.currency = cur.currency),
                                        p_from, p_to, p_interval, true, 5,
                                        p_from - (p_to - p_from + 1)) AS j),
    deals AS (SELECT d.* FROM deals d JOIN cs ON cs.id = d.campaign_id)
    SELECT jsonb_build_object(
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'previousFrom', api_date(p_from - (p_to - p_from + 1)), 'previousTo', api_date(p_from - 1),
        'currency', cur.currency,
        'currencies', coalesce((SELECT jsonb_agg(DISTINCT cs.currency) FROM cs), '[]'),
        'dataAsOf', main.j -> 'dataAsOf',
        'emvTable', api_emv_table_ref_json(emv_table_for(
            (SELECT b.id FROM brands b ORDER BY b.own DESC, b.id LIMIT 1), cur.currency)),
        'kpis', main.j -> 'kpis', 'previousKpis', main.j -> 'previousKpis',
        'series', main.j -> 'series',
        'campaigns', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'id', cs.id, 'name', cs.name, 'status', cs.status, 'currency', cs.currency,
                       'budgetMinor', cs.budget_minor,
                       'committedMinor', b.committed, 'paidMinor', b.paid,
                       'remainingMinor', b.remaining,
                       'views', coalesce(r.views, 0),
                       'engagements', coalesce(r.engagements, 0),
                       'emvMinor', round(r.emv)::bigint) ORDER BY cs.seq DESC)
            FROM cs
            -- the campaign's balance rows (what api_campaign_budget_json sums)
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'campaign_budget'),
                                0)::bigint AS remaining,
                       coalesce(sum(a.balance_minor) FILTER (
                           WHERE a.kind IN ('deal_reserved', 'creator_payable',
                                            'provider_clearing')), 0)::bigint AS committed,
                       coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'paid_out'),
                                0)::bigint AS paid
                FROM ledger_accounts a
                WHERE a.campaign_id = cs.id AND a.currency = cs.currency) b
            LEFT JOIN LATERAL (
                SELECT sum(x.views) AS views,
                       sum(x.likes + x.comments + x.shares + x.saves) AS engagements,
                       sum(emv_value(emv_table_for(cs.brand_id, cs.currency), x.platform,
                                     x.impressions, x.views, x.likes, x.comments, x.shares,
                                     x.saves, x.clicks)) AS emv
                FROM (SELECT y.platform, sum(y.impressions)::bigint AS impressions,
                             sum(y.views)::bigint AS views, sum(y.likes)::bigint AS likes,
                             sum(y.comments)::bigint AS comments,
                             sum(y.shares)::bigint AS shares, sum(y.saves)::bigint AS saves,
                             sum(y.clicks)::bigint AS clicks
                      FROM campaign_rollup_daily y
                      WHERE y.campaign_id = cs.id AND y.day BETWEEN p_from AND p_to
                      GROUP BY y.platform) x) r ON true),
            '[]'),
        'topCreators', coalesce((SELECT jsonb_agg(e) FROM (
            SELECT e FROM jsonb_array_elements(main.j -> 'creators') WITH ORDINALITY AS t(e, n)
            ORDER BY t.n LIMIT 5) x), '[]'),
        'topPosts', coalesce((SELECT jsonb_agg(e) FROM (
            SELECT e FROM jsonb_array_elements(main.j -> 'posts') WITH ORDINALITY AS t(e, n)
            ORDER BY t.n LIMIT 5) x), '[]'),
        'todos', jsonb_build_object(
            'draftsToReview', (SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id
                               WHERE dl.status = 'in_review'
                                 AND d.state IN ('accepted', 'in_progress')),
            'overdueDeliverables', (SELECT count(*) FROM deliverables dl
                                    JOIN deals d ON d.id = dl.deal_id
                                    WHERE dl.status <> 'live'
                                      AND dl.due_on < (now() AT TIME ZONE 'UTC')::date
                                      AND d.state IN ('accepted', 'in_progress')),
            'offersWaiting', (SELECT count(*) FROM offers o JOIN deals d ON d.id = o.deal_id
                              WHERE o.status = 'open' AND o.made_by = 'creator'),
            'payoutsDue', (SELECT count(*) FROM payouts p JOIN cs ON cs.id = p.campaign_id
                           WHERE payout_state(p) = 'due')))
    FROM main, cur
    WHERE EXISTS (SELECT 1 FROM brands)
$$;
