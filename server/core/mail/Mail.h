// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

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

/// Queues `message` in the outbox, inside the caller's transaction: it is sent only if the
/// transaction commits, and never lost once it has (the sender retries).
common::Result<void> enqueue(db::Connection &connection, const MailMessage &message);

} // namespace influence::server::mail
