// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the JSON bodies routes accept: the request's JSON reading (core/http/Request),
// the central U+0000 guard (core/http/NulGuard), and the body validators the routes share
// (common/*Types: sign-up, sign-in, passwords, users, profiles, campaigns, offers, drafts,
// reviews, messages, EMV tables, manual metrics, money, payment terms; brands/BrandOwned; the
// payout routes' ids and offline payments, money/PayoutBodies). The
// first byte picks the validator, the rest is the body. Whatever the input, a body is read as an
// object or refused as 400 malformed_json; a body with U+0000 in any key or string is refused
// before any handler, one without is let through; a validator answers its input or a 4xx problem,
// a field problem naming at least one field; and validating the same body twice gives the same.
#include "brands/BrandOwned.h"
#include "common/AnalyticsTypes.h"
#include "common/AuthTypes.h"
#include "common/CollabTypes.h"
#include "common/Money.h"
#include "common/PaymentTerms.h"
#include "common/ProfileTypes.h"
#include "core/http/NulGuard.h"
#include "core/http/Request.h"
#include "money/PayoutBodies.h"

#include <QByteArray>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;
using namespace influence::common;
using influence::server::http::refuseNul;
using influence::server::http::Request;

namespace {

/// What a validator said: nothing (accepted) or its problem.
using Outcome = std::optional<Error>;

template<typename T>
Outcome outcomeOf(const Result<T> &result)
{
    if (result) {
        return std::nullopt;
    }
    return result.error();
}

using Validator = std::function<Outcome(const QJsonObject &)>;

const std::array<Validator, 24> &validators()
{
    static const std::array<Validator, 24> all{
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateRegistration(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateLogin(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateRefreshToken(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validatePasswordChange(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateEmail(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validatePasswordReset(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateEmailToken(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateUserUpdate(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(auth::validateNativeExchange(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateCampaign(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateOffer(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateDraft(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateReview(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateLiveUrl(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(collab::validateMessage(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(profiles::validateInfluencer(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(profiles::validateBrand(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(
                        profiles::validateManualAccount(b, profiles::AccountFields::Given));
            },
            [](const QJsonObject &b) {
                return outcomeOf(validateEmvTable(b));
            },
            [](const QJsonObject &b) {
                const QDate today(2026, 6, 15);
                return outcomeOf(validateManualMetrics(b, today.addDays(-3), today));
            },
            [](const QJsonObject &b) {
                if (auto terms =
                                validatePaymentTerms(b.value(u"paymentTerms"_s), u"paymentTerms"_s);
                        !terms) {
                    return Outcome(terms.error());
                }
                return outcomeOf(validateMoney(b.value(u"amountMinor"_s).toInteger(-1),
                        b.value(u"currency"_s).toString(), u"amount"_s));
            },
            [](const QJsonObject &b) {
                return outcomeOf(influence::server::brands::brandIdOf(b));
            },
            [](const QJsonObject &b) {
                return outcomeOf(influence::server::money::payoutIds(b));
            },
            [](const QJsonObject &b) {
                // A bulk record: the ids' problems answered together with the payment's.
                const auto ids = influence::server::money::payoutIds(b);
                return outcomeOf(influence::server::money::offlinePayment(
                        b, ids ? QList<FieldError>() : ids.error().fieldErrors));
            },
    };
    return all;
}

bool holdsNul(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString().contains(QChar(u'\0'));
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &v) {
            return holdsNul(v);
        });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().contains(QChar(u'\0')) || holdsNul(it.value())) {
                return true;
            }
        }
    }
    return false;
}

void checkProblem(const Error &error)
{
    const int status = error.httpStatus();
    if (status < 400 || status >= 500
            || (error.code == ErrorCode::ValidationFailed && error.fieldErrors.isEmpty())) {
        std::abort();
    }
    for (const FieldError &field : error.fieldErrors) {
        if (field.code.isEmpty()) {
            std::abort();
        }
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    Request request;
    request.headers.append({QByteArrayLiteral("content-type"),
            QByteArrayLiteral("application/json; charset=utf-8")});
    request.body =
            QByteArray(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);

    // The NUL guard refuses exactly the bodies with U+0000 in a key or string.
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    const std::optional<Error> nul = refuseNul(request);
    const bool hasNul = parsed
            && holdsNul(document.isObject() ? QJsonValue(document.object())
                                            : QJsonValue(document.array()));
    if (nul.has_value() != hasNul) {
        std::abort();
    }
    if (nul) {
        checkProblem(*nul);
        return 0;
    }

    const auto body = request.jsonObject();
    if (!body) {
        if (body.error().code != ErrorCode::MalformedJson || (parsed && document.isObject())) {
            std::abort();
        }
        return 0;
    }
    const Validator &validator = validators().at(data[0] % validators().size());
    const Outcome first = validator(*body);
    const Outcome second = validator(*body);
    if (first.has_value() != second.has_value()) {
        std::abort();
    }
    if (first) {
        checkProblem(*first);
        if (first->fieldErrors != second->fieldErrors) {
            std::abort();
        }
    }
    return 0;
}
