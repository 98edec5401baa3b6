// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::payments {
struct PaymentSettings;
}

namespace influence::server::money {

/// Money: /api/v1/campaigns/{id}/budget, /api/v1/payouts[…] (list, approve one or many, record
/// an offline payment, retry, cancel), /api/v1/me/earnings and …/payout-account (creators),
/// /api/v1/ledger/entries, /api/v1/admin/ledger/verify, /api/v1/audit-log, and the payment
/// provider's webhook. The routes that move money honour Idempotency-Key; lists answer CSV for
/// `Accept: text/csv`.
void registerRoutes(http::HttpContext &context, const payments::PaymentSettings &payments);

} // namespace influence::server::money
