-- SPDX-License-Identifier: Apache-2.0
-- 0021: reminders (issue 22, second part) and how each person wants to hear about them.
--
-- Every reminder goes through notify_user(), which honours the recipient's settings: per kind a
-- channel (in_app, email, both, off) and optionally a daily digest instead of one mail each;
-- quiet hours in the person's time zone defer a mail (its outbox row and its mail.send job) to
-- their end, while in-app notifications are written at once. reminders_scan() (0018) is replaced:
-- besides deliverables due soon or overdue it reminds of offers waiting for an answer, drafts
-- waiting for review and payouts blocked by missing payout details, each once per window per
-- person (reminders_sent), and it records an overdue deliverable on the deal's timeline when the
-- scan sees it overdue, whoever is reminded.

-- The kinds a person can set a channel for (common/NotificationTypes.h lists the same).
CREATE FUNCTION reminder_kinds() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['deliverable.due_soon', 'deliverable.overdue', 'offer.awaiting_reply',
                 'version.awaiting_review', 'payout.details_missing']
$$;

-- No row: the defaults (every kind in the app and by e-mail, no quiet hours, UTC).
CREATE TABLE notification_settings (
    user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- {"<kind>": {"channel": "in_app" | "email" | "both" | "off", "digest": bool}}; a kind not
    -- named has the default (both, no digest). Validated by the server.
    kinds          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(kinds) = 'object'),
    quiet_start    time,
    quiet_end      time,
    -- An IANA name that both QTimeZone and PostgreSQL know (checked when written).
    time_zone      text NOT NULL DEFAULT 'UTC' CHECK (char_length(time_zone) <= 64),
    -- When the last digest went out: at most one per day of the person's time zone.
    last_digest_at timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notification_settings_quiet CHECK (
        (quiet_start IS NULL) = (quiet_end IS NULL) AND (quiet_start IS NULL OR quiet_start <> quiet_end))
);
CREATE TRIGGER notification_settings_updated_at BEFORE UPDATE ON notification_settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Mails waiting for a person's next digest.
CREATE TABLE notification_digest_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    subject     text NOT NULL,
    body_text   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    digested_at timestamptz
);
CREATE INDEX notification_digest_items_pending_idx ON notification_digest_items (user_id, id)
    WHERE digested_at IS NULL;

-- The channel of one kind for one person, and whether its mails wait for the digest.
CREATE FUNCTION notification_channel(p_user uuid, p_kind text, OUT channel text, OUT digest boolean)
LANGUAGE sql STABLE AS $$
    SELECT coalesce(s.kinds -> p_kind ->> 'channel', 'both'),
           coalesce((s.kinds -> p_kind ->> 'digest')::boolean, false)
    FROM (SELECT p_user AS id) x
    LEFT JOIN notification_settings s ON s.user_id = x.id
$$;

-- When a mail to the person written at p_at may go out: p_at, or the end of the quiet hours
-- (in the person's time zone) that p_at falls in.
CREATE FUNCTION notification_mail_at(p_user uuid, p_at timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s notification_settings;
    local timestamp;
    t time;
BEGIN
    SELECT * INTO s FROM notification_settings WHERE user_id = p_user;
    IF NOT FOUND OR s.quiet_start IS NULL THEN
        RETURN p_at;
    END IF;
    local := p_at AT TIME ZONE s.time_zone;
    t := local::time;
    IF s.quiet_start < s.quiet_end THEN
        IF t >= s.quiet_start AND t < s.quiet_end THEN
            RETURN (local::date + s.quiet_end) AT TIME ZONE s.time_zone;
        END IF;
    ELSIF t >= s.quiet_start THEN
        RETURN (local::date + 1 + s.quiet_end) AT TIME ZONE s.time_zone;
    ELSIF t < s.quiet_end THEN
        RETURN (local::date + s.quiet_end) AT TIME ZONE s.time_zone;
    END IF;
    RETURN p_at;
END;
$$;

-- A mail to one address through the outbox, sent at p_at (its own mail.send job).
CREATE FUNCTION mail_at(p_recipient text, p_subject text, p_body text, p_at timestamptz)
RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    mail_id uuid;
BEGIN
    INSERT INTO mail_outbox (recipient, subject, body_text, next_attempt_at)
    VALUES (p_recipient, left(p_subject, 200), p_body, p_at)
    RETURNING id INTO mail_id;
    PERFORM job_enqueue('mail.send', jsonb_build_object('id', mail_id), 'mail', p_at);
    RETURN mail_id;
END;
$$;

-- Tells one person about something as their settings say: in the app, by e-mail (now, after
-- the quiet hours, or in the next digest), both, or not at all. Mail only to active accounts.
CREATE FUNCTION notify_user(p_user uuid, p_kind text, p_object_type text, p_object_id uuid,
                            p_data jsonb, p_subject text, p_body text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    pref record;
    address text;
BEGIN
    SELECT * INTO pref FROM notification_channel(p_user, p_kind);
    IF pref.channel IN ('in_app', 'both') THEN
        INSERT INTO notifications (user_id, kind, object_type, object_id, data)
        VALUES (p_user, p_kind, p_object_type, p_object_id, p_data);
    END IF;
    IF pref.channel NOT IN ('email', 'both') THEN
        RETURN;
    END IF;
    SELECT email INTO address FROM users WHERE id = p_user AND status = 'active';
    IF address IS NULL THEN
        RETURN;
    END IF;
    IF pref.digest THEN
        INSERT INTO notification_digest_items (user_id, kind, subject, body_text)
        VALUES (p_user, p_kind, left(p_subject, 200), p_body);
    ELSE
        PERFORM mail_at(address, p_subject, p_body, notification_mail_at(p_user, now()));
    END IF;
END;
$$;

-- Everyone who is due a reminder now, before the once-per-window check: what about (kind,
-- object_id, window_key), whom, what the notification points at, and the mail's text. Waiting
-- reminders (offers, drafts) start after p_wait.
CREATE FUNCTION reminder_candidates(p_app_url text, p_wait interval)
RETURNS TABLE (kind text, object_id uuid, user_id uuid, window_key text, object_type text,
               notify_id uuid, data jsonb, subject text, body text)
LANGUAGE sql STABLE AS $$
    WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
    due AS (
        SELECT dl.id, dl.deal_id, dl.due_on, dl.type, dl.platform, c.name AS campaign,
               d.campaign_id,
               CASE WHEN dl.due_on < t.d THEN 'deliverable.overdue'
                    ELSE 'deliverable.due_soon' END AS kind
        FROM deliverables dl
        JOIN deals d ON d.id = dl.deal_id
        JOIN campaigns c ON c.id = d.campaign_id, today t
        WHERE dl.due_on <= t.d + 2 AND d.state IN ('accepted', 'in_progress')
          -- Overdue as the API shows it (not live); due soon while there is work left.
          AND (dl.status NOT IN ('approved', 'live')
               OR (dl.status = 'approved' AND dl.due_on < t.d)))
    SELECT due.kind, due.id, s.u, due.due_on::text, 'deliverable', due.id,
           jsonb_build_object('dealId', due.deal_id, 'campaignId', due.campaign_id,
                              'campaignName', due.campaign, 'dueDate', api_date(due.due_on),
                              'type', due.type, 'platform', due.platform),
           CASE WHEN due.kind = 'deliverable.overdue' THEN 'Overdue: ' ELSE 'Due soon: ' END
               || due.type || ' on ' || due.platform || ' for ' || due.campaign,
           CASE WHEN due.kind = 'deliverable.overdue'
                THEN 'The ' || due.type || ' on ' || due.platform || ' for "' || due.campaign
                     || '" was due on ' || api_date(due.due_on) || ' and is not live yet.'
                ELSE 'The ' || due.type || ' on ' || due.platform || ' for "' || due.campaign
                     || '" is due on ' || api_date(due.due_on) || '.' END
               || E'\n\n' || p_app_url || '/deals/' || due.deal_id || E'\n'
    FROM due, LATERAL (SELECT u FROM deal_side_users(due.deal_id, 'creator') u
                       UNION
                       SELECT u FROM deal_side_users(due.deal_id, 'brand') u
                       WHERE due.kind = 'deliverable.overdue') s(u)
    UNION ALL
    -- An open offer without an answer reminds the side it waits for, once per offer (a counter
    -- offer is a new offer); answering it (accept, decline, counter) stops it.
    SELECT 'offer.awaiting_reply', o.id, s.u, 'open', 'deal', d.id,
           jsonb_build_object('dealId', d.id, 'campaignId', c.id, 'campaignName', c.name,
                              'offerId', o.id, 'madeBy', o.made_by),
           'Waiting for your answer: an offer for ' || c.name,
           'An offer for "' || c.name || '" has been waiting for your answer since '
               || api_date((o.created_at AT TIME ZONE 'UTC')::date) || '.'
               || E'\n\n' || p_app_url || '/deals/' || d.id || E'\n'
    FROM offers o
    JOIN deals d ON d.id = o.deal_id
    JOIN campaigns c ON c.id = d.campaign_id,
    LATERAL deal_side_users(d.id, CASE o.made_by WHEN 'brand' THEN 'creator' ELSE 'brand' END) s(u)
    WHERE o.status = 'open' AND o.created_at <= now() - p_wait
      AND d.state IN ('invited', 'applied', 'negotiating')
    UNION ALL
    -- A draft in review for too long reminds the brand's people, once per version; the review
    -- stops it.
    SELECT 'version.awaiting_review', dl.id, s.u, 'v' || v.version, 'deliverable', dl.id,
           jsonb_build_object('dealId', d.id, 'campaignId', c.id, 'campaignName', c.name,
                              'version', v.version, 'type', dl.type, 'platform', dl.platform),
           'Waiting for review: ' || dl.type || ' on ' || dl.platform || ' for ' || c.name,
           'Draft ' || v.version || ' of the ' || dl.type || ' on ' || dl.platform || ' for "'
               || c.name || '" has been waiting for your review since '
               || api_date((v.submitted_at AT TIME ZONE 'UTC')::date) || '.'
               || E'\n\n' || p_app_url || '/deals/' || d.id || E'\n'
    FROM deliverable_versions v
    JOIN deliverables dl ON dl.id = v.deliverable_id
    JOIN deals d ON d.id = dl.deal_id
    JOIN campaigns c ON c.id = d.campaign_id,
    LATERAL deal_side_users(d.id, 'brand') s(u)
    WHERE v.decision IS NULL AND v.submitted_at <= now() - p_wait
      AND d.state IN ('accepted', 'in_progress')
    UNION ALL
    -- A payout owed to a creator who cannot be paid (payout_missing, 0010) reminds the creator,
    -- once per payout and set of missing details; adding them stops it.
    SELECT 'payout.details_missing', p.id, p.influencer_id,
           array_to_string(m.missing, ','), 'deal', p.deal_id,
           jsonb_build_object('dealId', p.deal_id, 'campaignId', c.id, 'campaignName', c.name,
                              'payoutId', p.id, 'amountMinor', p.amount_minor,
                              'currency', p.currency, 'missing', to_jsonb(m.missing)),
           'Add your payout details to be paid for ' || c.name,
           'A payment for "' || c.name || '" is waiting for you, but it cannot be sent: '
               || replace(array_to_string(m.missing, ' and '), '_', ' ') || ' missing.'
               || E'\n\n' || p_app_url || '/earnings' || E'\n'
    FROM payouts p
    JOIN campaigns c ON c.id = p.campaign_id,
    LATERAL (SELECT payout_missing(p.influencer_id) AS missing) m
    WHERE p.state IN ('scheduled', 'failed') AND cardinality(m.missing) > 0
$$;

-- Replaces 0018's scan: the overdue events, then every candidate not reminded in its window yet;
-- how many people were reminded. p_app_url starts the links in the mail.
CREATE OR REPLACE FUNCTION reminders_scan(p_app_url text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    reminded integer := 0;
    deliverables_reminded uuid[] := '{}';
BEGIN
    INSERT INTO deal_events (deal_id, actor_id, kind, data)
    SELECT dl.deal_id, NULL, 'deliverable.overdue',
           jsonb_build_object('deliverableId', dl.id, 'dueDate', api_date(dl.due_on))
    FROM deliverables dl
    JOIN deals d ON d.id = dl.deal_id
    WHERE dl.status <> 'live' AND dl.due_on < (now() AT TIME ZONE 'UTC')::date
      AND d.state IN ('accepted', 'in_progress')
      AND NOT EXISTS (SELECT 1 FROM deal_events e
                      WHERE e.deal_id = dl.deal_id AND e.kind = 'deliverable.overdue'
                        AND e.data ->> 'deliverableId' = dl.id::text
                        AND e.data ->> 'dueDate' = api_date(dl.due_on));
    FOR r IN SELECT * FROM reminder_candidates(p_app_url, interval '48 hours')
             ORDER BY kind, object_id, user_id LOOP
        INSERT INTO reminders_sent (kind, object_id, user_id, window_key)
        VALUES (r.kind, r.object_id, r.user_id, r.window_key)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM notify_user(r.user_id, r.kind, r.object_type, r.notify_id, r.data, r.subject,
                                r.body);
            reminded := reminded + 1;
            IF r.kind LIKE 'deliverable.%' THEN
                deliverables_reminded := deliverables_reminded || r.object_id;
            END IF;
        END IF;
    END LOOP;
    UPDATE deliverables SET last_reminded_at = now() WHERE id = ANY (deliverables_reminded);
    RETURN reminded;
END;
$$;

-- Sends the digests due now: one mail per person with items waiting whose last digest was on an
-- earlier day of their time zone, listing the items (oldest first), deferred by quiet hours like
-- any mail. How many digests were written.
CREATE FUNCTION notification_digests() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    mail_id uuid;
    sent integer := 0;
BEGIN
    FOR r IN
        SELECT u.id, u.email, coalesce(s.time_zone, 'UTC') AS tz
        FROM users u
        LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE u.status = 'active'
          AND EXISTS (SELECT 1 FROM notification_digest_items i
                      WHERE i.user_id = u.id AND i.digested_at IS NULL)
          AND (s.last_digest_at IS NULL
               OR (s.last_digest_at AT TIME ZONE s.time_zone)::date
                  < (now() AT TIME ZONE s.time_zone)::date)
        ORDER BY u.id
    LOOP
        WITH items AS (
            UPDATE notification_digest_items SET digested_at = now()
            WHERE user_id = r.id AND digested_at IS NULL
            RETURNING id, subject, body_text)
        SELECT mail_at(r.email,
                       'Your daily digest: ' || count(*) || CASE WHEN count(*) = 1 THEN ' update'
                                                              ELSE ' updates' END,
                       E'What happened since your last digest:\n\n'
                           || string_agg('* ' || subject || E'\n' || body_text, E'\n' ORDER BY id),
                       notification_mail_at(r.id, now()))
        INTO STRICT mail_id FROM items;
        INSERT INTO notification_settings (user_id, last_digest_at) VALUES (r.id, now())
        ON CONFLICT (user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at;
        sent := sent + 1;
    END LOOP;
    RETURN sent;
END;
$$;

-- The settings as GET/PUT /me/notification-settings show them, defaults filled in.
CREATE FUNCTION api_notification_settings_json(p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'kinds', (SELECT jsonb_object_agg(k, jsonb_build_object(
                      'channel', coalesce(s.kinds -> k ->> 'channel', 'both'),
                      'digest', coalesce((s.kinds -> k ->> 'digest')::boolean, false)))
                  FROM unnest(reminder_kinds()) k),
        'quietHours', CASE WHEN s.quiet_start IS NOT NULL THEN jsonb_build_object(
                          'start', to_char(s.quiet_start, 'HH24:MI'),
                          'end', to_char(s.quiet_end, 'HH24:MI')) END,
        'timeZone', coalesce(s.time_zone, 'UTC'),
        'lastDigestAt', api_time(s.last_digest_at))
    FROM (SELECT p_user AS id) x
    LEFT JOIN notification_settings s ON s.user_id = x.id
$$;
