// SPDX-License-Identifier: Apache-2.0
#include "WebhooksApi.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

QString endpointPath(const QString &id, const QString &rest = {})
{
    return u"/api/v1/webhooks/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}

QUrlQuery pageQuery(int limit, const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty()) {
        query.addQueryItem(u"cursor"_s, cursor);
    }
    return query;
}

QJsonDocument inputJson(const WebhookEndpointInput &input)
{
    QJsonObject body;
    if (input.url) {
        body.insert(u"url"_s, input.url->trimmed());
    }
    if (input.description) {
        body.insert(u"description"_s, *input.description);
    }
    if (input.events) {
        body.insert(u"events"_s, QJsonArray::fromStringList(*input.events));
    }
    if (input.enabled) {
        body.insert(u"enabled"_s, *input.enabled);
    }
    if (!input.brandId.isEmpty()) {
        body.insert(u"brandId"_s, input.brandId);
    }
    return QJsonDocument(body);
}

} // namespace

QFuture<Result<WebhookPage<WebhookEndpoint>>> WebhooksApi::endpoints(
        int limit, const QString &cursor, const QString &brandId) const
{
    QUrlQuery query = pageQuery(limit, cursor);
    if (!brandId.isEmpty()) {
        query.addQueryItem(u"brand"_s, brandId);
    }
    return readObject<WebhookPage<WebhookEndpoint>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/webhooks"_s, query),
            WebhookPage<WebhookEndpoint>::fromJson);
}

QFuture<Result<WebhookEndpointSecret>> WebhooksApi::create(const WebhookEndpointInput &input) const
{
    return readObject<WebhookEndpointSecret>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/webhooks"_s, {}, inputJson(input)),
            WebhookEndpointSecret::fromJson);
}

QFuture<Result<WebhookEndpoint>> WebhooksApi::update(
        const QString &id, const WebhookEndpointInput &input) const
{
    return readObject<WebhookEndpoint>(
            m_client->send(ApiClient::Method::Patch, endpointPath(id), {}, inputJson(input)),
            WebhookEndpoint::fromJson);
}

QFuture<Result<JsonReply>> WebhooksApi::remove(const QString &id) const
{
    return m_client->send(ApiClient::Method::Delete, endpointPath(id));
}

QFuture<Result<WebhookEndpointSecret>> WebhooksApi::rotateSecret(const QString &id) const
{
    return readObject<WebhookEndpointSecret>(
            m_client->send(ApiClient::Method::Post, endpointPath(id, u"/rotate-secret"_s), {},
                    QJsonDocument(QJsonObject())),
            WebhookEndpointSecret::fromJson);
}

QFuture<Result<WebhookDelivery>> WebhooksApi::sendTest(const QString &id) const
{
    return readObject<WebhookDelivery>(
            m_client->send(ApiClient::Method::Post, endpointPath(id, u"/test"_s), {},
                    QJsonDocument(QJsonObject())),
            WebhookDelivery::fromJson);
}

QFuture<Result<WebhookPage<WebhookDelivery>>> WebhooksApi::deliveries(
        const QString &id, int limit, const QString &cursor) const
{
    return readObject<WebhookPage<WebhookDelivery>>(
            m_client->send(ApiClient::Method::Get, endpointPath(id, u"/deliveries"_s),
                    pageQuery(limit, cursor)),
            WebhookPage<WebhookDelivery>::fromJson);
}

QFuture<Result<WebhookDelivery>> WebhooksApi::replay(
        const QString &id, const QString &deliveryId) const
{
    return readObject<WebhookDelivery>(
            m_client->send(ApiClient::Method::Post,
                    endpointPath(id,
                            u"/deliveries/"_s
                                    + QString::fromLatin1(QUrl::toPercentEncoding(deliveryId))
                                    + u"/replay"_s),
                    {}, QJsonDocument(QJsonObject())),
            WebhookDelivery::fromJson);
}

} // namespace influence::common
