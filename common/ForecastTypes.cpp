// SPDX-License-Identifier: Apache-2.0
#include "ForecastTypes.h"

#include "Validation.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::common::forecast {

namespace {

using validation::FieldErrors;

/// An integer field in [min, max]; `fallback` when absent.
int integerField(const QJsonObject &body, const QString &name, int min, int max,
        std::optional<int> fallback, FieldErrors &errors)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() && fallback) {
        return *fallback;
    }
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || number < min || number > max) {
        errors.add(name, value.isUndefined() ? u"required"_s : u"invalid_value"_s,
                u"Must be a whole number from %1 to %2."_s.arg(min).arg(max));
        return fallback.value_or(min);
    }
    return static_cast<int>(number);
}

QList<double> values(const QJsonObject &body, FieldErrors &errors)
{
    const QJsonValue value = body.value(u"values"_s);
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.isEmpty() || array.size() > kMaxValues) {
        errors.add(u"values"_s, value.isUndefined() ? u"required"_s : u"invalid_value"_s,
                u"Must be an array of 1 to %1 numbers, oldest first."_s.arg(kMaxValues));
        return {};
    }
    QList<double> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double v = array.at(i).toDouble(std::nan(""));
        if (!array.at(i).isDouble() || !std::isfinite(v) || std::fabs(v) > kMaxMagnitude) {
            errors.add(u"values[%1]"_s.arg(i), u"invalid_value"_s,
                    u"Must be a number between -1e15 and 1e15."_s);
            return {}; // one named field is enough; the rest need not be listed
        }
        out << v;
    }
    return out;
}

QList<double> levels(const QJsonObject &body, FieldErrors &errors)
{
    const QJsonValue value = body.value(u"levels"_s);
    if (value.isUndefined()) {
        return {80.0, 95.0};
    }
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.isEmpty() || array.size() > kMaxLevels) {
        errors.add(u"levels"_s, u"invalid_value"_s,
                u"Must be an array of 1 to %1 percentages."_s.arg(kMaxLevels));
        return {};
    }
    QList<double> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double v = array.at(i).toDouble(std::nan(""));
        if (!array.at(i).isDouble() || !(v > 0.0 && v < 100.0)) {
            errors.add(u"levels[%1]"_s.arg(i), u"invalid_value"_s,
                    u"Must be a percentage between 0 and 100 (exclusive)."_s);
            return {};
        }
        if (out.contains(v)) {
            errors.add(u"levels[%1]"_s.arg(i), u"duplicate"_s, u"Each level once."_s);
            return {};
        }
        out << v;
    }
    return out;
}

} // namespace

Result<ForecastRequest> validateForecastRequest(const QJsonObject &body)
{
    FieldErrors errors;
    ForecastRequest request;
    request.values = values(body, errors);
    request.seasonPeriod = integerField(body, u"seasonPeriod"_s, 1, kMaxSeasonPeriod, 1, errors);
    request.horizon = integerField(body, u"horizon"_s, 1, kMaxHorizon, std::nullopt, errors);
    request.levels = levels(body, errors);
    const QJsonValue nonNegative = body.value(u"nonNegative"_s);
    if (!nonNegative.isUndefined() && !nonNegative.isBool()) {
        errors.add(u"nonNegative"_s, u"invalid_value"_s, u"Must be true or false."_s);
    }
    request.nonNegative = nonNegative.toBool(false);
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return request;
}

} // namespace influence::common::forecast
