// SPDX-License-Identifier: Apache-2.0
#include "PaymentTerms.h"

#include <QJsonArray>
#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

constexpr std::array kConditions{
        std::pair{PaymentCondition::Acceptance, "acceptance"},
        std::pair{PaymentCondition::Approval, "approval"},
        std::pair{PaymentCondition::Live, "live"},
        std::pair{PaymentCondition::Completion, "completion"},
};

/// One installment of a schedule; its percent is added to `total`, its condition to `seen`.
Installment installment(const QJsonObject &item, const QString &at, QSet<PaymentCondition> &seen,
        int &total, validation::FieldErrors &errors)
{
    const auto condition = paymentConditionFromString(item.value(u"on"_s).toString());
    if (!condition) {
        errors.add(at + u".on"_s, u"invalid_value"_s,
                u"Must be acceptance, approval, live or completion."_s);
    } else if (seen.contains(*condition)) {
        errors.add(at + u".on"_s, u"duplicate"_s, u"Each condition at most once."_s);
    } else {
        seen.insert(*condition);
    }
    const QJsonValue percent = item.value(u"percent"_s);
    const double number = percent.toDouble(-1);
    if (!percent.isDouble() || number != static_cast<int>(number) || number < 1 || number > 100) {
        errors.add(
                at + u".percent"_s, u"out_of_range"_s, u"Must be a whole number from 1 to 100."_s);
    } else {
        total += static_cast<int>(number);
    }
    return {condition.value_or(PaymentCondition::Live),
            static_cast<int>(std::clamp(number, 0.0, 100.0))};
}

} // namespace

QString wireName(PaymentCondition condition)
{
    for (const auto &[value, name] : kConditions) {
        if (value == condition) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<PaymentCondition> paymentConditionFromString(const QString &name)
{
    for (const auto &[value, wire] : kConditions) {
        if (name == QLatin1StringView(wire)) {
            return value;
        }
    }
    return std::nullopt;
}

QJsonObject PaymentTerms::toJson() const
{
    QJsonArray items;
    for (const Installment &installment : schedule) {
        items.append(QJsonObject{
                {u"on"_s, wireName(installment.condition)}, {u"percent"_s, installment.percent}});
    }
    return {{u"schedule"_s, items}, {u"netDays"_s, netDays}};
}

QList<qint64> PaymentTerms::split(qint64 feeMinor) const
{
    QList<qint64> amounts;
    qint64 rest = feeMinor;
    for (qsizetype i = 0; i < schedule.size(); ++i) {
        if (i + 1 == schedule.size()) {
            amounts.append(rest);
            break;
        }
        // fee ≤ 9·10^15 and percent ≤ 100: the product fits in 64 bits.
        const qint64 amount = feeMinor * schedule.at(i).percent / 100;
        amounts.append(amount);
        rest -= amount;
    }
    return amounts;
}

Result<PaymentTerms> validatePaymentTerms(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined() || value.isNull()) {
        return PaymentTerms{};
    }
    validation::FieldErrors errors;
    if (!value.isObject()) {
        errors.add(field, u"invalid_value"_s, u"Must be an object with a schedule."_s);
        return Error::validation(errors.errors());
    }
    const QJsonObject object = value.toObject();
    PaymentTerms terms;
    terms.schedule.clear();
    const QJsonValue schedule = object.value(u"schedule"_s);
    const QString scheduleField = field + u".schedule"_s;
    if (!schedule.isArray() || schedule.toArray().isEmpty()
            || schedule.toArray().size() > payment::kMaxInstallments) {
        errors.add(scheduleField, schedule.isUndefined() ? u"required"_s : u"invalid_value"_s,
                u"Must be 1 to %1 installments."_s.arg(payment::kMaxInstallments));
    } else {
        int total = 0;
        QSet<PaymentCondition> seen;
        const QJsonArray items = schedule.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            terms.schedule.append(installment(items.at(i).toObject(),
                    u"%1[%2]"_s.arg(scheduleField).arg(i), seen, total, errors));
        }
        if (errors.isEmpty() && total != 100) {
            errors.add(scheduleField, u"invalid_value"_s,
                    u"The percentages must add up to 100 (they add up to %1)."_s.arg(total));
        }
    }
    const QJsonValue netDays = object.value(u"netDays"_s);
    if (!netDays.isUndefined() && !netDays.isNull()) {
        const double days = netDays.toDouble(-1);
        if (!netDays.isDouble() || days != static_cast<int>(days) || days < 0
                || days > payment::kMaxNetDays) {
            errors.add(field + u".netDays"_s, u"out_of_range"_s,
                    u"Must be a whole number of days from 0 to %1."_s.arg(payment::kMaxNetDays));
        } else {
            terms.netDays = static_cast<int>(days);
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return terms;
}

PaymentTerms paymentTermsFromJson(const QJsonObject &json)
{
    auto terms = validatePaymentTerms(json, u"paymentTerms"_s);
    return terms ? *terms : PaymentTerms{};
}

} // namespace influence::common
