// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/db/Connection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QTime>

#include <optional>
#include <utility>

namespace influence::server::http {
struct Principal;
}

/// The caller's notification settings (notification_settings, 0021): per reminder kind a channel
/// and the digest, quiet hours and the time zone. notify_user() in SQL applies them wherever a
/// reminder is sent.
namespace influence::server::notifications {

/// A validated PUT: the members given replace the stored ones, the others stay.
struct SettingsUpdate
{
    /// {"<kind>": {"channel"?: …, "digest"?: …}}: merged into each kind's stored setting.
    QJsonObject kinds;
    /// Set: replace the quiet hours (nullopt inside: none).
    std::optional<std::optional<std::pair<QTime, QTime>>> quietHours;
    std::optional<QString> timeZone;
};

/// The caller's settings with the defaults filled in.
common::Result<QByteArray> settings(db::Connection &c, const http::Principal &p);
/// Applies `update` (422 timeZone when PostgreSQL does not know the zone) and answers the
/// settings as they are now.
common::Result<QByteArray> updateSettings(
        db::Connection &c, const http::Principal &p, const SettingsUpdate &update);

} // namespace influence::server::notifications
