// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "TokenService.h"
#include "common/Account.h"
#include "common/Result.h"

#include <QUuid>

#include <initializer_list>

namespace influence::server::http {
struct Request;
struct Response;
} // namespace influence::server::http
namespace influence::server::db {
class Connection;
}

namespace influence::server::auth {

/// The signed-in user a request acts for, after the session was checked in the database.
struct Principal
{
    QUuid sessionId;
    common::UserAccount account;

    QUuid userId() const { return account.id; }
    common::UserRole role() const { return account.role; }
    bool isAdmin() const { return account.role == common::UserRole::Admin; }
};

/// Authentication for every module's routes, in two steps: the Bearer token is checked on the
/// HTTP thread (signature, algorithm, issuer, audience, expiry: microseconds, no I/O), then the
/// session it names is checked in the database by the route's task, so that signing out,
/// signing out everywhere, a password change or disabling the account take effect at once.
class Authenticator
{
public:
    explicit Authenticator(const TokenService &tokens);

    /// 401 without a valid "Authorization: Bearer <access token>".
    common::Result<AccessClaims> claims(const http::Request &request) const;

    /// 401 when the session has ended or the user is disabled.
    static common::Result<Principal> principal(
            db::Connection &connection, const AccessClaims &claims);

    /// 403 unless the principal has one of the roles.
    static common::Result<void> requireRole(
            const Principal &principal, std::initializer_list<common::UserRole> roles);

    /// The problem response for an authentication failure; RFC 6750's error="invalid_token" is
    /// added when the request carried a token.
    static http::Response unauthorized(const http::Request &request, const common::Error &error);

private:
    const TokenService &m_tokens;
};

} // namespace influence::server::auth
