// SPDX-License-Identifier: Apache-2.0
#include "ServerApp.h"

#include "db/Connection.h"
#include "db/DbPool.h"
#include "db/ManagedPostgres.h"
#include "db/Migrator.h"
#include "docs/ApiDocs.h"
#include "http/HttpServer.h"
#include "seed/Seeder.h"
#include "system/SystemRoutes.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

Q_LOGGING_CATEGORY(lcApp, "influence.app")

namespace influence::server {

namespace {

constexpr std::chrono::seconds kStartupDatabaseWait{30};

Result<void> migrateWithRetry(db::Connection &connection)
{
    // At boot the database may come up after us: keep trying for a while before giving up.
    const QDeadlineTimer deadline(kStartupDatabaseWait);
    for (;;) {
        auto open = connection.ensureOpen();
        if (open) {
            break;
        }
        if (deadline.hasExpired()) {
            return Error::make(ErrorCode::ServiceUnavailable,
                    u"cannot reach the database: "_s
                            + (connection.lastFailure() ? connection.lastFailure()->message
                                                        : open.error().detail));
        }
        qCWarning(lcApp, "database not reachable yet; retrying");
        QThread::msleep(1000);
    }
    const db::Migrator migrator;
    auto report = migrator.migrate(connection);
    if (!report) {
        return report.error();
    }
    if (report->databaseNewer) {
        qCWarning(lcApp, "the database has migrations newer than this server (schema version %d)",
                report->current);
    }
    if (!report->applied.isEmpty()) {
        qCInfo(lcApp, "applied %d migration(s); schema version %d",
                static_cast<int>(report->applied.size()), report->current);
    }
    return {};
}

} // namespace

Result<std::shared_ptr<db::ConnectionSettings>> databaseForConfig(
        const Config &config, std::unique_ptr<db::ManagedPostgres> &managed)
{
    auto settings = std::make_shared<db::ConnectionSettings>();
    settings->connectTimeout = config.dbConnectTimeout;
    settings->statementTimeout = config.dbStatementTimeout;
    if (config.databaseUrl.isEmpty()) {
        db::ManagedPostgres::Options options;
        options.dataDir = config.dataDir;
        options.binDir = config.postgresBinDir;
        auto started = db::ManagedPostgres::start(options);
        if (!started) {
            return started.error();
        }
        managed = std::move(*started);
        settings->url = managed->url();
    } else {
        auto parsed = db::DatabaseUrl::parse(config.databaseUrl);
        if (!parsed) {
            return parsed.error();
        }
        settings->url = *parsed;
    }
    return settings;
}

ServerApp::ServerApp(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_drainTimer.setInterval(20);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (m_httpServer->inFlight() == 0 || now >= m_drainDeadline) {
            m_drainTimer.stop();
            if (m_httpServer->inFlight() > 0) {
                qCWarning(lcApp, "grace period over with %d request(s) in flight; closing",
                        m_httpServer->inFlight());
            }
            finishShutdown();
        }
    });
}

ServerApp::~ServerApp()
{
    if (!m_stopped) {
        finishShutdown();
    }
}

http::HttpContext &ServerApp::httpContext()
{
    return *m_httpContext;
}

quint16 ServerApp::port() const
{
    return m_httpServer ? m_httpServer->port() : 0;
}

QString ServerApp::url() const
{
    Config effective = m_config;
    effective.port = port();
    return effective.effectivePublicUrl();
}

Result<void> ServerApp::start(const StartOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    m_startedAt = QDateTime::currentDateTimeUtc();

    auto settings = databaseForConfig(m_config, m_managedPostgres);
    if (!settings) {
        return settings.error();
    }
    m_connectionSettings = *settings;
    m_databaseUrl = m_connectionSettings->url;

    {
        // Migrations and seeding run on this thread with a connection of their own.
        db::Connection setup(m_connectionSettings, u"influence-setup"_s);
        if (auto migrated = migrateWithRetry(setup); !migrated) {
            return migrated.error();
        }
        if (options.demoData) {
            seed::SeedOptions seedOptions;
            seedOptions.ifEmpty = true;
            auto seeded = seed::seedDatabase(setup, seedOptions);
            if (!seeded) {
                return seeded.error();
            }
            if (!seeded->skipped) {
                qCInfo(lcApp, "loaded demo data: %lld users",
                        static_cast<long long>(seeded->users));
            }
        }
    }

    m_dbPool = std::make_unique<db::DbPool>(
            m_connectionSettings, m_config.dbPoolSize, m_config.dbQueueLimit);

    m_httpContext = std::make_shared<http::HttpContext>();
    http::HttpSettings &http = m_httpContext->settings;
    http.limits.maxHeadBytes = m_config.maxHeaderBytes;
    http.limits.maxBodyBytes = m_config.maxBodyBytes;
    http.idleTimeout = m_config.idleTimeout;
    http.requestTimeout = m_config.requestTimeout;
    http.maxConnectionsPerThread = qMax(1, m_config.maxConnections / m_config.httpThreads);
    http.corsAllowedOrigins = m_config.corsAllowedOrigins;
    m_httpContext->dbPool = m_dbPool.get();

    m_httpServer = std::make_unique<http::HttpServer>(m_httpContext);
    if (auto bound =
                    m_httpServer->bind(m_config.listenAddress, m_config.port, m_config.httpThreads);
            !bound) {
        return bound.error();
    }
    const QString publicUrl = url(); // with the real port, also when PORT=0
    http.strictTransportSecurity = publicUrl.startsWith(u"https://"_s);
    const QJsonObject openApi = docs::openApiDocument(publicUrl);
    const docs::DocsPage docsPage = docs::renderDocsPage(openApi);
    system::registerRoutes(*m_httpContext,
            {QJsonDocument(openApi).toJson(QJsonDocument::Compact), docsPage.html,
                    docsPage.contentSecurityPolicy, m_startedAt});
    if (options.extraRoutes) {
        options.extraRoutes(m_httpContext->router);
    }
    if (auto started = m_httpServer->start(); !started) {
        return started.error();
    }
    qCInfo(lcApp, "listening on %s (%d HTTP threads, %d database connections) after %lld ms",
            qPrintable(url()), m_config.httpThreads, m_config.dbPoolSize,
            static_cast<long long>(timer.elapsed()));
    return {};
}

void ServerApp::shutdown()
{
    if (m_shuttingDown || m_stopped) {
        return;
    }
    m_shuttingDown = true;
    if (!m_httpServer) {
        finishShutdown();
        return;
    }
    qCInfo(lcApp, "shutting down: draining %d request(s)", m_httpServer->inFlight());
    m_httpServer->beginDrain();
    m_drainDeadline = QDateTime::currentMSecsSinceEpoch()
            + std::chrono::duration_cast<std::chrono::milliseconds>(m_config.shutdownGrace).count();
    m_drainTimer.start();
}

void ServerApp::finishShutdown()
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_drainTimer.stop();
    if (m_httpServer) {
        m_httpServer->abortConnections();
    }
    // Workers must outlive the database tasks that will post their answers to them.
    if (m_dbPool) {
        m_dbPool->waitForDone();
    }
    m_httpServer.reset();
    m_dbPool.reset();
    m_managedPostgres.reset();
    qCInfo(lcApp, "stopped");
    Q_EMIT stopped();
}

} // namespace influence::server
