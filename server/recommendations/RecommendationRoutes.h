// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

namespace influence::server::http {
struct HttpContext;
}
namespace influence::server::discovery {
class DiscoveryIndexLoader;
}

namespace influence::server::recommendations {

class FeatureStore;

/// GET /api/v1/campaigns/{id}/recommendations and GET /api/v1/influencers/{id}/similar, from
/// `store`, which discovery's `loader` keeps current (its catch-up runs before each answer).
void registerRoutes(http::HttpContext &context,
        const std::shared_ptr<discovery::DiscoveryIndexLoader> &loader,
        const std::shared_ptr<const FeatureStore> &store);

} // namespace influence::server::recommendations
