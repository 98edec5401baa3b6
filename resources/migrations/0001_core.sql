-- SPDX-License-Identifier: Apache-2.0
-- 0001: users and their optional influencer and brand profiles, connected social accounts.
--
-- Delete rules, deliberately:
--   * deleting a user deletes their profiles, rates and connected accounts (ON DELETE CASCADE):
--     a user's own data goes with them;
--   * tables added later that record business with other parties (deals, payouts, ledger)
--     reference users with ON DELETE RESTRICT, so such users are disabled, never deleted.
-- Enumerations are text with CHECK constraints rather than PostgreSQL enum types, so that adding a
-- value is a plain, transactional migration.

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE system_settings (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]*$'),
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             text NOT NULL
                      CHECK (char_length(email) BETWEEN 3 AND 254 AND strpos(email, '@') > 1),
    email_verified_at timestamptz,
    -- NULL for accounts that only sign in with OpenID Connect.
    password_hash     text CHECK (password_hash IS NULL OR char_length(password_hash) <= 512),
    role              text NOT NULL CHECK (role IN ('brand', 'influencer', 'admin')),
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    display_name      text NOT NULL DEFAULT '' CHECK (char_length(display_name) <= 100),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- E-mail addresses are unique regardless of case (Alice@x.com and alice@x.com are one account).
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_created_idx ON users (role, created_at, id);
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE influencer_details (
    user_id      uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 80),
    bio          text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 2000),
    niches       text[] NOT NULL DEFAULT '{}'
                 CHECK (cardinality(niches) <= 10 AND array_position(niches, NULL) IS NULL),
    country      char(2) CHECK (country ~ '^[A-Z]{2}$'),
    languages    text[] NOT NULL DEFAULT '{}'
                 CHECK (cardinality(languages) <= 10 AND array_position(languages, NULL) IS NULL),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX influencer_details_niches_idx ON influencer_details USING gin (niches);
CREATE INDEX influencer_details_languages_idx ON influencer_details USING gin (languages);
CREATE INDEX influencer_details_country_idx ON influencer_details (country);
CREATE TRIGGER influencer_details_updated_at BEFORE UPDATE ON influencer_details
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- What a creator charges per deliverable type, in integer minor units of one currency.
CREATE TABLE influencer_rates (
    influencer_id    uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE CASCADE,
    deliverable_type text NOT NULL
                     CHECK (deliverable_type IN ('post', 'story', 'reel', 'video', 'short',
                                                 'livestream', 'blog')),
    amount_minor     bigint NOT NULL CHECK (amount_minor >= 0),
    currency         char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (influencer_id, deliverable_type)
);
CREATE INDEX influencer_rates_lookup_idx
    ON influencer_rates (deliverable_type, currency, amount_minor);

CREATE TABLE brand_details (
    user_id      uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    company_name text NOT NULL CHECK (char_length(company_name) BETWEEN 1 AND 120),
    website      text CHECK (website IS NULL
                             OR (char_length(website) <= 2048 AND website ~ '^https?://')),
    industry     text CHECK (industry IS NULL OR char_length(industry) <= 80),
    country      char(2) CHECK (country ~ '^[A-Z]{2}$'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER brand_details_updated_at BEFORE UPDATE ON brand_details
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE connected_accounts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    influencer_id  uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE CASCADE,
    platform       text NOT NULL
                   CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitch', 'x', 'facebook',
                                       'pinterest', 'linkedin', 'snapchat')),
    handle         text NOT NULL CHECK (char_length(handle) BETWEEN 1 AND 100),
    -- The platform's own id of the account; NULL for accounts added by hand (unverified).
    external_id    text CHECK (external_id IS NULL OR char_length(external_id) BETWEEN 1 AND 200),
    profile_url    text CHECK (profile_url IS NULL
                               OR (char_length(profile_url) <= 2048 AND profile_url ~ '^https://')),
    followers      bigint NOT NULL DEFAULT 0 CHECK (followers >= 0),
    status         text NOT NULL DEFAULT 'manual'
                   CHECK (status IN ('manual', 'connected', 'needs_reconnect', 'disconnected')),
    last_synced_at timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- Only accounts verified through the platform carry its id.
    CONSTRAINT connected_accounts_verified_has_external_id
        CHECK (status = 'manual' OR external_id IS NOT NULL)
);
-- One platform account belongs to one creator on this platform.
CREATE UNIQUE INDEX connected_accounts_platform_external_key
    ON connected_accounts (platform, external_id) WHERE external_id IS NOT NULL;
-- A creator lists each handle once per platform.
CREATE UNIQUE INDEX connected_accounts_owner_handle_key
    ON connected_accounts (influencer_id, platform, lower(handle));
CREATE INDEX connected_accounts_platform_followers_idx
    ON connected_accounts (platform, followers DESC);
CREATE TRIGGER connected_accounts_updated_at BEFORE UPDATE ON connected_accounts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
