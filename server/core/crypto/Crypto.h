// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace influence::server::crypto {

/// Cryptographically secure random bytes (OpenSSL RAND_bytes); aborts if the generator fails,
/// since nothing secure can be done without it.
QByteArray randomBytes(int count);

/// base64url without padding (RFC 4648 §5), as used by JWTs and opaque tokens.
QByteArray base64Url(QByteArrayView data);
/// Decodes base64url without padding; empty on malformed input (`ok` tells).
QByteArray fromBase64Url(QByteArrayView text, bool *ok = nullptr);

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

/// An opaque random token: 32 random bytes as base64url (43 characters), for OAuth states,
/// nonces and PKCE verifiers.
QString randomToken();
/// The PKCE S256 code challenge of a verifier: BASE64URL(SHA256(verifier)) (RFC 7636 §4.2).
QString pkceChallenge(const QString &verifier);

/// Compares in time independent of where the inputs differ (CRYPTO_memcmp).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace influence::server::crypto
