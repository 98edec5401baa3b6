// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Domain.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Translated names of what the platform's data names: the states of campaigns and deals, the
/// sides of a deal, review decisions, deliverable types, platforms and timeline events.
class Names
{
    Q_DECLARE_TR_FUNCTIONS(Names)

public:
    static QString campaignStatus(common::CampaignStatus status);
    static QString dealState(common::DealState state);
    static QString dealSide(common::DealSide side);
    static QString reviewDecision(common::ReviewDecision decision);
    static QString deliverableType(common::DeliverableType type);
    /// The platform's own name ("YouTube"): a proper noun, the same in every language.
    static QString platform(common::Platform platform);
    /// An activity timeline entry ("offer.made") in words.
    static QString eventKind(const QString &kind);
};

} // namespace influence::desktop
