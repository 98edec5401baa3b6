// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Response.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <utility>

namespace influence::server::http {

struct Request;

/// The CORS policy (the Fetch standard's CORS protocol): which browser origins may call the API,
/// and what the answers tell them. An origin is allowed when it equals one of the configured
/// origins exactly; with none configured no CORS header is ever sent. Only read after
/// construction, so one instance serves every request of an HTTP thread.
class Cors
{
public:
    /// `allowedOrigins`: serialized origins such as "https://app.example.com".
    explicit Cors(QStringList allowedOrigins);

    /// Whether `origin`, a request's Origin header, is one of the allowed origins.
    bool allows(const QByteArray &origin) const;

    /// The answer to OPTIONS on a resource whose methods are `allow` ("GET, HEAD, OPTIONS"): 204
    /// with Allow and, when it is the preflight of an allowed origin (it names the method it
    /// asks for in Access-Control-Request-Method), the methods, request headers and max age the
    /// browser may use.
    Response preflight(const Request &request, const QByteArray &allow) const;

    /// Appends the CORS headers of any response to `request`: Vary: Origin whenever origins are
    /// configured, since the answer then depends on the Origin and caches must keep one per
    /// origin; for an allowed origin also that origin and the response headers its scripts may
    /// read.
    void addResponseHeaders(
            const Request &request, QList<std::pair<QByteArray, QByteArray>> &headers) const;

private:
    QStringList m_allowedOrigins;
};

} // namespace influence::server::http
