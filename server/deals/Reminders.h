// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"

#include <chrono>

namespace influence::server::deals {

/// The periodic job that sends the reminders due now (reminders_scan(), 0021): a deliverable due
/// within 48 hours reminds the creator, an overdue one is recorded on the deal's timeline and
/// reminds both sides, an offer without an answer for 48 hours reminds the side it waits for, a
/// draft in review for 48 hours the brand's people, and a payout blocked by missing payout
/// details the creator. Each person once per window, as their notification settings say.
inline constexpr auto kRemindersJob = "reminders.scan";
inline constexpr auto kRemindersQueue = "reminders";
inline constexpr std::chrono::minutes kRemindersInterval{15};

/// The handler of kRemindersJob; links in the e-mails start with `appUrl`.
jobs::Handler remindersJobHandler(QString appUrl);

} // namespace influence::server::deals
