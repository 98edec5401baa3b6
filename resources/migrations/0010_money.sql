-- SPDX-License-Identifier: Apache-2.0
-- 0010: money. A double-entry ledger of integer minor units under every campaign's budget, the
-- payment terms an offer carries, the payouts they lead to, creators' payout readiness, stored
-- answers of idempotent requests, provider events and an audit log.
--
-- The database keeps the money invariants whatever the code does:
--  * Transfers and entries are append-only (triggers, and no UPDATE/DELETE/TRUNCATE privilege
--    even for the owner): a correction is a new transfer.
--  * Every transfer moves one positive amount between two accounts of one currency, written as
--    two entries that sum to zero; the accounts' balances change in the same statement
--    (ledger_transfer), with both rows locked in id order so that concurrent transfers never
--    deadlock, and no balance goes below its account's limit (CHECK as the backstop).
--  * The money follows the deals by triggers: accepting reserves the fee from the campaign's
--    budget (or fails with budget_exceeded), a met payment condition makes an installment payable,
--    withdrawing or cancelling releases what was not paid, changing a campaign's budget moves
--    the difference from or to the brand's funding (never below what is committed and paid).
--
-- Balances: a transfer of A from D to C lowers D's balance by A and raises C's by A, so all
-- balances sum to zero. A brand's funding goes negative by what it has put into budgets.
--
--   brand_funding ──budget──▶ campaign_budget ──reservation──▶ deal_reserved
--     ──payout_due──▶ creator_payable ──payout_sent──▶ provider_clearing ──payout_paid──▶ paid_out
-- (and back along the same arrows for a lowered budget, a release, a cancelled or failed payout).

CREATE TABLE ledger_accounts (
    id                bigserial PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('brand_funding', 'campaign_budget',
                                                    'deal_reserved', 'creator_payable',
                                                    'provider_clearing', 'paid_out')),
    brand_id          uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE RESTRICT,
    campaign_id       uuid REFERENCES campaigns (id) ON DELETE RESTRICT,
    deal_id           uuid REFERENCES deals (id) ON DELETE RESTRICT,
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    balance_minor     bigint NOT NULL DEFAULT 0,
    -- The lowest balance allowed; NULL for no limit (a brand's funding).
    min_balance_minor bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_accounts_limit CHECK (min_balance_minor IS NULL
                                            OR balance_minor >= min_balance_minor),
    CONSTRAINT ledger_accounts_scope CHECK (
        (kind = 'brand_funding' AND campaign_id IS NULL AND deal_id IS NULL)
        OR (kind = 'campaign_budget' AND campaign_id IS NOT NULL AND deal_id IS NULL)
        OR (kind NOT IN ('brand_funding', 'campaign_budget')
            AND campaign_id IS NOT NULL AND deal_id IS NOT NULL))
);
CREATE UNIQUE INDEX ledger_accounts_key ON ledger_accounts (
    kind, brand_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(deal_id, '00000000-0000-0000-0000-000000000000'), currency);
CREATE INDEX ledger_accounts_campaign_idx ON ledger_accounts (campaign_id, kind);
CREATE INDEX ledger_accounts_deal_idx ON ledger_accounts (deal_id, kind) WHERE deal_id IS NOT NULL;

CREATE TABLE ledger_transfers (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq               bigserial NOT NULL UNIQUE,
    debit_account_id  bigint NOT NULL REFERENCES ledger_accounts (id),
    credit_account_id bigint NOT NULL REFERENCES ledger_accounts (id),
    amount_minor      bigint NOT NULL CHECK (amount_minor > 0),
    currency          char(3) NOT NULL,
    cause             text NOT NULL CHECK (cause IN ('budget', 'reservation', 'release',
                                                     'payout_due', 'payout_cancelled',
                                                     'payout_sent', 'payout_failed',
                                                     'payout_paid', 'adjustment')),
    campaign_id       uuid REFERENCES campaigns (id) ON DELETE RESTRICT,
    deal_id           uuid REFERENCES deals (id) ON DELETE RESTRICT,
    payout_id         uuid,
    -- Who caused it (NULL: the system, e.g. the payout sender).
    actor_id          uuid REFERENCES users (id) ON DELETE RESTRICT,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_transfers_two_accounts CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX ledger_transfers_campaign_idx ON ledger_transfers (campaign_id, seq);
CREATE INDEX ledger_transfers_payout_idx ON ledger_transfers (payout_id) WHERE payout_id IS NOT NULL;

CREATE TABLE ledger_entries (
    id                  bigserial PRIMARY KEY,
    transfer_id         uuid NOT NULL REFERENCES ledger_transfers (id),
    account_id          bigint NOT NULL REFERENCES ledger_accounts (id),
    amount_minor        bigint NOT NULL CHECK (amount_minor <> 0),
    balance_after_minor bigint NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id, id);
CREATE INDEX ledger_entries_transfer_idx ON ledger_entries (transfer_id);

CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The account of a kind for a brand, campaign and deal, opened on first use.
CREATE FUNCTION ledger_account(p_kind text, p_brand uuid, p_campaign uuid, p_deal uuid,
                               p_currency text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    account bigint;
BEGIN
    SELECT a.id INTO account FROM ledger_accounts a
    WHERE a.kind = p_kind AND a.brand_id = p_brand
      AND a.campaign_id IS NOT DISTINCT FROM p_campaign AND a.deal_id IS NOT DISTINCT FROM p_deal
      AND a.currency = p_currency;
    IF account IS NULL THEN
        INSERT INTO ledger_accounts (kind, brand_id, campaign_id, deal_id, currency,
                                     min_balance_minor)
        VALUES (p_kind, p_brand, p_campaign, p_deal, p_currency,
                CASE WHEN p_kind = 'brand_funding' THEN NULL ELSE 0 END)
        ON CONFLICT DO NOTHING
        RETURNING id INTO account;
        IF account IS NULL THEN -- opened concurrently
            SELECT a.id INTO account FROM ledger_accounts a
            WHERE a.kind = p_kind AND a.brand_id = p_brand
              AND a.campaign_id IS NOT DISTINCT FROM p_campaign
              AND a.deal_id IS NOT DISTINCT FROM p_deal AND a.currency = p_currency;
        END IF;
    END IF;
    RETURN account;
END;
$$;

-- Moves `p_amount` (> 0; 0 does nothing) from one account to another: the transfer, its two
-- entries and both balances, with the accounts locked in id order. A debit below the account's
-- limit fails with SQLSTATE MB001 and the message 'insufficient:<kind>:<available>:<currency>'
-- (server/money maps it to budget_exceeded or budget_below_committed).
CREATE FUNCTION ledger_transfer(p_debit bigint, p_credit bigint, p_amount bigint, p_cause text,
                                p_campaign uuid, p_deal uuid, p_payout uuid, p_actor uuid)
RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    debit ledger_accounts;
    credit ledger_accounts;
    transfer uuid;
BEGIN
    IF p_amount = 0 THEN
        RETURN NULL;
    END IF;
    IF p_amount < 0 OR p_debit = p_credit THEN
        RAISE EXCEPTION 'ledger transfer of % from % to %', p_amount, p_debit, p_credit
            USING ERRCODE = 'check_violation';
    END IF;
    PERFORM 1 FROM ledger_accounts WHERE id IN (p_debit, p_credit) ORDER BY id FOR NO KEY UPDATE;
    SELECT * INTO STRICT debit FROM ledger_accounts WHERE id = p_debit;
    SELECT * INTO STRICT credit FROM ledger_accounts WHERE id = p_credit;
    IF debit.currency <> credit.currency THEN
        RAISE EXCEPTION 'ledger transfer between % and %', debit.currency, credit.currency
            USING ERRCODE = 'check_violation';
    END IF;
    IF debit.min_balance_minor IS NOT NULL
       AND debit.balance_minor - p_amount < debit.min_balance_minor THEN
        RAISE EXCEPTION 'insufficient:%:%:%', debit.kind,
            debit.balance_minor - debit.min_balance_minor, debit.currency
            USING ERRCODE = 'MB001';
    END IF;
    INSERT INTO ledger_transfers (debit_account_id, credit_account_id, amount_minor, currency,
                                  cause, campaign_id, deal_id, payout_id, actor_id)
    VALUES (p_debit, p_credit, p_amount, debit.currency, p_cause, p_campaign, p_deal, p_payout,
            p_actor)
    RETURNING id INTO transfer;
    UPDATE ledger_accounts SET balance_minor = balance_minor - p_amount WHERE id = p_debit;
    UPDATE ledger_accounts SET balance_minor = balance_minor + p_amount WHERE id = p_credit;
    INSERT INTO ledger_entries (transfer_id, account_id, amount_minor, balance_after_minor)
    VALUES (transfer, p_debit, -p_amount, debit.balance_minor - p_amount),
           (transfer, p_credit, p_amount, credit.balance_minor + p_amount);
    RETURN transfer;
END;
$$;

-- Who is acting in this transaction (set by the server with set_config('influence.actor', …,
-- true)); NULL for the system.
CREATE FUNCTION money_actor() RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('influence.actor', true), '')::uuid
$$;

-- A deal's account of a kind, opened on first use.
CREATE FUNCTION deal_account(p_kind text, p_deal uuid) RETURNS bigint
LANGUAGE sql AS $$
    SELECT ledger_account(p_kind, d.brand_id, d.campaign_id, d.id, c.currency)
    FROM deals d JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = p_deal
$$;

CREATE FUNCTION campaign_budget_account(p_campaign uuid) RETURNS bigint
LANGUAGE sql AS $$
    SELECT ledger_account('campaign_budget', c.brand_id, c.id, NULL, c.currency)
    FROM campaigns c WHERE c.id = p_campaign
$$;

-- Payment terms ------------------------------------------------------------------------------

-- The payment terms an offer carries: {"schedule":[{"on":…,"percent":…}],"netDays":…}, checked
-- by the server (common/MoneyTypes); the default pays everything 30 days after the work is live.
CREATE FUNCTION default_payment_terms() RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{"schedule":[{"on":"live","percent":100}],"netDays":30}'::jsonb
$$;
ALTER TABLE offers ADD COLUMN payment_terms jsonb NOT NULL DEFAULT default_payment_terms()
    CHECK (jsonb_typeof(payment_terms) = 'object'
           AND jsonb_typeof(payment_terms -> 'schedule') = 'array'
           AND jsonb_array_length(payment_terms -> 'schedule') BETWEEN 1 AND 4);

-- Installment `n` (1-based) of a fee under a schedule: floor(fee × percent / 100) for all but the
-- last, which takes the rest, so that the installments sum to the fee exactly.
CREATE FUNCTION installment_amount(p_fee bigint, p_schedule jsonb, p_n integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p_n < jsonb_array_length(p_schedule)
        THEN floor(p_fee::numeric * (p_schedule -> (p_n - 1) ->> 'percent')::integer / 100)
        ELSE p_fee - coalesce((SELECT sum(floor(p_fee::numeric * (e.item ->> 'percent')::integer
                                                / 100))
                               FROM jsonb_array_elements(p_schedule) WITH ORDINALITY AS e(item, n)
                               WHERE e.n < jsonb_array_length(p_schedule)), 0)
        END::bigint
$$;

-- Payouts ------------------------------------------------------------------------------------

-- One installment of a deal's fee, from the moment its condition is met. Stored states:
-- scheduled → approved → processing → paid, or failed (→ approved again by a retry) or
-- cancelled. `due` (a scheduled payout whose due date has come) and `late` (due date passed,
-- not paid) are derived when read (payout_state), so they are never stale.
CREATE TABLE payouts (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                  bigserial NOT NULL UNIQUE,
    deal_id              uuid NOT NULL REFERENCES deals (id) ON DELETE RESTRICT,
    campaign_id          uuid NOT NULL REFERENCES campaigns (id) ON DELETE RESTRICT,
    brand_id             uuid NOT NULL,
    influencer_id        uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE RESTRICT,
    installment          integer NOT NULL CHECK (installment BETWEEN 1 AND 4),
    condition            text NOT NULL
                         CHECK (condition IN ('acceptance', 'approval', 'live', 'completion')),
    percent              integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
    amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
    currency             char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    state                text NOT NULL DEFAULT 'scheduled'
                         CHECK (state IN ('scheduled', 'approved', 'processing', 'paid', 'failed',
                                          'cancelled')),
    condition_met_at     timestamptz NOT NULL DEFAULT now(),
    due_on               date NOT NULL,
    approved_at          timestamptz,
    approved_by          uuid REFERENCES users (id) ON DELETE RESTRICT,
    method               text CHECK (method IN ('stripe', 'offline')),
    -- Sending: the attempt number is part of the provider's idempotency key; an unknown outcome
    -- is asked again (same key) at next_check_at.
    attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    destination          text,
    next_check_at        timestamptz,
    provider_transfer_id text,
    reference            text CHECK (char_length(reference) <= 200),
    failure_code         text,
    failure_message      text,
    paid_at              timestamptz,
    cancelled_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deal_id, installment),
    FOREIGN KEY (campaign_id, brand_id) REFERENCES campaigns (id, brand_id),
    CONSTRAINT payouts_approved CHECK (state IN ('scheduled', 'cancelled')
                                       OR (approved_at IS NOT NULL AND method IS NOT NULL)),
    CONSTRAINT payouts_paid CHECK ((state = 'paid') = (paid_at IS NOT NULL)),
    CONSTRAINT payouts_cancelled CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT payouts_failed CHECK (state <> 'failed' OR failure_code IS NOT NULL)
);
CREATE INDEX payouts_brand_idx ON payouts (brand_id, seq DESC);
CREATE INDEX payouts_influencer_idx ON payouts (influencer_id, seq DESC);
CREATE INDEX payouts_campaign_idx ON payouts (campaign_id, seq DESC);
CREATE INDEX payouts_to_send_idx ON payouts (approved_at) WHERE state = 'approved';
CREATE INDEX payouts_in_flight_idx ON payouts (next_check_at) WHERE state = 'processing';
CREATE TRIGGER payouts_updated_at BEFORE UPDATE ON payouts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The state as the API reports it: `due` once a scheduled payout's due date has come.
CREATE FUNCTION payout_state(p payouts) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p.state = 'scheduled' AND p.due_on <= (now() AT TIME ZONE 'UTC')::date
                THEN 'due' ELSE p.state END
$$;
CREATE FUNCTION payout_late(p payouts) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT p.state NOT IN ('paid', 'cancelled') AND p.due_on < (now() AT TIME ZONE 'UTC')::date
$$;

-- Makes the installments whose condition is `p_condition` (every remaining one for 'completion')
-- payable: a payout row each, and its amount moved from the deal's reservation to the creator's
-- payable account. Runs once per installment (the unique key), whatever calls it again.
CREATE FUNCTION meet_payment_condition(p_deal uuid, p_condition text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    d deals;
    terms jsonb;
    item record;
    amount bigint;
    payout uuid;
BEGIN
    SELECT * INTO d FROM deals WHERE id = p_deal;
    IF d.terms IS NULL THEN
        RETURN;
    END IF;
    terms := coalesce(d.terms -> 'paymentTerms', default_payment_terms());
    FOR item IN SELECT e.value, e.n::integer AS n
                FROM jsonb_array_elements(terms -> 'schedule') WITH ORDINALITY AS e(value, n)
    LOOP
        CONTINUE WHEN p_condition <> 'completion' AND item.value ->> 'on' <> p_condition;
        amount := installment_amount((d.terms ->> 'feeMinor')::bigint, terms -> 'schedule', item.n);
        CONTINUE WHEN amount <= 0;
        INSERT INTO payouts (deal_id, campaign_id, brand_id, influencer_id, installment, condition,
                             percent, amount_minor, currency, due_on)
        VALUES (d.id, d.campaign_id, d.brand_id, d.influencer_id, item.n, item.value ->> 'on',
                (item.value ->> 'percent')::integer, amount, d.terms ->> 'currency',
                (now() AT TIME ZONE 'UTC')::date + coalesce((terms ->> 'netDays')::integer, 30))
        ON CONFLICT (deal_id, installment) DO NOTHING
        RETURNING id INTO payout;
        IF payout IS NOT NULL THEN
            PERFORM ledger_transfer(deal_account('deal_reserved', d.id),
                                    deal_account('creator_payable', d.id), amount, 'payout_due',
                                    d.campaign_id, d.id, payout, money_actor());
            PERFORM record_deal_event(d.id, money_actor(), 'payout.scheduled',
                jsonb_build_object('payoutId', payout, 'amountMinor', amount,
                                   'currency', d.terms ->> 'currency', 'condition', item.value ->> 'on'),
                'creator', 'deal', d.id);
        END IF;
    END LOOP;
END;
$$;

-- Meets every condition a deal has reached (idempotent): for rows written without the
-- triggers' help (the migration below, the demo data).
CREATE FUNCTION meet_reached_conditions(p_deal uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    d deals;
BEGIN
    SELECT * INTO d FROM deals WHERE id = p_deal;
    IF d.state NOT IN ('accepted', 'in_progress', 'completed') THEN
        RETURN;
    END IF;
    PERFORM meet_payment_condition(d.id, 'acceptance');
    IF d.state = 'completed' THEN
        PERFORM meet_payment_condition(d.id, 'completion');
    ELSIF NOT EXISTS (SELECT 1 FROM deliverables x WHERE x.deal_id = d.id
                      AND x.status NOT IN ('approved', 'live')) THEN
        PERFORM meet_payment_condition(d.id, 'approval');
        IF NOT EXISTS (SELECT 1 FROM deliverables x WHERE x.deal_id = d.id
                       AND x.status <> 'live') THEN
            PERFORM meet_payment_condition(d.id, 'live');
        END IF;
    END IF;
END;
$$;

-- Campaign budgets follow the campaign row.
CREATE FUNCTION campaigns_money() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    old_budget bigint := 0;
    budget_account bigint;
    available bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.budget_minor = OLD.budget_minor AND NEW.currency = OLD.currency THEN
            RETURN NULL;
        END IF;
        IF NEW.currency <> OLD.currency THEN
            -- Only while nothing is committed: the old budget goes back to the brand's funding.
            IF EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.campaign_id = NEW.id
                       AND a.kind <> 'campaign_budget' AND a.balance_minor <> 0) THEN
                RAISE EXCEPTION 'currency_locked' USING ERRCODE = 'MB003';
            END IF;
            PERFORM ledger_transfer(campaign_budget_account_in(OLD.id, OLD.brand_id, OLD.currency),
                                    ledger_account('brand_funding', OLD.brand_id, NULL, NULL,
                                                   OLD.currency),
                                    OLD.budget_minor, 'budget', OLD.id, NULL, NULL, money_actor());
        ELSE
            old_budget := OLD.budget_minor;
        END IF;
    END IF;
    budget_account := campaign_budget_account_in(NEW.id, NEW.brand_id, NEW.currency);
    IF NEW.budget_minor > old_budget THEN
        PERFORM ledger_transfer(ledger_account('brand_funding', NEW.brand_id, NULL, NULL,
                                               NEW.currency),
                                budget_account, NEW.budget_minor - old_budget, 'budget', NEW.id,
                                NULL, NULL, money_actor());
    ELSIF NEW.budget_minor < old_budget THEN
        SELECT balance_minor INTO available FROM ledger_accounts WHERE id = budget_account
        FOR NO KEY UPDATE;
        IF available < old_budget - NEW.budget_minor THEN
            RAISE EXCEPTION 'below_committed:%:%', old_budget - available, NEW.currency
                USING ERRCODE = 'MB002';
        END IF;
        PERFORM ledger_transfer(budget_account,
                                ledger_account('brand_funding', NEW.brand_id, NULL, NULL,
                                               NEW.currency),
                                old_budget - NEW.budget_minor, 'budget', NEW.id, NULL, NULL,
                                money_actor());
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION campaign_budget_account_in(p_campaign uuid, p_brand uuid, p_currency text)
RETURNS bigint
LANGUAGE sql AS $$
    SELECT ledger_account('campaign_budget', p_brand, p_campaign, NULL, p_currency)
$$;
CREATE TRIGGER campaigns_money AFTER INSERT OR UPDATE OF budget_minor, currency ON campaigns
    FOR EACH ROW EXECUTE FUNCTION campaigns_money();

-- Releases what a deal holds back into its campaign's budget: payouts not yet approved are
-- cancelled (their amounts back from payable to reserved), then the whole reservation is
-- released. Approved and in-flight payouts go on.
CREATE FUNCTION release_deal_money(p_deal uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    d deals;
    p payouts;
    reserved bigint;
BEGIN
    SELECT * INTO d FROM deals WHERE id = p_deal;
    FOR p IN SELECT * FROM payouts WHERE deal_id = p_deal AND state IN ('scheduled', 'failed')
             ORDER BY installment FOR UPDATE
    LOOP
        UPDATE payouts SET state = 'cancelled', cancelled_at = now() WHERE id = p.id;
        PERFORM ledger_transfer(deal_account('creator_payable', p_deal),
                                deal_account('deal_reserved', p_deal), p.amount_minor,
                                'payout_cancelled', d.campaign_id, p_deal, p.id, money_actor());
    END LOOP;
    SELECT balance_minor INTO reserved FROM ledger_accounts
    WHERE id = deal_account('deal_reserved', p_deal);
    PERFORM ledger_transfer(deal_account('deal_reserved', p_deal),
                            campaign_budget_account(d.campaign_id), reserved, 'release',
                            d.campaign_id, p_deal, NULL, money_actor());
END;
$$;

-- Deals move money when they are accepted, completed or closed after acceptance.
CREATE FUNCTION deals_money() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    fee bigint;
BEGIN
    IF NEW.state = OLD.state THEN
        RETURN NULL;
    END IF;
    -- Accepted (the demo data may move a deal on further in one step): the fee is reserved.
    IF OLD.state IN ('invited', 'applied', 'negotiating')
       AND NEW.state IN ('accepted', 'in_progress', 'completed') THEN
        fee := (NEW.terms ->> 'feeMinor')::bigint;
        IF NEW.terms ->> 'currency' IS DISTINCT FROM
           (SELECT c.currency FROM campaigns c WHERE c.id = NEW.campaign_id) THEN
            RAISE EXCEPTION 'currency_mismatch' USING ERRCODE = 'MB004';
        END IF;
        PERFORM ledger_transfer(campaign_budget_account(NEW.campaign_id),
                                deal_account('deal_reserved', NEW.id), fee, 'reservation',
                                NEW.campaign_id, NEW.id, NULL, money_actor());
        PERFORM meet_payment_condition(NEW.id, 'acceptance');
    END IF;
    IF NEW.state = 'completed' THEN
        PERFORM meet_payment_condition(NEW.id, 'completion');
    ELSIF NEW.state IN ('withdrawn', 'cancelled', 'declined')
          AND OLD.state IN ('accepted', 'in_progress', 'completed') THEN
        PERFORM release_deal_money(NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deals_money AFTER UPDATE OF state ON deals
    FOR EACH ROW EXECUTE FUNCTION deals_money();

-- Deliverables meet the approval and live conditions when the last one gets there.
CREATE FUNCTION deliverables_money() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status OR NEW.status NOT IN ('approved', 'live') THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM deliverables x WHERE x.deal_id = NEW.deal_id
                   AND x.status NOT IN ('approved', 'live')) THEN
        PERFORM meet_payment_condition(NEW.deal_id, 'approval');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM deliverables x WHERE x.deal_id = NEW.deal_id
                   AND x.status <> 'live') THEN
        PERFORM meet_payment_condition(NEW.deal_id, 'live');
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deliverables_money AFTER UPDATE OF status ON deliverables
    FOR EACH ROW EXECUTE FUNCTION deliverables_money();

-- Creators' payout readiness ---------------------------------------------------------------

-- How a creator is paid: a connected account at the payment provider (its payouts_enabled comes
-- from the provider's account.updated events) and the tax form on file (its type and when it
-- was received; the document itself is never stored here).
CREATE TABLE payout_accounts (
    influencer_id        uuid PRIMARY KEY REFERENCES influencer_details (user_id) ON DELETE CASCADE,
    provider             text NOT NULL DEFAULT 'stripe' CHECK (provider IN ('stripe')),
    account_id           text CHECK (account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
    payouts_enabled      boolean NOT NULL DEFAULT false,
    tax_form             text CHECK (tax_form IN ('W-9', 'W-8BEN', 'W-8BEN-E', 'EU-VAT', 'none')),
    tax_form_received_on date,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payout_accounts_account_key ON payout_accounts (account_id)
    WHERE account_id IS NOT NULL;
CREATE TRIGGER payout_accounts_updated_at BEFORE UPDATE ON payout_accounts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- What keeps a creator from being paid: 'payout_account' and/or 'tax_form'.
CREATE FUNCTION payout_missing(p_influencer uuid) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT array_remove(ARRAY[
        CASE WHEN a.account_id IS NULL OR NOT coalesce(a.payouts_enabled, false)
             THEN 'payout_account' END,
        CASE WHEN a.tax_form IS NULL OR a.tax_form_received_on IS NULL THEN 'tax_form' END], NULL)
    FROM (SELECT p_influencer AS id) x
    LEFT JOIN payout_accounts a ON a.influencer_id = x.id
$$;

-- Provider events, each handled once (Stripe may deliver an event more than once).
CREATE TABLE provider_events (
    id          text PRIMARY KEY CHECK (char_length(id) <= 255),
    type        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotent requests --------------------------------------------------------------------------

-- The first answer to a request sent with an Idempotency-Key, per user and key: replayed for the
-- same request, refused for a different one, and "in use" while the first is still running.
CREATE TABLE idempotency_keys (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key          text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    fingerprint  text NOT NULL,
    status       integer,
    body         bytea,
    content_type text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    PRIMARY KEY (user_id, key),
    CONSTRAINT idempotency_keys_completed CHECK ((completed_at IS NULL) = (status IS NULL))
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Audit log ------------------------------------------------------------------------------------

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid REFERENCES users (id) ON DELETE RESTRICT,
    brand_id    uuid,
    action      text NOT NULL CHECK (action ~ '^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$'),
    object_type text NOT NULL CHECK (object_type IN ('campaign', 'deal', 'payout', 'user',
                                                     'brand', 'payout_account')),
    object_id   uuid NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_brand_idx ON audit_log (brand_id, id DESC);
CREATE INDEX audit_log_object_idx ON audit_log (object_id, id DESC);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE FUNCTION audit(p_action text, p_object_type text, p_object uuid, p_brand uuid,
                      p_before jsonb, p_after jsonb) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO audit_log (actor_id, brand_id, action, object_type, object_id, before, after)
    VALUES (money_actor(), p_brand, p_action, p_object_type, p_object, p_before, p_after)
$$;

-- Campaign settings and budgets, deal money and payout changes are audited where they happen.
CREATE FUNCTION campaigns_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    before jsonb := to_jsonb(OLD) - 'updated_at' - 'seq';
    after jsonb := to_jsonb(NEW) - 'updated_at' - 'seq';
    changed_before jsonb := '{}';
    changed_after jsonb := '{}';
    k text;
BEGIN
    FOR k IN SELECT jsonb_object_keys(after) LOOP
        IF before -> k IS DISTINCT FROM after -> k THEN
            changed_before := changed_before || jsonb_build_object(k, before -> k);
            changed_after := changed_after || jsonb_build_object(k, after -> k);
        END IF;
    END LOOP;
    IF changed_after = '{}' THEN
        RETURN NULL;
    END IF;
    PERFORM audit(CASE WHEN changed_after ? 'budget_minor' THEN 'campaign.budget_changed'
                       WHEN changed_after ? 'status' THEN 'campaign.status_changed'
                       ELSE 'campaign.settings_changed' END,
                  'campaign', NEW.id, NEW.brand_id, changed_before, changed_after);
    RETURN NULL;
END;
$$;
CREATE TRIGGER campaigns_audit AFTER UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION campaigns_audit();

CREATE FUNCTION payouts_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM audit('payout.scheduled', 'payout', NEW.id, NEW.brand_id, NULL,
                      jsonb_build_object('state', NEW.state, 'amountMinor', NEW.amount_minor,
                                         'currency', NEW.currency, 'dueDate', NEW.due_on));
    ELSIF NEW.state <> OLD.state THEN
        PERFORM audit('payout.' || NEW.state, 'payout', NEW.id, NEW.brand_id,
                      jsonb_build_object('state', OLD.state),
                      jsonb_strip_nulls(jsonb_build_object(
                          'state', NEW.state, 'method', NEW.method, 'reference', NEW.reference,
                          'providerTransferId', NEW.provider_transfer_id,
                          'failureCode', NEW.failure_code)));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER payouts_audit AFTER INSERT OR UPDATE OF state ON payouts
    FOR EACH ROW EXECUTE FUNCTION payouts_audit();

CREATE FUNCTION deals_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state <> OLD.state AND (NEW.state = 'accepted'
                                   OR OLD.state IN ('accepted', 'in_progress', 'completed')) THEN
        PERFORM audit('deal.' || NEW.state, 'deal', NEW.id, NEW.brand_id,
                      jsonb_build_object('state', OLD.state),
                      jsonb_build_object('state', NEW.state, 'feeMinor', NEW.terms -> 'feeMinor',
                                         'currency', NEW.terms -> 'currency'));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deals_audit AFTER UPDATE OF state ON deals
    FOR EACH ROW EXECUTE FUNCTION deals_audit();

CREATE FUNCTION users_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.role <> OLD.role OR NEW.status <> OLD.status THEN
        PERFORM audit('user.' || CASE WHEN NEW.role <> OLD.role THEN 'role_changed'
                                      ELSE 'status_changed' END,
                      'user', NEW.id, NULL,
                      jsonb_build_object('role', OLD.role, 'status', OLD.status),
                      jsonb_build_object('role', NEW.role, 'status', NEW.status));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_audit AFTER UPDATE OF role, status ON users
    FOR EACH ROW EXECUTE FUNCTION users_audit();

CREATE FUNCTION brand_members_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM audit('brand.member_added', 'brand', NEW.brand_id, NEW.brand_id, NULL,
                      jsonb_build_object('memberId', NEW.member_id));
    ELSE
        PERFORM audit('brand.member_removed', 'brand', OLD.brand_id, OLD.brand_id,
                      jsonb_build_object('memberId', OLD.member_id), NULL);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER brand_members_audit AFTER INSERT OR DELETE ON brand_members
    FOR EACH ROW EXECUTE FUNCTION brand_members_audit();

-- JSON shapes of the API ----------------------------------------------------------------------

CREATE FUNCTION api_payout_json(p payouts) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', p.id, 'dealId', p.deal_id, 'campaignId', p.campaign_id,
        'campaignName', (SELECT c.name FROM campaigns c WHERE c.id = p.campaign_id),
        'brandId', p.brand_id,
        'brandName', (SELECT b.company_name FROM brand_details b WHERE b.user_id = p.brand_id),
        'influencerId', p.influencer_id,
        'influencerName', (SELECT i.display_name FROM influencer_details i
                           WHERE i.user_id = p.influencer_id),
        'installment', p.installment, 'condition', p.condition, 'percent', p.percent,
        'amountMinor', p.amount_minor, 'currency', p.currency, 'state', payout_state(p),
        'late', payout_late(p), 'dueDate', api_date(p.due_on),
        'conditionMetAt', api_time(p.condition_met_at), 'approvedAt', api_time(p.approved_at),
        'approvedBy', p.approved_by, 'paidAt', api_time(p.paid_at), 'method', p.method,
        'providerTransferId', p.provider_transfer_id, 'reference', p.reference,
        'failureCode', p.failure_code, 'failureMessage', p.failure_message,
        'attempts', p.attempts, 'cancelledAt', api_time(p.cancelled_at),
        'createdAt', api_time(p.created_at), 'updatedAt', api_time(p.updated_at))
$$;

CREATE OR REPLACE FUNCTION api_offer_json(o offers) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', o.id, 'dealId', o.deal_id, 'sequence', o.sequence, 'madeBy', o.made_by,
        'authorId', o.author_id, 'deliverables', o.deliverables, 'feeMinor', o.fee_minor,
        'currency', o.currency, 'usageRights', o.usage_rights, 'maxRevisions', o.max_revisions,
        'note', o.note, 'paymentTerms', o.payment_terms, 'status', o.status,
        'respondedAt', api_time(o.responded_at), 'createdAt', api_time(o.created_at))
$$;

-- A deal's payment state in lists: what is paid and outstanding, and the most pressing state of
-- its payouts (late, failed, due, processing, approved, scheduled; paid when all the fee is paid;
-- pending while no condition is met yet). NULL before the deal is accepted.
CREATE FUNCTION api_deal_payment_json(d deals) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN d.terms IS NULL OR d.state NOT IN ('accepted', 'in_progress', 'completed')
                THEN NULL ELSE (
        SELECT jsonb_build_object(
            'feeMinor', (d.terms ->> 'feeMinor')::bigint, 'currency', d.terms ->> 'currency',
            'paidMinor', coalesce(sum(p.amount_minor) FILTER (WHERE p.state = 'paid'), 0),
            'outstandingMinor', (d.terms ->> 'feeMinor')::bigint
                - coalesce(sum(p.amount_minor) FILTER (WHERE p.state = 'paid'), 0),
            'late', coalesce(bool_or(payout_late(p)), false),
            'state', CASE
                WHEN coalesce(sum(p.amount_minor) FILTER (WHERE p.state = 'paid'), 0)
                     >= (d.terms ->> 'feeMinor')::bigint THEN 'paid'
                WHEN bool_or(payout_late(p)) THEN 'late'
                WHEN bool_or(p.state = 'failed') THEN 'failed'
                WHEN bool_or(payout_state(p) = 'due') THEN 'due'
                WHEN bool_or(p.state = 'processing') THEN 'processing'
                WHEN bool_or(p.state = 'approved') THEN 'approved'
                WHEN bool_or(p.state = 'scheduled') THEN 'scheduled'
                ELSE 'pending' END)
        FROM payouts p WHERE p.deal_id = d.id AND p.state <> 'cancelled') END
$$;

CREATE OR REPLACE FUNCTION api_deal_json(d deals) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', d.id, 'campaignId', d.campaign_id,
        'campaignName', (SELECT c.name FROM campaigns c WHERE c.id = d.campaign_id),
        'brandId', d.brand_id,
        'brandName', (SELECT b.company_name FROM brand_details b WHERE b.user_id = d.brand_id),
        'influencerId', d.influencer_id,
        'influencerName', (SELECT i.display_name FROM influencer_details i
                           WHERE i.user_id = d.influencer_id),
        'origin', d.origin, 'state', d.state,
        'latestOffer', (SELECT api_offer_json(o) FROM offers o WHERE o.deal_id = d.id
                        ORDER BY o.sequence DESC LIMIT 1),
        'overdue', EXISTS (SELECT 1 FROM deliverables dl WHERE dl.deal_id = d.id
                           AND dl.status <> 'live'
                           AND dl.due_on < (now() AT TIME ZONE 'UTC')::date),
        'payment', api_deal_payment_json(d),
        'brandAcceptedAt', api_time(d.brand_accepted_at),
        'creatorAcceptedAt', api_time(d.creator_accepted_at),
        'startedAt', api_time(d.started_at), 'completedAt', api_time(d.completed_at),
        'closedAt', api_time(d.closed_at),
        'createdAt', api_time(d.created_at), 'updatedAt', api_time(d.updated_at))
$$;

CREATE OR REPLACE FUNCTION api_deal_detail_json(d deals) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT api_deal_json(d) || jsonb_build_object(
        'terms', d.terms, 'acceptedOfferId', d.accepted_offer_id,
        'offers', coalesce((SELECT jsonb_agg(api_offer_json(o) ORDER BY o.sequence)
                            FROM offers o WHERE o.deal_id = d.id), '[]'),
        'deliverables', coalesce((SELECT jsonb_agg(api_deliverable_json(dl) ORDER BY dl.position)
                                  FROM deliverables dl WHERE dl.deal_id = d.id), '[]'),
        'payouts', coalesce((SELECT jsonb_agg(api_payout_json(p) ORDER BY p.installment)
                             FROM payouts p WHERE p.deal_id = d.id), '[]'))
$$;

-- A campaign's budget: budget = committed + paid + remaining, from the ledger's balances.
CREATE FUNCTION api_campaign_budget_json(c campaigns) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'campaignId', c.id, 'currency', c.currency, 'budgetMinor', c.budget_minor,
        'remainingMinor', coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'campaign_budget'), 0),
        'committedMinor', coalesce(sum(a.balance_minor) FILTER (
            WHERE a.kind IN ('deal_reserved', 'creator_payable', 'provider_clearing')), 0),
        'paidMinor', coalesce(sum(a.balance_minor) FILTER (WHERE a.kind = 'paid_out'), 0),
        'deals', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'dealId', x.deal_id, 'influencerName', x.name, 'state', x.state,
                'reservedMinor', x.reserved, 'payableMinor', x.payable,
                'processingMinor', x.processing, 'paidMinor', x.paid) ORDER BY x.seq)
            FROM (SELECT d.id AS deal_id, d.seq, d.state, i.display_name AS name,
                         coalesce(sum(b.balance_minor) FILTER (WHERE b.kind = 'deal_reserved'), 0) AS reserved,
                         coalesce(sum(b.balance_minor) FILTER (WHERE b.kind = 'creator_payable'), 0) AS payable,
                         coalesce(sum(b.balance_minor) FILTER (WHERE b.kind = 'provider_clearing'), 0) AS processing,
                         coalesce(sum(b.balance_minor) FILTER (WHERE b.kind = 'paid_out'), 0) AS paid
                  FROM ledger_accounts b
                  JOIN deals d ON d.id = b.deal_id
                  JOIN influencer_details i ON i.user_id = d.influencer_id
                  WHERE b.campaign_id = c.id AND b.deal_id IS NOT NULL AND b.currency = c.currency
                  GROUP BY d.id, d.seq, d.state, i.display_name
                  HAVING sum(abs(b.balance_minor)) > 0) x), '[]'))
    FROM ledger_accounts a
    WHERE a.campaign_id = c.id AND a.currency = c.currency
$$;

CREATE FUNCTION api_ledger_entry_json(e ledger_entries) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', e.id, 'transferId', e.transfer_id,
        'account', jsonb_build_object('id', a.id, 'kind', a.kind, 'brandId', a.brand_id,
                                      'campaignId', a.campaign_id, 'dealId', a.deal_id),
        'amountMinor', e.amount_minor, 'currency', a.currency,
        'balanceAfterMinor', e.balance_after_minor, 'cause', t.cause,
        'campaignId', t.campaign_id, 'dealId', t.deal_id, 'payoutId', t.payout_id,
        'actorId', t.actor_id, 'at', api_time(e.created_at))
    FROM ledger_accounts a, ledger_transfers t
    WHERE a.id = e.account_id AND t.id = e.transfer_id
$$;

CREATE FUNCTION api_audit_json(l audit_log) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', l.id, 'at', api_time(l.at), 'actorId', l.actor_id,
        'actorName', (SELECT u.display_name FROM users u WHERE u.id = l.actor_id),
        'brandId', l.brand_id, 'action', l.action, 'objectType', l.object_type,
        'objectId', l.object_id, 'before', l.before, 'after', l.after)
$$;

CREATE FUNCTION api_payout_account_json(p_influencer uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'provider', coalesce(a.provider, 'stripe'), 'accountId', a.account_id,
        'payoutsEnabled', coalesce(a.payouts_enabled, false), 'taxForm', a.tax_form,
        'taxFormReceivedOn', api_date(a.tax_form_received_on),
        'ready', cardinality(payout_missing(x.id)) = 0,
        'missing', to_jsonb(payout_missing(x.id)), 'updatedAt', api_time(a.updated_at))
    FROM (SELECT p_influencer AS id) x
    LEFT JOIN payout_accounts a ON a.influencer_id = x.id
$$;

-- Opening balances for what exists: each campaign's budget, each accepted deal's reservation
-- (a campaign whose accepted fees already exceed its budget gets its budget raised to them, as
-- an audited change), and the installments whose conditions are already met.
DO $$
DECLARE
    c campaigns;
    d deals;
    committed bigint;
BEGIN
    FOR c IN SELECT * FROM campaigns ORDER BY seq LOOP
        SELECT coalesce(sum((x.terms ->> 'feeMinor')::bigint), 0)::bigint INTO committed
        FROM deals x WHERE x.campaign_id = c.id AND x.state IN ('accepted', 'in_progress', 'completed');
        IF committed > c.budget_minor THEN
            UPDATE campaigns SET budget_minor = committed WHERE id = c.id; -- funds the difference
            c.budget_minor := committed;
        END IF;
        PERFORM ledger_transfer(ledger_account('brand_funding', c.brand_id, NULL, NULL, c.currency),
                                campaign_budget_account(c.id),
                                c.budget_minor - (SELECT coalesce(sum(balance_minor), 0)::bigint
                                                  FROM ledger_accounts
                                                  WHERE campaign_id = c.id),
                                'budget', c.id, NULL, NULL, NULL);
    END LOOP;
    FOR d IN SELECT * FROM deals WHERE state IN ('accepted', 'in_progress', 'completed') ORDER BY seq
    LOOP
        PERFORM ledger_transfer(campaign_budget_account(d.campaign_id),
                                deal_account('deal_reserved', d.id),
                                (d.terms ->> 'feeMinor')::bigint, 'reservation', d.campaign_id,
                                d.id, NULL, NULL);
        PERFORM meet_reached_conditions(d.id);
    END LOOP;
END;
$$;

-- No one changes history, not even the owner that runs the server (the triggers refuse it too,
-- also for a superuser). Foreign-key checks lock the rows they look at (FOR KEY SHARE: a new
-- entry's transfer; the rows naming a user that is being deleted), which needs UPDATE on some
-- column: the identity column, which the triggers still protect.
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_transfers, ledger_entries, audit_log
    FROM PUBLIC, CURRENT_USER;
GRANT UPDATE (id) ON ledger_transfers, ledger_entries, audit_log TO CURRENT_USER;
