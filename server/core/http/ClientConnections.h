// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace influence::server::http {

class ClientAddress;

/// The open connections of each client address, counted across the HTTP threads, so that one
/// address cannot hold the process's connections (MAX_CONNECTIONS) and shut everyone else out
/// (HTTP_MAX_CONNECTIONS_PER_CLIENT). The client is the TCP peer: the forwarded address is not
/// known before a request arrives, so trusted proxies are not counted (the proxy limits its own
/// clients). IPv6 peers count per /64, the block one subscriber usually holds.
class ClientConnections
{
public:
    /// `maxPerClient` 0: no cap.
    ClientConnections(int maxPerClient, const ClientAddress &clientAddress);

    /// Counts a new connection from `peer`: false, and nothing counted, when the peer holds the
    /// maximum already. Every true is matched by one close(). A peer reaching its cap is logged
    /// once, and how many connections it had refused once it falls below the cap again (not one
    /// line per refusal: a flooding client must not flood the log too).
    bool open(const QHostAddress &peer);
    void close(const QHostAddress &peer);

private:
    /// The key a peer is counted under; null when it is not counted.
    QHostAddress keyOf(const QHostAddress &peer) const;

    const int m_maxPerClient;
    const ClientAddress &m_clientAddress;
    QMutex m_mutex;
    QHash<QHostAddress, int> m_open;
    /// Connections refused per peer since it reached its cap.
    QHash<QHostAddress, qint64> m_refused;
};

} // namespace influence::server::http
