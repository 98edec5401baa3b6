// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the body of POST /api/v1/forecasts: validateForecastRequest as the server
// reads it, then the forecast itself on what it accepts (capped so one input stays fast).
// Whatever the input, an accepted request holds its rules, and its answer has one point per
// step, each with a finite mean and ordered bounds for every level.
#include "common/ForecastTypes.h"
#include "forecast/ForecastRoutes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace influence::common::forecast;

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QJsonObject body = QJsonDocument::fromJson(input).object();
    auto request = validateForecastRequest(body);
    if (!request) {
        if (request.error().fieldErrors.isEmpty()) {
            std::abort(); // every refusal names a field
        }
        return 0;
    }
    if (request->values.isEmpty() || request->values.size() > kMaxValues || request->horizon < 1
            || request->horizon > kMaxHorizon || request->seasonPeriod < 1
            || request->seasonPeriod > kMaxSeasonPeriod || request->levels.isEmpty()) {
        std::abort();
    }
    for (const double level : request->levels) {
        if (!(level > 0 && level < 100)) {
            std::abort();
        }
    }
    // Keep one input under a second: at most 200 values and 30 steps are fitted.
    request->values = request->values.mid(0, 200);
    request->horizon = std::min(request->horizon, 30);
    const QJsonObject answer =
            QJsonDocument::fromJson(influence::server::forecast::forecastJson(*request)).object();
    const QJsonArray points = answer.value(u"points"_s).toArray();
    if (points.size() != request->horizon || answer.value(u"model"_s).toString().isEmpty()) {
        std::abort();
    }
    for (const auto &value : points) {
        const QJsonObject point = value.toObject();
        const double mean = point.value(u"mean"_s).toDouble(std::nan(""));
        if (!std::isfinite(mean)) {
            std::abort();
        }
        for (const double level : request->levels) {
            const QString name = QString::number(level, 'g', 10);
            const double lo = point.value(u"lo"_s + name).toDouble(std::nan(""));
            const double hi = point.value(u"hi"_s + name).toDouble(std::nan(""));
            if (!(lo <= hi) || (request->nonNegative && lo < 0)) {
                std::abort();
            }
        }
    }
    return 0;
}
