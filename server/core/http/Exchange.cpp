// SPDX-License-Identifier: Apache-2.0
#include "Exchange.h"

#include "HttpLog.h"
#include "HttpWorker.h"

#include <QThread>

using influence::common::Error;

namespace influence::server::http {

Exchange::Exchange(HttpWorker *worker, quint64 connectionId, std::shared_ptr<const Request> request,
        HttpContext *context)
    : m_worker(worker)
    , m_connectionId(connectionId)
    , m_request(std::move(request))
    , m_context(context)
{ }

Exchange::~Exchange()
{
    if (!m_sent.load()) {
        qCCritical(lcHttp, "handler for %s %s did not answer",
                methodName(m_request->method).constData(), qPrintable(m_request->routeTemplate));
        send(Response::fromError(Error::internal()));
    }
}

void Exchange::send(Response response)
{
    if (m_sent.exchange(true)) {
        return;
    }
    if (QThread::currentThread() == m_worker->thread()) {
        m_worker->deliver(m_request, m_connectionId, std::move(response));
        return;
    }
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, request = m_request, id = m_connectionId,
                    r = std::move(response)]() mutable {
                worker->deliver(request, id, std::move(r));
            },
            Qt::QueuedConnection);
}

} // namespace influence::server::http
