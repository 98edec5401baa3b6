// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthRepository.h"
#include "PasswordHasher.h"
#include "Throttle.h"
#include "common/AuthApi.h"
#include "common/AuthTypes.h"
#include "common/Result.h"
#include "core/crypto/TokenService.h"
#include "core/http/Principal.h"
#include "core/http/RateLimit.h"

#include <QHostAddress>
#include <QString>

#include <chrono>
#include <optional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::auth {

using crypto::TokenService;
using http::Principal;
using http::RateDecision;

struct AuthSettings
{
    std::chrono::days refreshIdleLifetime{7};
    std::chrono::days refreshAbsoluteLifetime{30};
    int rateLimitPerMinute = 30;
    int lockoutThreshold = 5;
    QString appUrl; ///< links in e-mails start here
    std::chrono::seconds resetTokenLifetime{30 * 60};
    std::chrono::seconds verifyTokenLifetime{24 * 3600};
    /// At most one e-mail of a kind (reset, verification) per account in this time.
    std::chrono::seconds mailInterval{60};
};

/// Who is asking, as recorded with a new session.
struct ClientInfo
{
    QHostAddress address;
    QString userAgent;
};

/// A sign-in in progress: the account found for the address (if any), between the database
/// step and the password check on the CPU pool.
struct LoginCandidate
{
    QString emailKey;
    std::optional<UserRecord> user;
};

/// Accounts, sessions and the e-mail flows. Every method runs on a database worker with its
/// connection and keeps its writes in one transaction; password hashing happens outside, on the
/// CPU pool, between steps. Stateless: safe to call from every worker at once.
class AuthService
{
public:
    AuthService(AuthSettings settings, const TokenService &tokens);

    /// Counts a request of `group` ("login", "register", "mail", "refresh") from `client`.
    common::Result<RateDecision> countRequest(db::Connection &c, const QString &group,
            const QHostAddress &client, int limitPerMinute) const;

    common::Result<common::AuthTokens> registerUser(db::Connection &c,
            const common::RegisterCommand &command, const QString &passwordHash,
            const ClientInfo &client) const;

    /// Throttles (429 while the account is locked) and looks the account up.
    common::Result<LoginCandidate> beginLogin(
            db::Connection &c, const common::LoginCommand &command) const;
    /// After the password matched: clears failures, stores a rehash, opens a session.
    common::Result<common::AuthTokens> completeLogin(db::Connection &c,
            const LoginCandidate &candidate, const QString &rehash, const ClientInfo &client) const;

    /// Rotates a refresh token (see TokenService::successorRefreshToken for concurrent use).
    common::Result<common::AuthTokens> refresh(
            db::Connection &c, const QString &refreshToken) const;
    common::Result<void> logout(db::Connection &c, const QString &refreshToken) const;
    common::Result<void> logoutAll(db::Connection &c, const Principal &principal) const;

    /// The stored hash to check the current password against.
    common::Result<QString> passwordHashOf(db::Connection &c, const Principal &principal) const;
    /// Stores the new hash and ends the user's other sessions.
    common::Result<void> changePassword(
            db::Connection &c, const Principal &principal, const QString &newHash) const;

    /// Sends a reset link if the address belongs to an active account; says nothing either way.
    common::Result<void> forgotPassword(db::Connection &c, const QString &email) const;
    /// Sets the password with a reset token and ends every session of the account.
    common::Result<void> resetPassword(
            db::Connection &c, const QString &token, const QString &newHash) const;
    common::Result<void> verifyEmail(db::Connection &c, const QString &token) const;
    /// Sends a new verification link (nothing when already verified).
    common::Result<void> resendVerification(db::Connection &c, const Principal &principal) const;

    /// Admins change a user's role or status; disabling ends the user's sessions at once.
    /// The user directory (administrators only).
    common::Result<UserPage> listUsers(
            db::Connection &c, const Principal &admin, const common::UserListQuery &query) const;
    common::Result<common::UserAccount> updateUser(db::Connection &c, const Principal &admin,
            const QUuid &userId, const common::AdminUserUpdate &update) const;

    /// Opens a session for an account signed in some other way (OpenID Connect).
    common::Result<common::AuthTokens> openSession(
            db::Connection &c, const UserRecord &user, const ClientInfo &client) const;

    const AuthSettings &settings() const { return m_settings; }

private:
    /// A used refresh token presented again: the same successor for a concurrent refresh,
    /// nothing (and the session revoked) for a replay.
    common::Result<std::optional<common::AuthTokens>> reuseOf(
            db::Connection &tx, const RefreshTokenRecord &token, const QByteArray &successor) const;
    common::Result<common::AuthTokens> startSession(
            db::Connection &c, const UserRecord &user, const ClientInfo &client) const;
    common::Result<void> sendEmailToken(
            db::Connection &c, const UserRecord &user, EmailTokenPurpose purpose) const;
    common::AuthTokens tokensFor(
            const UserRecord &user, const QUuid &sessionId, const QByteArray &refreshToken) const;

    AuthSettings m_settings;
    const TokenService &m_tokens;
};

} // namespace influence::server::auth
