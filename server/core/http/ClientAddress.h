// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHostAddress>
#include <QList>
#include <QStringList>

namespace influence::server::http {

struct Request;

/// Who the client is, for rate limits and session records. The peer address, unless the peer
/// is a configured trusted proxy: then the right-most X-Forwarded-For entry that is not itself a
/// trusted proxy (IPv4-mapped addresses, the peer's or a hop's, read as IPv4). Without trusted
/// proxies, X-Forwarded-For is ignored, so a client cannot pick its own address.
class ClientAddress
{
public:
    explicit ClientAddress(const QStringList &trustedProxies = {});

    QHostAddress of(const Request &request) const;
    /// Whether a peer (a TCP connection's address) is one of the trusted proxies.
    bool isTrustedProxy(const QHostAddress &peer) const;
    /// An IPv4-mapped IPv6 address as IPv4; others unchanged.
    static QHostAddress unmapped(const QHostAddress &address);

private:
    bool trusted(const QHostAddress &address) const;

    QList<std::pair<QHostAddress, int>> m_trusted;
};

} // namespace influence::server::http
