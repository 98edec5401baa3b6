// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/db/Pages.h"

#include <QByteArray>
#include <QUuid>

namespace influence::server::http {
struct Principal;
}

/// The caller's notifications. They are written where something happens (a deal's timeline
/// records an event and notifies in the same transaction, see deals/Timeline.h); here they are
/// listed and marked read.
namespace influence::server::notifications {

enum class Filter { All, UnreadOnly };

/// The caller's notifications, newest first.
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &p, Filter filter, const db::Page &page);
/// How many of the caller's notifications are unread: {"count": n} (the partial index of
/// unread notifications answers it).
common::Result<QByteArray> unreadCount(db::Connection &c, const http::Principal &p);
/// Marks one of the caller's notifications read (404 for anyone else's).
common::Result<QByteArray> markRead(db::Connection &c, const http::Principal &p, const QUuid &id);
/// Marks all read: {"updated": n}.
common::Result<QByteArray> markAllRead(db::Connection &c, const http::Principal &p);

} // namespace influence::server::notifications
