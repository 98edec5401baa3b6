// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Recovery.h"
#include "Sessions.h"
#include "common/AuthApi.h"
#include "common/AuthTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

namespace influence::server::auth {

/// A user as signing in needs it.
struct UserRecord
{
    common::UserAccount account;
    QString passwordHash; ///< empty for accounts that only sign in with OpenID Connect
    /// Whether a password signs in before the address is confirmed (0019: accounts from before
    /// AUTH_REGISTRATION=confirm, or made under `immediate`).
    bool signInUnconfirmed = false;
};

/// Whether a new account's e-mail address counts as confirmed.
enum class EmailAddress {
    Unconfirmed, ///< a link is mailed to confirm it
    Confirmed, ///< vouched for: by the command line's operator, or by an OpenID provider
};

/// A new account.
struct NewAccount
{
    QString email;
    QString passwordHash; ///< empty: the account signs in only with OpenID Connect
    common::UserRole role = common::UserRole::Influencer;
    QString displayName;
    EmailAddress address = EmailAddress::Unconfirmed;
    /// Signs in with its password before the address is confirmed (AUTH_REGISTRATION=immediate).
    bool signInUnconfirmed = false;
};

/// Accounts (users): registration, the caller's password, and the administrators' directory.
/// Each operation runs its own transaction unless it says it runs inside the caller's.
namespace accounts {

/// Registration: the account, the e-mail that confirms its address and its first session, in
/// one transaction; 409 email_taken when the address (in any case) has an account.
common::Result<common::AuthTokens> registerAccount(db::Connection &c,
        const SessionSettings &sessions, const crypto::TokenService &tokens,
        const MailSettings &mail, const NewAccount &account, const ClientInfo &client);
/// Registration that tells nobody whether the address has an account (Registration::Confirm):
/// a new address gets its account, unconfirmed, and the e-mail that confirms it; the owner of a
/// taken address gets an e-mail saying someone tried, and nothing else changes. The same result
/// either way.
common::Result<void> requestRegistration(
        db::Connection &c, const MailSettings &mail, const NewAccount &account);
/// An account made on the command line (no session, no e-mail); 409 email_taken as above.
common::Result<common::UserAccount> create(db::Connection &c, const NewAccount &account);

/// The stored hash to check the caller's current password against (empty: none).
common::Result<QString> passwordHashOf(db::Connection &c, const http::Principal &principal);
/// Stores the new hash and ends the caller's other sessions.
common::Result<void> changePassword(
        db::Connection &c, const http::Principal &principal, const QString &newHash);

/// The user directory (administrators only), newest first and filtered (the text through
/// users_search_trgm_idx): {"items": [...], "nextCursor"}.
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &admin, const common::UserListQuery &query);
/// Administrators change a user's role or status; disabling ends the user's sessions at once.
/// The changed account as JSON.
common::Result<QByteArray> update(db::Connection &c, const http::Principal &admin,
        const QUuid &userId, const common::AdminUserUpdate &update);

/// The user with this address (compared case-insensitively). One statement: inside the
/// caller's transaction when there is one.
common::Result<std::optional<UserRecord>> findByEmail(db::Connection &c, const QString &email);
/// The user with this id; like findByEmail().
common::Result<std::optional<UserRecord>> findById(db::Connection &c, const QUuid &id);

/// Inside the caller's transaction: inserts the account; 409 email_taken when the address (in
/// any case) has one.
common::Result<UserRecord> insert(db::Connection &tx, const NewAccount &account);
/// Inside the caller's transaction: replaces the user's password hash.
common::Result<void> setPasswordHash(db::Connection &tx, const QUuid &userId, const QString &hash);

} // namespace accounts

} // namespace influence::server::auth
