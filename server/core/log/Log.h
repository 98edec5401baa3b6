// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace influence::server::log {

enum class Format { Text, Json };

/// Logging, from the configuration (LOG_LEVEL, LOG_FORMAT).
struct Settings
{
    QString level = QStringLiteral("info"); ///< debug, info, warning or error
    QString format = QStringLiteral("text"); ///< text or json (one JSON object per line)
};

/// Routes Qt's logging (qCInfo & co.) to stderr as one line per message, in text or JSON, and
/// filters by level. Call once at start.
void install(const Settings &settings);

/// Whether info-level lines (the access log) are written.
bool infoEnabled();
Format format();

/// Writes one structured line: in text as "ts level category message key=value…", in JSON as one
/// object with ts, level, category, msg and the fields.
void write(const char *level, const char *category, const QString &message,
        const QJsonObject &fields = {});

/// Writes a pre-formatted line (a trailing newline is added). Thread-safe. Every value in it
/// must have gone through escaped() (text) or jsonLine() (JSON).
void writeRaw(const QByteArray &line);

/// A value for a text line, in UTF-8, that cannot end the line or forge another: CR, LF and tab
/// as \r, \n, \t, the other C0 and C1 controls and DEL as \xHH, U+2028 and U+2029 as
/// \u2028 and \u2029, and the backslash itself as \\ so that an escape cannot be faked.
/// User values and database error texts reach the log through it.
QByteArray escaped(QStringView text);

/// An object as one compact JSON line: JSON escapes the controls, and U+2028/U+2029 (which JSON
/// allows raw, and some readers take for line ends) are written as \u escapes too.
QByteArray jsonLine(const QJsonObject &object);

/// While it lives, every line this thread writes (through write(), so every qCWarning & co.)
/// carries `requestId`: as rid=… in text, as "requestId" in JSON. The HTTP thread opens one
/// around a route's handler, the database and CPU workers around a request's task. Scopes nest;
/// the id must outlive the scope.
class RequestScope
{
public:
    explicit RequestScope(const QString &requestId);
    ~RequestScope();
    RequestScope(const RequestScope &) = delete;
    RequestScope &operator=(const RequestScope &) = delete;

private:
    const QString *m_previous;
};

/// The id of the request this thread is handling, or null outside one.
const QString *currentRequestId();

/// The current time as RFC 3339 UTC with milliseconds.
QByteArray timestamp();

} // namespace influence::server::log
