// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

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

/// Compares in time independent of where the inputs differ (CRYPTO_memcmp).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace influence::server::crypto
