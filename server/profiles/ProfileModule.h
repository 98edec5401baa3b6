// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace influence::server::http {
struct HttpContext;
}
namespace influence::server::http {
class Authenticator;
}

namespace influence::server::profiles {

struct Settings
{
    /// Memory for this process's cache of metric series responses (MetricsCache); 0: none.
    qsizetype metricsCacheBytes = qsizetype{32} * 1024 * 1024;
};

/// Routes for profiles, connected accounts and their metric history: /api/v1/me/influencer,
/// /api/v1/me/brand, /api/v1/influencers/{id}, /api/v1/brands/{id},
/// /api/v1/connected-accounts[/{id}[/metrics]].
void registerRoutes(http::HttpContext &context, const http::Authenticator &authenticator,
        const Settings &settings);

} // namespace influence::server::profiles
