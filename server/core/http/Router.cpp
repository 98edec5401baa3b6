// SPDX-License-Identifier: Apache-2.0
#include "Router.h"

#include <optional>

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

namespace {

/// How many literal segments a route's template shares with the path, or nothing when the path
/// does not fit the template.
std::optional<int> literalMatches(const QStringList &expected, const QList<QStringView> &segments)
{
    if (expected.size() != segments.size()) {
        return std::nullopt;
    }
    int literals = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (isPlaceholder(expected[i])) {
            if (segments[i].isEmpty()) {
                return std::nullopt;
            }
        } else if (segments[i] != expected[i]) {
            return std::nullopt;
        } else {
            ++literals;
        }
    }
    return literals;
}

} // namespace

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
    for (const Route &route : m_routes) {
        const std::optional<int> literals = literalMatches(route.segments, segments);
        if (!literals) {
            continue;
        }
        if (route.method == wanted) {
            if (*literals > bestLiterals) {
                bestLiterals = *literals;
                result.route = &route;
            }
        } else if (!result.allowed.contains(route.method)) {
            result.allowed.append(route.method);
            if (route.method == HttpMethod::Get) {
                result.allowed.append(HttpMethod::Head);
            }
        }
    }
    if (!result.route) {
        return result;
    }
    result.allowed.clear();
    const QStringList &expected = result.route->segments;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (isPlaceholder(expected[i])) {
            result.params.insert(expected[i].sliced(1, expected[i].size() - 2),
                    // Not QUrl::fromPercentEncoding: it ends the text at a %00, which the
                    // guard must see (NulGuard) rather than a shortened value.
                    QString::fromUtf8(
                            QByteArrayView(QByteArray::fromPercentEncoding(segments[i].toUtf8()))));
        }
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
