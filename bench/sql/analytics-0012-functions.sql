-- SPDX-License-Identifier: Apache-2.0
-- bench/analytics: the dashboards' SQL as migration 0012 defined it (before 0026 folded the
-- previous period into the current period's pass and read the campaigns' balance rows), under
-- names ending in _0012, so that pgbench measures the old and the new SQL in the same run on the
-- same data. Created (or replaced) in the bench database only; the product never has them.

CREATE OR REPLACE FUNCTION analytics_campaigns_json_0012(p_campaigns uuid[], p_money uuid[], p_from date,
                                         p_to date, p_interval text, p_detail boolean,
                                         p_max_posts integer) RETURNS jsonb
LANGUAGE sql STABLE
-- No JIT here or in the other analytics JSON functions: compiling a query whose estimates pass
-- jit_above_cost took 200 of the 270 ms a 200-post campaign's answer took.
SET jit = off AS $$
    WITH ct AS (
        SELECT c.id, c.brand_id, c.currency, c.budget_minor, c.id = ANY (p_money) AS money,
               emv_table_for(c.brand_id, c.currency) AS emv
        FROM campaigns c WHERE c.id = ANY (p_campaigns)),
    croll AS (
        SELECT r.* FROM ct JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
        WHERE r.day BETWEEN p_from AND p_to),
    -- the candidates of the top lists: posts with the most engagements to date
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
    -- the candidates of top creators: those with the most engagements to date (index-only)
    cand AS (
        SELECT t.influencer_id FROM post_totals t
        WHERE p_detail AND p_max_posts IS NOT NULL AND t.campaign_id = ANY (p_campaigns)
          AND t.published_day <= p_to
        GROUP BY 1 ORDER BY sum(t.engagements) DESC, 1 LIMIT greatest(p_max_posts * 2, 10)),
    -- the creators' groups: every one, or the candidates'
    groups AS (
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM post_totals t
        WHERE p_detail AND p_max_posts IS NULL AND t.campaign_id = ANY (p_campaigns)
        UNION ALL
        SELECT DISTINCT t.campaign_id, t.influencer_id, t.platform
        FROM cand JOIN post_totals t ON t.influencer_id = cand.influencer_id
        WHERE t.campaign_id = ANY (p_campaigns)),
    -- per campaign, creator and platform: the figures, and their EMV (linear in them)
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
    -- the creators' posts published by the period's end (index-only)
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
    spend AS (
        SELECT d.influencer_id,
               coalesce(sum(a.balance_minor) FILTER (
                   WHERE a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing')), 0)
                   AS committed,
               coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'paid_out'), 0) AS paid
        FROM ct JOIN deals d ON d.campaign_id = ct.id
        JOIN ledger_accounts a ON a.deal_id = d.id AND a.currency = ct.currency
        WHERE ct.money
          AND EXISTS (SELECT 1 FROM ledger_transfers t
                      WHERE t.campaign_id = ct.id AND t.deal_id = d.id AND t.cause = 'reservation'
                        AND (t.created_at AT TIME ZONE 'UTC')::date BETWEEN p_from AND p_to)
        GROUP BY d.influencer_id),
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
    -- the KPIs' figures per campaign and platform (EMV is linear in them)
    cfig AS (
        SELECT x.*, CASE WHEN ct.money THEN emv_value(ct.emv, x.platform, x.impressions,
                         x.views, x.likes, x.comments, x.shares, x.saves, x.clicks) END AS emv
        FROM (SELECT croll.campaign_id, croll.platform,
                     sum(croll.reach + croll.estimated_reach)::bigint AS reach,
                     sum(croll.estimated)::bigint AS estimated,
                     sum(croll.impressions)::bigint AS impressions,
                     sum(croll.views)::bigint AS views, sum(croll.likes)::bigint AS likes,
                     sum(croll.comments)::bigint AS comments, sum(croll.shares)::bigint AS shares,
                     sum(croll.saves)::bigint AS saves, sum(croll.clicks)::bigint AS clicks,
                     sum(croll.watch_seconds)::bigint AS watch_seconds
              FROM croll GROUP BY 1, 2) x
        JOIN ct ON ct.id = x.campaign_id),
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
                     (SELECT coalesce(sum(r.published), 0) FROM ct
                      JOIN campaign_rollup_daily r ON r.campaign_id = ct.id
                      WHERE r.published > 0 AND r.day <= p_to)::bigint,
                     coalesce(sum(f.reach), 0)::bigint, coalesce(sum(f.estimated), 0) > 0,
                     coalesce(sum(f.impressions), 0)::bigint, coalesce(sum(f.views), 0)::bigint,
                     coalesce(sum(f.likes), 0)::bigint, coalesce(sum(f.comments), 0)::bigint,
                     coalesce(sum(f.shares), 0)::bigint, coalesce(sum(f.saves), 0)::bigint,
                     coalesce(sum(f.clicks), 0)::bigint, coalesce(sum(f.watch_seconds), 0)::bigint,
                     (SELECT coalesce(sum(s.committed), 0) FROM spend s)::bigint,
                     (SELECT coalesce(sum(s.paid), 0) FROM spend s)::bigint,
                     (SELECT coalesce(sum(ct.budget_minor), 0) FROM ct WHERE ct.money)::bigint,
                     CASE WHEN EXISTS (SELECT 1 FROM ct WHERE ct.money AND ct.emv IS NOT NULL)
                          THEN coalesce(sum(f.emv), 0) END)
                 FROM cfig f),
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
$$;

CREATE OR REPLACE FUNCTION api_analytics_campaign_json_0012(c campaigns, p_from date, p_to date, p_interval text)
RETURNS jsonb
LANGUAGE sql STABLE
SET jit = off AS $$
    SELECT jsonb_build_object(
        'campaignId', c.id, 'campaignName', c.name, 'currency', c.currency,
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'emvTable', api_emv_table_ref_json(emv_table_for(c.brand_id, c.currency)))
        || analytics_campaigns_json_0012(ARRAY[c.id], ARRAY[c.id], p_from, p_to, p_interval, true,
                                    NULL)
$$;

CREATE OR REPLACE FUNCTION api_analytics_overview_json_0012(p_user uuid, p_campaign uuid, p_currency text,
                                            p_from date, p_to date, p_interval text)
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
        SELECT analytics_campaigns_json_0012(ARRAY(SELECT cs.id FROM cs),
                                        ARRAY(SELECT cs.id FROM cs, cur
                                              WHERE cs.currency = cur.currency),
                                        p_from, p_to, p_interval, true, 5) AS j),
    prev AS MATERIALIZED (
        SELECT analytics_campaigns_json_0012(ARRAY(SELECT cs.id FROM cs),
                                        ARRAY(SELECT cs.id FROM cs, cur
                                              WHERE cs.currency = cur.currency),
                                        p_from - (p_to - p_from + 1), p_from - 1, p_interval,
                                        false, 0) -> 'kpis' AS k),
    deals AS (SELECT d.* FROM deals d JOIN cs ON cs.id = d.campaign_id)
    SELECT jsonb_build_object(
        'from', api_date(p_from), 'to', api_date(p_to), 'interval', p_interval,
        'previousFrom', api_date(p_from - (p_to - p_from + 1)), 'previousTo', api_date(p_from - 1),
        'currency', cur.currency,
        'currencies', coalesce((SELECT jsonb_agg(DISTINCT cs.currency) FROM cs), '[]'),
        'dataAsOf', main.j -> 'dataAsOf',
        'emvTable', api_emv_table_ref_json(emv_table_for(
            (SELECT b.id FROM brands b ORDER BY b.own DESC, b.id LIMIT 1), cur.currency)),
        'kpis', main.j -> 'kpis', 'previousKpis', prev.k, 'series', main.j -> 'series',
        'campaigns', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'id', cs.id, 'name', cs.name, 'status', cs.status, 'currency', cs.currency,
                       'budgetMinor', cs.budget_minor,
                       'committedMinor', (b.j ->> 'committedMinor')::bigint,
                       'paidMinor', (b.j ->> 'paidMinor')::bigint,
                       'remainingMinor', (b.j ->> 'remainingMinor')::bigint,
                       'views', coalesce(r.views, 0),
                       'engagements', coalesce(r.engagements, 0),
                       'emvMinor', round(r.emv)::bigint) ORDER BY cs.seq DESC)
            FROM cs
            CROSS JOIN LATERAL (SELECT api_campaign_budget_json(cs) AS j) b
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
    FROM main, prev, cur
    WHERE EXISTS (SELECT 1 FROM brands)
$$;
