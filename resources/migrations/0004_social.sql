-- Connecting real social accounts: OAuth states of connects in progress, and each connected
-- account's platform tokens, encrypted by the server (AES-256-GCM; the database never sees a
-- token in clear nor the key).

-- A connect in progress, from /connect to /callback (at most 10 minutes, used once). Only the
-- SHA-256 of the state is kept: the state itself travels through the browser.
CREATE TABLE social_oauth_states (
    state_hash    bytea PRIMARY KEY CHECK (octet_length(state_hash) = 32),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform      text NOT NULL CHECK (platform IN ('instagram', 'youtube', 'tiktok')),
    code_verifier text NOT NULL CHECK (char_length(code_verifier) BETWEEN 43 AND 128),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX social_oauth_states_expires_idx ON social_oauth_states (expires_at);

-- Tokens of a connected account. Each token is nonce (12 bytes) || ciphertext || tag (16 bytes)
-- under the key named by key_id, with the account id as associated data; new writes use the
-- first configured key, so rotating keys re-encrypts accounts as their tokens are refreshed.
CREATE TABLE social_credentials (
    account_id          uuid PRIMARY KEY REFERENCES connected_accounts (id) ON DELETE CASCADE,
    key_id              text NOT NULL CHECK (char_length(key_id) BETWEEN 1 AND 32),
    access_token        bytea NOT NULL CHECK (octet_length(access_token) > 28),
    refresh_token       bytea CHECK (refresh_token IS NULL OR octet_length(refresh_token) > 28),
    -- When the access token stops working (from expires_in); NULL: the platform did not say.
    expires_at          timestamptz,
    refresh_expires_at  timestamptz,
    scopes              text NOT NULL DEFAULT '',
    -- A refresh in progress (a lease), so that several server processes do not refresh at once.
    claimed_until       timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The background worker looks for tokens expiring soon.
CREATE INDEX social_credentials_expires_idx ON social_credentials (expires_at)
    WHERE expires_at IS NOT NULL;
CREATE TRIGGER social_credentials_updated_at BEFORE UPDATE ON social_credentials
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
