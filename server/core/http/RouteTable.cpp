// SPDX-License-Identifier: Apache-2.0
#include "RouteTable.h"

#include "Authenticator.h"
#include "HttpContext.h"
#include "Idempotency.h"
#include "RateLimit.h"
#include "Request.h"
#include "core/db/Connection.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;
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

/// The request budget a route's requests count against (RATE_LIMIT_*): the expensive routes',
/// else the writes', else none. Decided once, when the route is added.
struct Budget
{
    QString group; ///< the bucket's prefix: "expensive" or "write"
    int perMinute = 0; ///< 0: not limited
};

Budget budgetOf(const Route &route, const HttpSettings &settings)
{
    if (settings.expensiveRoutes.contains(route.path)) {
        return {u"expensive"_s, settings.expensivePerMinute};
    }
    // A payment provider's inbound webhook (".../stripe/webhook") is not a client's write: its
    // retries must not be refused. Our own /api/v1/webhooks management routes are budgeted.
    if (route.method != HttpMethod::Get && route.method != HttpMethod::Head
            && !route.path.endsWith(u"/webhook"_s)) {
        return {u"write"_s, settings.writesPerMinute};
    }
    return {};
}

/// Runs `work` within the route's budget for who asks: the signed-in user, else the client
/// address. The counters are PostgreSQL's (auth_rate_limits), shared by every process.
template<class Work>
Response withinBudget(db::Connection &c, const Budget &budget, const Principal *principal,
        const QString &client, Work &&work)
{
    if (budget.perMinute <= 0) {
        return work();
    }
    const QString who = principal ? u"user:"_s + principal->userId().toString(QUuid::WithoutBraces)
                                  : u"address:"_s + client;
    const RateLimit limit{budget.group + u':' + who, budget.perMinute, std::chrono::seconds(60),
            u"Too many requests; try again in a minute."_s};
    return limited(c, limit, [&](const RateDecision &) {
        return work();
    });
}

void handle(const Authenticator &authenticator, const Route &route, const Budget &budget,
        const QString &client, const Request &request, const Responder &out)
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
    std::function<Response(db::Connection &)> task =
            [work = std::move(*work), claims = std::move(claims), key = std::move(key), out,
                    status = route.status, budget, client](db::Connection &c) {
                if (!claims) {
                    return withinBudget(c, budget, nullptr, client, [&] {
                        return work.run(c, nullptr, out, status);
                    });
                }
                const auto principal = Authenticator::principal(c, *claims);
                if (!principal) {
                    return Response::fromError(principal.error());
                }
                return withinBudget(c, budget, &*principal, client, [&] {
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
            };
    // A budget's counters are written on the primary: a budgeted route reads there too.
    if (route.target == DbTarget::ReadReplica && budget.perMinute <= 0) {
        out.runOnReadPool(std::move(task));
    } else {
        out.runOnDbPool(std::move(task));
    }
}

} // namespace

Prepare
onId(std::function<common::Result<QByteArray>(db::Connection &, const Principal &, const QUuid &)>
                work)
{
    return [work = std::move(work)](const Request &request) -> common::Result<Work> {
        const auto id = request.uuidParam(QStringLiteral("id"));
        if (!id) {
            return id.error();
        }
        return Work([id = *id, work](db::Connection &c, const Principal &p) {
            return work(c, p, id);
        });
    };
}

Route onReadReplica(Route route)
{
    route.target = DbTarget::ReadReplica;
    return route;
}

void addRoutes(HttpContext &context, const QList<Route> &routes)
{
    Q_ASSERT(context.authenticator);
    for (const Route &route : routes) {
        context.router.add(route.method, route.path,
                [auth = context.authenticator, route, budget = budgetOf(route, context.settings),
                        addresses = &context.clientAddress](
                        const Request &request, const Responder &out) {
                    handle(*auth, route, budget,
                            budget.perMinute > 0 ? addresses->of(request).toString() : QString(),
                            request, out);
                });
    }
}

} // namespace influence::server::http
