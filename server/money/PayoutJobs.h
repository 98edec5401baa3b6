// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/jobs/JobWorker.h"
#include "payments/PaymentSettings.h"

#include <QString>

#include <chrono>

/// Payouts on the job queue (0023_money_jobs.sql): sending approved payouts to the payment
/// provider, asking again about those in flight, and the hourly scan for late and unclaimed ones.
///
/// The safety argument (unchanged from the sender thread these jobs replace). Approval enqueues
/// 'payouts.send' in its own transaction: a rolled-back approval sends nothing. The send job
/// locks the payout and, only if it is still approved, marks it processing with the next attempt
/// number, moves its amount to the provider's clearing account, leases it (next_check_at, past
/// the provider call's timeout) and enqueues 'payouts.recheck' for that time, all in one
/// committed transaction. Only then is the transfer requested, with the idempotency key
/// payout-<id>-<attempt>; the answer is written in a second transaction (Settlement.h). A new
/// attempt number, and so a new key, only ever follows a definite refusal (failed, then retried).
/// A job that runs again (its process died before recording it) finds the payout no longer
/// approved and does nothing. When there is no answer (a timeout, a 5xx, a crash of the process
/// between the call and the commit) the payout stays processing and the recheck job, in whichever
/// process claims it once next_check_at has come, leases it again and sends the very same request:
/// the provider answers from its idempotency store, so a transfer is never made twice and never
/// lost. Several processes share the queue (SKIP LOCKED), and the payout's row lock plus its lease
/// keep two of them from asking about one payout at once.
namespace influence::server::money {

inline constexpr auto kPayoutsQueue = "payouts";
inline constexpr auto kSendJob = "payouts.send";
inline constexpr auto kRecheckJob = "payouts.recheck";
inline constexpr auto kScanJob = "payouts.scan";
inline constexpr std::chrono::hours kScanInterval{1};

/// The handler of kSendJob (payload {"payout": id, "attempt": n}).
jobs::Handler sendJobHandler(payments::PaymentSettings settings);
/// The handler of kRecheckJob (payload {"payout": id, "attempt": n}).
jobs::Handler recheckJobHandler(payments::PaymentSettings settings);
/// The handler of kScanJob: tells the brand's side once about a late payout, warns the creator
/// once 7 days before an unclaimed payout goes back, and cancels those blocked by missing payout
/// details for `unclaimedDays` (PAYOUT_UNCLAIMED_DAYS; through cancelLocked, as
/// POST /payouts/{id}/cancel does; the creator and the brand's owner are told). Links in the
/// e-mails start with `appUrl`.
jobs::Handler scanJobHandler(QString appUrl, int unclaimedDays);

} // namespace influence::server::money
