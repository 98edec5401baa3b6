// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "FetchSettings.h"
#include "common/Result.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QSet>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace influence::server::net {

/// An answer from a remote server: any HTTP status (the caller decides what it means).
struct Fetched
{
    int status = 0;
    QByteArray body;
    /// The response's headers, names as received (compare them case-insensitively).
    QList<std::pair<QByteArray, QByteArray>> headers;

    /// The first header of that name (case-insensitive); empty if there is none.
    QByteArray header(QByteArrayView name) const;
};

/// Outbound HTTP for server-to-server calls (OpenID providers, social platforms): one
/// QNetworkAccessManager, created lazily on the thread that uses the fetcher and only ever used
/// there. Redirects, cookies and caches are off; responses are capped in size and time. An
/// unreachable or slow peer, an oversized answer or a shutdown is service_unavailable.
class HttpFetcher
{
public:
    using Done = std::function<void(common::Result<Fetched>)>;

    explicit HttpFetcher(FetchSettings settings);
    ~HttpFetcher();
    HttpFetcher(const HttpFetcher &) = delete;
    HttpFetcher &operator=(const HttpFetcher &) = delete;

    /// GET, or POST of `form` when given: application/x-www-form-urlencoded unless the request
    /// names another Content-Type (a JSON body).
    void fetch(QNetworkRequest request, const std::optional<QByteArray> &form, Done done);
    /// Aborts transfers in flight (their callbacks run now with service_unavailable); later
    /// fetches fail at once.
    void shutdown();

    const FetchSettings &settings() const { return m_settings; }

private:
    QNetworkAccessManager &network();

    FetchSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::optional<QSslConfiguration> m_tls;
    QSet<QNetworkReply *> m_inFlight;
    bool m_shuttingDown = false;
};

/// application/x-www-form-urlencoded pairs with every reserved character escaped (QUrlQuery
/// leaves '+', which form decoders read as a space): for token requests and authorization URLs.
QByteArray formEncode(const QList<std::pair<QString, QString>> &fields);

/// Endpoints must use https, except on the loopback interface (a peer on this machine).
bool acceptableEndpoint(const QUrl &url);

/// The URL without query, fragment and user info: safe for logs and problem details.
QString withoutQuery(const QUrl &url);

/// An OAuth error code (RFC 6749 §5.2 limits them to printable ASCII) fit for a log line and a
/// problem detail: never the whole response, which could carry anything.
QString oauthErrorCode(const QString &code);

} // namespace influence::server::net
