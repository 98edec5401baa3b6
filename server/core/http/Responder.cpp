// SPDX-License-Identifier: Apache-2.0
#include "Responder.h"

#include "Exchange.h"
#include "HttpContext.h"
#include "HttpLog.h"
#include "common/WalPosition.h"
#include "core/concurrency/CpuPool.h"
#include "core/db/DbError.h"
#include "core/db/DbPool.h"
#include "core/db/ReplicaPool.h"
#include "core/log/Log.h"

#include <exception>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;

namespace influence::server::http {

namespace {

/// Runs a task with the catch-all that keeps exceptions out of the worker threads, and sends its
/// answer unless it deferred to another step.
template<class Task, class... Args>
void runGuarded(const std::shared_ptr<Exchange> &exchange, Task &task, Args &...args)
{
    if (exchange->isClientGone()) {
        exchange->send(Response::fromError(Error::make(ErrorCode::Cancelled)));
        return;
    }
    // The task's own log lines carry its request's id.
    const log::RequestScope scope(exchange->request().requestId);
    Response response;
    try {
        response = task(args...);
    } catch (const std::exception &e) {
        qCCritical(lcHttp, "task for %s threw: %s", qPrintable(exchange->request().routeTemplate),
                e.what());
        response = Response::fromError(Error::internal());
    } catch (...) {
        qCCritical(lcHttp, "task for %s threw", qPrintable(exchange->request().routeTemplate));
        response = Response::fromError(Error::internal());
    }
    if (!response.isDeferred) {
        exchange->send(std::move(response));
    }
}

Response busy()
{
    return Response::fromError(
            Error::unavailable(u"The server is busy; try again in a moment."_s, 1));
}

} // namespace

Responder::Responder(std::shared_ptr<Exchange> exchange)
    : m_exchange(std::move(exchange))
{ }

const Request &Responder::request() const
{
    return m_exchange->request();
}

void Responder::send(Response response) const
{
    m_exchange->send(std::move(response));
}

void Responder::runOnDbPool(std::function<Response(db::Connection &)> task) const
{
    db::DbPool *pool = m_exchange->context()->dbPool;
    if (!pool) {
        send(Response::fromError(Error::unavailable(u"The database is not configured."_s)));
        return;
    }
    auto exchange = m_exchange;
    const HttpMethod method = request().method;
    // With replicas, a write's answer carries the primary's WAL position after it committed, for
    // the client to send back on its next reads (read-your-writes, runOnReadPool).
    const bool stamp = pool->replicas() && method != HttpMethod::Get && method != HttpMethod::Head;
    const bool queued =
            pool->tryRun([exchange, task = std::move(task), stamp](db::Connection &c) mutable {
                if (!stamp) {
                    runGuarded(exchange, task, c);
                    return;
                }
                auto stamped = [&task](db::Connection &connection) {
                    Response response = task(connection);
                    if (!response.isDeferred && response.status < 400) {
                        if (const auto position = db::ReplicaPool::primaryPosition(connection)) {
                            response.withHeader("Influence-Wal-Position", position->toText());
                        }
                    }
                    return response;
                };
                runGuarded(exchange, stamped, c);
            });
    if (!queued) {
        send(busy());
    }
}

namespace {

/// Whether a task's answer from a replica must be given up for the primary's.
bool needsPrimary(const db::Connection &c, const Response &response)
{
    // 401: the session may be newer than the replica (a sign-in it has not replayed yet).
    if (response.status == 401) {
        return true;
    }
    const auto &failure = c.lastFailure();
    if (!failure) {
        return false;
    }
    // 25006 read_only_sql_transaction: a read route that writes after all; 40001: on a standby,
    // a query cancelled by a conflict with recovery.
    return failure->isConnectionProblem() || failure->sqlState == u"25006"_s
            || failure->sqlState == u"40001"_s;
}

} // namespace

void Responder::runOnReadPool(std::function<Response(db::Connection &)> task) const
{
    std::optional<common::WalPosition> position;
    if (const QByteArray header = request().header(common::kWalPositionHeader); !header.isNull()) {
        position = common::WalPosition::parse(header.trimmed());
        if (!position) {
            problem(Error::invalidParameter(u"Influence-Wal-Position"_s, u"invalid"_s,
                    u"Influence-Wal-Position must be a WAL position such as 0/16B3748, as a "
                    "write's answer gave it."_s));
            return;
        }
    }
    db::DbPool *primary = m_exchange->context()->dbPool;
    db::ReplicaPool *replicas = primary ? primary->replicas() : nullptr;
    if (!replicas) {
        runOnDbPool(std::move(task));
        return;
    }
    auto shared =
            std::make_shared<const std::function<Response(db::Connection &)>>(std::move(task));
    auto exchange = m_exchange;
    const auto queued =
            replicas->tryRun([exchange, shared, position, replicas](db::Connection *c, int index) {
                const Responder out(exchange);
                if (!c) {
                    replicas->countFallback(db::ReplicaFallback::NoReplica);
                    out.runOnDbPool(*shared);
                    return;
                }
                if (exchange->isClientGone()) {
                    exchange->send(Response::fromError(Error::make(ErrorCode::Cancelled)));
                    return;
                }
                if (position && !replicas->waitForReplay(*c, index, *position)) {
                    if (c->lastFailure() && c->lastFailure()->isConnectionProblem()) {
                        replicas->markDown(index);
                    }
                    replicas->countFallback(db::ReplicaFallback::WaitTimedOut);
                    out.runOnDbPool(*shared);
                    return;
                }
                c->clearFailure();
                auto onReplica = [&](db::Connection &replica) {
                    Response response = (*shared)(replica);
                    if (response.isDeferred || !needsPrimary(replica, response)) {
                        return response;
                    }
                    if (replica.lastFailure() && replica.lastFailure()->isConnectionProblem()) {
                        replicas->markDown(index);
                    }
                    replicas->countFallback(db::ReplicaFallback::ReplicaFailed);
                    out.runOnDbPool(*shared);
                    return Response::deferred();
                };
                runGuarded(exchange, onReplica, *c);
            });
    switch (queued) {
    case db::ReplicaPool::Queued::Yes: break;
    case db::ReplicaPool::Queued::QueueFull: send(busy()); break;
    case db::ReplicaPool::Queued::NoReplica:
        replicas->countFallback(db::ReplicaFallback::NoReplica);
        runOnDbPool(*shared);
        break;
    }
}

void Responder::runOnCpuPool(std::function<Response()> task) const
{
    CpuPool *pool = m_exchange->context()->cpuPool;
    if (!pool) {
        runGuarded(m_exchange, task);
        return;
    }
    auto exchange = m_exchange;
    if (!pool->tryRun([exchange, task = std::move(task)]() mutable {
            runGuarded(exchange, task);
        })) {
        send(busy());
    }
}

} // namespace influence::server::http
