// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Translated names of what can be done with a campaign.
class CampaignText
{
    Q_DECLARE_TR_FUNCTIONS(CampaignText)

public:
    static QString campaignAction(common::CampaignAction action);
};

} // namespace influence::desktop
