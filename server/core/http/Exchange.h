// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Request.h"
#include "Response.h"

#include <atomic>
#include <memory>

namespace influence::server::http {

class HttpWorker;
struct HttpContext;

/// One request in flight: what it was, and whether it has been answered. Shared between the
/// handler, worker tasks and the connection's thread; internal to the HTTP layer.
class Exchange
{
public:
    Exchange(HttpWorker *worker, quint64 connectionId, std::shared_ptr<const Request> request,
            HttpContext *context);
    ~Exchange();
    Exchange(const Exchange &) = delete;
    Exchange &operator=(const Exchange &) = delete;

    /// Answers the request; later calls are ignored. Any thread.
    void send(Response response);

    const Request &request() const { return *m_request; }
    HttpContext *context() const { return m_context; }
    /// Called by the connection's thread when the client disconnected before the answer.
    void markClientGone() { m_clientGone.store(true); }
    /// Whether the client has gone: its task need not run.
    bool isClientGone() const { return m_clientGone.load(); }

private:
    std::atomic<bool> m_clientGone{false};
    HttpWorker *m_worker;
    quint64 m_connectionId;
    std::shared_ptr<const Request> m_request;
    HttpContext *m_context;
    std::atomic<bool> m_sent{false};
};

} // namespace influence::server::http
