// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <vector>

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::discovery {

class CreatorSink;
class DiscoveryIndexLoader;

/// GET /api/v1/influencers: signed-in users search creators. The process's index starts loading
/// here, on a database worker; `sinks` receive what it reads of every creator too. Answers the
/// loader, for other domains that read its sinks (they catch up through it).
std::shared_ptr<DiscoveryIndexLoader> registerRoutes(
        http::HttpContext &context, std::vector<std::shared_ptr<CreatorSink>> sinks = {});

} // namespace influence::server::discovery
