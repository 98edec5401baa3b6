// SPDX-License-Identifier: Apache-2.0
#include "RouteTable.h"

#include "Authenticator.h"
#include "HttpContext.h"
#include "Idempotency.h"
#include "core/db/Connection.h"

#include <QLoggingCategory>

using influence::common::Error;

Q_LOGGING_CATEGORY(lcRoutes, "influence.http.routes")

namespace influence::server::http {

Work Work::answer(Response response)
{
    Work work;
    work.m_immediate = std::make_shared<const Response>(std::move(response));
    return work;
}

Response Work::run(
        db::Connection &c, const Principal *principal, const Responder &out, int status) const
{
    if (m_needsPrincipal && !principal) {
        // A public route whose work wants a principal: a mistake in a route table.
        qCCritical(lcRoutes, "%s: a public route's work needs a signed-in user",
                qPrintable(out.request().routeTemplate));
        return Response::fromError(Error::internal());
    }
    return m_task(c, principal, out, status);
}

namespace {

void handle(const Authenticator &authenticator, const Route &route, const Request &request,
        const Responder &out)
{
    std::optional<crypto::AccessClaims> claims;
    if (route.access == Access::SignedIn) {
        auto checked = authenticator.claims(request);
        if (!checked) {
            out.send(Authenticator::unauthorized(request, checked.error()));
            return;
        }
        claims = std::move(*checked);
    }
    auto work = route.prepare(request);
    if (!work) {
        out.problem(work.error());
        return;
    }
    if (work->immediate()) {
        out.send(*work->immediate());
        return;
    }
    std::optional<idempotency::Key> key;
    if (route.idempotency == Idempotency::Honoured && claims) {
        auto read = idempotency::keyOf(request);
        if (!read) {
            out.problem(read.error());
            return;
        }
        key = std::move(*read);
    }
    out.runOnDbPool([work = std::move(*work), claims = std::move(claims), key = std::move(key), out,
                            status = route.status](db::Connection &c) {
        if (!claims) {
            return work.run(c, nullptr, out, status);
        }
        const auto principal = Authenticator::principal(c, *claims);
        if (!principal) {
            return Response::fromError(principal.error());
        }
        if (!key) {
            return work.run(c, &*principal, out, status);
        }
        auto begun = idempotency::begin(c, principal->userId(), *key);
        if (auto *answer = std::get_if<Response>(&begun)) {
            return std::move(*answer);
        }
        Response response = work.run(c, &*principal, out, status);
        idempotency::finish(c, principal->userId(), *key, response, out.request().path);
        return response;
    });
}

} // namespace

void addRoutes(HttpContext &context, const QList<Route> &routes)
{
    Q_ASSERT(context.authenticator);
    for (const Route &route : routes) {
        context.router.add(route.method, route.path,
                [auth = context.authenticator, route](
                        const Request &request, const Responder &out) {
                    handle(*auth, route, request, out);
                });
    }
}

} // namespace influence::server::http
