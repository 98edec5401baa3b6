// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace influence::server::http {

/// One line per answered request: method, path (never the query, which may carry secrets),
/// status, duration, size, request id and peer. Text or JSON, after the LOG_FORMAT setting.
struct AccessRecord
{
    QByteArray method;
    QString path;
    int status = 0;
    double durationMs = 0;
    qint64 bytes = 0;
    QString requestId;
    QString peer;
    const char *note = nullptr; ///< e.g. "client gone"
};

void logAccess(const AccessRecord &record);

} // namespace influence::server::http
