// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"
#include "common/Domain.h"
#include "common/MoneyTypes.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Translated names of what the platform's data names: the states of campaigns, deals and
/// payouts, the sides of a deal, review decisions, deliverable types, platforms, niches,
/// countries, timeline events,
/// payment conditions and schedules, tax forms and payout requirements.
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
    /// A niche ("outdoors") in words ("Outdoors", "Natur & Outdoor"); unknown codes as they are.
    static QString niche(const QString &code);
    /// A country by its ISO 3166-1 code with the code ("Spanien (ES)"), see CountryNames.
    static QString country(const QString &code);
    /// An activity timeline entry ("offer.made") in words.
    static QString eventKind(const QString &kind);
    static QString payoutState(common::PayoutState state);
    /// Where a deal's fee stands (common::DealPayment::state: "due", "paid", "pending", …).
    static QString dealPaymentState(const QString &state);
    /// When an installment is payable ("when live").
    static QString paymentCondition(common::PaymentCondition condition);
    /// A tax form's name ("W-8BEN"; "None" in words).
    static QString taxForm(common::TaxForm form);
    /// What a creator still has to provide before being paid.
    static QString payoutRequirement(common::PayoutRequirement requirement);
    /// A payment schedule in words ("50 % on acceptance, 50 % when live · net 30 days").
    static QString paymentTerms(const common::PaymentTerms &terms);
};

} // namespace influence::desktop
