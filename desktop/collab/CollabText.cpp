// SPDX-License-Identifier: Apache-2.0
#include "CollabText.h"

#include "ErrorText.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::CampaignAction;
using influence::common::CampaignStatus;
using influence::common::DealAction;
using influence::common::DealState;
using influence::common::ErrorCode;

namespace influence::desktop {

QString CollabText::campaignStatus(CampaignStatus status)
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

QString CollabText::campaignAction(CampaignAction action)
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

QString CollabText::dealState(DealState state)
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

QString CollabText::dealAction(DealAction action)
{
    switch (action) {
    case DealAction::Withdraw: return tr("withdraw");
    case DealAction::Start: return tr("start");
    case DealAction::Complete: return tr("complete");
    case DealAction::Cancel: return tr("cancel");
    }
    return {};
}

QString CollabText::money(const common::Money &money)
{
    const int digits = std::max(0, common::currencyMinorDigits(money.currency));
    // Display only: a double holds any realistic amount exactly to the cent.
    const double major =
            static_cast<double>(money.minorUnits) / std::pow(10.0, static_cast<double>(digits));
    return QLocale().toCurrencyString(major, money.currency, digits);
}

QString CollabText::error(const common::Error &error)
{
    QString headline;
    switch (error.code) {
    case ErrorCode::IllegalTransition:
        headline = tr("The server did not allow this step in the current state.");
        break;
    case ErrorCode::OfferNotLatest: headline = tr("Only the latest offer can be answered."); break;
    case ErrorCode::NotYourTurn: headline = tr("It is the other side's turn."); break;
    case ErrorCode::DeliverablesInReview:
        headline = tr("Drafts are still waiting for review.");
        break;
    case ErrorCode::DeliverablesOutstanding:
        headline = tr("Some deliverables are neither approved nor live.");
        break;
    case ErrorCode::DealExists:
        headline = tr("This creator already has a deal in this campaign.");
        break;
    case ErrorCode::ApplicationsClosed: headline = tr("Applications are closed."); break;
    default: headline = ErrorText::headline(error); break;
    }
    const QString detail = ErrorText::detail(error);
    return detail.isEmpty() ? headline : headline + u' ' + detail;
}

} // namespace influence::desktop
