-- SPDX-License-Identifier: Apache-2.0
-- 0016: recommendations. What the recommender (server/recommendations/) reads beyond discovery:
-- the audience of each account, and the captions of a creator's recent posts. Both reach the
-- per-process feature store through discovery's change log (0008): a change notes the creator,
-- and the next request of any server process re-reads them.
--
-- account_audience: the share of an account's audience per country or language, as a platform
-- reports it (Instagram's follower_demographics) or as the seeder makes it for demo and bench
-- data. The shares of one account and dimension sum to at most 1 (the platforms list the top
-- codes only). A creator without rows is judged by their profile's country and languages.

CREATE TABLE account_audience (
    account_id uuid NOT NULL REFERENCES connected_accounts (id) ON DELETE CASCADE,
    dimension  text NOT NULL CHECK (dimension IN ('country', 'language')),
    code       text NOT NULL CHECK (code ~ '^[A-Za-z]{2,3}$'),
    share      real NOT NULL CHECK (share BETWEEN 0 AND 1),
    as_of      date NOT NULL DEFAULT CURRENT_DATE,
    PRIMARY KEY (account_id, dimension, code)
);

-- The creators of the accounts in `accounts`, noted in discovery's change log.
CREATE FUNCTION discovery_note_accounts(accounts uuid[]) RETURNS void
LANGUAGE sql AS $$
    SELECT discovery_note(ARRAY(SELECT a.influencer_id FROM connected_accounts a
                                WHERE a.id = ANY (accounts)));
$$;

CREATE FUNCTION account_audience_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM discovery_note_accounts(ARRAY(SELECT account_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM discovery_note_accounts(ARRAY(SELECT account_id FROM old_rows));
    ELSE
        PERFORM discovery_note_accounts(
            ARRAY(SELECT account_id FROM new_rows UNION SELECT account_id FROM old_rows));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER account_audience_insert AFTER INSERT ON account_audience
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_audience_note();
CREATE TRIGGER account_audience_update AFTER UPDATE ON account_audience
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_audience_note();
CREATE TRIGGER account_audience_delete AFTER DELETE ON account_audience
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION account_audience_note();

-- A post's caption is part of its creator's content vector: new, removed and re-captioned posts
-- note the creator (statement-level, so a bulk import notes each creator once).
CREATE TRIGGER posts_discovery_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE TRIGGER posts_discovery_delete AFTER DELETE ON posts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION discovery_note_rows('influencer_id');
CREATE FUNCTION posts_caption_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM discovery_note(ARRAY[NEW.influencer_id, OLD.influencer_id]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER posts_discovery_caption AFTER UPDATE OF caption, influencer_id, published_at ON posts
    FOR EACH ROW WHEN (OLD.caption IS DISTINCT FROM NEW.caption
                       OR OLD.influencer_id IS DISTINCT FROM NEW.influencer_id
                       OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION posts_caption_note();

-- The declines of the last 90 days: brand offers a creator declined, found by the deal.
CREATE INDEX offers_declined_idx ON offers (responded_at)
    WHERE status = 'declined' AND made_by = 'brand';
-- Completed deals, for past performance.
CREATE INDEX deals_completed_idx ON deals (influencer_id) WHERE state = 'completed';
