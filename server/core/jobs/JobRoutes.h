// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::jobs {

/// The administrators' view of the queue: GET /api/v1/admin/jobs (per queue: jobs by state and
/// the oldest due job's wait), GET /api/v1/admin/jobs/dead (dead jobs, newest first, paged) and
/// POST /api/v1/admin/jobs/{id}/retry (a dead job queued again from its first attempt).
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::jobs
