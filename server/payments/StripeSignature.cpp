// SPDX-License-Identifier: Apache-2.0
#include "StripeSignature.h"

#include "core/crypto/Crypto.h"

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace influence::server::payments {

namespace {

constexpr qsizetype kMaxHeaderBytes = qsizetype{8} * 1024;
constexpr qsizetype kMaxItems = 16;
constexpr qsizetype kSignatureHexDigits = 64;
// Ten digits cover every Unix time until the year 2286; more cannot be a real timestamp and
// would only risk overflow.
constexpr qsizetype kMaxTimestampDigits = 10;

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
}

bool isHex(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

} // namespace

QString signatureCheckName(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Valid: return u"valid"_s;
    case SignatureCheck::MissingHeader: return u"missing_header"_s;
    case SignatureCheck::Malformed: return u"malformed_header"_s;
    case SignatureCheck::NoV1Signature: return u"no_v1_signature"_s;
    case SignatureCheck::TimestampOutsideTolerance: return u"timestamp_outside_tolerance"_s;
    case SignatureCheck::Mismatch: return u"signature_mismatch"_s;
    }
    return u"malformed_header"_s;
}

std::variant<SignatureHeader, SignatureCheck> parseSignatureHeader(QByteArrayView header)
{
    const QByteArrayView trimmed = header.trimmed();
    if (trimmed.isEmpty()) {
        return SignatureCheck::MissingHeader;
    }
    if (trimmed.size() > kMaxHeaderBytes) {
        return SignatureCheck::Malformed;
    }
    SignatureHeader parsed;
    bool haveTimestamp = false;
    qsizetype items = 0;
    qsizetype start = 0;
    while (start <= trimmed.size()) {
        qsizetype end = trimmed.indexOf(',', start);
        if (end < 0) {
            end = trimmed.size();
        }
        const QByteArrayView item = trimmed.sliced(start, end - start).trimmed();
        start = end + 1;
        if (++items > kMaxItems) {
            return SignatureCheck::Malformed;
        }
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0) {
            return SignatureCheck::Malformed;
        }
        const QByteArrayView key = item.first(eq);
        const QByteArrayView value = item.sliced(eq + 1);
        if (key == "t") {
            if (haveTimestamp || !isDigits(value) || value.size() > kMaxTimestampDigits) {
                return SignatureCheck::Malformed;
            }
            haveTimestamp = true;
            parsed.timestampText = value.toByteArray();
            parsed.timestamp = parsed.timestampText.toLongLong();
        } else if (key == "v1") {
            if (value.size() != kSignatureHexDigits || !isHex(value)) {
                return SignatureCheck::Malformed;
            }
            parsed.v1.append(QByteArray::fromHex(value.toByteArray()));
        }
        // v0 (test-mode signatures with a different scheme) and future schemes are ignored, as
        // Stripe's own libraries do.
    }
    if (!haveTimestamp) {
        return SignatureCheck::Malformed;
    }
    if (parsed.v1.isEmpty()) {
        return SignatureCheck::NoV1Signature;
    }
    return parsed;
}

SignatureCheck verifySignature(QByteArrayView header, QByteArrayView rawBody,
        QByteArrayView webhookSecret, qint64 nowUnix, std::chrono::seconds tolerance)
{
    const auto parsed = parseSignatureHeader(header);
    if (const auto *failure = std::get_if<SignatureCheck>(&parsed)) {
        return *failure;
    }
    const auto &signature = std::get<SignatureHeader>(parsed);
    if (webhookSecret.isEmpty()) {
        return SignatureCheck::Mismatch;
    }
    QByteArray signedPayload;
    signedPayload.reserve(signature.timestampText.size() + 1 + rawBody.size());
    signedPayload.append(signature.timestampText).append('.').append(rawBody);
    const QByteArray expected = crypto::hmacSha256(webhookSecret, signedPayload);
    // Every candidate is compared, so the time taken does not tell which one matched.
    bool matched = false;
    for (const QByteArray &candidate : signature.v1) {
        matched = crypto::constantTimeEquals(candidate, expected) || matched;
    }
    if (!matched) {
        return SignatureCheck::Mismatch;
    }
    // Both directions: a timestamp from the future is as suspicious as an old one, within the
    // clock skew the tolerance allows.
    if (std::llabs(nowUnix - signature.timestamp) > tolerance.count()) {
        return SignatureCheck::TimestampOutsideTolerance;
    }
    return SignatureCheck::Valid;
}

} // namespace influence::server::payments
