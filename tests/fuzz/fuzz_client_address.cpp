// SPDX-License-Identifier: Apache-2.0
// Fuzz target for who a client is (core/http/ClientAddress): the trusted-proxy list as configured,
// the peer's address and X-Forwarded-For headers as a proxy (or a client pretending to be one)
// sends them. Input lines: the trusted proxies (comma-separated addresses or subnets), the peer,
// then one X-Forwarded-For value per line. Whatever the input, a peer that is not a trusted proxy
// is the client itself (IPv4-mapped addresses read as IPv4), whatever it claims; behind trusted
// proxies the client is the peer or one of the forwarded hops, and every hop right of it is a
// trusted proxy (IPv4-mapped hops read as IPv4 too); a valid peer never gives a null client.
#include "core/http/ClientAddress.h"
#include "core/http/Request.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using influence::server::http::ClientAddress;
using influence::server::http::Request;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> lines =
            QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size))
                    .split('\n');
    const QStringList proxies = QString::fromUtf8(lines.value(0)).split(u',', Qt::SkipEmptyParts);
    const ClientAddress clients(proxies);
    Request request;
    request.peer = QHostAddress(QString::fromUtf8(lines.value(1)).trimmed());
    for (qsizetype i = 2; i < lines.size(); ++i) {
        request.headers.append({"x-forwarded-for", lines.at(i)});
    }

    const QHostAddress peer = ClientAddress::unmapped(request.peer);
    bool mapped = false;
    (void)request.peer.toIPv4Address(&mapped);
    if (mapped && peer.protocol() != QAbstractSocket::IPv4Protocol) {
        std::abort();
    }
    const QHostAddress client = clients.of(request);
    const bool behindProxy = clients.isTrustedProxy(request.peer);
    if (!behindProxy) {
        if (client != peer) {
            std::abort(); // a client picked its own address
        }
        return 0;
    }
    bool clientMapped = false;
    (void)client.toIPv4Address(&clientMapped);
    if (peer.isNull() || client.isNull()
            || (clientMapped && client.protocol() != QAbstractSocket::IPv4Protocol)) {
        std::abort(); // one client, two addresses: "::ffff:192.0.2.1" is 192.0.2.1
    }
    // The hops as forwarded, left to right.
    QList<QHostAddress> hops;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        for (const QByteArray &hop : lines.at(i).split(',')) {
            if (!hop.trimmed().isEmpty()) {
                hops.append(
                        ClientAddress::unmapped(QHostAddress(QString::fromLatin1(hop).trimmed())));
            }
        }
    }
    if (client == peer) {
        return 0;
    }
    const qsizetype at = hops.lastIndexOf(client);
    if (at < 0) {
        std::abort(); // an address nobody sent
    }
    for (qsizetype i = at + 1; i < hops.size(); ++i) {
        if (!clients.isTrustedProxy(hops.at(i))) {
            std::abort(); // skipped past a hop that is no proxy of ours
        }
    }
    return 0;
}
