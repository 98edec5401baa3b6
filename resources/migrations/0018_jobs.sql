-- SPDX-License-Identifier: Apache-2.0
-- 0018: one job queue for all background work (server/core/jobs). A job is enqueued with
-- job_enqueue() inside the transaction of the change that causes it, so it exists exactly when
-- that change committed; the insert NOTIFYs channel 'jobs' (delivered at commit) to wake the
-- workers. Workers claim with job_claim() (FOR UPDATE SKIP LOCKED: several processes never take
-- the same row) and hold a lease (locked_until) that they renew while the job runs; a lease that
-- runs out (the process died) puts the job back through job_reclaim(). A failure is retried after
-- an exponential, jittered pause; after max_attempts the job is 'dead' until an administrator
-- retries it. Delivery is at least once: a handler must tolerate running again.
--
-- The queue's own bookkeeping (claim, succeed, fail, renew, reclaim) commits asynchronously
-- (synchronous_commit off for that transaction only, so call them on their own, as the workers
-- do): a crash of PostgreSQL may forget its last fraction of a second, which only makes a job run
-- again. WAL is one sequence, so a remembered completion implies the remembered effects of the
-- handler, whose own transactions (and every enqueue) stay as durable as configured.

CREATE TABLE jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue        text NOT NULL DEFAULT 'default' CHECK (queue ~ '^[a-z][a-z0-9_]{0,39}$'),
    kind         text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{0,79}$'),
    payload      jsonb NOT NULL DEFAULT '{}',
    -- Higher runs first among due jobs of a queue.
    priority     smallint NOT NULL DEFAULT 0,
    run_at       timestamptz NOT NULL DEFAULT now(),
    state        text NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'succeeded', 'dead')),
    attempts     integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts BETWEEN 1 AND 100),
    last_error   text,
    locked_by    text,
    locked_until timestamptz,
    -- At most one job per key while queued or running (jobs_unique_key_idx).
    unique_key   text CHECK (char_length(unique_key) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    CHECK ((state = 'running') = (locked_until IS NOT NULL))
);
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('queued', 'running');
CREATE INDEX jobs_due_idx ON jobs (queue, priority DESC, run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_dead_idx ON jobs (id) WHERE state = 'dead';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state = 'succeeded';

-- Enqueues a job in the caller's transaction; the id, or NULL when a job with the same unique
-- key is already queued or running (nothing is added then).
CREATE FUNCTION job_enqueue(p_kind text, p_payload jsonb DEFAULT '{}', p_queue text DEFAULT 'default',
                            p_run_at timestamptz DEFAULT now(), p_priority integer DEFAULT 0,
                            p_max_attempts integer DEFAULT 10, p_unique_key text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO jobs (queue, kind, payload, priority, run_at, max_attempts, unique_key)
    VALUES (p_queue, p_kind, coalesce(p_payload, '{}'), p_priority::smallint, coalesce(p_run_at, now()),
            p_max_attempts, p_unique_key)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('queued', 'running')
    DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NOT NULL THEN
        -- Equal notifications of one transaction are folded into one.
        PERFORM pg_notify('jobs', p_queue);
    END IF;
    RETURN new_id;
END;
$$;

-- Claims up to p_limit due jobs of p_queues for worker p_worker, holding them for p_lease. The
-- statement the benchmark runs with pgbench (bench/jobs).
CREATE FUNCTION job_claim(p_worker text, p_queues text[], p_limit integer, p_lease interval)
RETURNS TABLE (id bigint, kind text, payload jsonb, attempts integer, max_attempts integer)
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    -- Materialized, so that it runs once: a subquery that the plan may scan again would lock
    -- further rows on each scan (SKIP LOCKED) and claim more than p_limit.
    WITH due AS MATERIALIZED (
        SELECT c.id FROM jobs c
        WHERE c.state = 'queued' AND c.queue = ANY (p_queues) AND c.run_at <= now()
        ORDER BY c.priority DESC, c.run_at, c.id
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED)
    UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = p_worker,
                      locked_until = now() + p_lease
    FROM due
    WHERE j.id = due.id
    RETURNING j.id, j.kind, j.payload, j.attempts, j.max_attempts
$$;

-- The pause before attempt n + 1: base · 2^(n-1), at most six hours, times 0.75–1.25 so that jobs
-- that failed together do not come back together.
CREATE FUNCTION job_backoff(p_attempts integer, p_base_seconds double precision)
RETURNS interval
LANGUAGE sql VOLATILE AS $$
    SELECT make_interval(secs => least(p_base_seconds * power(2, least(greatest(p_attempts, 1) - 1, 30)),
                                       21600) * (0.75 + random() * 0.5))
$$;

-- Whether the job was still this worker's (a lease that ran out may have passed it on).
CREATE FUNCTION job_succeed(p_id bigint, p_worker text) RETURNS boolean
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    WITH done AS (
        UPDATE jobs SET state = 'succeeded', finished_at = now(), locked_by = NULL,
                        locked_until = NULL, last_error = NULL
        WHERE id = p_id AND state = 'running' AND locked_by = p_worker
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM done)
$$;

CREATE FUNCTION job_fail(p_id bigint, p_worker text, p_error text, p_base_seconds double precision)
RETURNS boolean
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    WITH failed AS (
        UPDATE jobs SET
            state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
            run_at = CASE WHEN attempts >= max_attempts THEN run_at
                          ELSE now() + job_backoff(attempts, p_base_seconds) END,
            finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
            last_error = left(p_error, 2000), locked_by = NULL, locked_until = NULL
        WHERE id = p_id AND state = 'running' AND locked_by = p_worker
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM failed)
$$;

-- Extends the leases of the jobs this worker is running.
CREATE FUNCTION job_renew(p_ids bigint[], p_worker text, p_lease interval) RETURNS integer
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    WITH renewed AS (
        UPDATE jobs SET locked_until = now() + p_lease
        WHERE id = ANY (p_ids) AND state = 'running' AND locked_by = p_worker
        RETURNING 1)
    SELECT count(*)::integer FROM renewed
$$;

-- Jobs whose lease ran out (their worker died or hung) count as a failed attempt.
CREATE FUNCTION job_reclaim(p_base_seconds double precision) RETURNS integer
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    WITH expired AS MATERIALIZED (
        SELECT id FROM jobs WHERE state = 'running' AND locked_until < now()
        FOR UPDATE SKIP LOCKED),
    reclaimed AS (
        UPDATE jobs j SET
            state = CASE WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'queued' END,
            run_at = CASE WHEN j.attempts >= j.max_attempts THEN j.run_at
                          ELSE now() + job_backoff(j.attempts, p_base_seconds) END,
            finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
            last_error = 'lease expired (worker ' || coalesce(j.locked_by, '?') || ')',
            locked_by = NULL, locked_until = NULL
        FROM expired e WHERE j.id = e.id
        RETURNING j.queue)
    SELECT count(*)::integer FROM (SELECT pg_notify('jobs', queue) FROM reclaimed) n
$$;

-- Forgets succeeded jobs after p_succeeded and dead ones after p_dead.
CREATE FUNCTION job_prune(p_succeeded interval, p_dead interval) RETURNS integer
LANGUAGE sql AS $$
    WITH pruned AS (
        DELETE FROM jobs
        WHERE (state = 'succeeded' AND finished_at < now() - p_succeeded)
           OR (state = 'dead' AND finished_at < now() - p_dead)
        RETURNING 1)
    SELECT count(*)::integer FROM pruned
$$;

-- A dead job queued again from its first attempt: its id, or NULL when it is not dead.
CREATE FUNCTION job_retry(p_id bigint) RETURNS bigint
LANGUAGE sql AS $$
    WITH retried AS (
        UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL
        WHERE id = p_id AND state = 'dead'
        RETURNING id, queue)
    SELECT r.id FROM retried r, pg_notify('jobs', r.queue) n
$$;

CREATE FUNCTION api_job_json(j jobs) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', j.id, 'queue', j.queue, 'kind', j.kind, 'payload', j.payload,
        'priority', j.priority, 'state', j.state, 'runAt', api_time(j.run_at),
        'attempts', j.attempts, 'maxAttempts', j.max_attempts, 'lastError', j.last_error,
        'lockedBy', j.locked_by, 'lockedUntil', api_time(j.locked_until),
        'uniqueKey', j.unique_key, 'createdAt', api_time(j.created_at),
        'finishedAt', api_time(j.finished_at))
$$;

-- Per queue: jobs by state, and how long the oldest due job has waited (seconds, 0 when none).
CREATE FUNCTION api_job_queues_json() RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('queues', coalesce(jsonb_agg(jsonb_build_object(
        'queue', q.queue, 'queued', q.queued, 'running', q.running, 'succeeded', q.succeeded,
        'dead', q.dead, 'oldestQueuedSeconds', q.oldest) ORDER BY q.queue), '[]'))
    FROM (SELECT queue,
                 count(*) FILTER (WHERE state = 'queued') AS queued,
                 count(*) FILTER (WHERE state = 'running') AS running,
                 count(*) FILTER (WHERE state = 'succeeded') AS succeeded,
                 count(*) FILTER (WHERE state = 'dead') AS dead,
                 coalesce(floor(extract(epoch FROM now() - min(run_at)
                          FILTER (WHERE state = 'queued' AND run_at <= now()))), 0)::bigint
                     AS oldest
          FROM jobs GROUP BY queue) q
$$;

-- Mail that was waiting in the outbox when the queue arrived is sent by it.
SELECT job_enqueue('mail.send', jsonb_build_object('id', id), 'mail')
FROM mail_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL;

-- Reminders (issue 22, first part), run by the periodic job reminders.scan: a deliverable due
-- within 48 hours reminds the creator; one that became overdue is recorded on the deal's timeline
-- and reminds both sides. Each person is reminded once per window (the deliverable's due date: a
-- new date is a new window), in the app and by e-mail through the outbox, all in one transaction.
CREATE TABLE reminders_sent (
    kind       text NOT NULL,
    object_id  uuid NOT NULL,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    window_key text NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, object_id, user_id, window_key)
);

-- The reminders due now; how many people were reminded. p_app_url starts the links in the mail.
CREATE FUNCTION reminders_scan(p_app_url text) RETURNS integer
LANGUAGE sql AS $$
    WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
    due AS (
        SELECT dl.id, dl.deal_id, dl.due_on, dl.type, dl.platform, c.name AS campaign,
               d.campaign_id,
               CASE WHEN dl.due_on < t.d THEN 'deliverable.overdue'
                    ELSE 'deliverable.due_soon' END AS kind
        FROM deliverables dl
        JOIN deals d ON d.id = dl.deal_id
        JOIN campaigns c ON c.id = d.campaign_id, today t
        WHERE dl.status NOT IN ('approved', 'live') AND dl.due_on <= t.d + 2
          AND d.state IN ('accepted', 'in_progress')),
    recipients AS (
        SELECT due.*, s.u AS user_id
        FROM due, LATERAL (SELECT u FROM deal_side_users(due.deal_id, 'creator') u
                           UNION
                           SELECT u FROM deal_side_users(due.deal_id, 'brand') u
                           WHERE due.kind = 'deliverable.overdue') s(u)),
    fresh AS (
        INSERT INTO reminders_sent (kind, object_id, user_id, window_key)
        SELECT kind, id, user_id, due_on::text FROM recipients
        ON CONFLICT DO NOTHING
        RETURNING kind, object_id, user_id),
    reminded AS (
        SELECT r.*, u.email, u.status
        FROM fresh f
        JOIN recipients r ON r.kind = f.kind AND r.id = f.object_id AND r.user_id = f.user_id
        JOIN users u ON u.id = r.user_id),
    notified AS (
        INSERT INTO notifications (user_id, kind, object_type, object_id, data)
        SELECT user_id, kind, 'deliverable', id,
               jsonb_build_object('dealId', deal_id, 'campaignId', campaign_id,
                                  'campaignName', campaign, 'dueDate', api_date(due_on),
                                  'type', type, 'platform', platform)
        FROM reminded
        RETURNING 1),
    events AS (
        INSERT INTO deal_events (deal_id, actor_id, kind, data)
        SELECT DISTINCT ON (r.id) r.deal_id, NULL::uuid, 'deliverable.overdue',
               jsonb_build_object('deliverableId', r.id, 'dueDate', api_date(r.due_on))
        FROM reminded r
        WHERE r.kind = 'deliverable.overdue'
          AND NOT EXISTS (SELECT 1 FROM deal_events e
                          WHERE e.deal_id = r.deal_id AND e.kind = 'deliverable.overdue'
                            AND e.data->>'deliverableId' = r.id::text
                            AND e.data->>'dueDate' = api_date(r.due_on))
        RETURNING 1),
    marked AS (
        UPDATE deliverables SET last_reminded_at = now()
        WHERE id IN (SELECT id FROM reminded)
        RETURNING 1),
    mailed AS (
        INSERT INTO mail_outbox (recipient, subject, body_text)
        SELECT email,
               left(CASE WHEN kind = 'deliverable.overdue'
                         THEN 'Overdue: ' ELSE 'Due soon: ' END
                    || type || ' on ' || platform || ' for ' || campaign, 200),
               CASE WHEN kind = 'deliverable.overdue'
                    THEN 'The ' || type || ' on ' || platform || ' for "' || campaign
                         || '" was due on ' || api_date(due_on) || ' and is not live yet.'
                    ELSE 'The ' || type || ' on ' || platform || ' for "' || campaign
                         || '" is due on ' || api_date(due_on) || '.' END
               || E'\n\n' || p_app_url || '/deals/' || deal_id || E'\n'
        FROM reminded
        WHERE status = 'active'
        RETURNING id)
    -- Data-modifying parts run whether read or not; the enqueue is a SELECT and must be read.
    SELECT (SELECT count(*) FROM reminded)::integer
    FROM (SELECT count(job_enqueue('mail.send', jsonb_build_object('id', id), 'mail')) FROM mailed) q
$$;
