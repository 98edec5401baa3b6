// SPDX-License-Identifier: Apache-2.0
#include "OidcValidator.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::oidc::validate {

namespace {

constexpr qsizetype kMaxReturnTo = 2048;

Error badReturnTo(const QString &message)
{
    return Error::invalidParameter(u"return_to"_s, u"invalid_format"_s, message);
}

bool isLoopbackHttp(const QUrl &url)
{
    if (url.scheme() != u"http"_s) {
        return false;
    }
    const QString host = url.host();
    return host == u"localhost"_s || host == u"127.0.0.1"_s
            || QHostAddress(host) == QHostAddress::LocalHostIPv6;
}

} // namespace

QString origin(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if ((scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty()) {
        return {};
    }
    const int defaultPort = scheme == u"https"_s ? 443 : 80;
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':')) {
        host = u'[' + host + u']';
    }
    const int port = url.port(defaultPort);
    return port == defaultPort ? scheme + u"://"_s + host
                               : u"%1://%2:%3"_s.arg(scheme, host).arg(port);
}

Result<common::UserRole> signUpRole(const QString &text)
{
    if (text.isEmpty() || text == u"influencer"_s) {
        return common::UserRole::Influencer;
    }
    if (text == u"brand"_s) {
        return common::UserRole::Brand;
    }
    return Error::invalidParameter(
            u"role"_s, u"invalid_value"_s, u"role must be brand or influencer."_s);
}

Result<QString> returnTo(const QString &text, const QStringList &allowedOrigins)
{
    if (text.isEmpty()) {
        return QString();
    }
    if (text.size() > kMaxReturnTo) {
        return badReturnTo(u"return_to is too long."_s);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || url.hasFragment()
            || !url.userInfo().isEmpty() || origin(url).isEmpty()) {
        return badReturnTo(u"return_to must be an absolute http(s) URL without a fragment."_s);
    }
    if (!isLoopbackHttp(url) && !allowedOrigins.contains(origin(url))) {
        return badReturnTo(u"return_to is not on an allowed origin (the app, this server, the "
                           "CORS origins, or http on a loopback address)."_s);
    }
    return url.toString(QUrl::FullyEncoded);
}

} // namespace influence::server::oidc::validate
