-- SPDX-License-Identifier: Apache-2.0
-- 0009: a version per account's metric series, behind each server process's cache of metric
-- responses (server/profiles/MetricsCache.*, GET /api/v1/connected-accounts/{id}/metrics).
--
-- Every write to an account's snapshots in account_metrics notes the account here with the id of
-- the writing transaction (xid8: 64 bits with the epoch, so it never wraps). That id is unique
-- to the transaction and the row carrying it becomes visible only when the transaction commits,
-- so a pair (account, change_xid) names one committed state of the account's series: any later
-- write, by any process, replaces the value with its own transaction's id. A cache keyed by the
-- pair needs no invalidation messages between processes: a reader that reads the version first
-- and the series after (a later statement) gets a series at least as new as the version says.
-- (A sequence would not do either: a value is taken before commit, and two transactions that
-- commit in the other order would leave the older state under the newer number.)
--
-- An account without a row has had no snapshot written since this migration: its version is 0.
-- Accounts that have snapshots already are noted below, so that none has a changed series under
-- version 0. The row goes with its account (a deleted account answers 404 anyway). After a
-- restore into another cluster, whose transaction ids may be lower, restart the servers (their
-- caches are in memory).
CREATE TABLE account_metrics_changes (
    account_id uuid PRIMARY KEY REFERENCES connected_accounts (id) ON DELETE CASCADE,
    change_xid xid8 NOT NULL
);

-- In account order, as discovery_note (0008) does: two transactions noting the same accounts
-- lock their rows in the same order and cannot deadlock on them. Only accounts that still exist:
-- deleting an account deletes its snapshots through the foreign key (ON DELETE CASCADE), which
-- runs these triggers after the account's row is gone, and there is nothing left to version.
CREATE FUNCTION account_metrics_note(accounts uuid[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO account_metrics_changes (account_id, change_xid)
    SELECT DISTINCT t.a, pg_current_xact_id() FROM unnest(accounts) AS t(a)
    WHERE EXISTS (SELECT 1 FROM connected_accounts c WHERE c.id = t.a)
    ORDER BY 1
    ON CONFLICT (account_id) DO UPDATE SET change_xid = EXCLUDED.change_xid;
$$;

-- Statement-level, so that a bulk insert (the seeder, a sync of many days) notes each account
-- once. INSERT … ON CONFLICT DO UPDATE runs both the insert and the update trigger.
CREATE FUNCTION account_metrics_note_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM account_metrics_note(ARRAY(SELECT account_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM account_metrics_note(ARRAY(SELECT account_id FROM old_rows));
    ELSE
        PERFORM account_metrics_note(
            ARRAY(SELECT account_id FROM new_rows UNION SELECT account_id FROM old_rows));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER account_metrics_changes_insert AFTER INSERT ON account_metrics
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_metrics_note_rows();
CREATE TRIGGER account_metrics_changes_update AFTER UPDATE ON account_metrics
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_metrics_note_rows();
CREATE TRIGGER account_metrics_changes_delete AFTER DELETE ON account_metrics
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_metrics_note_rows();

-- TRUNCATE has no transition table: every account that has ever had snapshots (all of them
-- have a row) gets a new version. (TRUNCATE … CASCADE from connected_accounts or users empties
-- this table too.)
CREATE FUNCTION account_metrics_note_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE account_metrics_changes SET change_xid = pg_current_xact_id();
    RETURN NULL;
END;
$$;
CREATE TRIGGER account_metrics_changes_truncate AFTER TRUNCATE ON account_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION account_metrics_note_truncate();

-- Accounts that have snapshots already.
INSERT INTO account_metrics_changes (account_id, change_xid)
SELECT DISTINCT account_id, pg_current_xact_id() FROM account_metrics ORDER BY 1;
