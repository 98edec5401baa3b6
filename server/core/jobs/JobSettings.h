// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

namespace influence::server::jobs {

/// How this process runs the job queue (JobWorker).
struct JobSettings
{
    /// Jobs this process runs at a time (one thread and connection each); 0 runs none.
    int workers = 2;
    /// How often an idle worker looks for due jobs without being woken by NOTIFY (jobs whose
    /// run_at has come, a NOTIFY lost while the connection was down).
    std::chrono::milliseconds poll{1000};
    /// How long a claimed job stays this process's without renewal.
    std::chrono::milliseconds lease{60'000};
    /// How often leases are renewed, expired ones reclaimed and periodic jobs scheduled.
    std::chrono::milliseconds tick{5000};
    /// The pause after the first failure; it doubles with each attempt (jittered, at most 6 h).
    double backoffBaseSeconds = 10;
};

} // namespace influence::server::jobs
