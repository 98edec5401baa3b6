// SPDX-License-Identifier: Apache-2.0
#include "Config.h"

#include "db/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

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

template<class Duration>
Apply seconds(Duration Config::*member, qint64 min, qint64 max)
{
    return [member, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            c.*member = Duration(n);
        }
        return problem;
    };
}

Apply integer(int Config::*member, qint64 min, qint64 max)
{
    return [member, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            c.*member = static_cast<int>(n);
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

const QList<KeySpec> &keySpecs()
{
    static const QList<KeySpec> specs{
            {"PORT"_L1, "TCP port to listen on (0 picks a free one). Default 8080."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 0, 65535, n);
                        c.port = static_cast<quint16>(n);
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
                        c.listenAddress = address;
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
                        c.publicUrl = url.adjusted(QUrl::StripTrailingSlash).toString();
                        return QString();
                    }},
            {"HTTP_THREADS"_L1, "Threads accepting and parsing HTTP (SO_REUSEPORT listeners)."_L1,
                    integer(&Config::httpThreads, 1, 64)},
            {"MAX_BODY_BYTES"_L1, "Largest request body accepted (413 above). Default 1M."_L1,
                    [](Config &c, const QString &v) {
                        return expectBytes(v, 1024, qint64(256) * 1024 * 1024, c.maxBodyBytes);
                    }},
            {"MAX_HEADER_BYTES"_L1,
                    "Largest request line plus headers (431 above). Default 16K."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectBytes(v, 1024, qint64{1024} * 1024, n);
                        c.maxHeaderBytes = static_cast<int>(n);
                        return problem;
                    }},
            {"MAX_CONNECTIONS"_L1,
                    "Open client connections per process; more are refused. Default 2048."_L1,
                    integer(&Config::maxConnections, 1, 1'000'000)},
            {"IDLE_TIMEOUT_SECONDS"_L1,
                    "Keep-alive connections idle this long are closed. Default 60."_L1,
                    seconds(&Config::idleTimeout, 1, 3600)},
            {"REQUEST_TIMEOUT_SECONDS"_L1,
                    "A request must arrive completely within this time (slow clients get 408). Default 30."_L1,
                    seconds(&Config::requestTimeout, 1, 3600)},
            {"SHUTDOWN_GRACE_SECONDS"_L1,
                    "On SIGTERM, how long in-flight requests may take before connections close. Default 15."_L1,
                    seconds(&Config::shutdownGrace, 0, 3600)},
            {"CORS_ALLOWED_ORIGINS"_L1,
                    "Comma-separated browser origins allowed to call the API (CORS). Default none."_L1,
                    [](Config &c, const QString &v) {
                        return parseOrigins(v, c.corsAllowedOrigins);
                    }},
            {"TRUSTED_PROXIES"_L1,
                    "Comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed. Default none."_L1,
                    [](Config &c, const QString &v) {
                        return parseProxies(v, c.trustedProxies);
                    }},
            {"DATABASE_URL"_L1,
                    "postgres://user:password@host:port/db?sslmode=require. Empty: a private "
                    "PostgreSQL "
                    "instance under DATA_DIR."_L1,
                    [](Config &c, const QString &v) {
                        const QString url = v.trimmed();
                        if (!url.isEmpty()) {
                            const auto parsed = db::DatabaseUrl::parse(url);
                            if (!parsed) {
                                return parsed.error().detail;
                            }
                        }
                        c.databaseUrl = url;
                        return QString();
                    },
                    true},
            {"DB_POOL_SIZE"_L1, "Database connections (one per worker thread). Default 4."_L1,
                    integer(&Config::dbPoolSize, 1, 256)},
            {"DB_QUEUE_LIMIT"_L1,
                    "Requests waiting for a database worker before new ones get 503. Default 2048."_L1,
                    integer(&Config::dbQueueLimit, 1, 1'000'000)},
            {"DB_STATEMENT_TIMEOUT_MS"_L1, "PostgreSQL statement_timeout. Default 5000."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 100, 600'000, n);
                        c.dbStatementTimeout = std::chrono::milliseconds(n);
                        return problem;
                    }},
            {"DB_CONNECT_TIMEOUT_SECONDS"_L1,
                    "Give up connecting to PostgreSQL after this. Default 5."_L1,
                    seconds(&Config::dbConnectTimeout, 1, 120)},
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
                        c.postgresBinDir = dir.absoluteFilePath();
                        return QString();
                    }},
            {"LOG_LEVEL"_L1, "debug, info (default), warning or error."_L1,
                    [](Config &c, const QString &v) {
                        const QString level = v.trimmed().toLower();
                        if (level != u"debug"_s && level != u"info"_s && level != u"warning"_s
                                && level != u"error"_s) {
                            return u"expected debug, info, warning or error"_s;
                        }
                        c.logLevel = level;
                        return QString();
                    }},
            {"LOG_FORMAT"_L1, "text (default) or json (one JSON object per line)."_L1,
                    [](Config &c, const QString &v) {
                        const QString format = v.trimmed().toLower();
                        if (format != u"text"_s && format != u"json"_s) {
                            return u"expected text or json"_s;
                        }
                        c.logFormat = format;
                        return QString();
                    }},
    };
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

QString Config::effectivePublicUrl() const
{
    if (!publicUrl.isEmpty()) {
        return publicUrl;
    }
    QString host = listenAddress.toString();
    if (listenAddress == QHostAddress::AnyIPv4 || listenAddress == QHostAddress::AnyIPv6
            || listenAddress == QHostAddress::Any || listenAddress == QHostAddress::LocalHost) {
        host = u"localhost"_s;
    } else if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol) {
        host = u'[' + host + u']';
    }
    return u"http://%1:%2"_s.arg(host).arg(port);
}

QStringList Config::describe() const
{
    QStringList lines;
    const auto line = [&](const QString &key, const QString &value, bool secret = false) {
        const ConfigSource source = sources.value(key, ConfigSource::Default);
        const QString shown = secret && !value.isEmpty() ? u"<redacted>"_s : value;
        lines.append(u"%1=%2  (%3)"_s.arg(key, shown, toString(source)));
    };
    line(u"LISTEN_ADDRESS"_s, listenAddress.toString());
    line(u"PORT"_s, QString::number(port));
    line(u"PUBLIC_URL"_s, effectivePublicUrl());
    line(u"HTTP_THREADS"_s, QString::number(httpThreads));
    line(u"MAX_BODY_BYTES"_s, QString::number(maxBodyBytes));
    line(u"MAX_HEADER_BYTES"_s, QString::number(maxHeaderBytes));
    line(u"MAX_CONNECTIONS"_s, QString::number(maxConnections));
    line(u"IDLE_TIMEOUT_SECONDS"_s, QString::number(idleTimeout.count()));
    line(u"REQUEST_TIMEOUT_SECONDS"_s, QString::number(requestTimeout.count()));
    line(u"SHUTDOWN_GRACE_SECONDS"_s, QString::number(shutdownGrace.count()));
    line(u"CORS_ALLOWED_ORIGINS"_s, corsAllowedOrigins.join(u','));
    line(u"TRUSTED_PROXIES"_s, trustedProxies.join(u','));
    if (databaseUrl.isEmpty()) {
        line(u"DATABASE_URL"_s, u"(private PostgreSQL instance under DATA_DIR)"_s);
    } else {
        const auto parsed = db::DatabaseUrl::parse(databaseUrl);
        line(u"DATABASE_URL"_s, parsed ? parsed->redacted() : u"<invalid>"_s);
    }
    line(u"DB_POOL_SIZE"_s, QString::number(dbPoolSize));
    line(u"DB_QUEUE_LIMIT"_s, QString::number(dbQueueLimit));
    line(u"DB_STATEMENT_TIMEOUT_MS"_s, QString::number(dbStatementTimeout.count()));
    line(u"DB_CONNECT_TIMEOUT_SECONDS"_s, QString::number(dbConnectTimeout.count()));
    line(u"DATA_DIR"_s, dataDir);
    line(u"POSTGRES_BIN_DIR"_s,
            postgresBinDir.isEmpty() ? u"(newest installed)"_s : postgresBinDir);
    line(u"LOG_LEVEL"_s, logLevel);
    line(u"LOG_FORMAT"_s, logFormat);
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
            if (findSpec(it.key())) {
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
    }

    Result<void> addOverrides(const QHash<QString, QString> &overrides)
    {
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
            if (!findSpec(it.key())) {
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
    defaults.httpThreads = qBound(1, QThread::idealThreadCount(), 4);
    defaults.dataDir = defaultDataDir();
    return collector.apply(defaults);
}

} // namespace influence::server
