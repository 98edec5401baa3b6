// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Rules.h"
#include "core/jobs/JobWorker.h"

/// Running a rule's firing (the rules.fire job that 0022's triggers enqueue after the rule's
/// delay): in one transaction the firing is locked (a second run of the job finds it done), the
/// rule re-read (disabled or deleted meanwhile: skipped), the conditions checked (skipped with the
/// reason), the loop guard set, and the actions run in order, each with its result. A failing
/// action rolls the whole transaction back; the firing is then recorded as failed, with the
/// error and what the earlier actions would have done, in a transaction of its own. Only a lost
/// database connection fails the job itself (it is retried).
namespace influence::server::rules {

inline constexpr auto kFireJob = "rules.fire";
inline constexpr auto kRulesQueue = "rules";

jobs::Handler fireJobHandler(ContextPtr context);

/// Runs one firing now (what the job does).
common::Result<void> runFiring(db::Connection &c, const Context &context, const QUuid &firing);

} // namespace influence::server::rules
