// SPDX-License-Identifier: Apache-2.0
#include "Config.h"

#include "app/config/ConfigKeys.h"
#include "core/db/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <unistd.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server {

using config::applyOidcKey;
using config::isKnownKey;
using config::isSecretKey;
using config::KeySpec;
using config::keySpecs;
using config::oidcKeyPattern;

namespace {

struct Setting
{
    QString value;
    ConfigSource source = ConfigSource::Default;
    QString origin; ///< file name or "environment"
};

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
    line(u"WEBHOOKS_CA_FILE"_s, webhooks.caFile);
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
