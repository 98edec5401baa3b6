// SPDX-License-Identifier: Apache-2.0
#include "SignedIn.h"

#include "core/http/Responder.h"

namespace influence::server::auth {

std::optional<AccessClaims> tokenOr401(const Authenticator &authenticator,
        const http::Request &request, const http::Responder &out)
{
    auto claims = authenticator.claims(request);
    if (!claims) {
        out.send(Authenticator::unauthorized(request, claims.error()));
        return std::nullopt;
    }
    return std::move(*claims);
}

void withPrincipal(const AccessClaims &claims, const http::Responder &out,
        std::function<http::Response(db::Connection &, const Principal &)> then)
{
    out.runOnDbPool([claims, then = std::move(then)](db::Connection &c) {
        const auto principal = Authenticator::principal(c, claims);
        if (!principal) {
            return http::Response::fromError(principal.error());
        }
        return then(c, *principal);
    });
}

void whenSignedIn(const Authenticator &authenticator, const http::Request &request,
        const http::Responder &out,
        std::function<http::Response(db::Connection &, const Principal &)> then)
{
    if (const auto claims = tokenOr401(authenticator, request, out)) {
        withPrincipal(*claims, out, std::move(then));
    }
}

} // namespace influence::server::auth
