// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::profiles {

struct Settings
{
    /// Memory for this process's cache of metric series responses (MetricsCache); 0: none.
    qsizetype metricsCacheBytes = qsizetype{32} * 1024 * 1024;
};

/// /api/v1/me/influencer, /api/v1/me/brand, /api/v1/influencers/{id}, /api/v1/brands/{id} and
/// /api/v1/connected-accounts[/{id}[/metrics]]: the caller's own profiles and accounts, other
/// users' public profiles and accounts' metric history. Signed-in users only.
void registerRoutes(http::HttpContext &context, const Settings &settings);

} // namespace influence::server::profiles
