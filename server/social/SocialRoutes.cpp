// SPDX-License-Identifier: Apache-2.0
// HTTP for connecting a real social account (OAuth 2.0 authorization code flow, RFC 6749 §4.1,
// with PKCE where the platform has it): the route table, and for each route the reading and
// checking of its input on the HTTP thread into the work on the database pool. /connect is for
// the signed-in creator; the platform sends the browser back to /callback without our bearer
// token, so the callback acts for the user recorded with the state.
#include "SocialRoutes.h"

#include "Connections.h"
#include "SocialService.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::social {

namespace {

constexpr qsizetype kMaxParameter = 4096;

/// How /connect answers: the consent page's address as JSON (an app opens it itself) or a
/// redirect to it (a browser).
enum class Answer { Json, Redirect };

Error connectFailed(const QString &detail)
{
    return Error::make(ErrorCode::BadRequest, detail);
}

/// The provider of the path's {platform}; 404 when it is not configured (or none is).
Result<const SocialProvider *> providerOf(const SocialService *service, const Request &request)
{
    const SocialProvider *provider =
            service ? service->provider(request.pathParams.value(u"platform"_s)) : nullptr;
    if (!provider) {
        return Error::notFound(u"This platform cannot be connected here."_s);
    }
    return provider;
}

Result<Work> startConnect(SocialService *service, const Request &request)
{
    const auto provider = providerOf(service, request);
    if (!provider) {
        return provider.error();
    }
    const Answer answer =
            request.header("accept").contains("application/json") ? Answer::Json : Answer::Redirect;
    return Work(
            [service, provider = *provider, answer](Connection &c, const Principal &p) -> Response {
                const QString platform = provider->settings().platform;
                const auto started = connections::start(c, p, platform);
                if (!started) {
                    return Response::fromError(started.error());
                }
                const QUrl url = provider->authorizationUrl(
                        service->redirectUri(platform), started->state, started->codeVerifier);
                if (answer == Answer::Json) {
                    return Response::json(QJsonObject{
                            {u"authorizationUrl"_s, QString::fromUtf8(url.toEncoded())}});
                }
                Response response;
                response.status = 302;
                response.withHeader("Location", url.toEncoded());
                return response;
            });
}

Result<Work> finishConnect(SocialService *service, const Request &request)
{
    const auto provider = providerOf(service, request);
    if (!provider) {
        return provider.error();
    }
    const QString platform = (*provider)->settings().platform;
    const QString state = request.queryValue(u"state"_s);
    const QString code = request.queryValue(u"code"_s);
    const QString error = request.queryValue(u"error"_s);
    if (state.isEmpty() || state.size() > kMaxParameter || code.size() > kMaxParameter) {
        return connectFailed(u"The state is missing or malformed; connect again."_s);
    }
    return Work([service, platform, state, code, error](
                        Connection &c, const Responder &out) -> Response {
        const auto pending = connections::consume(c, state, platform);
        if (!pending) {
            return Response::fromError(pending.error());
        }
        if (!error.isEmpty() || code.isEmpty()) {
            return Response::fromError(connectFailed(
                    u"%1 did not grant access (%2)."_s.arg(platform, net::oauthErrorCode(error))));
        }
        // The code exchange waits for the platform on the service's thread, which hands the
        // answer back to a database worker to be stored.
        service->connect(pending->platform, code, pending->codeVerifier,
                [service, out, pending = *pending](Result<Connected> connected) {
                    if (!connected) {
                        qCWarning(lcSocial, "connecting a %s account failed: %s",
                                qPrintable(pending.platform), qPrintable(connected.error().detail));
                        out.problem(connected.error());
                        return;
                    }
                    out.runOnDbPool([service, pending, connected = *connected](Connection &store) {
                        return Response::from(connections::complete(store, pending,
                                connected.profile, connected.tokens, service->cipher()));
                    });
                });
        return Response::deferred();
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, SocialService *service)
{
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/connected-accounts/{platform}/connect"_s,
                            Access::SignedIn,
                            [service](const Request &request) {
                                return startConnect(service, request);
                            }},
                    {HttpMethod::Get, u"/api/v1/connected-accounts/{platform}/callback"_s,
                            Access::Public,
                            [service](const Request &request) {
                                return finishConnect(service, request);
                            }},
            });
}

} // namespace influence::server::social
