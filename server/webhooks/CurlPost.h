// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

namespace influence::server::webhooks {

/// The answer's status (0 when none came) and what went wrong, if anything.
struct Outcome
{
    int status = 0;
    QString error;
};

/// POSTs `body` as application/json with `headers` to `url` over libcurl, connecting only to
/// `addresses` (already checked): the host is pinned to them with CURLOPT_RESOLVE and every
/// socket libcurl opens is checked against them again, so a DNS answer that changed since the
/// check is never used. http(s) only, no redirects followed, no proxy, the whole transfer within
/// `timeout`, at most 64 KiB of answer read. https: TLS 1.2 or later, the certificate verified
/// against the system's CAs (libcurl's CA directory, /etc/ssl/certs on Debian) and `caFile`'s
/// when given, and its name against the URL's host. Each thread keeps its own easy handle, so
/// connections to an endpoint are reused across deliveries.
Outcome postPinned(const QUrl &url, const QList<QHostAddress> &addresses,
        const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &body,
        std::chrono::milliseconds timeout, const QString &caFile = {});

} // namespace influence::server::webhooks
