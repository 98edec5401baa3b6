// SPDX-License-Identifier: Apache-2.0
#include "StripeEvents.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::payments {

namespace {

// Integers beyond 2^53 do not survive a JSON double; no amount or timestamp comes near.
constexpr double kMaxExactInteger = 9007199254740991.0;

Error malformed(const QString &detail)
{
    return Error::make(ErrorCode::BadRequest, u"malformed Stripe event: "_s + detail);
}

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0 || number > kMaxExactInteger
            || std::trunc(number) != number) {
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

bool plainIdentifier(const QString &text)
{
    return !text.isEmpty() && text.size() <= 255
            && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
                   return c.unicode() < 128
                           && (c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.');
               });
}

Result<void> readTransfer(const QJsonObject &object, StripeEvent &event)
{
    if (object.value(u"object"_s).toString() != u"transfer"_s) {
        return malformed(u"data.object is not a transfer"_s);
    }
    const auto amount = wholeNumber(object.value(u"amount"_s));
    if (!amount) {
        return malformed(u"data.object.amount is not a whole number"_s);
    }
    event.amountMinor = *amount;
    const QJsonValue reversedAmount = object.value(u"amount_reversed"_s);
    if (!reversedAmount.isUndefined()) {
        const auto value = wholeNumber(reversedAmount);
        if (!value) {
            return malformed(u"data.object.amount_reversed is not a whole number"_s);
        }
        event.amountReversedMinor = *value;
    }
    const QString currency = object.value(u"currency"_s).toString();
    if (currency.size() != 3 || !std::all_of(currency.cbegin(), currency.cend(), [](QChar c) {
            return c.unicode() < 128 && c.isLetter();
        })) {
        return malformed(u"data.object.currency is not a three-letter code"_s);
    }
    event.currency = currency.toUpper();
    const QJsonValue metadata = object.value(u"metadata"_s);
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject()) {
        return malformed(u"data.object.metadata is not an object"_s);
    }
    const QJsonValue payoutId = metadata.toObject().value(u"payout_id"_s);
    if (!payoutId.isUndefined() && !payoutId.isString()) {
        return malformed(u"data.object.metadata.payout_id is not a string"_s);
    }
    event.payoutId = payoutId.toString();
    const QJsonValue destination = object.value(u"destination"_s);
    // Expanded objects carry their id inside.
    event.destination = destination.isObject() ? destination.toObject().value(u"id"_s).toString()
                                               : destination.toString();
    event.transferGroup = object.value(u"transfer_group"_s).toString();
    event.reversed = object.value(u"reversed"_s).toBool();
    return {};
}

} // namespace

Result<StripeEvent> parseEvent(QByteArrayView body)
{
    if (body.size() > kMaxEventBytes) {
        return malformed(u"larger than %1 bytes"_s.arg(kMaxEventBytes));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return malformed(u"not a JSON object"_s);
    }
    const QJsonObject root = document.object();
    StripeEvent event;
    event.id = root.value(u"id"_s).toString();
    if (!event.id.startsWith(u"evt_"_s) || !plainIdentifier(event.id)) {
        return malformed(u"id is not an event id"_s);
    }
    event.type = root.value(u"type"_s).toString();
    if (!plainIdentifier(event.type)) {
        return malformed(u"type is missing"_s);
    }
    const auto created = wholeNumber(root.value(u"created"_s));
    if (!created) {
        return malformed(u"created is not a Unix time"_s);
    }
    event.created = *created;
    const QJsonObject object = root.value(u"data"_s).toObject().value(u"object"_s).toObject();
    event.objectId = object.value(u"id"_s).toString();
    if (!plainIdentifier(event.objectId)) {
        return malformed(u"data.object.id is missing"_s);
    }

    if (event.type == u"account.updated"_s) {
        event.kind = EventKind::AccountUpdated;
        if (!event.objectId.startsWith(u"acct_"_s)) {
            return malformed(u"data.object is not an account"_s);
        }
        const QJsonValue payoutsEnabled = object.value(u"payouts_enabled"_s);
        if (!payoutsEnabled.isBool()) {
            return malformed(u"data.object.payouts_enabled is not a boolean"_s);
        }
        event.payoutsEnabled = payoutsEnabled.toBool();
    } else if (event.type == u"transfer.created"_s || event.type == u"transfer.reversed"_s) {
        event.kind = event.type == u"transfer.created"_s ? EventKind::TransferCreated
                                                         : EventKind::TransferReversed;
        if (!event.objectId.startsWith(u"tr_"_s)) {
            return malformed(u"data.object is not a transfer"_s);
        }
        if (auto read = readTransfer(object, event); !read) {
            return read.error();
        }
    }
    return event;
}

} // namespace influence::server::payments
