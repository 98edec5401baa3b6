// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the webhook endpoint checks (webhooks/Targets): a URL as brands send it, and an
// address as a resolver may answer. Whatever the input, an accepted URL is absolute https with a
// host and no user info or fragment, and no loopback, private, link-local, unspecified or
// multicast address (nor an IPv4-mapped form of one) counts as public.
#include "webhooks/Targets.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace influence::server::webhooks;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(
            QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    if (const auto url = parseTargetUrl(input, false)) {
        if (url->scheme() != QStringLiteral("https") || url->host().isEmpty()
                || !url->userInfo().isEmpty() || url->hasFragment() || url->isRelative()) {
            std::abort();
        }
    }
    const QHostAddress address(input.trimmed());
    if (!address.isNull() && isPublicAddress(address)) {
        bool mapped = false;
        const QHostAddress v4(address.toIPv4Address(&mapped));
        const auto local = [](const QHostAddress &a) {
            return a.isLoopback() || a.isLinkLocal() || a.isSiteLocal() || a.isUniqueLocalUnicast()
                    || a.isMulticast() || a.isBroadcast() || a == QHostAddress::AnyIPv4
                    || a == QHostAddress::AnyIPv6;
        };
        if (local(address) || (mapped && local(v4))) {
            std::abort();
        }
    }
    return 0;
}
