// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SocialProvider.h"
#include "common/Result.h"
#include "core/crypto/TokenCipher.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

/// Connecting a creator's account on a platform (OAuth 2.0 authorization code flow, RFC 6749
/// §4.1): the connect in progress between /connect and /callback (social_oauth_states: random,
/// stored by its SHA-256, used once, 10 minutes), and on the callback the account with its
/// encrypted tokens and first snapshot (connected_accounts, social_credentials,
/// account_metrics).
namespace influence::server::social::connections {

/// A started connect: the state for the consent page, and the PKCE verifier (RFC 7636) whose
/// challenge goes with it.
struct Started
{
    QString state;
    QString codeVerifier;
};

/// A connect in progress, as stored with its state.
struct PendingConnect
{
    QUuid userId;
    QString platform;
    QString codeVerifier;
};

/// Starts a connect of `platform` for the caller: 409 without an influencer profile. Stores a
/// fresh state (and clears the states that expired).
common::Result<Started> start(db::Connection &c, const http::Principal &p, const QString &platform);

/// Removes the state and returns the connect it belongs to; the state is gone whatever follows
/// (used once). 400 when it is unknown, used already, of another platform, or expired.
common::Result<PendingConnect> consume(
        db::Connection &c, const QString &state, const QString &platform);

/// Stores what the platform answered for the connect, in one transaction: the creator's account
/// for (platform, external id), updated when it exists (or when the creator listed the same
/// handle by hand) and created otherwise, its tokens sealed with `cipher`, and today's
/// snapshot. Answers the account as JSON (api_account_json); 409 when another creator connected
/// it.
common::Result<QByteArray> complete(db::Connection &c, const PendingConnect &pending,
        const AccountProfile &profile, const TokenSet &tokens, const crypto::TokenCipher &cipher);

} // namespace influence::server::social::connections
