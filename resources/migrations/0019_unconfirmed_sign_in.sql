-- SPDX-License-Identifier: Apache-2.0
-- 0019: which accounts may sign in with a password before their address is confirmed.
--
-- With AUTH_REGISTRATION=confirm (the default since this version) registration answers alike for
-- a new and a taken address, so password sign-in waits for the address to be confirmed: else
-- registering and signing in would tell in two steps whether an address had an account. Accounts
-- that already existed unconfirmed, or that are made while AUTH_REGISTRATION=immediate (which
-- tells anyway), keep signing in as before: they cannot be made by someone probing addresses
-- under the confirm mode, so upgrading locks nobody out.
ALTER TABLE users ADD COLUMN unconfirmed_sign_in boolean NOT NULL DEFAULT false;
UPDATE users SET unconfirmed_sign_in = true WHERE email_verified_at IS NULL;

-- The registration-attempt warning is sent to an address at most once an hour (auth/Recovery.cpp
-- looks for a recent one by recipient).
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower(recipient), created_at);
