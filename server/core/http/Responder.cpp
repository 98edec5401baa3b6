// SPDX-License-Identifier: Apache-2.0
#include "Responder.h"

#include "Exchange.h"
#include "HttpContext.h"
#include "HttpLog.h"
#include "core/concurrency/CpuPool.h"
#include "core/db/DbPool.h"
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
    const bool queued = pool->tryRun([exchange, task = std::move(task)](db::Connection &c) mutable {
        runGuarded(exchange, task, c);
    });
    if (!queued) {
        send(busy());
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
