// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace influence::server::webhooks {

/// How webhooks are delivered (WEBHOOKS_* settings).
struct WebhookSettings
{
    /// Whether endpoints may be http:// and resolve to loopback, private, link-local or other
    /// non-public addresses (tests, a receiver on this machine). Off in production.
    bool allowLocalTargets = false;
    /// Extra CA certificates (PEM) to trust for the receivers' https, besides the system's (an
    /// internal CA); empty: the system's only.
    QString caFile;
    /// One attempt, the whole transfer.
    std::chrono::milliseconds timeout{10'000};
    /// How long the previous secret keeps signing after a rotation.
    std::chrono::seconds secretOverlap{24 * 3600};
    /// The pauses before each retry (Standard Webhooks / Stripe: 5 s, 5 min, 30 min, 2 h, 5 h,
    /// then 10 h until about three days have passed); a delivery fails after the last.
    QList<int> retrySeconds{
            5, 300, 1800, 7200, 18000, 36000, 36000, 36000, 36000, 36000, 36000, 36000};
    /// An endpoint whose attempts failed this many times in a row…
    int disableAfterFailures = 100;
    /// …or that has failed without a success for this long is disabled and its brand told.
    std::chrono::hours disableAfter{5 * 24};
};

} // namespace influence::server::webhooks
