-- SPDX-License-Identifier: Apache-2.0
-- An unclaimed payout's time counts from when the creator's payout details went missing, when
-- that was after the payout became payable (issue 18). 0023 counted PAYOUT_UNCLAIMED_DAYS from
-- the payable day only: a creator whose Stripe account was disabled (or whose tax form lapsed)
-- on day 29 of a payable payout had one day to mend it, and one disabled on day 40 lost the
-- payout at the next hourly scan, unwarned. Now they get the full time from that moment, and
-- the week's warning before it.

-- When the row's details last went from complete to incomplete; NULL while complete, and for a
-- row never complete (details that were never given did not "go missing": the time counts from
-- the payable day, as before). Rows from before this migration: unknown, NULL.
ALTER TABLE payout_accounts ADD COLUMN missing_since timestamptz;

-- The details payout_missing() (0010) asks for, all there.
CREATE FUNCTION payout_account_complete(a payout_accounts) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.account_id IS NOT NULL AND a.payouts_enabled AND a.tax_form IS NOT NULL
       AND a.tax_form_received_on IS NOT NULL
$$;

CREATE FUNCTION payout_accounts_track_missing() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF payout_account_complete(NEW) THEN
        NEW.missing_since := NULL;
    ELSIF TG_OP = 'INSERT' THEN
        NEW.missing_since := NULL;
    ELSIF payout_account_complete(OLD) THEN
        NEW.missing_since := now();
    END IF; -- incomplete before and after: it keeps the time it went missing
    RETURN NEW;
END;
$$;

CREATE TRIGGER payout_accounts_missing_since BEFORE INSERT OR UPDATE ON payout_accounts
    FOR EACH ROW EXECUTE FUNCTION payout_accounts_track_missing();

-- When a payout blocked by missing payout details goes back to the brand: p_days after its
-- condition was met, or after the creator's details went missing when that was later.
CREATE OR REPLACE FUNCTION payout_unclaimed_at(p payouts, p_days integer) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT greatest(p.condition_met_at,
                    (SELECT a.missing_since FROM payout_accounts a
                     WHERE a.influencer_id = p.influencer_id))
           + make_interval(days => p_days)
$$;
