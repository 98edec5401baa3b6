// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"

namespace influence::server::notifications {

/// The job record_deal_event() (0030) enqueues for each person whose "deal.activity" setting
/// includes e-mail: it writes that event's mail (deal_activity_mail()), now, after the person's
/// quiet hours or into their digest; nothing if they turned e-mail off meanwhile. It runs on
/// the mail queue, so JOB_QUEUE_LIMITS' `mail` limit covers it.
inline constexpr auto kDealActivityJob = "notifications.deal_activity";

/// The handler of kDealActivityJob; links in the mails start with `appUrl`.
jobs::Handler dealActivityMailHandler(QString appUrl);

} // namespace influence::server::notifications
