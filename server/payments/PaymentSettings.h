// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/net/FetchSettings.h"

#include <QString>

#include <chrono>

namespace influence::server::payments {

/// The payment provider part of the configuration (STRIPE_* keys): Stripe Connect, or a local
/// peer that speaks its API in tests.
struct PaymentSettings
{
    /// STRIPE_API_URL: https, or http on the loopback interface (a local peer).
    QString apiUrl = QStringLiteral("https://api.stripe.com");
    /// STRIPE_SECRET_KEY (sk_… or a restricted rk_… key); empty: payouts cannot go through the
    /// provider (offline payments still can be recorded).
    QString secretKey;
    /// STRIPE_WEBHOOK_SECRET (whsec_…), the key of the webhook endpoint's Stripe-Signature;
    /// empty: webhook events are refused.
    QString webhookSecret;
    /// STRIPE_WEBHOOK_TOLERANCE_SECONDS: how far a signed event's timestamp may be from now
    /// (Stripe's libraries default to 300 s), which bounds replays of a captured event.
    std::chrono::seconds webhookTolerance{300};
    /// fetch.timeout is STRIPE_TIMEOUT_SECONDS (default 30 s: a transfer that has not answered by
    /// then is an unknown outcome, settled later with the same idempotency key); fetch.caFile is
    /// STRIPE_CA_FILE.
    net::FetchSettings fetch{{}, std::chrono::seconds(30), qint64{512} * 1024};
    /// PAYOUT_RECHECK_SECONDS: how long a payout whose transfer got no answer (or whose process
    /// stopped in between) waits before the same request is sent again. Default 60.
    std::chrono::seconds recheck{60};
    /// PAYOUT_UNCLAIMED_DAYS: a payout blocked by missing payout details this many days after its
    /// condition was met is cancelled and its money goes back to the campaign's budget (the
    /// creator is warned 7 days before). Default 30.
    int unclaimedDays = 30;

    /// Whether transfers can be sent at all.
    bool transfersEnabled() const { return !secretKey.isEmpty(); }
    /// Whether webhook events can be verified at all.
    bool webhooksEnabled() const { return !webhookSecret.isEmpty(); }
};

} // namespace influence::server::payments
