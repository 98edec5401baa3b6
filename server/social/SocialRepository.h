// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SocialProvider.h"
#include "common/Result.h"
#include "core/crypto/TokenCipher.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <chrono>
#include <optional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::social {

/// A connect in progress, as stored between /connect and /callback (social_oauth_states).
struct PendingConnect
{
    QUuid userId;
    QString platform;
    QString codeVerifier;
    bool expired = false;
};

/// Stored tokens of one account, still encrypted.
struct SealedCredentials
{
    QUuid accountId;
    QString platform;
    QString keyId;
    QByteArray accessToken;
    QByteArray refreshToken; ///< empty: none
    std::optional<QDateTime> refreshExpiresAt;
    QString scopes;
};

/// SQL for connecting accounts: OAuth states, encrypted credentials, snapshots. Callers own the
/// transactions.
namespace repository {

/// Stores a state by its SHA-256; also clears states that expired.
common::Result<void> insertState(db::Connection &c, const QByteArray &stateHash,
        const PendingConnect &pending, std::chrono::seconds lifetime);
/// Removes the state and returns what it held (DELETE … RETURNING: used once, whatever follows).
common::Result<std::optional<PendingConnect>> consumeState(
        db::Connection &c, const QByteArray &stateHash);

common::Result<bool> hasInfluencerProfile(db::Connection &c, const QUuid &userId);

/// The owner's account for (platform, external id): updated when it exists (or when the owner
/// listed the same handle by hand), created otherwise. 409 when another creator connected it.
common::Result<QUuid> upsertConnected(db::Connection &c, const QUuid &owner,
        const QString &platform, const AccountProfile &profile);

/// Creates or replaces the account's credentials; expiry times from now.
common::Result<void> saveCredentials(db::Connection &c, const QUuid &accountId,
        const crypto::TokenCipher &cipher, const TokenSet &tokens);

/// Today's (UTC) snapshot, replacing an earlier one of the same day, and the account's followers
/// and last sync time.
common::Result<void> storeSnapshot(
        db::Connection &c, const QUuid &accountId, const MetricSnapshot &metrics);

common::Result<QByteArray> accountJson(db::Connection &c, const QUuid &accountId);

/// Claims (for a few minutes, SKIP LOCKED) connected accounts whose access token expires within
/// `horizon`.
common::Result<QList<SealedCredentials>> claimExpiring(
        db::Connection &c, std::chrono::seconds horizon, int limit);
/// Claims connected accounts without a snapshot of today (UTC).
common::Result<QList<SealedCredentials>> claimUnsynced(db::Connection &c, int limit);
/// Lets another round try the account again (after a transient failure).
common::Result<void> releaseClaim(db::Connection &c, const QUuid &accountId);
/// The platform refused the grant: the account stays, marked for the creator to reconnect.
common::Result<void> markNeedsReconnect(db::Connection &c, const QUuid &accountId);

} // namespace repository

/// What the tokens of `accountId` are bound to (associated data of the encryption).
QByteArray associatedData(const QUuid &accountId, QByteArrayView field);

} // namespace influence::server::social
