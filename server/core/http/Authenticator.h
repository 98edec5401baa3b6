// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Principal.h"
#include "common/Result.h"
#include "core/crypto/TokenService.h"

#include <initializer_list>

namespace influence::server::db {
class Connection;
}

namespace influence::server::http {

struct Request;
struct Response;

/// Authentication for every domain's routes, in two steps: the Bearer token is checked on the
/// HTTP thread (signature, algorithm, issuer, audience, expiry: microseconds, no I/O), then the
/// session it names is checked in the database by the route's task, so that signing out,
/// signing out everywhere, a password change or disabling the account take effect at once.
/// The sessions belong to the auth domain (auth_sessions); this is the one read of them that
/// every signed-in request makes.
class Authenticator
{
public:
    explicit Authenticator(const crypto::TokenService &tokens);

    /// 401 without a valid "Authorization: Bearer <access token>".
    common::Result<crypto::AccessClaims> claims(const Request &request) const;
    /// The same check of an Authorization header's value (a request head's, before the body).
    common::Result<crypto::AccessClaims> claims(QByteArrayView authorization) const;

    /// 401 when the session has ended or the user is disabled.
    static common::Result<Principal> principal(
            db::Connection &connection, const crypto::AccessClaims &claims);

    /// 403 unless the principal has one of the roles.
    static common::Result<void> requireRole(
            const Principal &principal, std::initializer_list<common::UserRole> roles);

    /// The problem response for an authentication failure; RFC 6750's error="invalid_token" is
    /// added when the request carried a token.
    static Response unauthorized(const Request &request, const common::Error &error);

private:
    const crypto::TokenService &m_tokens;
};

} // namespace influence::server::http
