// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Collab.h"
#include "common/Result.h"
#include "core/db/Connection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>

namespace influence::server::auth {
struct Principal;
}

/// What the collaboration services share: pages, cursors, the timeline and its notifications,
/// and who a user is in a deal. SQL only through db::Connection; JSON comes from the database's
/// api_*_json functions (migration 0005).
namespace influence::server::collab {

using Binds = QList<std::pair<QString, QVariant>>;

/// One page of a list: at most `limit` rows after the cursor position (a row's seq).
struct Page
{
    enum class Order { NewestFirst, OldestFirst };
    int limit = 25;
    std::optional<qint64> after;
    Order order = Order::NewestFirst;

    /// The bound value of :after for the order (everything when there is no cursor).
    qint64 afterValue() const
    {
        if (after) {
            return *after;
        }
        return order == Order::NewestFirst ? std::numeric_limits<qint64>::max()
                                           : std::numeric_limits<qint64>::min();
    }
};

/// An opaque cursor for a position; decodeCursor() gives it back (nothing when malformed).
QString encodeCursor(qint64 position);
std::optional<qint64> decodeCursor(const QString &cursor);

/// Runs `sql`, which selects (json text, seq) rows already filtered by `:after` and ordered,
/// with `LIMIT :limit` (bound to limit + 1 here), and answers `{"items": [...], "nextCursor"}`.
common::Result<QByteArray> runPage(
        db::Connection &c, const QString &sql, Binds binds, const Page &page);

/// The first column of the only row as UTF-8 JSON; nothing when there is no row.
common::Result<std::optional<QByteArray>> optionalJson(
        db::Connection &c, const db::SqlStatement &statement, db::Connection::Binds binds);
/// Like optionalJson(), but no row is an internal error (for rows just written).
common::Result<QByteArray> json(
        db::Connection &c, const db::SqlStatement &statement, db::Connection::Binds binds);
/// Runs a statement for its effect; the number of rows it changed.
common::Result<int> affected(
        db::Connection &c, const db::SqlStatement &statement, db::Connection::Binds binds);

/// Appends to a deal's timeline, notifying the users of `notify` (except the actor) in the same
/// transaction. `object` is what the notification is about (a deal or a deliverable).
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
common::Result<void> recordEvent(db::Connection &c, const QUuid &actor, const Event &event);

/// A deal as one of its parties sees it, locked for the transaction (or read without a lock).
struct DealAccess
{
    QUuid id;
    QUuid campaignId;
    QUuid brandId;
    QUuid influencerId;
    common::DealState state = common::DealState::Invited;
    common::CampaignStatus campaignStatus = common::CampaignStatus::Draft;
    QString currency;
    /// Brand staff and administrators act on the brand side; the deal's creator on the other.
    common::DealSide side = common::DealSide::Brand;
};
enum class Lock { None, ForUpdate };
/// 404 when the deal does not exist or the principal is not a party to it (or an admin).
common::Result<DealAccess> dealAccess(
        db::Connection &c, const auth::Principal &principal, const QUuid &deal, Lock lock);

/// Runs the steps in order and stops at the first failure (later steps never run on a failed
/// transaction).
common::Result<void> runSteps(std::initializer_list<std::function<common::Result<void>()>> steps);

/// 409 illegal_transition with an explanation.
common::Error illegalTransition(const QString &detail);
/// 403: the other side of the deal does this.
common::Error wrongSide(common::DealSide needed);

/// The other party.
common::DealSide otherSide(common::DealSide side);

} // namespace influence::server::collab
