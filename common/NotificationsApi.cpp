// SPDX-License-Identifier: Apache-2.0
#include "NotificationsApi.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {
const QString kPath = u"/api/v1/me/notification-settings"_s;
} // namespace

QFuture<Result<NotificationSettings>> NotificationsApi::settings() const
{
    return readObject<NotificationSettings>(
            m_client->send(ApiClient::Method::Get, kPath), NotificationSettings::fromJson);
}

QFuture<Result<NotificationSettings>> NotificationsApi::setSettings(
        const NotificationSettings &settings) const
{
    return readObject<NotificationSettings>(
            m_client->send(ApiClient::Method::Put, kPath, {}, QJsonDocument(settings.toJson())),
            NotificationSettings::fromJson);
}

} // namespace influence::common
