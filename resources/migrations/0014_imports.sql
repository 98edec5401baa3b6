-- SPDX-License-Identifier: Apache-2.0
-- 0014: bulk imports of metric files (POST /api/v1/analytics/imports).
--
-- Each file an importer sends is remembered by its SHA-256 with the report it was answered: the
-- same file again (same importer, same kind) answers that report with "duplicate": true and
-- changes nothing. The rows themselves go to post_metrics (source 'import') and account_metrics;
-- which file wrote a row is not kept per row (a later file or the sync may overwrite it).
CREATE TABLE metric_imports (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    importer_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('post_metrics', 'account_metrics')),
    sha256         bytea NOT NULL CHECK (octet_length(sha256) = 32),
    content_type   text NOT NULL CHECK (content_type IN ('text/csv', 'application/x-ndjson')),
    bytes          bigint NOT NULL CHECK (bytes >= 0),
    rows_taken     bigint NOT NULL CHECK (rows_taken >= 0),
    rows_unchanged bigint NOT NULL CHECK (rows_unchanged >= 0),
    rows_refused   bigint NOT NULL CHECK (rows_refused >= 0),
    -- The first 1 000 refused rows as the report lists them: [{"line", "reason", "code"}].
    refused        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(refused) = 'array'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (importer_id, kind, sha256)
);

-- The report of an import, as the API answers it.
CREATE FUNCTION api_metric_import_json(i metric_imports, duplicate boolean) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'importId', i.id, 'kind', i.kind, 'rowsTaken', i.rows_taken,
        'rowsUnchanged', i.rows_unchanged, 'rowsRefused', i.rows_refused,
        'refused', i.refused, 'duplicate', duplicate, 'createdAt', api_time(i.created_at))
$$;
