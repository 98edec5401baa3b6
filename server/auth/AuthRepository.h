// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"
#include "common/AuthTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QUuid>

#include <chrono>
#include <optional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::auth {

/// A user as the authentication code needs it.
struct UserRecord
{
    common::UserAccount account;
    QString passwordHash; ///< empty for accounts that only sign in with OpenID Connect
};

/// A page of the user directory and where the next one starts (see common::UserListQuery::after).
struct UserPage
{
    QList<common::UserAccount> users;
    std::optional<std::pair<QString, QUuid>> next;
};

/// A refresh token looked up (and locked) for rotation.
struct RefreshTokenRecord
{
    QUuid id;
    QUuid sessionId;
    bool used = false;
    bool usedWithinGrace = false; ///< used less than a few seconds ago (a concurrent refresh)
    bool expired = false;
    bool sessionRevoked = false;
    bool sessionExpired = false;
    UserRecord user;
};

enum class EmailTokenPurpose { VerifyEmail, ResetPassword };

/// Why sessions end (auth_sessions.revoked_reason).
enum class RevokeReason {
    Logout,
    LogoutAll,
    PasswordChanged,
    PasswordReset,
    ReuseDetected,
    Disabled
};

/// SQL for accounts, sessions, refresh tokens and e-mail tokens. Statements are prepared once
/// per connection; callers own the transactions.
namespace repository {

common::Result<std::optional<UserRecord>> findUserByEmail(db::Connection &c, const QString &email);
common::Result<std::optional<UserRecord>> findUserById(db::Connection &c, const QUuid &id);
/// Inserts a user; 409 email_taken when the address (in any case) exists.
common::Result<UserRecord> insertUser(db::Connection &c, const QString &email,
        const QString &passwordHash, common::UserRole role, const QString &displayName,
        bool emailVerified);
common::Result<void> updatePasswordHash(
        db::Connection &c, const QUuid &userId, const QString &hash);
common::Result<std::optional<UserRecord>> updateUserAdmin(db::Connection &c, const QUuid &userId,
        std::optional<common::UserRole> role, std::optional<common::UserStatus> status);
/// The user directory, newest first, filtered (the text through users_search_trgm_idx).
common::Result<UserPage> listUsers(db::Connection &c, const common::UserListQuery &query);
common::Result<void> markEmailVerified(
        db::Connection &c, const QUuid &userId, const QString &email);

common::Result<QUuid> insertSession(db::Connection &c, const QUuid &userId,
        std::chrono::days absoluteLifetime, const QString &userAgent, const QHostAddress &client);
common::Result<void> touchSession(db::Connection &c, const QUuid &sessionId);
common::Result<void> revokeSession(db::Connection &c, const QUuid &sessionId, RevokeReason reason);
/// Ends every active session of the user except `keep` (null: all).
common::Result<int> revokeUserSessions(
        db::Connection &c, const QUuid &userId, RevokeReason reason, const QUuid &keep = {});

common::Result<void> insertRefreshToken(db::Connection &c, const QUuid &id, const QUuid &sessionId,
        const QByteArray &tokenHash, const QUuid &parentId, std::chrono::days idleLifetime);
/// Looks a refresh token up by hash and locks it and its session (FOR UPDATE), so that
/// concurrent refreshes with the same token are serialised.
common::Result<std::optional<RefreshTokenRecord>> lockRefreshToken(
        db::Connection &c, const QByteArray &tokenHash);
common::Result<void> markRefreshTokenUsed(db::Connection &c, const QUuid &tokenId);
/// The token that replaced `parentId`: its id and whether it has been used itself.
common::Result<std::optional<std::pair<QUuid, bool>>> successorOf(
        db::Connection &c, const QUuid &parentId);
common::Result<std::optional<QUuid>> sessionOfRefreshToken(
        db::Connection &c, const QByteArray &tokenHash);

/// Stores a new single-use token (and makes older unused ones of the same purpose unusable).
common::Result<void> insertEmailToken(db::Connection &c, const QUuid &userId,
        EmailTokenPurpose purpose, const QByteArray &tokenHash, const QString &email,
        std::chrono::seconds lifetime);
/// Uses up a token: the user and address it was issued for, if it was valid.
common::Result<std::optional<std::pair<QUuid, QString>>> consumeEmailToken(
        db::Connection &c, EmailTokenPurpose purpose, const QByteArray &tokenHash);
/// Whether a token of this purpose was issued to the user within the last `window`.
common::Result<bool> emailTokenIssuedRecently(db::Connection &c, const QUuid &userId,
        EmailTokenPurpose purpose, std::chrono::seconds window);

} // namespace repository

} // namespace influence::server::auth
