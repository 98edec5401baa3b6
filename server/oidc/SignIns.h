// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Jose.h"
#include "common/AuthApi.h"
#include "common/AuthTypes.h"
#include "common/Domain.h"
#include "common/Result.h"

#include <QString>

#include <optional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::oidc {

/// A sign-in in progress, as stored between start and callback (auth_oidc_states).
struct PendingSignIn
{
    QString provider;
    QString codeVerifier;
    QString nonce;
    common::UserRole role = common::UserRole::Influencer;
    QString returnTo; ///< empty: answer with JSON
    /// A native app's S256 code_challenge (RFC 7636): when set, the callback hands `returnTo` a
    /// one-time code of this server instead of tokens.
    QString appChallenge;
    QString appState; ///< the app's own state, repeated to it (empty: none sent)
    bool expired = false;

    bool native() const { return !appChallenge.isEmpty(); }
};

/// OpenID Connect sign-ins: the pending states between start and callback, a native app's
/// one-time codes (auth_oidc_codes), and the accounts identities sign in to
/// (auth_oidc_identities). States and codes are stored as SHA-256 only; each is good for one
/// try, whatever its outcome.
namespace signins {

/// Stores a new sign-in under `state` for 10 minutes; also clears states that expired long ago.
common::Result<void> begin(db::Connection &c, const QString &state, const PendingSignIn &pending);
/// Removes the sign-in stored under `state` and returns what it held (DELETE … RETURNING, so
/// that two callbacks with one state cannot both get it); nothing for an unknown state.
common::Result<std::optional<PendingSignIn>> take(db::Connection &c, const QString &state);

/// A one-time code for a native app's sign-in to `account`, stored with the app's challenge for
/// 60 seconds (the app exchanges it right after the redirect); also clears codes that expired
/// long ago.
common::Result<QString> issueCode(
        db::Connection &c, const common::UserAccount &account, const QString &challenge);
/// The account of a native app's code, used up first whatever follows: 400
/// invalid_authorization_code when it is unknown, used, expired, or the verifier does not match
/// its challenge (RFC 7636 §4.6); 403 account_disabled.
common::Result<common::UserAccount> redeemCode(
        db::Connection &c, const common::NativeExchange &exchange);

/// The account a verified identity signs in to, in one transaction (identity = issuer +
/// subject; no automatic linking on an unverified e-mail):
/// - the identity is linked already: that user;
/// - else a user has the ID token's e-mail address: linked when the provider says the address is
///   verified and the account's own address was confirmed too (otherwise someone who registered
///   the victim's address first, with a password of their own, would share the victim's account
///   after the link); else 409 oidc_account_exists and nothing changes;
/// - else a new user (role from the sign-in's start, e-mail verified as the provider says, no
///   password, display name from `name`) with the identity linked.
/// A disabled account is 403 account_disabled. Two first sign-ins of one identity at once end
/// with one user: the loser of the race runs again and finds the winner's link.
common::Result<common::UserAccount> resolveAccount(db::Connection &c,
        const jose::IdTokenClaims &identity, common::UserRole role, const QString &providerName);

} // namespace signins

} // namespace influence::server::oidc
