// SPDX-License-Identifier: Apache-2.0
// HTTP for OpenID Connect sign-in (authorization code flow with PKCE, OpenID Connect Core §3.1):
// the route table, and for each route the reading and checking of its input on the HTTP thread
// into the work on the database pool. The provider traffic runs on OidcService's thread; each
// step hands on the Responder.
#include "OidcRoutes.h"

#include "OidcService.h"
#include "OidcValidator.h"
#include "SignIns.h"
#include "common/AuthTypes.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/http/ClientAddress.h"
#include "core/http/HttpContext.h"
#include "core/http/RateLimit.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/RouteTable.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::auth::ClientInfo;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::RateDecision;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::oidc {

namespace {

constexpr std::chrono::seconds kRateWindow{60};
constexpr qsizetype kMaxParameter = 4096;

/// What the routes' work shares, read-only once the routes are registered.
struct Shared
{
    auth::Settings settings;
    const crypto::TokenService &tokens;
    OidcService *service;
    http::ClientAddress clientAddress;
    /// Where sign-ins start: the server's public URL, with the port it listens on.
    QString publicUrl;
    /// Origins (validate::origin form) a sign-in may return to, besides loopback http.
    QStringList returnOrigins;
};
using SharedPtr = std::shared_ptr<const Shared>;

Response redirect(const QByteArray &location)
{
    Response response;
    response.status = 302;
    response.withHeader("Location", location);
    return response;
}

/// `returnTo` with `fields` as its fragment: browsers keep fragments to themselves (never sent
/// to a server, nor in Referer), which is why tokens travel there and never in a query.
Response redirectWithFragment(
        const QString &returnTo, const QList<std::pair<QString, QString>> &fields)
{
    return redirect(returnTo.toUtf8() + '#' + formEncode(fields));
}

/// `returnTo` with `fields` added to its query: for a native app's loopback listener (RFC 8252
/// §7.3), which sees only the query. Only the one-time code goes there, never a token.
Response redirectWithQuery(
        const QString &returnTo, const QList<std::pair<QString, QString>> &fields)
{
    const char separator = returnTo.contains(u'?') ? '&' : '?';
    return redirect(returnTo.toUtf8() + separator + formEncode(fields));
}

Response withRate(Response response, const RateDecision &rate)
{
    return http::withRateHeaders(std::move(response), rate, kRateWindow);
}

/// The sign-in limit of the client's address.
http::RateLimit limitOf(const Shared &shared, const QHostAddress &client)
{
    return {u"oidc:"_s + client.toString(), shared.settings.rateLimitPerMinute, kRateWindow,
            u"Too many sign-ins from your address; try again in a minute."_s};
}

/// A failed sign-in: logged with its reason, answered as a problem, or as a redirect to the
/// front end with the error in the fragment when it asked for one (in the query, with the app's
/// state, for a native app: RFC 6749 §4.1.2.1).
Response failure(const QString &provider, const Error &error, const PendingSignIn &pending)
{
    qCWarning(lcOidc, "sign-in with %s failed (%s): %s", qPrintable(provider),
            qPrintable(error.codeName()), qPrintable(error.detail));
    if (pending.returnTo.isEmpty()) {
        return Response::fromError(error);
    }
    QList<std::pair<QString, QString>> fields{
            {u"error"_s, error.codeName()}, {u"error_description"_s, error.detail}};
    if (!pending.native()) {
        return redirectWithFragment(pending.returnTo, fields);
    }
    if (!pending.appState.isEmpty()) {
        fields.append({u"state"_s, pending.appState});
    }
    return redirectWithQuery(pending.returnTo, fields);
}

Response success(const AuthTokens &tokens, const QString &returnTo)
{
    if (returnTo.isEmpty()) {
        return Response::json(tokens.toJson());
    }
    return redirectWithFragment(returnTo,
            {{u"access_token"_s, tokens.accessToken}, {u"refresh_token"_s, tokens.refreshToken},
                    {u"expires_in"_s, QString::number(tokens.expiresIn)},
                    {u"token_type"_s, u"Bearer"_s}});
}

/// An OAuth error code (RFC 6749 §4.1.2.1: printable ASCII) safe to log and to repeat.
QString oauthErrorCode(const QString &code)
{
    const bool plain = !code.isEmpty() && code.size() <= 64
            && std::all_of(code.begin(), code.end(), [](QChar c) {
                   return c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_' || c == u'-');
               });
    return plain ? code : u"unknown_error"_s;
}

Error signInFailed(const QString &detail)
{
    return Error::make(ErrorCode::OidcFailed, detail);
}

Error unknownProvider()
{
    return Error::notFound(u"There is no sign-in provider of this name."_s);
}

ClientInfo clientOf(const Shared &shared, const Request &request)
{
    return {shared.clientAddress.of(request),
            QString::fromUtf8(request.header("user-agent")).left(512)};
}

/// A configured provider and the name it is configured under.
struct NamedProvider
{
    QString name;
    ProviderSettings settings;
};

/// The provider the path names, or nothing.
std::optional<NamedProvider> providerOf(const Shared &shared, const Request &request)
{
    const QString name = request.pathParams.value(u"provider"_s);
    const ProviderSettings *provider = shared.service ? shared.service->provider(name) : nullptr;
    return provider ? std::optional(NamedProvider{name, *provider}) : std::nullopt;
}

/// The authorization request (OpenID Connect Core §3.1.2.1, RFC 7636 §4.3), added to whatever
/// query the provider's endpoint already has.
QByteArray authorizationUrl(const ProviderMetadata &metadata, const ProviderSettings &provider,
        const QString &redirectUri, const QString &state, const QString &nonce,
        const QString &verifier)
{
    const QByteArray parameters = formEncode({{u"response_type"_s, u"code"_s},
            {u"client_id"_s, provider.clientId}, {u"redirect_uri"_s, redirectUri},
            {u"scope"_s, provider.scopes}, {u"state"_s, state}, {u"nonce"_s, nonce},
            {u"code_challenge"_s, crypto::pkceChallenge(verifier)},
            {u"code_challenge_method"_s, u"S256"_s}});
    QUrl url = metadata.authorizationEndpoint;
    const QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
    url.setQuery(QString());
    return url.toEncoded() + '?' + (existing.isEmpty() ? parameters : existing + '&' + parameters);
}

/// What the callback needs from the request, copied before any work starts.
struct CallbackParameters
{
    QString provider;
    QString displayName;
    QString issuer;
    QString state;
    QString code;
    QString error;
    QString issuerParameter; ///< RFC 9207 "iss", when the provider sends it
    bool hasIssuerParameter = false;
    ClientInfo client;
};

Result<Work> listProviders(const Request & /*request*/, const SharedPtr &shared)
{
    QJsonArray list;
    if (const OidcService *service = shared->service) {
        const QMap<QString, ProviderSettings> &providers = service->providers();
        for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
            list.append(QJsonObject{{u"name"_s, it.key()},
                    {u"displayName"_s, it->displayName.isEmpty() ? it.key() : it->displayName},
                    {u"issuer"_s, it->issuer},
                    {u"startUrl"_s,
                            QString(shared->publicUrl + u"/api/v1/auth/oidc/"_s + it.key()
                                    + u"/start"_s)}});
        }
    }
    return Work::answer(Response::json(QJsonObject{{u"providers"_s, list}}));
}

Result<Work> startSignIn(const Request &request, const SharedPtr &shared)
{
    const auto provider = providerOf(*shared, request);
    if (!provider) {
        return unknownProvider();
    }
    const OidcService *service = shared->service;
    const auto role = validate::signUpRole(request.queryValue(u"role"_s));
    if (!role) {
        return role.error();
    }
    const auto returnTo =
            validate::returnTo(request.queryValue(u"return_to"_s), shared->returnOrigins);
    if (!returnTo) {
        return returnTo.error();
    }
    const auto native = validate::nativeStart(request.queryValue(u"code_challenge"_s),
            request.queryValue(u"code_challenge_method"_s), request.queryValue(u"state"_s),
            *returnTo, shared->returnOrigins);
    if (!native) {
        return native.error();
    }
    PendingSignIn pending;
    pending.provider = provider->name;
    pending.appChallenge = native->challenge;
    pending.appState = native->state;
    pending.codeVerifier = crypto::randomToken();
    pending.nonce = crypto::randomToken();
    pending.role = *role;
    pending.returnTo = *returnTo;
    return Work([shared, provider = *provider, pending, state = crypto::randomToken(),
                        redirectUri = service->redirectUri(provider->name),
                        client = shared->clientAddress.of(request)](
                        Connection &c, const Responder &out) {
        return http::limited(c, limitOf(*shared, client), [&](const RateDecision &rate) {
            if (auto stored = signins::begin(c, state, pending); !stored) {
                return Response::fromError(stored.error());
            }
            shared->service->metadata(provider.name,
                    [out, provider, pending, state, redirectUri, rate](
                            Result<ProviderMetadata> metadata) {
                        if (!metadata) {
                            out.send(withRate(
                                    failure(provider.name, metadata.error(), pending), rate));
                            return;
                        }
                        out.send(withRate(
                                redirect(authorizationUrl(*metadata, provider.settings, redirectUri,
                                        state, pending.nonce, pending.codeVerifier)),
                                rate));
                    });
            return Response::deferred();
        });
    });
}

/// The callback's last step, on the database pool with the verified ID token: the account, and
/// a session for it (or a native app's one-time code).
Response signInTo(Connection &c, const Shared &shared, const CallbackParameters &callback,
        const PendingSignIn &pending, const jose::IdTokenClaims &claims)
{
    const auto account = signins::resolveAccount(c, claims, pending.role, callback.displayName);
    if (!account) {
        return failure(callback.provider, account.error(), pending);
    }
    if (pending.native()) {
        // The session opens when the app presents the code with its verifier.
        const auto code = signins::issueCode(c, *account, pending.appChallenge);
        if (!code) {
            return Response::fromError(code.error());
        }
        QList<std::pair<QString, QString>> fields{{u"code"_s, *code}};
        if (!pending.appState.isEmpty()) {
            fields.append({u"state"_s, pending.appState});
        }
        return redirectWithQuery(pending.returnTo, fields);
    }
    const auto tokens = auth::sessions::openSession(
            c, shared.settings.sessions, shared.tokens, *account, callback.client);
    if (!tokens) {
        return failure(callback.provider, tokens.error(), pending);
    }
    return success(*tokens, pending.returnTo);
}

/// The code for tokens at the provider, then signInTo() on the database pool.
void exchangeCode(const SharedPtr &shared, const Responder &out, const CallbackParameters &callback,
        const PendingSignIn &pending, const RateDecision &rate)
{
    const CodeExchange exchange{
            callback.provider, callback.code, pending.codeVerifier, pending.nonce};
    shared->service->completeSignIn(
            exchange, [shared, out, callback, pending, rate](Result<jose::IdTokenClaims> claims) {
                if (!claims) {
                    out.send(withRate(failure(callback.provider, claims.error(), pending), rate));
                    return;
                }
                out.runOnDbPool([shared, callback, pending, rate, claims = *claims](Connection &c) {
                    return withRate(signInTo(c, *shared, callback, pending, claims), rate);
                });
            });
}

/// The callback's database step: the state is used up first, whatever follows.
Response takeState(Connection &c, const SharedPtr &shared, const Responder &out,
        const CallbackParameters &callback, const RateDecision &rate)
{
    const auto pending = signins::take(c, callback.state);
    if (!pending) {
        return Response::fromError(pending.error());
    }
    if (!*pending || (*pending)->provider != callback.provider) {
        return failure(callback.provider,
                signInFailed(u"The sign-in state is unknown or was used already; "
                             "start the sign-in again."_s),
                PendingSignIn{});
    }
    const PendingSignIn &signIn = **pending;
    Error problem;
    if (signIn.expired) {
        problem = signInFailed(u"The sign-in took longer than 10 minutes; start it again."_s);
    } else if (!callback.error.isEmpty()) {
        problem = signInFailed(u"%1 did not sign you in (%2)."_s.arg(
                callback.provider, oauthErrorCode(callback.error)));
    } else if (callback.hasIssuerParameter && callback.issuerParameter != callback.issuer) {
        // RFC 9207: the answer comes from another provider than the one asked (mix-up attack).
        problem =
                signInFailed(u"The answer names another issuer than %1."_s.arg(callback.provider));
    } else if (callback.code.isEmpty()) {
        problem = signInFailed(u"%1 sent no authorization code."_s.arg(callback.provider));
    } else {
        exchangeCode(shared, out, callback, signIn, rate);
        return Response::deferred();
    }
    return failure(callback.provider, problem, signIn);
}

Result<Work> finishSignIn(const Request &request, const SharedPtr &shared)
{
    const auto provider = providerOf(*shared, request);
    if (!provider) {
        return unknownProvider();
    }
    CallbackParameters callback;
    callback.provider = provider->name;
    callback.displayName = provider->settings.displayName.isEmpty()
            ? provider->name
            : provider->settings.displayName;
    callback.issuer = provider->settings.issuer;
    callback.state = request.queryValue(u"state"_s);
    callback.code = request.queryValue(u"code"_s);
    callback.error = request.queryValue(u"error"_s);
    callback.hasIssuerParameter = request.hasQuery(u"iss"_s);
    callback.issuerParameter = request.queryValue(u"iss"_s);
    callback.client = clientOf(*shared, request);
    if (callback.state.isEmpty() || callback.state.size() > kMaxParameter
            || callback.code.size() > kMaxParameter) {
        return Work::answer(failure(provider->name,
                signInFailed(
                        u"The sign-in state is missing or malformed; start the sign-in again."_s),
                PendingSignIn{}));
    }
    return Work([shared, callback](Connection &c, const Responder &out) {
        return http::limited(
                c, limitOf(*shared, callback.client.address), [&](const RateDecision &rate) {
                    return takeState(c, shared, out, callback, rate);
                });
    });
}

Result<Work> exchangeNativeCode(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto exchange = common::auth::validateNativeExchange(*body);
    if (!exchange) {
        return exchange.error();
    }
    return Work([shared, exchange = *exchange, client = clientOf(*shared, request)](Connection &c) {
        return http::limited(c, limitOf(*shared, client.address), [&](const RateDecision &) {
            const auto account = signins::redeemCode(c, exchange);
            if (!account) {
                qCWarning(lcOidc, "native code exchange refused (%s): %s",
                        qPrintable(account.error().codeName()), qPrintable(account.error().detail));
                return Response::fromError(account.error());
            }
            const auto tokens = auth::sessions::openSession(
                    c, shared->settings.sessions, shared->tokens, *account, client);
            if (!tokens) {
                return Response::fromError(tokens.error());
            }
            return Response::json(tokens->toJson());
        });
    });
}

/// Sign-ins may return to the front end, this server and the CORS origins.
QStringList returnOriginsOf(const auth::Settings &settings, const http::HttpContext &context)
{
    const QString publicUrl = context.publicUrl();
    QStringList origins{validate::origin(QUrl(settings.effectiveAppUrl(publicUrl))),
            validate::origin(QUrl(publicUrl))};
    for (const QString &origin : context.settings.corsAllowedOrigins) {
        origins.append(validate::origin(QUrl(origin)));
    }
    origins.removeAll(QString());
    origins.removeDuplicates();
    return origins;
}

} // namespace

void registerRoutes(http::HttpContext &context, const auth::Settings &settings,
        const crypto::TokenService &tokens, OidcService *service)
{
    const auto shared = std::make_shared<const Shared>(Shared{settings, tokens, service,
            context.clientAddress, context.publicUrl(), returnOriginsOf(settings, context)});
    constexpr auto pub = Access::Public;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/auth/oidc/providers"_s, pub,
                            http::bind(shared, listProviders)},
                    {HttpMethod::Get, u"/api/v1/auth/oidc/{provider}/start"_s, pub,
                            http::bind(shared, startSignIn)},
                    {HttpMethod::Post, u"/api/v1/auth/oidc/token"_s, pub,
                            http::bind(shared, exchangeNativeCode)},
                    {HttpMethod::Get, u"/api/v1/auth/oidc/{provider}/callback"_s, pub,
                            http::bind(shared, finishSignIn)},
            });
}

} // namespace influence::server::oidc
