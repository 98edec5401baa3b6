-- SPDX-License-Identifier: Apache-2.0
-- 0002: sessions with rotating refresh tokens, e-mail tokens, OpenID Connect identities and
-- login states, throttling counters and the transactional e-mail outbox.

-- One sign-in of one user on one device. Refresh tokens rotate within it; revoking it ends them
-- all, and access tokens name it ("sid") so that revocation takes effect at once.
CREATE TABLE auth_sessions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_refreshed_at timestamptz NOT NULL DEFAULT now(),
    -- Absolute lifetime (30 days): no refresh extends it.
    expires_at        timestamptz NOT NULL,
    revoked_at        timestamptz,
    revoked_reason    text CHECK (revoked_reason IN ('logout', 'logout_all', 'password_changed',
                                                     'password_reset', 'reuse_detected',
                                                     'disabled')),
    user_agent        text CHECK (char_length(user_agent) <= 512),
    client_ip         inet,
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX auth_sessions_active_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL;

-- Stored as SHA-256 hashes only. A token is used once; its successor is recorded so that a
-- concurrent use of the same token within a few seconds gets the same successor, and any later
-- use is a replay that revokes the session.
CREATE TABLE auth_refresh_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    parent_id  uuid UNIQUE REFERENCES auth_refresh_tokens (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Idle lifetime (7 days from issue).
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX auth_refresh_tokens_session_idx ON auth_refresh_tokens (session_id);

-- Single-use tokens sent by e-mail: verify an address, or reset a password.
CREATE TABLE auth_email_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- The address the token was sent to: verifying proves this address.
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX auth_email_tokens_user_idx ON auth_email_tokens (user_id, purpose);

-- Accounts at OpenID Connect providers; the identity is (issuer, subject), never the e-mail.
CREATE TABLE auth_oidc_identities (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issuer         text NOT NULL CHECK (char_length(issuer) <= 2048),
    subject        text NOT NULL CHECK (char_length(subject) <= 255),
    email          text,
    email_verified boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, subject)
);
CREATE INDEX auth_oidc_identities_user_idx ON auth_oidc_identities (user_id);

-- Sign-ins in progress: the state parameter (stored hashed), its PKCE verifier and nonce.
CREATE TABLE auth_oidc_states (
    state_hash    bytea PRIMARY KEY CHECK (octet_length(state_hash) = 32),
    provider      text NOT NULL,
    code_verifier text NOT NULL,
    nonce         text NOT NULL,
    role          text NOT NULL CHECK (role IN ('brand', 'influencer')),
    return_to     text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX auth_oidc_states_expiry_idx ON auth_oidc_states (expires_at);

-- Fixed-window request counters (per client address and route group), shared by every server
-- process through the database.
CREATE TABLE auth_rate_limits (
    bucket       text PRIMARY KEY CHECK (char_length(bucket) <= 200),
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL CHECK (hits >= 0)
);

-- Failed sign-ins per e-mail address (existing or not, so that the answer reveals nothing),
-- whatever the client address: the back-off cannot be dodged by changing IP.
CREATE TABLE auth_login_failures (
    email_key       text PRIMARY KEY CHECK (char_length(email_key) <= 254),
    failures        integer NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

-- Mail to send, written in the same transaction as what caused it (nothing is lost or sent for
-- a change that rolled back); a worker sends it with retries.
CREATE TABLE mail_outbox (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient       text NOT NULL CHECK (char_length(recipient) <= 254),
    subject         text NOT NULL CHECK (char_length(subject) <= 200),
    body_text       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    sent_at         timestamptz,
    -- Set after the last of the retries failed.
    gave_up_at      timestamptz
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND gave_up_at IS NULL;
