// SPDX-License-Identifier: Apache-2.0
#include "ErrorText.h"

using influence::common::ErrorCode;

namespace influence::desktop {

QString ErrorText::headline(const common::Error &error)
{
    switch (error.code) {
    case ErrorCode::NetworkError: return tr("The server could not be reached.");
    case ErrorCode::ServiceUnavailable:
        return tr("The server is busy or its database is unavailable.");
    case ErrorCode::Unauthorized: return tr("Please sign in again.");
    case ErrorCode::InvalidCredentials:
        return tr("The e-mail address or the password is not correct.");
    case ErrorCode::InvalidRefreshToken: return tr("Your session has ended. Please sign in again.");
    case ErrorCode::AccountDisabled: return tr("This account has been disabled.");
    case ErrorCode::InvalidAuthorizationCode:
        return tr("The sign-in was not accepted: it was used already or took too long. Please "
                  "sign in again.");
    case ErrorCode::Forbidden: return tr("You are not allowed to do this.");
    case ErrorCode::NotFound: return tr("This was not found. It may have been deleted.");
    case ErrorCode::ValidationFailed:
    case ErrorCode::InvalidParameter: return tr("Some of the information is not valid.");
    case ErrorCode::Conflict: return tr("This conflicts with a change made elsewhere.");
    case ErrorCode::TooManyRequests: return tr("Too many requests. Please wait a moment.");
    case ErrorCode::InvalidResponse:
        return tr("The server sent an answer this app does not understand.");
    case ErrorCode::Cancelled: return tr("Cancelled.");
    case ErrorCode::Internal: return tr("The server ran into a problem.");
    case ErrorCode::IllegalTransition:
        return tr("The server did not allow this step in the current state.");
    case ErrorCode::OfferNotLatest: return tr("Only the latest offer can be answered.");
    case ErrorCode::NotYourTurn: return tr("It is the other side's turn.");
    case ErrorCode::DeliverablesInReview: return tr("Drafts are still waiting for review.");
    case ErrorCode::DeliverablesOutstanding:
        return tr("Some deliverables are neither approved nor live.");
    case ErrorCode::DealExists: return tr("This creator already has a deal in this campaign.");
    case ErrorCode::ApplicationsClosed: return tr("Applications are closed.");
    case ErrorCode::BudgetExceeded: return tr("The campaign's budget does not cover this fee.");
    case ErrorCode::BudgetBelowCommitted:
        return tr("The budget cannot be lower than what is committed and paid already.");
    case ErrorCode::PayoutNotReady: return tr("The creator cannot be paid yet.");
    case ErrorCode::NameTaken: return tr("Another list of the brand has this name.");
    case ErrorCode::InvalidWebhookUrl:
        return tr("The webhook address must be a complete https address (https://…).");
    case ErrorCode::WebhookTargetRefused:
        return tr("The webhook address points to a private or local network; only public "
                  "addresses on the internet can receive webhooks.");
    case ErrorCode::IdempotencyKeyReused:
    case ErrorCode::IdempotencyKeyInUse:
    case ErrorCode::InvalidIdempotencyKey:
        return tr("The server could not tell this request from another. Please try again.");
    default: return tr("Something went wrong.");
    }
}

QString ErrorText::sentence(const common::Error &error)
{
    const QString more = detail(error);
    return more.isEmpty() ? headline(error) : headline(error) + u' ' + more;
}

QString ErrorText::detail(const common::Error &error)
{
    if (error.detail.isEmpty()) {
        return {};
    }
    return tr("Details: %1").arg(error.detail);
}

} // namespace influence::desktop
