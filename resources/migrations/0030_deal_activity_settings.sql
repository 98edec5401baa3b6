-- SPDX-License-Identifier: Apache-2.0
-- 0030: what happens on a deal's timeline (an offer, a message, a draft, a review, a post, a
-- payout) honours the notification settings like the reminders do (issue 22).
--
-- Until now record_deal_event() (0005) wrote the other side's in-app notifications directly, so
-- nobody could turn them off or have them by e-mail. They now form one settable kind,
-- 'deal.activity', whose default is the app only (a mail per message or draft would be too many
-- for most people); 'email' or 'both' sends each by mail, through a notifications.deal_activity
-- job that writes the text with the links (the server knows APP_URL, the database does not), and
-- the quiet hours and the daily digest apply as for every mail. The notification's own kind stays
-- the event's ('offer.accepted', 'message.posted', …), so the apps' texts do not change.

CREATE OR REPLACE FUNCTION reminder_kinds() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['deal.activity', 'deliverable.due_soon', 'deliverable.overdue',
                 'offer.awaiting_reply', 'version.awaiting_review', 'payout.details_missing',
                 'payout.late', 'payout.unclaimed']
$$;

-- The channel of a kind for someone who has not set one.
CREATE FUNCTION notification_default_channel(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_kind WHEN 'deal.activity' THEN 'in_app' ELSE 'both' END
$$;

CREATE OR REPLACE FUNCTION notification_channel(p_user uuid, p_kind text, OUT channel text,
                                                OUT digest boolean)
LANGUAGE sql STABLE AS $$
    SELECT coalesce(s.kinds -> p_kind ->> 'channel', notification_default_channel(p_kind)),
           coalesce((s.kinds -> p_kind ->> 'digest')::boolean, false)
    FROM (SELECT p_user AS id) x
    LEFT JOIN notification_settings s ON s.user_id = x.id
$$;

CREATE OR REPLACE FUNCTION api_notification_settings_json(p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'kinds', (SELECT jsonb_object_agg(k, jsonb_build_object(
                      'channel', coalesce(s.kinds -> k ->> 'channel',
                                          notification_default_channel(k)),
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

-- The e-mail half of notify_user(): to an active account, now, after the quiet hours, or into
-- the next digest, as the person's setting of `p_setting` says. Whether the channel includes
-- e-mail is the caller's to check.
CREATE FUNCTION notify_mail(p_user uuid, p_setting text, p_subject text, p_body text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    pref record;
    address text;
BEGIN
    SELECT email INTO address FROM users WHERE id = p_user AND status = 'active';
    IF address IS NULL THEN
        RETURN;
    END IF;
    SELECT * INTO pref FROM notification_channel(p_user, p_setting);
    IF pref.digest THEN
        INSERT INTO notification_digest_items (user_id, kind, subject, body_text)
        VALUES (p_user, p_setting, left(p_subject, 200), p_body);
    ELSE
        PERFORM mail_at(address, p_subject, p_body, notification_mail_at(p_user, now()));
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION notify_user(p_user uuid, p_kind text, p_object_type text,
                                       p_object_id uuid, p_data jsonb, p_subject text,
                                       p_body text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    pref record;
BEGIN
    SELECT * INTO pref FROM notification_channel(p_user, p_kind);
    IF pref.channel IN ('in_app', 'both') THEN
        INSERT INTO notifications (user_id, kind, object_type, object_id, data)
        VALUES (p_user, p_kind, p_object_type, p_object_id, p_data);
    END IF;
    IF pref.channel IN ('email', 'both') THEN
        PERFORM notify_mail(p_user, p_kind, p_subject, p_body);
    END IF;
END;
$$;

-- Appends to a deal's timeline and, when `notify` names a side, tells its people (except the
-- actor) in the same transaction as their 'deal.activity' setting says: in the app at once, by
-- e-mail through a job (deal_activity_mail() below).
CREATE OR REPLACE FUNCTION record_deal_event(p_deal uuid, p_actor uuid, p_kind text, p_data jsonb,
                                             p_notify text, p_object_type text, p_object_id uuid)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    pref record;
BEGIN
    INSERT INTO deal_events (deal_id, actor_id, kind, data)
    VALUES (p_deal, p_actor, p_kind, p_data);
    IF p_notify IS NULL THEN
        RETURN;
    END IF;
    FOR r IN
        SELECT s.u, p_data || jsonb_build_object('dealId', p_deal, 'campaignId', d.campaign_id,
                                                 'campaignName', c.name) AS data
        FROM deal_side_users(p_deal, p_notify) AS s(u)
        JOIN deals d ON d.id = p_deal
        JOIN campaigns c ON c.id = d.campaign_id
        WHERE s.u IS DISTINCT FROM p_actor
    LOOP
        SELECT * INTO pref FROM notification_channel(r.u, 'deal.activity');
        IF pref.channel IN ('in_app', 'both') THEN
            INSERT INTO notifications (user_id, kind, object_type, object_id, data)
            VALUES (r.u, p_kind, p_object_type, p_object_id, r.data);
        END IF;
        IF pref.channel IN ('email', 'both') THEN
            PERFORM job_enqueue('notifications.deal_activity',
                                jsonb_build_object('user', r.u, 'deal', p_deal, 'kind', p_kind,
                                                   'side', p_notify, 'data', r.data),
                                'mail');
        END IF;
    END LOOP;
END;
$$;

-- Digits after the decimal point of an ISO 4217 currency (common/Money.cpp has the same table).
CREATE FUNCTION currency_minor_digits(p_currency text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p_currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF',
                            'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN p_currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN p_currency IN ('CLF', 'UYW') THEN 4
        ELSE 2 END
$$;

-- "1234.50 EUR", as formatMoneyPlain() (common/Money.h) writes it: for mails and logs.
CREATE FUNCTION money_plain(p_minor bigint, p_currency text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_minor < 0 THEN '-' ELSE '' END
           || CASE WHEN currency_minor_digits(p_currency) = 0 THEN abs(p_minor)::text
                   ELSE round(abs(p_minor)::numeric
                              / power(10::numeric, currency_minor_digits(p_currency)),
                              currency_minor_digits(p_currency))::text END
           || ' ' || p_currency
$$;

-- The mail of one deal event to one person (the payload record_deal_event() enqueued), sent as
-- their settings say now: nothing if they have turned e-mail off meanwhile. The other party is
-- named as the apps name it: the brand's company for the creator, the creator for the brand.
-- Whether a mail was written.
CREATE FUNCTION deal_activity_mail(p_payload jsonb, p_app_url text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    recipient uuid := (p_payload ->> 'user')::uuid;
    deal uuid := (p_payload ->> 'deal')::uuid;
    kind text := p_payload ->> 'kind';
    data jsonb := coalesce(p_payload -> 'data', '{}');
    pref record;
    party text;
    campaign text;
    sentence text;
    detail text := '';
BEGIN
    SELECT * INTO pref FROM notification_channel(recipient, 'deal.activity');
    IF pref.channel NOT IN ('email', 'both') THEN
        RETURN false;
    END IF;
    SELECT c.name,
           CASE WHEN p_payload ->> 'side' = 'creator'
                THEN coalesce((SELECT b.company_name FROM brand_details b
                               WHERE b.user_id = d.brand_id), 'The brand')
                ELSE coalesce((SELECT i.display_name FROM influencer_details i
                               WHERE i.user_id = d.influencer_id), 'The creator') END
    INTO campaign, party
    FROM deals d JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.id = deal;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    sentence := CASE kind
        WHEN 'deal.invited' THEN party || ' invited you to collaborate'
        WHEN 'deal.applied' THEN party || ' applied to your campaign'
        WHEN 'offer.made' THEN party || ' sent an offer'
        WHEN 'offer.accepted' THEN party || ' accepted your offer'
        WHEN 'offer.declined' THEN party || ' declined your offer'
        WHEN 'deal.withdrawn' THEN party || ' withdrew from the deal'
        WHEN 'deal.started' THEN 'Work on the deal with ' || party || ' has started'
        WHEN 'deal.completed' THEN 'The deal with ' || party || ' is completed'
        WHEN 'deal.cancelled' THEN 'The deal with ' || party || ' is cancelled'
        WHEN 'deliverable.submitted' THEN party || ' sent a draft for your review'
        WHEN 'deliverable.reviewed' THEN party || ' reviewed your draft'
        WHEN 'deliverable.live' THEN party || ' published a post'
        WHEN 'message.posted' THEN party || ' sent you a message'
        WHEN 'payout.scheduled' THEN 'A payout from ' || party || ' is scheduled'
        WHEN 'payout.paid' THEN 'A payout from ' || party || ' was paid'
        WHEN 'payout.failed' THEN 'A payout to ' || party || ' failed'
        WHEN 'payout.reversed' THEN 'A payout to ' || party || ' was reversed'
        ELSE 'There is news on the deal with ' || party
    END || ' (' || campaign || ')';
    IF kind = 'message.posted' AND coalesce(data ->> 'excerpt', '') <> '' THEN
        detail := E'\n\n“' || (data ->> 'excerpt') || '”';
    ELSIF kind = 'deliverable.reviewed' AND data ? 'decision' THEN
        detail := E'\n\nDecision: ' || replace(data ->> 'decision', '_', ' ') || '.';
    ELSIF kind LIKE 'payout.%' AND data ? 'amountMinor' THEN
        detail := E'\n\nAmount: ' || money_plain((data ->> 'amountMinor')::bigint,
                                                  coalesce(data ->> 'currency', '')) || '.';
    END IF;
    PERFORM notify_mail(recipient, 'deal.activity', sentence,
                        sentence || '.' || detail || E'\n\n' || p_app_url || '/deals/' || deal
                        || E'\n\nYou get these mails because your notification settings send '
                        || E'deal activity by e-mail.\n');
    RETURN true;
END;
$$;
