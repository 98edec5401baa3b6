// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <chrono>
#include <variant>

namespace influence::server::payments {

/// The outcome of checking a webhook request's Stripe-Signature header; only Valid accepts it.
enum class SignatureCheck {
    Valid,
    /// No Stripe-Signature header (or an empty one).
    MissingHeader,
    /// Not `t=<unix seconds>,v1=<64 hex digits>[,…]`: no or a repeated or non-numeric t, an item
    /// without '=', a v1 that is not 64 hex digits, too long or too many items.
    Malformed,
    /// Well formed, but without any v1 signature (only v0 or unknown schemes).
    NoV1Signature,
    /// The signature matches but the timestamp is further from now than the tolerance.
    TimestampOutsideTolerance,
    /// No v1 signature is the HMAC of this body with this secret.
    Mismatch,
};

/// A stable snake_case name of a check ("timestamp_outside_tolerance"), for logs and problems.
QString signatureCheckName(SignatureCheck check);

/// The parts of a Stripe-Signature header that are used.
struct SignatureHeader
{
    /// `t`, exactly as written (the signed payload starts with these digits).
    QByteArray timestampText;
    qint64 timestamp = 0;
    /// Each v1 signature, decoded (32 bytes each).
    QList<QByteArray> v1;
};

/// Parses `t=…,v1=…[,v1=…][,v0=…]` (items in any order, unknown schemes ignored, at most 16
/// items and 8 KiB); the failure is MissingHeader, Malformed or NoV1Signature.
std::variant<SignatureHeader, SignatureCheck> parseSignatureHeader(QByteArrayView header);

/// Verifies a webhook request as Stripe signs it: some v1 equals HMAC-SHA256(secret,
/// "<t>.<raw body>") (compared in constant time), then |now - t| <= tolerance. `rawBody` must be
/// the bytes received, before any JSON parsing; `nowUnix` is the current time in seconds.
SignatureCheck verifySignature(QByteArrayView header, QByteArrayView rawBody,
        QByteArrayView webhookSecret, qint64 nowUnix,
        std::chrono::seconds tolerance = std::chrono::seconds(300));

} // namespace influence::server::payments
