-- SPDX-License-Identifier: Apache-2.0
-- A rule's dry run judges every event of the last 30 days (issue 22). 0022 judged only the
-- latest 500, so for a busy brand "would have fired N times and skipped M" counted those 500
-- and said nothing of the rest: a rule meant to approve payouts could look harmless. Now the
-- conditions are judged for every event and the counts cover them all; only the description of
-- each event and its actions' previews (the costly part, and what a person reads) stay limited
-- to the latest 500 (`items`; fewer items than wouldFire + wouldSkip tells the client so).

DROP FUNCTION api_rule_dry_run_json(uuid, uuid, text, jsonb, jsonb, jsonb, text);
DROP FUNCTION rule_dry_run_events(uuid, text, jsonb, jsonb, timestamptz);

-- Every event since p_from that a rule of trigger p_type would have heard, newest first, with
-- why it would have been skipped (NULL: it would have fired). Reads only.
CREATE FUNCTION rule_dry_run_events(p_brand uuid, p_type text, p_params jsonb,
                                    p_conditions jsonb, p_from timestamptz)
RETURNS TABLE (event_type text, event_at timestamptz, deal_id uuid, campaign_id uuid,
               object_id uuid, data jsonb, reason text)
LANGUAGE sql STABLE AS $$
    WITH events AS (
        SELECT DISTINCT ON (t.event_key) t.trigger_type AS type, e.created_at AS at, d.id AS deal,
               d.campaign_id AS campaign, t.object_id AS object, e.data
        FROM deal_events e
        JOIN deals d ON d.id = e.deal_id,
        LATERAL rule_deal_event(e.kind, e.deal_id, e.data) t
        WHERE d.brand_id = p_brand AND e.created_at >= p_from AND t.trigger_type = p_type
        ORDER BY t.event_key, e.id
    ), posts_passed AS (
        SELECT DISTINCT ON (p.id) 'post.views_above'::text AS type,
               (m.day::timestamp AT TIME ZONE 'UTC') AS at, dl.deal_id AS deal, c.id AS campaign,
               p.id AS object, jsonb_build_object('views', m.views) AS data
        FROM posts p
        JOIN campaigns c ON c.id = p.campaign_id
        JOIN post_metrics m ON m.post_id = p.id
        LEFT JOIN deliverables dl ON dl.id = p.deliverable_id
        WHERE p_type = 'post.views_above' AND c.brand_id = p_brand
          AND m.day >= (p_from AT TIME ZONE 'UTC')::date
          AND m.views >= (p_params ->> 'views')::numeric
        ORDER BY p.id, m.day
    ), budgets_passed AS (
        -- The first ledger entry after which the campaign's committed + paid reached the share.
        SELECT DISTINCT ON (x.campaign) 'budget.used_above'::text AS type, x.at, NULL::uuid AS deal,
               x.campaign, x.campaign AS object,
               jsonb_build_object('share', round(x.used::numeric / x.budget, 4)) AS data
        FROM (SELECT c.id AS campaign, c.budget_minor AS budget, e.created_at AS at, e.id,
                     sum(e.amount_minor) OVER (PARTITION BY c.id ORDER BY e.id) AS used
              FROM campaigns c
              JOIN ledger_accounts a ON a.campaign_id = c.id AND a.currency = c.currency
                   AND a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing', 'paid_out')
              JOIN ledger_entries e ON e.account_id = a.id
              WHERE p_type = 'budget.used_above' AND c.brand_id = p_brand AND c.budget_minor > 0) x
        WHERE x.at >= p_from AND x.used >= (p_params ->> 'share')::numeric * x.budget
        ORDER BY x.campaign, x.id
    ), everything AS (
        SELECT * FROM events UNION ALL SELECT * FROM posts_passed UNION ALL SELECT * FROM budgets_passed
    )
    SELECT v.type, v.at, v.deal, v.campaign, v.object, v.data,
           rule_conditions_reason(p_conditions, v.type, p_params, v.deal, v.campaign, v.object,
                                  v.data)
    FROM everything v
    ORDER BY v.at DESC
$$;

-- The dry run's answer: {"from", "to", "items", "wouldFire", "wouldSkip"} over the last 30 days
-- for a rule (p_rule: its id when saved, else NULL) of p_brand. The counts cover every event;
-- `items` describes the latest 500. Reads only.
CREATE FUNCTION api_rule_dry_run_json(p_brand uuid, p_rule uuid, p_type text, p_params jsonb,
                                      p_conditions jsonb, p_actions jsonb, p_app_url text)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'from', api_time(now() - interval '30 days'), 'to', api_time(now()),
        'items', coalesce(jsonb_agg(jsonb_build_object(
            'ruleId', p_rule,
            'event', api_rule_event_json(e.event_type, e.event_at, e.deal_id, e.campaign_id,
                                         e.object_id,
                                         rule_event_summary(e.event_type, e.deal_id,
                                                            e.campaign_id, e.object_id, e.data)),
            'status', CASE WHEN e.reason IS NULL THEN 'would_fire' ELSE 'would_skip' END,
            'reason', e.reason,
            'actions', CASE WHEN e.reason IS NOT NULL THEN '[]'::jsonb ELSE (
                SELECT jsonb_agg(jsonb_build_object(
                           'type', a ->> 'type', 'ok', true,
                           'result', rule_action_preview(a, e.deal_id, e.campaign_id, e.object_id,
                                                         p_app_url)) ORDER BY n)
                FROM jsonb_array_elements(p_actions) WITH ORDINALITY x(a, n)) END)
            ORDER BY e.event_at DESC, e.n) FILTER (WHERE e.n <= 500), '[]'),
        'wouldFire', count(*) FILTER (WHERE e.reason IS NULL),
        'wouldSkip', count(*) FILTER (WHERE e.reason IS NOT NULL))
    FROM (SELECT d.*, row_number() OVER (ORDER BY d.event_at DESC) AS n
          FROM rule_dry_run_events(p_brand, p_type, p_params, p_conditions,
                                   now() - interval '30 days') d) e
$$;
