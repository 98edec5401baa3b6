// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Result.h"

#include <QString>
#include <QUuid>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

/// Who a user is in a deal, and the errors of the deal's state machine: what the deal's
/// aggregates (Deals, Deliverables, Timeline) share.
namespace influence::server::deals {

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
        db::Connection &c, const http::Principal &principal, const QUuid &deal, Lock lock);

/// 409 illegal_transition with an explanation.
common::Error illegalTransition(const QString &detail);
/// 403: the other side of the deal does this.
common::Error wrongSide(common::DealSide needed);

/// The other party.
common::DealSide otherSide(common::DealSide side);

} // namespace influence::server::deals
