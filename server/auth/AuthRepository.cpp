// SPDX-License-Identifier: Apache-2.0
#include "AuthRepository.h"

#include "core/db/Connection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::UserRole;
using influence::common::UserStatus;

namespace influence::server::auth::repository {

namespace {

constexpr auto kUserColumns = "u.id, u.email, u.email_verified_at IS NOT NULL, u.role, u.status, "
                              "u.display_name, u.created_at, coalesce(u.password_hash, '')";

QString withUserColumns(const char *sql)
{
    return QString::fromLatin1(sql).replace(u"$USER"_s, QString::fromLatin1(kUserColumns));
}

const db::SqlStatement kFindByEmail(
        withUserColumns("SELECT $USER FROM users u WHERE lower(u.email) = lower(:email)"));
const db::SqlStatement kFindById(withUserColumns("SELECT $USER FROM users u WHERE u.id = :id"));
const db::SqlStatement kInsertUser(
        withUserColumns("WITH u AS (INSERT INTO users (email, password_hash, role, display_name, "
                        "email_verified_at) "
                        "VALUES (:email, NULLIF(:hash, ''), :role, coalesce(:name, ''), "
                        "        CASE WHEN :verified THEN now() END) RETURNING *) "
                        "SELECT $USER FROM u"));
const db::SqlStatement kUpdateHash(u"UPDATE users SET password_hash = :hash WHERE id = :id"_s);
const db::SqlStatement kUpdateAdmin(withUserColumns(
        "WITH u AS (UPDATE users SET role = coalesce(NULLIF(:role, ''), role), "
        "                            status = coalesce(NULLIF(:status, ''), status) "
        "           WHERE id = :id RETURNING *) "
        "SELECT $USER FROM u"));
const db::SqlStatement kVerifyEmail(
        u"UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) "
        "WHERE id = :id AND lower(email) = lower(:email)"_s);

const db::SqlStatement kInsertSession(
        u"INSERT INTO auth_sessions (user_id, expires_at, user_agent, client_ip) "
        "VALUES (:user, now() + make_interval(days => :days), NULLIF(:agent, ''), "
        "        CAST(NULLIF(:ip, '') AS inet)) RETURNING id"_s);
const db::SqlStatement kTouchSession(
        u"UPDATE auth_sessions SET last_refreshed_at = now() WHERE id = :id"_s);
const db::SqlStatement kRevokeSession(
        u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = :reason "
        "WHERE id = :id AND revoked_at IS NULL"_s);
const db::SqlStatement kRevokeUserSessions(
        u"UPDATE auth_sessions SET revoked_at = now(), revoked_reason = :reason "
        "WHERE user_id = :user AND revoked_at IS NULL "
        "  AND (NULLIF(:keep, '') IS NULL OR id <> CAST(NULLIF(:keep, '') AS uuid))"_s);

const db::SqlStatement kInsertRefresh(
        u"INSERT INTO auth_refresh_tokens (id, session_id, token_hash, parent_id, expires_at) "
        "SELECT :id, s.id, :hash, CAST(NULLIF(:parent, '') AS uuid), "
        "       least(now() + make_interval(days => :days), s.expires_at) "
        "FROM auth_sessions s WHERE s.id = :session"_s);
const db::SqlStatement kLockRefresh(withUserColumns(
        "SELECT t.id, t.session_id, t.used_at IS NOT NULL, "
        "       coalesce(t.used_at > now() - interval '10 seconds', false), "
        "       t.expires_at <= now(), s.revoked_at IS NOT NULL, s.expires_at <= now(), $USER "
        "FROM auth_refresh_tokens t "
        "JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id "
        "WHERE t.token_hash = :hash FOR UPDATE OF t, s"));
const db::SqlStatement kMarkUsed(
        u"UPDATE auth_refresh_tokens SET used_at = now() WHERE id = :id"_s);
const db::SqlStatement kSuccessor(
        u"SELECT id, used_at IS NOT NULL FROM auth_refresh_tokens WHERE parent_id = :id"_s);
const db::SqlStatement kSessionOfRefresh(
        u"SELECT session_id FROM auth_refresh_tokens WHERE token_hash = :hash"_s);

const db::SqlStatement kRetireEmailTokens(
        u"UPDATE auth_email_tokens SET used_at = now() "
        "WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL"_s);
const db::SqlStatement kInsertEmailToken(
        u"INSERT INTO auth_email_tokens (user_id, purpose, token_hash, email, expires_at) "
        "VALUES (:user, :purpose, :hash, :email, now() + make_interval(secs => :seconds))"_s);
const db::SqlStatement kConsumeEmailToken(
        u"UPDATE auth_email_tokens SET used_at = now() "
        "WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL "
        "  AND expires_at > now() RETURNING user_id, email"_s);
const db::SqlStatement kRecentEmailToken(
        u"SELECT EXISTS (SELECT 1 FROM auth_email_tokens WHERE user_id = :user "
        "  AND purpose = :purpose AND created_at > now() - make_interval(secs => :seconds))"_s);

QString purposeName(EmailTokenPurpose purpose)
{
    return purpose == EmailTokenPurpose::VerifyEmail ? u"verify_email"_s : u"reset_password"_s;
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

QString uuidOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

/// Reads the user columns starting at `first`.
UserRecord readUser(const QSqlQuery &q, int first)
{
    UserRecord user;
    user.account.id = QUuid::fromString(q.value(first).toString());
    user.account.email = q.value(first + 1).toString();
    user.account.emailVerified = q.value(first + 2).toBool();
    user.account.role = common::userRoleFromString(q.value(first + 3).toString())
                                .value_or(UserRole::Influencer);
    user.account.status = common::userStatusFromString(q.value(first + 4).toString())
                                  .value_or(UserStatus::Disabled);
    user.account.displayName = q.value(first + 5).toString();
    user.account.createdAt = q.value(first + 6).toDateTime().toUTC();
    user.passwordHash = q.value(first + 7).toString();
    return user;
}

Result<std::optional<UserRecord>> optionalUser(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    std::optional<UserRecord> user;
    if ((*query)->next()) {
        user = readUser(**query, 0);
    }
    (*query)->finish();
    return user;
}

Result<void> done(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

} // namespace

Result<std::optional<UserRecord>> findUserByEmail(db::Connection &c, const QString &email)
{
    return optionalUser(c.run(kFindByEmail, {{u":email"_s, email}}));
}

namespace {

/// `text` for a LIKE pattern: its wildcards and the escape character taken literally.
QString likeEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (ch == u'\\' || ch == u'%' || ch == u'_') {
            out += u'\\';
        }
        out += ch;
    }
    return out;
}

} // namespace

Result<UserPage> listUsers(db::Connection &c, const common::UserListQuery &query)
{
    // Fixed fragments chosen by which filters are present; every value is bound.
    QStringList where{u"TRUE"_s};
    QList<std::pair<QString, QVariant>> binds;
    if (!query.text.isEmpty()) {
        where << u"(lower(u.email) || ' ' || lower(u.display_name)) LIKE lower(:pattern)"_s;
        binds << std::pair(u":pattern"_s, QString(u'%' + likeEscaped(query.text) + u'%'));
    }
    if (query.role) {
        where << u"u.role = :role"_s;
        binds << std::pair(u":role"_s, common::wireName(*query.role));
    }
    if (query.status) {
        where << u"u.status = :status"_s;
        binds << std::pair(u":status"_s, common::wireName(*query.status));
    }
    if (query.after) {
        where << u"(u.created_at, u.id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid))"_s;
        binds << std::pair(u":afterTime"_s, query.after->first)
              << std::pair(u":afterId"_s, query.after->second.toString(QUuid::WithoutBraces));
    }
    const QString sql = withUserColumns("SELECT $USER, to_char(u.created_at AT TIME ZONE 'UTC', "
                                        "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM users u WHERE ")
            + where.join(u" AND "_s)
            + u" ORDER BY u.created_at DESC, u.id DESC LIMIT %1"_s.arg(query.limit + 1);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    UserPage page;
    QString lastTime;
    while ((*rows)->next()) {
        if (page.users.size() == query.limit) {
            page.next = std::pair(lastTime, page.users.last().id);
            break;
        }
        page.users.append(readUser(**rows, 0).account);
        lastTime = (*rows)->value(8).toString();
    }
    (*rows)->finish();
    return page;
}

Result<std::optional<UserRecord>> findUserById(db::Connection &c, const QUuid &id)
{
    return optionalUser(c.run(kFindById, {{u":id"_s, id.toString(QUuid::WithoutBraces)}}));
}

Result<UserRecord> insertUser(db::Connection &c, const QString &email, const QString &passwordHash,
        UserRole role, const QString &displayName, bool emailVerified)
{
    auto query = c.run(kInsertUser,
            {{u":email"_s, email}, {u":hash"_s, passwordHash}, {u":role"_s, common::wireName(role)},
                    {u":name"_s, displayName}, {u":verified"_s, emailVerified}});
    if (!query) {
        if (c.lastFailure() && c.lastFailure()->constraint == u"users_email_key"_s) {
            return Error::make(ErrorCode::EmailTaken,
                    u"An account with this e-mail address exists; sign in or reset the password."_s);
        }
        return query.error();
    }
    (*query)->next();
    UserRecord user = readUser(**query, 0);
    (*query)->finish();
    return user;
}

Result<void> updatePasswordHash(db::Connection &c, const QUuid &userId, const QString &hash)
{
    return done(c.run(
            kUpdateHash, {{u":hash"_s, hash}, {u":id"_s, userId.toString(QUuid::WithoutBraces)}}));
}

Result<std::optional<UserRecord>> updateUserAdmin(db::Connection &c, const QUuid &userId,
        std::optional<UserRole> role, std::optional<UserStatus> status)
{
    return optionalUser(c.run(kUpdateAdmin,
            {{u":role"_s, role ? common::wireName(*role) : QString()},
                    {u":status"_s, status ? common::wireName(*status) : QString()},
                    {u":id"_s, userId.toString(QUuid::WithoutBraces)}}));
}

Result<void> markEmailVerified(db::Connection &c, const QUuid &userId, const QString &email)
{
    return done(c.run(kVerifyEmail,
            {{u":id"_s, userId.toString(QUuid::WithoutBraces)}, {u":email"_s, email}}));
}

Result<QUuid> insertSession(db::Connection &c, const QUuid &userId,
        std::chrono::days absoluteLifetime, const QString &userAgent, const QHostAddress &client)
{
    const auto id = c.scalar(kInsertSession,
            {{u":user"_s, userId.toString(QUuid::WithoutBraces)},
                    {u":days"_s, static_cast<int>(absoluteLifetime.count())},
                    {u":agent"_s, userAgent.left(512)},
                    {u":ip"_s, client.isNull() ? QString() : client.toString()}});
    if (!id) {
        return id.error();
    }
    return QUuid::fromString(id->toString());
}

Result<void> touchSession(db::Connection &c, const QUuid &sessionId)
{
    return done(c.run(kTouchSession, {{u":id"_s, sessionId.toString(QUuid::WithoutBraces)}}));
}

Result<void> revokeSession(db::Connection &c, const QUuid &sessionId, RevokeReason reason)
{
    return done(c.run(kRevokeSession,
            {{u":reason"_s, reasonName(reason)},
                    {u":id"_s, sessionId.toString(QUuid::WithoutBraces)}}));
}

Result<int> revokeUserSessions(
        db::Connection &c, const QUuid &userId, RevokeReason reason, const QUuid &keep)
{
    auto query = c.run(kRevokeUserSessions,
            {{u":reason"_s, reasonName(reason)},
                    {u":user"_s, userId.toString(QUuid::WithoutBraces)},
                    {u":keep"_s, uuidOrEmpty(keep)}});
    if (!query) {
        return query.error();
    }
    const int affected = (*query)->numRowsAffected();
    (*query)->finish();
    return affected;
}

Result<void> insertRefreshToken(db::Connection &c, const QUuid &id, const QUuid &sessionId,
        const QByteArray &tokenHash, const QUuid &parentId, std::chrono::days idleLifetime)
{
    return done(c.run(kInsertRefresh,
            {{u":id"_s, id.toString(QUuid::WithoutBraces)}, {u":hash"_s, tokenHash},
                    {u":parent"_s, uuidOrEmpty(parentId)},
                    {u":days"_s, static_cast<int>(idleLifetime.count())},
                    {u":session"_s, sessionId.toString(QUuid::WithoutBraces)}}));
}

Result<std::optional<RefreshTokenRecord>> lockRefreshToken(
        db::Connection &c, const QByteArray &tokenHash)
{
    auto query = c.run(kLockRefresh, {{u":hash"_s, tokenHash}});
    if (!query) {
        return query.error();
    }
    std::optional<RefreshTokenRecord> record;
    if ((*query)->next()) {
        const QSqlQuery &q = **query;
        RefreshTokenRecord r;
        r.id = QUuid::fromString(q.value(0).toString());
        r.sessionId = QUuid::fromString(q.value(1).toString());
        r.used = q.value(2).toBool();
        r.usedWithinGrace = q.value(3).toBool();
        r.expired = q.value(4).toBool();
        r.sessionRevoked = q.value(5).toBool();
        r.sessionExpired = q.value(6).toBool();
        r.user = readUser(q, 7);
        record = r;
    }
    (*query)->finish();
    return record;
}

Result<void> markRefreshTokenUsed(db::Connection &c, const QUuid &tokenId)
{
    return done(c.run(kMarkUsed, {{u":id"_s, tokenId.toString(QUuid::WithoutBraces)}}));
}

Result<std::optional<std::pair<QUuid, bool>>> successorOf(db::Connection &c, const QUuid &parentId)
{
    auto query = c.run(kSuccessor, {{u":id"_s, parentId.toString(QUuid::WithoutBraces)}});
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

Result<std::optional<QUuid>> sessionOfRefreshToken(db::Connection &c, const QByteArray &tokenHash)
{
    const auto id = c.scalar(kSessionOfRefresh, {{u":hash"_s, tokenHash}});
    if (!id) {
        return id.error();
    }
    if (id->isNull()) {
        return std::optional<QUuid>();
    }
    return std::optional<QUuid>(QUuid::fromString(id->toString()));
}

Result<void> insertEmailToken(db::Connection &c, const QUuid &userId, EmailTokenPurpose purpose,
        const QByteArray &tokenHash, const QString &email, std::chrono::seconds lifetime)
{
    const QString user = userId.toString(QUuid::WithoutBraces);
    if (auto ok = done(c.run(
                kRetireEmailTokens, {{u":user"_s, user}, {u":purpose"_s, purposeName(purpose)}}));
            !ok) {
        return ok;
    }
    return done(c.run(kInsertEmailToken,
            {{u":user"_s, user}, {u":purpose"_s, purposeName(purpose)}, {u":hash"_s, tokenHash},
                    {u":email"_s, email}, {u":seconds"_s, static_cast<int>(lifetime.count())}}));
}

Result<std::optional<std::pair<QUuid, QString>>> consumeEmailToken(
        db::Connection &c, EmailTokenPurpose purpose, const QByteArray &tokenHash)
{
    auto query = c.run(
            kConsumeEmailToken, {{u":hash"_s, tokenHash}, {u":purpose"_s, purposeName(purpose)}});
    if (!query) {
        return query.error();
    }
    std::optional<std::pair<QUuid, QString>> result;
    if ((*query)->next()) {
        result = std::pair{
                QUuid::fromString((*query)->value(0).toString()), (*query)->value(1).toString()};
    }
    (*query)->finish();
    return result;
}

Result<bool> emailTokenIssuedRecently(db::Connection &c, const QUuid &userId,
        EmailTokenPurpose purpose, std::chrono::seconds window)
{
    const auto recent = c.scalar(kRecentEmailToken,
            {{u":user"_s, userId.toString(QUuid::WithoutBraces)},
                    {u":purpose"_s, purposeName(purpose)},
                    {u":seconds"_s, static_cast<int>(window.count())}});
    if (!recent) {
        return recent.error();
    }
    return recent->toBool();
}

} // namespace influence::server::auth::repository
