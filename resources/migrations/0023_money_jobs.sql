-- SPDX-License-Identifier: Apache-2.0
-- 0023: payouts on the job queue (issues 18 and 22). The sender's thread is gone: approving a
-- payout enqueues a 'payouts.send' job in the approval's transaction (so a rolled-back approval
-- sends nothing), one per payout and attempt (the unique key). Starting an attempt enqueues a
-- 'payouts.recheck' job for the payout's next_check_at in the same transaction as the move to
-- processing, so that a transfer whose answer never got written (a timeout, a 5xx, a process
-- killed between the call and the commit) is asked about again with the same idempotency key.
-- The hourly 'payouts.scan' re-enqueues the jobs of payouts whose job went dead (the safety net
-- the sender's poll was), tells the brand's side once when a payout becomes late, warns a
-- creator once a week before an unclaimed payout (blocked by missing payout details) goes back
-- to the brand, and cancels those whose time ran out (PAYOUT_UNCLAIMED_DAYS) through the cancel
-- path of the API (server/money/PayoutJobs.cpp).

-- Enqueues the send of a payout's next attempt (the caller's transaction); NULL when that
-- attempt's job is already queued or running.
CREATE FUNCTION payout_enqueue_send(p_id uuid) RETURNS bigint
LANGUAGE sql AS $$
    SELECT job_enqueue('payouts.send', jsonb_build_object('payout', p.id, 'attempt', p.attempts + 1),
                       'payouts', now(), 0, 20, 'payouts.send:' || p.id || ':' || (p.attempts + 1))
    FROM payouts p WHERE p.id = p_id
$$;

-- Enqueues the check of a payout in flight at its next_check_at; one job per payout, attempt and
-- check time (a check that pushes next_check_at on enqueues its successor under a new key).
CREATE FUNCTION payout_schedule_recheck(p_id uuid) RETURNS bigint
LANGUAGE sql AS $$
    SELECT job_enqueue('payouts.recheck', jsonb_build_object('payout', p.id, 'attempt', p.attempts),
                       'payouts', p.next_check_at, 0, 20,
                       'payouts.recheck:' || p.id || ':' || p.attempts || ':'
                           || floor(extract(epoch FROM p.next_check_at) * 1000)::bigint)
    FROM payouts p WHERE p.id = p_id AND p.state = 'processing'
$$;

-- Payouts approved or in flight before this migration get their jobs.
SELECT payout_enqueue_send(id) FROM payouts WHERE state = 'approved';
UPDATE payouts SET next_check_at = now() WHERE state = 'processing' AND next_check_at IS NULL;
SELECT payout_schedule_recheck(id) FROM payouts WHERE state = 'processing';

-- The kinds a person can set a channel for, now with the payout notices.
CREATE OR REPLACE FUNCTION reminder_kinds() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['deliverable.due_soon', 'deliverable.overdue', 'offer.awaiting_reply',
                 'version.awaiting_review', 'payout.details_missing', 'payout.late',
                 'payout.unclaimed']
$$;

-- When a payout blocked by missing payout details goes back to the brand: p_days after its
-- condition was met.
CREATE FUNCTION payout_unclaimed_at(p payouts, p_days integer) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT p.condition_met_at + make_interval(days => p_days)
$$;

-- Payouts that are late and those about to go back unclaimed: tells their people once each
-- (reminders_sent; notify_user honours their settings). How many people were told. Also the
-- safety net of the sender's jobs: an approved payout, or one in flight past its check, that has
-- waited five minutes gets its job again when none is queued or running (the unique keys drop
-- the enqueue otherwise), e.g. after its job went dead.
CREATE FUNCTION payouts_scan(p_app_url text, p_unclaimed_days integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    told integer := 0;
BEGIN
    PERFORM payout_enqueue_send(p.id) FROM payouts p
    WHERE p.state = 'approved' AND p.approved_at < now() - interval '5 minutes';
    PERFORM payout_schedule_recheck(p.id) FROM payouts p
    WHERE p.state = 'processing' AND p.next_check_at < now() - interval '5 minutes';
    FOR r IN
        -- Late (payout_late, 0010): the brand's owner and staff, once per payout and due date.
        SELECT 'payout.late' AS kind, p.id, s.u, api_date(p.due_on) AS window_key, p.deal_id,
               jsonb_build_object('dealId', p.deal_id, 'campaignId', c.id, 'campaignName', c.name,
                                  'payoutId', p.id, 'amountMinor', p.amount_minor,
                                  'currency', p.currency, 'dueDate', api_date(p.due_on)) AS data,
               'Late payout for ' || c.name AS subject,
               'A payout of ' || p.amount_minor || ' (minor units, ' || p.currency || ') for "'
                   || c.name || '" was due on ' || api_date(p.due_on) || ' and is not paid yet.'
                   || E'\n\n' || p_app_url || '/payouts' || E'\n' AS body
        FROM payouts p
        JOIN campaigns c ON c.id = p.campaign_id,
        LATERAL deal_side_users(p.deal_id, 'brand') s(u)
        WHERE p.state IN ('scheduled', 'approved', 'processing', 'failed') AND payout_late(p)
        UNION ALL
        -- Unclaimed within a week: the creator, once per payout.
        SELECT 'payout.unclaimed', p.id, p.influencer_id, 'warning', p.deal_id,
               jsonb_build_object('dealId', p.deal_id, 'campaignId', c.id, 'campaignName', c.name,
                                  'payoutId', p.id, 'amountMinor', p.amount_minor,
                                  'currency', p.currency, 'stage', 'warning',
                                  'returnsAt', api_time(payout_unclaimed_at(p, p_unclaimed_days)),
                                  'missing', to_jsonb(payout_missing(p.influencer_id))),
               'Add your payout details within a week: ' || c.name,
               'A payment for "' || c.name || '" cannot be sent because your payout details are '
                   || 'missing. If they are still missing on '
                   || api_date((payout_unclaimed_at(p, p_unclaimed_days) AT TIME ZONE 'UTC')::date)
                   || ', the money goes back to the brand.'
                   || E'\n\n' || p_app_url || '/earnings' || E'\n'
        FROM payouts p
        JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.state IN ('scheduled', 'failed')
          AND cardinality(payout_missing(p.influencer_id)) > 0
          AND payout_unclaimed_at(p, p_unclaimed_days) - interval '7 days' <= now()
          AND payout_unclaimed_at(p, p_unclaimed_days) > now()
        ORDER BY 1, 2, 3
    LOOP
        INSERT INTO reminders_sent (kind, object_id, user_id, window_key)
        VALUES (r.kind, r.id, r.u, r.window_key)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM notify_user(r.u, r.kind, 'deal', r.deal_id, r.data, r.subject, r.body);
            told := told + 1;
        END IF;
    END LOOP;
    RETURN told;
END;
$$;

-- The payouts whose time to be claimed ran out (cancelled one by one by the scan).
CREATE FUNCTION payouts_unclaimed(p_unclaimed_days integer)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE AS $$
    SELECT p.id FROM payouts p
    WHERE p.state IN ('scheduled', 'failed')
      AND cardinality(payout_missing(p.influencer_id)) > 0
      AND payout_unclaimed_at(p, p_unclaimed_days) <= now()
    ORDER BY p.id
$$;

-- Tells the creator and the brand's owner that an unclaimed payout went back (in the cancelling
-- transaction).
CREATE FUNCTION payout_unclaimed_notify(p_id uuid, p_app_url text) RETURNS void
LANGUAGE sql AS $$
    SELECT notify_user(s.u, 'payout.unclaimed', 'deal', p.deal_id,
                       jsonb_build_object('dealId', p.deal_id, 'campaignId', c.id,
                                          'campaignName', c.name, 'payoutId', p.id,
                                          'amountMinor', p.amount_minor, 'currency', p.currency,
                                          'stage', 'returned'),
                       'Unclaimed payout returned to the brand: ' || c.name,
                       'A payment of ' || p.amount_minor || ' (minor units, ' || p.currency
                           || ') for "' || c.name || '" was never claimed: the payout details '
                           || 'were still missing, so it was cancelled and the money went back '
                           || 'to the campaign''s budget.'
                           || E'\n\n' || p_app_url
                           || CASE WHEN s.u = p.influencer_id THEN '/earnings' ELSE '/payouts' END
                           || E'\n')
    FROM payouts p
    JOIN campaigns c ON c.id = p.campaign_id,
    LATERAL (VALUES (p.influencer_id), (p.brand_id)) s(u)
    WHERE p.id = p_id
$$;
