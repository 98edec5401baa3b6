// SPDX-License-Identifier: Apache-2.0
#include "Sessions.h"

#include "Accounts.h"
#include "core/crypto/TokenService.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/db/UserRows.h"
#include "core/http/Principal.h"

#include <QDateTime>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::UserAccount;
using influence::server::crypto::TokenService;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::auth::sessions {

namespace {

const SqlStatement kInsertSession(
        u"INSERT INTO auth_sessions (user_id, expires_at, user_agent, client_ip) "
        "VALUES (:user, now() + make_interval(days => :days), NULLIF(:agent, ''), "
        "        CAST(NULLIF(:ip, '') AS inet)) RETURNING id"_s);
const SqlStatement kTouchSession(
        u"UPDATE auth_sessions SET last_refreshed_at = now() WHERE id = :id"_s);
const SqlStatement kRevokeSession(
        u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = :reason "
        "WHERE id = :id AND revoked_at IS NULL"_s);
const SqlStatement kRevokeUserSessions(
        u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = :reason "
        "WHERE user_id = :user AND revoked_at IS NULL "
        "  AND (NULLIF(:keep, '') IS NULL OR id <> CAST(NULLIF(:keep, '') AS uuid))"_s);

const SqlStatement kInsertRefresh(
        u"INSERT INTO auth_refresh_tokens (id, session_id, token_hash, parent_id, expires_at) "
        "SELECT :id, s.id, :hash, CAST(NULLIF(:parent, '') AS uuid), "
        "       least(now() + make_interval(days => :days), s.expires_at) "
        "FROM auth_sessions s WHERE s.id = :session"_s);
// Locks the token and its session, so that concurrent refreshes with one token are serialised.
const SqlStatement kLockRefresh(
        u"SELECT t.id, t.session_id, t.used_at IS NOT NULL, "
        "       coalesce(t.used_at > now() - interval '10 seconds', false), "
        "       t.expires_at <= now(), s.revoked_at IS NOT NULL, s.expires_at <= now(), "_s
        + db::userAccountColumns()
        + u" FROM auth_refresh_tokens t "
          "JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id "
          "WHERE t.token_hash = :hash FOR UPDATE OF t, s"_s);
const SqlStatement kMarkUsed(u"UPDATE auth_refresh_tokens SET used_at = now() WHERE id = :id"_s);
const SqlStatement kSuccessor(
        u"SELECT id, used_at IS NOT NULL FROM auth_refresh_tokens WHERE parent_id = :id"_s);
const SqlStatement kSessionOfRefresh(
        u"SELECT session_id FROM auth_refresh_tokens WHERE token_hash = :hash"_s);

const SqlStatement kLockedUntil(
        u"SELECT ceil(extract(epoch FROM locked_until - now()))::int FROM auth_login_failures "
        "WHERE email_key = :key AND locked_until > now() FOR UPDATE"_s);
// A day without failures forgets the earlier ones. From the threshold on, each failure doubles
// the lock: 1 s, 2 s, 4 s … capped at 15 minutes.
const SqlStatement kCountFailure(
        u"INSERT INTO auth_login_failures AS f (email_key, failures, last_failure_at) "
        "VALUES (:key, 1, now()) "
        "ON CONFLICT (email_key) DO UPDATE SET "
        "  failures = CASE WHEN f.last_failure_at < now() - interval '1 day' THEN 1 "
        "                  ELSE f.failures + 1 END, "
        "  last_failure_at = now() "
        "RETURNING failures"_s);
const SqlStatement kLock(u"UPDATE auth_login_failures SET locked_until = now() + "
                         "  least(interval '15 minutes', make_interval(secs => :seconds)) "
                         "WHERE email_key = :key"_s);
const SqlStatement kClearFailures(u"DELETE FROM auth_login_failures WHERE email_key = :key"_s);

/// A refresh token looked up (and locked) for rotation.
struct RefreshTokenRow
{
    QUuid id;
    QUuid sessionId;
    bool used = false;
    bool usedWithinGrace = false; ///< used less than a few seconds ago (a concurrent refresh)
    bool expired = false;
    bool sessionRevoked = false;
    bool sessionExpired = false;
    UserAccount account;
};

Error invalidRefreshToken()
{
    return Error::make(ErrorCode::InvalidRefreshToken,
            u"The refresh token is not valid (expired, signed out or already used); sign in again."_s);
}

QString reasonName(RevokeReason reason)
{
    switch (reason) {
    case RevokeReason::Logout: return u"logout"_s;
    case RevokeReason::LogoutAll: return u"logout_all"_s;
    case RevokeReason::PasswordChanged: return u"password_changed"_s;
    case RevokeReason::PasswordReset: return u"password_reset"_s;
    case RevokeReason::ReuseDetected: return u"reuse_detected"_s;
    case RevokeReason::Disabled: return u"disabled"_s;
    }
    return u"logout"_s;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString uuidOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : uuidText(id);
}

Result<void> done(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

/// The key an e-mail address is counted under by the lockout (lower case, trimmed).
QString emailKey(const QString &email)
{
    return email.trimmed().toLower().left(254);
}

Error tooManyFailures(int retryAfter)
{
    Error error = Error::make(ErrorCode::TooManyRequests,
            u"Too many failed sign-ins for this account; try again later."_s);
    error.retryAfterSeconds = qMax(1, retryAfter);
    return error;
}

/// Refuses while the address is locked, otherwise counts the attempt as failed in advance.
Result<void> reserveSignInAttempt(Connection &tx, const QString &key, int lockoutThreshold)
{
    const auto locked = tx.scalar(kLockedUntil, {{u":key"_s, key}});
    if (!locked) {
        return locked.error();
    }
    if (!locked->isNull()) {
        return tooManyFailures(locked->toInt());
    }
    const auto failures = tx.scalar(kCountFailure, {{u":key"_s, key}});
    if (!failures) {
        return failures.error();
    }
    const int count = failures->toInt();
    if (count >= lockoutThreshold) {
        const double seconds = std::pow(2.0, qMin(count - lockoutThreshold, 20));
        if (auto ok = tx.run(kLock, {{u":key"_s, key}, {u":seconds"_s, seconds}}); !ok) {
            return ok.error();
        }
    }
    return {};
}

Result<void> clearFailures(Connection &tx, const QString &key)
{
    auto ok = tx.run(kClearFailures, {{u":key"_s, key}});
    if (!ok) {
        return ok.error();
    }
    return {};
}

AuthTokens tokensFor(const TokenService &service, const UserAccount &account,
        const QUuid &sessionId, const QByteArray &refreshToken)
{
    AuthTokens tokens;
    tokens.accessToken = QString::fromLatin1(service.issueAccessToken(
            account.id, sessionId, account.role, QDateTime::currentDateTimeUtc()));
    tokens.refreshToken = QString::fromLatin1(refreshToken);
    tokens.expiresIn = static_cast<int>(service.accessTokenLifetime().count());
    tokens.user = account;
    return tokens;
}

Result<void> insertRefreshToken(Connection &tx, const QUuid &sessionId, const QByteArray &tokenHash,
        const QUuid &parentId, std::chrono::days idleLifetime)
{
    return done(tx.run(kInsertRefresh,
            {{u":id"_s, uuidText(QUuid::createUuid())}, {u":hash"_s, tokenHash},
                    {u":parent"_s, uuidOrEmpty(parentId)},
                    {u":days"_s, static_cast<int>(idleLifetime.count())},
                    {u":session"_s, uuidText(sessionId)}}));
}

Result<void> revokeSession(Connection &tx, const QUuid &sessionId, RevokeReason reason)
{
    return done(tx.run(
            kRevokeSession, {{u":reason"_s, reasonName(reason)}, {u":id"_s, uuidText(sessionId)}}));
}

Result<std::optional<RefreshTokenRow>> lockRefreshToken(Connection &tx, const QByteArray &hash)
{
    auto query = tx.run(kLockRefresh, {{u":hash"_s, hash}});
    if (!query) {
        return query.error();
    }
    std::optional<RefreshTokenRow> row;
    if ((*query)->next()) {
        const QSqlQuery &q = **query;
        RefreshTokenRow r;
        r.id = QUuid::fromString(q.value(0).toString());
        r.sessionId = QUuid::fromString(q.value(1).toString());
        r.used = q.value(2).toBool();
        r.usedWithinGrace = q.value(3).toBool();
        r.expired = q.value(4).toBool();
        r.sessionRevoked = q.value(5).toBool();
        r.sessionExpired = q.value(6).toBool();
        r.account = db::readAccount(q, 7);
        row = r;
    }
    (*query)->finish();
    return row;
}

/// The token that replaced `parentId`: its id and whether it has been used itself.
Result<std::optional<std::pair<QUuid, bool>>> successorOf(Connection &tx, const QUuid &parentId)
{
    auto query = tx.run(kSuccessor, {{u":id"_s, uuidText(parentId)}});
    if (!query) {
        return query.error();
    }
    std::optional<std::pair<QUuid, bool>> successor;
    if ((*query)->next()) {
        successor = std::pair{
                QUuid::fromString((*query)->value(0).toString()), (*query)->value(1).toBool()};
    }
    (*query)->finish();
    return successor;
}

/// A used refresh token presented again: the same successor for a concurrent refresh, nothing
/// (and the session revoked) for a replay.
Result<std::optional<AuthTokens>> reuseOf(Connection &tx, const TokenService &tokens,
        const RefreshTokenRow &token, const QByteArray &successor)
{
    // A concurrent refresh with the same token (used seconds ago, successor still unused) gets
    // the same successor; anything else is a replay of a stolen or leaked token, and the whole
    // session ends (RFC 9700 §4.14.2).
    auto next = successorOf(tx, token.id);
    if (!next) {
        return next.error();
    }
    if (token.usedWithinGrace && next->has_value() && !(*next)->second) {
        return std::optional(tokensFor(tokens, token.account, token.sessionId, successor));
    }
    if (auto ok = revokeSession(tx, token.sessionId, RevokeReason::ReuseDetected); !ok) {
        return ok.error();
    }
    return std::optional<AuthTokens>();
}

} // namespace

Result<AuthTokens> start(Connection &tx, const SessionSettings &settings,
        const TokenService &tokens, const UserAccount &account, const ClientInfo &client)
{
    const auto id = tx.scalar(kInsertSession,
            {{u":user"_s, uuidText(account.id)},
                    {u":days"_s, static_cast<int>(settings.refreshAbsoluteLifetime.count())},
                    {u":agent"_s, client.userAgent.left(512)},
                    {u":ip"_s, client.address.isNull() ? QString() : client.address.toString()}});
    if (!id) {
        return id.error();
    }
    const QUuid sessionId = QUuid::fromString(id->toString());
    const QByteArray refreshToken = tokens.newRefreshToken();
    if (auto ok = insertRefreshToken(tx, sessionId, TokenService::hashRefreshToken(refreshToken),
                {}, settings.refreshIdleLifetime);
            !ok) {
        return ok.error();
    }
    return tokensFor(tokens, account, sessionId, refreshToken);
}

Result<int> revokeAll(Connection &tx, const QUuid &userId, RevokeReason reason, const QUuid &keep)
{
    auto query = tx.run(kRevokeUserSessions,
            {{u":reason"_s, reasonName(reason)}, {u":user"_s, uuidText(userId)},
                    {u":keep"_s, uuidOrEmpty(keep)}});
    if (!query) {
        return query.error();
    }
    const int affected = (*query)->numRowsAffected();
    (*query)->finish();
    return affected;
}

Result<SignInAttempt> beginSignIn(
        Connection &c, const SessionSettings &settings, const QString &email)
{
    SignInAttempt attempt;
    attempt.emailKey = emailKey(email);
    return db::inTransaction(c, [&](Connection &tx) -> Result<SignInAttempt> {
        if (auto ok = reserveSignInAttempt(tx, attempt.emailKey, settings.lockoutThreshold); !ok) {
            return ok.error();
        }
        const auto user = accounts::findByEmail(tx, email);
        if (!user) {
            return user.error();
        }
        if (user->has_value()) {
            attempt.account = (*user)->account;
            attempt.passwordHash = (*user)->passwordHash;
            attempt.signInUnconfirmed = (*user)->signInUnconfirmed;
        }
        return attempt;
    });
}

Result<AuthTokens> completeSignIn(Connection &c, const SessionSettings &settings,
        const TokenService &tokens, const SignInAttempt &attempt, const QString &rehash,
        const ClientInfo &client)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<AuthTokens> {
        if (auto ok = clearFailures(tx, attempt.emailKey); !ok) {
            return ok.error();
        }
        const UserAccount &account = *attempt.account;
        if (account.status != common::UserStatus::Active) {
            return Error::make(ErrorCode::AccountDisabled,
                    u"This account is disabled; contact an administrator."_s);
        }
        if (!rehash.isEmpty()) {
            if (auto ok = accounts::setPasswordHash(tx, account.id, rehash); !ok) {
                return ok.error();
            }
        }
        return start(tx, settings, tokens, account, client);
    });
}

Result<AuthTokens> openSession(Connection &c, const SessionSettings &settings,
        const TokenService &tokens, const UserAccount &account, const ClientInfo &client)
{
    return db::inTransaction(c, [&](Connection &tx) {
        return start(tx, settings, tokens, account, client);
    });
}

Result<AuthTokens> refresh(Connection &c, const SessionSettings &settings,
        const TokenService &tokens, const QString &refreshToken)
{
    const QByteArray hash = TokenService::hashRefreshToken(refreshToken.toLatin1());
    // Nothing (but success) means a replay was detected and the session revoked: that must be
    // committed although the call fails.
    const auto rotated =
            db::inTransaction(c, [&](Connection &tx) -> Result<std::optional<AuthTokens>> {
                auto locked = lockRefreshToken(tx, hash);
                if (!locked) {
                    return locked.error();
                }
                if (!locked->has_value()) {
                    return invalidRefreshToken();
                }
                const RefreshTokenRow &token = **locked;
                if (token.sessionRevoked || token.sessionExpired || token.expired
                        || token.account.status != common::UserStatus::Active) {
                    return invalidRefreshToken();
                }
                const QByteArray successor = tokens.successorRefreshToken(token.id);
                if (token.used) {
                    return reuseOf(tx, tokens, token, successor);
                }
                if (auto ok = done(tx.run(kMarkUsed, {{u":id"_s, uuidText(token.id)}})); !ok) {
                    return ok.error();
                }
                if (auto ok = insertRefreshToken(tx, token.sessionId,
                            TokenService::hashRefreshToken(successor), token.id,
                            settings.refreshIdleLifetime);
                        !ok) {
                    return ok.error();
                }
                if (auto ok = done(tx.run(kTouchSession, {{u":id"_s, uuidText(token.sessionId)}}));
                        !ok) {
                    return ok.error();
                }
                return std::optional(tokensFor(tokens, token.account, token.sessionId, successor));
            });
    if (!rotated) {
        return rotated.error();
    }
    if (!rotated->has_value()) {
        return invalidRefreshToken();
    }
    return **rotated;
}

Result<void> logout(Connection &c, const QString &refreshToken)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto session = tx.scalar(kSessionOfRefresh,
                {{u":hash"_s, TokenService::hashRefreshToken(refreshToken.toLatin1())}});
        if (!session) {
            return session.error();
        }
        // An unknown token is not an error: signing out is idempotent and reveals nothing.
        if (session->isNull()) {
            return {};
        }
        return revokeSession(tx, QUuid::fromString(session->toString()), RevokeReason::Logout);
    });
}

Result<void> logoutEverywhere(Connection &c, const http::Principal &principal)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        auto revoked = revokeAll(tx, principal.userId(), RevokeReason::LogoutAll);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

} // namespace influence::server::auth::sessions
