// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Webhooks.h"

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::webhooks {

/// /api/v1/webhooks[/{id}[/rotate-secret|/test|/deliveries[/{deliveryId}/replay]]].
void registerRoutes(http::HttpContext &context, const ContextPtr &webhooks);

} // namespace influence::server::webhooks
