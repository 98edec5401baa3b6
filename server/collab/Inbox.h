// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CollabSupport.h"

/// A deal's message thread and activity timeline, the caller's notifications, and the staff who
/// act for a brand.
namespace influence::server::collab::inbox {

/// Newest first.
common::Result<QByteArray> messages(
        db::Connection &c, const auth::Principal &p, const QUuid &deal, const Page &page);
/// Posts a message; the other side is notified.
common::Result<QByteArray> postMessage(
        db::Connection &c, const auth::Principal &p, const QUuid &deal, const QString &body);
/// Oldest first: the deal's timeline.
common::Result<QByteArray> events(
        db::Connection &c, const auth::Principal &p, const QUuid &deal, const Page &page);

/// The caller's notifications, newest first.
common::Result<QByteArray> notifications(
        db::Connection &c, const auth::Principal &p, bool unreadOnly, const Page &page);
/// How many of the caller's notifications are unread: {"count": n} (the partial index of
/// unread notifications answers it).
common::Result<QByteArray> unreadCount(db::Connection &c, const auth::Principal &p);
/// Marks one of the caller's notifications read (404 for anyone else's).
common::Result<QByteArray> markRead(db::Connection &c, const auth::Principal &p, const QUuid &id);
/// Marks all read: {"updated": n}.
common::Result<QByteArray> markAllRead(db::Connection &c, const auth::Principal &p);

/// The staff of a brand (visible to those who act for it).
common::Result<QByteArray> members(db::Connection &c, const auth::Principal &p, const QUuid &brand);
/// The brand's owner (or an admin) adds a user with the brand role as staff.
common::Result<QByteArray> addMember(
        db::Connection &c, const auth::Principal &p, const QUuid &brand, const QUuid &user);
/// False when the user was not a member.
common::Result<bool> removeMember(
        db::Connection &c, const auth::Principal &p, const QUuid &brand, const QUuid &user);

} // namespace influence::server::collab::inbox
