// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Rules.h"

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::rules {

/// /api/v1/rules: CRUD, templates, dry runs and firing history.
void registerRoutes(http::HttpContext &context, const ContextPtr &rules);

} // namespace influence::server::rules
