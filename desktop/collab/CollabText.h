// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Collab.h"
#include "common/Error.h"
#include "common/Money.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Translated names of the collaboration states and actions, money in the user's locale, and
/// plain-language text for the server's collaboration errors.
class CollabText
{
    Q_DECLARE_TR_FUNCTIONS(CollabText)

public:
    static QString campaignStatus(common::CampaignStatus status);
    static QString campaignAction(common::CampaignAction action);
    static QString dealState(common::DealState state);
    static QString dealAction(common::DealAction action);
    /// The amount in the user's locale with its currency ("5.000,00 €").
    static QString money(const common::Money &money);
    /// A headline for an error (collaboration codes included) and the server's detail after it.
    static QString error(const common::Error &error);
};

} // namespace influence::desktop
