// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DealAccess.h"
#include "core/db/Pages.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

/// A deal's activity timeline (deal_events) and its message thread. Every change to a deal
/// records an event here, in the change's own transaction; the event notifies the other side
/// (the notifications domain lists them).
namespace influence::server::deals::timeline {

/// What happened to a deal, and whom to notify (the users of `notify`, except the actor).
/// `objectType`/`objectId` say what the notification is about (the deal or a deliverable).
struct Event
{
    Event(QUuid dealId, QString eventKind, QJsonObject eventData,
            std::optional<common::DealSide> notifySide,
            QString notificationObjectType = QStringLiteral("deal"),
            QUuid notificationObjectId = {})
        : deal(dealId)
        , kind(std::move(eventKind))
        , data(std::move(eventData))
        , notify(notifySide)
        , objectType(std::move(notificationObjectType))
        , objectId(notificationObjectId)
    { }

    QUuid deal;
    QString kind; ///< "offer.accepted"
    QJsonObject data;
    std::optional<common::DealSide> notify;
    QString objectType;
    QUuid objectId; ///< null: the deal
};
/// Appends to the deal's timeline and notifies, in the caller's transaction.
common::Result<void> record(db::Connection &c, const QUuid &actor, const Event &event);

/// The deal's messages, newest first.
common::Result<QByteArray> messages(
        db::Connection &c, const http::Principal &p, const QUuid &deal, const db::Page &page);
/// Posts a message; the other side is notified.
common::Result<QByteArray> postMessage(
        db::Connection &c, const http::Principal &p, const QUuid &deal, const QString &body);
/// postMessage() in the caller's transaction (a rule's action).
common::Result<QByteArray> postMessageInTransaction(
        db::Connection &tx, const http::Principal &p, const QUuid &deal, const QString &body);
/// The deal's timeline, oldest first.
common::Result<QByteArray> events(
        db::Connection &c, const http::Principal &p, const QUuid &deal, const db::Page &page);

} // namespace influence::server::deals::timeline
