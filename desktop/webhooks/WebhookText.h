// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/WebhookTypes.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// The Webhooks page's words for what the server reports: an endpoint's state and event filter,
/// a delivery's status, event and last answer.
class WebhookText
{
    Q_DECLARE_TR_FUNCTIONS(WebhookText)

public:
    /// "Healthy", "Failing since …", "Disabled after repeated failures", "Switched off".
    static QString health(const common::WebhookEndpoint &endpoint);
    /// "All events", or the events' names.
    static QString events(const QStringList &eventTypes);
    /// An event type in words ("Offer accepted"; "Test event"); unknown ones as sent.
    static QString event(const QString &eventType);
    static QString status(common::WebhookDelivery::Status status);
    /// The last answer: "HTTP 500", the error, or "–".
    static QString lastAnswer(const common::WebhookDelivery &delivery);
};

} // namespace influence::desktop
