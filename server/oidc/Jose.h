// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

namespace influence::server::oidc::jose {

/// The algorithms an ID token may be signed with (RFC 7518 §3.3, §3.4, §3.5), all with SHA-256.
/// Never "none" and never HMAC: OpenID Connect Core §10.1 allows a client secret as an HS256 key,
/// but a secret the client also holds proves nothing about the provider.
enum class Algorithm { Rs256, Ps256, Es256 };

std::optional<Algorithm> algorithmFromName(const QString &name);
QString algorithmName(Algorithm algorithm);

/// A JWS in compact serialization, parsed but not yet verified.
struct CompactJws
{
    Algorithm algorithm = Algorithm::Rs256;
    QString keyId; ///< the header's "kid", empty when absent
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; ///< ASCII(BASE64URL(header) '.' BASE64URL(payload))
    QByteArray signature; ///< decoded
};

/// Parses a compact JWS (RFC 7515 §7.1): exactly three base64url parts, a header and a payload
/// that are JSON objects, an algorithm from the allowlist and no "crit" header (no extension is
/// understood, RFC 7515 §4.1.11). Errors are oidc_failed and never quote the token.
common::Result<CompactJws> parseCompact(QByteArrayView token);

/// Whether the JWK (RFC 7517) may verify a signature made with `algorithm`: its "kty" (and "crv")
/// matches the algorithm, its "alg" (if any) is the same, its "use" (if any) is "sig" and its
/// "key_ops" (if any) include "verify".
bool keyFits(const QJsonObject &jwk, Algorithm algorithm);

/// Verifies the signature of `jws` with the public key in `jwk` (OpenSSL 3 EVP). RSA keys need at
/// least 2048 bits; EC keys must be valid points on P-256.
common::Result<void> verifySignature(const CompactJws &jws, const QJsonObject &jwk);

/// What the ID token must say (OpenID Connect Core §3.1.3.7).
struct IdTokenExpectations
{
    QString issuer;
    QString clientId;
    QString nonce;
    qint64 now = 0; ///< seconds since the epoch
    std::chrono::seconds leeway{60};
};

/// The claims this platform uses from a verified ID token.
struct IdTokenClaims
{
    QString issuer;
    QString subject;
    QString email; ///< empty when the provider shared none
    bool emailVerified = false; ///< only a JSON true counts
    QString name; ///< trimmed, at most 100 characters
};

/// Checks the claims of a (signature-verified) ID token: iss, aud (and azp), exp, iat, nbf, nonce
/// and sub.
common::Result<IdTokenClaims> validateClaims(
        const QJsonObject &payload, const IdTokenExpectations &expected);

} // namespace influence::server::oidc::jose
