// SPDX-License-Identifier: Apache-2.0
// HTTP for OpenID Connect sign-in (authorization code flow with PKCE, OpenID Connect Core §3.1).
// The handlers only read the request; the database work runs on the database pool and the
// provider traffic on OidcService's thread, each step handing on the Responder.
#include "OidcRoutes.h"

#include "OidcAccounts.h"
#include "OidcRepository.h"
#include "OidcService.h"
#include "OidcValidator.h"
#include "auth/AuthModule.h"
#include "common/AuthTypes.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::auth::ClientInfo;
using influence::server::auth::RateDecision;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;

namespace influence::server::oidc {

namespace {

constexpr std::chrono::seconds kStateLifetime{10 * 60};
/// A native app's code is exchanged by the app itself right after the redirect (RFC 6749
/// §4.1.2 recommends at most 10 minutes; the app needs seconds).
constexpr std::chrono::seconds kCodeLifetime{60};
constexpr std::chrono::seconds kRateWindow{60};
constexpr qsizetype kMaxParameter = 4096;

QByteArray stateHash(const QString &state)
{
    return crypto::sha256(state.toUtf8());
}

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
    rate.addHeaders(response, kRateWindow);
    return response;
}

Response tooManyRequests(const RateDecision &rate)
{
    Error error = Error::make(ErrorCode::TooManyRequests,
            u"Too many sign-ins from your address; try again in a minute."_s);
    error.retryAfterSeconds = qMax(1, rate.resetSeconds);
    return withRate(Response::fromError(error), rate);
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

Error badCode(const QString &detail)
{
    return Error::make(ErrorCode::InvalidAuthorizationCode, detail);
}

/// The native app's one-time code for `user`: stored hashed with the app's challenge, and handed
/// to the app's listener with its state.
Response issueCode(db::Connection &c, const QUuid &user, const PendingSignIn &pending)
{
    const QString code = crypto::randomToken();
    if (auto stored = repository::insertCode(
                c, crypto::sha256(code.toUtf8()), pending.appChallenge, user, kCodeLifetime);
            !stored) {
        return Response::fromError(stored.error());
    }
    QList<std::pair<QString, QString>> fields{{u"code"_s, code}};
    if (!pending.appState.isEmpty()) {
        fields.append({u"state"_s, pending.appState});
    }
    return redirectWithQuery(pending.returnTo, fields);
}

/// POST /oidc/token's database step: the code is used up first, whatever follows.
Result<auth::UserRecord> redeemCode(db::Connection &c, const common::NativeExchange &exchange)
{
    const auto code = repository::consumeCode(c, crypto::sha256(exchange.code.toUtf8()));
    if (!code) {
        return code.error();
    }
    if (!*code) {
        return badCode(u"The authorization code is unknown or was used already; sign in again."_s);
    }
    if ((*code)->expired) {
        return badCode(u"The authorization code has expired; sign in again."_s);
    }
    // RFC 7636 §4.6.
    if (!crypto::constantTimeEquals(crypto::pkceChallenge(exchange.codeVerifier).toLatin1(),
                (*code)->challenge.toLatin1())) {
        return badCode(u"The code verifier does not match the code challenge; sign in again."_s);
    }
    const auto user = auth::repository::findUserById(c, (*code)->userId);
    if (!user) {
        return user.error();
    }
    if (!*user) {
        return badCode(u"The account of this sign-in no longer exists."_s);
    }
    if ((*user)->account.status != common::UserStatus::Active) {
        return Error::make(ErrorCode::AccountDisabled, u"This account has been disabled."_s);
    }
    return **user;
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
    QString issuer;
    QString state;
    QString code;
    QString error;
    QString issuerParameter; ///< RFC 9207 "iss", when the provider sends it
    bool hasIssuerParameter = false;
    ClientInfo client;
};

class Routes
{
public:
    Routes(OidcService *service, const auth::AuthModule &auth)
        : m_service(service)
        , m_auth(auth)
    { }

    void providers(const Request &request, const Responder &out) const;
    void start(const Request &request, const Responder &out) const;
    void callback(const Request &request, const Responder &out) const;
    void token(const Request &request, const Responder &out) const;

private:
    const ProviderSettings *providerOf(const Request &request) const
    {
        return m_service ? m_service->provider(request.pathParams.value(u"provider"_s)) : nullptr;
    }
    Result<RateDecision> countRequest(db::Connection &c, const QHostAddress &client) const
    {
        return m_auth.service().countRequest(
                c, u"oidc"_s, client, m_auth.service().settings().rateLimitPerMinute);
    }
    Response consumeState(
            db::Connection &c, const Responder &out, const CallbackParameters &callback) const;
    void exchange(const Responder &out, const CallbackParameters &callback,
            const PendingSignIn &pending, const RateDecision &rate) const;

    OidcService *m_service;
    const auth::AuthModule &m_auth;
};

void Routes::providers(const Request & /*request*/, const Responder &out) const
{
    QJsonArray list;
    if (m_service) {
        for (const ProviderSettings &provider : m_service->providers()) {
            list.append(QJsonObject{{u"name"_s, provider.name},
                    {u"displayName"_s,
                            provider.displayName.isEmpty() ? provider.name : provider.displayName},
                    {u"issuer"_s, provider.issuer},
                    {u"startUrl"_s,
                            QString(m_service->settings().publicUrl + u"/api/v1/auth/oidc/"_s
                                    + provider.name + u"/start"_s)}});
        }
    }
    out.send(Response::json(QJsonObject{{u"providers"_s, list}}));
}

void Routes::start(const Request &request, const Responder &out) const
{
    const ProviderSettings *provider = providerOf(request);
    if (!provider) {
        out.problem(Error::notFound(u"There is no sign-in provider of this name."_s));
        return;
    }
    const auto role = validate::signUpRole(request.queryValue(u"role"_s));
    if (!role) {
        out.problem(role.error());
        return;
    }
    const auto returnTo = validate::returnTo(
            request.queryValue(u"return_to"_s), m_service->settings().returnOrigins);
    if (!returnTo) {
        out.problem(returnTo.error());
        return;
    }
    const auto native = validate::nativeStart(request.queryValue(u"code_challenge"_s),
            request.queryValue(u"code_challenge_method"_s), request.queryValue(u"state"_s),
            *returnTo, m_service->settings().returnOrigins);
    if (!native) {
        out.problem(native.error());
        return;
    }
    PendingSignIn pending;
    pending.provider = provider->name;
    pending.appChallenge = native->challenge;
    pending.appState = native->state;
    pending.codeVerifier = crypto::randomToken();
    pending.nonce = crypto::randomToken();
    pending.role = *role;
    pending.returnTo = *returnTo;
    const QString state = crypto::randomToken();
    const QHostAddress client = m_auth.clientInfo(request).address;
    out.runOnDbPool([this, out, provider, pending, state, client](db::Connection &c) {
        const auto rate = countRequest(c, client);
        if (!rate) {
            return Response::fromError(rate.error());
        }
        if (!rate->allowed) {
            return tooManyRequests(*rate);
        }
        if (auto stored = repository::insertState(c, stateHash(state), pending, kStateLifetime);
                !stored) {
            return withRate(Response::fromError(stored.error()), *rate);
        }
        const QString redirectUri = m_service->redirectUri(provider->name);
        m_service->metadata(provider->name,
                [out, provider, pending, state, redirectUri, rate = *rate](
                        Result<ProviderMetadata> metadata) {
                    if (!metadata) {
                        out.send(
                                withRate(failure(provider->name, metadata.error(), pending), rate));
                        return;
                    }
                    out.send(withRate(redirect(authorizationUrl(*metadata, *provider, redirectUri,
                                              state, pending.nonce, pending.codeVerifier)),
                            rate));
                });
        return Response::deferred();
    });
}

void Routes::callback(const Request &request, const Responder &out) const
{
    const ProviderSettings *provider = providerOf(request);
    if (!provider) {
        out.problem(Error::notFound(u"There is no sign-in provider of this name."_s));
        return;
    }
    CallbackParameters callback;
    callback.provider = provider->name;
    callback.issuer = provider->issuer;
    callback.state = request.queryValue(u"state"_s);
    callback.code = request.queryValue(u"code"_s);
    callback.error = request.queryValue(u"error"_s);
    callback.hasIssuerParameter = request.hasQuery(u"iss"_s);
    callback.issuerParameter = request.queryValue(u"iss"_s);
    callback.client = m_auth.clientInfo(request);
    if (callback.state.isEmpty() || callback.state.size() > kMaxParameter
            || callback.code.size() > kMaxParameter) {
        out.send(failure(provider->name,
                signInFailed(
                        u"The sign-in state is missing or malformed; start the sign-in again."_s),
                PendingSignIn{}));
        return;
    }
    out.runOnDbPool([this, out, callback](db::Connection &c) {
        return consumeState(c, out, callback);
    });
}

Response Routes::consumeState(
        db::Connection &c, const Responder &out, const CallbackParameters &callback) const
{
    const auto rate = countRequest(c, callback.client.address);
    if (!rate) {
        return Response::fromError(rate.error());
    }
    if (!rate->allowed) {
        return tooManyRequests(*rate);
    }
    const auto pending = repository::consumeState(c, stateHash(callback.state));
    if (!pending) {
        return withRate(Response::fromError(pending.error()), *rate);
    }
    // The state was removed above whatever follows: it is good for one try.
    if (!*pending || (*pending)->provider != callback.provider) {
        return withRate(failure(callback.provider,
                                signInFailed(u"The sign-in state is unknown or was used already; "
                                             "start the sign-in again."_s),
                                PendingSignIn{}),
                *rate);
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
        exchange(out, callback, signIn, *rate);
        return Response::deferred();
    }
    return withRate(failure(callback.provider, problem, signIn), *rate);
}

void Routes::exchange(const Responder &out, const CallbackParameters &callback,
        const PendingSignIn &pending, const RateDecision &rate) const
{
    CodeExchange exchange{callback.provider, callback.code, pending.codeVerifier, pending.nonce};
    const ProviderSettings *provider = m_service->provider(callback.provider);
    const QString displayName =
            provider->displayName.isEmpty() ? provider->name : provider->displayName;
    m_service->completeSignIn(exchange,
            [this, out, callback, pending, rate, displayName](Result<jose::IdTokenClaims> claims) {
                if (!claims) {
                    out.send(withRate(failure(callback.provider, claims.error(), pending), rate));
                    return;
                }
                out.runOnDbPool([this, callback, pending, rate, displayName, claims = *claims](
                                        db::Connection &c) {
                    const auto user = resolveAccount(c, claims, pending.role, displayName);
                    if (!user) {
                        return withRate(failure(callback.provider, user.error(), pending), rate);
                    }
                    if (pending.native()) {
                        // The session opens when the app presents the code with its verifier.
                        return withRate(issueCode(c, user->account.id, pending), rate);
                    }
                    const auto tokens = m_auth.service().openSession(c, *user, callback.client);
                    if (!tokens) {
                        return withRate(failure(callback.provider, tokens.error(), pending), rate);
                    }
                    return withRate(success(*tokens, pending.returnTo), rate);
                });
            });
}

void Routes::token(const Request &request, const Responder &out) const
{
    const auto body = request.jsonObject();
    if (!body) {
        out.problem(body.error());
        return;
    }
    const auto exchange = common::auth::validateNativeExchange(*body);
    if (!exchange) {
        out.problem(exchange.error());
        return;
    }
    const ClientInfo client = m_auth.clientInfo(request);
    out.runOnDbPool([this, exchange = *exchange, client](db::Connection &c) {
        const auto rate = countRequest(c, client.address);
        if (!rate) {
            return Response::fromError(rate.error());
        }
        if (!rate->allowed) {
            return tooManyRequests(*rate);
        }
        const auto user = redeemCode(c, exchange);
        if (!user) {
            qCWarning(lcOidc, "native code exchange refused (%s): %s",
                    qPrintable(user.error().codeName()), qPrintable(user.error().detail));
            return withRate(Response::fromError(user.error()), *rate);
        }
        const auto tokens = m_auth.service().openSession(c, *user, client);
        if (!tokens) {
            return withRate(Response::fromError(tokens.error()), *rate);
        }
        return withRate(Response::json(tokens->toJson()), *rate);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, OidcService *service, const auth::AuthModule &auth)
{
    // The routes live as long as the router; the module and the service outlive every request.
    auto routes = std::make_shared<Routes>(service, auth);
    http::Router &router = context.router;
    router.get(u"/api/v1/auth/oidc/providers"_s,
            [routes](const Request &request, const Responder &out) {
                routes->providers(request, out);
            });
    router.get(u"/api/v1/auth/oidc/{provider}/start"_s,
            [routes](const Request &request, const Responder &out) {
                routes->start(request, out);
            });
    router.post(
            u"/api/v1/auth/oidc/token"_s, [routes](const Request &request, const Responder &out) {
                routes->token(request, out);
            });
    router.get(u"/api/v1/auth/oidc/{provider}/callback"_s,
            [routes](const Request &request, const Responder &out) {
                routes->callback(request, out);
            });
}

} // namespace influence::server::oidc
