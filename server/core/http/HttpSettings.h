// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpHead.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <chrono>

namespace influence::server::http {

/// Where and how the server listens, its limits and policies: the HTTP part of the
/// configuration (PORT, LISTEN_ADDRESS, PUBLIC_URL, HTTP_THREADS, MAX_*,
/// HTTP_MAX_CONNECTIONS_PER_CLIENT, *_TIMEOUT_SECONDS, SHUTDOWN_GRACE_SECONDS,
/// CORS_ALLOWED_ORIGINS, TRUSTED_PROXIES, RATE_LIMIT_*, METRICS_TOKEN).
struct HttpSettings
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080; ///< 0: a free one, picked when the server binds
    /// Threads accepting and parsing HTTP, each with its own SO_REUSEPORT listener.
    int threads = 2;
    QString publicUrl; ///< empty: http://<listen address>:<port>
    /// MAX_HEADER_BYTES is limits.maxHeadBytes, MAX_BODY_BYTES limits.maxBodyBytes.
    HeadLimits limits;
    /// Open client connections per process, shared evenly by the threads; more are refused.
    int maxConnections = 2048;
    /// Open connections of one client address (trusted proxies not counted); more are refused
    /// with 503 at once, so one client cannot take every connection. 0: no cap.
    int maxConnectionsPerClient = 256;
    std::chrono::seconds idleTimeout{60};
    /// A request must arrive completely within this time (slow clients get 408).
    std::chrono::seconds requestTimeout{30};
    /// On SIGTERM, how long in-flight requests may take before connections close.
    std::chrono::seconds shutdownGrace{15};
    /// A connection that is being closed (after an error response) is cut off after this.
    std::chrono::milliseconds closeTimeout{5'000};
    int maxPipelinedRequests = 16;
    QStringList corsAllowedOrigins;
    /// Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed.
    QStringList trustedProxies;
    /// RATE_LIMIT_WRITES_PER_MINUTE: requests per minute that one user (signed out: one client
    /// address) may make to routes that change something (not GET/HEAD); more get 429 with
    /// Retry-After. 0: no limit. Sign-in's own limit (AUTH_RATE_LIMIT_PER_MINUTE) also applies.
    int writesPerMinute = 120;
    /// RATE_LIMIT_EXPENSIVE_PER_MINUTE: the same for the expensive routes, reads included.
    int expensivePerMinute = 60;
    /// The expensive routes (templates, any method): forecasts, similar creators,
    /// recommendations, exports and imports. Discovery search (/api/v1/influencers) is not
    /// among them: it reads the in-memory index in well under a millisecond, and paging
    /// through results would spend the budget.
    QStringList expensiveRoutes = {QStringLiteral("/api/v1/forecasts"),
            QStringLiteral("/api/v1/connected-accounts/{id}/forecast"),
            QStringLiteral("/api/v1/campaigns/{id}/forecast"),
            QStringLiteral("/api/v1/influencers/{id}/similar"),
            QStringLiteral("/api/v1/campaigns/{id}/recommendations"),
            QStringLiteral("/api/v1/shortlists/{id}/export"),
            QStringLiteral("/api/v1/analytics/imports")};
    /// METRICS_TOKEN: GET /metrics answers with this bearer token; empty: no /metrics (404)
    /// and nothing counted.
    QByteArray metricsToken;

    /// The URL clients reach the server at: publicUrl, or http://<listen address>:<port>.
    QString effectivePublicUrl() const { return publicUrlAt(port); }
    /// The same for a server listening on `boundPort` (the port PORT=0 was given).
    QString publicUrlAt(quint16 boundPort) const;
};

} // namespace influence::server::http
