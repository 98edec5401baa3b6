// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CampaignTargets.h"
#include "common/CollabTypes.h"
#include "common/Result.h"
#include "core/db/Pages.h"

#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace influence::server::http {
struct Principal;
}

/// Campaigns: created and edited by their brand's side, launched, paused, resumed, completed and
/// cancelled through the transitions of common::campaignTransition(). Every function runs its
/// own transaction and answers the campaign as JSON (api_campaign_json).
namespace influence::server::campaigns {

/// Which campaigns a list shows.
enum class View {
    Own, ///< brand side: the brands the caller acts for (admins: all); creators: those with a deal
    Open, ///< public active campaigns taking applications (creators: only those that fit them)
};

struct ListQuery
{
    View view = View::Own;
    std::optional<common::CampaignStatus> status;
    std::optional<QUuid> brand; ///< only this brand's campaigns
    db::Page page;
};

/// A campaign locked for the transaction: FOR SHARE while deals are added to it, FOR NO KEY
/// UPDATE for its own transitions.
struct CampaignRow
{
    QUuid id;
    QUuid brandId;
    common::CampaignStatus status = common::CampaignStatus::Draft;
    common::CampaignVisibility visibility = common::CampaignVisibility::Private;
    /// The caller acts for the campaign's brand (or is an admin).
    bool brandSide = false;
    bool deadlinePassed = false;
    QString currency;
    QJsonObject json;
};
enum class CampaignLock { Share, Update };
/// Nothing when there is no such campaign.
common::Result<std::optional<CampaignRow>> lockCampaign(
        db::Connection &c, const http::Principal &p, const QUuid &id, CampaignLock lock);

/// The brand something new of the caller's belongs to (a campaign, a shortlist): the one named
/// (if the caller acts for it, or is an admin), else the caller's only brand; 422 brandId
/// otherwise.
common::Result<QUuid> brandFor(
        db::Connection &c, const http::Principal &p, const std::optional<QUuid> &named);

/// `brandId` names the brand when the caller acts for several (or is an admin).
common::Result<QByteArray> create(db::Connection &c, const http::Principal &p,
        const common::CampaignCommand &command, const std::optional<QUuid> &brandId);
/// A campaign the caller may see (brand side: with progress); 404 otherwise.
common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// Merges the editable fields of `patch` (targets included) into the campaign and validates the
/// whole; only in draft, active or paused.
common::Result<QByteArray> update(
        db::Connection &c, const http::Principal &p, const QUuid &id, const QJsonObject &patch);
/// launch, pause, resume, complete (not while deliverables are in review; open negotiations are
/// cancelled) or cancel (every live deal is cancelled and its open offer withdrawn).
common::Result<QByteArray> transition(db::Connection &c, const http::Principal &p, const QUuid &id,
        common::CampaignAction action);
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &p, const ListQuery &query);

} // namespace influence::server::campaigns
