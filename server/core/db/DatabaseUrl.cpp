// SPDX-License-Identifier: Apache-2.0
#include "DatabaseUrl.h"

#include <QSet>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::db {

namespace {

const QSet<QString> &allowedOptions()
{
    static const QSet<QString> options{
            u"sslmode"_s,
            u"sslrootcert"_s,
            u"sslcert"_s,
            u"sslkey"_s,
            u"sslcrl"_s,
            u"sslcompression"_s,
            u"application_name"_s,
            u"target_session_attrs"_s,
            u"keepalives"_s,
            u"keepalives_idle"_s,
            u"keepalives_interval"_s,
            u"keepalives_count"_s,
            u"tcp_user_timeout"_s,
            u"gssencmode"_s,
            u"channel_binding"_s,
    };
    return options;
}

Error invalid(const QString &why)
{
    return Error::make(ErrorCode::BadRequest, u"invalid database URL: "_s + why);
}

QString quoteLibpq(const QString &value)
{
    // libpq conninfo values: single-quoted, with backslash escapes for ' and \ (libpq
    // docs 34.1.1).
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

bool isSocketDirectory(const QString &host)
{
    return host.startsWith(u'/');
}

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port <= 0 || port > 65535) {
        return invalid(u"the port must be from 1 to 65535"_s);
    }
    return port;
}

/// libpq's comma-separated ?port= list.
Result<QList<int>> parsePorts(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() > DatabaseUrl::kMaxHosts) {
        return invalid(u"at most %1 ports"_s.arg(DatabaseUrl::kMaxHosts));
    }
    QList<int> ports;
    for (const QString &part : parts) {
        auto port = parsePort(part);
        if (!port) {
            return port.error();
        }
        ports.append(*port);
    }
    return ports;
}

/// libpq's comma-separated ?host= list: Unix socket directories (absolute) or host names.
Result<QStringList> parseHostParameter(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() > DatabaseUrl::kMaxHosts) {
        return invalid(u"at most %1 hosts"_s.arg(DatabaseUrl::kMaxHosts));
    }
    QStringList hosts;
    for (const QString &part : parts) {
        if (isSocketDirectory(part)) {
            hosts.append(part);
            continue;
        }
        // Normalised as in the URL's authority (QUrl lower-cases names and reads "2" as the
        // address 0.0.0.2, as libpq's resolver does), so that both spellings agree.
        QUrl check;
        check.setScheme(u"postgres"_s);
        check.setHost(part, QUrl::StrictMode);
        if (part.isEmpty() || !check.isValid() || check.host().isEmpty()) {
            return invalid(u"the host parameter must list absolute socket directories or host "
                           "names"_s);
        }
        hosts.append(check.host(QUrl::FullyDecoded));
    }
    return hosts;
}

/// One ?key=value of the URL: connection parameters libpq also takes from the query string, or
/// one of the allowed libpq options.
Result<void> applyQueryItem(DatabaseUrl &db, const QString &key, const QString &value)
{
    if (key == u"host"_s) {
        auto hosts = parseHostParameter(value);
        if (!hosts) {
            return hosts.error();
        }
        db.hosts = *hosts;
    } else if (key == u"port"_s) {
        auto ports = parsePorts(value);
        if (!ports) {
            return ports.error();
        }
        db.ports = *ports;
    } else if (key == u"user"_s) {
        db.user = value;
    } else if (key == u"password"_s) {
        db.password = value;
    } else if (key == u"dbname"_s) {
        db.database = value;
    } else if (value.contains(u';')) {
        // QPSQL turns every ';' of its option string into a separator.
        return invalid(u"parameter values must not contain ';'"_s);
    } else if (!allowedOptions().contains(key)) {
        return invalid(u"unknown parameter \"%1\" (allowed: sslmode, sslrootcert, sslcert, "
                       "sslkey, application_name, target_session_attrs, keepalives…)"_s.arg(key));
    } else {
        static const QSet<QString> sslModes{u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s,
                u"verify-ca"_s, u"verify-full"_s};
        // libpq 14+ (PostgreSQL docs 34.1.2): which of the listed servers a session may use.
        static const QSet<QString> sessionAttrs{u"any"_s, u"read-write"_s, u"read-only"_s,
                u"primary"_s, u"standby"_s, u"prefer-standby"_s};
        if (key == u"sslmode"_s && !sslModes.contains(value)) {
            return invalid(u"sslmode must be one of disable, allow, prefer, require, verify-ca, "
                           "verify-full"_s);
        }
        if (key == u"target_session_attrs"_s && !sessionAttrs.contains(value)) {
            return invalid(u"target_session_attrs must be one of any, read-write, read-only, "
                           "primary, standby, prefer-standby"_s);
        }
        db.options.insert(key, value);
    }
    return {};
}

/// The URL with a single host (`authority` without the user info): QUrl checks it strictly.
Result<QUrl> parseSingle(const QString &scheme, const QString &userInfo, const QString &authority,
        const QString &rest)
{
    QUrl url(scheme + u"://"_s + userInfo + authority + rest, QUrl::StrictMode);
    if (!url.isValid()) {
        return invalid(u"not a URL (expected postgres://user:password@host:port/dbname)"_s);
    }
    return url;
}

/// libpq's rules for the lists: one port for every host, or one per host; no empty host.
Result<void> checkServers(DatabaseUrl &db)
{
    // libpq: one port for every host, or one per host.
    if (db.ports.size() == 1 && db.hosts.size() > 1) {
        db.ports = QList<int>(db.hosts.size(), db.ports.first());
    }
    if (db.ports.size() != db.hosts.size()) {
        return invalid(
                u"%1 ports for %2 hosts (give one port, or one per host)"_s.arg(db.ports.size())
                        .arg(db.hosts.size()));
    }
    for (const QString &host : std::as_const(db.hosts)) {
        if (host.isEmpty()) {
            return invalid(u"a host is required"_s);
        }
        if (host.contains(u',')) {
            return invalid(u"a host name must not contain ','"_s);
        }
    }
    return {};
}

} // namespace

DatabaseUrl DatabaseUrl::forServer(const QString &host, int port, const QString &database)
{
    DatabaseUrl url;
    url.hosts = {host};
    url.ports = {port};
    url.database = database;
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    // QUrl takes one host; libpq's URIs may list several (postgres://u@h1:5432,h2:5433/db), so
    // the host list is split off here and every host checked by QUrl in a URL of its own.
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd < 0) {
        return invalid(u"not a URL (expected postgres://user:password@host:port/dbname)"_s);
    }
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != u"postgres"_s && scheme != u"postgresql"_s) {
        return invalid(u"the scheme must be postgres:// or postgresql://"_s);
    }
    const QString afterScheme = text.mid(schemeEnd + 3);
    qsizetype authorityEnd = afterScheme.size();
    for (const QChar end : {u'/', u'?', u'#'}) {
        if (const qsizetype at = afterScheme.indexOf(end); at >= 0 && at < authorityEnd) {
            authorityEnd = at;
        }
    }
    const QString authority = afterScheme.left(authorityEnd);
    const QString rest = afterScheme.mid(authorityEnd);
    const qsizetype at = authority.lastIndexOf(u'@');
    const QString userInfo = authority.left(at + 1); // with its '@', or empty
    const QStringList hostSpecs = authority.mid(at + 1).split(u',');
    if (hostSpecs.size() > kMaxHosts) {
        return invalid(u"at most %1 hosts"_s.arg(kMaxHosts));
    }

    DatabaseUrl db;
    QUrl first;
    for (const QString &hostSpec : hostSpecs) {
        if (hostSpecs.size() > 1 && hostSpec.isEmpty()) {
            return invalid(u"an empty entry in the host list"_s);
        }
        auto url = parseSingle(scheme, userInfo, hostSpec, rest);
        if (!url) {
            return url.error();
        }
        const int port = url->port(5432);
        if (port < 1) { // QUrl takes :0 (and refuses above 65535)
            return invalid(u"the port must be from 1 to 65535"_s);
        }
        db.hosts.append(url->host(QUrl::FullyDecoded));
        db.ports.append(port);
        if (db.hosts.size() == 1) {
            first = *url;
        }
    }
    db.user = first.userName(QUrl::FullyDecoded);
    db.password = first.password(QUrl::FullyDecoded);
    // Checked encoded: a name with an encoded '/' (%2F) is a name, not a longer path.
    const QString path = first.path(QUrl::FullyEncoded).mid(1);
    if (path.contains(u'/')) {
        return invalid(u"the path must be just the database name"_s);
    }
    db.database = QUrl::fromPercentEncoding(path.toUtf8());
    for (const auto &[key, value] : QUrlQuery(first).queryItems(QUrl::FullyDecoded)) {
        if (auto applied = applyQueryItem(db, key, value); !applied) {
            return applied.error();
        }
    }
    if (auto checked = checkServers(db); !checked) {
        return checked.error();
    }
    if (db.database.isEmpty()) {
        return invalid(u"a database name is required (postgres://…/dbname)"_s);
    }
    return db;
}

namespace {

enum class Password { Redacted, Included };

QString urlString(const DatabaseUrl &db, Password password)
{
    // Socket directories cannot stand in the authority: they go into ?host= (as libpq reads
    // it), the authority keeps a placeholder per host for the ports.
    bool sockets = false;
    for (const QString &host : db.hosts) {
        sockets = sockets || isSocketDirectory(host);
    }
    QStringList authorities;
    for (qsizetype i = 0; i < db.hosts.size(); ++i) {
        QUrl hostUrl;
        hostUrl.setScheme(u"postgres"_s);
        hostUrl.setHost(sockets ? u"localhost"_s : db.hosts.at(i));
        hostUrl.setPort(db.ports.value(i, 5432));
        authorities.append(hostUrl.authority(QUrl::FullyEncoded));
    }
    QString userInfo;
    if (!db.user.isEmpty() || !db.password.isEmpty()) {
        userInfo = QString::fromUtf8(QUrl::toPercentEncoding(db.user));
        if (!db.password.isEmpty()) {
            const QString secret = password == Password::Redacted ? u"redacted"_s : db.password;
            userInfo += u':' + QString::fromUtf8(QUrl::toPercentEncoding(secret));
        }
        userInfo += u'@';
    }
    QUrlQuery query;
    if (sockets) {
        query.addQueryItem(
                u"host"_s, QString::fromUtf8(QUrl::toPercentEncoding(db.hosts.join(u','), "/,")));
    }
    for (auto it = db.options.cbegin(); it != db.options.cend(); ++it) {
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(it.key())),
                QString::fromUtf8(QUrl::toPercentEncoding(it.value())));
    }
    QString text = u"postgres://"_s + userInfo + authorities.join(u',') + u'/'
            + QString::fromUtf8(QUrl::toPercentEncoding(db.database));
    if (!query.isEmpty()) {
        text += u'?' + query.query(QUrl::FullyEncoded);
    }
    return text;
}

} // namespace

QString DatabaseUrl::redacted() const
{
    return urlString(*this, Password::Redacted);
}

QString DatabaseUrl::toUrlString() const
{
    return urlString(*this, Password::Included);
}

QString DatabaseUrl::connectOptions(int connectTimeoutSeconds) const
{
    QStringList parts;
    parts.append(u"connect_timeout=%1"_s.arg(connectTimeoutSeconds));
    QStringList portList;
    for (const int port : ports) {
        portList.append(QString::number(port));
    }
    if (!portList.isEmpty()) {
        parts.append(u"port="_s + quoteLibpq(portList.join(u',')));
    }
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        parts.append(it.key() + u'=' + quoteLibpq(it.value()));
    }
    if (!options.contains(u"application_name"_s)) {
        parts.append(u"application_name=influence-server"_s);
    }
    return parts.join(u';');
}

QString DatabaseUrl::libpqConnectionString() const
{
    QStringList portList;
    for (const int port : ports) {
        portList.append(QString::number(port));
    }
    QStringList parts{u"host="_s + quoteLibpq(hosts.join(u',')),
            u"port="_s + quoteLibpq(portList.join(u',')), u"dbname="_s + quoteLibpq(database)};
    if (!user.isEmpty()) {
        parts.append(u"user="_s + quoteLibpq(user));
    }
    if (!password.isEmpty()) {
        parts.append(u"password="_s + quoteLibpq(password));
    }
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        parts.append(it.key() + u'=' + quoteLibpq(it.value()));
    }
    return parts.join(u' ');
}

void DatabaseUrl::applyTo(QSqlDatabase &db, int connectTimeoutSeconds) const
{
    // QPSQL builds "host='…' dbname='…' user='…' password='…' [port='…'] <options>" for
    // PQconnectdb, quoting each value (qsql_psql.cpp, QPSQLDriver::open): a comma-separated
    // host list reaches libpq intact. Its port is an int, so the port list travels in the
    // options instead, and setPort(-1) keeps QPSQL from adding a port of its own.
    db.setHostName(hosts.join(u','));
    db.setPort(-1);
    db.setDatabaseName(database);
    db.setUserName(user);
    db.setPassword(password);
    db.setConnectOptions(connectOptions(connectTimeoutSeconds));
}

} // namespace influence::server::db
