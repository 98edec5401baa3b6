// SPDX-License-Identifier: Apache-2.0
#include "WebhookTypes.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

QDateTime timestamp(const QJsonObject &json, const QString &field)
{
    return QDateTime::fromString(json.value(field).toString(), Qt::ISODateWithMs);
}

} // namespace

WebhookEndpoint::Health WebhookEndpoint::health() const
{
    if (!enabled) {
        // The server gives its reason when it disabled the endpoint itself, and "disabled by
        // staff" when someone switched it off.
        return disabledReason.isEmpty() || disabledReason == u"disabled by staff"_s
                ? Health::Off
                : Health::DisabledByFailures;
    }
    return failingSince.isValid() || consecutiveFailures > 0 ? Health::Failing : Health::Healthy;
}

Result<WebhookEndpoint> WebhookEndpoint::fromJson(const QJsonObject &json)
{
    WebhookEndpoint endpoint;
    endpoint.id = json.value(u"id"_s).toString();
    endpoint.url = json.value(u"url"_s).toString();
    if (endpoint.id.isEmpty() || endpoint.url.isEmpty() || !json.value(u"events"_s).isArray()
            || !json.value(u"enabled"_s).isBool()) {
        return invalid(u"A webhook endpoint has no id, URL, events or enabled."_s);
    }
    endpoint.brandId = json.value(u"brandId"_s).toString();
    endpoint.description = json.value(u"description"_s).toString();
    for (const QJsonValue event : json.value(u"events"_s).toArray()) {
        endpoint.events.append(event.toString());
    }
    endpoint.enabled = json.value(u"enabled"_s).toBool();
    endpoint.disabledReason = json.value(u"disabledReason"_s).toString();
    endpoint.consecutiveFailures = json.value(u"consecutiveFailures"_s).toInt();
    endpoint.failingSince = timestamp(json, u"failingSince"_s);
    endpoint.lastSuccessAt = timestamp(json, u"lastSuccessAt"_s);
    endpoint.secretRotatedAt = timestamp(json, u"secretRotatedAt"_s);
    endpoint.previousSecretExpiresAt = timestamp(json, u"previousSecretExpiresAt"_s);
    endpoint.createdAt = timestamp(json, u"createdAt"_s);
    endpoint.updatedAt = timestamp(json, u"updatedAt"_s);
    return endpoint;
}

Result<WebhookEndpointSecret> WebhookEndpointSecret::fromJson(const QJsonObject &json)
{
    auto endpoint = WebhookEndpoint::fromJson(json);
    if (!endpoint) {
        return endpoint.error();
    }
    const QString secret = json.value(u"secret"_s).toString();
    if (!secret.startsWith(u"whsec_"_s) || secret.size() <= 6) {
        return invalid(u"The answer has no signing secret (whsec_…)."_s);
    }
    return WebhookEndpointSecret{std::move(*endpoint), secret};
}

Result<WebhookDelivery> WebhookDelivery::fromJson(const QJsonObject &json)
{
    static const QList<std::pair<QString, WebhookDelivery::Status>> statuses{
            {u"pending"_s, Status::Pending}, {u"delivered"_s, Status::Delivered},
            {u"failed"_s, Status::Failed}};
    WebhookDelivery delivery;
    delivery.id = json.value(u"id"_s).toString();
    delivery.eventType = json.value(u"eventType"_s).toString();
    const QString status = json.value(u"status"_s).toString();
    const auto known = std::find_if(statuses.begin(), statuses.end(), [&](const auto &entry) {
        return entry.first == status;
    });
    if (delivery.id.isEmpty() || delivery.eventType.isEmpty() || known == statuses.end()) {
        return invalid(u"A webhook delivery has no id, event type or known status."_s);
    }
    delivery.status = known->second;
    delivery.endpointId = json.value(u"endpointId"_s).toString();
    delivery.payload = json.value(u"payload"_s).toObject();
    delivery.attempts = json.value(u"attempts"_s).toInt();
    if (json.value(u"lastStatusCode"_s).isDouble()) {
        delivery.lastStatusCode = json.value(u"lastStatusCode"_s).toInt();
    }
    delivery.lastError = json.value(u"lastError"_s).toString();
    delivery.nextAttemptAt = timestamp(json, u"nextAttemptAt"_s);
    delivery.createdAt = timestamp(json, u"createdAt"_s);
    delivery.deliveredAt = timestamp(json, u"deliveredAt"_s);
    return delivery;
}

QStringList webhookTimelineKinds()
{
    return {u"deal.invited"_s, u"deal.applied"_s, u"offer.made"_s, u"offer.accepted"_s,
            u"offer.declined"_s, u"deal.started"_s, u"deliverable.submitted"_s,
            u"deliverable.reviewed"_s, u"deliverable.live"_s, u"deliverable.due_soon"_s,
            u"deliverable.overdue"_s, u"message.posted"_s, u"deal.completed"_s, u"deal.withdrawn"_s,
            u"deal.cancelled"_s, u"payout.scheduled"_s, u"payout.approved"_s, u"payout.paid"_s,
            u"payout.failed"_s, u"payout.reversed"_s, u"payout.cancelled"_s};
}

QString webhookEventType(const QString &timelineKind)
{
    return u"deal."_s + QString(timelineKind).replace(u'.', u'_');
}

QString webhookTimelineKind(const QString &eventType)
{
    const QStringList kinds = webhookTimelineKinds();
    const auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const QString &k) {
        return webhookEventType(k) == eventType;
    });
    return kind == kinds.end() ? QString() : *kind;
}

bool isAcceptableWebhookUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.isRelative() || parsed.host().isEmpty()
            || !parsed.userInfo().isEmpty() || url.size() > 2000) {
        return false;
    }
    if (parsed.scheme() == u"https"_s) {
        return true;
    }
    const QHostAddress address(parsed.host());
    return parsed.scheme() == u"http"_s
            && (parsed.host() == u"localhost"_s || address.isLoopback());
}

} // namespace influence::common
