// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace influence::server::analytics {

/// The bulk import's path: it has a body limit of its own (IMPORT_MAX_BODY_BYTES), applied by
/// the HTTP guard before the body is read.
inline constexpr char kImportPath[] = "/api/v1/analytics/imports";

/// The bulk import of metric files (IMPORT_MAX_BODY_BYTES).
struct ImportSettings
{
    /// Largest file POST /analytics/imports accepts (413 payload_too_large above). The whole
    /// body is held in memory while it is read (QtHttpServer 6.4 buffers requests).
    qint64 maxBodyBytes = qint64{256} * 1024 * 1024;
};

} // namespace influence::server::analytics
