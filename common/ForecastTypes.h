// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QList>

/// The body of POST /api/v1/forecasts and its rules, shared by the server and any client:
/// {"values": [number, …], "seasonPeriod": m, "horizon": h, "levels": [80, 95], "nonNegative": b}.
namespace influence::common::forecast {

inline constexpr int kMaxValues = 10'000;
inline constexpr int kMaxHorizon = 366;
inline constexpr int kMaxSeasonPeriod = 366;
inline constexpr int kMaxLevels = 5;
/// Values beyond ±1e15 would lose the precision the maths needs (sums of squares).
inline constexpr double kMaxMagnitude = 1e15;

struct ForecastRequest
{
    QList<double> values; // oldest first, 1 to kMaxValues finite numbers
    int seasonPeriod = 1; // m: 1 for none, 7 for daily data with a weekly rhythm
    int horizon = 0; // 1 to kMaxHorizon steps
    QList<double> levels{80.0, 95.0}; // distinct, in (0, 100), ascending as given
    bool nonNegative = false; // counts: clamp means and bounds at 0
};

/// Field errors (422 validation_failed) name the field: "values", "values[3]",
/// "seasonPeriod", "horizon", "levels", "levels[1]", "nonNegative". values and horizon are
/// required; seasonPeriod defaults to 1, levels to [80, 95], nonNegative to false.
Result<ForecastRequest> validateForecastRequest(const QJsonObject &body);

} // namespace influence::common::forecast
