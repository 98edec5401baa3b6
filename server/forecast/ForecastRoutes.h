// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ForecastTypes.h"

#include <QByteArray>

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::forecast {

/// POST /api/v1/forecasts: the stateless forecast of a posted series, for any signed-in user.
/// The body is checked on the HTTP thread, the fit runs on the CPU pool.
/// GET /api/v1/connected-accounts/{id}/forecast (AccountForecast.h) and
/// GET /api/v1/campaigns/{id}/forecast (CampaignForecast.h) beside it; `cacheBytes`
/// bounds the per-account forecasts kept under their series' version (0: none).
void registerRoutes(http::HttpContext &context, qsizetype cacheBytes);

/// The answer's JSON: {"model", "points": [{"step", "mean", "lo80", "hi80", …}], "aicc",
/// "mase", "backtestMase"} (the last three null when they do not apply). Also what the command
/// line prints as JSON and what later per-account routes answer.
QByteArray forecastJson(const common::forecast::ForecastRequest &request);

} // namespace influence::server::forecast
