// SPDX-License-Identifier: Apache-2.0
#include "SignIns.h"

#include "auth/Accounts.h"
#include "common/Validation.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"

#include <QSqlQuery>

#include <chrono>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::UserAccount;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::oidc::signins {

namespace {

constexpr std::chrono::seconds kStateLifetime{10 * 60};
/// A native app's code is exchanged by the app itself right after the redirect (RFC 6749
/// §4.1.2 recommends at most 10 minutes; the app needs seconds).
constexpr std::chrono::seconds kCodeLifetime{60};

// Expired states are swept by the inserts (the index on expires_at keeps that cheap); an hour
// of grace keeps "expired" distinguishable from "unknown" in the callback's answer.
const SqlStatement kInsertState(
        u"WITH swept AS (DELETE FROM auth_oidc_states WHERE expires_at < now() - interval '1 "
        u"hour') "
        "INSERT INTO auth_oidc_states (state_hash, provider, code_verifier, nonce, role, "
        "                              return_to, app_code_challenge, app_state, expires_at) "
        "VALUES (:hash, :provider, :verifier, :nonce, :role, NULLIF(:return_to, ''), "
        "        NULLIF(:challenge, ''), NULLIF(:app_state, ''), "
        "        now() + make_interval(secs => :seconds))"_s);
const SqlStatement kConsumeState(
        u"DELETE FROM auth_oidc_states WHERE state_hash = :hash "
        "RETURNING provider, code_verifier, nonce, role, coalesce(return_to, ''), "
        "          expires_at <= now(), coalesce(app_code_challenge, ''), "
        "          coalesce(app_state, '')"_s);
// Codes live 60 s; like the states, they are swept by the inserts after an hour of grace.
const SqlStatement kInsertCode(
        u"WITH swept AS (DELETE FROM auth_oidc_codes WHERE expires_at < now() - interval '1 "
        u"hour') "
        "INSERT INTO auth_oidc_codes (code_hash, code_challenge, user_id, expires_at) "
        "VALUES (:hash, :challenge, :user, now() + make_interval(secs => :seconds))"_s);
const SqlStatement kConsumeCode(u"DELETE FROM auth_oidc_codes WHERE code_hash = :hash "
                                "RETURNING code_challenge, user_id, expires_at <= now()"_s);
// Records this sign-in (last_login_at and the e-mail claims as the provider sees them now).
const SqlStatement kTouchIdentity(
        u"UPDATE auth_oidc_identities SET last_login_at = now(), email = NULLIF(:email, ''), "
        "       email_verified = :verified "
        "WHERE issuer = :issuer AND subject = :subject RETURNING user_id"_s);
const SqlStatement kInsertIdentity(
        u"INSERT INTO auth_oidc_identities (user_id, issuer, subject, email, email_verified) "
        "VALUES (:user, :issuer, :subject, NULLIF(:email, ''), :verified)"_s);

QByteArray hashOf(const QString &secret)
{
    return crypto::sha256(secret.toUtf8());
}

Result<void> done(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

Error badCode(const QString &detail)
{
    return Error::make(ErrorCode::InvalidAuthorizationCode, detail);
}

Error disabled()
{
    return Error::make(ErrorCode::AccountDisabled, u"This account has been disabled."_s);
}

/// A unique violation while linking or creating: another sign-in of the same identity (or
/// address) committed first.
Error lostRace()
{
    return Error::make(ErrorCode::Conflict, u"A concurrent sign-in created this account."_s);
}

bool isUniqueViolation(const Connection &c)
{
    return c.lastFailure() && c.lastFailure()->kind == db::DbErrorKind::UniqueViolation;
}

Result<UserAccount> active(const UserAccount &account)
{
    if (account.status != common::UserStatus::Active) {
        return disabled();
    }
    return account;
}

/// The user linked to the identity, after recording this sign-in.
Result<std::optional<QUuid>> touchIdentity(Connection &tx, const jose::IdTokenClaims &identity)
{
    const auto id = tx.scalar(kTouchIdentity,
            {{u":email"_s, identity.email}, {u":verified"_s, identity.emailVerified},
                    {u":issuer"_s, identity.issuer}, {u":subject"_s, identity.subject}});
    if (!id) {
        return id.error();
    }
    if (id->isNull()) {
        return std::optional<QUuid>();
    }
    return std::optional<QUuid>(QUuid::fromString(id->toString()));
}

/// Links the identity to a user; a unique violation when it was linked meanwhile.
Result<void> insertIdentity(
        Connection &tx, const QUuid &userId, const jose::IdTokenClaims &identity)
{
    return done(tx.run(kInsertIdentity,
            {{u":user"_s, userId.toString(QUuid::WithoutBraces)}, {u":issuer"_s, identity.issuer},
                    {u":subject"_s, identity.subject}, {u":email"_s, identity.email},
                    {u":verified"_s, identity.emailVerified}}));
}

Result<UserAccount> linkExisting(Connection &tx, const UserAccount &account,
        const jose::IdTokenClaims &identity, const QString &providerName)
{
    if (!identity.emailVerified) {
        return Error::make(ErrorCode::OidcAccountExists,
                u"An account with this e-mail address exists, and %1 does not confirm that the "
                "address is yours, so the two were not linked. Sign in with your password."_s.arg(
                        providerName));
    }
    if (!account.emailVerified) {
        return Error::make(ErrorCode::OidcAccountExists,
                u"An account with this e-mail address exists but its address was never "
                "confirmed. Confirm it (or reset the password) first, then sign in with %1 "
                "to link the two."_s.arg(providerName));
    }
    if (account.status != common::UserStatus::Active) {
        return disabled();
    }
    if (auto linked = insertIdentity(tx, account.id, identity); !linked) {
        return isUniqueViolation(tx) ? lostRace() : linked.error();
    }
    return account;
}

Result<UserAccount> resolveOnce(Connection &tx, const jose::IdTokenClaims &identity,
        common::UserRole role, const QString &providerName)
{
    const auto linked = touchIdentity(tx, identity);
    if (!linked) {
        return linked.error();
    }
    if (*linked) {
        const auto user = auth::accounts::findById(tx, **linked);
        if (!user) {
            return user.error();
        }
        if (!*user) {
            return Error::internal(); // the foreign key makes this impossible
        }
        return active((*user)->account);
    }
    if (!common::validation::isEmailAddress(identity.email)) {
        return Error::make(ErrorCode::OidcFailed,
                u"%1 did not share an e-mail address, which a new account needs (scope \"email\")."_s
                        .arg(providerName));
    }
    const auto existing = auth::accounts::findByEmail(tx, identity.email);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return linkExisting(tx, (*existing)->account, identity, providerName);
    }
    auth::NewAccount account;
    account.email = identity.email;
    account.role = role;
    account.displayName = identity.name;
    account.address = identity.emailVerified ? auth::EmailAddress::Confirmed
                                             : auth::EmailAddress::Unconfirmed;
    const auto created = auth::accounts::insert(tx, account);
    if (!created) {
        return created.error().code == ErrorCode::EmailTaken ? lostRace() : created.error();
    }
    if (auto inserted = insertIdentity(tx, created->account.id, identity); !inserted) {
        return isUniqueViolation(tx) ? lostRace() : inserted.error();
    }
    return created->account;
}

} // namespace

Result<void> begin(Connection &c, const QString &state, const PendingSignIn &pending)
{
    return done(c.run(kInsertState,
            {{u":hash"_s, hashOf(state)}, {u":provider"_s, pending.provider},
                    {u":verifier"_s, pending.codeVerifier}, {u":nonce"_s, pending.nonce},
                    {u":role"_s, common::wireName(pending.role)},
                    {u":return_to"_s, pending.returnTo}, {u":challenge"_s, pending.appChallenge},
                    {u":app_state"_s, pending.appState},
                    {u":seconds"_s, static_cast<int>(kStateLifetime.count())}}));
}

Result<std::optional<PendingSignIn>> take(Connection &c, const QString &state)
{
    auto query = c.run(kConsumeState, {{u":hash"_s, hashOf(state)}});
    if (!query) {
        return query.error();
    }
    std::optional<PendingSignIn> pending;
    if ((*query)->next()) {
        const QSqlQuery &q = **query;
        PendingSignIn p;
        p.provider = q.value(0).toString();
        p.codeVerifier = q.value(1).toString();
        p.nonce = q.value(2).toString();
        p.role = common::userRoleFromString(q.value(3).toString())
                         .value_or(common::UserRole::Influencer);
        p.returnTo = q.value(4).toString();
        p.expired = q.value(5).toBool();
        p.appChallenge = q.value(6).toString();
        p.appState = q.value(7).toString();
        pending = p;
    }
    (*query)->finish();
    return pending;
}

Result<QString> issueCode(Connection &c, const UserAccount &account, const QString &challenge)
{
    QString code = crypto::randomToken();
    if (auto stored = done(c.run(kInsertCode,
                {{u":hash"_s, hashOf(code)}, {u":challenge"_s, challenge},
                        {u":user"_s, account.id.toString(QUuid::WithoutBraces)},
                        {u":seconds"_s, static_cast<int>(kCodeLifetime.count())}}));
            !stored) {
        return stored.error();
    }
    return code;
}

Result<UserAccount> redeemCode(Connection &c, const common::NativeExchange &exchange)
{
    // The code is used up first, whatever follows.
    auto query = c.run(kConsumeCode, {{u":hash"_s, hashOf(exchange.code)}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        (*query)->finish();
        return badCode(u"The authorization code is unknown or was used already; sign in again."_s);
    }
    const QString challenge = (*query)->value(0).toString();
    const QUuid userId = QUuid::fromString((*query)->value(1).toString());
    const bool expired = (*query)->value(2).toBool();
    (*query)->finish();
    if (expired) {
        return badCode(u"The authorization code has expired; sign in again."_s);
    }
    // RFC 7636 §4.6.
    if (!crypto::constantTimeEquals(
                crypto::pkceChallenge(exchange.codeVerifier).toLatin1(), challenge.toLatin1())) {
        return badCode(u"The code verifier does not match the code challenge; sign in again."_s);
    }
    const auto user = auth::accounts::findById(c, userId);
    if (!user) {
        return user.error();
    }
    if (!*user) {
        return badCode(u"The account of this sign-in no longer exists."_s);
    }
    if ((*user)->account.status != common::UserStatus::Active) {
        return disabled();
    }
    return (*user)->account;
}

Result<UserAccount> resolveAccount(Connection &c, const jose::IdTokenClaims &identity,
        common::UserRole role, const QString &providerName)
{
    Result<UserAccount> result = Error::internal();
    for (int attempt = 0; attempt < 2; ++attempt) {
        result = db::inTransaction(c, [&](Connection &tx) {
            return resolveOnce(tx, identity, role, providerName);
        });
        if (result || result.error().code != ErrorCode::Conflict) {
            break;
        }
    }
    return result;
}

} // namespace influence::server::oidc::signins
