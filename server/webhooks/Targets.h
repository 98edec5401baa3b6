// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

/// Where webhooks may go: the checks against server-side request forgery (SSRF).
namespace influence::server::webhooks {

/// Whether `address` is a public unicast address: not loopback, private (RFC 1918, fc00::/7),
/// link-local, unspecified, multicast, broadcast, CGNAT (100.64.0.0/10), documentation, benchmark
/// or reserved ranges, nor an IPv4-mapped or NAT64 form of one.
bool isPublicAddress(const QHostAddress &address);

/// Parses an endpoint URL: absolute, https (http only when local targets are allowed), a host,
/// no user info or fragment, at most 2000 characters. 422 invalid_webhook_url otherwise.
common::Result<QUrl> parseTargetUrl(const QString &text, bool allowLocal);

/// Resolves the URL's host (blocking: call it off the HTTP and GUI threads) and refuses it,
/// 422 webhook_target_refused, when any of its addresses is not public (unless local targets are
/// allowed) or it does not resolve.
common::Result<void> checkTarget(const QUrl &url, bool allowLocal);

/// Resolves the URL's host once (blocking) and checks every address as checkTarget does (all
/// pass when local targets are allowed): the addresses a delivery may connect to, and only
/// those. 422 webhook_target_refused when the host does not resolve or an address is refused.
common::Result<QList<QHostAddress>> resolveTarget(const QUrl &url, bool allowLocal);

/// The libcurl CURLOPT_RESOLVE entry that pins the URL's host and port to `addresses`
/// ("host:port:a.b.c.d,[v6]"), so libcurl never resolves the name itself. Empty for a host that
/// is an address already (libcurl does not resolve those).
QByteArray curlResolveEntry(const QUrl &url, const QList<QHostAddress> &addresses);

} // namespace influence::server::webhooks
