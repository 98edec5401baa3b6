// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"
#include "ShortlistTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// What the webhook routes answer (/api/v1/webhooks…), read from their JSON, and the event types
/// an endpoint may filter on.
namespace influence::common {

/// A brand's endpoint that deal events are POSTed to, signed with its secret (never in here).
struct WebhookEndpoint
{
    /// Where the endpoint stands, from its fields: delivering, failing for a while, disabled by
    /// its failures (the server's doing), or switched off by the brand.
    enum class Health { Healthy, Failing, DisabledByFailures, Off };

    QString id;
    QString brandId;
    QString url;
    QString description;
    QStringList events; ///< empty: every event
    bool enabled = true;
    QString disabledReason; ///< why it is disabled ("disabled by staff", or the failures)
    int consecutiveFailures = 0;
    QDateTime failingSince; ///< invalid while healthy
    QDateTime lastSuccessAt;
    QDateTime secretRotatedAt;
    QDateTime previousSecretExpiresAt; ///< until when the secret before the rotation signs too
    QDateTime createdAt;
    QDateTime updatedAt;

    Health health() const;

    static Result<WebhookEndpoint> fromJson(const QJsonObject &json);
};

/// An endpoint with its signing secret, as create and rotate-secret answer them (the only time
/// the secret is told).
struct WebhookEndpointSecret
{
    WebhookEndpoint endpoint;
    QString secret; ///< "whsec_…"

    static Result<WebhookEndpointSecret> fromJson(const QJsonObject &json);
};

/// One event for one endpoint: its attempts so far and the last answer.
struct WebhookDelivery
{
    enum class Status { Pending, Delivered, Failed };

    QString id; ///< the webhook-id header ("msg_…"), the same on every retry and replay
    QString endpointId;
    QString eventType; ///< "deal.offer_accepted", "webhook.test"
    QJsonObject payload;
    Status status = Status::Pending;
    int attempts = 0;
    std::optional<int> lastStatusCode;
    QString lastError;
    QDateTime nextAttemptAt;
    QDateTime createdAt;
    QDateTime deliveredAt;

    static Result<WebhookDelivery> fromJson(const QJsonObject &json);
};

/// A page of endpoints or deliveries (the same shape as every list of the API).
template<class T>
using WebhookPage = ShortlistPage<T>;

/// The deal timeline kinds ("offer.accepted") that reach webhooks, in the timeline's order.
QStringList webhookTimelineKinds();
/// The webhook event type of a timeline kind: "offer.accepted" → "deal.offer_accepted".
QString webhookEventType(const QString &timelineKind);
/// The timeline kind of a webhook event type (empty when it is not one of webhookTimelineKinds).
QString webhookTimelineKind(const QString &eventType);
/// The type of the test event (`POST …/test`).
inline constexpr QLatin1StringView kWebhookTestEvent("webhook.test");

/// Whether the server could take `url` as an endpoint: absolute https with a host, or http to
/// this machine (taken only by a server that allows local targets). Whether the host resolves to
/// a public address is for the server to say.
bool isAcceptableWebhookUrl(const QString &url);

} // namespace influence::common
