// SPDX-License-Identifier: Apache-2.0
#include "OidcAccounts.h"

#include "OidcRepository.h"
#include "common/Validation.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::auth::UserRecord;

namespace influence::server::oidc {

namespace {

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

bool isUniqueViolation(const db::Connection &c)
{
    return c.lastFailure() && c.lastFailure()->kind == db::DbErrorKind::UniqueViolation;
}

Result<UserRecord> active(const UserRecord &user)
{
    if (user.account.status != common::UserStatus::Active) {
        return disabled();
    }
    return user;
}

Result<UserRecord> linkExisting(db::Connection &tx, const UserRecord &user,
        const jose::IdTokenClaims &identity, const QString &providerName)
{
    if (!identity.emailVerified) {
        return Error::make(ErrorCode::OidcAccountExists,
                u"An account with this e-mail address exists, and %1 does not confirm that the "
                "address is yours, so the two were not linked. Sign in with your password."_s.arg(
                        providerName));
    }
    if (!user.account.emailVerified) {
        return Error::make(ErrorCode::OidcAccountExists,
                u"An account with this e-mail address exists but its address was never "
                "confirmed. Confirm it (or reset the password) first, then sign in with %1 "
                "to link the two."_s.arg(providerName));
    }
    if (user.account.status != common::UserStatus::Active) {
        return disabled();
    }
    if (auto linked = repository::insertIdentity(tx, user.account.id, identity.issuer,
                identity.subject, identity.email, identity.emailVerified);
            !linked) {
        return isUniqueViolation(tx) ? lostRace() : linked.error();
    }
    return user;
}

Result<UserRecord> resolveOnce(db::Connection &tx, const jose::IdTokenClaims &identity,
        common::UserRole role, const QString &providerName)
{
    const auto linked = repository::touchIdentity(
            tx, identity.issuer, identity.subject, identity.email, identity.emailVerified);
    if (!linked) {
        return linked.error();
    }
    if (*linked) {
        const auto user = auth::repository::findUserById(tx, **linked);
        if (!user) {
            return user.error();
        }
        if (!*user) {
            return Error::internal(); // the foreign key makes this impossible
        }
        return active(**user);
    }
    if (!common::validation::isEmailAddress(identity.email)) {
        return Error::make(ErrorCode::OidcFailed,
                u"%1 did not share an e-mail address, which a new account needs (scope \"email\")."_s
                        .arg(providerName));
    }
    const auto existing = auth::repository::findUserByEmail(tx, identity.email);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return linkExisting(tx, **existing, identity, providerName);
    }
    auto created = auth::repository::insertUser(
            tx, identity.email, QString(), role, identity.name, identity.emailVerified);
    if (!created) {
        return created.error().code == ErrorCode::EmailTaken ? lostRace() : created.error();
    }
    if (auto inserted = repository::insertIdentity(tx, created->account.id, identity.issuer,
                identity.subject, identity.email, identity.emailVerified);
            !inserted) {
        return isUniqueViolation(tx) ? lostRace() : inserted.error();
    }
    return created;
}

} // namespace

Result<UserRecord> resolveAccount(db::Connection &c, const jose::IdTokenClaims &identity,
        common::UserRole role, const QString &providerName)
{
    Result<UserRecord> result = Error::internal();
    for (int attempt = 0; attempt < 2; ++attempt) {
        result = db::inTransaction(c, [&](db::Connection &tx) {
            return resolveOnce(tx, identity, role, providerName);
        });
        if (result || result.error().code != ErrorCode::Conflict) {
            break;
        }
    }
    return result;
}

} // namespace influence::server::oidc
