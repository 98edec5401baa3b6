// SPDX-License-Identifier: Apache-2.0
#include "Authenticator.h"

#include "Request.h"
#include "Response.h"
#include "core/db/Connection.h"
#include "core/db/UserRows.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::http {

namespace {

const db::SqlStatement kActiveSessionUser(u"SELECT "_s + db::userAccountColumns()
        + u" FROM auth_sessions s JOIN users u ON u.id = s.user_id "
          "WHERE s.id = :session AND s.user_id = :user AND s.revoked_at IS NULL "
          "  AND s.expires_at > now() AND u.status = 'active'"_s);

} // namespace

Authenticator::Authenticator(const crypto::TokenService &tokens)
    : m_tokens(tokens)
{ }

Result<crypto::AccessClaims> Authenticator::claims(const Request &request) const
{
    return claims(request.header("authorization"));
}

Result<crypto::AccessClaims> Authenticator::claims(QByteArrayView authorization) const
{
    if (authorization.isEmpty()) {
        return Error::make(ErrorCode::Unauthorized, u"Sign in first: send an access token."_s);
    }
    // RFC 6750 §2.1: "Bearer" (any case) SP token.
    if (authorization.size() < 8
            || authorization.first(7).compare("bearer ", Qt::CaseInsensitive) != 0) {
        return Error::make(ErrorCode::Unauthorized, u"Use the Bearer authentication scheme."_s);
    }
    return m_tokens.verifyAccessToken(
            authorization.sliced(7).trimmed(), QDateTime::currentDateTimeUtc());
}

Result<Principal> Authenticator::principal(
        db::Connection &connection, const crypto::AccessClaims &claims)
{
    auto query = connection.run(kActiveSessionUser,
            {{u":session"_s, claims.sessionId.toString(QUuid::WithoutBraces)},
                    {u":user"_s, claims.userId.toString(QUuid::WithoutBraces)}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return Error::make(ErrorCode::Unauthorized, u"The session has ended; sign in again."_s);
    }
    Principal principal{claims.sessionId, db::readAccount(**query, 0)};
    (*query)->finish();
    return principal;
}

Result<void> Authenticator::requireRole(
        const Principal &principal, std::initializer_list<common::UserRole> roles)
{
    if (std::find(roles.begin(), roles.end(), principal.role()) == roles.end()) {
        return Error::make(ErrorCode::Forbidden, u"Your account's role may not do this."_s);
    }
    return {};
}

Response Authenticator::unauthorized(const Request &request, const Error &error)
{
    Response response = Response::fromError(error);
    if (error.code == ErrorCode::Unauthorized && !request.header("authorization").isEmpty()) {
        response.withHeader(
                "WWW-Authenticate", R"(Bearer realm="influence", error="invalid_token")");
    }
    return response;
}

} // namespace influence::server::http
