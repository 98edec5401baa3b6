// SPDX-License-Identifier: Apache-2.0
#include "ClientConnections.h"

#include "ClientAddress.h"

#include <algorithm>
#include <iterator>

namespace influence::server::http {

ClientConnections::ClientConnections(int maxPerClient, const ClientAddress &clientAddress)
    : m_maxPerClient(maxPerClient)
    , m_clientAddress(clientAddress)
{ }

QHostAddress ClientConnections::keyOf(const QHostAddress &peer) const
{
    if (m_maxPerClient <= 0 || m_clientAddress.isTrustedProxy(peer)) {
        return {};
    }
    const QHostAddress address = ClientAddress::unmapped(peer);
    if (address.protocol() != QAbstractSocket::IPv6Protocol) {
        return address;
    }
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8{0});
    return QHostAddress(bytes);
}

bool ClientConnections::open(const QHostAddress &peer)
{
    const QHostAddress key = keyOf(peer);
    if (key.isNull()) {
        return true;
    }
    const QMutexLocker lock(&m_mutex);
    int &count = m_open[key];
    if (count >= m_maxPerClient) {
        return false;
    }
    ++count;
    return true;
}

void ClientConnections::close(const QHostAddress &peer)
{
    const QHostAddress key = keyOf(peer);
    if (key.isNull()) {
        return;
    }
    const QMutexLocker lock(&m_mutex);
    const auto it = m_open.find(key);
    if (it != m_open.end() && --it.value() <= 0) {
        m_open.erase(it);
    }
}

} // namespace influence::server::http
