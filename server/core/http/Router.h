// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HttpHead.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace influence::server::http {

struct Request;
class Responder;

/// Maps (method, path) to handlers. Paths are templates in OpenAPI syntax, such as
/// /api/v1/influencers/{id}; a placeholder matches one non-empty path segment, delivered
/// percent-decoded in Request::pathParams. HEAD is answered by the GET route. Built once at start
/// and then only read, from every HTTP thread.
class Router
{
public:
    using Handler = std::function<void(const Request &, const Responder &)>;

    struct Route
    {
        HttpMethod method;
        QString pathTemplate;
        Handler handler;
        QStringList segments; ///< template split at '/', placeholders kept as "{name}"
    };

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        /// When no route matched the method but some matched the path: the methods that did.
        QList<HttpMethod> allowed;
    };

    void add(HttpMethod method, const QString &pathTemplate, Handler handler);
    void get(const QString &path, Handler handler)
    {
        add(HttpMethod::Get, path, std::move(handler));
    }
    void post(const QString &path, Handler handler)
    {
        add(HttpMethod::Post, path, std::move(handler));
    }
    void put(const QString &path, Handler handler)
    {
        add(HttpMethod::Put, path, std::move(handler));
    }
    void patch(const QString &path, Handler handler)
    {
        add(HttpMethod::Patch, path, std::move(handler));
    }
    void del(const QString &path, Handler handler)
    {
        add(HttpMethod::Delete, path, std::move(handler));
    }

    /// `path` is the percent-encoded path of the request (no query).
    Match match(HttpMethod method, QStringView path) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

/// "GET, HEAD, POST" for an Allow header.
QByteArray allowHeader(const QList<HttpMethod> &methods);

} // namespace influence::server::http
