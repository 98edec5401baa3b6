// SPDX-License-Identifier: Apache-2.0
#include "ProfileTypes.h"

#include "Validation.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

using validation::FieldErrors;

/// A string field; absent or null gives an empty string (the caller decides if that is allowed).
QString optionalText(const QJsonObject &body, const QString &field, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isString()) {
        errors.add(field, u"not_a_string"_s, u"Must be a string."_s);
        return {};
    }
    return value.toString().trimmed();
}

QString requiredText(const QJsonObject &body, const QString &field, int max, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty())) {
        errors.add(field, u"required"_s, u"Must be given."_s);
        return {};
    }
    QString text = optionalText(body, field, errors);
    errors.checkLength(field, text, 1, max);
    return text;
}

/// A list of distinct strings, each accepted by `valid`.
QStringList stringList(const QJsonObject &body, const QString &field, int max,
        const std::function<bool(const QString &)> &valid, const QString &what, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray()) {
        errors.add(field, u"not_an_array"_s, u"Must be an array of strings."_s);
        return {};
    }
    const QJsonArray array = value.toArray();
    if (array.size() > max) {
        errors.add(field, u"too_many"_s, u"At most %1 entries."_s.arg(max));
        return {};
    }
    QStringList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString item = array.at(i).toString();
        const QString where = u"%1[%2]"_s.arg(field).arg(i);
        if (!array.at(i).isString() || !valid(item)) {
            errors.add(where, u"invalid_value"_s, what);
        } else if (list.contains(item)) {
            errors.add(where, u"duplicate"_s, u"Is listed twice."_s);
        } else {
            list.append(item);
        }
    }
    return list;
}

QString country(const QJsonObject &body, FieldErrors &errors)
{
    QString code = optionalText(body, u"country"_s, errors);
    if (!code.isEmpty() && !validation::isCountryCode(code)) {
        errors.add(u"country"_s, u"invalid_value"_s,
                u"Must be an ISO 3166-1 alpha-2 code in capitals, such as DE."_s);
    }
    return code;
}

QList<Rate> rates(const QJsonObject &body, FieldErrors &errors)
{
    const QJsonValue value = body.value(u"rates"_s);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray()) {
        errors.add(u"rates"_s, u"not_an_array"_s, u"Must be an array of rates."_s);
        return {};
    }
    QList<Rate> list;
    QSet<DeliverableType> seen;
    const QJsonArray array = value.toArray();
    if (array.size() > static_cast<qsizetype>(deliverableTypeNames().size())) {
        errors.add(u"rates"_s, u"too_many"_s, u"At most one rate per deliverable type."_s);
        return {};
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"rates[%1]"_s.arg(i);
        const QJsonObject rate = array.at(i).toObject();
        const auto type = deliverableTypeFromString(rate.value(u"type"_s).toString());
        if (!type) {
            errors.add(where + u".type"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(deliverableTypeNames().join(u", "_s)));
            continue;
        }
        if (seen.contains(*type)) {
            errors.add(where + u".type"_s, u"duplicate"_s, u"One rate per deliverable type."_s);
            continue;
        }
        seen.insert(*type);
        const QJsonValue amount = rate.value(u"amountMinor"_s);
        const double number = amount.toDouble(-1);
        if (!amount.isDouble() || number != static_cast<double>(static_cast<qint64>(number))) {
            errors.add(where + u".amountMinor"_s, u"invalid_value"_s,
                    u"Must be a whole number of minor units (cents)."_s);
            continue;
        }
        const auto money = validateMoney(
                static_cast<qint64>(number), rate.value(u"currency"_s).toString(), where);
        if (!money) {
            for (const FieldError &e : money.error().fieldErrors) {
                errors.add(e.field, e.code, e.message);
            }
            continue;
        }
        list.append({*type, *money});
    }
    return list;
}

template<class T>
Result<T> finish(const FieldErrors &errors, T value)
{
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return value;
}

} // namespace

QJsonObject InfluencerProfileInput::toJson() const
{
    QJsonArray rateArray;
    for (const Rate &rate : rates) {
        rateArray.append(QJsonObject{{u"type"_s, wireName(rate.type)},
                {u"amountMinor"_s, rate.price.minorUnits}, {u"currency"_s, rate.price.currency}});
    }
    return {{u"displayName"_s, displayName}, {u"bio"_s, bio},
            {u"niches"_s, QJsonArray::fromStringList(niches)},
            {u"country"_s, country.isEmpty() ? QJsonValue() : QJsonValue(country)},
            {u"languages"_s, QJsonArray::fromStringList(languages)}, {u"rates"_s, rateArray}};
}

QJsonObject BrandProfileInput::toJson() const
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    return {{u"companyName"_s, companyName}, {u"website"_s, orNull(website)},
            {u"industry"_s, orNull(industry)}, {u"country"_s, orNull(country)}};
}

namespace profiles {

Result<InfluencerProfileInput> validateInfluencer(const QJsonObject &body)
{
    FieldErrors errors;
    InfluencerProfileInput input;
    input.displayName = requiredText(body, u"displayName"_s, 80, errors);
    input.bio = optionalText(body, u"bio"_s, errors);
    errors.checkLength(u"bio"_s, input.bio, 0, 2000);
    input.niches = stringList(body, u"niches"_s, kMaxNiches, isNiche,
            u"Must be one of: %1."_s.arg(nicheNames().join(u", "_s)), errors);
    input.country = country(body, errors);
    input.languages = stringList(body, u"languages"_s, kMaxLanguages, validation::isLanguageCode,
            u"Must be an ISO 639-1 code in lower case, such as en."_s, errors);
    input.rates = rates(body, errors);
    return finish(errors, input);
}

Result<BrandProfileInput> validateBrand(const QJsonObject &body)
{
    FieldErrors errors;
    BrandProfileInput input;
    input.companyName = requiredText(body, u"companyName"_s, 120, errors);
    input.website = optionalText(body, u"website"_s, errors);
    if (!input.website.isEmpty()) {
        const QUrl url(input.website, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
                || url.host().isEmpty() || input.website.size() > 2048) {
            errors.add(u"website"_s, u"invalid_format"_s, u"Must be an http or https address."_s);
        }
    }
    input.industry = optionalText(body, u"industry"_s, errors);
    errors.checkLength(u"industry"_s, input.industry, 0, 80);
    input.country = country(body, errors);
    return finish(errors, input);
}

QString normalizedHandle(const QString &handle)
{
    QString text = handle.trimmed();
    if (text.startsWith(u'@')) {
        text.remove(0, 1);
    }
    return text;
}

Result<ManualAccountInput> validateManualAccount(const QJsonObject &body, AccountFields fields)
{
    const bool partial = fields == AccountFields::Given;
    FieldErrors errors;
    ManualAccountInput input;
    if (!partial || body.contains(u"platform"_s)) {
        const auto platform = platformFromString(body.value(u"platform"_s).toString());
        if (!platform) {
            errors.add(u"platform"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(platformNames().join(u", "_s)));
        } else {
            input.platform = *platform;
        }
    }
    if (!partial || body.contains(u"handle"_s)) {
        static const QRegularExpression allowed(u"^[A-Za-z0-9._-]{1,100}$"_s);
        input.handle = normalizedHandle(requiredText(body, u"handle"_s, 101, errors));
        if (!input.handle.isEmpty() && !allowed.match(input.handle).hasMatch()) {
            errors.add(u"handle"_s, u"invalid_format"_s,
                    u"Letters, digits, '.', '_' and '-' only (at most 100)."_s);
        }
    }
    if (!partial || body.contains(u"profileUrl"_s)) {
        input.profileUrl = optionalText(body, u"profileUrl"_s, errors);
        const QUrl url(input.profileUrl, QUrl::StrictMode);
        if (!input.profileUrl.isEmpty()
                && (!url.isValid() || url.scheme() != u"https"_s || url.host().isEmpty()
                        || input.profileUrl.size() > 2048)) {
            errors.add(u"profileUrl"_s, u"invalid_format"_s, u"Must be an https address."_s);
        }
    }
    return finish(errors, input);
}

QJsonObject merged(QJsonObject current, const QJsonObject &patch, const QStringList &editable)
{
    for (const QString &field : editable) {
        if (patch.contains(field)) {
            current.insert(field, patch.value(field));
        }
    }
    return current;
}

} // namespace profiles

} // namespace influence::common
