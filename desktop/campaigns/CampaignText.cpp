// SPDX-License-Identifier: Apache-2.0
#include "CampaignText.h"

using namespace Qt::StringLiterals;
using influence::common::CampaignAction;

namespace influence::desktop {

QString CampaignText::campaignAction(CampaignAction action)
{
    switch (action) {
    case CampaignAction::Launch: return tr("Launch");
    case CampaignAction::Pause: return tr("Pause");
    case CampaignAction::Resume: return tr("Resume");
    case CampaignAction::Complete: return tr("Complete");
    case CampaignAction::Cancel: return tr("Cancel campaign");
    }
    return {};
}

} // namespace influence::desktop
