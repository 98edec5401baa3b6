-- SPDX-License-Identifier: Apache-2.0
-- 0008: the change log behind discovery's in-memory index (server/profiles/DiscoveryIndex.*).
--
-- Each server process keeps what discovery filters and sorts on in memory and, before answering
-- a search, reads the creators changed since it last looked. Every change to what it mirrors
-- (influencer_details, connected_accounts, influencer_rates, users.status) notes the creator here
-- with the id of the writing transaction. The reader remembers the xmin of the snapshot it read
-- with: every transaction that snapshot did not see has an id at or above it (it was running or
-- had not started), so re-reading the rows noted with an id >= that xmin misses nothing, however
-- late a transaction commits. (A sequence would not do: its values are taken before commit, so a
-- late commit can carry a value below one already read.) A deleted creator's row stays as its
-- tombstone; re-reading a row is harmless (the reader applies the creator's current state).
CREATE TABLE discovery_changes (
    user_id    uuid PRIMARY KEY,
    change_xid xid8 NOT NULL
);
CREATE INDEX discovery_changes_xid_idx ON discovery_changes (change_xid);

CREATE FUNCTION discovery_note(creators uuid[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO discovery_changes (user_id, change_xid)
    SELECT DISTINCT c, pg_current_xact_id() FROM unnest(creators) AS t(c) ORDER BY 1
    ON CONFLICT (user_id) DO UPDATE SET change_xid = EXCLUDED.change_xid;
$$;

-- Statement-level, so that bulk loads note each creator once; TG_ARGV[0] names the creator column.
CREATE FUNCTION discovery_note_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT discovery_note(ARRAY(SELECT %I FROM new_rows))', TG_ARGV[0]);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT discovery_note(ARRAY(SELECT %I FROM old_rows))', TG_ARGV[0]);
    ELSE
        EXECUTE format('SELECT discovery_note(ARRAY(SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows))',
                       TG_ARGV[0]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER influencer_details_discovery_insert AFTER INSERT ON influencer_details
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('user_id');
CREATE TRIGGER influencer_details_discovery_update AFTER UPDATE ON influencer_details
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('user_id');
CREATE TRIGGER influencer_details_discovery_delete AFTER DELETE ON influencer_details
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('user_id');

CREATE TRIGGER connected_accounts_discovery_insert AFTER INSERT ON connected_accounts
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE TRIGGER connected_accounts_discovery_update AFTER UPDATE ON connected_accounts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE TRIGGER connected_accounts_discovery_delete AFTER DELETE ON connected_accounts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');

CREATE TRIGGER influencer_rates_discovery_insert AFTER INSERT ON influencer_rates
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE TRIGGER influencer_rates_discovery_update AFTER UPDATE ON influencer_rates
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE TRIGGER influencer_rates_discovery_delete AFTER DELETE ON influencer_rates
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');

-- Disabling or enabling a user hides or shows their creator profile (deleting a user deletes the
-- profile, which notes it above).
CREATE FUNCTION discovery_note_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM discovery_note(ARRAY[NEW.id]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_discovery_status AFTER UPDATE OF status ON users
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION discovery_note_user();
