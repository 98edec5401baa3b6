// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace influence::server::payments {

/// The webhook event types the payout flow acts on; every other type is Other (answer 200 and
/// ignore it, so that Stripe does not retry it).
enum class EventKind { AccountUpdated, TransferCreated, TransferReversed, Other };

/// What the payout flow reads of a Stripe event (https://docs.stripe.com/api/events/object).
struct StripeEvent
{
    /// `evt_…`: the same event may be delivered more than once; handle it once per id.
    QString id;
    /// As sent ("account.updated").
    QString type;
    EventKind kind = EventKind::Other;
    /// Unix seconds when Stripe created the event. Events may arrive out of order.
    qint64 created = 0;
    /// data.object.id: the account (`acct_…`) or the transfer (`tr_…`).
    QString objectId;

    /// account.updated: the account's payouts_enabled.
    std::optional<bool> payoutsEnabled;

    /// transfer.*: metadata.payout_id as our client set it; empty for a transfer made elsewhere.
    QString payoutId;
    qint64 amountMinor = 0;
    qint64 amountReversedMinor = 0;
    /// ISO 4217, upper case (Stripe sends lower case).
    QString currency;
    /// `acct_…` the transfer went to.
    QString destination;
    QString transferGroup;
    bool reversed = false;
};

/// Largest webhook body parsed (Stripe's events are a few KiB).
inline constexpr qsizetype kMaxEventBytes = qsizetype{256} * 1024;

/// Parses a webhook body (already verified with verifySignature) into a StripeEvent; malformed
/// JSON, a missing or mistyped field of the kinds above, or a body over kMaxEventBytes is a
/// BadRequest error naming what is wrong. Never throws.
common::Result<StripeEvent> parseEvent(QByteArrayView body);

} // namespace influence::server::payments
