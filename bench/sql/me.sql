-- SPDX-License-Identifier: Apache-2.0
-- GET /api/v1/me: the session check and user row that influence-server runs for every
-- authenticated request (kActiveSessionUser in server/core/http/Authenticator.cpp; keep in step).
-- :session and :user come from the access token's "sid" and "sub" claims. The node baseline binds
-- them as $1 and $2; the pgbench baseline writes one script per session with the values inlined.
SELECT u.id, u.email, u.email_verified_at IS NOT NULL, u.role, u.status, u.display_name,
       u.created_at
FROM auth_sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = :session AND s.user_id = :user AND s.revoked_at IS NULL
  AND s.expires_at > now() AND u.status = 'active'
