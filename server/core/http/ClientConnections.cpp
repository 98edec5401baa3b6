// SPDX-License-Identifier: Apache-2.0
#include "ClientConnections.h"

#include "ClientAddress.h"
#include "HttpLog.h"

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
        qint64 &refused = m_refused[key];
        if (refused++ == 0) {
            qCWarning(lcHttp,
                    "client %s holds its %d connections (HTTP_MAX_CONNECTIONS_PER_CLIENT): "
                    "closing further ones until it closes some",
                    qPrintable(key.toString()), m_maxPerClient);
        }
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
    if (it == m_open.end()) {
        return;
    }
    if (const auto refused = m_refused.find(key); refused != m_refused.end()) {
        qCWarning(lcHttp,
                "client %s is below its connection cap again; %lld connections were closed "
                "unanswered meanwhile",
                qPrintable(key.toString()), static_cast<long long>(refused.value()));
        m_refused.erase(refused);
    }
    if (--it.value() <= 0) {
        m_open.erase(it);
    }
}

} // namespace influence::server::http
