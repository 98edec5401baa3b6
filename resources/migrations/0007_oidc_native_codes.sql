-- SPDX-License-Identifier: Apache-2.0
-- 0007: OpenID Connect sign-in for native apps (RFC 8252 with PKCE, RFC 7636). The app sends its
-- own code_challenge and state to /start; the callback then hands the app a one-time code of
-- this server instead of tokens, which the app exchanges with its verifier at /oidc/token.

-- What the app sent with the start (both NULL for a browser front end's sign-in).
ALTER TABLE auth_oidc_states
    ADD COLUMN app_code_challenge text
        CHECK (app_code_challenge ~ '^[A-Za-z0-9_-]{43,128}$'),
    ADD COLUMN app_state text CHECK (char_length(app_state) <= 512);

-- Authorization codes for native apps: stored hashed, single use (deleted when presented),
-- short-lived, bound to the app's S256 challenge. The session is opened only at the exchange, so
-- no token is ever stored here; the user is the one the provider signed in.
CREATE TABLE auth_oidc_codes (
    code_hash      bytea PRIMARY KEY CHECK (octet_length(code_hash) = 32),
    code_challenge text NOT NULL CHECK (code_challenge ~ '^[A-Za-z0-9_-]{43,128}$'),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL
);
CREATE INDEX auth_oidc_codes_expiry_idx ON auth_oidc_codes (expires_at);
