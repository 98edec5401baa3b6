// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Domain.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <chrono>

namespace influence::server::crypto {

/// What a valid access token says.
struct AccessClaims
{
    QUuid userId;
    QUuid sessionId;
    common::UserRole role = common::UserRole::Influencer;
    QDateTime expiresAt;
};

/// Compact JWS with HMAC-SHA256 (RFC 7515, RFC 7519). Verification is pinned to HS256: the
/// header's "alg" must be exactly that and nothing in the header (kid, jku, jwk…) is used, so
/// "alg: none" and algorithm confusion are refused.
namespace jwt {
QByteArray signHs256(const QJsonObject &payload, QByteArrayView key);
/// The signature over "header.payload" as sent (for the RFC 7515 A.1 test vector).
QByteArray hs256Signature(QByteArrayView signingInput, QByteArrayView key);
/// The payload, when the token is well-formed, uses HS256 and its signature verifies.
common::Result<QJsonObject> verifyHs256(QByteArrayView token, QByteArrayView key);
} // namespace jwt

/// Issues and checks the platform's tokens: short-lived JWT access tokens and opaque refresh
/// tokens (stored only as SHA-256 hashes).
class TokenService
{
public:
    /// The token part of the configuration (JWT_SECRET, AUTH_AUDIENCE,
    /// ACCESS_TOKEN_TTL_SECONDS). The server settles the secret and the issuer when it starts.
    struct Settings
    {
        /// At least 32 bytes. Empty in the configuration: one generated once and kept in the
        /// data directory.
        QByteArray secret;
        QString issuer; ///< "iss": the server's public URL, with the port it listens on
        QString audience = QStringLiteral("influence-api"); ///< "aud"
        std::chrono::seconds accessTokenLifetime{600};
        std::chrono::seconds clockSkew{30};
    };

    explicit TokenService(Settings settings);

    QByteArray issueAccessToken(const QUuid &userId, const QUuid &sessionId, common::UserRole role,
            const QDateTime &now) const;
    /// 401 for anything but a well-formed, correctly signed, unexpired token for this issuer and
    /// audience.
    common::Result<AccessClaims> verifyAccessToken(
            QByteArrayView token, const QDateTime &now) const;

    /// A fresh refresh token: 32 random bytes, base64url.
    QByteArray newRefreshToken() const;
    /// The token that replaces refresh token `parentId` when it is used. Derived (HMAC with a key
    /// from the secret) rather than random, so that concurrent refreshes with the same token can
    /// all be given the same successor without storing it in clear.
    QByteArray successorRefreshToken(const QUuid &parentId) const;
    /// What is stored for a refresh token.
    static QByteArray hashRefreshToken(QByteArrayView token);

    std::chrono::seconds accessTokenLifetime() const { return m_settings.accessTokenLifetime; }

private:
    Settings m_settings;
    QByteArray m_refreshKey;
};

} // namespace influence::server::crypto
