// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::discovery {

/// GET /api/v1/influencers: signed-in users search creators. The process's index starts loading
/// here, on a database worker.
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::discovery
