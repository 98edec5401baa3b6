// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>

/// The creator's side of money: what they earn (expected, scheduled, due, late, processing,
/// paid; per currency and per deal) and how they are paid (the provider account and the tax form
/// on file; the provider says whether payouts are enabled).
namespace influence::server::money {

common::Result<QByteArray> earnings(db::Connection &c, const http::Principal &p);
common::Result<QByteArray> payoutAccount(db::Connection &c, const http::Principal &p);

struct PayoutAccountInput
{
    QString accountId; ///< acct_…; empty disconnects
    QString taxForm; ///< W-9, W-8BEN, W-8BEN-E, EU-VAT, none; empty: none on file
    std::optional<QDate> taxFormReceivedOn;
};
/// Sets the creator's payout account; a changed account id waits for the provider's
/// account.updated event before payouts are enabled.
common::Result<QByteArray> setPayoutAccount(
        db::Connection &c, const http::Principal &p, const PayoutAccountInput &input);

} // namespace influence::server::money
