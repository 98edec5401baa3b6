-- What one server worker runs per job (server/core/jobs/JobWorker.cpp): claim one due job of the
-- server's queues with a lease, then record that it succeeded (the empty handler ran).
SELECT coalesce((SELECT id FROM job_claim('pgbench-' || :client_id, '{mail,maintenance}', 1, '60000 milliseconds')), 0) AS id \gset
SELECT job_succeed(:id, 'pgbench-' || :client_id);
