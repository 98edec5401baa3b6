// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::profiles {

/// The profiles part of the configuration (METRICS_CACHE_MIB).
struct Settings
{
    /// Memory (MiB) for this process's cache of metric series responses (MetricsCache); 0: none.
    int metricsCacheMiB = 32;
};

/// /api/v1/me/influencer, /api/v1/me/brand, /api/v1/influencers/{id}, /api/v1/brands/{id} and
/// /api/v1/connected-accounts[/{id}[/metrics]]: the caller's own profiles and accounts, other
/// users' public profiles and accounts' metric history. Signed-in users only.
void registerRoutes(http::HttpContext &context, const Settings &settings);

} // namespace influence::server::profiles
