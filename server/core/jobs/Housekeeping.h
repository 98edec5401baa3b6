// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JobWorker.h"

namespace influence::server::jobs {

/// The periodic job that forgets what has expired: OIDC states, rate-limit counters, login
/// failures, e-mail tokens, old sessions, sent mail, Idempotency-Key answers, provider event ids,
/// and succeeded (after a day) and dead (after 30 days) jobs.
inline constexpr auto kHousekeepingJob = "core.housekeeping";
inline constexpr auto kMaintenanceQueue = "maintenance";
inline constexpr std::chrono::minutes kHousekeepingInterval{10};

common::Result<void> houseKeep(const Job &job);

/// A job that does nothing: proof that the queue runs, and what bench/jobs measures.
inline constexpr auto kNoopJob = "core.noop";
inline common::Result<void> noop(const Job & /*job*/)
{
    return {};
}

} // namespace influence::server::jobs
