// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpHead.h"
#include "Principal.h"
#include "Responder.h"
#include "Response.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>
#include <type_traits>

namespace influence::server::db {
class Connection;
}

/// The one way a domain declares its routes: a table of {method, path, access, prepare,
/// status}. For each request the table's runner checks the token first (401 whatever the
/// input), then calls `prepare` on the HTTP thread to read and check the path, query and body
/// (400/422 before any database work), then runs the Work it returned on a database worker,
/// after the session check, and sends what the work answers.
namespace influence::server::http {

struct HttpContext;

/// Who may call a route.
enum class Access {
    /// Anyone: sign-in, registration, health, the API document.
    Public,
    /// A signed-in user: the bearer token is checked before anything else, the session in the
    /// database before the work runs.
    SignedIn,
};

/// What a route does once its input has been checked. It holds values only (never the request
/// or the socket) and runs on a database worker. The task is one of
///   (db::Connection &)                                        a public route
///   (db::Connection &, const Principal &)                     a signed-in route
///   (db::Connection &, const Responder &)                     a public route with more steps
///   (db::Connection &, const Principal &, const Responder &)  a signed-in one with more steps
/// and returns a Response, JSON as common::Result<QByteArray> (sent with the route's status) or
/// common::Result<void> (204 No Content). A task with more steps hands a copy of the Responder
/// on (to the CPU pool, to a provider's answer) and returns Response::deferred().
class Work
{
public:
    template<class Task>
    // NOLINTNEXTLINE(google-explicit-constructor,bugprone-forwarding-reference-overload): a
    // prepare function returns its task as Work.
    Work(Task task);

    /// An answer that needs no database (the API document, the list of sign-in providers).
    static Work answer(Response response);

    /// Runs the task; `principal` is null on public routes.
    Response run(
            db::Connection &c, const Principal *principal, const Responder &out, int status) const;
    /// The answer of answer(), sent without a database worker.
    const Response *immediate() const { return m_immediate.get(); }
    bool needsPrincipal() const { return m_needsPrincipal; }

private:
    Work() = default;

    template<class Result>
    static Response reply(Result &&result, int status);

    std::function<Response(db::Connection &, const Principal *, const Responder &, int)> m_task;
    // Shared, not std::optional: GCC 12 at -O2 reports the optional's moved-from members as
    // maybe-uninitialized (a false positive that -Werror turns into a failed release build).
    std::shared_ptr<const Response> m_immediate;
    bool m_needsPrincipal = false;
};

/// Reads and checks a request into its work, on the HTTP thread; an error is answered as a
/// problem at once.
using Prepare = std::function<common::Result<Work>(const Request &)>;

/// A prepare function of routes that share read-only state (settings, a service), bound to it:
/// `bind(shared, signIn)` for `Result<Work> signIn(const Request &, const SharedPtr &)`.
template<class Shared>
Prepare bind(std::shared_ptr<const Shared> shared,
        common::Result<Work> (*prepare)(const Request &, const std::shared_ptr<const Shared> &))
{
    return [shared = std::move(shared), prepare](const Request &request) {
        return prepare(request, shared);
    };
}

/// Whether a route honours the Idempotency-Key header (Idempotency.h): the signed-in routes that
/// move money or create terms.
enum class Idempotency { Ignored, Honoured };

/// The prepare function of a signed-in route on one object, /…/{id}[/action]: reads the `id`
/// path parameter (400 when it is not a UUID) and runs `work` with it.
Prepare
onId(std::function<common::Result<QByteArray>(db::Connection &, const Principal &, const QUuid &)>
                work);

/// Which database a route's work runs on.
enum class DbTarget {
    Primary,
    /// A read replica when one is usable (Responder::runOnReadPool): read-only work only. A
    /// route with a request budget (RATE_LIMIT_*) stays on the primary, whose counters it
    /// writes.
    ReadReplica,
};

struct Route
{
    HttpMethod method;
    QString path; ///< an OpenAPI path template, /api/v1/deals/{id}
    Access access;
    Prepare prepare;
    int status = 200; ///< of a successful JSON answer
    Idempotency idempotency = Idempotency::Ignored;
    DbTarget target = DbTarget::Primary;
};

/// `route`, its work read-only and run on a read replica when there is one.
Route onReadReplica(Route route);

/// Adds a domain's routes to the context's router; the context's authenticator checks the
/// signed-in ones.
void addRoutes(HttpContext &context, const QList<Route> &routes);

template<class Result>
Response Work::reply(Result &&result, int status)
{
    using R = std::decay_t<Result>;
    if constexpr (std::is_same_v<R, Response>) {
        return std::forward<Result>(result);
    } else if constexpr (std::is_same_v<R, common::Result<void>>) {
        return Response::from(result);
    } else {
        static_assert(std::is_same_v<R, common::Result<QByteArray>>,
                "a route's task returns a Response, common::Result<QByteArray> or "
                "common::Result<void>");
        return Response::from(result, status);
    }
}

template<class Task>
Work::Work(Task task)
{
    using C = db::Connection &;
    if constexpr (std::is_invocable_v<const Task &, C, const Principal &, const Responder &>) {
        m_needsPrincipal = true;
        m_task = [task = std::move(task)](
                         C c, const Principal *p, const Responder &out, int status) {
            return reply(task(c, *p, out), status);
        };
    } else if constexpr (std::is_invocable_v<const Task &, C, const Principal &>) {
        m_needsPrincipal = true;
        m_task = [task = std::move(task)](C c, const Principal *p, const Responder &, int status) {
            return reply(task(c, *p), status);
        };
    } else if constexpr (std::is_invocable_v<const Task &, C, const Responder &>) {
        m_task = [task = std::move(task)](
                         C c, const Principal *, const Responder &out, int status) {
            return reply(task(c, out), status);
        };
    } else {
        static_assert(std::is_invocable_v<const Task &, C>,
                "a route's task takes (db::Connection &[, const Principal &][, const "
                "Responder &])");
        m_task = [task = std::move(task)](C c, const Principal *, const Responder &, int status) {
            return reply(task(c), status);
        };
    }
}

} // namespace influence::server::http
