-- SPDX-License-Identifier: Apache-2.0
-- 0032: recording a delivered webhook no longer waits for the disk, nor for the other workers
-- (issue 22; bench/webhooks/run found it).
--
-- webhook_attempt_succeeded() (0020) committed synchronously and updated the endpoint's row on
-- every success, so workers delivering to one endpoint queued behind each other's WAL flush on
-- that row's lock. Its commit is now asynchronous, as the job queue's own are (0018): if the
-- database crashes within the WAL writer's delay after the commit, the record is lost and the
-- job runs again, which delivers the event a second time, which the Standard Webhooks contract
-- allows (receivers de-duplicate by webhook-id). The endpoint's row is written only when it
-- changes something readers see: failures to clear, or a last success older than ten seconds.

CREATE OR REPLACE FUNCTION webhook_attempt_succeeded(p_delivery text, p_code integer)
RETURNS boolean
LANGUAGE sql AS $$
    SELECT set_config('synchronous_commit', 'off', true);
    WITH d AS (
        UPDATE webhook_deliveries
        SET status = 'delivered', attempts = attempts + 1, last_status_code = p_code,
            last_error = NULL, next_attempt_at = NULL, delivered_at = now()
        WHERE id = p_delivery AND status = 'pending'
        RETURNING endpoint_id),
    e AS (
        UPDATE webhook_endpoints e
        SET consecutive_failures = 0, failing_since = NULL, last_success_at = now()
        FROM d
        WHERE e.id = d.endpoint_id
          AND (e.consecutive_failures <> 0 OR e.failing_since IS NOT NULL
               OR e.last_success_at IS NULL OR e.last_success_at < now() - interval '10 seconds')
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM d)
$$;
