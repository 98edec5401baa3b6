// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ApiClient.h"
#include "NotificationTypes.h"
#include "Result.h"

#include <QFuture>

namespace influence::common {

/// Typed calls of the caller's notification settings (GET/PUT /me/notification-settings)
/// layered on ApiClient::send. Holds no state but the client; copy it freely.
class NotificationsApi
{
public:
    explicit NotificationsApi(ApiClient *client)
        : m_client(client)
    { }

    QFuture<Result<NotificationSettings>> settings() const;
    /// Sends every kind, the quiet hours and the time zone; answers the settings as stored.
    QFuture<Result<NotificationSettings>> setSettings(const NotificationSettings &settings) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
