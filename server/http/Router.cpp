// SPDX-License-Identifier: Apache-2.0
#include "Router.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::server::http {

namespace {

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

void Router::add(HttpMethod method, const QString &pathTemplate, Handler handler)
{
    Q_ASSERT(pathTemplate.startsWith(u'/'));
    Route route{method, pathTemplate, std::move(handler),
            pathTemplate.sliced(1).split(u'/', Qt::KeepEmptyParts)};
    if (pathTemplate == u"/"_s) {
        route.segments.clear();
    }
    m_routes.append(std::move(route));
}

Router::Match Router::match(HttpMethod method, QStringView path) const
{
    Match result;
    if (!path.startsWith(u'/')) {
        return result;
    }
    const QList<QStringView> segments =
            path.size() == 1 ? QList<QStringView>{} : path.sliced(1).split(u'/');
    const HttpMethod wanted = method == HttpMethod::Head ? HttpMethod::Get : method;
    // The most specific route wins: /influencers/me beats /influencers/{id} whatever the order
    // of registration.
    int bestLiterals = -1;
    QHash<QString, QString> params;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size()) {
            continue;
        }
        bool matches = true;
        int literals = 0;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &expected = route.segments[i];
            if (isPlaceholder(expected)) {
                if (segments[i].isEmpty()) {
                    matches = false;
                    break;
                }
            } else if (segments[i] != expected) {
                matches = false;
                break;
            } else {
                ++literals;
            }
        }
        if (!matches) {
            continue;
        }
        if (route.method != wanted) {
            if (!result.allowed.contains(route.method)) {
                result.allowed.append(route.method);
                if (route.method == HttpMethod::Get) {
                    result.allowed.append(HttpMethod::Head);
                }
            }
            continue;
        }
        if (literals > bestLiterals) {
            bestLiterals = literals;
            result.route = &route;
        }
    }
    if (result.route) {
        result.allowed.clear();
        const QStringList &expected = result.route->segments;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            if (isPlaceholder(expected[i])) {
                params.insert(expected[i].sliced(1, expected[i].size() - 2),
                        QUrl::fromPercentEncoding(segments[i].toUtf8()));
            }
        }
        result.params = std::move(params);
    }
    return result;
}

QByteArray allowHeader(const QList<HttpMethod> &methods)
{
    QByteArray header;
    for (const HttpMethod method : methods) {
        if (!header.isEmpty()) {
            header += ", ";
        }
        header += methodName(method);
    }
    return header;
}

} // namespace influence::server::http
