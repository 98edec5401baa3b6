// SPDX-License-Identifier: Apache-2.0
// Fuzz target for what a webhook request and the provider's answers bring in: the
// Stripe-Signature header parser and check, the event parser and the classification of a
// transfer answer. Input: the header up to the first newline, the body after it; the first
// byte also picks an HTTP status for the answer classifier.
#include "core/net/HttpFetcher.h"
#include "payments/StripeClient.h"
#include "payments/StripeEvents.h"
#include "payments/StripeSignature.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <cstdlib>

using namespace influence::server::payments;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView header = newline < 0 ? input : input.first(newline);
    const QByteArrayView body = newline < 0 ? QByteArrayView() : input.sliced(newline + 1);

    const auto parsed = parseSignatureHeader(header);
    if (const auto *signature = std::get_if<SignatureHeader>(&parsed)) {
        if (signature->v1.isEmpty() || signature->timestamp < 0) {
            std::abort(); // a parsed header always has a v1 and a non-negative timestamp
        }
        for (const QByteArray &v1 : signature->v1) {
            if (v1.size() != 32) {
                std::abort();
            }
        }
    }
    const SignatureCheck check = verifySignature(header, body, "whsec_fuzz", 1'700'000'000);
    if (check == SignatureCheck::Valid && std::holds_alternative<SignatureCheck>(parsed)) {
        std::abort(); // verification never accepts what the parser refuses
    }
    (void)signatureCheckName(check);

    if (const auto event = parseEvent(body)) {
        if (!event->id.startsWith(QLatin1StringView("evt_")) || event->amountMinor < 0) {
            std::abort();
        }
    }
    const int statuses[] = {200, 201, 400, 401, 402, 404, 409, 429, 500, 503};
    const int status = statuses[size > 0 ? data[0] % std::size(statuses) : 0];
    (void)classifyTransferAnswer({status, body.toByteArray(), {}});
    return 0;
}
