// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Config.h"
#include "common/Result.h"
#include "core/db/DatabaseUrl.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace influence::server {

namespace db {
class DbPool;
class ReplicaPool;
class ManagedPostgres;
struct ConnectionSettings;
} // namespace db
namespace crypto {
class TokenService;
}
namespace http {
class Authenticator;
class HttpServer;
struct HttpContext;
class Router;
} // namespace http
namespace jobs {
class JobWorker;
}
namespace oidc {
class OidcService;
}
namespace social {
class SocialService;
}
class CpuPool;

/// The composition root: database (external or private), migrations, the worker pool, every
/// module's routes, and the HTTP threads. Also owns the orderly shutdown.
class ServerApp : public QObject
{
    Q_OBJECT

public:
    struct StartOptions
    {
        /// Seed the demo data set into an empty database before serving.
        bool demoData = false;
        /// Extra routes (tests add failing handlers this way).
        std::function<void(http::Router &)> extraRoutes;
        /// Extra job handlers (tests), registered before the job worker starts.
        std::function<void(jobs::JobWorker &)> extraJobs;
    };

    explicit ServerApp(Config config, QObject *parent = nullptr);
    ~ServerApp() override;

    /// Connects (starting the private PostgreSQL if no DATABASE_URL is set), migrates, and
    /// listens. On failure nothing is left running.
    common::Result<void> start(const StartOptions &options);
    common::Result<void> start() { return start(StartOptions{}); }

    quint16 port() const;
    QString url() const;
    const Config &config() const { return m_config; }
    db::DatabaseUrl databaseUrl() const { return m_databaseUrl; }
    db::ManagedPostgres *managedPostgres() const { return m_managedPostgres.get(); }
    http::HttpContext &httpContext();
    /// Looks for due jobs now instead of at the next poll (tests).
    void wakeJobs();
    /// The job queue's runner in this process.
    jobs::JobWorker &jobWorker() { return *m_jobs; }
    /// Connecting social accounts; null when no platform has a client id.
    social::SocialService *social() { return m_social.get(); }

    /// SIGTERM behaviour: stop accepting, let in-flight requests finish (up to the grace period),
    /// close connections, stop workers and the private database, then emit stopped().
    void shutdown();
    bool isStopped() const { return m_stopped; }

Q_SIGNALS:
    void stopped();

private:
    void finishShutdown();

    Config m_config;
    db::DatabaseUrl m_databaseUrl;
    std::unique_ptr<db::ManagedPostgres> m_managedPostgres;
    std::shared_ptr<db::ConnectionSettings> m_connectionSettings;
    std::unique_ptr<db::DbPool> m_dbPool;
    std::unique_ptr<db::ReplicaPool> m_replicaPool;
    std::unique_ptr<CpuPool> m_cpuPool;
    /// Signs and checks access tokens; outlives every request (the routes and the
    /// authenticator hold it).
    std::unique_ptr<crypto::TokenService> m_tokens;
    std::unique_ptr<http::Authenticator> m_authenticator;
    std::unique_ptr<oidc::OidcService> m_oidc; ///< only when providers are configured
    std::unique_ptr<social::SocialService> m_social; ///< only when platforms are configured
    std::unique_ptr<jobs::JobWorker> m_jobs;
    std::shared_ptr<http::HttpContext> m_httpContext;
    std::unique_ptr<http::HttpServer> m_httpServer;
    QDateTime m_startedAt;
    QTimer m_drainTimer;
    qint64 m_drainDeadline = 0;
    bool m_shuttingDown = false;
    bool m_stopped = false;
};

/// The key that signs access tokens: JWT_SECRET, or a random one generated once and kept in
/// DATA_DIR/secrets/jwt-secret (mode 0600), so restarts keep sessions valid.
common::Result<QByteArray> jwtSecretFor(const Config &config);

/// The keys that encrypt social-platform tokens: TOKEN_ENCRYPTION_KEYS, or one random key
/// generated once and kept in DATA_DIR/secrets/token-encryption-keys (mode 0600).
common::Result<QByteArray> tokenKeysFor(const Config &config);

} // namespace influence::server
