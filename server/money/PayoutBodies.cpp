// SPDX-License-Identifier: Apache-2.0
#include "PayoutBodies.h"

#include "common/Validation.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::money {

Result<QList<QUuid>> payoutIds(const QJsonObject &body)
{
    const QJsonValue ids = body.value(u"ids"_s);
    QList<QUuid> parsed;
    QSet<QUuid> seen;
    const auto invalid = [] {
        return Error::validation({{u"ids"_s, u"invalid_value"_s,
                u"Must be 1 to %1 different payout ids (UUIDs)."_s.arg(kMaxBulk)}});
    };
    if (!ids.isArray() || ids.toArray().isEmpty() || ids.toArray().size() > kMaxBulk) {
        return invalid();
    }
    for (const auto &value : ids.toArray()) {
        const auto id = common::validation::parseUuid(value.toString());
        if (!id || seen.contains(*id)) {
            return invalid();
        }
        seen.insert(*id);
        parsed.append(*id);
    }
    return parsed;
}

Result<OfflinePayment> offlinePayment(const QJsonObject &body, QList<common::FieldError> errors)
{
    OfflinePayment payment;
    payment.reference = body.value(u"reference"_s).toString().trimmed();
    if (payment.reference.isEmpty() || payment.reference.size() > kMaxReference) {
        errors.append({u"reference"_s, u"required"_s,
                u"The payment's reference (1 to %1 characters): a bank transfer's reference, "
                "for example."_s.arg(kMaxReference)});
    }
    payment.paidOn = QDate::fromString(body.value(u"paidOn"_s).toString(), Qt::ISODate);
    if (!payment.paidOn.isValid() || payment.paidOn > QDate::currentDate().addDays(1)) {
        errors.append({u"paidOn"_s, u"invalid_value"_s,
                u"Must be the date it was paid (YYYY-MM-DD), not in the future."_s});
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return payment;
}

} // namespace influence::server::money
