// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Payouts.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

/// The bodies of the payout routes that change several payouts or record a payment: read and
/// checked on the HTTP thread, before any database work (422 naming each field). Fuzzed by
/// fuzz_json_bodies.
namespace influence::server::money {

/// The most payouts one bulk request changes.
constexpr int kMaxBulk = 200;
/// The longest reference of a payment made elsewhere.
constexpr qsizetype kMaxReference = 200;

/// The "ids" of a bulk change: 1 to kMaxBulk different payout ids (UUIDs).
common::Result<QList<QUuid>> payoutIds(const QJsonObject &body);

/// A payment made elsewhere: its "reference" (1 to kMaxReference characters, trimmed) and
/// "paidOn" (a date, not in the future). `errors` found in the same body before (a bulk
/// record's ids) are answered together with these.
common::Result<OfflinePayment> offlinePayment(
        const QJsonObject &body, QList<common::FieldError> errors = {});

} // namespace influence::server::money
