// SPDX-License-Identifier: Apache-2.0
#include "AuthService.h"

#include "core/crypto/Crypto.h"
#include "core/db/Transaction.h"
#include "core/mail/Mail.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::auth {

namespace {

Error invalidRefreshToken()
{
    return Error::make(ErrorCode::InvalidRefreshToken,
            u"The refresh token is not valid (expired, signed out or already used); sign in again."_s);
}

QByteArray newEmailToken()
{
    return crypto::base64Url(crypto::randomBytes(32));
}

} // namespace

AuthService::AuthService(AuthSettings settings, const TokenService &tokens)
    : m_settings(std::move(settings))
    , m_tokens(tokens)
{ }

Result<RateDecision> AuthService::countRequest(db::Connection &c, const QString &group,
        const QHostAddress &client, int limitPerMinute) const
{
    return db::withRetry(c, [&](db::Connection &connection) {
        return http::countRequest(connection, group + u':' + client.toString(), limitPerMinute,
                std::chrono::seconds(60));
    });
}

AuthTokens AuthService::tokensFor(
        const UserRecord &user, const QUuid &sessionId, const QByteArray &refreshToken) const
{
    AuthTokens tokens;
    tokens.accessToken = QString::fromLatin1(m_tokens.issueAccessToken(
            user.account.id, sessionId, user.account.role, QDateTime::currentDateTimeUtc()));
    tokens.refreshToken = QString::fromLatin1(refreshToken);
    tokens.expiresIn = static_cast<int>(m_tokens.accessTokenLifetime().count());
    tokens.user = user.account;
    return tokens;
}

Result<AuthTokens> AuthService::startSession(
        db::Connection &c, const UserRecord &user, const ClientInfo &client) const
{
    const auto sessionId = repository::insertSession(c, user.account.id,
            m_settings.refreshAbsoluteLifetime, client.userAgent, client.address);
    if (!sessionId) {
        return sessionId.error();
    }
    const QByteArray refreshToken = m_tokens.newRefreshToken();
    if (auto ok = repository::insertRefreshToken(c, QUuid::createUuid(), *sessionId,
                TokenService::hashRefreshToken(refreshToken), {}, m_settings.refreshIdleLifetime);
            !ok) {
        return ok.error();
    }
    return tokensFor(user, *sessionId, refreshToken);
}

Result<AuthTokens> AuthService::openSession(
        db::Connection &c, const UserRecord &user, const ClientInfo &client) const
{
    return db::inTransaction(c, [&](db::Connection &tx) {
        return startSession(tx, user, client);
    });
}

Result<void> AuthService::sendEmailToken(
        db::Connection &c, const UserRecord &user, EmailTokenPurpose purpose) const
{
    const QByteArray token = newEmailToken();
    const bool reset = purpose == EmailTokenPurpose::ResetPassword;
    if (auto ok = repository::insertEmailToken(c, user.account.id, purpose, crypto::sha256(token),
                user.account.email,
                reset ? m_settings.resetTokenLifetime : m_settings.verifyTokenLifetime);
            !ok) {
        return ok;
    }
    // The token travels in the fragment: browsers do not send it to any server or in Referer.
    mail::MailMessage message;
    message.to = user.account.email;
    if (reset) {
        message.subject = u"Reset your Influence password"_s;
        message.body = u"Someone (hopefully you) asked to reset the password of your Influence "
                       "account.\n\nChoose a new password here (the link works once, for %1 "
                       "minutes):\n%2/reset-password#token=%3\n\nIf you did not ask for this, "
                       "ignore this e-mail; your password stays as it is.\n"_s
                               .arg(m_settings.resetTokenLifetime.count() / 60)
                               .arg(m_settings.appUrl, QString::fromLatin1(token));
    } else {
        message.subject = u"Confirm your e-mail address for Influence"_s;
        message.body = u"Welcome to Influence.\n\nConfirm that this is your e-mail address (the "
                       "link works once, for %1 hours):\n%2/verify-email#token=%3\n\nIf you did "
                       "not create an account, ignore this e-mail.\n"_s
                               .arg(m_settings.verifyTokenLifetime.count() / 3600)
                               .arg(m_settings.appUrl, QString::fromLatin1(token));
    }
    return mail::enqueue(c, message);
}

Result<AuthTokens> AuthService::registerUser(db::Connection &c,
        const common::RegisterCommand &command, const QString &passwordHash,
        const ClientInfo &client) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<AuthTokens> {
        const auto user = repository::insertUser(
                tx, command.email, passwordHash, command.role, command.displayName, false);
        if (!user) {
            return user.error();
        }
        if (auto ok = sendEmailToken(tx, *user, EmailTokenPurpose::VerifyEmail); !ok) {
            return ok.error();
        }
        return startSession(tx, *user, client);
    });
}

Result<LoginCandidate> AuthService::beginLogin(
        db::Connection &c, const common::LoginCommand &command) const
{
    LoginCandidate candidate;
    candidate.emailKey = throttle::emailKey(command.email);
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<LoginCandidate> {
        if (auto ok = throttle::reserveLoginAttempt(
                    tx, candidate.emailKey, m_settings.lockoutThreshold);
                !ok) {
            return ok.error();
        }
        auto user = repository::findUserByEmail(tx, command.email);
        if (!user) {
            return user.error();
        }
        candidate.user = *user;
        return candidate;
    });
}

Result<AuthTokens> AuthService::completeLogin(db::Connection &c, const LoginCandidate &candidate,
        const QString &rehash, const ClientInfo &client) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<AuthTokens> {
        if (auto ok = throttle::clearLoginFailures(tx, candidate.emailKey); !ok) {
            return ok.error();
        }
        const UserRecord &user = *candidate.user;
        if (user.account.status != common::UserStatus::Active) {
            return Error::make(ErrorCode::AccountDisabled,
                    u"This account is disabled; contact an administrator."_s);
        }
        if (!rehash.isEmpty()) {
            if (auto ok = repository::updatePasswordHash(tx, user.account.id, rehash); !ok) {
                return ok.error();
            }
        }
        return startSession(tx, user, client);
    });
}

Result<std::optional<AuthTokens>> AuthService::reuseOf(
        db::Connection &tx, const RefreshTokenRecord &token, const QByteArray &successor) const
{
    // A concurrent refresh with the same token (used seconds ago, successor still unused) gets
    // the same successor; anything else is a replay of a stolen or leaked token, and the whole
    // session ends (RFC 9700 §4.14.2).
    auto next = repository::successorOf(tx, token.id);
    if (!next) {
        return next.error();
    }
    if (token.usedWithinGrace && next->has_value() && !(*next)->second) {
        return std::optional(tokensFor(token.user, token.sessionId, successor));
    }
    if (auto ok = repository::revokeSession(tx, token.sessionId, RevokeReason::ReuseDetected);
            !ok) {
        return ok.error();
    }
    return std::optional<AuthTokens>();
}

Result<AuthTokens> AuthService::refresh(db::Connection &c, const QString &refreshToken) const
{
    const QByteArray hash = TokenService::hashRefreshToken(refreshToken.toLatin1());
    // Nothing (but success) means a replay was detected and the session revoked: that must be
    // committed although the call fails.
    const auto rotated =
            db::inTransaction(c, [&](db::Connection &tx) -> Result<std::optional<AuthTokens>> {
                auto locked = repository::lockRefreshToken(tx, hash);
                if (!locked) {
                    return locked.error();
                }
                if (!locked->has_value()) {
                    return invalidRefreshToken();
                }
                const RefreshTokenRecord &token = **locked;
                if (token.sessionRevoked || token.sessionExpired || token.expired
                        || token.user.account.status != common::UserStatus::Active) {
                    return invalidRefreshToken();
                }
                const QByteArray successor = m_tokens.successorRefreshToken(token.id);
                if (token.used) {
                    return reuseOf(tx, token, successor);
                }
                if (auto ok = repository::markRefreshTokenUsed(tx, token.id); !ok) {
                    return ok.error();
                }
                if (auto ok = repository::insertRefreshToken(tx, QUuid::createUuid(),
                            token.sessionId, TokenService::hashRefreshToken(successor), token.id,
                            m_settings.refreshIdleLifetime);
                        !ok) {
                    return ok.error();
                }
                if (auto ok = repository::touchSession(tx, token.sessionId); !ok) {
                    return ok.error();
                }
                return std::optional(tokensFor(token.user, token.sessionId, successor));
            });
    if (!rotated) {
        return rotated.error();
    }
    if (!rotated->has_value()) {
        return invalidRefreshToken();
    }
    return **rotated;
}

Result<void> AuthService::logout(db::Connection &c, const QString &refreshToken) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        const auto session = repository::sessionOfRefreshToken(
                tx, TokenService::hashRefreshToken(refreshToken.toLatin1()));
        if (!session) {
            return session.error();
        }
        // An unknown token is not an error: signing out is idempotent and reveals nothing.
        if (session->has_value()) {
            return repository::revokeSession(tx, **session, RevokeReason::Logout);
        }
        return {};
    });
}

Result<void> AuthService::logoutAll(db::Connection &c, const Principal &principal) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        auto revoked =
                repository::revokeUserSessions(tx, principal.userId(), RevokeReason::LogoutAll);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

Result<QString> AuthService::passwordHashOf(db::Connection &c, const Principal &principal) const
{
    const auto user = repository::findUserById(c, principal.userId());
    if (!user) {
        return user.error();
    }
    if (!user->has_value()) {
        return Error::make(ErrorCode::Unauthorized, u"The account no longer exists."_s);
    }
    return (*user)->passwordHash;
}

Result<void> AuthService::changePassword(
        db::Connection &c, const Principal &principal, const QString &newHash) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        if (auto ok = repository::updatePasswordHash(tx, principal.userId(), newHash); !ok) {
            return ok;
        }
        auto revoked = repository::revokeUserSessions(
                tx, principal.userId(), RevokeReason::PasswordChanged, principal.sessionId);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

Result<void> AuthService::forgotPassword(db::Connection &c, const QString &email) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        const auto user = repository::findUserByEmail(tx, email);
        if (!user) {
            return user.error();
        }
        if (!user->has_value() || (*user)->account.status != common::UserStatus::Active) {
            return {};
        }
        const auto recent = repository::emailTokenIssuedRecently(
                tx, (*user)->account.id, EmailTokenPurpose::ResetPassword, m_settings.mailInterval);
        if (!recent) {
            return recent.error();
        }
        if (*recent) {
            return {}; // one mail a minute is enough; the answer stays the same
        }
        return sendEmailToken(tx, **user, EmailTokenPurpose::ResetPassword);
    });
}

Result<void> AuthService::resetPassword(
        db::Connection &c, const QString &token, const QString &newHash) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        const auto consumed = repository::consumeEmailToken(
                tx, EmailTokenPurpose::ResetPassword, crypto::sha256(token.toLatin1()));
        if (!consumed) {
            return consumed.error();
        }
        if (!consumed->has_value()) {
            return Error::make(ErrorCode::InvalidEmailToken,
                    u"This reset link is invalid, was used already, or has expired; ask for a new one."_s);
        }
        const auto &[userId, email] = **consumed;
        if (auto ok = repository::updatePasswordHash(tx, userId, newHash); !ok) {
            return ok;
        }
        // Receiving the link proves control of the address.
        if (auto ok = repository::markEmailVerified(tx, userId, email); !ok) {
            return ok;
        }
        auto revoked = repository::revokeUserSessions(tx, userId, RevokeReason::PasswordReset);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

Result<void> AuthService::verifyEmail(db::Connection &c, const QString &token) const
{
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        const auto consumed = repository::consumeEmailToken(
                tx, EmailTokenPurpose::VerifyEmail, crypto::sha256(token.toLatin1()));
        if (!consumed) {
            return consumed.error();
        }
        if (!consumed->has_value()) {
            return Error::make(ErrorCode::InvalidEmailToken,
                    u"This confirmation link is invalid, was used already, or has expired."_s);
        }
        return repository::markEmailVerified(tx, (*consumed)->first, (*consumed)->second);
    });
}

Result<void> AuthService::resendVerification(db::Connection &c, const Principal &principal) const
{
    if (principal.account.emailVerified) {
        return {};
    }
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<void> {
        const auto recent = repository::emailTokenIssuedRecently(
                tx, principal.userId(), EmailTokenPurpose::VerifyEmail, m_settings.mailInterval);
        if (!recent) {
            return recent.error();
        }
        if (*recent) {
            Error error = Error::make(ErrorCode::TooManyRequests,
                    u"A confirmation e-mail was sent less than a minute ago."_s);
            error.retryAfterSeconds = static_cast<int>(m_settings.mailInterval.count());
            return error;
        }
        UserRecord user;
        user.account = principal.account;
        return sendEmailToken(tx, user, EmailTokenPurpose::VerifyEmail);
    });
}

Result<UserPage> AuthService::listUsers(
        db::Connection &c, const Principal &admin, const common::UserListQuery &query) const
{
    if (!admin.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators may list accounts."_s);
    }
    return repository::listUsers(c, query);
}

Result<common::UserAccount> AuthService::updateUser(db::Connection &c, const Principal &admin,
        const QUuid &userId, const common::AdminUserUpdate &update) const
{
    if (!admin.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators may change accounts."_s);
    }
    if (userId == admin.userId()
            && (update.status == common::UserStatus::Disabled
                    || (update.role && *update.role != common::UserRole::Admin))) {
        return Error::make(ErrorCode::Conflict,
                u"Administrators cannot disable or demote themselves; ask another administrator."_s);
    }
    return db::inTransaction(c, [&](db::Connection &tx) -> Result<common::UserAccount> {
        const auto updated = repository::updateUserAdmin(tx, userId, update.role, update.status);
        if (!updated) {
            return updated.error();
        }
        if (!updated->has_value()) {
            return Error::notFound(u"No such user."_s);
        }
        if (update.status == common::UserStatus::Disabled) {
            auto revoked = repository::revokeUserSessions(tx, userId, RevokeReason::Disabled);
            if (!revoked) {
                return revoked.error();
            }
        }
        return (*updated)->account;
    });
}

} // namespace influence::server::auth
