// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"

#include <chrono>

namespace influence::server::deals {

/// The periodic job that sends the reminders due now (reminders_scan(), 0018_jobs.sql): a
/// deliverable due within 48 hours reminds the creator, an overdue one is recorded on the deal's
/// timeline and reminds both sides; each person once per due date, in the app and by e-mail.
inline constexpr auto kRemindersJob = "reminders.scan";
inline constexpr auto kRemindersQueue = "reminders";
inline constexpr std::chrono::minutes kRemindersInterval{15};

/// The handler of kRemindersJob; links in the e-mails start with `appUrl`.
jobs::Handler remindersJobHandler(QString appUrl);

} // namespace influence::server::deals
