// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Mail.h"
#include "core/jobs/JobWorker.h"

namespace influence::server::mail {

/// The handler of kSendJob: sends the outbox message named in the payload ({"id": uuid}) unless
/// it was sent already, and records the outcome on the message (sent_at, or last_error and, after
/// the last attempt, gave_up_at).
jobs::Handler sendJobHandler(MailSender sender);

} // namespace influence::server::mail
