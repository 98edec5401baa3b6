// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpContext.h"
#include "common/Result.h"

#include <QThread>

#include <memory>
#include <vector>

namespace influence::server::http {

class HttpWorker;

/// Runs the HTTP side: one HttpWorker per thread, each accepting on its own SO_REUSEPORT socket
/// bound to the same address, so the kernel spreads connections over the threads (measured on
/// 2 cores with a trivial route: 30 000 req/s with one thread, 36 000 with two).
class HttpServer
{
public:
    explicit HttpServer(std::shared_ptr<HttpContext> context);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    /// Opens one listening socket per thread on the settings' address and port. Port 0 picks a
    /// free port (port() tells which). Nothing is accepted before start().
    common::Result<void> bind();
    /// Starts one worker thread per socket; the router must be complete by now.
    common::Result<void> start();
    quint16 port() const { return m_context->port; }

    /// Stops accepting; idle connections close now, busy ones after their answer; /readyz and
    /// every response from now on say so (503 and Connection: close).
    void beginDrain();
    /// Requests still being answered.
    int inFlight() const { return m_context->inFlight.load(); }
    /// Closes every connection at once.
    void abortConnections();
    /// Stops the worker threads (after the database pool has finished, so that no worker gets
    /// an answer after it is gone).
    void stop();

    HttpContext &context() { return *m_context; }

private:
    std::shared_ptr<HttpContext> m_context;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<HttpWorker *> m_workers;
    std::vector<int> m_listeningSockets;
};

} // namespace influence::server::http
