// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::analytics {

/// The bulk import of metric files: POST /api/v1/analytics/imports?kind=post_metrics|
/// account_metrics with a CSV (text/csv) or NDJSON (application/x-ndjson) body, up to
/// IMPORT_MAX_BODY_BYTES (ImportSettings.h; the HTTP guard answers 413 above it).
void registerImportRoutes(http::HttpContext &context);

} // namespace influence::server::analytics
