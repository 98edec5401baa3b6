// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CollabTypes.h"
#include "Result.h"

#include <QJsonObject>

#include <optional>

namespace influence::common {

/// A campaign's KPI targets (0027_campaign_targets.sql): totals to reach and cost ceilings in
/// minor units of the campaign's currency, each optional. The brand's only, like the budget:
/// the server never shows them to creators.
struct CampaignTargets
{
    std::optional<qint64> views;
    std::optional<qint64> engagements;
    std::optional<qint64> reach;
    std::optional<qint64> maxCpeMinor; ///< the most to pay per engagement
    std::optional<qint64> maxCpmMinor; ///< the most to pay per 1000 views

    bool operator==(const CampaignTargets &) const = default;
};

/// A campaign body as the create and update routes take it: its fields and its targets.
struct CampaignCommand
{
    CampaignInput input;
    CampaignTargets targets;
};

namespace collab {

inline constexpr qint64 kMaxTargetTotal = 1'000'000'000'000;
inline constexpr qint64 kMaxTargetCeilingMinor = 1'000'000'000;

/// `targets` of a campaign body: absent or null is none; else an object of whole numbers
/// (totals 1 to kMaxTargetTotal, ceilings 1 to kMaxTargetCeilingMinor) or nulls. Field errors
/// name `targets` or `targets.<name>`; an unknown name is `unknown_field` (a misspelt target
/// would silently be none).
Result<CampaignTargets> validateCampaignTargets(const QJsonObject &body);
/// validateCampaign and validateCampaignTargets together, their field errors in one error.
Result<CampaignCommand> validateCampaignCommand(const QJsonObject &body);
/// {views, engagements, reach, maxCpeMinor, maxCpmMinor}, null where no target is set.
QJsonObject targetsJson(const CampaignTargets &targets);

} // namespace collab

} // namespace influence::common
