// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/RouteTable.h"

#include <QtGlobal>

namespace influence::server::forecast {

/// GET /api/v1/connected-accounts/{id}/forecast?metric=&horizon=&until=&levels=: the forecast of
/// one of an account's daily metrics, fitted on its history up to `until`, visible to whoever may
/// see the account's metric series. Answers from a cache of `cacheBytes` (0: none) keyed by the
/// series' version, as the metric series does.
http::Prepare accountForecastRoute(qsizetype cacheBytes);

} // namespace influence::server::forecast
