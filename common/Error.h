// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace influence::common {

/// Every failure the platform reports has one of these codes. The server sends the code as a
/// stable snake_case string in RFC 9457 problem documents; clients localize by code, never by the
/// English title or detail. Add new codes at the end of their group and to the table in Error.cpp.
enum class ErrorCode {
    // 400-range: the request is wrong
    BadRequest,
    MalformedRequest,
    MalformedJson,
    InvalidParameter,
    ValidationFailed,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    Conflict,
    LengthRequired,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    HeaderFieldsTooLarge,
    // authentication and accounts
    InvalidCredentials,
    InvalidRefreshToken,
    InvalidEmailToken,
    EmailTaken,
    AccountDisabled,
    WrongPassword,
    OidcFailed,
    OidcAccountExists,
    InvalidAuthorizationCode,
    // collaboration: campaigns, deals, offers, deliverables
    IllegalTransition,
    OfferNotLatest,
    NotYourTurn,
    RevisionLimitReached,
    DeliverablesInReview,
    DeliverablesOutstanding,
    DealExists,
    ApplicationsClosed,
    // money: budgets, payouts, idempotent requests
    BudgetExceeded,
    BudgetBelowCommitted,
    PayoutNotReady,
    InvalidIdempotencyKey,
    IdempotencyKeyReused,
    IdempotencyKeyInUse,
    InvalidSignature,
    // analytics
    InvalidPeriod,
    DeliverableNotLive,
    // shortlists
    NameTaken,
    // webhooks
    InvalidWebhookUrl,
    WebhookTargetRefused,
    // 500-range: the server could not do it
    Internal,
    NotImplemented,
    ServiceUnavailable,
    // client side only (never sent by the server)
    NetworkError,
    InvalidResponse,
    Cancelled,
    Unknown,
};

/// One invalid input field: `field` is a JSON pointer-like path ("email", "rates/0/amount"),
/// `code` a stable snake_case reason ("required", "too_long", "invalid_format").
struct FieldError
{
    QString field;
    QString code;
    QString message;

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

/// A failure: its code, a human-readable English detail, and the offending fields if any.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString detail;
    QList<FieldError> fieldErrors;
    /// Seconds a client should wait before retrying (Retry-After); 0 means no advice.
    int retryAfterSeconds = 0;
    /// The code string as received, kept when a client meets a code it does not know.
    QString rawCode;
    /// Further members of the problem document that a client may act on (RFC 9457 §3.2
    /// extension members: "remainingMinor" of budget_exceeded, "missing" of payout_not_ready).
    QJsonObject extensions;

    static Error make(ErrorCode code, const QString &detail = {});
    static Error validation(const QList<FieldError> &fields,
            const QString &detail = QStringLiteral("The request has invalid fields."));
    static Error invalidParameter(
            const QString &name, const QString &fieldCode, const QString &message);
    static Error notFound(const QString &detail = QStringLiteral("The resource does not exist."));
    static Error internal();
    static Error unavailable(const QString &detail, int retryAfterSeconds = 1);

    /// The stable wire name of the code ("validation_failed").
    QString codeName() const;
    /// The HTTP status a server answers with for this error.
    int httpStatus() const;
    /// A short English summary of the error class, the problem document's `title`.
    QString title() const;
};

/// The stable wire name of a code.
QString errorCodeName(ErrorCode code);
/// The code for a wire name; ErrorCode::Unknown when the name is not known.
ErrorCode errorCodeFromName(const QString &name);
/// The HTTP status of a code (0 for client-side codes).
int errorCodeStatus(ErrorCode code);
/// The problem `title` of a code.
QString errorCodeTitle(ErrorCode code);
/// The error code a client assumes for an HTTP status when the body carries none.
ErrorCode errorCodeForStatus(int status);

/// Every code the server may send, in table order (for documentation and tests).
QList<ErrorCode> serverErrorCodes();

} // namespace influence::common
