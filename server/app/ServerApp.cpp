// SPDX-License-Identifier: Apache-2.0
#include "ServerApp.h"

#include "analytics/AnalyticsRoutes.h"
#include "analytics/ImportRoutes.h"
#include "app/seed/DemoSignIns.h"
#include "app/seed/Seeder.h"
#include "auth/AuthRoutes.h"
#include "auth/PasswordHasher.h"
#include "brands/BrandRoutes.h"
#include "campaigns/CampaignRoutes.h"
#include "core/concurrency/CpuPool.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/TokenCipher.h"
#include "core/crypto/TokenService.h"
#include "core/db/Connection.h"
#include "core/db/DbPool.h"
#include "core/db/ManagedPostgres.h"
#include "core/db/Migrator.h"
#include "core/db/ReplicaPool.h"
#include "core/docs/ApiDocs.h"
#include "core/http/Authenticator.h"
#include "core/http/HttpContext.h"
#include "core/http/HttpServer.h"
#include "core/jobs/Housekeeping.h"
#include "core/jobs/JobQueue.h"
#include "core/jobs/JobRoutes.h"
#include "core/jobs/JobWorker.h"
#include "core/mail/MailJob.h"
#include "core/mail/SmtpClient.h"
#include "core/system/SystemRoutes.h"
#include "deals/DealRoutes.h"
#include "deals/Reminders.h"
#include "discovery/DiscoveryIndex.h"
#include "discovery/DiscoveryIndexLoader.h"
#include "discovery/DiscoveryRoutes.h"
#include "forecast/ForecastRoutes.h"
#include "money/MoneyRoutes.h"
#include "money/PayoutJobs.h"
#include "notifications/DealActivityMail.h"
#include "notifications/Digest.h"
#include "notifications/NotificationRoutes.h"
#include "oidc/OidcRoutes.h"
#include "oidc/OidcService.h"
#include "profiles/ProfileRoutes.h"
#include "recommendations/FeatureStore.h"
#include "recommendations/RecommendationRoutes.h"
#include "rules/RuleFiring.h"
#include "rules/RuleRoutes.h"
#include "shortlists/ShortlistRoutes.h"
#include "social/SocialRoutes.h"
#include "social/SocialService.h"
#include "social/SyncJob.h"
#include "webhooks/Delivery.h"
#include "webhooks/WebhookRoutes.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
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

/// `serve --demo`: the demo data set when the database is empty, and fresh passwords for
/// three of its accounts at every start, so that the demo can be signed in to (stored only
/// hashed; the log is where they are told).
Result<void> loadDemoData(db::Connection &setup)
{
    seed::SeedOptions seedOptions;
    seedOptions.ifEmpty = true;
    auto seeded = seed::seedDatabase(setup, seedOptions);
    if (!seeded) {
        return seeded.error();
    }
    if (!seeded->skipped) {
        qCInfo(lcApp, "loaded demo data: %lld users", static_cast<long long>(seeded->users));
    }
    const auto issued = seed::issueDemoSignIns(setup, auth::PasswordHasher());
    if (!issued) {
        return issued.error();
    }
    for (const seed::DemoSignIn &signIn : *issued) {
        qCInfo(lcApp, "demo sign-in (%s): %s with password %s (new at every start)",
                qPrintable(signIn.role), qPrintable(signIn.email), qPrintable(signIn.password));
    }
    return {};
}

/// Encrypts the social platforms' tokens at rest: TOKEN_ENCRYPTION_KEYS, or the keys generated
/// in DATA_DIR.
Result<crypto::TokenCipher> tokenCipherFor(const Config &config)
{
    const auto text = tokenKeysFor(config);
    if (!text) {
        return text.error();
    }
    auto keys = crypto::TokenCipher::parseKeys(QString::fromUtf8(*text));
    if (!keys) {
        return keys.error();
    }
    return crypto::TokenCipher::create(*keys);
}

/// How the background worker delivers e-mail: over SMTP, or without SMTP_URL into the log.
Result<mail::MailSender> mailSenderFor(const mail::DeliverySettings &settings)
{
    if (settings.smtpUrl.isEmpty()) {
        return mail::MailSender([](const mail::MailMessage &message) -> Result<void> {
            // Development mode: the message goes to the log instead of a mail server.
            qCInfo(lcApp, "e-mail to %s: %s\n%s", qPrintable(message.to),
                    qPrintable(message.subject), qPrintable(message.body));
            return {};
        });
    }
    auto smtp = mail::SmtpSettings::parse(settings);
    if (!smtp) {
        return smtp.error();
    }
    return mail::MailSender(
            [client = std::make_shared<mail::SmtpClient>(*smtp)](const mail::MailMessage &message) {
                return client->send(message);
            });
}

/// A secret kept in DATA_DIR/secrets/<name> (mode 0600), made by `generate` on first use.
Result<QByteArray> persistentSecret(const Config &config, const QString &name,
        const std::function<QByteArray()> &generate,
        const std::function<bool(const QByteArray &)> &valid)
{
    const QString dir = config.dataDir + u"/secrets"_s;
    const QString path = dir + u"/"_s + name;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        QByteArray secret = existing.readAll().trimmed();
        if (valid(secret)) {
            return secret;
        }
        return Error::make(ErrorCode::BadRequest, path + u" does not hold a valid secret"_s);
    }
    if (!QDir().mkpath(dir)
            || !QFile::setPermissions(dir,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return Error::make(ErrorCode::BadRequest, u"cannot create "_s + dir);
    }
    QByteArray secret = generate();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(secret + '\n') < 0 || !file.commit()) {
        return Error::make(ErrorCode::BadRequest, u"cannot write "_s + path);
    }
    qCInfo(lcApp, "generated a new secret in %s", qPrintable(path));
    return secret;
}

} // namespace

Result<QByteArray> jwtSecretFor(const Config &config)
{
    if (!config.tokens.secret.isEmpty()) {
        return config.tokens.secret;
    }
    return persistentSecret(
            config, u"jwt-secret"_s,
            [] {
                return crypto::base64Url(crypto::randomBytes(48));
            },
            [](const QByteArray &secret) {
                return secret.size() >= 32;
            });
}

Result<QByteArray> tokenKeysFor(const Config &config)
{
    if (!config.social.tokenEncryptionKeys.isEmpty()) {
        return config.social.tokenEncryptionKeys.toUtf8();
    }
    return persistentSecret(
            config, u"token-encryption-keys"_s,
            []() -> QByteArray {
                return "k" + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + ':'
                        + crypto::randomBytes(32).toBase64();
            },
            [](const QByteArray &text) {
                const auto keys = crypto::TokenCipher::parseKeys(QString::fromUtf8(text));
                return keys && crypto::TokenCipher::create(*keys);
            });
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

void ServerApp::wakeJobs()
{
    if (m_jobs) {
        m_jobs->wake();
    }
}

quint16 ServerApp::port() const
{
    return m_httpServer ? m_httpServer->port() : 0;
}

QString ServerApp::url() const
{
    return m_config.http.publicUrlAt(port());
}

Result<void> ServerApp::start(const StartOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    m_startedAt = QDateTime::currentDateTimeUtc();

    auto settings =
            db::connectionSettingsFor(m_config.database, m_config.dataDir, m_managedPostgres);
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
            if (auto loaded = loadDemoData(setup); !loaded) {
                return loaded.error();
            }
        }
    }

    const auto secret = jwtSecretFor(m_config);
    if (!secret) {
        return secret.error();
    }

    m_dbPool = std::make_unique<db::DbPool>(m_connectionSettings, m_config.database);
    if (!m_config.database.replicas.urls.isEmpty()) {
        m_replicaPool =
                std::make_unique<db::ReplicaPool>(m_connectionSettings, m_config.database.replicas,
                        m_config.database.poolSize, m_config.database.queueLimit);
        m_dbPool->setReplicas(m_replicaPool.get());
    }
    m_cpuPool = std::make_unique<CpuPool>(qMax(2, QThread::idealThreadCount()), 1024);

    http::HttpSettings httpSettings = m_config.http;
    // The import's large limit only for a head whose bearer token verifies (signature, expiry:
    // no database), so nobody makes the server buffer 256 MiB unauthenticated; the
    // authenticator is made below, before the HTTP threads start.
    httpSettings.limits.pathBodyLimits.append({QByteArray(analytics::kImportPath),
            m_config.imports.maxBodyBytes, [this](const http::HttpHead &head) {
                return m_authenticator && m_authenticator->claims(head.header("authorization"));
            }});
    m_httpContext = std::make_shared<http::HttpContext>(std::move(httpSettings));
    m_httpContext->dbPool = m_dbPool.get();
    m_httpContext->cpuPool = m_cpuPool.get();

    m_httpServer = std::make_unique<http::HttpServer>(m_httpContext);
    if (auto bound = m_httpServer->bind(); !bound) {
        return bound.error();
    }
    const QString publicUrl = m_httpContext->publicUrl(); // with the real port, also when PORT=0

    // The token part as configured, with the two values only known now: the secret (JWT_SECRET,
    // or the one kept in DATA_DIR) and the issuer, the public URL with the real port.
    crypto::TokenService::Settings tokens = m_config.tokens;
    tokens.secret = *secret;
    tokens.issuer = publicUrl;
    m_tokens = std::make_unique<crypto::TokenService>(tokens);
    m_authenticator = std::make_unique<http::Authenticator>(*m_tokens);
    m_httpContext->authenticator = m_authenticator.get();
    auth::registerRoutes(*m_httpContext, m_config.auth, *m_tokens);
    if (!m_config.oidc.providers.isEmpty()) {
        m_oidc = std::make_unique<oidc::OidcService>(m_config.oidc, publicUrl);
    }
    // OpenID Connect sign-in; the routes exist (and list no provider) when none is configured.
    oidc::registerRoutes(*m_httpContext, m_config.auth, *m_tokens, m_oidc.get());
    profiles::registerRoutes(*m_httpContext, m_config.profiles);
    // Recommendations keep their features beside discovery's index, fed by its catch-ups.
    auto features = std::make_shared<recommendations::FeatureStore>();
    auto creators = discovery::registerRoutes(*m_httpContext, {features});
    recommendations::registerRoutes(*m_httpContext, creators, features);
    campaigns::registerRoutes(*m_httpContext);
    deals::registerRoutes(*m_httpContext);
    notifications::registerRoutes(*m_httpContext);
    // The per-account forecasts share the metric series' cache budget (and its 0: none).
    forecast::registerRoutes(
            *m_httpContext, qsizetype{m_config.profiles.metricsCacheMiB} * 1024 * 1024);
    brands::registerRoutes(*m_httpContext);
    money::registerRoutes(*m_httpContext, m_config.payments);
    // The analytics dashboards' answers share it too.
    analytics::registerRoutes(
            *m_httpContext, qsizetype{m_config.profiles.metricsCacheMiB} * 1024 * 1024);
    shortlists::registerRoutes(*m_httpContext);
    analytics::registerImportRoutes(*m_httpContext);
    jobs::registerRoutes(*m_httpContext);
    // Webhook secrets are sealed by the same cipher as the social platforms' tokens.
    auto webhookCipher = tokenCipherFor(m_config);
    if (!webhookCipher) {
        return webhookCipher.error();
    }
    auto webhookContext = std::make_shared<const webhooks::Context>(webhooks::Context{
            m_config.webhooks, std::make_shared<const crypto::TokenCipher>(*webhookCipher)});
    webhooks::registerRoutes(*m_httpContext, webhookContext);
    auto ruleContext = std::make_shared<const rules::Context>(
            rules::Context{m_config.auth.effectiveAppUrl(publicUrl)});
    rules::registerRoutes(*m_httpContext, ruleContext);
    if (m_config.social.offersAnyPlatform()) {
        auto cipher = tokenCipherFor(m_config);
        if (!cipher) {
            return cipher.error();
        }
        m_social = std::make_unique<social::SocialService>(
                m_config.social, publicUrl, std::move(*cipher), m_connectionSettings);
    }
    social::registerRoutes(*m_httpContext, m_social.get());

    auto sender = mailSenderFor(m_config.mail);
    if (!sender) {
        return sender.error();
    }
    m_jobs = std::make_unique<jobs::JobWorker>(m_connectionSettings, m_config.jobs);
    m_jobs->addHandler(QString::fromLatin1(mail::kSendJob), QString::fromLatin1(mail::kMailQueue),
            mail::sendJobHandler(*sender));
    m_jobs->addHandler(QString::fromLatin1(jobs::kHousekeepingJob),
            QString::fromLatin1(jobs::kMaintenanceQueue), jobs::houseKeep);
    m_jobs->addHandler(QString::fromLatin1(jobs::kNoopJob),
            QString::fromLatin1(jobs::kMaintenanceQueue), jobs::noop);
    m_jobs->addPeriodic(QString::fromLatin1(jobs::kHousekeepingJob), jobs::kHousekeepingInterval);
    m_jobs->addHandler(QString::fromLatin1(deals::kRemindersJob),
            QString::fromLatin1(deals::kRemindersQueue),
            deals::remindersJobHandler(m_config.auth.effectiveAppUrl(publicUrl)));
    m_jobs->addPeriodic(QString::fromLatin1(deals::kRemindersJob), deals::kRemindersInterval);
    m_jobs->addHandler(QString::fromLatin1(webhooks::kDeliverJob),
            QString::fromLatin1(webhooks::kWebhooksQueue),
            webhooks::deliverJobHandler(webhookContext));
    m_jobs->addHandler(QString::fromLatin1(rules::kFireJob),
            QString::fromLatin1(rules::kRulesQueue), rules::fireJobHandler(ruleContext));
    m_jobs->addHandler(QString::fromLatin1(notifications::kDigestJob),
            QString::fromLatin1(notifications::kDigestQueue), notifications::sendDigests);
    m_jobs->addPeriodic(
            QString::fromLatin1(notifications::kDigestJob), notifications::kDigestInterval);
    m_jobs->addHandler(QString::fromLatin1(notifications::kDealActivityJob),
            QString::fromLatin1(mail::kMailQueue),
            notifications::dealActivityMailHandler(m_config.auth.effectiveAppUrl(publicUrl)));
    if (m_social) {
        // A pass waits for its platforms' answers (bounded by their timeouts); the lease is
        // renewed meanwhile.
        m_jobs->addHandler(QString::fromLatin1(social::kSyncJob),
                QString::fromLatin1(social::kSocialQueue),
                social::syncJobHandler(*m_social, std::chrono::minutes(15)));
        m_jobs->addPeriodic(QString::fromLatin1(social::kSyncJob), m_config.social.pollInterval);
    }
    // Payouts go to the provider only from processes that can reach it; elsewhere their jobs
    // wait in the queue. The scan (late, unclaimed) runs everywhere.
    if (m_config.payments.transfersEnabled()) {
        m_jobs->addHandler(QString::fromLatin1(money::kSendJob),
                QString::fromLatin1(money::kPayoutsQueue),
                money::sendJobHandler(m_config.payments));
        m_jobs->addHandler(QString::fromLatin1(money::kRecheckJob),
                QString::fromLatin1(money::kPayoutsQueue),
                money::recheckJobHandler(m_config.payments));
    }
    m_jobs->addHandler(QString::fromLatin1(money::kScanJob),
            QString::fromLatin1(deals::kRemindersQueue),
            money::scanJobHandler(
                    m_config.auth.effectiveAppUrl(publicUrl), m_config.payments.unclaimedDays));
    m_jobs->addPeriodic(QString::fromLatin1(money::kScanJob), money::kScanInterval);
    if (options.extraJobs) {
        options.extraJobs(*m_jobs);
    }
    m_jobs->start();
    const QJsonObject openApi = docs::openApiDocument(publicUrl);
    const docs::DocsPage docsPage = docs::renderDocsPage(openApi);
    system::registerRoutes(*m_httpContext,
            {QJsonDocument(openApi).toJson(QJsonDocument::Compact), docsPage.html,
                    docsPage.contentSecurityPolicy, m_startedAt});
    if (options.extraRoutes) {
        options.extraRoutes(m_httpContext->router);
    }
    if (!m_config.http.metricsToken.isEmpty()) {
        // Last: the counters are made for the routes there are now.
        http::addMetricsRoute(*m_httpContext, m_config.http.metricsToken);
        m_httpContext->metrics.addCollector(jobs::metricsText);
        m_httpContext->metrics.addCollector([creators](db::Connection &) -> QByteArray {
            const auto [held, bytes] = creators->index().footprint();
            return http::Metrics::gaugeText("influence_discovery_index_creators",
                           "Creators in this process's discovery index.", static_cast<double>(held))
                    + http::Metrics::gaugeText("influence_discovery_index_bytes",
                            "Memory the discovery index takes (approximately).",
                            static_cast<double>(bytes));
        });
        m_httpContext->metrics.enable(m_httpContext->router);
    }
    if (auto started = m_httpServer->start(); !started) {
        return started.error();
    }
    qCInfo(lcApp, "listening on %s (%d HTTP threads, %d database connections) after %lld ms",
            qPrintable(url()), m_config.http.threads, m_config.database.poolSize,
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
            + std::chrono::duration_cast<std::chrono::milliseconds>(m_config.http.shutdownGrace)
                      .count();
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
    if (m_oidc) {
        // Transfers to providers end now; their requests are answered while the HTTP threads
        // still exist.
        m_oidc->stop();
    }
    if (m_jobs) {
        // Before the services its handlers wait for (the social sync): the running jobs finish.
        m_jobs->stop();
    }
    if (m_social) {
        m_social->stop();
    }
    // Workers must outlive the tasks that will post their answers to them. A task on one pool
    // may hand on to the other (sign-in: database, CPU, database), hence the rounds.
    for (int round = 0; round < 3; ++round) {
        if (m_cpuPool) {
            m_cpuPool->waitForDone();
        }
        if (m_replicaPool) {
            // Before the primary's pool: a replica's task may hand a read on to the primary.
            m_replicaPool->waitForDone();
        }
        if (m_dbPool) {
            m_dbPool->waitForDone();
        }
    }
    m_httpServer.reset();
    m_oidc.reset();
    m_social.reset();
    m_jobs.reset();
    m_cpuPool.reset();
    if (m_dbPool) {
        m_dbPool->setReplicas(nullptr);
    }
    m_replicaPool.reset();
    m_dbPool.reset();
    m_managedPostgres.reset();
    qCInfo(lcApp, "stopped");
    Q_EMIT stopped();
}

} // namespace influence::server
