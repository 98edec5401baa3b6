// SPDX-License-Identifier: Apache-2.0
#include "CampaignTargets.h"

#include "Validation.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::validation::FieldErrors;

namespace influence::common {

namespace {

/// A whole number in [1, max]; nothing when absent or null (or invalid, with an error).
std::optional<qint64> positive(
        const QJsonObject &t, const QString &name, qint64 max, FieldErrors &errors)
{
    const QJsonValue value = t.value(name);
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > static_cast<double>(max)
            || number != std::floor(number)) {
        errors.add(u"targets."_s + name, u"invalid_value"_s,
                u"Must be a whole number from 1 to %1, or null."_s.arg(max));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

QJsonValue nullable(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

namespace collab {

Result<CampaignTargets> validateCampaignTargets(const QJsonObject &body)
{
    FieldErrors errors;
    CampaignTargets result;
    const QJsonValue value = body.value(u"targets"_s);
    if (value.isUndefined() || value.isNull()) {
        return result;
    }
    if (!value.isObject()) {
        errors.add(u"targets"_s, u"invalid_value"_s, u"Must be an object."_s);
        return Error::validation(errors.errors());
    }
    const QJsonObject t = value.toObject();
    const QStringList known{
            u"views"_s, u"engagements"_s, u"reach"_s, u"maxCpeMinor"_s, u"maxCpmMinor"_s};
    for (auto it = t.begin(); it != t.end(); ++it) {
        if (!known.contains(it.key())) {
            errors.add(u"targets."_s + it.key(), u"unknown_field"_s,
                    u"Must be one of: %1."_s.arg(known.join(u", "_s)));
        }
    }
    result.views = positive(t, u"views"_s, kMaxTargetTotal, errors);
    result.engagements = positive(t, u"engagements"_s, kMaxTargetTotal, errors);
    result.reach = positive(t, u"reach"_s, kMaxTargetTotal, errors);
    result.maxCpeMinor = positive(t, u"maxCpeMinor"_s, kMaxTargetCeilingMinor, errors);
    result.maxCpmMinor = positive(t, u"maxCpmMinor"_s, kMaxTargetCeilingMinor, errors);
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return result;
}

Result<CampaignCommand> validateCampaignCommand(const QJsonObject &body)
{
    auto input = validateCampaign(body);
    auto targets = validateCampaignTargets(body);
    if (input && targets) {
        return CampaignCommand{std::move(*input), *targets};
    }
    QList<FieldError> errors;
    if (!input) {
        errors += input.error().fieldErrors;
    }
    if (!targets) {
        errors += targets.error().fieldErrors;
    }
    return Error::validation(errors);
}

QJsonObject targetsJson(const CampaignTargets &targets)
{
    return {{u"views"_s, nullable(targets.views)},
            {u"engagements"_s, nullable(targets.engagements)},
            {u"reach"_s, nullable(targets.reach)},
            {u"maxCpeMinor"_s, nullable(targets.maxCpeMinor)},
            {u"maxCpmMinor"_s, nullable(targets.maxCpmMinor)}};
}

} // namespace collab

} // namespace influence::common
