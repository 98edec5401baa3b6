// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Jose.h"
#include "auth/AuthRepository.h"
#include "common/Domain.h"
#include "common/Result.h"

namespace influence::server::db {
class Connection;
}

namespace influence::server::oidc {

/// The account a verified identity signs in to, in one transaction (design.md: identity =
/// issuer + subject; no automatic linking on an unverified e-mail):
/// - the identity is linked already: that user;
/// - else a user has the ID token's e-mail address: linked when the provider says the address is
///   verified and the account's own address was confirmed too (otherwise someone who registered
///   the victim's address first, with a password of their own, would share the victim's account
///   after the link); else 409 oidc_account_exists and nothing changes;
/// - else a new user (role from the sign-in's start, e-mail verified as the provider says, no
///   password, display name from `name`) with the identity linked.
/// A disabled account is 403 account_disabled. Two first sign-ins of one identity at once end
/// with one user: the loser of the race runs again and finds the winner's link.
common::Result<auth::UserRecord> resolveAccount(db::Connection &c,
        const jose::IdTokenClaims &identity, common::UserRole role, const QString &providerName);

} // namespace influence::server::oidc
