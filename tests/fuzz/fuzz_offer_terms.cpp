// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the money terms clients send: an offer body (validateOffer, with its
// paymentTerms) as the server reads it. Whatever the input, an accepted offer's payment terms
// hold their rules, and the installments split its fee exactly.
#include "common/CollabTypes.h"
#include "common/PaymentTerms.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>
#include <numeric>

using namespace influence::common;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QJsonDocument document = QJsonDocument::fromJson(input);
    const QJsonObject body = document.object();
    const auto terms = validatePaymentTerms(
            body.value(QStringLiteral("paymentTerms")), QStringLiteral("paymentTerms"));
    if (terms) {
        int total = 0;
        for (const Installment &installment : terms->schedule) {
            total += installment.percent;
        }
        if (terms->schedule.isEmpty() || terms->schedule.size() > payment::kMaxInstallments
                || total != 100 || terms->netDays < 0 || terms->netDays > payment::kMaxNetDays) {
            std::abort();
        }
        if (terms->toJson() != validatePaymentTerms(terms->toJson(), QString())->toJson()) {
            std::abort(); // what is stored reads back the same
        }
    }
    if (const auto offer = collab::validateOffer(body, QString())) {
        const QList<qint64> amounts = offer->paymentTerms.split(offer->fee.minorUnits);
        const qint64 sum = std::accumulate(amounts.begin(), amounts.end(), qint64{0});
        if (sum != offer->fee.minorUnits || amounts.size() != offer->paymentTerms.schedule.size()) {
            std::abort();
        }
        for (const qint64 amount : amounts) {
            if (amount < 0) {
                std::abort();
            }
        }
    }
    return 0;
}
