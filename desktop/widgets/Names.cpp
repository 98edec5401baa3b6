// SPDX-License-Identifier: Apache-2.0
#include "Names.h"

#include "CountryNames.h"

#include <QList>
#include <QStringList>

using namespace Qt::StringLiterals;
using influence::common::CampaignStatus;
using influence::common::DealState;

namespace influence::desktop {

QString Names::campaignStatus(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft: return tr("Draft");
    case CampaignStatus::Active: return tr("Active");
    case CampaignStatus::Paused: return tr("Paused");
    case CampaignStatus::Completed: return tr("Completed");
    case CampaignStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString Names::dealState(DealState state)
{
    switch (state) {
    case DealState::Invited: return tr("Invited");
    case DealState::Applied: return tr("Applied");
    case DealState::Negotiating: return tr("Negotiating");
    case DealState::Accepted: return tr("Accepted");
    case DealState::InProgress: return tr("In progress");
    case DealState::Completed: return tr("Completed");
    case DealState::Declined: return tr("Declined");
    case DealState::Withdrawn: return tr("Withdrawn");
    case DealState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString Names::dealSide(common::DealSide side)
{
    return side == common::DealSide::Brand ? tr("Brand") : tr("Creator");
}

QString Names::reviewDecision(common::ReviewDecision decision)
{
    switch (decision) {
    case common::ReviewDecision::Approved: return tr("Approved");
    case common::ReviewDecision::ApprovedWithChanges: return tr("Approved with changes");
    case common::ReviewDecision::ChangesRequested: return tr("Changes requested");
    }
    return {};
}

QString Names::deliverableType(common::DeliverableType type)
{
    switch (type) {
    case common::DeliverableType::Post: return tr("Post");
    case common::DeliverableType::Story: return tr("Story");
    case common::DeliverableType::Reel: return tr("Reel");
    case common::DeliverableType::Video: return tr("Video");
    case common::DeliverableType::Short: return tr("Short");
    case common::DeliverableType::Livestream: return tr("Livestream");
    case common::DeliverableType::Blog: return tr("Blog article");
    }
    return {};
}

QString Names::platform(common::Platform platform)
{
    switch (platform) {
    case common::Platform::Instagram: return u"Instagram"_s;
    case common::Platform::YouTube: return u"YouTube"_s;
    case common::Platform::TikTok: return u"TikTok"_s;
    case common::Platform::Twitch: return u"Twitch"_s;
    case common::Platform::X: return u"X"_s;
    case common::Platform::Facebook: return u"Facebook"_s;
    case common::Platform::Pinterest: return u"Pinterest"_s;
    case common::Platform::LinkedIn: return u"LinkedIn"_s;
    case common::Platform::Snapchat: return u"Snapchat"_s;
    }
    return {};
}

QString Names::niche(const QString &code)
{
    static const QList<std::pair<QString, const char *>> niches{{u"art"_s, QT_TR_NOOP("Art")},
            {u"automotive"_s, QT_TR_NOOP("Automotive")}, {u"beauty"_s, QT_TR_NOOP("Beauty")},
            {u"comedy"_s, QT_TR_NOOP("Comedy")}, {u"diy"_s, QT_TR_NOOP("DIY")},
            {u"education"_s, QT_TR_NOOP("Education")}, {u"family"_s, QT_TR_NOOP("Family")},
            {u"fashion"_s, QT_TR_NOOP("Fashion")}, {u"finance"_s, QT_TR_NOOP("Finance")},
            {u"fitness"_s, QT_TR_NOOP("Fitness")}, {u"food"_s, QT_TR_NOOP("Food")},
            {u"gaming"_s, QT_TR_NOOP("Gaming")}, {u"health"_s, QT_TR_NOOP("Health")},
            {u"home"_s, QT_TR_NOOP("Home & living")}, {u"lifestyle"_s, QT_TR_NOOP("Lifestyle")},
            {u"music"_s, QT_TR_NOOP("Music")}, {u"outdoors"_s, QT_TR_NOOP("Outdoors")},
            {u"pets"_s, QT_TR_NOOP("Pets")}, {u"photography"_s, QT_TR_NOOP("Photography")},
            {u"sports"_s, QT_TR_NOOP("Sports")},
            {u"sustainability"_s, QT_TR_NOOP("Sustainability")}, {u"tech"_s, QT_TR_NOOP("Tech")},
            {u"travel"_s, QT_TR_NOOP("Travel")}, {u"wellness"_s, QT_TR_NOOP("Wellness")}};
    for (const auto &[wire, text] : niches) {
        if (wire == code) {
            return tr(text);
        }
    }
    return code;
}

QString Names::country(const QString &code)
{
    return CountryNames::withCode(code);
}

QString Names::eventKind(const QString &kind)
{
    static const QList<std::pair<QString, const char *>> kinds{
            {u"deal.invited"_s, QT_TR_NOOP("Creator invited")},
            {u"deal.applied"_s, QT_TR_NOOP("Creator applied")},
            {u"offer.made"_s, QT_TR_NOOP("Offer made")},
            {u"offer.accepted"_s, QT_TR_NOOP("Offer accepted")},
            {u"offer.declined"_s, QT_TR_NOOP("Offer declined")},
            {u"deal.started"_s, QT_TR_NOOP("Work started")},
            {u"deal.withdrawn"_s, QT_TR_NOOP("Deal withdrawn")},
            {u"deal.cancelled"_s, QT_TR_NOOP("Deal cancelled")},
            {u"deal.completed"_s, QT_TR_NOOP("Deal completed")},
            {u"deliverable.submitted"_s, QT_TR_NOOP("Draft submitted")},
            {u"deliverable.reviewed"_s, QT_TR_NOOP("Draft reviewed")},
            {u"deliverable.live"_s, QT_TR_NOOP("Post live")},
            {u"deliverable.overdue"_s, QT_TR_NOOP("Post overdue")},
            {u"deliverable.due_soon"_s, QT_TR_NOOP("Post due soon")},
            {u"message.posted"_s, QT_TR_NOOP("Message written")},
            {u"payout.scheduled"_s, QT_TR_NOOP("Installment payable")},
            {u"payout.approved"_s, QT_TR_NOOP("Payout approved")},
            {u"payout.paid"_s, QT_TR_NOOP("Payout paid")},
            {u"payout.failed"_s, QT_TR_NOOP("Payout failed")},
            {u"payout.reversed"_s, QT_TR_NOOP("Payout reversed")},
            {u"payout.cancelled"_s, QT_TR_NOOP("Payout cancelled")}};
    for (const auto &[wire, text] : kinds) {
        if (wire == kind) {
            return tr(text);
        }
    }
    return kind;
}

QString Names::payoutState(common::PayoutState state)
{
    using common::PayoutState;
    switch (state) {
    case PayoutState::Scheduled: return tr("Scheduled");
    case PayoutState::Due: return tr("Due");
    case PayoutState::Approved: return tr("Approved");
    case PayoutState::Processing: return tr("Processing");
    case PayoutState::Paid: return tr("Paid");
    case PayoutState::Failed: return tr("Failed");
    case PayoutState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString Names::dealPaymentState(const QString &state)
{
    static const QList<std::pair<QString, const char *>> states{
            {u"pending"_s, QT_TR_NOOP("Not payable yet")},
            {u"scheduled"_s, QT_TR_NOOP("Scheduled")}, {u"due"_s, QT_TR_NOOP("Due")},
            {u"late"_s, QT_TR_NOOP("Late")}, {u"approved"_s, QT_TR_NOOP("Approved")},
            {u"processing"_s, QT_TR_NOOP("Processing")}, {u"failed"_s, QT_TR_NOOP("Failed")},
            {u"paid"_s, QT_TR_NOOP("Paid")}};
    for (const auto &[wire, text] : states) {
        if (wire == state) {
            return tr(text);
        }
    }
    return state;
}

QString Names::paymentCondition(common::PaymentCondition condition)
{
    using common::PaymentCondition;
    switch (condition) {
    case PaymentCondition::Acceptance: return tr("on acceptance");
    case PaymentCondition::Approval: return tr("on approval");
    case PaymentCondition::Live: return tr("when live");
    case PaymentCondition::Completion: return tr("on completion");
    }
    return {};
}

QString Names::taxForm(common::TaxForm form)
{
    // The forms' own names (IRS, EU) stay as they are in every language.
    return form == common::TaxForm::None ? tr("None") : common::wireName(form);
}

QString Names::payoutRequirement(common::PayoutRequirement requirement)
{
    switch (requirement) {
    case common::PayoutRequirement::PayoutAccount:
        return tr("a payout account the payment provider has enabled");
    case common::PayoutRequirement::TaxForm: return tr("a tax form on file");
    }
    return {};
}

QString Names::paymentTerms(const common::PaymentTerms &terms)
{
    QStringList parts;
    for (const common::Installment &part : terms.schedule) {
        //: An installment: "50 % when live"
        parts.append(tr("%1 % %2").arg(part.percent).arg(paymentCondition(part.condition)));
    }
    return terms.netDays == 1 ? tr("%1 · net 1 day").arg(parts.join(u", "_s))
                              : tr("%1 · net %2 days").arg(parts.join(u", "_s)).arg(terms.netDays);
}

} // namespace influence::desktop
