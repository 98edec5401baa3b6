// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>

#include <algorithm>
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
    /// At most this many of this process's workers run jobs of a queue at a time
    /// (JOB_QUEUE_LIMITS). A queue not named here may use every worker but one, so that one slow
    /// receiver (a webhook endpoint, a payment provider) never holds every thread.
    QHash<QString, int> queueLimits;

    int limitFor(const QString &queue) const
    {
        return queueLimits.value(queue, std::max(1, workers - 1));
    }
};

} // namespace influence::server::jobs
