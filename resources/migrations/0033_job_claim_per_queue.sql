-- SPDX-License-Identifier: Apache-2.0
-- 0033: claiming a job costs the same with 10 or 100 000 jobs queued (issue 22; found by
-- bench/webhooks/run).
--
-- job_claim() (0018) filtered `queue = ANY (p_queues)`, which jobs_due_idx (queue, priority
-- DESC, run_at, id) cannot return in the claim's order, so every claim read and sorted every
-- queued job of those queues: 1.4 ms with 2 000 webhook deliveries waiting, growing with the
-- queue. Now each queue is read on its own in the index's order (at most p_limit due rows each,
-- locked with SKIP LOCKED as before) and the best p_limit of those are claimed, in the same
-- global order (priority, then run_at, then id). Rows locked but not claimed are released at the
-- claim's commit; meanwhile other workers skip them, as they skip any claim in progress.

CREATE OR REPLACE FUNCTION job_claim(p_worker text, p_queues text[], p_limit integer,
                                     p_lease interval)
RETURNS TABLE (id bigint, kind text, payload jsonb, attempts integer, max_attempts integer)
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    -- Materialized, so that it runs once: a subquery that the plan may scan again would lock
    -- further rows on each scan (SKIP LOCKED) and claim more than p_limit.
    WITH due AS MATERIALIZED (
        SELECT c.id
        FROM unnest(p_queues) AS q(name)
        CROSS JOIN LATERAL (
            SELECT j.id, j.priority, j.run_at FROM jobs j
            WHERE j.state = 'queued' AND j.queue = q.name AND j.run_at <= now()
            ORDER BY j.priority DESC, j.run_at, j.id
            LIMIT p_limit
            FOR UPDATE SKIP LOCKED) c
        ORDER BY c.priority DESC, c.run_at, c.id
        LIMIT p_limit)
    UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = p_worker,
                      locked_until = now() + p_lease
    FROM due
    WHERE j.id = due.id
    RETURNING j.id, j.kind, j.payload, j.attempts, j.max_attempts
$$;
