// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"
#include "Validation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

/// When a deal's fee is paid: installments, each a percentage of the fee that becomes payable
/// when its condition is met, then due after `netDays`. An offer carries its terms; accepting it
/// freezes them in the deal's terms (the server's ledger follows them: resources/migrations/
/// 0010_money.sql, meet_payment_condition).
namespace influence::common {

/// What makes an installment payable.
enum class PaymentCondition {
    Acceptance, ///< the deal is accepted
    Approval, ///< every deliverable is approved (or live)
    Live, ///< every deliverable is live
    Completion, ///< the deal is completed (also makes every remaining installment payable)
};

QString wireName(PaymentCondition condition);
std::optional<PaymentCondition> paymentConditionFromString(const QString &name);

struct Installment
{
    PaymentCondition condition = PaymentCondition::Live;
    int percent = 100;

    friend bool operator==(const Installment &, const Installment &) = default;
};

struct PaymentTerms
{
    QList<Installment> schedule{Installment{}};
    int netDays = 30;

    friend bool operator==(const PaymentTerms &, const PaymentTerms &) = default;

    /// {"schedule":[{"on":"live","percent":100}],"netDays":30}
    QJsonObject toJson() const;
    /// The amount of each installment: floor(fee × percent / 100) for all but the last, which
    /// takes the rest, so that they sum to the fee exactly.
    QList<qint64> split(qint64 feeMinor) const;
};

namespace payment {
constexpr int kMaxInstallments = 4;
constexpr int kMaxNetDays = 120;
} // namespace payment

/// The terms in `value` (an offer's "paymentTerms"): absent or null gives the default (everything
/// 30 days after the work is live). 1 to 4 installments, each condition once, percentages of 1 to
/// 100 that sum to 100, netDays 0 to 120; errors name `field` and the offending member.
Result<PaymentTerms> validatePaymentTerms(const QJsonValue &value, const QString &field);
/// Terms as stored and sent (always valid: the server checked them); the default when malformed.
PaymentTerms paymentTermsFromJson(const QJsonObject &json);

} // namespace influence::common
