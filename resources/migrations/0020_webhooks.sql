-- SPDX-License-Identifier: Apache-2.0
-- 0020: signed webhooks (issue 22, "Webhooks" part; server/webhooks). A brand registers endpoints
-- (URL, event filter, enabled); its deal timeline events are delivered to them signed per the
-- Standard Webhooks specification. A delivery is written, with the job that sends it, by the
-- AFTER INSERT trigger on deal_events, in the transaction of the event itself: a change that rolls
-- back delivers nothing. Sending, retrying (the handler enqueues the next attempt on the
-- delivery's own schedule) and disabling a failing endpoint are the job handler's
-- (webhooks.deliver on queue 'webhooks').
--
-- Secrets (whsec_ + base64 of 24 random bytes) are sealed by the server's TokenCipher (AES-256-GCM,
-- the key id beside the blob, the endpoint's id as associated data); the database never sees them
-- in clear. After a rotation the previous secret keeps signing until previous_expires_at.

CREATE TABLE webhook_endpoints (
    id                   uuid PRIMARY KEY,
    seq                  bigserial NOT NULL UNIQUE,
    brand_id             uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE CASCADE,
    url                  text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000),
    description          text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
    -- Event types delivered; empty: all.
    events               text[] NOT NULL DEFAULT '{}'
                         CHECK (cardinality(events) <= 50 AND array_position(events, NULL) IS NULL),
    enabled              boolean NOT NULL DEFAULT true,
    disabled_reason      text,
    secret_key_id        text NOT NULL,
    secret_blob          bytea NOT NULL,
    previous_key_id      text,
    previous_blob        bytea,
    previous_expires_at  timestamptz,
    secret_rotated_at    timestamptz,
    consecutive_failures integer NOT NULL DEFAULT 0,
    failing_since        timestamptz,
    last_success_at      timestamptz,
    created_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((previous_blob IS NULL) = (previous_expires_at IS NULL))
);
CREATE INDEX webhook_endpoints_brand_idx ON webhook_endpoints (brand_id) WHERE enabled;

CREATE TABLE webhook_deliveries (
    -- The webhook-id header: the same on every attempt and replay.
    id               text PRIMARY KEY CHECK (id ~ '^msg_[A-Za-z0-9]{16,40}$'),
    seq              bigserial NOT NULL UNIQUE,
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type       text NOT NULL CHECK (event_type ~ '^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$'),
    payload          jsonb NOT NULL,
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, seq DESC);

-- Staff of a brand hear about their endpoints (disabled after failing).
ALTER TABLE notifications DROP CONSTRAINT notifications_object_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_object_type_check
    CHECK (object_type IN ('campaign', 'deal', 'deliverable', 'webhook'));

CREATE FUNCTION webhook_message_id() RETURNS text
LANGUAGE sql VOLATILE AS $$
    SELECT 'msg_' || replace(gen_random_uuid()::text, '-', '')
$$;

-- A delivery of p_payload to one endpoint and the job that sends it, in the caller's transaction.
CREATE FUNCTION webhook_enqueue(p_endpoint uuid, p_type text, p_payload jsonb) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    new_id text := webhook_message_id();
BEGIN
    INSERT INTO webhook_deliveries (id, endpoint_id, event_type, payload, next_attempt_at)
    VALUES (new_id, p_endpoint, p_type, p_payload, now());
    PERFORM job_enqueue('webhooks.deliver', jsonb_build_object('delivery', new_id), 'webhooks');
    RETURN new_id;
END;
$$;

-- The webhook type of a deal timeline event: offer.accepted → deal.offer_accepted.
CREATE FUNCTION webhook_deal_event_type(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'deal.' || replace(p_kind, '.', '_')
$$;

-- One delivery per enabled endpoint of the deal's brand whose filter takes the event.
CREATE FUNCTION webhook_deal_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    event_type text := webhook_deal_event_type(NEW.kind);
BEGIN
    PERFORM webhook_enqueue(e.id, event_type, jsonb_build_object(
                'type', event_type, 'timestamp', api_time(NEW.created_at),
                'data', NEW.data || jsonb_build_object('eventId', NEW.id, 'dealId', NEW.deal_id,
                                                       'campaignId', d.campaign_id,
                                                       'actorId', NEW.actor_id)))
    FROM deals d
    JOIN campaigns c ON c.id = d.campaign_id
    JOIN webhook_endpoints e ON e.brand_id = c.brand_id AND e.enabled
    WHERE d.id = NEW.deal_id
      AND (cardinality(e.events) = 0 OR event_type = ANY (e.events));
    RETURN NULL;
END;
$$;
CREATE TRIGGER deal_events_webhooks AFTER INSERT ON deal_events
    FOR EACH ROW EXECUTE FUNCTION webhook_deal_event();

CREATE FUNCTION api_webhook_json(e webhook_endpoints) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', e.id, 'brandId', e.brand_id, 'url', e.url, 'description', e.description,
        'events', to_jsonb(e.events), 'enabled', e.enabled, 'disabledReason', e.disabled_reason,
        'consecutiveFailures', e.consecutive_failures, 'failingSince', api_time(e.failing_since),
        'lastSuccessAt', api_time(e.last_success_at),
        'secretRotatedAt', api_time(e.secret_rotated_at),
        'previousSecretExpiresAt', api_time(e.previous_expires_at),
        'createdAt', api_time(e.created_at), 'updatedAt', api_time(e.updated_at))
$$;

CREATE FUNCTION api_webhook_delivery_json(d webhook_deliveries) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', d.id, 'endpointId', d.endpoint_id, 'eventType', d.event_type,
        'payload', d.payload, 'status', d.status, 'attempts', d.attempts,
        'lastStatusCode', d.last_status_code, 'lastError', d.last_error,
        'nextAttemptAt', api_time(d.next_attempt_at), 'createdAt', api_time(d.created_at),
        'deliveredAt', api_time(d.delivered_at))
$$;

-- Records a failed attempt of a pending delivery: the next attempt after p_retry_seconds[n] (n:
-- the attempts made), enqueued as a job, or the delivery failed after the last pause. An endpoint
-- whose attempts failed p_max_failures times in a row, or that has failed without a success for
-- p_disable_after, is disabled and its brand's owner told (in the app and by mail). 'retrying',
-- 'failed' or 'disabled'; NULL when the delivery was not pending.
CREATE FUNCTION webhook_attempt_failed(p_delivery text, p_code integer, p_error text,
                                       p_retry_seconds integer[], p_max_failures integer,
                                       p_disable_after interval)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    d webhook_deliveries;
    e webhook_endpoints;
    pause integer;
    mail_id uuid;
BEGIN
    UPDATE webhook_deliveries
    SET attempts = attempts + 1, last_status_code = p_code, last_error = left(p_error, 500)
    WHERE id = p_delivery AND status = 'pending'
    RETURNING * INTO d;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    pause := p_retry_seconds[d.attempts];
    IF pause IS NULL THEN
        UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL
        WHERE id = p_delivery;
    ELSE
        UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => pause)
        WHERE id = p_delivery;
        PERFORM job_enqueue('webhooks.deliver', jsonb_build_object('delivery', p_delivery),
                            'webhooks', now() + make_interval(secs => pause));
    END IF;
    UPDATE webhook_endpoints
    SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
    WHERE id = d.endpoint_id
    RETURNING * INTO e;
    IF e.enabled AND (e.consecutive_failures >= p_max_failures
                      OR e.failing_since < now() - p_disable_after) THEN
        UPDATE webhook_endpoints
        SET enabled = false, updated_at = now(),
            disabled_reason = format('%s failed attempts in a row since %s', e.consecutive_failures,
                                     api_time(e.failing_since))
        WHERE id = e.id;
        INSERT INTO notifications (user_id, kind, object_type, object_id, data)
        VALUES (e.brand_id, 'webhook.disabled', 'webhook', e.id,
                jsonb_build_object('endpointId', e.id, 'url', e.url,
                                   'consecutiveFailures', e.consecutive_failures,
                                   'failingSince', api_time(e.failing_since)));
        INSERT INTO mail_outbox (recipient, subject, body_text)
        SELECT u.email, 'Webhook endpoint disabled',
               'Deliveries to ' || e.url || ' failed ' || e.consecutive_failures
               || ' times in a row since ' || api_time(e.failing_since)
               || E'. The endpoint was disabled; enable it again once it answers.\n'
        FROM users u WHERE u.id = e.brand_id AND u.status = 'active'
        RETURNING id INTO mail_id;
        IF mail_id IS NOT NULL THEN
            PERFORM job_enqueue('mail.send', jsonb_build_object('id', mail_id), 'mail');
        END IF;
        RETURN 'disabled';
    END IF;
    RETURN CASE WHEN pause IS NULL THEN 'failed' ELSE 'retrying' END;
END;
$$;

CREATE FUNCTION webhook_attempt_succeeded(p_delivery text, p_code integer) RETURNS boolean
LANGUAGE sql AS $$
    WITH d AS (
        UPDATE webhook_deliveries
        SET status = 'delivered', attempts = attempts + 1, last_status_code = p_code,
            last_error = NULL, next_attempt_at = NULL, delivered_at = now()
        WHERE id = p_delivery AND status = 'pending'
        RETURNING endpoint_id),
    e AS (
        UPDATE webhook_endpoints e
        SET consecutive_failures = 0, failing_since = NULL, last_success_at = now()
        FROM d WHERE e.id = d.endpoint_id
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM d)
$$;
