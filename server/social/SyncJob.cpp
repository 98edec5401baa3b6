// SPDX-License-Identifier: Apache-2.0
#include "SyncJob.h"

#include "SocialService.h"

#include <future>

using namespace Qt::StringLiterals;

namespace influence::server::social {

jobs::Handler syncJobHandler(SocialService &service, std::chrono::milliseconds timeout)
{
    return [&service, timeout](const jobs::Job & /*job*/) -> common::Result<void> {
        // Shared: the pass may finish after a timed-out handler has returned.
        auto finished = std::make_shared<std::promise<void>>();
        std::future<void> done = finished->get_future();
        service.runDueWork([finished] {
            finished->set_value();
        });
        if (done.wait_for(timeout) != std::future_status::ready) {
            return common::Error::make(common::ErrorCode::ServiceUnavailable,
                    u"the social sync pass did not finish in time"_s);
        }
        return {};
    };
}

} // namespace influence::server::social
