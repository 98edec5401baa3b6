-- SPDX-License-Identifier: Apache-2.0
-- Collaboration data for bench/run's deals-list and deal-detail scenarios, added to a seeded data
-- set (the generator in server/app/seed/ makes users and profiles, and a small collaboration demo for
-- five brands, which this replaces). Run with psql by bench/run after its users have signed in;
-- idempotent:
--   * campaigns, deals, offers, deliverables, versions, messages and events are inserted once per
--     data set: the marker system_settings 'bench_collab' records the generator's seed marker
--     they were made for (another data set: the old rows go first);
--   * the signed-in brand users bench-brand-<n>@example.com become staff (brand_members) of the
--     busy brands, every run (ON CONFLICT DO NOTHING).
-- Deterministic: ids are md5 uuids of the row's position, every choice hashes that position, the
-- brands and creators are taken in id order; the same data set gives the same rows.
--
-- Shape (B brands, N creators, in id order):
--   busy brands   the first min(8, B): 10 campaigns each (2 below 10 000 creators: the smoke
--                 test's small data set) with min(120, N / 2) deals (100 000 creators: 1 200
--                 deals per brand, the brand users' lists)
--   other brands  every 10th: 2 campaigns with min(15, N / 2) deals
--   deal states   spread over the state machine as the server moves them: invited 8 %, applied 8 %,
--                 negotiating 20 %, accepted 10 %, in_progress 25 %, completed 15 %, declined 5 %,
--                 withdrawn 5 %, cancelled 4 %; 1-4 offers taking turns (the last open, accepted,
--                 declined or withdrawn, the others countered); agreed deals carry frozen terms
--                 (as POST …/accept writes them) and one deliverable per piece of the accepted
--                 offer, whose drafts went through 0-3 reviews; 2-6 messages and the timeline's
--                 events per deal.

SELECT (SELECT value FROM system_settings WHERE key = 'bench_collab')
       IS DISTINCT FROM jsonb_build_object('version', 1,
           'seed', (SELECT value FROM system_settings WHERE key = 'seed')) AS bench_collab_needed
\gset

\if :bench_collab_needed
BEGIN;
-- Another data set's (or an older version's) rows go first; benchmark databases hold nothing else.
-- The demo's money goes with them: the ledger and the audit log are append-only (0010_money.sql),
-- which the owner lifts for this transaction only, as the generator's --reset does.
GRANT DELETE ON ledger_entries, ledger_transfers, audit_log TO CURRENT_USER;
ALTER TABLE ledger_entries DISABLE TRIGGER USER;
ALTER TABLE ledger_transfers DISABLE TRIGGER USER;
ALTER TABLE audit_log DISABLE TRIGGER USER;
DELETE FROM ledger_entries;
DELETE FROM ledger_transfers;
DELETE FROM payouts;
DELETE FROM ledger_accounts;
DELETE FROM audit_log;
ALTER TABLE ledger_entries ENABLE TRIGGER USER;
ALTER TABLE ledger_transfers ENABLE TRIGGER USER;
ALTER TABLE audit_log ENABLE TRIGGER USER;
REVOKE DELETE ON ledger_entries, ledger_transfers, audit_log FROM CURRENT_USER;
DELETE FROM brand_members;
DELETE FROM notifications;
DELETE FROM deal_events;
DELETE FROM deal_messages;
DELETE FROM deals;
DELETE FROM campaigns;

-- h(text) → a number in [0, 2^31): the deterministic "random" draw of a position.
CREATE TEMP TABLE bench_brand AS
SELECT row_number() OVER (ORDER BY b.user_id) AS rank, b.user_id AS id
FROM brand_details b JOIN users u ON u.id = b.user_id AND u.status = 'active';
CREATE TEMP TABLE bench_creator AS
SELECT row_number() OVER (ORDER BY i.user_id) - 1 AS rank, i.user_id AS id
FROM influencer_details i JOIN users u ON u.id = i.user_id AND u.status = 'active';
CREATE UNIQUE INDEX ON bench_creator (rank);
CREATE FUNCTION pg_temp.h(t text) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || left(md5(t), 8))::bit(32)::bigint & 2147483647 $$;

CREATE TEMP TABLE bench_campaign AS
SELECT md5('bench-campaign-' || b.rank || '-' || k)::uuid AS id, b.id AS brand_id, b.rank AS brand_rank,
       k, b.rank <= 8 AS busy,
       CASE WHEN b.rank <= 8 THEN least(120, (SELECT count(*) FROM bench_creator) / 2)
            ELSE least(15, (SELECT count(*) FROM bench_creator) / 2) END AS deals,
       pg_temp.h('campaign-start-' || b.rank || '-' || k) % greatest((SELECT count(*) FROM bench_creator), 1) AS start,
       timestamptz '2026-03-02 09:00:00+00' + (pg_temp.h('campaign-at-' || b.rank || '-' || k) % 150) * interval '1 day' AS launched
FROM bench_brand b,
     generate_series(1, CASE WHEN b.rank <= 8 AND (SELECT count(*) FROM bench_creator) >= 10000 THEN 10 ELSE 2 END) AS k
WHERE b.rank <= 8 OR b.rank % 10 = 0;
ANALYZE bench_campaign;
ANALYZE bench_creator;

INSERT INTO campaigns (id, brand_id, created_by, name, brief, objective, platforms, deliverable_types,
    target_niches, target_countries, target_languages, min_followers, budget_minor, currency,
    starts_on, ends_on, visibility, usage_rights, status, launched_at, created_at, updated_at)
SELECT c.id, c.brand_id, c.brand_id,
       (ARRAY['Spring launch', 'Summer drop', 'Back to school', 'Holiday gift guide', 'Brand awareness',
              'Product review', 'Creator collab', 'New flavour', 'Store opening', 'Loyalty push'])[(c.k - 1) % 10 + 1]
           || ' ' || c.k,
       'Show our product in your everyday routine: honest, in your own words. Tag us and use the '
           || 'campaign hashtag; drafts are reviewed before going live.',
       (ARRAY['awareness', 'engagement', 'conversions'])[pg_temp.h('objective-' || c.id) % 3 + 1],
       '{instagram,tiktok,youtube}', '{post,reel,story,video}',
       (ARRAY['{fitness,wellness}', '{food}', '{beauty,fashion}', '{travel}', '{tech,gaming}'])[pg_temp.h('niche-' || c.id) % 5 + 1]::text[],
       '{US,GB}', '{en}', 5000, 1000000 + pg_temp.h('budget-' || c.id) % 50 * 100000, 'USD',
       c.launched::date, c.launched::date + 90, CASE WHEN c.k % 3 = 0 THEN 'private' ELSE 'public' END,
       'Organic use on our channels for 12 months.', 'active', c.launched,
       c.launched - interval '3 days', c.launched
FROM bench_campaign c
ORDER BY c.launched, c.id;

-- The deals: state, origin, number of offers and the times the server would have written.
CREATE TEMP TABLE bench_deal AS
SELECT x.*,
       CASE WHEN x.state = 'invited' THEN 'invitation' WHEN x.state = 'applied' THEN 'application'
            WHEN pg_temp.h('origin-' || x.n) % 2 = 0 THEN 'invitation' ELSE 'application' END AS origin,
       CASE WHEN x.state IN ('invited') THEN 1
            WHEN x.state = 'applied' THEN CASE WHEN pg_temp.h('offers-' || x.n) % 4 = 0 THEN 0 ELSE 1 END
            WHEN x.state = 'negotiating' THEN 2 + pg_temp.h('offers-' || x.n) % 3
            WHEN x.state IN ('declined', 'withdrawn') THEN 1 + pg_temp.h('offers-' || x.n) % 3
            ELSE 1 + pg_temp.h('offers-' || x.n) % 4 END AS offers,
       x.created + (1 + pg_temp.h('offers-' || x.n) % 4) * interval '26 hours' AS decided
FROM (
    SELECT md5('bench-deal-' || c.brand_rank || '-' || c.k || '-' || d)::uuid AS id,
           c.brand_rank || '-' || c.k || '-' || d AS n,
           c.id AS campaign_id, c.brand_id, cr.id AS influencer_id,
           c.launched + (pg_temp.h('deal-at-' || c.id || d) % 1440) * interval '1 minute'
               + (d % 20) * interval '1 day' AS created,
           CASE WHEN r < 8 THEN 'invited' WHEN r < 16 THEN 'applied' WHEN r < 36 THEN 'negotiating'
                WHEN r < 46 THEN 'accepted' WHEN r < 71 THEN 'in_progress' WHEN r < 86 THEN 'completed'
                WHEN r < 91 THEN 'declined' WHEN r < 96 THEN 'withdrawn' ELSE 'cancelled' END AS state
    FROM bench_campaign c
    CROSS JOIN generate_series(1, c.deals) AS d
    JOIN bench_creator cr ON cr.rank = (c.start + d) % (SELECT count(*) FROM bench_creator)
    CROSS JOIN LATERAL (SELECT pg_temp.h('state-' || c.id || '-' || d) % 100 AS r) s
) x;
ANALYZE bench_deal;
-- (Consecutive creators from a hashed start: distinct within a campaign, as at most N / 2 deals.)

-- Deals first (offers reference them), agreed ones still negotiating: their accepted offer (which
-- they reference in turn) comes next, then they become what the server leaves them as.
INSERT INTO deals (id, campaign_id, brand_id, influencer_id, origin, state, created_by, closed_at,
    created_at, updated_at)
SELECT d.id, d.campaign_id, d.brand_id, d.influencer_id, d.origin,
       CASE WHEN d.state IN ('accepted', 'in_progress', 'completed', 'cancelled') THEN 'negotiating'
            ELSE d.state END,
       CASE WHEN d.origin = 'invitation' THEN d.brand_id ELSE d.influencer_id END,
       CASE WHEN d.state IN ('declined', 'withdrawn') THEN d.decided END,
       d.created,
       CASE WHEN d.state IN ('invited', 'applied') THEN d.created
            WHEN d.state = 'negotiating' THEN d.created + (d.offers - 1) * interval '26 hours'
            ELSE d.decided END
FROM bench_deal d
ORDER BY d.created, d.id;

CREATE TEMP TABLE bench_offer AS
SELECT md5('bench-offer-' || d.n || '-' || s)::uuid AS id, d.id AS deal_id, s AS sequence,
       CASE WHEN (d.origin = 'invitation') = (s % 2 = 1) THEN 'brand' ELSE 'creator' END AS made_by,
       d.created + (s - 1) * interval '26 hours' AS created,
       CASE WHEN s < d.offers THEN 'countered'
            WHEN d.state IN ('invited', 'applied', 'negotiating') THEN 'open'
            WHEN d.state IN ('declined', 'withdrawn') THEN d.state
            ELSE 'accepted' END AS status,
       d.n, d.brand_id, d.influencer_id, d.decided, d.offers,
       jsonb_build_array(jsonb_build_object(
               'type', (ARRAY['post', 'reel', 'video', 'story'])[pg_temp.h('type-' || d.n) % 4 + 1],
               'platform', (ARRAY['instagram', 'tiktok', 'youtube'])[pg_temp.h('platform-' || d.n) % 3 + 1],
               'quantity', 1 + pg_temp.h('qty-' || d.n || s) % 3,
               'dueDate', to_char(d.decided + interval '14 days', 'YYYY-MM-DD')))
         || CASE WHEN pg_temp.h('lines-' || d.n) % 2 = 0 THEN jsonb_build_array(jsonb_build_object(
               'type', 'story', 'platform', 'instagram', 'quantity', 1 + pg_temp.h('qty2-' || d.n) % 2,
               'dueDate', to_char(d.decided + interval '21 days', 'YYYY-MM-DD')))
            ELSE '[]'::jsonb END AS deliverables,
       (150 + pg_temp.h('fee-' || d.n) % 40 * 25 + s * 50) * 100 AS fee
FROM bench_deal d CROSS JOIN generate_series(1, d.offers) AS s;
ANALYZE bench_offer;

INSERT INTO offers (id, deal_id, sequence, made_by, author_id, deliverables, fee_minor, currency,
    usage_rights, max_revisions, note, status, responded_at, responded_by, created_at)
SELECT o.id, o.deal_id, o.sequence, o.made_by,
       CASE WHEN o.made_by = 'brand' THEN o.brand_id ELSE o.influencer_id END,
       o.deliverables, o.fee, 'USD', 'Organic use on our channels for 12 months.', 2,
       CASE WHEN o.sequence = 1 THEN 'Looking forward to working together!'
            ELSE 'Adjusted the fee and the number of pieces, see the lines.' END,
       o.status,
       CASE WHEN o.status = 'open' THEN NULL
            WHEN o.status = 'countered' THEN o.created + interval '26 hours' ELSE o.decided END,
       CASE WHEN o.status = 'open' THEN NULL
            WHEN o.status = 'withdrawn' THEN CASE WHEN o.made_by = 'brand' THEN o.brand_id ELSE o.influencer_id END
            WHEN o.made_by = 'brand' THEN o.influencer_id ELSE o.brand_id END,
       o.created
FROM bench_offer o;


-- Agreed deals with the accepted offer's frozen terms (as POST …/accept writes them); updated_at
-- as the server would have left it, not now (the trigger is off meanwhile).
-- Budgets cover what the deals agreed: the server refuses an accept beyond its campaign's budget,
-- and the ledger's triggers (0010_money.sql) reserve each agreed fee as the deals are moved on.
UPDATE campaigns c SET budget_minor = c.budget_minor + f.total
FROM (SELECT d.campaign_id, sum(o.fee) AS total
      FROM bench_deal d JOIN bench_offer o ON o.deal_id = d.id AND o.status = 'accepted'
      GROUP BY d.campaign_id) f
WHERE c.id = f.campaign_id;
ALTER TABLE deals DISABLE TRIGGER deals_updated_at;
UPDATE deals x SET state = d.state,
       terms = jsonb_build_object('offerId', o.id, 'sequence', o.sequence,
           'madeBy', o.made_by, 'deliverables', o.deliverables, 'feeMinor', o.fee, 'currency', 'USD',
           'usageRights', 'Organic use on our channels for 12 months.', 'maxRevisions', 2,
           'agreedAt', api_time(d.decided),
           'campaign', jsonb_build_object('id', c.id, 'name', c.name, 'brief', c.brief,
               'objective', c.objective, 'usageRights', c.usage_rights)),
       accepted_offer_id = o.id,
       brand_accepted_at = CASE WHEN o.made_by = 'brand' THEN o.created ELSE d.decided END,
       brand_accepted_by = d.brand_id,
       creator_accepted_at = CASE WHEN o.made_by = 'creator' THEN o.created ELSE d.decided END,
       started_at = CASE WHEN d.state IN ('in_progress', 'completed') THEN d.decided + interval '2 days' END,
       completed_at = CASE WHEN d.state = 'completed' THEN d.decided + interval '25 days' END,
       closed_at = CASE WHEN d.state = 'cancelled' THEN d.decided + interval '9 days' END,
       updated_at = CASE WHEN d.state = 'completed' THEN d.decided + interval '25 days'
                         WHEN d.state = 'cancelled' THEN d.decided + interval '9 days'
                         WHEN d.state = 'in_progress' THEN d.decided + interval '12 days'
                         ELSE d.decided END
FROM bench_deal d
JOIN bench_offer o ON o.deal_id = d.id AND o.status = 'accepted'
JOIN campaigns c ON c.id = d.campaign_id
WHERE x.id = d.id;
ALTER TABLE deals ENABLE TRIGGER deals_updated_at;

-- One deliverable per piece of the accepted offer (as kCreateDeliverables), then its review
-- history: v drafts, each but the last with changes requested.
CREATE TEMP TABLE bench_deliverable AS
SELECT md5('bench-deliverable-' || d.n || '-' || p.position)::uuid AS id, d.id AS deal_id, d.n,
       p.position, p.type, p.platform, p.due_on, d.decided, d.influencer_id, d.brand_id,
       CASE WHEN d.state = 'completed' THEN (ARRAY['approved', 'live', 'live'])[pg_temp.h('dl-' || d.n || p.position) % 3 + 1]
            WHEN d.state = 'in_progress' THEN (ARRAY['pending', 'in_review', 'changes_requested', 'approved', 'live', 'in_review'])[pg_temp.h('dl-' || d.n || p.position) % 6 + 1]
            ELSE 'pending' END AS status
FROM bench_deal d
JOIN bench_offer o ON o.deal_id = d.id AND o.status = 'accepted'
CROSS JOIN LATERAL (
    SELECT row_number() OVER (ORDER BY l.ord, g.n) AS position, l.item->>'type' AS type,
           l.item->>'platform' AS platform, CAST(l.item->>'dueDate' AS date) AS due_on
    FROM jsonb_array_elements(o.deliverables) WITH ORDINALITY AS l(item, ord),
         generate_series(1, CAST(l.item->>'quantity' AS integer)) AS g(n)) p;

CREATE TEMP TABLE bench_version AS
SELECT dl.id AS deliverable_id, v AS version, dl.versions, dl.status, dl.decided, dl.influencer_id, dl.brand_id,
       dl.decided + interval '3 days' + (v - 1) * interval '2 days' AS submitted,
       CASE WHEN v < dl.versions OR dl.status = 'changes_requested' THEN 'changes_requested'
            WHEN dl.status = 'in_review' THEN NULL
            WHEN pg_temp.h('decision-' || dl.id) % 4 = 0 THEN 'approved_with_changes'
            ELSE 'approved' END AS decision
FROM (SELECT b.*, CASE WHEN b.status = 'pending' THEN 0
                       WHEN b.status = 'changes_requested' THEN 1 + pg_temp.h('v-' || b.id) % 2
                       ELSE 1 + pg_temp.h('v-' || b.id) % 3 END AS versions
      FROM bench_deliverable b) dl
CROSS JOIN generate_series(1, dl.versions) AS v;

INSERT INTO deliverables (id, deal_id, position, type, platform, due_on, status, max_revisions,
    revisions_used, approved_at, live_url, live_at, created_at, updated_at)
SELECT dl.id, dl.deal_id, dl.position, dl.type, dl.platform, dl.due_on, dl.status, 2,
       coalesce(v.changes, 0),
       CASE WHEN dl.status IN ('approved', 'live') THEN v.last + interval '1 day' END,
       CASE WHEN dl.status = 'live' THEN 'https://www.' || dl.platform || '.com/p/bench' || left(md5(dl.id::text), 12) END,
       CASE WHEN dl.status = 'live' THEN v.last + interval '3 days' END,
       dl.decided, coalesce(v.last + interval '3 days', dl.decided)
FROM bench_deliverable dl
LEFT JOIN (SELECT deliverable_id, count(*) FILTER (WHERE decision = 'changes_requested') AS changes,
                  max(submitted) AS last
           FROM bench_version GROUP BY deliverable_id) v ON v.deliverable_id = dl.id
ORDER BY dl.decided, dl.deal_id, dl.position;

INSERT INTO deliverable_versions (deliverable_id, version, caption, media_urls, notes, submitted_by,
    submitted_at, decision, feedback, reviewed_by, reviewed_at)
SELECT v.deliverable_id, v.version,
       'Draft ' || v.version || ': morning routine with the product, three scenes, link in bio. #ad',
       ARRAY['https://media.example.com/bench/' || left(md5(v.deliverable_id::text || v.version), 16) || '.mp4'],
       CASE WHEN v.version > 1 THEN 'Reworked the intro as asked.' ELSE '' END,
       v.influencer_id, v.submitted, v.decision,
       CASE WHEN v.decision IN ('changes_requested', 'approved_with_changes')
            THEN 'Please show the label in the first three seconds and mention the discount code.'
            ELSE '' END,
       CASE WHEN v.decision IS NOT NULL THEN v.brand_id END,
       CASE WHEN v.decision IS NOT NULL THEN v.submitted + interval '1 day' END
FROM bench_version v;

INSERT INTO deal_messages (deal_id, author_id, body, created_at)
SELECT d.id, CASE WHEN (d.origin = 'invitation') = (m % 2 = 1) THEN d.brand_id ELSE d.influencer_id END,
       (ARRAY['Hi! We love your content and think you would be a great fit for this campaign.',
              'Thanks, happy to talk. Could you share more about the timeline?',
              'Sure: drafts two weeks after we agree, going live the week after.',
              'Works for me. I adjusted the offer to include a story.',
              'Great, the draft looks good so far; a few notes in the review.',
              'Done, the new version is up.'])[m],
       d.created + (m - 1) * interval '13 hours'
FROM bench_deal d CROSS JOIN generate_series(1, 2 + pg_temp.h('messages-' || d.n) % 5) AS m
ORDER BY d.created + (m - 1) * interval '13 hours', d.id;

INSERT INTO deal_events (deal_id, actor_id, kind, data, created_at)
SELECT e.deal_id, e.actor, e.kind, e.data, e.at
FROM (
    SELECT d.id AS deal_id, CASE WHEN d.origin = 'invitation' THEN d.brand_id ELSE d.influencer_id END AS actor,
           CASE WHEN d.origin = 'invitation' THEN 'deal.invited' ELSE 'deal.applied' END AS kind,
           CASE WHEN d.origin = 'invitation' THEN jsonb_build_object('feeMinor', o.fee)
                ELSE jsonb_build_object('withOffer', d.offers > 0) END AS data,
           d.created AS at, 0 AS ord
    FROM bench_deal d LEFT JOIN bench_offer o ON o.deal_id = d.id AND o.sequence = 1
    UNION ALL
    SELECT o.deal_id, CASE WHEN o.made_by = 'brand' THEN o.brand_id ELSE o.influencer_id END, 'offer.made',
           jsonb_build_object('by', o.made_by, 'feeMinor', o.fee), o.created, o.sequence
    FROM bench_offer o WHERE o.sequence > 1
    UNION ALL
    SELECT o.deal_id, CASE WHEN (o.status = 'withdrawn') = (o.made_by = 'brand') THEN o.brand_id ELSE o.influencer_id END,
           CASE o.status WHEN 'accepted' THEN 'offer.accepted' WHEN 'declined' THEN 'offer.declined' ELSE 'deal.withdrawn' END,
           CASE WHEN o.status = 'withdrawn' THEN jsonb_build_object('by', o.made_by, 'from', 'negotiating')
                ELSE jsonb_build_object('offerId', o.id, 'by', CASE WHEN o.made_by = 'brand' THEN 'creator' ELSE 'brand' END) END,
           o.decided, 10
    FROM bench_offer o WHERE o.status IN ('accepted', 'declined', 'withdrawn')
    UNION ALL
    SELECT d.id, d.influencer_id, 'deal.started', jsonb_build_object('by', 'creator', 'from', 'accepted'),
           d.decided + interval '2 days', 11
    FROM bench_deal d WHERE d.state IN ('in_progress', 'completed')
    UNION ALL
    SELECT d.id, d.brand_id, CASE d.state WHEN 'completed' THEN 'deal.completed' ELSE 'deal.cancelled' END,
           jsonb_build_object('by', 'brand', 'from', CASE d.state WHEN 'completed' THEN 'in_progress' ELSE 'accepted' END),
           CASE d.state WHEN 'completed' THEN d.decided + interval '25 days' ELSE d.decided + interval '9 days' END, 12
    FROM bench_deal d WHERE d.state IN ('completed', 'cancelled')
) e
ORDER BY e.at, e.deal_id, e.ord;

INSERT INTO system_settings (key, value)
VALUES ('bench_collab', jsonb_build_object('version', 1,
        'seed', (SELECT value FROM system_settings WHERE key = 'seed')))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now();
COMMIT;
ANALYZE campaigns, deals, offers, deliverables, deliverable_versions, deal_messages, deal_events;
\endif

-- The benchmark's brand users act for the busy brands (bench-brand-<n>: the ((n − 1) mod 8)-th).
INSERT INTO brand_members (brand_id, member_id, created_at)
SELECT b.id, u.id, timestamptz '2026-03-01 00:00:00+00'
FROM users u
JOIN (SELECT row_number() OVER (ORDER BY b.user_id) AS rank, b.user_id AS id
      FROM brand_details b JOIN users x ON x.id = b.user_id AND x.status = 'active') b
  ON b.rank = (substring(u.email FROM '^bench-brand-([0-9]+)@')::bigint - 1)
              % least(8, (SELECT count(*) FROM brand_details)) + 1
WHERE u.email LIKE 'bench-brand-%@example.com' AND u.role = 'brand'
ON CONFLICT DO NOTHING;
