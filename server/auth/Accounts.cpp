// SPDX-License-Identifier: Apache-2.0
#include "Accounts.h"

#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/db/UserRows.h"
#include "core/http/Principal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::AuthTokens;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::UserAccount;
using influence::common::UserRole;
using influence::common::UserStatus;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::auth::accounts {

namespace {

/// A user's account, its password hash (empty when there is none) and whether it may sign in
/// with it before its address is confirmed (0019).
const QString kUserColumns =
        db::userAccountColumns() + u", coalesce(u.password_hash, ''), u.unconfirmed_sign_in"_s;

const SqlStatement kFindByEmail(
        u"SELECT "_s + kUserColumns + u" FROM users u WHERE lower(u.email) = lower(:email)"_s);
const SqlStatement kFindById(u"SELECT "_s + kUserColumns + u" FROM users u WHERE u.id = :id"_s);
const SqlStatement kInsert(u"WITH u AS (INSERT INTO users (email, password_hash, role, "
                           "display_name, email_verified_at, unconfirmed_sign_in) "
                           "VALUES (:email, NULLIF(:hash, ''), :role, coalesce(:name, ''), "
                           "        CASE WHEN :verified THEN now() END, :early) RETURNING *) "
                           "SELECT "_s
        + kUserColumns + u" FROM u"_s);
const SqlStatement kUpdateHash(u"UPDATE users SET password_hash = :hash WHERE id = :id"_s);
const SqlStatement kUpdateAdmin(
        u"WITH u AS (UPDATE users SET role = coalesce(NULLIF(:role, ''), role), "
        "                            status = coalesce(NULLIF(:status, ''), status) "
        "           WHERE id = :id RETURNING *) "
        "SELECT "_s
        + kUserColumns + u" FROM u"_s);

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

UserRecord readUser(const QSqlQuery &q)
{
    return {db::readAccount(q, 0), q.value(db::kUserAccountColumnCount).toString(),
            q.value(db::kUserAccountColumnCount + 1).toBool()};
}

Result<std::optional<UserRecord>> optionalUser(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    std::optional<UserRecord> user;
    if ((*query)->next()) {
        user = readUser(**query);
    }
    (*query)->finish();
    return user;
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

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

/// The cursor of the page after `last`: base64url JSON {"t": creation time, "id": uuid}, which
/// common::auth::validateUserListQuery() reads back.
QString nextCursor(const QString &lastTime, const QUuid &lastId)
{
    const QJsonObject cursor{{u"t"_s, lastTime}, {u"id"_s, uuidText(lastId)}};
    return QString::fromLatin1(compact(cursor).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Result<std::optional<UserRecord>> findByEmail(Connection &c, const QString &email)
{
    return optionalUser(c.run(kFindByEmail, {{u":email"_s, email}}));
}

Result<std::optional<UserRecord>> findById(Connection &c, const QUuid &id)
{
    return optionalUser(c.run(kFindById, {{u":id"_s, uuidText(id)}}));
}

Result<UserRecord> insert(Connection &tx, const NewAccount &account)
{
    auto query = tx.run(kInsert,
            {{u":email"_s, account.email}, {u":hash"_s, account.passwordHash},
                    {u":role"_s, common::wireName(account.role)}, {u":name"_s, account.displayName},
                    {u":verified"_s, account.address == EmailAddress::Confirmed},
                    {u":early"_s, account.signInUnconfirmed}});
    if (!query) {
        if (tx.lastFailure() && tx.lastFailure()->constraint == u"users_email_key"_s) {
            return Error::make(ErrorCode::EmailTaken,
                    u"An account with this e-mail address exists; sign in or reset the password."_s);
        }
        return query.error();
    }
    (*query)->next();
    UserRecord user = readUser(**query);
    (*query)->finish();
    return user;
}

Result<void> setPasswordHash(Connection &tx, const QUuid &userId, const QString &hash)
{
    auto query = tx.run(kUpdateHash, {{u":hash"_s, hash}, {u":id"_s, uuidText(userId)}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

Result<AuthTokens> registerAccount(Connection &c, const SessionSettings &sessions,
        const crypto::TokenService &tokens, const MailSettings &mail, const NewAccount &account,
        const ClientInfo &client)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<AuthTokens> {
        const auto user = insert(tx, account);
        if (!user) {
            return user.error();
        }
        if (auto ok = recovery::sendVerification(tx, mail, user->account); !ok) {
            return ok.error();
        }
        return sessions::start(tx, sessions, tokens, user->account, client);
    });
}

Result<void> requestRegistration(Connection &c, const MailSettings &mail, const NewAccount &account)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto existing = findByEmail(tx, account.email);
        if (!existing) {
            return existing.error();
        }
        if (existing->has_value()) {
            return recovery::sendRegistrationAttempt(tx, mail, (*existing)->account);
        }
        const auto user = insert(tx, account);
        if (!user) {
            // Registered a moment ago by a concurrent request: answered as any other.
            return user.error().code == ErrorCode::EmailTaken ? Result<void>() : user.error();
        }
        return recovery::sendVerification(tx, mail, user->account);
    });
}

Result<UserAccount> create(Connection &c, const NewAccount &account)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<UserAccount> {
        const auto user = insert(tx, account);
        if (!user) {
            return user.error();
        }
        return user->account;
    });
}

Result<QString> passwordHashOf(Connection &c, const http::Principal &principal)
{
    const auto user = findById(c, principal.userId());
    if (!user) {
        return user.error();
    }
    if (!user->has_value()) {
        return Error::make(ErrorCode::Unauthorized, u"The account no longer exists."_s);
    }
    return (*user)->passwordHash;
}

Result<void> changePassword(Connection &c, const http::Principal &principal, const QString &newHash)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        if (auto ok = setPasswordHash(tx, principal.userId(), newHash); !ok) {
            return ok;
        }
        auto revoked = sessions::revokeAll(
                tx, principal.userId(), RevokeReason::PasswordChanged, principal.sessionId);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

Result<QByteArray> list(
        Connection &c, const http::Principal &admin, const common::UserListQuery &query)
{
    if (!admin.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators may list accounts."_s);
    }
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
              << std::pair(u":afterId"_s, uuidText(query.after->second));
    }
    const QString sql = u"SELECT "_s + db::userAccountColumns()
            + u", to_char(u.created_at AT TIME ZONE 'UTC', "
              "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM users u WHERE "_s
            + where.join(u" AND "_s)
            + u" ORDER BY u.created_at DESC, u.id DESC LIMIT %1"_s.arg(query.limit + 1);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QJsonArray items;
    QJsonValue next;
    QString lastTime;
    QUuid lastId;
    while ((*rows)->next()) {
        if (items.size() == query.limit) {
            next = nextCursor(lastTime, lastId);
            break;
        }
        const UserAccount account = db::readAccount(**rows, 0);
        items.append(account.toJson());
        lastTime = (*rows)->value(db::kUserAccountColumnCount).toString();
        lastId = account.id;
    }
    (*rows)->finish();
    return compact({{u"items"_s, items}, {u"nextCursor"_s, next}});
}

Result<QByteArray> update(Connection &c, const http::Principal &admin, const QUuid &userId,
        const common::AdminUserUpdate &update)
{
    if (!admin.isAdmin()) {
        return Error::make(ErrorCode::Forbidden, u"Only administrators may change accounts."_s);
    }
    if (userId == admin.userId()
            && (update.status == UserStatus::Disabled
                    || (update.role && *update.role != UserRole::Admin))) {
        return Error::make(ErrorCode::Conflict,
                u"Administrators cannot disable or demote themselves; ask another administrator."_s);
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto updated = optionalUser(tx.run(kUpdateAdmin,
                {{u":role"_s, update.role ? common::wireName(*update.role) : QString()},
                        {u":status"_s,
                                update.status ? common::wireName(*update.status) : QString()},
                        {u":id"_s, uuidText(userId)}}));
        if (!updated) {
            return updated.error();
        }
        if (!updated->has_value()) {
            return Error::notFound(u"No such user."_s);
        }
        if (update.status == UserStatus::Disabled) {
            auto revoked = sessions::revokeAll(tx, userId, RevokeReason::Disabled);
            if (!revoked) {
                return revoked.error();
            }
        }
        return compact((*updated)->account.toJson());
    });
}

} // namespace influence::server::auth::accounts
