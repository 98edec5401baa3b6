// SPDX-License-Identifier: Apache-2.0
#include "OidcValidator.h"

#include "common/Error.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::oidc::validate {

namespace {

constexpr qsizetype kMaxReturnTo = 2048;
constexpr qsizetype kMaxAppState = 512;

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

namespace influence::server::oidc::validate {

namespace {

bool printableAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f;
    });
}

} // namespace

Result<NativeStart> nativeStart(const QString &challenge, const QString &method,
        const QString &state, const QString &returnTo, const QStringList &allowedOrigins)
{
    if (challenge.isEmpty()) {
        if (!state.isEmpty() || !method.isEmpty()) {
            return Error::invalidParameter(u"code_challenge"_s, u"required"_s,
                    u"state and code_challenge_method come with a code_challenge."_s);
        }
        return NativeStart{};
    }
    static const QRegularExpression base64Url(u"^[A-Za-z0-9_-]{43,128}$"_s);
    if (!base64Url.match(challenge).hasMatch()) {
        return Error::invalidParameter(u"code_challenge"_s, u"invalid_format"_s,
                u"code_challenge must be 43 to 128 base64url characters."_s);
    }
    if (!method.isEmpty() && method != u"S256"_s) {
        return Error::invalidParameter(u"code_challenge_method"_s, u"invalid_value"_s,
                u"code_challenge_method must be S256."_s);
    }
    if (state.size() > kMaxAppState || !printableAscii(state)) {
        return Error::invalidParameter(u"state"_s, u"invalid_format"_s,
                u"state must be at most 512 printable ASCII characters."_s);
    }
    const QUrl url(returnTo, QUrl::StrictMode);
    if (returnTo.isEmpty()) {
        return badReturnTo(u"A sign-in with a code_challenge needs a return_to."_s);
    }
    // RFC 8252 §8.3: a host name may resolve to something else than the loopback interface.
    if (url.host().compare(u"localhost"_s, Qt::CaseInsensitive) == 0
            && !allowedOrigins.contains(origin(url))) {
        return badReturnTo(u"return_to of a native app must be http://127.0.0.1:<port>/ or "
                           "http://[::1]:<port>/, not a host name."_s);
    }
    return NativeStart{challenge, state};
}

} // namespace influence::server::oidc::validate
