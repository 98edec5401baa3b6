// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ClientAddress.h"
#include "HttpHead.h"
#include "Router.h"

#include <QStringList>

#include <atomic>
#include <chrono>

namespace influence::server {
class CpuPool;
}
namespace influence::server::db {
class DbPool;
}

namespace influence::server::http {

class Authenticator;

/// HTTP limits and policies, from the configuration.
struct HttpSettings
{
    HeadLimits limits;
    std::chrono::milliseconds idleTimeout{60'000};
    std::chrono::milliseconds requestTimeout{30'000};
    /// A connection that is being closed (after an error response) is cut off after this.
    std::chrono::milliseconds closeTimeout{5'000};
    int maxConnectionsPerThread = 1024;
    int maxPipelinedRequests = 16;
    QStringList corsAllowedOrigins;
    bool strictTransportSecurity = false;
};

/// State shared by every HTTP thread: read-only after start, except the atomics.
struct HttpContext
{
    HttpSettings settings;
    Router router;
    db::DbPool *dbPool = nullptr;
    /// For CPU-bound work (password hashing) that must not hold a database connection.
    CpuPool *cpuPool = nullptr;
    /// Checks the signed-in routes' tokens and sessions.
    const Authenticator *authenticator = nullptr;
    /// Who a request comes from (the peer, or behind a trusted proxy its X-Forwarded-For).
    ClientAddress clientAddress;
    std::atomic<bool> draining{false};
    std::atomic<int> inFlight{0};
    std::atomic<int> connections{0};
};

} // namespace influence::server::http
