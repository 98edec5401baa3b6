// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>
#include <QUuid>

namespace influence::server::db {
class Connection;
}

/// What the payment provider said about a payout in flight, written down: each in its own
/// transaction that locks the payout and acts only if it is still in the state the news is about
/// (a webhook event and the sender's own answer may both report one transfer; the second finds
/// nothing to do). The money moves with the state.
namespace influence::server::money::settlement {

/// processing → paid: the transfer exists (clearing → paid out). `attempt` < 0: whichever
/// attempt is in flight (a webhook event names no attempt).
common::Result<bool> paid(
        db::Connection &c, const QUuid &payout, int attempt, const QString &transferId);
/// processing → failed: nothing was transferred (clearing → payable; both sides are told).
common::Result<bool> failed(db::Connection &c, const QUuid &payout, int attempt,
        const QString &code, const QString &message);
/// paid → failed: the provider reversed the transfer (paid out → payable).
common::Result<bool> reversed(db::Connection &c, const QString &transferId);
/// An unknown outcome: ask again (the same idempotency key) after `seconds` (a payouts.recheck
/// job for then).
common::Result<void> askAgainLater(
        db::Connection &c, const QUuid &payout, int seconds, const QString &reason);

} // namespace influence::server::money::settlement
