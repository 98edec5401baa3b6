// SPDX-License-Identifier: Apache-2.0
// HTTP for accounts and sign-in: the route table, and for each route the reading and checking of
// its input on the HTTP thread (400/422 before any database work) into the work on the database
// pool. Routes that hash a password hand on to the CPU pool and back; nothing here blocks an
// HTTP thread.
#include "AuthRoutes.h"

#include "Accounts.h"
#include "common/AuthTypes.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/http/Authenticator.h"
#include "core/http/ClientAddress.h"
#include "core/http/HttpContext.h"
#include "core/http/RateLimit.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"
#include "core/http/RouteTable.h"

#include <memory>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::RateDecision;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;
using influence::server::http::Work;

namespace influence::server::auth {

namespace {

constexpr std::chrono::seconds kRateWindow{60};
/// Every client refreshes every few minutes: a looser limit than for sign-ins.
constexpr int kRefreshRateFactor = 10;

/// What the routes' work shares, read-only once the routes are registered.
struct Shared
{
    Settings settings; ///< with the effective APP_URL
    const crypto::TokenService &tokens;
    PasswordHasher hasher;
    http::ClientAddress clientAddress;
};
using SharedPtr = std::shared_ptr<const Shared>;

/// The limit of a group of routes for the request's address.
http::RateLimit limitOf(
        const Shared &shared, const Request &request, const QString &group, int factor = 1)
{
    return {group + u':' + shared.clientAddress.of(request).toString(),
            shared.settings.rateLimitPerMinute * factor, kRateWindow};
}

ClientInfo clientOf(const Shared &shared, const Request &request)
{
    return {shared.clientAddress.of(request),
            QString::fromUtf8(request.header("user-agent")).left(512)};
}

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
    return http::withRateHeaders(std::move(response), rate, kRateWindow);
}

Response accepted()
{
    return Response::json(QJsonObject{{u"status"_s, u"accepted"_s}}, 202);
}

// --- Sign-up, sign-in and sessions -------------------------------------------------------

/// Registration's CPU step: the password's hash, then the account on the database pool.
Response registerWithHash(const SharedPtr &shared, const Responder &out,
        const common::RegisterCommand &command, const ClientInfo &client, const RateDecision &rate)
{
    const NewAccount account{command.email, shared->hasher.hash(command.password), command.role,
            command.displayName, EmailAddress::Unconfirmed,
            shared->settings.registration == Registration::Immediate};
    out.runOnDbPool([shared, account, client, rate](Connection &next) {
        if (shared->settings.registration == Registration::Confirm) {
            // The same answer for a new and a taken address (both hashed a password first).
            const auto requested =
                    accounts::requestRegistration(next, shared->settings.mail, account);
            return withRate(requested ? accepted() : Response::fromError(requested.error()), rate);
        }
        const auto tokens = accounts::registerAccount(next, shared->settings.sessions,
                shared->tokens, shared->settings.mail, account, client);
        return withRate(tokensResponse(tokens, 201), rate);
    });
    return Response::deferred();
}

Result<Work> signUp(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto command = common::auth::validateRegistration(*body);
    if (!command) {
        return command.error();
    }
    return Work([shared, command = *command, client = clientOf(*shared, request),
                        limit = limitOf(*shared, request, u"register"_s)](
                        Connection &c, const Responder &out) {
        return http::limited(c, limit, [&](const RateDecision &rate) {
            out.runOnCpuPool([shared, out, command, client, rate] {
                return registerWithHash(shared, out, command, client, rate);
            });
            return Response::deferred();
        });
    });
}

/// Sign-in's CPU step: the password against the stored hash (or equivalent work when there is
/// none), then the session on the database pool.
Response checkPassword(const SharedPtr &shared, const Responder &out, const QString &password,
        const SignInAttempt &attempt, const ClientInfo &client, const RateDecision &rate)
{
    const QString &stored = attempt.passwordHash;
    bool matches = false;
    if (stored.isEmpty()) {
        shared->hasher.burnEquivalentTime(password);
    } else {
        matches = shared->hasher.verify(password, stored);
    }
    // Where registration does not tell whether an address has an account, neither may signing
    // in before the address is confirmed: the same answer as a wrong password.
    const bool unconfirmed = shared->settings.registration == Registration::Confirm
            && attempt.account && !attempt.account->emailVerified && !attempt.signInUnconfirmed;
    if (!matches || unconfirmed) {
        return withRate(Response::fromError(invalidCredentials()), rate);
    }
    // Parameters went up since this hash was made: store a stronger one now that the password
    // is at hand.
    const QString rehash =
            shared->hasher.needsRehash(stored) ? shared->hasher.hash(password) : QString();
    out.runOnDbPool([shared, attempt, rehash, client, rate](Connection &next) {
        return withRate(tokensResponse(sessions::completeSignIn(next, shared->settings.sessions,
                                shared->tokens, attempt, rehash, client)),
                rate);
    });
    return Response::deferred();
}

Result<Work> signIn(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto command = common::auth::validateLogin(*body);
    if (!command) {
        return command.error();
    }
    return Work([shared, command = *command, client = clientOf(*shared, request),
                        limit = limitOf(*shared, request, u"login"_s)](
                        Connection &c, const Responder &out) {
        return http::limited(c, limit, [&](const RateDecision &rate) {
            const auto attempt = sessions::beginSignIn(c, shared->settings.sessions, command.email);
            if (!attempt) {
                return Response::fromError(attempt.error());
            }
            out.runOnCpuPool(
                    [shared, out, password = command.password, attempt = *attempt, client, rate] {
                        return checkPassword(shared, out, password, attempt, client, rate);
                    });
            return Response::deferred();
        });
    });
}

Result<Work> refreshSession(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto token = common::auth::validateRefreshToken(*body);
    if (!token) {
        return token.error();
    }
    return Work([shared, token = *token,
                        limit = limitOf(*shared, request, u"refresh"_s, kRefreshRateFactor)](
                        Connection &c) {
        return http::limited(c, limit, [&](const RateDecision &) {
            return tokensResponse(
                    sessions::refresh(c, shared->settings.sessions, shared->tokens, token));
        });
    });
}

Result<Work> signOut(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto token = common::auth::validateRefreshToken(*body);
    if (!token) {
        return token.error();
    }
    return Work([token = *token](Connection &c) {
        return sessions::logout(c, token);
    });
}

Result<Work> signOutEverywhere(const Request & /*request*/)
{
    return Work(sessions::logoutEverywhere);
}

// --- The caller's account ----------------------------------------------------------------

Result<Work> readOwnAccount(const Request & /*request*/)
{
    return Work([](Connection &, const Principal &p) {
        return Response::json(p.account.toJson());
    });
}

/// A password change's CPU step: the current password against the stored hash, then the new
/// one's hash on the database pool.
Response changeWithHash(const SharedPtr &shared, const Responder &out,
        const common::ChangePasswordCommand &command, const Principal &p, const QString &stored)
{
    if (stored.isEmpty() || !shared->hasher.verify(command.currentPassword, stored)) {
        return Response::fromError(
                Error::make(ErrorCode::WrongPassword, u"The current password is not correct."_s));
    }
    out.runOnDbPool([p, hash = shared->hasher.hash(command.newPassword)](Connection &next) {
        return Response::from(accounts::changePassword(next, p, hash));
    });
    return Response::deferred();
}

Result<Work> changeOwnPassword(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto command = common::auth::validatePasswordChange(*body);
    if (!command) {
        return command.error();
    }
    return Work(
            [shared, command = *command](Connection &c, const Principal &p, const Responder &out) {
                const auto stored = accounts::passwordHashOf(c, p);
                if (!stored) {
                    return Response::fromError(stored.error());
                }
                out.runOnCpuPool([shared, out, command, p, stored = *stored] {
                    return changeWithHash(shared, out, command, p, stored);
                });
                return Response::deferred();
            });
}

// --- Password reset and address confirmation ---------------------------------------------

Result<Work> forgotPassword(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto email = common::auth::validateEmail(*body);
    if (!email) {
        return email.error();
    }
    return Work(
            [shared, email = *email, limit = limitOf(*shared, request, u"mail"_s)](Connection &c) {
                return http::limited(c, limit, [&](const RateDecision &) {
                    // The same answer whether or not the address has an account.
                    const auto sent = recovery::forgotPassword(c, shared->settings.mail, email);
                    return sent ? accepted() : Response::fromError(sent.error());
                });
            });
}

/// A password reset's CPU step: the new password's hash, then the reset on the database pool.
Response resetWithHash(const SharedPtr &shared, const Responder &out,
        const common::ResetPasswordCommand &command, const RateDecision &rate)
{
    out.runOnDbPool([token = command.token, hash = shared->hasher.hash(command.newPassword), rate](
                            Connection &next) {
        return withRate(Response::from(recovery::resetPassword(next, token, hash)), rate);
    });
    return Response::deferred();
}

Result<Work> resetPassword(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto command = common::auth::validatePasswordReset(*body);
    if (!command) {
        return command.error();
    }
    return Work([shared, command = *command, limit = limitOf(*shared, request, u"mail"_s)](
                        Connection &c, const Responder &out) {
        return http::limited(c, limit, [&](const RateDecision &rate) {
            out.runOnCpuPool([shared, out, command, rate] {
                return resetWithHash(shared, out, command, rate);
            });
            return Response::deferred();
        });
    });
}

Result<Work> verifyEmail(const Request &request, const SharedPtr &shared)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto token = common::auth::validateEmailToken(*body);
    if (!token) {
        return token.error();
    }
    return Work([token = *token, limit = limitOf(*shared, request, u"mail"_s)](Connection &c) {
        return http::limited(c, limit, [&](const RateDecision &) {
            return Response::from(recovery::verifyEmail(c, token));
        });
    });
}

Result<Work> resendVerification(const Request & /*request*/, const SharedPtr &shared)
{
    return Work([shared](Connection &c, const Principal &p) {
        const auto sent = recovery::resendVerification(c, shared->settings.mail, p);
        return sent ? accepted() : Response::fromError(sent.error());
    });
}

// --- Administration ----------------------------------------------------------------------

Result<Work> listUsers(const Request &request)
{
    // Checked in the work: for anyone but an administrator the directory does not exist (404),
    // whatever the parameters.
    auto query = common::auth::validateUserListQuery(request.query);
    return Work(
            [query = std::move(query)](Connection &c, const Principal &p) -> Result<QByteArray> {
                if (!p.isAdmin()) {
                    return Error::notFound();
                }
                if (!query) {
                    return query.error();
                }
                return accounts::list(c, p, *query);
            });
}

Result<Work> updateUser(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto update = common::auth::validateUserUpdate(*body);
    if (!update) {
        return update.error();
    }
    return Work(
            [id = *id, update = *update](Connection &c, const Principal &p) -> Result<QByteArray> {
                if (!http::Authenticator::requireRole(p, {common::UserRole::Admin})) {
                    // Not an admin: the user directory does not exist for them.
                    return Error::notFound();
                }
                return accounts::update(c, p, id, update);
            });
}

} // namespace

void registerRoutes(
        http::HttpContext &context, const Settings &settings, const crypto::TokenService &tokens)
{
    Settings effective = settings;
    effective.mail.appUrl = settings.effectiveAppUrl(context.publicUrl());
    const auto shared = std::make_shared<const Shared>(
            Shared{effective, tokens, PasswordHasher(settings.argon2), context.clientAddress});
    constexpr auto pub = Access::Public;
    constexpr auto signedIn = Access::SignedIn;
    http::addRoutes(context,
            {
                    {HttpMethod::Post, u"/api/v1/auth/register"_s, pub, http::bind(shared, signUp),
                            201},
                    {HttpMethod::Post, u"/api/v1/auth/login"_s, pub, http::bind(shared, signIn)},
                    {HttpMethod::Post, u"/api/v1/auth/refresh"_s, pub,
                            http::bind(shared, refreshSession)},
                    {HttpMethod::Post, u"/api/v1/auth/logout"_s, pub, signOut},
                    {HttpMethod::Post, u"/api/v1/auth/logout-all"_s, signedIn, signOutEverywhere},
                    {HttpMethod::Get, u"/api/v1/me"_s, signedIn, readOwnAccount},
                    {HttpMethod::Post, u"/api/v1/me/password"_s, signedIn,
                            http::bind(shared, changeOwnPassword)},
                    {HttpMethod::Post, u"/api/v1/auth/password/forgot"_s, pub,
                            http::bind(shared, forgotPassword), 202},
                    {HttpMethod::Post, u"/api/v1/auth/password/reset"_s, pub,
                            http::bind(shared, resetPassword)},
                    {HttpMethod::Post, u"/api/v1/auth/email/verify"_s, pub,
                            http::bind(shared, verifyEmail)},
                    {HttpMethod::Post, u"/api/v1/auth/email/resend"_s, signedIn,
                            http::bind(shared, resendVerification), 202},
                    {HttpMethod::Get, u"/api/v1/users"_s, signedIn, listUsers},
                    {HttpMethod::Patch, u"/api/v1/users/{id}"_s, signedIn, updateUser},
            });
}

} // namespace influence::server::auth
