// SPDX-License-Identifier: Apache-2.0
#include "SyncJob.h"

#include "SocialService.h"
#include "core/jobs/JobQueue.h"

#include <future>

using namespace Qt::StringLiterals;

namespace influence::server::social {

jobs::Handler syncJobHandler(SocialService &service, std::chrono::milliseconds timeout)
{
    return [&service, timeout](const jobs::Job &job) -> common::Result<void> {
        // Shared: the pass may finish after a timed-out handler has returned.
        auto finished = std::make_shared<std::promise<bool>>();
        std::future<bool> done = finished->get_future();
        service.runDueBatch([finished](bool full) {
            finished->set_value(full);
        });
        if (done.wait_for(timeout) != std::future_status::ready) {
            return common::Error::make(common::ErrorCode::ServiceUnavailable,
                    u"the social sync pass did not finish in time"_s);
        }
        const int round = job.payload.value(u"round"_s).toInt();
        if (!done.get() || round + 1 >= kMaxSyncRounds) {
            return {};
        }
        // A full batch: the next pass now, not at the next poll. Keyed by this job, so that
        // this job running again adds no second follow-up while the first is waiting.
        jobs::NewJob next;
        next.kind = QString::fromLatin1(kSyncJob);
        next.queue = QString::fromLatin1(kSocialQueue);
        next.payload = {{u"round"_s, round + 1}};
        next.maxAttempts = 3;
        next.uniqueKey = u"social.sync:after:%1"_s.arg(job.id);
        const auto enqueued = jobs::enqueue(job.connection, next);
        if (!enqueued) {
            return enqueued.error();
        }
        return {};
    };
}

} // namespace influence::server::social
