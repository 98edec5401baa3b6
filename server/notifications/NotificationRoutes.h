// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server::http {
struct HttpContext;
}

namespace influence::server::notifications {

/// /api/v1/notifications[/unread-count|/read-all|/{id}/read]: the caller's own notifications;
/// /api/v1/me/notification-settings (GET, PUT): how the caller hears about reminders.
void registerRoutes(http::HttpContext &context);

} // namespace influence::server::notifications
