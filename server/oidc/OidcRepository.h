// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Domain.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <chrono>
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
    /// one-time code of this server (NativeCode) instead of tokens.
    QString appChallenge;
    QString appState; ///< the app's own state, repeated to it (empty: none sent)
    bool expired = false;

    bool native() const { return !appChallenge.isEmpty(); }
};

/// A native app's one-time code as stored (auth_oidc_codes), once presented.
struct NativeCode
{
    QString challenge;
    QUuid userId;
    bool expired = false;
};

/// SQL for OpenID Connect sign-ins: pending states and linked identities. Callers own the
/// transactions.
namespace repository {

/// Stores a new state by its SHA-256 (the state itself only travels through the browser); also
/// clears states that expired long ago.
common::Result<void> insertState(db::Connection &c, const QByteArray &stateHash,
        const PendingSignIn &pending, std::chrono::seconds lifetime);

/// Removes the state and returns what it held: a state is used once, whatever happens next
/// (DELETE … RETURNING, so two callbacks with one state cannot both get it).
common::Result<std::optional<PendingSignIn>> consumeState(
        db::Connection &c, const QByteArray &stateHash);

/// Stores a native app's one-time code by its SHA-256 for `lifetime`; also clears codes that
/// expired long ago.
common::Result<void> insertCode(db::Connection &c, const QByteArray &codeHash,
        const QString &challenge, const QUuid &userId, std::chrono::seconds lifetime);

/// Removes the code and returns what it held: presented once, whatever the outcome (a wrong
/// verifier burns it too).
common::Result<std::optional<NativeCode>> consumeCode(
        db::Connection &c, const QByteArray &codeHash);

/// The user linked to (issuer, subject), after recording this sign-in (last_login_at and the
/// e-mail claims as the provider sees them now).
common::Result<std::optional<QUuid>> touchIdentity(db::Connection &c, const QString &issuer,
        const QString &subject, const QString &email, bool emailVerified);

/// Links (issuer, subject) to a user. 409 conflict if the identity was linked meanwhile.
common::Result<void> insertIdentity(db::Connection &c, const QUuid &userId, const QString &issuer,
        const QString &subject, const QString &email, bool emailVerified);

} // namespace repository

} // namespace influence::server::oidc
