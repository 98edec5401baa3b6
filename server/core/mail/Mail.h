// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>

namespace influence::server::db {
class Connection;
}

namespace influence::server::mail {

/// A plain-text e-mail.
struct MailMessage
{
    QString to;
    QString subject;
    QString body;
};

/// Delivers one message; an error means "try again later".
using MailSender = std::function<common::Result<void>(const MailMessage &)>;

/// The job kind that sends one message of the outbox (queue "mail").
inline constexpr auto kSendJob = "mail.send";
inline constexpr auto kMailQueue = "mail";

/// Queues `message` in the outbox, inside the caller's transaction, with the job that sends it:
/// it is sent only if the transaction commits, and never lost once it has (the job retries).
common::Result<void> enqueue(db::Connection &connection, const MailMessage &message);

} // namespace influence::server::mail
