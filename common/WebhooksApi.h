// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "Result.h"
#include "WebhookTypes.h"

#include <QFuture>
#include <QString>
#include <QStringList>

#include <optional>

/// Typed calls of the webhook API layered on ApiClient::send.
namespace influence::common {

/// A new endpoint, or the changes to one (unset: unchanged).
struct WebhookEndpointInput
{
    std::optional<QString> url;
    std::optional<QString> description;
    std::optional<QStringList> events; ///< empty: every event
    std::optional<bool> enabled;
    /// create only: the brand the endpoint is for (empty: the user's only brand).
    QString brandId;
};

/// The webhook calls. Holds no state but the client; copy it freely.
class WebhooksApi
{
public:
    explicit WebhooksApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/webhooks: the endpoints of the brands the user acts for (of `brandId` only
    /// when given), newest first.
    QFuture<Result<WebhookPage<WebhookEndpoint>>> endpoints(
            int limit, const QString &cursor, const QString &brandId = {}) const;
    /// POST /api/v1/webhooks: the new endpoint with its secret (told this once).
    QFuture<Result<WebhookEndpointSecret>> create(const WebhookEndpointInput &input) const;
    /// PATCH /api/v1/webhooks/{id}; enabling a disabled endpoint forgets its failures.
    QFuture<Result<WebhookEndpoint>> update(
            const QString &id, const WebhookEndpointInput &input) const;
    /// DELETE /api/v1/webhooks/{id}, with its delivery log.
    QFuture<Result<JsonReply>> remove(const QString &id) const;
    /// POST /api/v1/webhooks/{id}/rotate-secret: the new secret (told this once); the old one
    /// signs too for a day.
    QFuture<Result<WebhookEndpointSecret>> rotateSecret(const QString &id) const;
    /// POST /api/v1/webhooks/{id}/test: a webhook.test delivery, queued.
    QFuture<Result<WebhookDelivery>> sendTest(const QString &id) const;
    /// GET /api/v1/webhooks/{id}/deliveries, newest first.
    QFuture<Result<WebhookPage<WebhookDelivery>>> deliveries(
            const QString &id, int limit, const QString &cursor) const;
    /// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: the same delivery, queued again.
    QFuture<Result<WebhookDelivery>> replay(const QString &id, const QString &deliveryId) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
