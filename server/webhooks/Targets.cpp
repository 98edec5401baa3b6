// SPDX-License-Identifier: Apache-2.0
#include "Targets.h"

#include <QHostInfo>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::webhooks {

namespace {

constexpr qsizetype kMaxUrl = 2000;

bool inSubnet(const QHostAddress &address, const char *subnet)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
}

bool isPublicIpv4(const QHostAddress &a)
{
    static const char *const kBlocked[] = {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"};
    return std::ranges::none_of(kBlocked, [&a](const char *subnet) {
        return inSubnet(a, subnet);
    });
}

Error refused(const QString &detail)
{
    return Error::make(ErrorCode::WebhookTargetRefused, detail);
}

} // namespace

bool isPublicAddress(const QHostAddress &address)
{
    if (address.isNull()) {
        return false;
    }
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        return isPublicIpv4(address);
    }
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped); // ::ffff:a.b.c.d
    if (mapped) {
        return isPublicIpv4(QHostAddress(v4));
    }
    static const char *const kBlocked[] = {"::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96",
            "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8"};
    return std::ranges::none_of(kBlocked, [&address](const char *subnet) {
        return inSubnet(address, subnet);
    });
}

Result<QUrl> parseTargetUrl(const QString &text, bool allowLocal)
{
    const auto invalid = [](const QString &detail) {
        return Error::make(ErrorCode::InvalidWebhookUrl, detail);
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxUrl) {
        return invalid(u"The URL must be 1 to %1 characters."_s.arg(kMaxUrl));
    }
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return invalid(u"The URL must be absolute, with a host."_s);
    }
    if (!url.userInfo().isEmpty() || url.hasFragment()) {
        return invalid(u"The URL must have neither user info nor a fragment."_s);
    }
    const QString scheme = url.scheme();
    if (scheme != u"https"_s && !(allowLocal && scheme == u"http"_s)) {
        return invalid(u"The URL must use https."_s);
    }
    return url;
}

Result<void> checkTarget(const QUrl &url, bool allowLocal)
{
    if (allowLocal) {
        return {};
    }
    if (auto resolved = resolveTarget(url, false); !resolved) {
        return resolved.error();
    }
    return {};
}

Result<QList<QHostAddress>> resolveTarget(const QUrl &url, bool allowLocal)
{
    const QString host = url.host();
    QList<QHostAddress> addresses;
    if (const QHostAddress literal(host); !literal.isNull()) {
        addresses.append(literal);
    } else {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            return refused(u"The host %1 does not resolve."_s.arg(host));
        }
        addresses = info.addresses();
    }
    if (!allowLocal) {
        for (const QHostAddress &address : std::as_const(addresses)) {
            if (!isPublicAddress(address)) {
                return refused(u"The host %1 resolves to a non-public address (%2)."_s.arg(
                        host, address.toString()));
            }
        }
    }
    return addresses;
}

QByteArray curlResolveEntry(const QUrl &url, const QList<QHostAddress> &addresses)
{
    const QString host = url.host(QUrl::FullyEncoded);
    if (!QHostAddress(url.host()).isNull() || addresses.isEmpty()) {
        return {};
    }
    const int port = url.port(url.scheme() == u"https"_s ? 443 : 80);
    QStringList listed;
    for (const QHostAddress &address : addresses) {
        QHostAddress plain = address;
        plain.setScopeId({}); // libcurl's list takes no zone
        listed.append(plain.protocol() == QAbstractSocket::IPv6Protocol
                        ? u'[' + plain.toString() + u']'
                        : plain.toString());
    }
    return u"%1:%2:%3"_s.arg(host).arg(port).arg(listed.join(u',')).toLatin1();
}

} // namespace influence::server::webhooks
