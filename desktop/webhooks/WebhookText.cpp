// SPDX-License-Identifier: Apache-2.0
#include "WebhookText.h"

#include "widgets/Names.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using influence::common::WebhookDelivery;
using influence::common::WebhookEndpoint;

namespace influence::desktop {

QString WebhookText::health(const WebhookEndpoint &endpoint)
{
    switch (endpoint.health()) {
    case WebhookEndpoint::Health::Healthy: return tr("Healthy");
    case WebhookEndpoint::Health::Failing:
        return endpoint.failingSince.isValid()
                ? tr("Failing since %1")
                          .arg(QLocale().toString(
                                  endpoint.failingSince.toLocalTime(), QLocale::ShortFormat))
                : tr("Failing");
    case WebhookEndpoint::Health::DisabledByFailures: return tr("Disabled after repeated failures");
    case WebhookEndpoint::Health::Off: return tr("Switched off");
    }
    return {};
}

QString WebhookText::events(const QStringList &eventTypes)
{
    if (eventTypes.isEmpty()) {
        return tr("All events");
    }
    QStringList names;
    for (const QString &type : eventTypes) {
        names.append(event(type));
    }
    return names.join(u", "_s);
}

QString WebhookText::event(const QString &eventType)
{
    if (eventType == common::kWebhookTestEvent) {
        return tr("Test event");
    }
    const QString kind = common::webhookTimelineKind(eventType);
    return kind.isEmpty() ? eventType : Names::eventKind(kind);
}

QString WebhookText::status(WebhookDelivery::Status status)
{
    switch (status) {
    case WebhookDelivery::Status::Pending: return tr("Pending");
    case WebhookDelivery::Status::Delivered: return tr("Delivered");
    case WebhookDelivery::Status::Failed: return tr("Failed");
    }
    return {};
}

QString WebhookText::lastAnswer(const WebhookDelivery &delivery)
{
    QStringList parts;
    if (delivery.lastStatusCode) {
        parts.append(tr("HTTP %1").arg(*delivery.lastStatusCode));
    }
    if (!delivery.lastError.isEmpty()) {
        parts.append(delivery.lastError);
    }
    return parts.isEmpty() ? u"–"_s : parts.join(u" · "_s);
}

} // namespace influence::desktop
