// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"

#include <chrono>

namespace influence::server::notifications {

/// The periodic job that sends the daily digests (notification_digests(), 0021): one mail per
/// person who chose the digest for some kind and has items waiting, at most one per day of
/// their time zone, deferred by their quiet hours like any mail.
inline constexpr auto kDigestJob = "notifications.digest";
inline constexpr auto kDigestQueue = "notifications";
inline constexpr std::chrono::minutes kDigestInterval{15};

/// The handler of kDigestJob.
common::Result<void> sendDigests(const jobs::Job &job);

} // namespace influence::server::notifications
