// SPDX-License-Identifier: Apache-2.0
#include "AuthRepository.h"
#include "Principal.h"
#include "core/http/Request.h"
#include "core/http/Response.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::auth {

Authenticator::Authenticator(const TokenService &tokens)
    : m_tokens(tokens)
{ }

Result<AccessClaims> Authenticator::claims(const http::Request &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty()) {
        return Error::make(ErrorCode::Unauthorized, u"Sign in first: send an access token."_s);
    }
    // RFC 6750 §2.1: "Bearer" (any case) SP token.
    if (header.size() < 8 || header.first(7).compare("bearer ", Qt::CaseInsensitive) != 0) {
        return Error::make(ErrorCode::Unauthorized, u"Use the Bearer authentication scheme."_s);
    }
    return m_tokens.verifyAccessToken(header.sliced(7).trimmed(), QDateTime::currentDateTimeUtc());
}

Result<Principal> Authenticator::principal(db::Connection &connection, const AccessClaims &claims)
{
    const auto user = repository::activeSessionUser(connection, claims.sessionId, claims.userId);
    if (!user) {
        return user.error();
    }
    if (!user->has_value()) {
        return Error::make(ErrorCode::Unauthorized, u"The session has ended; sign in again."_s);
    }
    return Principal{claims.sessionId, (*user)->account};
}

Result<void> Authenticator::requireRole(
        const Principal &principal, std::initializer_list<common::UserRole> roles)
{
    if (std::find(roles.begin(), roles.end(), principal.role()) == roles.end()) {
        return Error::make(ErrorCode::Forbidden, u"Your account's role may not do this."_s);
    }
    return {};
}

http::Response Authenticator::unauthorized(const http::Request &request, const Error &error)
{
    http::Response response = http::Response::fromError(error);
    if (error.code == ErrorCode::Unauthorized && !request.header("authorization").isEmpty()) {
        response.withHeader(
                "WWW-Authenticate", R"(Bearer realm="influence", error="invalid_token")");
    }
    return response;
}

} // namespace influence::server::auth
