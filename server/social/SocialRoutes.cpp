// SPDX-License-Identifier: Apache-2.0
// HTTP for connecting a real social account (OAuth 2.0 authorization code flow, RFC 6749 §4.1,
// with PKCE where the platform has it). /connect is for the signed-in creator; the platform
// sends the browser back to /callback without our bearer token, so the callback acts for the
// user recorded with the state (random, stored hashed, single use, 10 minutes).
#include "SocialRoutes.h"

#include "Connections.h"
#include "SocialService.h"
#include "auth/SignedIn.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;

namespace influence::server::social {

namespace {

constexpr qsizetype kMaxParameter = 4096;

Error connectFailed(const QString &detail)
{
    return Error::make(ErrorCode::BadRequest, detail);
}

bool wantsJson(const Request &request)
{
    return request.header("accept").contains("application/json");
}

class Routes
{
public:
    Routes(SocialService *service, const http::Authenticator &authenticator)
        : m_service(service)
        , m_authenticator(authenticator)
    { }

    void connect(const Request &request, const Responder &out) const;
    void callback(const Request &request, const Responder &out) const;

private:
    const SocialProvider *providerOf(const Request &request) const
    {
        return m_service ? m_service->provider(request.pathParams.value(u"platform"_s)) : nullptr;
    }
    void finish(const Responder &out, const connections::PendingConnect &pending,
            const QString &code) const;

    SocialService *m_service;
    const http::Authenticator &m_authenticator;
};

void Routes::connect(const Request &request, const Responder &out) const
{
    const auto claims = auth::tokenOr401(m_authenticator, request, out);
    if (!claims) {
        return;
    }
    const SocialProvider *provider = providerOf(request);
    if (!provider) {
        out.problem(Error::notFound(u"This platform cannot be connected here."_s));
        return;
    }
    const bool json = wantsJson(request);
    auth::withPrincipal(
            *claims, out, [this, provider, json](db::Connection &c, const Principal &principal) {
                const QString platform = provider->settings().platform;
                const auto started = connections::start(c, principal, platform);
                if (!started) {
                    return Response::fromError(started.error());
                }
                const QUrl url = provider->authorizationUrl(
                        m_service->redirectUri(platform), started->state, started->codeVerifier);
                if (json) {
                    return Response::json(QJsonObject{
                            {u"authorizationUrl"_s, QString::fromUtf8(url.toEncoded())}});
                }
                Response response;
                response.status = 302;
                response.withHeader("Location", url.toEncoded());
                return response;
            });
}

void Routes::callback(const Request &request, const Responder &out) const
{
    const SocialProvider *provider = providerOf(request);
    if (!provider) {
        out.problem(Error::notFound(u"This platform cannot be connected here."_s));
        return;
    }
    const QString platform = provider->settings().platform;
    const QString state = request.queryValue(u"state"_s);
    const QString code = request.queryValue(u"code"_s);
    const QString error = request.queryValue(u"error"_s);
    if (state.isEmpty() || state.size() > kMaxParameter || code.size() > kMaxParameter) {
        out.problem(connectFailed(u"The state is missing or malformed; connect again."_s));
        return;
    }
    out.runOnDbPool([this, out, platform, state, code, error](db::Connection &c) {
        const auto pending = connections::consume(c, state, platform);
        if (!pending) {
            return Response::fromError(pending.error());
        }
        if (!error.isEmpty() || code.isEmpty()) {
            return Response::fromError(connectFailed(
                    u"%1 did not grant access (%2)."_s.arg(platform, net::oauthErrorCode(error))));
        }
        finish(out, *pending, code);
        return Response::deferred();
    });
}

void Routes::finish(
        const Responder &out, const connections::PendingConnect &pending, const QString &code) const
{
    m_service->connect(pending.platform, code, pending.codeVerifier,
            [this, out, pending](Result<Connected> connected) {
                if (!connected) {
                    qCWarning(lcSocial, "connecting a %s account failed: %s",
                            qPrintable(pending.platform), qPrintable(connected.error().detail));
                    out.problem(connected.error());
                    return;
                }
                out.runOnDbPool([this, pending, connected = *connected](db::Connection &c) {
                    return Response::from(connections::complete(
                            c, pending, connected.profile, connected.tokens, m_service->cipher()));
                });
            });
}

} // namespace

void registerRoutes(http::HttpContext &context, SocialService *service,
        const http::Authenticator &authenticator)
{
    auto routes = std::make_shared<Routes>(service, authenticator);
    http::Router &router = context.router;
    router.get(u"/api/v1/connected-accounts/{platform}/connect"_s,
            [routes](const Request &request, const Responder &out) {
                routes->connect(request, out);
            });
    router.get(u"/api/v1/connected-accounts/{platform}/callback"_s,
            [routes](const Request &request, const Responder &out) {
                routes->callback(request, out);
            });
}

} // namespace influence::server::social
