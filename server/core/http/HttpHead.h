// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>
#include <optional>

namespace influence::server::http {

/// The request methods the server implements (RFC 9110 §9). Anything else gets 501.
enum class HttpMethod { Get, Head, Post, Put, Patch, Delete, Options };

QByteArray methodName(HttpMethod method);

/// A request head (request line + header fields), parsed and checked before QHttpServer's own
/// parser sees the request: QHttpServer 6.4 accepts garbage silently, wraps huge Content-Length
/// values, and has no limits on header or body size. The rules are RFC 9112's, a little stricter
/// where being lenient enables request smuggling.
struct HttpHead
{
    HttpMethod method = HttpMethod::Get;
    QByteArray target; ///< the request-target as sent, e.g. /api/v1/x?y=1
    int minorVersion = 1; ///< HTTP/1.<minorVersion>
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed
    qint64 contentLength = 0;
    qsizetype headSize = 0; ///< bytes of the head including the final empty line
    bool keepAlive = true; ///< false: close the connection after the response
    bool expectContinue = false;

    /// The first value of a header (case-insensitive name), or a null QByteArray.
    QByteArray header(QByteArrayView lowerCaseName) const;
};

/// A body limit of its own for one path (the bulk import takes files far larger than any JSON).
struct PathBodyLimit
{
    QByteArray path; ///< matched exactly against the request-target's path (origin-form)
    qint64 maxBodyBytes = 0;
    /// When set, the limit applies only to the heads it admits (the import's: a bearer token
    /// that verifies), so that nobody makes the server buffer a large body before being
    /// authenticated; other heads keep the normal limit. Called on the HTTP thread: no I/O.
    std::function<bool(const HttpHead &)> admits;
};

struct HeadLimits
{
    qsizetype maxHeadBytes = qsizetype{16} * 1024;
    qint64 maxBodyBytes = qint64{1024} * 1024;
    int maxHeaderCount = 100;
    /// Paths with their own body limit instead of maxBodyBytes.
    QList<PathBodyLimit> pathBodyLimits;

    /// The body limit of a request: its path's own limit (the target's path, before any '?')
    /// when the head is admitted to it, else maxBodyBytes.
    qint64 bodyLimitFor(const HttpHead &head) const;
};

/// The outcome of looking at the start of a request.
struct HeadInspection
{
    enum class Outcome { Incomplete, Complete, Rejected };
    Outcome outcome = Outcome::Incomplete;
    HttpHead head; ///< when Complete
    common::ErrorCode error = common::ErrorCode::MalformedRequest; ///< when Rejected
    QByteArray reason; ///< when Rejected: a short English explanation
};

/// Inspects the bytes at a request boundary. Incomplete means "wait for more" (the caller
/// enforces the size limit on what it has buffered).
HeadInspection inspectHead(QByteArrayView data, const HeadLimits &limits);

} // namespace influence::server::http
