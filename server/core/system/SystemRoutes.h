// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/HttpContext.h"

#include <QByteArray>
#include <QDateTime>

namespace influence::server::system {

struct SystemInfo
{
    QByteArray openApiJson;
    QByteArray docsHtml;
    QByteArray docsContentSecurityPolicy;
    QDateTime startedAt;
};

/// GET /healthz, /readyz, /api/v1/version, /openapi.json and /docs.
void registerRoutes(http::HttpContext &context, const SystemInfo &info);

} // namespace influence::server::system
