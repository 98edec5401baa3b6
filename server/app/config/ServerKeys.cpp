// SPDX-License-Identifier: Apache-2.0
// The keys for how the server listens, its database and data directory, and tokens.
#include "ConfigKeys.h"
#include "core/db/DatabaseUrl.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace influence::server::config {

/// HTTP: where and how the server listens.
QList<KeySpec> serverKeys()
{
    return {
            {"PORT"_L1, "TCP port to listen on (0 picks a free one). Default 8080."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 0, 65535, n);
                        c.http.port = static_cast<quint16>(n);
                        return problem;
                    }},
            {"LISTEN_ADDRESS"_L1,
                    "IP address to listen on: 127.0.0.1 (default), 0.0.0.0 or :: for all interfaces."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        QHostAddress address;
                        if (text == u"localhost"_s) {
                            address = QHostAddress(QHostAddress::LocalHost);
                        } else if (!address.setAddress(text)) {
                            return u"expected an IP address such as 127.0.0.1, 0.0.0.0 or ::"_s;
                        }
                        c.http.listenAddress = address;
                        return QString();
                    }},
            {"PUBLIC_URL"_L1,
                    "The URL clients use to reach the server (links in e-mails, OpenAPI servers)."_L1,
                    [](Config &c, const QString &v) {
                        const QUrl url(v.trimmed(), QUrl::StrictMode);
                        if (!url.isValid()
                                || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                                || url.host().isEmpty()) {
                            return u"expected an absolute http or https URL"_s;
                        }
                        c.http.publicUrl = url.adjusted(QUrl::StripTrailingSlash).toString();
                        return QString();
                    }},
            {"HTTP_THREADS"_L1, "Threads accepting and parsing HTTP (SO_REUSEPORT listeners)."_L1,
                    integer(&Config::http, &http::HttpSettings::threads, 1, 64)},
            {"MAX_BODY_BYTES"_L1, "Largest request body accepted (413 above). Default 1M."_L1,
                    [](Config &c, const QString &v) {
                        return expectBytes(
                                v, 1024, qint64(256) * 1024 * 1024, c.http.limits.maxBodyBytes);
                    }},
            {"IMPORT_MAX_BODY_BYTES"_L1,
                    "Largest file POST /api/v1/analytics/imports accepts (413 above; held in "
                    "memory while it is read). Default 256M."_L1,
                    [](Config &c, const QString &v) {
                        return expectBytes(
                                v, 1024, qint64{2} * 1024 * 1024 * 1024, c.imports.maxBodyBytes);
                    }},
            {"MAX_HEADER_BYTES"_L1,
                    "Largest request line plus headers (431 above). Default 16K."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectBytes(v, 1024, qint64{1024} * 1024, n);
                        c.http.limits.maxHeadBytes = static_cast<qsizetype>(n);
                        return problem;
                    }},
            {"MAX_CONNECTIONS"_L1,
                    "Open client connections per process; more are refused. Default 2048."_L1,
                    integer(&Config::http, &http::HttpSettings::maxConnections, 1, 1'000'000)},
            {"HTTP_MAX_CONNECTIONS_PER_CLIENT"_L1,
                    "Open connections of one client address (TRUSTED_PROXIES not counted; IPv6 "
                    "per /64); more are closed at once. 0: no cap. Default 256."_L1,
                    integer(&Config::http, &http::HttpSettings::maxConnectionsPerClient, 0,
                            1'000'000)},
            {"IDLE_TIMEOUT_SECONDS"_L1,
                    "Keep-alive connections idle this long are closed. Default 60."_L1,
                    duration(&Config::http, &http::HttpSettings::idleTimeout, 1, 3600)},
            {"REQUEST_TIMEOUT_SECONDS"_L1,
                    "A request must arrive completely within this time (slow clients get 408). Default 30."_L1,
                    duration(&Config::http, &http::HttpSettings::requestTimeout, 1, 3600)},
            {"SHUTDOWN_GRACE_SECONDS"_L1,
                    "On SIGTERM, how long in-flight requests may take before connections close. Default 15."_L1,
                    duration(&Config::http, &http::HttpSettings::shutdownGrace, 0, 3600)},
            {"CORS_ALLOWED_ORIGINS"_L1,
                    "Comma-separated browser origins allowed to call the API (CORS). Default none."_L1,
                    [](Config &c, const QString &v) {
                        return parseOrigins(v, c.http.corsAllowedOrigins);
                    }},
            {"TRUSTED_PROXIES"_L1,
                    "Comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed. Default none."_L1,
                    [](Config &c, const QString &v) {
                        return parseProxies(v, c.http.trustedProxies);
                    }},
            {"RATE_LIMIT_WRITES_PER_MINUTE"_L1,
                    "Requests per minute one user (signed out: one client address) may make to "
                    "routes that change something (429 above). 0: no limit. Default 120."_L1,
                    integer(&Config::http, &http::HttpSettings::writesPerMinute, 0, 1'000'000)},
            {"RATE_LIMIT_EXPENSIVE_PER_MINUTE"_L1,
                    "The same for forecasts, discovery search, recommendations, exports and "
                    "imports. 0: no limit. Default 60."_L1,
                    integer(&Config::http, &http::HttpSettings::expensivePerMinute, 0, 1'000'000)},
            {"METRICS_TOKEN"_L1,
                    "Bearer token of GET /metrics (Prometheus text format). Default none: no /metrics."_L1,
                    [](Config &c, const QString &v) {
                        if (!v.isEmpty() && v.size() < 16) {
                            return u"must be at least 16 characters"_s;
                        }
                        c.http.metricsToken = v.toUtf8();
                        return QString();
                    }},
    };
}

/// The database and the data directory.
QList<KeySpec> databaseKeys()
{
    return {
            {"DATABASE_URL"_L1,
                    "postgres://user:password@host:port/db?sslmode=require; several hosts "
                    "(host1:5432,host2:5432) are tried in order, the one taking writes is used. "
                    "Empty: a private PostgreSQL instance under DATA_DIR."_L1,
                    [](Config &c, const QString &v) {
                        const QString url = v.trimmed();
                        if (!url.isEmpty()) {
                            const auto parsed = db::DatabaseUrl::parse(url);
                            if (!parsed) {
                                return parsed.error().detail;
                            }
                        }
                        c.database.url = url;
                        return QString();
                    },
                    true},
            {"DB_POOL_SIZE"_L1, "Database connections (one per worker thread). Default 4."_L1,
                    integer(&Config::database, &db::DatabaseSettings::poolSize, 1, 256)},
            {"DB_QUEUE_LIMIT"_L1,
                    "Requests waiting for a database worker before new ones get 503. Default 2048."_L1,
                    integer(&Config::database, &db::DatabaseSettings::queueLimit, 1, 1'000'000)},
            {"DB_STATEMENT_TIMEOUT_MS"_L1, "PostgreSQL statement_timeout. Default 5000."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 100, 600'000, n);
                        c.database.statementTimeout = std::chrono::milliseconds(n);
                        return problem;
                    }},
            {"DB_CONNECT_TIMEOUT_SECONDS"_L1,
                    "Give up connecting to PostgreSQL after this. Default 5."_L1,
                    duration(&Config::database, &db::DatabaseSettings::connectTimeout, 1, 120)},
            {"DATABASE_REPLICA_URLS"_L1,
                    "Read replicas (streaming standbys) for read-only work, comma-separated "
                    "postgres:// URLs. Empty (default): every read runs on DATABASE_URL."_L1,
                    [](Config &c, const QString &v) {
                        QList<db::DatabaseUrl> urls;
                        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) {
                            const QString url = part.trimmed();
                            if (url.isEmpty()) {
                                continue;
                            }
                            auto parsed = db::DatabaseUrl::parse(url);
                            if (!parsed) {
                                return parsed.error().detail;
                            }
                            urls.append(std::move(*parsed));
                        }
                        c.database.replicas.urls = std::move(urls);
                        return QString();
                    },
                    true},
            {"DATABASE_REPLICA_WAIT_MS"_L1,
                    "How long a read that sends Influence-Wal-Position waits for a replica to "
                    "replay it before running on the primary. Default 200."_L1,
                    duration(at(&Config::database, &db::DatabaseSettings::replicas,
                                     &db::ReplicaSettings::wait),
                            0, 10'000)},
            {"DATABASE_REPLICA_MAX_LAG_MS"_L1,
                    "A replica whose replay lags further behind the primary is skipped until it "
                    "catches up. Default 5000."_L1,
                    duration(at(&Config::database, &db::DatabaseSettings::replicas,
                                     &db::ReplicaSettings::maxLag),
                            0, 3'600'000)},
            {"DATABASE_REPLICA_CHECK_MS"_L1,
                    "How often each replica's health and lag are checked. Default 1000."_L1,
                    duration(at(&Config::database, &db::DatabaseSettings::replicas,
                                     &db::ReplicaSettings::checkInterval),
                            50, 600'000)},
            {"JOB_WORKERS"_L1,
                    "Background jobs this process runs at a time (one thread and database "
                    "connection each); 0 runs none. Default 2."_L1,
                    integer(&Config::jobs, &jobs::JobSettings::workers, 0, 64)},
            {"JOB_QUEUE_LIMITS"_L1,
                    "At most this many of a process's job workers run one queue's jobs at a time, "
                    "as queue=limit pairs (webhooks=1,payouts=1). A queue not named may use every "
                    "worker but one. Default: none named."_L1,
                    [](Config &c, const QString &v) {
                        return parseQueueLimits(v, c.jobs.queueLimits);
                    }},
            {"METRICS_CACHE_MIB"_L1,
                    "Memory (MiB) for each process's cache of metric series answers; 0 disables "
                    "it. Default 32."_L1,
                    integer(&Config::profiles, &profiles::Settings::metricsCacheMiB, 0, 65536)},
            {"DATA_DIR"_L1,
                    "Directory for server data, including the private PostgreSQL instance."_L1,
                    [](Config &c, const QString &v) {
                        if (v.trimmed().isEmpty()) {
                            return u"expected a directory path"_s;
                        }
                        c.dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(v.trimmed()));
                        return QString();
                    }},
            {"POSTGRES_BIN_DIR"_L1,
                    "Where initdb and pg_ctl are, for the private instance. Default: newest installed."_L1,
                    [](Config &c, const QString &v) {
                        const QFileInfo dir(v.trimmed());
                        if (!dir.isDir()
                                || !QFileInfo(dir.absoluteFilePath() + u"/pg_ctl"_s)
                                            .isExecutable()) {
                            return u"expected a directory that contains pg_ctl"_s;
                        }
                        c.database.postgresBinDir = dir.absoluteFilePath();
                        return QString();
                    }},
    };
}

/// Access and refresh tokens, throttling.
QList<KeySpec> tokenKeys()
{
    return {
            {"JWT_SECRET"_L1,
                    "Key that signs access tokens (HS256), at least 32 bytes; every server process "
                    "behind one database needs the same. Empty: generated once and kept in "
                    "DATA_DIR/secrets/jwt-secret."_L1,
                    [](Config &c, const QString &v) {
                        const QByteArray secret = v.trimmed().toUtf8();
                        if (!secret.isEmpty() && secret.size() < 32) {
                            return u"expected at least 32 bytes (e.g. openssl rand -base64 48)"_s;
                        }
                        c.tokens.secret = secret;
                        return QString();
                    },
                    true},
            {"AUTH_AUDIENCE"_L1, R"(The "aud" claim of access tokens. Default influence-api.)"_L1,
                    [](Config &c, const QString &v) {
                        if (v.trimmed().isEmpty()) {
                            return u"expected a non-empty name"_s;
                        }
                        c.tokens.audience = v.trimmed();
                        return QString();
                    }},
            {"ACCESS_TOKEN_TTL_SECONDS"_L1, "Lifetime of access tokens. Default 600 (10 min)."_L1,
                    duration(&Config::tokens, &crypto::TokenService::Settings::accessTokenLifetime,
                            60, 3600)},
            {"REFRESH_IDLE_DAYS"_L1, "A session not refreshed for this long ends. Default 7."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 1, 90, n);
                        c.auth.sessions.refreshIdleLifetime = std::chrono::days(n);
                        return problem;
                    }},
            {"REFRESH_ABSOLUTE_DAYS"_L1,
                    "Every session ends after this, refreshed or not. Default 30."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 1, 365, n);
                        c.auth.sessions.refreshAbsoluteLifetime = std::chrono::days(n);
                        return problem;
                    }},
            {"AUTH_RATE_LIMIT_PER_MINUTE"_L1,
                    "Requests per client address and minute on sign-in, sign-up and reset routes "
                    "(429 above). Default 30."_L1,
                    integer(&Config::auth, &auth::Settings::rateLimitPerMinute, 1, 100'000)},
            {"AUTH_REGISTRATION"_L1,
                    "confirm (default): registering answers 202 whether or not the address has "
                    "an account, and the address must be confirmed before signing in with a "
                    "password; immediate: 201 with a session at once, 409 for a taken address "
                    "(development, tests)."_L1,
                    [](Config &c, const QString &v) {
                        const QString mode = v.trimmed().toLower();
                        if (mode != u"confirm"_s && mode != u"immediate"_s) {
                            return u"expected confirm or immediate"_s;
                        }
                        c.auth.registration = mode == u"confirm"_s ? auth::Registration::Confirm
                                                                   : auth::Registration::Immediate;
                        return QString();
                    }},
            {"LOGIN_LOCKOUT_THRESHOLD"_L1,
                    "Failed sign-ins to one account before it is locked for a growing time "
                    "(1 s, 2 s, 4 s ... up to 15 min). Default 5."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 1, 100, n);
                        if (problem.isEmpty()) {
                            c.auth.sessions.lockoutThreshold = static_cast<int>(n);
                        }
                        return problem;
                    }},
    };
}

} // namespace influence::server::config
