// SPDX-License-Identifier: Apache-2.0
#include "Config.h"

#include "core/crypto/TokenCipher.h"
#include "core/db/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server {

namespace {

struct Setting
{
    QString value;
    ConfigSource source = ConfigSource::Default;
    QString origin; ///< file name or "environment"
};

using Apply = std::function<QString(Config &, const QString &)>; // empty string: accepted

struct KeySpec
{
    QLatin1StringView key;
    QLatin1StringView help;
    Apply apply;
    bool secret = false;
};

QString expectInt(const QString &value, qint64 min, qint64 max, qint64 &out)
{
    bool ok = false;
    const qint64 parsed = value.trimmed().toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        return u"expected a whole number from %1 to %2"_s.arg(min).arg(max);
    }
    out = parsed;
    return {};
}

QString expectBytes(const QString &value, qint64 min, qint64 max, qint64 &out)
{
    QString text = value.trimmed();
    qint64 multiplier = 1;
    const auto suffix = [&text](QLatin1StringView s) {
        if (text.endsWith(s, Qt::CaseInsensitive)) {
            text.chop(s.size());
            return true;
        }
        return false;
    };
    if (suffix("KiB"_L1) || suffix("K"_L1)) {
        multiplier = 1024;
    } else if (suffix("MiB"_L1) || suffix("M"_L1)) {
        multiplier = qint64{1024} * 1024;
    }
    bool ok = false;
    const qint64 parsed = text.trimmed().toLongLong(&ok);
    if (!ok || parsed < 0 || parsed > max / multiplier || parsed * multiplier < min) {
        return u"expected a size in bytes from %1 to %2 (suffixes K and M allowed)"_s.arg(min).arg(
                max);
    }
    out = parsed * multiplier;
    return {};
}

/// A whole number of the field's unit into `(config.*part).*field`.
template<class Part, class Duration>
Apply duration(Part Config::*part, Duration Part::*field, qint64 min, qint64 max)
{
    return [part, field, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            (c.*part).*field = Duration(n);
        }
        return problem;
    };
}

/// Milliseconds into `config.database.replicas.*field`.
Apply replicaMillis(std::chrono::milliseconds db::ReplicaSettings::*field, qint64 min, qint64 max)
{
    return [field, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            c.database.replicas.*field = std::chrono::milliseconds(n);
        }
        return problem;
    };
}

/// A whole number into `(config.*part).*field`.
template<class Part>
Apply integer(Part Config::*part, int Part::*field, qint64 min, qint64 max)
{
    return [part, field, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            (c.*part).*field = static_cast<int>(n);
        }
        return problem;
    };
}

QString parseOrigins(const QString &value, QStringList &out)
{
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const QString origin = raw.trimmed();
        const QUrl url(origin, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()
                || url.hasFragment() || !url.userInfo().isEmpty()) {
            return u"expected a comma-separated list of origins such as "
                   u"https://app.example.com "
                   "(scheme, host and optional port, no path); \"%1\" is not one"_s.arg(origin);
        }
        out.append(url.toString(QUrl::FullyEncoded));
    }
    return {};
}

/// "queue=N,queue=N" (JOB_QUEUE_LIMITS).
QString parseQueueLimits(const QString &value, QHash<QString, int> &out)
{
    static const QRegularExpression kItem(u"^([a-z0-9_]{1,64})=([0-9]{1,2})$"_s);
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const auto match = kItem.match(raw.trimmed());
        const int limit = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (limit < 1 || limit > 64 || out.contains(match.captured(1))) {
            return u"expected a comma-separated list of queue=limit such as webhooks=1,payouts=1 "
                   "(each queue once, limits 1 to 64); \"%1\" is not one"_s.arg(raw.trimmed());
        }
        out.insert(match.captured(1), limit);
    }
    return {};
}

QString parseProxies(const QString &value, QStringList &out)
{
    out.clear();
    for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        const auto subnet = QHostAddress::parseSubnet(entry.contains(u'/')
                        ? entry
                        : entry + (entry.contains(u':') ? u"/128"_s : u"/32"_s));
        if (subnet.first.isNull()) {
            return u"expected a comma-separated list of IP addresses or CIDR ranges; \"%1\" is not one"_s
                    .arg(entry);
        }
        out.append(entry);
    }
    return {};
}

enum class SocialField { ClientId, ClientSecret, AuthUrl, TokenUrl, ApiUrl };

/// SOCIAL_<PLATFORM>_<FIELD>: a platform's OAuth client (offered once it has a client id) and
/// its endpoints (the public ones by default; a local peer in tests).
KeySpec socialKey(QLatin1StringView key, QLatin1StringView platform, SocialField field)
{
    QLatin1StringView help;
    switch (field) {
    case SocialField::ClientId:
        help = "OAuth client id (TikTok: client key) of the platform's app; empty: the platform "
               "cannot be connected. Register PUBLIC_URL/api/v1/connected-accounts/<platform>/"
               "callback as its redirect URI."_L1;
        break;
    case SocialField::ClientSecret: help = "OAuth client secret of the platform's app."_L1; break;
    case SocialField::AuthUrl:
        help = "The platform's consent page. Default: its public one."_L1;
        break;
    case SocialField::TokenUrl:
        help = "The platform's token endpoint. Default: its public one."_L1;
        break;
    case SocialField::ApiUrl:
        help = "Base URL of the platform's account API. Default: its public one."_L1;
        break;
    }
    Apply apply = [platform, field](Config &c, const QString &v) {
        social::PlatformClient &settings = c.social.platforms[QString(platform)];
        const QString text = v.trimmed();
        if (field == SocialField::ClientId) {
            settings.clientId = text;
            return QString();
        }
        if (field == SocialField::ClientSecret) {
            settings.clientSecret = text;
            return QString();
        }
        const QUrl url(text, QUrl::StrictMode);
        const bool loopback = url.host() == u"localhost"_s || QHostAddress(url.host()).isLoopback();
        if (!url.isValid() || url.host().isEmpty() || url.hasFragment()
                || !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && loopback))) {
            return u"expected an https URL (http only on 127.0.0.1, localhost and ::1)"_s;
        }
        QString &target = field == SocialField::AuthUrl ? settings.authUrl
                : field == SocialField::TokenUrl        ? settings.tokenUrl
                                                        : settings.apiUrl;
        target = text;
        return QString();
    };
    return {key, help, apply, field == SocialField::ClientSecret};
}

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
                    replicaMillis(&db::ReplicaSettings::wait, 0, 10'000)},
            {"DATABASE_REPLICA_MAX_LAG_MS"_L1,
                    "A replica whose replay lags further behind the primary is skipped until it "
                    "catches up. Default 5000."_L1,
                    replicaMillis(&db::ReplicaSettings::maxLag, 0, 3'600'000)},
            {"DATABASE_REPLICA_CHECK_MS"_L1,
                    "How often each replica's health and lag are checked. Default 1000."_L1,
                    replicaMillis(&db::ReplicaSettings::checkInterval, 50, 600'000)},
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

/// Links and e-mail.
QList<KeySpec> mailKeys()
{
    return {
            {"APP_URL"_L1, "The front end's URL, for links in e-mails. Default PUBLIC_URL."_L1,
                    [](Config &c, const QString &v) {
                        const QUrl url(v.trimmed(), QUrl::StrictMode);
                        if (!url.isValid()
                                || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                                || url.host().isEmpty()) {
                            return u"expected an absolute http or https URL"_s;
                        }
                        c.auth.mail.appUrl = url.adjusted(QUrl::StripTrailingSlash).toString();
                        return QString();
                    }},
            {"SMTP_URL"_L1,
                    "Mail server: smtp://user:password@host:587 (STARTTLS required), "
                    "smtps://...:465 (TLS), or smtp://host:25?tls=none (local relay only). Empty: "
                    "e-mails are written to the log (development)."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        if (!text.isEmpty()) {
                            const QUrl url(text, QUrl::StrictMode);
                            const QString tls = QUrlQuery(url).queryItemValue(u"tls"_s);
                            if (!url.isValid() || url.host().isEmpty()
                                    || (url.scheme() != u"smtp"_s && url.scheme() != u"smtps"_s)
                                    || !(tls.isEmpty() || tls == u"none"_s
                                            || tls == u"starttls"_s)) {
                                return u"expected smtp://[user:password@]host[:port][?tls=none] or "
                                       "smtps://…"_s;
                            }
                        }
                        c.mail.smtpUrl = text;
                        return QString();
                    },
                    true},
            {"SMTP_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the mail server (an internal "
                    "CA). Default: the system's."_L1,
                    [](Config &c, const QString &v) {
                        const QString path = v.trimmed();
                        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
                            return u"expected a readable PEM file"_s;
                        }
                        c.mail.caFile = path;
                        return QString();
                    }},
            {"MAIL_FROM"_L1, "Sender of e-mails. Default Influence <no-reply@localhost>."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        const qsizetype open = text.lastIndexOf(u'<');
                        const QString address = open >= 0 && text.endsWith(u'>')
                                ? text.sliced(open + 1).chopped(1)
                                : text;
                        if (!address.contains(u'@') || address.contains(u' ')
                                || text.contains(u'\n') || text.contains(u'\r')) {
                            return u"expected an address such as \"Influence <noreply@example.com>\""_s;
                        }
                        c.mail.from = text;
                        return QString();
                    }},
    };
}

/// OpenID Connect and social platforms.
QList<KeySpec> integrationKeys()
{
    return {
            {"OIDC_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the OpenID Connect providers "
                    "(an internal CA). Default: the system's."_L1,
                    [](Config &c, const QString &v) {
                        const QString path = v.trimmed();
                        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
                            return u"expected a readable PEM file"_s;
                        }
                        c.oidc.caFile = path;
                        return QString();
                    }},
            {"TOKEN_ENCRYPTION_KEYS"_L1,
                    "Keys that encrypt social-platform tokens at rest (AES-256-GCM): "
                    "id:base64key,... with 32-byte keys (openssl rand -base64 32); the first "
                    "encrypts, all decrypt (rotation: put a new key first, keep the old ones "
                    "until every token was refreshed). Empty: generated once and kept in "
                    "DATA_DIR/secrets/token-encryption-keys."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        if (!text.isEmpty()) {
                            auto keys = crypto::TokenCipher::parseKeys(text);
                            if (!keys) {
                                return keys.error().detail;
                            }
                            if (auto cipher = crypto::TokenCipher::create(*keys); !cipher) {
                                return cipher.error().detail;
                            }
                        }
                        c.social.tokenEncryptionKeys = text;
                        return QString();
                    },
                    true},
            socialKey("SOCIAL_INSTAGRAM_CLIENT_ID"_L1, "instagram"_L1, SocialField::ClientId),
            socialKey(
                    "SOCIAL_INSTAGRAM_CLIENT_SECRET"_L1, "instagram"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_INSTAGRAM_AUTH_URL"_L1, "instagram"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_INSTAGRAM_TOKEN_URL"_L1, "instagram"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_INSTAGRAM_API_URL"_L1, "instagram"_L1, SocialField::ApiUrl),
            socialKey("SOCIAL_YOUTUBE_CLIENT_ID"_L1, "youtube"_L1, SocialField::ClientId),
            socialKey("SOCIAL_YOUTUBE_CLIENT_SECRET"_L1, "youtube"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_YOUTUBE_AUTH_URL"_L1, "youtube"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_YOUTUBE_TOKEN_URL"_L1, "youtube"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_YOUTUBE_API_URL"_L1, "youtube"_L1, SocialField::ApiUrl),
            socialKey("SOCIAL_TIKTOK_CLIENT_ID"_L1, "tiktok"_L1, SocialField::ClientId),
            socialKey("SOCIAL_TIKTOK_CLIENT_SECRET"_L1, "tiktok"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_TIKTOK_AUTH_URL"_L1, "tiktok"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_TIKTOK_TOKEN_URL"_L1, "tiktok"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_TIKTOK_API_URL"_L1, "tiktok"_L1, SocialField::ApiUrl),
            {"SOCIAL_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the social platforms. "
                    "Default: the system's."_L1,
                    [](Config &c, const QString &v) {
                        const QString path = v.trimmed();
                        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
                            return u"expected a readable PEM file"_s;
                        }
                        c.social.fetch.caFile = path;
                        return QString();
                    }},
    };
}

/// The payment provider: Stripe Connect (or a local peer that speaks its API).
QList<KeySpec> paymentKeys()
{
    return {
            {"STRIPE_API_URL"_L1,
                    "Base URL of Stripe's API. Default https://api.stripe.com (http only on "
                    "127.0.0.1, localhost and ::1, for a local test peer)."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        const QUrl url(text, QUrl::StrictMode);
                        const bool loopback = url.host() == u"localhost"_s
                                || QHostAddress(url.host()).isLoopback();
                        if (!url.isValid() || url.host().isEmpty() || url.hasQuery()
                                || url.hasFragment() || !url.userInfo().isEmpty()
                                || !(url.scheme() == u"https"_s
                                        || (url.scheme() == u"http"_s && loopback))) {
                            return u"expected an https URL (http only on 127.0.0.1, localhost "
                                   "and ::1), without query or fragment"_s;
                        }
                        QString base = url.toString();
                        while (base.endsWith(u'/')) {
                            base.chop(1); // the client appends /v1/…
                        }
                        c.payments.apiUrl = base;
                        return QString();
                    }},
            {"STRIPE_SECRET_KEY"_L1,
                    "Stripe secret key (sk_live_..., sk_test_... or a restricted rk_... key) that "
                    "sends transfers to creators' connected accounts. Empty: payouts can only "
                    "be recorded as paid offline."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        static const QRegularExpression pattern(u"^[!-~]{8,255}$"_s);
                        if (!text.isEmpty() && !pattern.match(text).hasMatch()) {
                            return u"expected a Stripe API key: 8 to 255 printable ASCII "
                                   "characters without spaces"_s;
                        }
                        c.payments.secretKey = text;
                        return QString();
                    },
                    true},
            {"STRIPE_WEBHOOK_SECRET"_L1,
                    "Signing secret (whsec_...) of the webhook endpoint "
                    "PUBLIC_URL/api/v1/payments/stripe/webhook. Empty: webhook events are "
                    "refused."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        static const QRegularExpression pattern(u"^[!-~]{8,255}$"_s);
                        if (!text.isEmpty() && !pattern.match(text).hasMatch()) {
                            return u"expected a webhook signing secret: 8 to 255 printable "
                                   "ASCII characters without spaces"_s;
                        }
                        c.payments.webhookSecret = text;
                        return QString();
                    },
                    true},
            {"STRIPE_WEBHOOK_TOLERANCE_SECONDS"_L1,
                    "How far a webhook event's signed timestamp may be from now. Default 300."_L1,
                    duration(&Config::payments, &payments::PaymentSettings::webhookTolerance, 1,
                            3600)},
            {"STRIPE_TIMEOUT_SECONDS"_L1,
                    "A call to Stripe that has not answered within this is an unknown outcome, "
                    "settled later with the same idempotency key. Default 30."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 1, 300, n);
                        if (problem.isEmpty()) {
                            c.payments.fetch.timeout = std::chrono::seconds(n);
                        }
                        return problem;
                    }},
            {"PAYOUT_RECHECK_SECONDS"_L1,
                    "How long a payout whose transfer got no answer waits before the same "
                    "request (same idempotency key) is sent again. Default 60."_L1,
                    duration(&Config::payments, &payments::PaymentSettings::recheck, 1, 3600)},
            {"PAYOUT_UNCLAIMED_DAYS"_L1,
                    "A payout blocked by missing payout details this many days after it became "
                    "payable goes back to the campaign's budget (the creator is warned 7 days "
                    "before). Default 30."_L1,
                    integer(&Config::payments, &payments::PaymentSettings::unclaimedDays, 1, 3650)},
            {"STRIPE_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for Stripe's API. Default: the "
                    "system's."_L1,
                    [](Config &c, const QString &v) {
                        const QString path = v.trimmed();
                        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
                            return u"expected a readable PEM file"_s;
                        }
                        c.payments.fetch.caFile = path;
                        return QString();
                    }},
    };
}

/// Webhook deliveries (webhooks).
QList<KeySpec> webhookKeys()
{
    return {
            {"WEBHOOKS_ALLOW_LOCAL_TARGETS"_L1,
                    "Whether webhook endpoints may be http:// and resolve to loopback, private or "
                    "link-local addresses (tests, a receiver on this machine). Default false."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed().toLower();
                        if (text != u"true"_s && text != u"false"_s) {
                            return u"expected true or false"_s;
                        }
                        c.webhooks.allowLocalTargets = text == u"true"_s;
                        return QString();
                    }},
            {"WEBHOOKS_TIMEOUT_SECONDS"_L1, "One webhook delivery attempt. Default 10."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::timeout, 1, 60)},
            {"WEBHOOKS_SECRET_OVERLAP_SECONDS"_L1,
                    "How long a rotated webhook secret keeps signing. Default 86400."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::secretOverlap, 1,
                            604800)},
            {"WEBHOOKS_RETRY_SCHEDULE"_L1,
                    "Seconds before each retry of a failed webhook delivery, comma-separated. "
                    "Default 5,300,1800,7200,18000 then 36000 seven times (about 3 days)."_L1,
                    [](Config &c, const QString &v) {
                        QList<int> seconds;
                        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) {
                            qint64 n = 0;
                            if (!expectInt(part, 1, 604800, n).isEmpty() || seconds.size() >= 50) {
                                return u"expected up to 50 numbers of seconds (1 to 604800)"_s;
                            }
                            seconds.append(static_cast<int>(n));
                        }
                        c.webhooks.retrySeconds = seconds;
                        return QString();
                    }},
            {"WEBHOOKS_DISABLE_AFTER_FAILURES"_L1,
                    "A webhook endpoint whose attempts failed this many times in a row is "
                    "disabled. Default 100."_L1,
                    integer(&Config::webhooks, &webhooks::WebhookSettings::disableAfterFailures, 1,
                            100000)},
            {"WEBHOOKS_DISABLE_AFTER_HOURS"_L1,
                    "A webhook endpoint failing without a success for this long is disabled. "
                    "Default 120."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::disableAfter, 1, 8760)},
    };
}

/// Logging.
QList<KeySpec> loggingKeys()
{
    return {
            {"LOG_LEVEL"_L1, "debug, info (default), warning or error."_L1,
                    [](Config &c, const QString &v) {
                        const QString level = v.trimmed().toLower();
                        if (level != u"debug"_s && level != u"info"_s && level != u"warning"_s
                                && level != u"error"_s) {
                            return u"expected debug, info, warning or error"_s;
                        }
                        c.log.level = level;
                        return QString();
                    }},
            {"LOG_FORMAT"_L1, "text (default) or json (one JSON object per line)."_L1,
                    [](Config &c, const QString &v) {
                        const QString format = v.trimmed().toLower();
                        if (format != u"text"_s && format != u"json"_s) {
                            return u"expected text or json"_s;
                        }
                        c.log.format = format;
                        return QString();
                    }},
    };
}

const QList<KeySpec> &keySpecs()
{
    static const QList<KeySpec> specs = serverKeys() + databaseKeys() + tokenKeys() + mailKeys()
            + integrationKeys() + paymentKeys() + webhookKeys() + loggingKeys();
    return specs;
}

const KeySpec *findSpec(const QString &key)
{
    for (const KeySpec &spec : keySpecs()) {
        if (spec.key == key) {
            return &spec;
        }
    }
    return nullptr;
}

/// OIDC_<NAME>_<FIELD>: one group of keys per OpenID Connect provider.
const QRegularExpression &oidcKeyPattern()
{
    static const QRegularExpression pattern(
            u"^OIDC_([A-Z0-9]{1,32})_(ISSUER|CLIENT_ID|CLIENT_SECRET|SCOPES|DISPLAY_NAME)$"_s);
    return pattern;
}

bool isKnownKey(const QString &key)
{
    return findSpec(key) != nullptr || oidcKeyPattern().match(key).hasMatch();
}

bool isSecretKey(const QString &key)
{
    const KeySpec *spec = findSpec(key);
    return spec ? spec->secret : key.endsWith(u"_CLIENT_SECRET"_s);
}

/// Issuers must use https, except on loopback addresses (local test providers).
bool acceptableIssuer(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return false;
    }
    if (url.scheme() == u"https"_s) {
        return true;
    }
    const QHostAddress host(url.host());
    return url.scheme() == u"http"_s && (url.host() == u"localhost"_s || host.isLoopback());
}

QString applyOidcKey(Config &config, const QString &key, const QString &value)
{
    const auto match = oidcKeyPattern().match(key);
    oidc::ProviderSettings &provider = config.oidc.providers[match.captured(1).toLower()];
    const QString field = match.captured(2);
    const QString text = value.trimmed();
    if (field == u"ISSUER"_s) {
        const QUrl url(text, QUrl::StrictMode);
        if (!acceptableIssuer(url)) {
            return u"expected the provider's issuer URL: https (http only on the loopback hosts "
                   "127.0.0.1, localhost and ::1), without query or fragment"_s;
        }
        // Kept exactly as written: the discovery document and every ID token must name the
        // issuer identically (OpenID Connect Discovery §4.3), trailing slash included.
        provider.issuer = text;
    } else if (field == u"CLIENT_ID"_s) {
        provider.clientId = text;
    } else if (field == u"CLIENT_SECRET"_s) {
        provider.clientSecret = text;
    } else if (field == u"SCOPES"_s) {
        if (!text.split(u' ', Qt::SkipEmptyParts).contains(u"openid"_s)) {
            return u"expected space-separated scopes including openid"_s;
        }
        provider.scopes = text;
    } else {
        provider.displayName = text;
    }
    return {};
}

Result<QHash<QString, QString>> readEnvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
                ErrorCode::BadRequest, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    }
    return ConfigLoader::parseEnvFile(file.readAll(), path);
}

} // namespace

QString toString(ConfigSource source)
{
    switch (source) {
    case ConfigSource::Default: return u"default"_s;
    case ConfigSource::ConfigFile: return u"config file"_s;
    case ConfigSource::DotEnv: return u".env"_s;
    case ConfigSource::Environment: return u"environment"_s;
    case ConfigSource::CommandLine: return u"command line"_s;
    }
    return {};
}

QStringList Config::describe() const
{
    QStringList lines;
    const auto line = [&](const QString &key, const QString &value, bool secret = false) {
        const ConfigSource source = sources.value(key, ConfigSource::Default);
        const QString shown = secret && !value.isEmpty() ? u"<redacted>"_s : value;
        lines.append(u"%1=%2  (%3)"_s.arg(key, shown, toString(source)));
    };
    line(u"LISTEN_ADDRESS"_s, http.listenAddress.toString());
    line(u"PORT"_s, QString::number(http.port));
    line(u"PUBLIC_URL"_s, http.effectivePublicUrl());
    line(u"HTTP_THREADS"_s, QString::number(http.threads));
    line(u"MAX_BODY_BYTES"_s, QString::number(http.limits.maxBodyBytes));
    line(u"IMPORT_MAX_BODY_BYTES"_s, QString::number(imports.maxBodyBytes));
    line(u"MAX_HEADER_BYTES"_s, QString::number(http.limits.maxHeadBytes));
    line(u"MAX_CONNECTIONS"_s, QString::number(http.maxConnections));
    line(u"HTTP_MAX_CONNECTIONS_PER_CLIENT"_s, QString::number(http.maxConnectionsPerClient));
    line(u"IDLE_TIMEOUT_SECONDS"_s, QString::number(http.idleTimeout.count()));
    line(u"REQUEST_TIMEOUT_SECONDS"_s, QString::number(http.requestTimeout.count()));
    line(u"SHUTDOWN_GRACE_SECONDS"_s, QString::number(http.shutdownGrace.count()));
    line(u"CORS_ALLOWED_ORIGINS"_s, http.corsAllowedOrigins.join(u','));
    line(u"TRUSTED_PROXIES"_s, http.trustedProxies.join(u','));
    line(u"RATE_LIMIT_WRITES_PER_MINUTE"_s, QString::number(http.writesPerMinute));
    line(u"RATE_LIMIT_EXPENSIVE_PER_MINUTE"_s, QString::number(http.expensivePerMinute));
    line(u"METRICS_TOKEN"_s, QString::fromUtf8(http.metricsToken), true);
    if (database.url.isEmpty()) {
        line(u"DATABASE_URL"_s, u"(private PostgreSQL instance under DATA_DIR)"_s);
    } else {
        const auto parsed = db::DatabaseUrl::parse(database.url);
        line(u"DATABASE_URL"_s, parsed ? parsed->redacted() : u"<invalid>"_s);
    }
    line(u"DB_POOL_SIZE"_s, QString::number(database.poolSize));
    line(u"DB_QUEUE_LIMIT"_s, QString::number(database.queueLimit));
    line(u"DB_STATEMENT_TIMEOUT_MS"_s, QString::number(database.statementTimeout.count()));
    line(u"DB_CONNECT_TIMEOUT_SECONDS"_s, QString::number(database.connectTimeout.count()));
    QStringList replicaUrls;
    for (const db::DatabaseUrl &replica : database.replicas.urls) {
        replicaUrls.append(replica.redacted());
    }
    line(u"DATABASE_REPLICA_URLS"_s, replicaUrls.join(u','));
    line(u"DATABASE_REPLICA_WAIT_MS"_s, QString::number(database.replicas.wait.count()));
    line(u"DATABASE_REPLICA_MAX_LAG_MS"_s, QString::number(database.replicas.maxLag.count()));
    line(u"DATABASE_REPLICA_CHECK_MS"_s, QString::number(database.replicas.checkInterval.count()));
    line(u"JOB_WORKERS"_s, QString::number(jobs.workers));
    {
        QStringList limits;
        for (auto it = jobs.queueLimits.cbegin(); it != jobs.queueLimits.cend(); ++it) {
            limits.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
        }
        limits.sort();
        line(u"JOB_QUEUE_LIMITS"_s,
                limits.isEmpty() ? u"(every queue: all workers but one)"_s : limits.join(u','));
    }
    line(u"METRICS_CACHE_MIB"_s, QString::number(profiles.metricsCacheMiB));
    line(u"DATA_DIR"_s, dataDir);
    line(u"POSTGRES_BIN_DIR"_s,
            database.postgresBinDir.isEmpty() ? u"(newest installed)"_s : database.postgresBinDir);
    line(u"JWT_SECRET"_s,
            tokens.secret.isEmpty() ? u"(generated, in DATA_DIR/secrets)"_s
                                    : QString::fromUtf8(tokens.secret),
            !tokens.secret.isEmpty());
    line(u"AUTH_AUDIENCE"_s, tokens.audience);
    line(u"ACCESS_TOKEN_TTL_SECONDS"_s, QString::number(tokens.accessTokenLifetime.count()));
    line(u"REFRESH_IDLE_DAYS"_s, QString::number(auth.sessions.refreshIdleLifetime.count()));
    line(u"REFRESH_ABSOLUTE_DAYS"_s,
            QString::number(auth.sessions.refreshAbsoluteLifetime.count()));
    line(u"AUTH_RATE_LIMIT_PER_MINUTE"_s, QString::number(auth.rateLimitPerMinute));
    line(u"AUTH_REGISTRATION"_s,
            auth.registration == auth::Registration::Confirm ? u"confirm"_s : u"immediate"_s);
    line(u"LOGIN_LOCKOUT_THRESHOLD"_s, QString::number(auth.sessions.lockoutThreshold));
    line(u"APP_URL"_s, auth.effectiveAppUrl(http.effectivePublicUrl()));
    if (mail.smtpUrl.isEmpty()) {
        line(u"SMTP_URL"_s, u"(none: e-mails go to the log)"_s);
    } else {
        QUrl smtp(mail.smtpUrl);
        if (!smtp.password().isEmpty()) {
            smtp.setPassword(u"redacted"_s);
        }
        line(u"SMTP_URL"_s, smtp.toString());
    }
    line(u"SMTP_CA_FILE"_s, mail.caFile);
    line(u"MAIL_FROM"_s, mail.from);
    for (auto it = oidc.providers.cbegin(); it != oidc.providers.cend(); ++it) {
        const QString prefix = u"OIDC_"_s + it.key().toUpper();
        line(prefix + u"_ISSUER"_s, it->issuer);
        line(prefix + u"_CLIENT_ID"_s, it->clientId);
        line(prefix + u"_CLIENT_SECRET"_s, it->clientSecret, true);
        line(prefix + u"_SCOPES"_s, it->scopes);
        line(prefix + u"_DISPLAY_NAME"_s, it->displayName);
    }
    line(u"OIDC_CA_FILE"_s, oidc.caFile);
    line(u"TOKEN_ENCRYPTION_KEYS"_s,
            social.tokenEncryptionKeys.isEmpty() ? u"(generated, in DATA_DIR/secrets)"_s
                                                 : social.tokenEncryptionKeys,
            !social.tokenEncryptionKeys.isEmpty());
    for (auto it = social.platforms.cbegin(); it != social.platforms.cend(); ++it) {
        const QString prefix = u"SOCIAL_"_s + it.key().toUpper();
        line(prefix + u"_CLIENT_ID"_s, it->clientId);
        line(prefix + u"_CLIENT_SECRET"_s, it->clientSecret, true);
        line(prefix + u"_AUTH_URL"_s, it->authUrl);
        line(prefix + u"_TOKEN_URL"_s, it->tokenUrl);
        line(prefix + u"_API_URL"_s, it->apiUrl);
    }
    line(u"SOCIAL_CA_FILE"_s, social.fetch.caFile);
    line(u"STRIPE_API_URL"_s, payments.apiUrl);
    line(u"STRIPE_SECRET_KEY"_s,
            payments.secretKey.isEmpty() ? u"(none: offline payments only)"_s : payments.secretKey,
            !payments.secretKey.isEmpty());
    line(u"STRIPE_WEBHOOK_SECRET"_s,
            payments.webhookSecret.isEmpty() ? u"(none: webhook events refused)"_s
                                             : payments.webhookSecret,
            !payments.webhookSecret.isEmpty());
    line(u"STRIPE_WEBHOOK_TOLERANCE_SECONDS"_s, QString::number(payments.webhookTolerance.count()));
    line(u"PAYOUT_RECHECK_SECONDS"_s, QString::number(payments.recheck.count()));
    line(u"PAYOUT_UNCLAIMED_DAYS"_s, QString::number(payments.unclaimedDays));
    line(u"STRIPE_TIMEOUT_SECONDS"_s,
            QString::number(std::chrono::duration_cast<std::chrono::seconds>(payments.fetch.timeout)
                                    .count()));
    line(u"STRIPE_CA_FILE"_s, payments.fetch.caFile);
    line(u"WEBHOOKS_ALLOW_LOCAL_TARGETS"_s, webhooks.allowLocalTargets ? u"true"_s : u"false"_s);
    line(u"WEBHOOKS_TIMEOUT_SECONDS"_s,
            QString::number(
                    std::chrono::duration_cast<std::chrono::seconds>(webhooks.timeout).count()));
    line(u"WEBHOOKS_SECRET_OVERLAP_SECONDS"_s, QString::number(webhooks.secretOverlap.count()));
    QStringList retry;
    for (const int seconds : webhooks.retrySeconds) {
        retry.append(QString::number(seconds));
    }
    line(u"WEBHOOKS_RETRY_SCHEDULE"_s, retry.join(u','));
    line(u"WEBHOOKS_DISABLE_AFTER_FAILURES"_s, QString::number(webhooks.disableAfterFailures));
    line(u"WEBHOOKS_DISABLE_AFTER_HOURS"_s, QString::number(webhooks.disableAfter.count()));
    line(u"LOG_LEVEL"_s, log.level);
    line(u"LOG_FORMAT"_s, log.format);
    return lines;
}

QString ConfigLoader::defaultDataDir()
{
    // PostgreSQL refuses to run as root, so root runs the private instance as an unprivileged
    // account; a home directory such as /root (mode 0700) is not reachable for it.
    if (::geteuid() == 0) {
        return u"/var/local/influence-server"_s;
    }
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty()) {
        base = QDir::homePath() + u"/.local/share"_s;
    }
    return base + u"/influence-server"_s;
}

ConfigLoader::Inputs ConfigLoader::processInputs()
{
    Inputs inputs;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        inputs.environment.insert(key, env.value(key));
    }
    inputs.workingDirectory = QDir::currentPath();
    return inputs;
}

Result<QHash<QString, QString>> ConfigLoader::parseEnvFile(
        const QByteArray &content, const QString &fileName)
{
    QHash<QString, QString> values;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) {
            continue;
        }
        if (line.startsWith(u"export "_s)) {
            line = line.sliced(7).trimmed();
        }
        const qsizetype eq = line.indexOf(u'=');
        const QString key = eq > 0 ? line.first(eq).trimmed() : QString();
        static const QRegularExpression keyPattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        if (key.isEmpty() || !keyPattern.match(key).hasMatch()) {
            return Error::make(
                    ErrorCode::BadRequest, u"%1:%2: expected KEY=value"_s.arg(fileName).arg(i + 1));
        }
        QString value = line.sliced(eq + 1).trimmed();
        if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\''))) {
            const QChar quote = value.front();
            const qsizetype end = value.indexOf(quote, 1);
            if (end < 0) {
                return Error::make(ErrorCode::BadRequest,
                        u"%1:%2: unterminated quote"_s.arg(fileName).arg(i + 1));
            }
            value = value.sliced(1, end - 1);
        } else {
            const qsizetype comment = value.indexOf(u" #"_s);
            if (comment >= 0) {
                value = value.first(comment).trimmed();
            }
        }
        values.insert(key, value);
    }
    return values;
}

QList<std::pair<QString, QString>> ConfigLoader::knownKeys()
{
    QList<std::pair<QString, QString>> keys;
    for (const KeySpec &spec : keySpecs()) {
        keys.append({spec.key, spec.help});
    }
    keys.append({u"OIDC_<NAME>_ISSUER"_s,
            u"OpenID Connect provider <NAME> (letters and digits): its issuer URL. With "
            "OIDC_<NAME>_CLIENT_ID, OIDC_<NAME>_CLIENT_SECRET, optional OIDC_<NAME>_SCOPES "
            "(default \"openid email profile\") and OIDC_<NAME>_DISPLAY_NAME. The redirect URI "
            "to register at the provider is PUBLIC_URL/api/v1/auth/oidc/<name>/callback."_s});
    keys.append({u"CONFIG_FILE"_s, u"Path of a config file (environment only; --config wins)."_s});
    return keys;
}

namespace {

/// Gathers settings from the sources in increasing precedence; later ones replace earlier ones.
class SettingsCollector
{
public:
    /// Unknown keys are errors in a config file (a typo must not go unnoticed) and only warnings
    /// in .env, which other tools share.
    Result<void> addFile(const QString &path, ConfigSource source)
    {
        auto values = readEnvFile(path);
        if (!values) {
            return values.error();
        }
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            if (isKnownKey(it.key())) {
                m_settings.insert(it.key(), {it.value(), source, path});
            } else if (source == ConfigSource::ConfigFile) {
                return Error::make(ErrorCode::BadRequest,
                        u"%1: unknown setting %2 (see influence-server --help)"_s.arg(
                                path, it.key()));
            } else {
                warnings.append(u"%1: ignoring unknown setting %2"_s.arg(path, it.key()));
            }
        }
        return {};
    }

    void addEnvironment(const QHash<QString, QString> &environment)
    {
        for (const KeySpec &spec : keySpecs()) {
            const auto it = environment.constFind(spec.key);
            if (it != environment.cend()) {
                m_settings.insert(
                        spec.key, {it.value(), ConfigSource::Environment, u"environment"_s});
            }
        }
        // Provider keys are a pattern, not a table entry.
        for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
            if (oidcKeyPattern().match(it.key()).hasMatch()) {
                m_settings.insert(
                        it.key(), {it.value(), ConfigSource::Environment, u"environment"_s});
            }
        }
    }

    Result<void> addOverrides(const QHash<QString, QString> &overrides)
    {
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
            if (!isKnownKey(it.key())) {
                return Error::make(ErrorCode::BadRequest, u"unknown setting %1"_s.arg(it.key()));
            }
            m_settings.insert(it.key(), {it.value(), ConfigSource::CommandLine, u"command line"_s});
        }
        return {};
    }

    /// Validates and applies everything, in table order so that errors are deterministic.
    Result<Config> apply(Config config) const
    {
        for (const KeySpec &spec : keySpecs()) {
            const auto it = m_settings.constFind(spec.key);
            if (it == m_settings.cend()) {
                continue;
            }
            const QString problem = spec.apply(config, it->value);
            if (!problem.isEmpty()) {
                const QString shown = spec.secret ? u"<redacted>"_s : it->value;
                return Error::make(ErrorCode::BadRequest,
                        u"%1=\"%2\" (from %3): %4"_s.arg(spec.key, shown, it->origin, problem));
            }
            config.sources.insert(spec.key, it->source);
        }
        QStringList oidcKeys;
        for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it) {
            if (oidcKeyPattern().match(it.key()).hasMatch()) {
                oidcKeys.append(it.key());
            }
        }
        oidcKeys.sort();
        for (const QString &key : oidcKeys) {
            const Setting &setting = m_settings[key];
            const QString problem = applyOidcKey(config, key, setting.value);
            if (!problem.isEmpty()) {
                const QString shown = isSecretKey(key) ? u"<redacted>"_s : setting.value;
                return Error::make(ErrorCode::BadRequest,
                        u"%1=\"%2\" (from %3): %4"_s.arg(key, shown, setting.origin, problem));
            }
            config.sources.insert(key, setting.source);
        }
        for (auto it = config.oidc.providers.cbegin(); it != config.oidc.providers.cend(); ++it) {
            if (it->issuer.isEmpty() || it->clientId.isEmpty()) {
                const QString prefix = u"OIDC_"_s + it.key().toUpper();
                return Error::make(ErrorCode::BadRequest,
                        u"OpenID Connect provider \"%1\" needs both %2_ISSUER and %2_CLIENT_ID"_s
                                .arg(it.key(), prefix));
            }
        }
        config.warnings = warnings;
        return config;
    }

    QStringList warnings;

private:
    QHash<QString, Setting> m_settings;
};

} // namespace

Result<Config> ConfigLoader::load(const Inputs &inputs)
{
    SettingsCollector collector;
    const QString configFile = inputs.configFile.isEmpty()
            ? inputs.environment.value(u"CONFIG_FILE"_s)
            : inputs.configFile;
    if (!configFile.isEmpty()) {
        if (auto added = collector.addFile(configFile, ConfigSource::ConfigFile); !added) {
            return added.error();
        }
    }
    const QString dotEnv = inputs.workingDirectory.isEmpty()
            ? QString()
            : QDir(inputs.workingDirectory).filePath(u".env"_s);
    if (!dotEnv.isEmpty() && QFileInfo::exists(dotEnv)) {
        if (auto added = collector.addFile(dotEnv, ConfigSource::DotEnv); !added) {
            return added.error();
        }
    }
    collector.addEnvironment(inputs.environment);
    if (auto added = collector.addOverrides(inputs.overrides); !added) {
        return added.error();
    }
    Config defaults;
    defaults.http.threads = qBound(1, QThread::idealThreadCount(), 4);
    defaults.dataDir = defaultDataDir();
    return collector.apply(defaults);
}

} // namespace influence::server
