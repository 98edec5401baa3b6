// SPDX-License-Identifier: Apache-2.0
#include "DealAccess.h"

#include "core/db/Connection.h"
#include "core/http/Principal.h"

using namespace Qt::StringLiterals;
using influence::common::DealSide;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::deals {

namespace {

const SqlStatement kDealAccess(
        u"SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency, "
        "acts_for_brand(:user, d.brand_id) FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "WHERE d.id = :id"_s);
// Locking for a change also names the actor for the money triggers and the audit log
// (0010_money.sql, money_actor()) for the rest of the transaction.
const SqlStatement kDealAccessLocked(
        u"SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency, "
        "acts_for_brand(:user, d.brand_id), set_config('influence.actor', CAST(:user AS text), "
        "true) FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "WHERE d.id = :id FOR UPDATE OF d"_s);

} // namespace

Result<DealAccess> dealAccess(
        Connection &c, const http::Principal &principal, const QUuid &deal, Lock lock)
{
    auto query = c.run(lock == Lock::ForUpdate ? kDealAccessLocked : kDealAccess,
            {{u":user"_s, principal.userId()}, {u":id"_s, deal}});
    if (!query) {
        return query.error();
    }
    QSqlQuery &row = **query;
    if (!row.next()) {
        return Error::notFound(u"No such deal."_s);
    }
    DealAccess access;
    access.id = deal;
    access.state = common::collabFromString<common::DealState>(row.value(0).toString())
                           .value_or(common::DealState::Invited);
    access.campaignId = row.value(1).toUuid();
    access.brandId = row.value(2).toUuid();
    access.influencerId = row.value(3).toUuid();
    access.campaignStatus =
            common::collabFromString<common::CampaignStatus>(row.value(4).toString())
                    .value_or(common::CampaignStatus::Draft);
    access.currency = row.value(5).toString();
    const bool brandSide = row.value(6).toBool();
    row.finish();
    if (brandSide || principal.isAdmin()) {
        access.side = DealSide::Brand;
    } else if (access.influencerId == principal.userId()) {
        access.side = DealSide::Creator;
    } else {
        return Error::notFound(u"No such deal."_s);
    }
    return access;
}

Error illegalTransition(const QString &detail)
{
    return Error::make(ErrorCode::IllegalTransition, detail);
}

Error wrongSide(DealSide needed)
{
    return Error::make(ErrorCode::Forbidden,
            needed == DealSide::Brand ? u"Only the brand's side does this."_s
                                      : u"Only the creator does this."_s);
}

DealSide otherSide(DealSide side)
{
    return side == DealSide::Brand ? DealSide::Creator : DealSide::Brand;
}

} // namespace influence::server::deals
