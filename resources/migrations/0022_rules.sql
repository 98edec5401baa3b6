-- SPDX-License-Identifier: Apache-2.0
-- 0022: automation rules (issue 22, "Rules"; server/rules). A brand's rule names a trigger (a
-- deal timeline event, a campaign's budget used above a share, a campaign post's views above a
-- number), a delay, conditions and one to five actions. The triggers below write, in the
-- transaction of the event itself, one rule_firings row per enabled matching rule (unique per
-- rule and event key: an event replayed fires a rule once) and its rules.fire job, due after the
-- rule's delay. The job (server/rules/RuleFiring.cpp) re-reads the rule, checks the conditions
-- then, and runs the actions in one transaction.
--
-- Loop guard: the firing transaction sets influence.rule_firing; every trigger here ignores what
-- happens under it, so a rule's own message, payout approval … never fires a rule.

CREATE FUNCTION rule_trigger_types() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['deliverable.approved', 'deliverable.live', 'offer.accepted', 'deal.applied',
                 'deliverable.overdue', 'budget.used_above', 'post.views_above']
$$;

CREATE FUNCTION rule_action_types() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['payout.approve', 'message.send', 'staff.notify', 'webhook.call', 'shortlist.add']
$$;

-- Whether every action of a rule has a known type (the server checks the rest).
CREATE FUNCTION rule_actions_valid(p_actions jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_typeof(p_actions) = 'array' AND jsonb_array_length(p_actions) BETWEEN 1 AND 5
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_actions) a
                       WHERE jsonb_typeof(a) <> 'object'
                          OR NOT coalesce(a ->> 'type' = ANY (rule_action_types()), false))
$$;

CREATE TABLE rules (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq            bigserial NOT NULL UNIQUE,
    brand_id       uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    template       text CHECK (template IS NULL OR template ~ '^[a-z][a-z0-9_]{0,39}$'),
    trigger_type   text NOT NULL CHECK (trigger_type = ANY (rule_trigger_types())),
    trigger_params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(trigger_params) = 'object'),
    delay_minutes  integer NOT NULL DEFAULT 0 CHECK (delay_minutes BETWEEN 0 AND 43200),
    conditions     jsonb NOT NULL DEFAULT '[]'
                   CHECK (jsonb_typeof(conditions) = 'array' AND jsonb_array_length(conditions) <= 10),
    actions        jsonb NOT NULL CHECK (rule_actions_valid(actions)),
    enabled        boolean NOT NULL DEFAULT true,
    -- Whose name the actions act in (messages, payout approvals); the creator of the rule.
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (trigger_type <> 'budget.used_above'
           OR (jsonb_typeof(trigger_params -> 'share') = 'number'
               AND (trigger_params ->> 'share')::numeric > 0
               AND (trigger_params ->> 'share')::numeric <= 1)),
    CHECK (trigger_type <> 'post.views_above'
           OR (jsonb_typeof(trigger_params -> 'views') = 'number'
               AND (trigger_params ->> 'views')::numeric >= 1))
);
CREATE INDEX rules_brand_trigger_idx ON rules (brand_id, trigger_type) WHERE enabled;
CREATE TRIGGER rules_updated_at BEFORE UPDATE ON rules
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE rule_firings (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq         bigserial NOT NULL UNIQUE,
    rule_id     uuid NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    -- What fired, once per rule: 'deliverable.approved:<deliverable>', 'budget.used_above:<campaign>' …
    event_key   text NOT NULL CHECK (char_length(event_key) <= 200),
    event_type  text NOT NULL CHECK (event_type = ANY (rule_trigger_types())),
    event_at    timestamptz NOT NULL,
    deal_id     uuid REFERENCES deals (id) ON DELETE CASCADE,
    campaign_id uuid REFERENCES campaigns (id) ON DELETE CASCADE,
    object_id   uuid,
    event_data  jsonb NOT NULL DEFAULT '{}',
    summary     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- When the conditions are checked and the actions run (created_at + the rule's delay).
    run_at      timestamptz NOT NULL,
    ran_at      timestamptz,
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'succeeded', 'skipped', 'failed')),
    reason      text CHECK (char_length(reason) <= 1000),
    -- [{"type", "ok", "result"}] per action run.
    results     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(results) = 'array'),
    UNIQUE (rule_id, event_key),
    CHECK ((status = 'pending') = (ran_at IS NULL))
);
CREATE INDEX rule_firings_rule_idx ON rule_firings (rule_id, seq DESC);

-- Whether this transaction is a rule's firing (the loop guard).
CREATE FUNCTION rule_firing_active() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('influence.rule_firing', true), '') <> ''
$$;

-- Events --------------------------------------------------------------------------------------

-- The rule trigger of a deal timeline event (NULL: none), its key and the object it is about.
CREATE FUNCTION rule_deal_event(p_kind text, p_deal uuid, p_data jsonb,
                                OUT trigger_type text, OUT event_key text, OUT object_id uuid)
LANGUAGE plpgsql IMMUTABLE AS $$
-- PL/pgSQL, not SQL: it runs for every timeline event, and an SQL function that is not inlined
-- is planned again on each call.
BEGIN
    CASE p_kind
    WHEN 'deliverable.reviewed' THEN
        IF p_data ->> 'decision' IN ('approved', 'approved_with_changes') THEN
            trigger_type := 'deliverable.approved';
        END IF;
    WHEN 'deliverable.live', 'offer.accepted', 'deal.applied', 'deliverable.overdue' THEN
        trigger_type := p_kind;
    ELSE
        RETURN;
    END CASE;
    object_id := CASE p_kind WHEN 'offer.accepted' THEN (p_data ->> 'offerId')::uuid
                             WHEN 'deal.applied' THEN p_deal
                             ELSE (p_data ->> 'deliverableId')::uuid END;
    event_key := trigger_type || ':' || object_id
                 || CASE WHEN p_kind = 'deliverable.overdue' THEN ':' || (p_data ->> 'dueDate')
                         ELSE '' END;
    IF object_id IS NULL THEN
        trigger_type := NULL;
        event_key := NULL;
    END IF;
END;
$$;

-- "Reel for Summer Launch by Ana approved": what a firing was about, for people.
CREATE FUNCTION rule_event_summary(p_type text, p_deal uuid, p_campaign uuid, p_object uuid,
                                   p_data jsonb)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT CASE
        WHEN p_type LIKE 'deliverable.%' THEN
            initcap(coalesce(dl.type, 'deliverable')) || ' for ' || c.name || ' by '
            || coalesce(i.display_name, 'a creator') || ' '
            || CASE p_type WHEN 'deliverable.approved' THEN 'approved'
                           WHEN 'deliverable.live' THEN 'live'
                           ELSE 'overdue' END
        WHEN p_type = 'offer.accepted' THEN
            'Offer for ' || c.name || ' with ' || coalesce(i.display_name, 'a creator') || ' accepted'
        WHEN p_type = 'deal.applied' THEN
            coalesce(i.display_name, 'A creator') || ' applied to ' || c.name
        WHEN p_type = 'budget.used_above' THEN
            c.name || ' used ' || round(coalesce((p_data ->> 'share')::numeric, 0) * 100)
            || ' % of its budget'
        ELSE
            initcap(coalesce(po.kind, 'post')) || ' by ' || coalesce(pi.display_name, 'a creator')
            || ' for ' || coalesce(c.name, 'a campaign') || ' passed '
            || coalesce(p_data ->> 'views', '?') || ' views'
    END
    FROM (SELECT 1) one
    LEFT JOIN campaigns c ON c.id = p_campaign
    LEFT JOIN deals d ON d.id = p_deal
    LEFT JOIN influencer_details i ON i.user_id = d.influencer_id
    LEFT JOIN deliverables dl ON dl.id = p_object AND p_type LIKE 'deliverable.%'
    LEFT JOIN posts po ON po.id = p_object AND p_type = 'post.views_above'
    LEFT JOIN influencer_details pi ON pi.user_id = po.influencer_id);
END;
$$;

-- A firing (and its rules.fire job, due after the delay) for every enabled rule of p_brand on
-- p_type whose threshold p_value reaches (budget share, post views; NULL for deal events), once
-- per rule and event key. Nothing under a rule's own firing (the loop guard).
CREATE FUNCTION rule_fire_for(p_brand uuid, p_type text, p_key text, p_at timestamptz,
                              p_deal uuid, p_campaign uuid, p_object uuid, p_data jsonb,
                              p_value numeric)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    f record;
    fired integer := 0;
BEGIN
    IF rule_firing_active()
       OR NOT EXISTS (SELECT 1 FROM rules r
                      WHERE r.brand_id = p_brand AND r.trigger_type = p_type AND r.enabled) THEN
        RETURN 0;
    END IF;
    FOR f IN
        INSERT INTO rule_firings AS x (rule_id, event_key, event_type, event_at, deal_id,
                                       campaign_id, object_id, event_data, summary, run_at)
        SELECT r.id, p_key, p_type, p_at, p_deal, p_campaign, p_object, p_data,
               rule_event_summary(p_type, p_deal, p_campaign, p_object, p_data),
               now() + make_interval(mins => r.delay_minutes)
        FROM rules r
        WHERE r.brand_id = p_brand AND r.trigger_type = p_type AND r.enabled
          -- Fired already (a replayed event): not even the summary is worked out again.
          AND NOT EXISTS (SELECT 1 FROM rule_firings o
                          WHERE o.rule_id = r.id AND o.event_key = p_key)
          AND (p_value IS NULL
               OR (p_type = 'budget.used_above' AND p_value >= (r.trigger_params ->> 'share')::numeric)
               OR (p_type = 'post.views_above' AND p_value >= (r.trigger_params ->> 'views')::numeric))
        ORDER BY r.id
        ON CONFLICT (rule_id, event_key) DO NOTHING
        RETURNING x.id, x.run_at
    LOOP
        PERFORM job_enqueue('rules.fire', jsonb_build_object('firing', f.id), 'rules', f.run_at,
                            0, 5, 'rules.fire:' || f.id);
        fired := fired + 1;
    END LOOP;
    RETURN fired;
END;
$$;

CREATE FUNCTION rules_deal_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    t record;
BEGIN
    -- Most of a timeline (messages, offers made, payouts) fires no rule: no work for those.
    IF NEW.kind NOT IN ('deliverable.reviewed', 'deliverable.live', 'offer.accepted',
                        'deal.applied', 'deliverable.overdue')
       OR rule_firing_active() THEN
        RETURN NULL;
    END IF;
    SELECT * INTO t FROM rule_deal_event(NEW.kind, NEW.deal_id, NEW.data);
    IF t.trigger_type IS NOT NULL THEN
        PERFORM rule_fire_for(d.brand_id, t.trigger_type, t.event_key, NEW.created_at, d.id,
                              d.campaign_id, t.object_id, NEW.data, NULL)
        FROM deals d WHERE d.id = NEW.deal_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deal_events_rules AFTER INSERT ON deal_events
    FOR EACH ROW EXECUTE FUNCTION rules_deal_event();

-- The share of a campaign's budget committed or paid (0 without a budget).
CREATE FUNCTION campaign_budget_used(p_campaign uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN c.budget_minor > 0
                THEN coalesce(sum(a.balance_minor), 0)::numeric / c.budget_minor ELSE 0 END
    FROM campaigns c
    LEFT JOIN ledger_accounts a
           ON a.campaign_id = c.id AND a.currency = c.currency
          AND a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing', 'paid_out')
    WHERE c.id = p_campaign
    GROUP BY c.id, c.budget_minor
$$;

-- Ledger entries change what a campaign's budget has used: budget rules whose share it reached.
CREATE FUNCTION rules_ledger_entries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF rule_firing_active() THEN
        RETURN NULL;
    END IF;
    PERFORM rule_fire_for(c.brand_id, 'budget.used_above', 'budget.used_above:' || c.id, now(),
                          NULL, c.id, c.id, jsonb_build_object('share', round(u.share, 4)),
                          u.share)
    FROM (SELECT DISTINCT a.campaign_id
          FROM new_entries e JOIN ledger_accounts a ON a.id = e.account_id
          WHERE a.campaign_id IS NOT NULL AND a.deal_id IS NOT NULL) x
    JOIN campaigns c ON c.id = x.campaign_id,
    LATERAL (SELECT campaign_budget_used(c.id) AS share) u
    WHERE EXISTS (SELECT 1 FROM rules r
                  WHERE r.brand_id = c.brand_id AND r.enabled
                    AND r.trigger_type = 'budget.used_above');
    RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entries_rules AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION rules_ledger_entries();

-- A campaign post's views: post rules whose number they reached.
CREATE FUNCTION rules_post_metrics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF rule_firing_active() OR NEW.views IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM rule_fire_for(c.brand_id, 'post.views_above', 'post.views_above:' || p.id, now(),
                          dl.deal_id, c.id, p.id, jsonb_build_object('views', NEW.views),
                          NEW.views)
    FROM posts p
    JOIN campaigns c ON c.id = p.campaign_id
    LEFT JOIN deliverables dl ON dl.id = p.deliverable_id
    WHERE p.id = NEW.post_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER post_metrics_rules AFTER INSERT OR UPDATE OF views ON post_metrics
    FOR EACH ROW EXECUTE FUNCTION rules_post_metrics();

-- Conditions ----------------------------------------------------------------------------------

-- Whether the object that fired is still in the state it fired in.
CREATE FUNCTION rule_still_in_state(p_type text, p_deal uuid, p_campaign uuid, p_object uuid,
                                    p_data jsonb, p_params jsonb)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(CASE p_type
        WHEN 'deliverable.approved' THEN
            (SELECT dl.status = 'approved' FROM deliverables dl WHERE dl.id = p_object)
        WHEN 'deliverable.live' THEN
            (SELECT dl.status = 'live' FROM deliverables dl WHERE dl.id = p_object)
        WHEN 'deliverable.overdue' THEN
            (SELECT dl.status <> 'live' AND api_date(dl.due_on) = p_data ->> 'dueDate'
                    AND d.state IN ('accepted', 'in_progress')
             FROM deliverables dl JOIN deals d ON d.id = dl.deal_id WHERE dl.id = p_object)
        WHEN 'offer.accepted' THEN
            (SELECT o.status = 'accepted' AND d.state IN ('accepted', 'in_progress', 'completed')
             FROM offers o JOIN deals d ON d.id = o.deal_id WHERE o.id = p_object)
        WHEN 'deal.applied' THEN
            (SELECT d.state IN ('applied', 'negotiating') FROM deals d WHERE d.id = p_deal)
        WHEN 'budget.used_above' THEN
            campaign_budget_used(p_campaign) >= (p_params ->> 'share')::numeric
        ELSE true
    END, false)
$$;

-- Why the conditions do not hold for an event ("condition platform in [instagram] not met"), or
-- NULL when they all do. Platform and deliverable type are the deliverable's (the post's for a
-- post), for deal-wide events any of the deal's deliverables'.
CREATE FUNCTION rule_conditions_reason(p_conditions jsonb, p_type text, p_params jsonb,
                                       p_deal uuid, p_campaign uuid, p_object uuid, p_data jsonb)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    cond jsonb;
    field text;
    op text;
    val jsonb;
    platforms text[];
    types text[];
    fee bigint;
    ok boolean;
BEGIN
    SELECT coalesce(array_agg(DISTINCT dl.platform), '{}'), coalesce(array_agg(DISTINCT dl.type), '{}')
    INTO platforms, types
    FROM deliverables dl
    WHERE (p_type LIKE 'deliverable.%' AND dl.id = p_object)
       OR (p_type NOT LIKE 'deliverable.%' AND p_type <> 'post.views_above' AND dl.deal_id = p_deal);
    IF p_type = 'post.views_above' THEN
        SELECT ARRAY[p.platform], ARRAY[p.kind] INTO platforms, types FROM posts p WHERE p.id = p_object;
    END IF;
    SELECT coalesce(o.fee_minor, (SELECT l.fee_minor FROM offers l WHERE l.deal_id = d.id
                                  ORDER BY l.sequence DESC LIMIT 1))
    INTO fee
    FROM deals d LEFT JOIN offers o ON o.id = d.accepted_offer_id
    WHERE d.id = p_deal;
    FOR cond IN SELECT * FROM jsonb_array_elements(p_conditions) LOOP
        field := cond ->> 'field';
        op := cond ->> 'op';
        val := cond -> 'value';
        ok := CASE field
            WHEN 'campaignId' THEN p_campaign::text IN (SELECT jsonb_array_elements_text(val))
            WHEN 'platform' THEN platforms && ARRAY(SELECT jsonb_array_elements_text(val))
            WHEN 'deliverableType' THEN types && ARRAY(SELECT jsonb_array_elements_text(val))
            WHEN 'feeMinor' THEN
                CASE op WHEN 'gte' THEN fee >= (val #>> '{}')::bigint
                        ELSE fee <= (val #>> '{}')::bigint END
            WHEN 'stillInState' THEN
                rule_still_in_state(p_type, p_deal, p_campaign, p_object, p_data, p_params)
            ELSE false
        END;
        IF NOT coalesce(ok, false) THEN
            RETURN left('condition ' || field || ' ' || op || ' '
                        || CASE jsonb_typeof(val)
                               WHEN 'array' THEN '[' || (SELECT string_agg(v, ', ')
                                                         FROM jsonb_array_elements_text(val) v) || ']'
                               ELSE val #>> '{}' END
                        || ' not met', 1000);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

-- Actions -------------------------------------------------------------------------------------

-- A message text with its placeholders filled in for a deal (and the deliverable that fired).
CREATE FUNCTION rule_render(p_text text, p_deal uuid, p_campaign uuid, p_object uuid,
                            p_app_url text)
RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT replace(replace(replace(replace(replace(p_text,
               '{{creator.name}}', coalesce(i.display_name, '')),
               '{{campaign.name}}', coalesce(c.name, '')),
               '{{deliverable.type}}', coalesce(dl.type, '')),
               '{{deliverable.dueAt}}', coalesce(api_date(dl.due_on), '')),
               '{{deal.url}}', CASE WHEN p_deal IS NULL THEN '' ELSE p_app_url || '/deals/' || p_deal END)
    FROM (SELECT 1) one
    LEFT JOIN deals d ON d.id = p_deal
    LEFT JOIN influencer_details i ON i.user_id = d.influencer_id
    LEFT JOIN campaigns c ON c.id = coalesce(p_campaign, d.campaign_id)
    LEFT JOIN LATERAL (SELECT x.type, x.due_on FROM deliverables x
                       WHERE x.id = p_object OR x.deal_id = p_deal
                       ORDER BY x.id = p_object DESC, x.position LIMIT 1) dl ON true
$$;

-- The creator a firing is about (the deal's; the post's for a post without a deal).
CREATE FUNCTION rule_firing_creator(f rule_firings) RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT d.influencer_id FROM deals d WHERE d.id = f.deal_id),
                    (SELECT p.influencer_id FROM posts p
                     WHERE p.id = f.object_id AND f.event_type = 'post.views_above'))
$$;

-- Runs one of the SQL actions (staff.notify, webhook.call, shortlist.add) of a firing; what it
-- did. An action that cannot run raises (the firing fails, nothing it did stays).
CREATE FUNCTION rule_run_action(p_firing uuid, p_action jsonb, p_app_url text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    f rule_firings;
    r rules;
    n integer;
    text_ text;
    creator uuid;
    event_type constant text := 'rule.fired';
BEGIN
    SELECT * INTO STRICT f FROM rule_firings WHERE id = p_firing;
    SELECT * INTO STRICT r FROM rules WHERE id = f.rule_id;
    CASE p_action ->> 'type'
    WHEN 'staff.notify' THEN
        text_ := rule_render(p_action -> 'params' ->> 'text', f.deal_id, f.campaign_id,
                             f.object_id, p_app_url);
        SELECT count(*) INTO n FROM (
            SELECT notify_user(s.u, 'rule.fired',
                               CASE WHEN f.deal_id IS NULL THEN 'campaign' ELSE 'deal' END,
                               coalesce(f.deal_id, f.campaign_id),
                               jsonb_build_object('ruleId', r.id, 'ruleName', r.name,
                                                  'firingId', f.id, 'text', text_,
                                                  'dealId', f.deal_id, 'campaignId', f.campaign_id,
                                                  'summary', f.summary),
                               'Rule "' || r.name || '": ' || f.summary,
                               text_ || E'\n\n' || f.summary || CASE WHEN f.deal_id IS NULL THEN ''
                                   ELSE E'\n' || p_app_url || '/deals/' || f.deal_id END || E'\n')
            FROM (SELECT r.brand_id AS u
                  UNION SELECT m.member_id FROM brand_members m WHERE m.brand_id = r.brand_id) s
        ) x;
        RETURN format('notified %s staff member%s', n, CASE WHEN n = 1 THEN '' ELSE 's' END);
    WHEN 'webhook.call' THEN
        SELECT count(webhook_enqueue(e.id, event_type, jsonb_build_object(
                   'type', event_type, 'timestamp', api_time(now()),
                   'data', jsonb_build_object('ruleId', r.id, 'ruleName', r.name, 'firingId', f.id,
                                              'eventType', f.event_type, 'summary', f.summary,
                                              'dealId', f.deal_id, 'campaignId', f.campaign_id,
                                              'objectId', f.object_id))))
        INTO n
        FROM webhook_endpoints e
        WHERE e.brand_id = r.brand_id AND e.enabled
          AND (cardinality(e.events) = 0 OR event_type = ANY (e.events));
        RETURN format('enqueued to %s endpoint%s', n, CASE WHEN n = 1 THEN '' ELSE 's' END);
    WHEN 'shortlist.add' THEN
        creator := rule_firing_creator(f);
        IF creator IS NULL THEN
            RAISE EXCEPTION 'no creator to add' USING ERRCODE = 'RL001';
        END IF;
        PERFORM 1 FROM shortlists s
        WHERE s.id = (p_action -> 'params' ->> 'shortlistId')::uuid AND s.brand_id = r.brand_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the shortlist no longer exists' USING ERRCODE = 'RL001';
        END IF;
        INSERT INTO shortlist_members (shortlist_id, influencer_id, note, added_by)
        VALUES ((p_action -> 'params' ->> 'shortlistId')::uuid, creator,
                left('Added by rule "' || r.name || '"', 2000), r.created_by)
        ON CONFLICT DO NOTHING;
        RETURN CASE WHEN FOUND THEN 'added to the shortlist' ELSE 'already on the shortlist' END;
    ELSE
        RAISE EXCEPTION 'action % is not run here', p_action ->> 'type' USING ERRCODE = 'RL001';
    END CASE;
END;
$$;

-- The start of a firing's run, in the transaction that runs its actions: the firing locked; when
-- it is no longer pending (the job ran already) NULL; when the rule was disabled or its
-- conditions do not hold, the firing skipped with the reason and {"run": false}; otherwise the
-- loop guard set for this transaction and {"run": true, "actions", "dealId", "authorId",
-- "brandId"}.
CREATE FUNCTION rule_firing_start(p_firing uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    f rule_firings;
    r rules;
    why text;
BEGIN
    SELECT * INTO f FROM rule_firings WHERE id = p_firing FOR UPDATE;
    IF NOT FOUND OR f.status <> 'pending' THEN
        RETURN NULL;
    END IF;
    SELECT * INTO r FROM rules WHERE id = f.rule_id FOR SHARE;
    IF NOT r.enabled THEN
        why := 'the rule was disabled';
    ELSE
        why := rule_conditions_reason(r.conditions, f.event_type, r.trigger_params, f.deal_id,
                                      f.campaign_id, f.object_id, f.event_data);
    END IF;
    IF why IS NOT NULL THEN
        PERFORM rule_firing_finish(p_firing, 'skipped', why, '[]');
        RETURN jsonb_build_object('run', false);
    END IF;
    PERFORM set_config('influence.rule_firing', p_firing::text, true);
    RETURN jsonb_build_object('run', true, 'actions', r.actions, 'dealId', f.deal_id,
                              'authorId', r.created_by, 'brandId', r.brand_id);
END;
$$;

CREATE FUNCTION rule_firing_finish(p_firing uuid, p_status text, p_reason text, p_results jsonb)
RETURNS boolean
LANGUAGE sql AS $$
    WITH done AS (
        UPDATE rule_firings SET status = p_status, reason = left(p_reason, 1000),
                                results = p_results, ran_at = now()
        WHERE id = p_firing AND status = 'pending'
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM done)
$$;

-- JSON ----------------------------------------------------------------------------------------

CREATE FUNCTION api_rule_json(r rules) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', r.id, 'brandId', r.brand_id, 'name', r.name, 'template', r.template,
        'trigger', jsonb_build_object('type', r.trigger_type, 'params', r.trigger_params),
        'delayMinutes', r.delay_minutes, 'conditions', r.conditions, 'actions', r.actions,
        'enabled', r.enabled, 'createdBy', r.created_by,
        'createdAt', api_time(r.created_at), 'updatedAt', api_time(r.updated_at),
        'lastFiredAt', (SELECT api_time(max(f.created_at)) FROM rule_firings f
                        WHERE f.rule_id = r.id),
        'firingCount', (SELECT count(*) FROM rule_firings f WHERE f.rule_id = r.id))
$$;

CREATE FUNCTION api_rule_event_json(p_type text, p_at timestamptz, p_deal uuid, p_campaign uuid,
                                    p_object uuid, p_summary text)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('type', p_type, 'at', api_time(p_at), 'dealId', p_deal,
                              'campaignId', p_campaign, 'objectId', p_object,
                              'summary', p_summary)
$$;

CREATE FUNCTION api_rule_firing_json(f rule_firings) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', f.id, 'ruleId', f.rule_id,
        'event', api_rule_event_json(f.event_type, f.event_at, f.deal_id, f.campaign_id,
                                     f.object_id, f.summary),
        'firedAt', api_time(f.created_at), 'runAt', api_time(f.run_at),
        'ranAt', api_time(f.ran_at), 'status', f.status, 'reason', f.reason,
        'actions', f.results)
$$;

-- Dry run -------------------------------------------------------------------------------------

-- What an (unsaved) rule of p_brand would have fired on since p_from: one row per event (the
-- latest 500), with why it would be skipped (NULL: it would fire). Conditions are checked against
-- today's state. Reads only.
CREATE FUNCTION rule_dry_run_events(p_brand uuid, p_type text, p_params jsonb,
                                    p_conditions jsonb, p_from timestamptz)
RETURNS TABLE (event_type text, event_at timestamptz, deal_id uuid, campaign_id uuid,
               object_id uuid, summary text, reason text)
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
    -- The latest 500 events only are judged (and described): the rest are not worked out.
    SELECT v.type, v.at, v.deal, v.campaign, v.object,
           rule_event_summary(v.type, v.deal, v.campaign, v.object, v.data),
           rule_conditions_reason(p_conditions, v.type, p_params, v.deal, v.campaign, v.object,
                                  v.data)
    FROM (SELECT * FROM everything ORDER BY at DESC LIMIT 500) v
    ORDER BY v.at DESC
$$;

-- What an action would have done for an event, for the dry run.
CREATE FUNCTION rule_action_preview(p_action jsonb, p_deal uuid, p_campaign uuid, p_object uuid,
                                    p_app_url text)
RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE p_action ->> 'type'
        WHEN 'payout.approve' THEN 'would approve the deal''s due payouts'
        WHEN 'message.send' THEN 'would post: ' || rule_render(p_action -> 'params' ->> 'text',
                                                               p_deal, p_campaign, p_object, p_app_url)
        WHEN 'staff.notify' THEN 'would notify the brand''s staff: '
                                 || rule_render(p_action -> 'params' ->> 'text', p_deal, p_campaign,
                                                p_object, p_app_url)
        WHEN 'webhook.call' THEN 'would send rule.fired to the brand''s webhook endpoints'
        ELSE 'would add the creator to the shortlist '
             || coalesce((SELECT '"' || s.name || '"' FROM shortlists s
                          WHERE s.id::text = p_action -> 'params' ->> 'shortlistId'), '(missing)')
    END
$$;

-- The dry run's answer: {"from", "to", "items", "wouldFire", "wouldSkip"} over the last 30 days
-- for a rule (p_rule: its id when saved, else NULL) of p_brand. Reads only.
CREATE FUNCTION api_rule_dry_run_json(p_brand uuid, p_rule uuid, p_type text, p_params jsonb,
                                      p_conditions jsonb, p_actions jsonb, p_app_url text)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'from', api_time(now() - interval '30 days'), 'to', api_time(now()),
        'items', coalesce(jsonb_agg(jsonb_build_object(
            'ruleId', p_rule,
            'event', api_rule_event_json(e.event_type, e.event_at, e.deal_id, e.campaign_id,
                                         e.object_id, e.summary),
            'status', CASE WHEN e.reason IS NULL THEN 'would_fire' ELSE 'would_skip' END,
            'reason', e.reason,
            'actions', CASE WHEN e.reason IS NOT NULL THEN '[]'::jsonb ELSE (
                SELECT jsonb_agg(jsonb_build_object(
                           'type', a ->> 'type', 'ok', true,
                           'result', rule_action_preview(a, e.deal_id, e.campaign_id, e.object_id,
                                                         p_app_url)) ORDER BY n)
                FROM jsonb_array_elements(p_actions) WITH ORDINALITY x(a, n)) END)
            ORDER BY e.event_at DESC), '[]'),
        'wouldFire', count(*) FILTER (WHERE e.reason IS NULL),
        'wouldSkip', count(*) FILTER (WHERE e.reason IS NOT NULL))
    FROM rule_dry_run_events(p_brand, p_type, p_params, p_conditions,
                             now() - interval '30 days') e
$$;
