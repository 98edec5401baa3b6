// SPDX-License-Identifier: Apache-2.0
// HTTP for accounts and sign-in: /api/v1/auth/*, /api/v1/me, /api/v1/me/password and
// /api/v1/users/{id}. Password hashing runs on the CPU pool, database work on the database pool;
// nothing here blocks an HTTP thread.
#include "AuthModule.h"
#include "SignedIn.h"
#include "core/db/Connection.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "oidc/OidcRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;

namespace influence::server::auth {

namespace {

constexpr std::chrono::seconds kRateWindow{60};

Error invalidCredentials()
{
    // Same answer for an unknown address, a wrong password and an account without a password.
    return Error::make(ErrorCode::InvalidCredentials, u"Wrong e-mail address or password."_s);
}

Response tokensResponse(const Result<AuthTokens> &tokens, int status = 200)
{
    return Response::from(
            tokens,
            [](const AuthTokens &t) {
                return t.toJson();
            },
            status);
}

Response withRate(Response response, const RateDecision &rate)
{
    rate.addHeaders(response, kRateWindow);
    return response;
}

Response tooManyRequests(const RateDecision &rate)
{
    Error error = Error::make(ErrorCode::TooManyRequests,
            u"Too many requests from your address; try again in a minute."_s);
    error.retryAfterSeconds = qMax(1, rate.resetSeconds);
    return withRate(Response::fromError(error), rate);
}

Response accepted()
{
    return Response::json(QJsonObject{{u"status"_s, u"accepted"_s}}, 202);
}

Response fromVoid(const Result<void> &result)
{
    return result ? Response::noContent() : Response::fromError(result.error());
}

template<class T>
bool failed(const Result<T> &result, const Responder &out)
{
    if (!result) {
        out.problem(result.error());
        return true;
    }
    return false;
}

} // namespace

AuthModule::AuthModule(Settings settings)
    : m_settings(std::move(settings))
    , m_tokens(m_settings.tokens)
    , m_hasher(m_settings.argon2)
    , m_service(m_settings.auth, m_tokens)
    , m_authenticator(m_tokens)
    , m_clientAddress(m_settings.trustedProxies)
{ }

AuthModule::~AuthModule() = default;

ClientInfo AuthModule::clientInfo(const Request &request) const
{
    return {m_clientAddress.of(request), QString::fromUtf8(request.header("user-agent")).left(512)};
}

void AuthModule::rateLimited(const Responder &out, const Request &request, const QString &group,
        int factor, std::function<Response(db::Connection &, const RateDecision &)> then) const
{
    // Counts the request against the per-address limit of `group` on the database pool; 429
    // (with Retry-After) over the limit, else `then`.
    const QHostAddress client = m_clientAddress.of(request);
    const int limit = m_settings.auth.rateLimitPerMinute * factor;
    out.runOnDbPool([this, client, group, limit, then = std::move(then)](db::Connection &c) {
        const auto rate = m_service.countRequest(c, group, client, limit);
        if (!rate) {
            return Response::fromError(rate.error());
        }
        if (!rate->allowed) {
            return tooManyRequests(*rate);
        }
        return withRate(then(c, *rate), *rate);
    });
}

Response AuthModule::checkPassword(const Responder &out, const common::LoginCommand &command,
        const ClientInfo &client, const LoginCandidate &candidate, const RateDecision &rate) const
{
    const QString stored = candidate.user ? candidate.user->passwordHash : QString();
    bool matches = false;
    if (stored.isEmpty()) {
        m_hasher.burnEquivalentTime(command.password);
    } else {
        matches = m_hasher.verify(command.password, stored);
    }
    if (!matches) {
        return withRate(Response::fromError(invalidCredentials()), rate);
    }
    // Parameters went up since this hash was made: store a stronger one now that the password
    // is at hand.
    const QString rehash =
            m_hasher.needsRehash(stored) ? m_hasher.hash(command.password) : QString();
    out.runOnDbPool([this, candidate, rehash, client, rate](db::Connection &next) {
        return withRate(
                tokensResponse(m_service.completeLogin(next, candidate, rehash, client)), rate);
    });
    return Response::deferred();
}

void AuthModule::registerRoutes(http::HttpContext &context)
{
    registerSignInRoutes(context.router);
    registerAccountRoutes(context.router);
    registerRecoveryRoutes(context.router);
    registerAdminRoutes(context.router);
    // OpenID Connect sign-in; the routes exist (and list no provider) when none is configured.
    oidc::registerRoutes(context, m_oidc, *this);
}

void AuthModule::registerSignInRoutes(http::Router &router)
{
    router.post(u"/api/v1/auth/register"_s, [this](const Request &request, const Responder &out) {
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto command = common::auth::validateRegistration(*body);
        if (failed(command, out)) {
            return;
        }
        const ClientInfo client = clientInfo(request);
        rateLimited(out, request, u"register"_s, 1,
                [this, out, command = *command, client](
                        db::Connection &, const RateDecision &rate) {
                    out.runOnCpuPool([this, out, command, client, rate] {
                        const QString hash = m_hasher.hash(command.password);
                        out.runOnDbPool([this, command, hash, client, rate](db::Connection &c) {
                            return withRate(
                                    tokensResponse(
                                            m_service.registerUser(c, command, hash, client), 201),
                                    rate);
                        });
                        return Response::deferred();
                    });
                    return Response::deferred();
                });
    });

    router.post(u"/api/v1/auth/login"_s, [this](const Request &request, const Responder &out) {
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto command = common::auth::validateLogin(*body);
        if (failed(command, out)) {
            return;
        }
        const ClientInfo client = clientInfo(request);
        rateLimited(out, request, u"login"_s, 1,
                [this, out, command = *command, client](
                        db::Connection &c, const RateDecision &rate) {
                    const auto candidate = m_service.beginLogin(c, command);
                    if (!candidate) {
                        return Response::fromError(candidate.error());
                    }
                    out.runOnCpuPool([this, out, command, client, candidate = *candidate, rate] {
                        return checkPassword(out, command, client, candidate, rate);
                    });
                    return Response::deferred();
                });
    });

    router.post(u"/api/v1/auth/refresh"_s, [this](const Request &request, const Responder &out) {
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto token = common::auth::validateRefreshToken(*body);
        if (failed(token, out)) {
            return;
        }
        // Every client refreshes every few minutes: a looser limit than for sign-ins.
        rateLimited(out, request, u"refresh"_s, 10,
                [this, token = *token](db::Connection &c, const RateDecision &) {
                    return tokensResponse(m_service.refresh(c, token));
                });
    });

    router.post(u"/api/v1/auth/logout"_s, [this](const Request &request, const Responder &out) {
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto token = common::auth::validateRefreshToken(*body);
        if (failed(token, out)) {
            return;
        }
        out.runOnDbPool([this, token = *token](db::Connection &c) {
            return fromVoid(m_service.logout(c, token));
        });
    });
}

void AuthModule::registerAccountRoutes(http::Router &router)
{
    router.post(u"/api/v1/auth/logout-all"_s, [this](const Request &request, const Responder &out) {
        whenSignedIn(m_authenticator, request, out,
                [this](db::Connection &c, const Principal &principal) {
                    return fromVoid(m_service.logoutAll(c, principal));
                });
    });

    router.get(u"/api/v1/me"_s, [this](const Request &request, const Responder &out) {
        whenSignedIn(
                m_authenticator, request, out, [](db::Connection &, const Principal &principal) {
                    return Response::json(principal.account.toJson());
                });
    });

    router.post(u"/api/v1/me/password"_s, [this](const Request &request, const Responder &out) {
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto command = common::auth::validatePasswordChange(*body);
        if (failed(command, out)) {
            return;
        }
        whenSignedIn(m_authenticator, request, out,
                [this, out, command = *command](db::Connection &c, const Principal &principal) {
                    const auto stored = m_service.passwordHashOf(c, principal);
                    if (!stored) {
                        return Response::fromError(stored.error());
                    }
                    out.runOnCpuPool([this, out, command, principal, stored = *stored] {
                        if (stored.isEmpty() || !m_hasher.verify(command.currentPassword, stored)) {
                            return Response::fromError(Error::make(ErrorCode::WrongPassword,
                                    u"The current password is not correct."_s));
                        }
                        const QString hash = m_hasher.hash(command.newPassword);
                        out.runOnDbPool([this, principal, hash](db::Connection &next) {
                            return fromVoid(m_service.changePassword(next, principal, hash));
                        });
                        return Response::deferred();
                    });
                    return Response::deferred();
                });
    });
}

void AuthModule::registerRecoveryRoutes(http::Router &router)
{
    router.post(u"/api/v1/auth/password/forgot"_s,
            [this](const Request &request, const Responder &out) {
                const auto body = request.jsonObject();
                if (failed(body, out)) {
                    return;
                }
                const auto email = common::auth::validateEmail(*body);
                if (failed(email, out)) {
                    return;
                }
                rateLimited(out, request, u"mail"_s, 1,
                        [this, email = *email](db::Connection &c, const RateDecision &) {
                            // The same answer whether or not the address has an account.
                            const auto sent = m_service.forgotPassword(c, email);
                            return sent ? accepted() : Response::fromError(sent.error());
                        });
            });

    router.post(
            u"/api/v1/auth/password/reset"_s, [this](const Request &request, const Responder &out) {
                const auto body = request.jsonObject();
                if (failed(body, out)) {
                    return;
                }
                const auto command = common::auth::validatePasswordReset(*body);
                if (failed(command, out)) {
                    return;
                }
                rateLimited(out, request, u"mail"_s, 1,
                        [this, out, command = *command](
                                db::Connection &, const RateDecision &rate) {
                            out.runOnCpuPool([this, out, command, rate] {
                                const QString hash = m_hasher.hash(command.newPassword);
                                out.runOnDbPool([this, command, hash, rate](db::Connection &c) {
                                    return withRate(fromVoid(m_service.resetPassword(
                                                            c, command.token, hash)),
                                            rate);
                                });
                                return Response::deferred();
                            });
                            return Response::deferred();
                        });
            });

    router.post(
            u"/api/v1/auth/email/verify"_s, [this](const Request &request, const Responder &out) {
                const auto body = request.jsonObject();
                if (failed(body, out)) {
                    return;
                }
                const auto token = common::auth::validateEmailToken(*body);
                if (failed(token, out)) {
                    return;
                }
                rateLimited(out, request, u"mail"_s, 1,
                        [this, token = *token](db::Connection &c, const RateDecision &) {
                            return fromVoid(m_service.verifyEmail(c, token));
                        });
            });

    router.post(
            u"/api/v1/auth/email/resend"_s, [this](const Request &request, const Responder &out) {
                whenSignedIn(m_authenticator, request, out,
                        [this](db::Connection &c, const Principal &principal) {
                            const auto sent = m_service.resendVerification(c, principal);
                            return sent ? accepted() : Response::fromError(sent.error());
                        });
            });
}

namespace {

QJsonObject userPageJson(const UserPage &page)
{
    QJsonArray items;
    for (const common::UserAccount &account : page.users) {
        items.append(account.toJson());
    }
    QJsonValue next;
    if (page.next) {
        const QJsonObject cursor{{u"t"_s, page.next->first},
                {u"id"_s, page.next->second.toString(QUuid::WithoutBraces)}};
        next = QString::fromLatin1(
                QJsonDocument(cursor)
                        .toJson(QJsonDocument::Compact)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    return {{u"items"_s, items}, {u"nextCursor"_s, next}};
}

} // namespace

void AuthModule::registerAdminRoutes(http::Router &router)
{
    // GET /api/v1/users: the user directory. Not an admin: it does not exist for them (404),
    // whatever the parameters.
    router.get(u"/api/v1/users"_s, [this](const Request &request, const Responder &out) {
        auto query = common::auth::validateUserListQuery(request.query);
        whenSignedIn(m_authenticator, request, out,
                [this, query = std::move(query)](db::Connection &c, const Principal &principal) {
                    if (!principal.isAdmin()) {
                        return Response::fromError(Error::notFound());
                    }
                    if (!query) {
                        return Response::fromError(query.error());
                    }
                    return Response::from(m_service.listUsers(c, principal, *query), userPageJson);
                });
    });
    router.patch(u"/api/v1/users/{id}"_s, [this](const Request &request, const Responder &out) {
        const auto id = request.uuidParam(u"id"_s);
        if (failed(id, out)) {
            return;
        }
        const auto body = request.jsonObject();
        if (failed(body, out)) {
            return;
        }
        const auto update = common::auth::validateUserUpdate(*body);
        if (failed(update, out)) {
            return;
        }
        whenSignedIn(m_authenticator, request, out,
                [this, id = *id, update = *update](db::Connection &c, const Principal &principal) {
                    if (auto ok = Authenticator::requireRole(principal, {common::UserRole::Admin});
                            !ok) {
                        // Not an admin: the user directory does not exist for them.
                        return Response::fromError(Error::notFound());
                    }
                    return Response::from(m_service.updateUser(c, principal, id, update),
                            [](const common::UserAccount &account) {
                                return account.toJson();
                            });
                });
    });
}

} // namespace influence::server::auth
