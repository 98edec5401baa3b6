// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Credentials.h"
#include "SocialProvider.h"
#include "common/Result.h"
#include "core/crypto/TokenCipher.h"

#include <QList>
#include <QUuid>

#include <chrono>

namespace influence::server::db {
class Connection;
}

/// The background work on connected accounts: tokens renewed before they expire and once a day
/// a metric snapshot (account_metrics), the recent posts (posts, post_metrics) and the account's
/// engagement and growth from them. The platform calls happen outside any transaction, so an
/// account is claimed for a few minutes (a lease, social_credentials.claimed_until) rather than
/// locked while its platform answers.
namespace influence::server::social::sync {

/// Claims (SKIP LOCKED) connected accounts whose access token expires within `horizon` or
/// whose renewal is due.
common::Result<QList<SealedCredentials>> claimExpiring(
        db::Connection &c, std::chrono::seconds horizon, int limit);
/// Claims connected accounts without a snapshot or without posts read today (UTC).
common::Result<QList<SealedCredentials>> claimUnsynced(db::Connection &c, int limit);

/// Stores the tokens a renewal answered; the claim ends.
common::Result<void> storeRenewedTokens(db::Connection &c, const QUuid &accountId,
        const crypto::TokenCipher &cipher, const TokenSet &tokens);
/// Stores today's figures (recordSnapshot()), the recent posts the platform listed (`media`; none
/// when it could not be read) with today's totals, and the account's engagement rate and growth
/// computed from what is stored (refresh_account_figures, 0013_engagement.sql), in a transaction
/// of its own; then ends the claim whether that worked or not, so that a later round may try the
/// account again.
common::Result<void> storeSnapshot(db::Connection &c, const QUuid &accountId,
        const MetricSnapshot &metrics, const std::optional<MediaRound> &media);
/// The posts of `media` as store_platform_posts() takes them (a JSON array).
QByteArray mediaJson(const QList<MediaItem> &items);
/// Today's (UTC) snapshot, replacing an earlier one of the same day, and the account's
/// followers and last sync time, in the caller's transaction.
common::Result<void> recordSnapshot(
        db::Connection &c, const QUuid &accountId, const MetricSnapshot &metrics);
/// The platform refused the grant: the account stays, marked for the creator to connect again,
/// and the claim ends, in one transaction.
common::Result<void> markNeedsReconnect(db::Connection &c, const QUuid &accountId);

} // namespace influence::server::social::sync
