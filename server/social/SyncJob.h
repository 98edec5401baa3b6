// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"

#include <chrono>

namespace influence::server::social {

class SocialService;

/// The periodic job (every SocialSettings::pollInterval, one at a time across all processes) that
/// runs the service's due work: token renewals, then today's snapshots (SocialService::runDueWork).
/// A pass whose batch came back full enqueues the next pass at once (unique per job, payload
/// {"round": n}, at most kMaxSyncRounds in a row), so that more accounts than a batch are all
/// served in one go, by whichever process claims the follow-up.
inline constexpr auto kSyncJob = "social.sync";
inline constexpr auto kSocialQueue = "social";
/// Follow-ups in a row at most: accounts whose sync keeps failing are claimed again each pass.
inline constexpr int kMaxSyncRounds = 100;

/// The handler of kSyncJob: waits (on the job worker's thread) for the pass to finish on the
/// service's thread, at most `timeout`.
jobs::Handler syncJobHandler(SocialService &service, std::chrono::milliseconds timeout);

} // namespace influence::server::social
