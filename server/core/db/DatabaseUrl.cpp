// SPDX-License-Identifier: Apache-2.0
#include "DatabaseUrl.h"

#include <QSet>
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

} // namespace

namespace {

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port <= 0 || port > 65535) {
        return invalid(u"the port must be from 1 to 65535"_s);
    }
    return port;
}

/// One ?key=value of the URL: connection parameters libpq also takes from the query string, or
/// one of the allowed libpq options.
Result<void> applyQueryItem(DatabaseUrl &db, const QString &key, const QString &value)
{
    if (key == u"host"_s) {
        // libpq allows ?host=/path/to/socket/dir for Unix sockets.
        if (!value.startsWith(u'/')) {
            return invalid(u"the host parameter must be an absolute socket directory"_s);
        }
        db.host = value;
    } else if (key == u"port"_s) {
        auto port = parsePort(value);
        if (!port) {
            return port.error();
        }
        db.port = *port;
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
        if (key == u"sslmode"_s && !sslModes.contains(value)) {
            return invalid(u"sslmode must be one of disable, allow, prefer, require, verify-ca, "
                           "verify-full"_s);
        }
        db.options.insert(key, value);
    }
    return {};
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        return invalid(u"not a URL (expected postgres://user:password@host:port/dbname)"_s);
    }
    if (url.scheme() != u"postgres"_s && url.scheme() != u"postgresql"_s) {
        return invalid(u"the scheme must be postgres:// or postgresql://"_s);
    }
    DatabaseUrl db;
    db.host = url.host(QUrl::FullyDecoded);
    if (db.host.contains(u',')) {
        return invalid(u"several hosts are not supported; use one host or a pooler"_s);
    }
    db.port = url.port(5432);
    db.user = url.userName(QUrl::FullyDecoded);
    db.password = url.password(QUrl::FullyDecoded);
    const QString path = url.path(QUrl::FullyDecoded).mid(1);
    if (path.contains(u'/')) {
        return invalid(u"the path must be just the database name"_s);
    }
    db.database = path;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (auto applied = applyQueryItem(db, key, value); !applied) {
            return applied.error();
        }
    }
    if (db.host.isEmpty()) {
        return invalid(u"a host is required"_s);
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
    QUrl url;
    url.setScheme(u"postgres"_s);
    const bool socket = db.host.startsWith(u'/');
    url.setHost(socket ? u"localhost"_s : db.host);
    url.setPort(db.port);
    url.setUserName(db.user);
    if (!db.password.isEmpty()) {
        url.setPassword(password == Password::Redacted ? u"redacted"_s : db.password);
    }
    url.setPath(u'/' + db.database);
    QUrlQuery query;
    if (socket) {
        query.addQueryItem(u"host"_s, db.host);
    }
    for (auto it = db.options.cbegin(); it != db.options.cend(); ++it) {
        query.addQueryItem(it.key(), it.value());
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
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
    QStringList parts{u"host="_s + quoteLibpq(host), u"port=%1"_s.arg(port),
            u"dbname="_s + quoteLibpq(database)};
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

} // namespace influence::server::db
