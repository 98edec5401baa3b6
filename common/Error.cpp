// SPDX-License-Identifier: Apache-2.0
#include "Error.h"

#include <array>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

struct CodeInfo
{
    ErrorCode code = ErrorCode::Unknown;
    QLatin1StringView name;
    int status = 0;
    QLatin1StringView title;
};

// The one table that maps codes to wire names, HTTP statuses and titles: the server answers and
// the desktop reads problems through it.
constexpr std::array kCodes{
        CodeInfo{ErrorCode::BadRequest, "bad_request"_L1, 400, "Bad request"_L1},
        CodeInfo{ErrorCode::MalformedRequest, "malformed_request"_L1, 400,
                "Malformed HTTP request"_L1},
        CodeInfo{ErrorCode::MalformedJson, "malformed_json"_L1, 400, "Malformed JSON body"_L1},
        CodeInfo{ErrorCode::InvalidParameter, "invalid_parameter"_L1, 400, "Invalid parameter"_L1},
        CodeInfo{ErrorCode::ValidationFailed, "validation_failed"_L1, 422, "Validation failed"_L1},
        CodeInfo{ErrorCode::Unauthorized, "unauthorized"_L1, 401, "Authentication required"_L1},
        CodeInfo{ErrorCode::Forbidden, "forbidden"_L1, 403, "Forbidden"_L1},
        CodeInfo{ErrorCode::NotFound, "not_found"_L1, 404, "Not found"_L1},
        CodeInfo{
                ErrorCode::MethodNotAllowed, "method_not_allowed"_L1, 405, "Method not allowed"_L1},
        CodeInfo{ErrorCode::RequestTimeout, "request_timeout"_L1, 408, "Request timeout"_L1},
        CodeInfo{ErrorCode::Conflict, "conflict"_L1, 409, "Conflict"_L1},
        CodeInfo{ErrorCode::LengthRequired, "length_required"_L1, 411, "Length required"_L1},
        CodeInfo{ErrorCode::PayloadTooLarge, "payload_too_large"_L1, 413, "Payload too large"_L1},
        CodeInfo{ErrorCode::UnsupportedMediaType, "unsupported_media_type"_L1, 415,
                "Unsupported media type"_L1},
        CodeInfo{ErrorCode::TooManyRequests, "too_many_requests"_L1, 429, "Too many requests"_L1},
        CodeInfo{ErrorCode::HeaderFieldsTooLarge, "header_fields_too_large"_L1, 431,
                "Request header fields too large"_L1},
        CodeInfo{ErrorCode::InvalidCredentials, "invalid_credentials"_L1, 401,
                "Wrong e-mail address or password"_L1},
        CodeInfo{ErrorCode::InvalidRefreshToken, "invalid_refresh_token"_L1, 401,
                "Invalid refresh token"_L1},
        CodeInfo{ErrorCode::InvalidEmailToken, "invalid_or_expired_token"_L1, 400,
                "Invalid or expired link"_L1},
        CodeInfo{ErrorCode::EmailTaken, "email_taken"_L1, 409,
                "E-mail address already registered"_L1},
        CodeInfo{ErrorCode::AccountDisabled, "account_disabled"_L1, 403, "Account disabled"_L1},
        CodeInfo{ErrorCode::WrongPassword, "wrong_password"_L1, 403, "Wrong current password"_L1},
        CodeInfo{ErrorCode::OidcFailed, "oidc_failed"_L1, 400,
                "Sign-in with the provider failed"_L1},
        CodeInfo{ErrorCode::OidcAccountExists, "oidc_account_exists"_L1, 409,
                "An account with this e-mail address exists"_L1},
        CodeInfo{ErrorCode::InvalidAuthorizationCode, "invalid_authorization_code"_L1, 400,
                "Invalid, used or expired authorization code"_L1},
        CodeInfo{ErrorCode::IllegalTransition, "illegal_transition"_L1, 409,
                "Not allowed in the current state"_L1},
        CodeInfo{ErrorCode::OfferNotLatest, "offer_not_latest"_L1, 409,
                "Only the latest offer can be answered"_L1},
        CodeInfo{ErrorCode::NotYourTurn, "not_your_turn"_L1, 409,
                "The other side must answer the latest offer"_L1},
        CodeInfo{ErrorCode::RevisionLimitReached, "revision_limit_reached"_L1, 409,
                "No revision rounds left"_L1},
        CodeInfo{ErrorCode::DeliverablesInReview, "deliverables_in_review"_L1, 409,
                "Deliverables are still in review"_L1},
        CodeInfo{ErrorCode::DeliverablesOutstanding, "deliverables_outstanding"_L1, 409,
                "Deliverables are not done yet"_L1},
        CodeInfo{ErrorCode::DealExists, "deal_exists"_L1, 409,
                "The creator already has a deal in this campaign"_L1},
        CodeInfo{ErrorCode::ApplicationsClosed, "applications_closed"_L1, 409,
                "The campaign takes no applications"_L1},
        CodeInfo{ErrorCode::BudgetExceeded, "budget_exceeded"_L1, 409,
                "The campaign's budget does not cover this"_L1},
        CodeInfo{ErrorCode::BudgetBelowCommitted, "budget_below_committed"_L1, 409,
                "The budget cannot be lower than what is committed and paid"_L1},
        CodeInfo{ErrorCode::PayoutNotReady, "payout_not_ready"_L1, 409,
                "The creator cannot be paid yet"_L1},
        CodeInfo{ErrorCode::InvalidIdempotencyKey, "invalid_idempotency_key"_L1, 400,
                "Invalid Idempotency-Key header"_L1},
        CodeInfo{ErrorCode::IdempotencyKeyReused, "idempotency_key_reused"_L1, 422,
                "The Idempotency-Key was used for another request"_L1},
        CodeInfo{ErrorCode::IdempotencyKeyInUse, "idempotency_key_in_use"_L1, 409,
                "A request with this Idempotency-Key is still running"_L1},
        CodeInfo{ErrorCode::InvalidSignature, "invalid_signature"_L1, 400,
                "The request's signature is missing or wrong"_L1},
        CodeInfo{ErrorCode::InvalidPeriod, "invalid_period"_L1, 422, "The period is not valid"_L1},
        CodeInfo{ErrorCode::DeliverableNotLive, "deliverable_not_live"_L1, 409,
                "The deliverable is not live"_L1},
        CodeInfo{ErrorCode::NameTaken, "name_taken"_L1, 409,
                "The brand already has a list with this name"_L1},
        CodeInfo{ErrorCode::InvalidWebhookUrl, "invalid_webhook_url"_L1, 422,
                "The webhook URL is not acceptable"_L1},
        CodeInfo{ErrorCode::WebhookTargetRefused, "webhook_target_refused"_L1, 422,
                "The webhook URL points to a private or local address"_L1},
        CodeInfo{ErrorCode::Internal, "internal_error"_L1, 500, "Internal server error"_L1},
        CodeInfo{ErrorCode::NotImplemented, "not_implemented"_L1, 501, "Not implemented"_L1},
        CodeInfo{ErrorCode::ServiceUnavailable, "service_unavailable"_L1, 503,
                "Service unavailable"_L1},
        CodeInfo{ErrorCode::NetworkError, "network_error"_L1, 0, "Network error"_L1},
        CodeInfo{ErrorCode::InvalidResponse, "invalid_response"_L1, 0, "Invalid response"_L1},
        CodeInfo{ErrorCode::Cancelled, "cancelled"_L1, 0, "Cancelled"_L1},
        CodeInfo{ErrorCode::Unknown, "unknown_error"_L1, 0, "Unknown error"_L1},
};

const CodeInfo &info(ErrorCode code)
{
    for (const auto &entry : kCodes) {
        if (entry.code == code) {
            return entry;
        }
    }
    return kCodes.back();
}

} // namespace

Error Error::make(ErrorCode code, const QString &detail)
{
    Error e;
    e.code = code;
    e.detail = detail;
    return e;
}

Error Error::validation(const QList<FieldError> &fields, const QString &detail)
{
    Error e = make(ErrorCode::ValidationFailed, detail);
    e.fieldErrors = fields;
    return e;
}

Error Error::invalidParameter(const QString &name, const QString &fieldCode, const QString &message)
{
    Error e = make(ErrorCode::InvalidParameter, message);
    e.fieldErrors.append({name, fieldCode, message});
    return e;
}

Error Error::notFound(const QString &detail)
{
    return make(ErrorCode::NotFound, detail);
}

Error Error::internal()
{
    return make(ErrorCode::Internal, u"The server could not complete the request."_s);
}

Error Error::unavailable(const QString &detail, int retryAfterSeconds)
{
    Error e = make(ErrorCode::ServiceUnavailable, detail);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

QString Error::codeName() const
{
    if (code == ErrorCode::Unknown && !rawCode.isEmpty()) {
        return rawCode;
    }
    return errorCodeName(code);
}

int Error::httpStatus() const
{
    return errorCodeStatus(code);
}

QString Error::title() const
{
    return errorCodeTitle(code);
}

QString errorCodeName(ErrorCode code)
{
    return info(code).name;
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const auto &entry : kCodes) {
        if (entry.name == name) {
            return entry.code;
        }
    }
    return ErrorCode::Unknown;
}

int errorCodeStatus(ErrorCode code)
{
    return info(code).status;
}

QString errorCodeTitle(ErrorCode code)
{
    return info(code).title;
}

ErrorCode errorCodeForStatus(int status)
{
    switch (status) {
    case 400: return ErrorCode::BadRequest;
    case 401: return ErrorCode::Unauthorized;
    case 403: return ErrorCode::Forbidden;
    case 404: return ErrorCode::NotFound;
    case 405: return ErrorCode::MethodNotAllowed;
    case 408: return ErrorCode::RequestTimeout;
    case 409: return ErrorCode::Conflict;
    case 411: return ErrorCode::LengthRequired;
    case 413: return ErrorCode::PayloadTooLarge;
    case 415: return ErrorCode::UnsupportedMediaType;
    case 422: return ErrorCode::ValidationFailed;
    case 429: return ErrorCode::TooManyRequests;
    case 431: return ErrorCode::HeaderFieldsTooLarge;
    case 501: return ErrorCode::NotImplemented;
    case 502:
    case 503:
    case 504: return ErrorCode::ServiceUnavailable;
    default: break;
    }
    if (status >= 500) {
        return ErrorCode::Internal;
    }
    if (status >= 400) {
        return ErrorCode::BadRequest;
    }
    return ErrorCode::InvalidResponse;
}

QList<ErrorCode> serverErrorCodes()
{
    QList<ErrorCode> codes;
    for (const auto &entry : kCodes) {
        if (entry.status != 0) {
            codes.append(entry.code);
        }
    }
    return codes;
}

} // namespace influence::common
