// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CampaignTargets.h"
#include "CollabApi.h"
#include "Result.h"

#include <QFuture>

namespace influence::common {

class ApiClient;

/// The campaign calls that carry targets (CollabApi's carry none, and a PATCH without
/// `targets` keeps them).
class CampaignTargetsApi
{
public:
    explicit CampaignTargetsApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/campaigns/{id}: its targets (none for a creator, who does not see them).
    QFuture<Result<CampaignTargets>> targets(const QString &campaignId) const;
    /// POST /api/v1/campaigns with the targets.
    QFuture<Result<Campaign>> create(
            const CampaignInput &input, const CampaignTargets &targets) const;
    /// PATCH /api/v1/campaigns/{id} with every field and the targets.
    QFuture<Result<Campaign>> update(const QString &campaignId, const CampaignInput &input,
            const CampaignTargets &targets) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
