// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SocialProvider.h"
#include "common/Result.h"
#include "core/crypto/TokenCipher.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}

/// A connected account's platform tokens, encrypted at rest (social_credentials): what a connect
/// stores and what the sync opens, renews and stores again.
namespace influence::server::social {

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

/// What the tokens of `accountId` are bound to (associated data of the encryption), so that a
/// token copied into another account's row does not decrypt.
QByteArray associatedData(const QUuid &accountId, QByteArrayView field);

/// The tokens in clear; fails for a key that is no longer configured or a tampered value.
common::Result<TokenSet> openCredentials(
        const crypto::TokenCipher &cipher, const SealedCredentials &sealed);

/// Creates or replaces the account's credentials, sealed with the cipher's current key; expiry
/// times count from now, and a claim on the account ends. One statement: part of the caller's
/// transaction, or a transaction of its own.
common::Result<void> saveCredentials(db::Connection &c, const QUuid &accountId,
        const crypto::TokenCipher &cipher, const TokenSet &tokens);

} // namespace influence::server::social
