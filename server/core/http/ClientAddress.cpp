// SPDX-License-Identifier: Apache-2.0
#include "ClientAddress.h"

#include "Request.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::server::http {

ClientAddress::ClientAddress(const QStringList &trustedProxies)
{
    for (const QString &entry : trustedProxies) {
        const auto subnet = QHostAddress::parseSubnet(entry.contains(u'/')
                        ? entry
                        : entry + (entry.contains(u':') ? u"/128"_s : u"/32"_s));
        if (!subnet.first.isNull()) {
            m_trusted.append(subnet);
        }
    }
}

bool ClientAddress::trusted(const QHostAddress &address) const
{
    return std::any_of(m_trusted.cbegin(), m_trusted.cend(), [&address](const auto &subnet) {
        return address.isInSubnet(subnet);
    });
}

QHostAddress ClientAddress::unmapped(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const QHostAddress v4(address.toIPv4Address(&mapped));
        if (mapped) {
            return v4;
        }
    }
    return address;
}

bool ClientAddress::isTrustedProxy(const QHostAddress &peer) const
{
    return !m_trusted.isEmpty() && trusted(unmapped(peer));
}

QHostAddress ClientAddress::of(const Request &request) const
{
    QHostAddress client = unmapped(request.peer);
    if (m_trusted.isEmpty() || !trusted(client)) {
        return client;
    }
    // X-Forwarded-For: client, proxy1, proxy2 — walk from the right past our own proxies.
    QStringList hops;
    for (const auto &[name, value] : request.headers) {
        if (name == "x-forwarded-for") {
            hops += QString::fromLatin1(value).split(u',', Qt::SkipEmptyParts);
        }
    }
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        // A proxy on a dual-stack socket writes IPv4 peers as "::ffff:192.0.2.1": read them as
        // IPv4, like the peer, so that they match the trusted list and count as one client.
        const QHostAddress hop = unmapped(QHostAddress(hops.at(i).trimmed()));
        if (hop.isNull()) {
            break; // malformed: trust nothing further left
        }
        client = hop;
        if (!trusted(hop)) {
            break;
        }
    }
    return client;
}

} // namespace influence::server::http
