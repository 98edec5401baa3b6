// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/Authenticator.h"
#include "core/http/Response.h"

#include <functional>
#include <optional>

namespace influence::server::http {
class Responder;
}

namespace influence::server::auth {

using crypto::AccessClaims;
using http::Authenticator;
using http::Principal;

/// The usual shape of a route for signed-in users: the token is checked on the HTTP thread
/// (401 at once when it is bad), then `then` runs on the database pool with the checked
/// principal (401 when the session has ended).
/// The two steps of whenSignedIn on their own, for routes that check their input in between
/// (so that a request without a valid token gets 401 whatever its body): the token (401 sent,
/// nothing returned, when it is bad), then the session and `then` on the database pool.
std::optional<AccessClaims> tokenOr401(const Authenticator &authenticator,
        const http::Request &request, const http::Responder &out);
void withPrincipal(const AccessClaims &claims, const http::Responder &out,
        std::function<http::Response(db::Connection &, const Principal &)> then);

void whenSignedIn(const Authenticator &authenticator, const http::Request &request,
        const http::Responder &out,
        std::function<http::Response(db::Connection &, const Principal &)> then);

} // namespace influence::server::auth
