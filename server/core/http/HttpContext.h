// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ClientAddress.h"
#include "ClientConnections.h"
#include "HttpSettings.h"
#include "Metrics.h"
#include "Router.h"

#include <atomic>

namespace influence::server {
class CpuPool;
}
namespace influence::server::db {
class DbPool;
}

namespace influence::server::http {

class Authenticator;

/// State shared by every HTTP thread: read-only after start, except the atomics and the
/// connection counts.
struct HttpContext
{
    explicit HttpContext(HttpSettings httpSettings)
        : settings(std::move(httpSettings))
        , clientAddress(settings.trustedProxies)
        , clientConnections(settings.maxConnectionsPerClient, clientAddress)
    { }

    /// The URL clients reach the server at, with the port it listens on.
    QString publicUrl() const { return settings.publicUrlAt(port); }

    const HttpSettings settings;
    /// The port the server listens on: set by HttpServer::bind(), 0 before.
    quint16 port = 0;
    Router router;
    db::DbPool *dbPool = nullptr;
    /// For CPU-bound work (password hashing) that must not hold a database connection.
    CpuPool *cpuPool = nullptr;
    /// Checks the signed-in routes' tokens and sessions.
    const Authenticator *authenticator = nullptr;
    /// Who a request comes from (the peer, or behind a trusted proxy its X-Forwarded-For).
    const ClientAddress clientAddress;
    /// Open connections per client address, for the per-client cap (thread-safe).
    ClientConnections clientConnections;
    /// Request counters for /metrics (enabled with METRICS_TOKEN).
    Metrics metrics;
    std::atomic<bool> draining{false};
    std::atomic<int> inFlight{0};
    std::atomic<int> connections{0};
};

} // namespace influence::server::http
