// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"
#include "common/Result.h"

#include <QHostAddress>
#include <QString>
#include <QUuid>

#include <chrono>
#include <optional>

namespace influence::server::crypto {
class TokenService;
}
namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

namespace influence::server::auth {

/// How long sessions last and when sign-in locks, from the configuration (REFRESH_IDLE_DAYS,
/// REFRESH_ABSOLUTE_DAYS, LOGIN_LOCKOUT_THRESHOLD). The operations that issue tokens take the
/// TokenService that signs them next to these.
struct SessionSettings
{
    std::chrono::days refreshIdleLifetime{7};
    std::chrono::days refreshAbsoluteLifetime{30};
    /// Failed sign-ins of one address (within a day) before it is locked: 1 s after the
    /// threshold, doubling with each failure, at most 15 minutes.
    int lockoutThreshold = 5;
};

/// Who is asking, as recorded with a new session.
struct ClientInfo
{
    QHostAddress address;
    QString userAgent;
};

/// A sign-in between its database step and the password check on the CPU pool.
struct SignInAttempt
{
    QString emailKey; ///< what the lockout counts under
    std::optional<common::UserAccount> account; ///< nothing: no account has the address
    QString passwordHash; ///< empty without an account or for one without a password
    bool signInUnconfirmed = false; ///< a password signs in before the address is confirmed
};

/// Why sessions end (auth_sessions.revoked_reason).
enum class RevokeReason {
    Logout,
    LogoutAll,
    PasswordChanged,
    PasswordReset,
    ReuseDetected,
    Disabled
};

/// Sessions (auth_sessions) and their refresh tokens, and the per-address sign-in lockout
/// (auth_login_failures), counted in PostgreSQL so that every server process agrees. Each
/// operation runs its own transaction unless it says it runs inside the caller's.
namespace sessions {

/// Sign-in's first step: refuses (429 with the seconds to wait) while the address is locked,
/// otherwise counts the attempt as failed in advance, so that parallel guesses count too, and
/// looks the account up. Applies to every address, registered or not.
common::Result<SignInAttempt> beginSignIn(
        db::Connection &c, const SessionSettings &settings, const QString &email);
/// After the password matched: clears the address's failures, stores `rehash` unless it is
/// empty, and opens a session (403 account_disabled for a disabled account).
common::Result<common::AuthTokens> completeSignIn(db::Connection &c,
        const SessionSettings &settings, const crypto::TokenService &tokens,
        const SignInAttempt &attempt, const QString &rehash, const ClientInfo &client);
/// Opens a session for an account signed in another way (OpenID Connect).
common::Result<common::AuthTokens> openSession(db::Connection &c, const SessionSettings &settings,
        const crypto::TokenService &tokens, const common::UserAccount &account,
        const ClientInfo &client);
/// Rotates a refresh token (see TokenService::successorRefreshToken for concurrent use); a
/// replayed one ends its whole session.
common::Result<common::AuthTokens> refresh(db::Connection &c, const SessionSettings &settings,
        const crypto::TokenService &tokens, const QString &refreshToken);
/// Ends the session of a refresh token; an unknown token is not an error.
common::Result<void> logout(db::Connection &c, const QString &refreshToken);
/// Ends every session of the caller.
common::Result<void> logoutEverywhere(db::Connection &c, const http::Principal &principal);

/// Inside the caller's transaction: a new session for `account` and its first tokens.
common::Result<common::AuthTokens> start(db::Connection &tx, const SessionSettings &settings,
        const crypto::TokenService &tokens, const common::UserAccount &account,
        const ClientInfo &client);
/// Inside the caller's transaction: ends every active session of the user except `keep` (null:
/// all).
common::Result<int> revokeAll(
        db::Connection &tx, const QUuid &userId, RevokeReason reason, const QUuid &keep = {});

} // namespace sessions

} // namespace influence::server::auth
