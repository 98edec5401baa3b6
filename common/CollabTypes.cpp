// SPDX-License-Identifier: Apache-2.0
#include "CollabTypes.h"

#include "Validation.h"

#include <QSet>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

using validation::FieldErrors;

template<class E>
const QStringList &names();

template<>
const QStringList &names<CampaignObjective>()
{
    static const QStringList list{u"awareness"_s, u"engagement"_s, u"conversions"_s};
    return list;
}
template<>
const QStringList &names<CampaignVisibility>()
{
    static const QStringList list{u"public"_s, u"private"_s};
    return list;
}
template<>
const QStringList &names<CampaignStatus>()
{
    static const QStringList list{
            u"draft"_s, u"active"_s, u"paused"_s, u"completed"_s, u"cancelled"_s};
    return list;
}
template<>
const QStringList &names<CampaignAction>()
{
    static const QStringList list{u"launch"_s, u"pause"_s, u"resume"_s, u"complete"_s, u"cancel"_s};
    return list;
}
template<>
const QStringList &names<DealState>()
{
    static const QStringList list{u"invited"_s, u"applied"_s, u"negotiating"_s, u"accepted"_s,
            u"in_progress"_s, u"completed"_s, u"declined"_s, u"withdrawn"_s, u"cancelled"_s};
    return list;
}
template<>
const QStringList &names<OfferStatus>()
{
    static const QStringList list{
            u"open"_s, u"accepted"_s, u"declined"_s, u"countered"_s, u"withdrawn"_s};
    return list;
}
template<>
const QStringList &names<DeliverableStatus>()
{
    static const QStringList list{
            u"pending"_s, u"in_review"_s, u"changes_requested"_s, u"approved"_s, u"live"_s};
    return list;
}
template<>
const QStringList &names<ReviewDecision>()
{
    static const QStringList list{
            u"approved"_s, u"approved_with_changes"_s, u"changes_requested"_s};
    return list;
}
template<>
const QStringList &names<DealSide>()
{
    static const QStringList list{u"brand"_s, u"creator"_s};
    return list;
}

template<class E>
QString nameOf(E value)
{
    return names<E>().value(static_cast<qsizetype>(value));
}

QString text(const QJsonObject &body, const QString &field, const QString &where, int max,
        FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isString()) {
        errors.add(where, u"not_a_string"_s, u"Must be a string."_s);
        return {};
    }
    QString result = value.toString().trimmed();
    errors.checkLength(where, result, 0, max);
    return result;
}

template<class E>
std::optional<E> choice(const QJsonObject &body, const QString &field, const QString &where,
        FieldErrors &errors, std::optional<E> fallback = std::nullopt)
{
    const QJsonValue value = body.value(field);
    if ((value.isUndefined() || value.isNull()) && fallback) {
        return fallback;
    }
    const auto parsed = collabFromString<E>(value.toString());
    if (!value.isString() || !parsed) {
        errors.add(where,
                value.isUndefined() || value.isNull() ? u"required"_s : u"invalid_value"_s,
                u"Must be one of: %1."_s.arg(names<E>().join(u", "_s)));
        return std::nullopt;
    }
    return parsed;
}

/// A whole number in range; nothing when absent (or invalid, with an error).
std::optional<qint64> integer(const QJsonObject &body, const QString &field, const QString &where,
        qint64 min, qint64 max, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number))
            || number < static_cast<double>(min) || number > static_cast<double>(max)) {
        errors.add(where, u"invalid_value"_s,
                u"Must be a whole number from %1 to %2."_s.arg(min).arg(max));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

QStringList list(const QJsonObject &body, const QString &field, const QString &where, int max,
        const std::function<bool(const QString &)> &valid, const QString &what, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray() || value.toArray().size() > max) {
        errors.add(
                where, u"invalid_value"_s, u"Must be an array of at most %1 strings."_s.arg(max));
        return {};
    }
    QStringList result;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString item = array.at(i).toString();
        if (!array.at(i).isString() || !valid(item)) {
            errors.add(u"%1[%2]"_s.arg(where).arg(i), u"invalid_value"_s, what);
        } else if (!result.contains(item)) {
            result.append(item);
        }
    }
    return result;
}

QDate date(const QJsonObject &body, const QString &field, const QString &where, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !parsed.isValid() || value.toString().size() != 10) {
        errors.add(where, u"invalid_format"_s, u"Must be a date: YYYY-MM-DD."_s);
        return {};
    }
    return parsed;
}

QString currency(const QJsonObject &body, const QString &where, FieldErrors &errors)
{
    QString code = body.value(u"currency"_s).toString();
    if (!isCurrencyCode(code)) {
        errors.add(where, body.contains(u"currency"_s) ? u"invalid_currency"_s : u"required"_s,
                u"Must be an ISO 4217 currency code such as EUR or USD."_s);
    }
    return code;
}

bool isHttpsUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && url.scheme() == u"https"_s && !url.host().isEmpty()
            && text.size() <= 2048;
}

template<class T>
Result<T> finish(const FieldErrors &errors, T value)
{
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return value;
}

CampaignTargeting targeting(const QJsonObject &body, FieldErrors &errors)
{
    CampaignTargeting result;
    const QJsonValue value = body.value(u"targeting"_s);
    if (value.isUndefined() || value.isNull()) {
        return result;
    }
    if (!value.isObject()) {
        errors.add(u"targeting"_s, u"invalid_value"_s, u"Must be an object."_s);
        return result;
    }
    const QJsonObject t = value.toObject();
    result.niches = list(t, u"niches"_s, u"targeting.niches"_s, 10, isNiche,
            u"Must be one of: %1."_s.arg(nicheNames().join(u", "_s)), errors);
    result.countries = list(t, u"countries"_s, u"targeting.countries"_s, 50,
            validation::isCountryCode, u"Must be an ISO 3166-1 alpha-2 code such as DE."_s, errors);
    result.languages = list(t, u"languages"_s, u"targeting.languages"_s, 20,
            validation::isLanguageCode, u"Must be an ISO 639-1 code such as en."_s, errors);
    constexpr qint64 kMaxFollowers = 10'000'000'000;
    result.minFollowers =
            integer(t, u"minFollowers"_s, u"targeting.minFollowers"_s, 0, kMaxFollowers, errors);
    result.maxFollowers =
            integer(t, u"maxFollowers"_s, u"targeting.maxFollowers"_s, 0, kMaxFollowers, errors);
    if (result.minFollowers && result.maxFollowers && *result.minFollowers > *result.maxFollowers) {
        errors.add(u"targeting.maxFollowers"_s, u"invalid_value"_s,
                u"Must not be below minFollowers."_s);
    }
    const QJsonValue rate = t.value(u"minEngagementRate"_s);
    if (!rate.isUndefined() && !rate.isNull()) {
        if (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1) {
            errors.add(u"targeting.minEngagementRate"_s, u"invalid_value"_s,
                    u"Must be a fraction between 0 and 1 (0.03 = 3 %)."_s);
        } else {
            result.minEngagementRate = rate.toDouble();
        }
    }
    return result;
}

void campaignSchedule(const QJsonObject &body, CampaignInput &input, FieldErrors &errors)
{
    input.startDate = date(body, u"startDate"_s, u"startDate"_s, errors);
    input.endDate = date(body, u"endDate"_s, u"endDate"_s, errors);
    if (input.startDate.isValid() && input.endDate.isValid() && input.endDate < input.startDate) {
        errors.add(u"endDate"_s, u"invalid_value"_s, u"Must not be before startDate."_s);
    }
    const QJsonValue deadline = body.value(u"applicationDeadline"_s);
    if (!deadline.isUndefined() && !deadline.isNull()) {
        input.applicationDeadline = QDateTime::fromString(deadline.toString(), Qt::ISODateWithMs);
        if (!deadline.isString() || !input.applicationDeadline.isValid()
                || input.applicationDeadline.timeSpec() == Qt::LocalTime) {
            errors.add(u"applicationDeadline"_s, u"invalid_format"_s,
                    u"Must be an ISO 8601 date-time with a time zone, such as 2027-01-31T23:59:00Z."_s);
            input.applicationDeadline = {};
        } else {
            input.applicationDeadline = input.applicationDeadline.toUTC();
        }
    }
}

OfferLine offerLine(const QJsonValue &value, const QString &where, FieldErrors &errors)
{
    OfferLine line;
    if (!value.isObject()) {
        errors.add(where, u"invalid_value"_s, u"Must be an object."_s);
        return line;
    }
    const QJsonObject item = value.toObject();
    const auto type = deliverableTypeFromString(item.value(u"type"_s).toString());
    if (!type) {
        errors.add(where + u".type"_s, u"invalid_value"_s,
                u"Must be one of: %1."_s.arg(deliverableTypeNames().join(u", "_s)));
    }
    const auto platform = platformFromString(item.value(u"platform"_s).toString());
    if (!platform) {
        errors.add(where + u".platform"_s, u"invalid_value"_s,
                u"Must be one of: %1."_s.arg(platformNames().join(u", "_s)));
    }
    const auto quantity =
            integer(item, u"quantity"_s, where + u".quantity"_s, 1, collab::kMaxQuantity, errors);
    line.dueDate = date(item, u"dueDate"_s, where + u".dueDate"_s, errors);
    if (item.value(u"dueDate"_s).isUndefined() || item.value(u"dueDate"_s).isNull()) {
        errors.add(where + u".dueDate"_s, u"required"_s, u"Must be given: YYYY-MM-DD."_s);
    }
    line.type = type.value_or(DeliverableType::Post);
    line.platform = platform.value_or(Platform::Instagram);
    line.quantity = static_cast<int>(quantity.value_or(1));
    return line;
}

} // namespace

template<class E>
std::optional<E> collabFromString(const QString &text)
{
    const qsizetype index = names<E>().indexOf(text);
    if (index < 0) {
        return std::nullopt;
    }
    return static_cast<E>(index);
}

template<class E>
QStringList collabNames()
{
    return names<E>();
}

template std::optional<CampaignObjective> collabFromString<CampaignObjective>(const QString &);
template QStringList collabNames<CampaignObjective>();
template std::optional<CampaignVisibility> collabFromString<CampaignVisibility>(const QString &);
template QStringList collabNames<CampaignVisibility>();
template std::optional<CampaignStatus> collabFromString<CampaignStatus>(const QString &);
template QStringList collabNames<CampaignStatus>();
template std::optional<CampaignAction> collabFromString<CampaignAction>(const QString &);
template QStringList collabNames<CampaignAction>();
template std::optional<DealState> collabFromString<DealState>(const QString &);
template QStringList collabNames<DealState>();
template std::optional<OfferStatus> collabFromString<OfferStatus>(const QString &);
template QStringList collabNames<OfferStatus>();
template std::optional<DeliverableStatus> collabFromString<DeliverableStatus>(const QString &);
template QStringList collabNames<DeliverableStatus>();
template std::optional<ReviewDecision> collabFromString<ReviewDecision>(const QString &);
template QStringList collabNames<ReviewDecision>();
template std::optional<DealSide> collabFromString<DealSide>(const QString &);
template QStringList collabNames<DealSide>();

QString wireName(CampaignObjective value)
{
    return nameOf(value);
}
QString wireName(CampaignVisibility value)
{
    return nameOf(value);
}
QString wireName(CampaignStatus value)
{
    return nameOf(value);
}
QString wireName(CampaignAction value)
{
    return nameOf(value);
}
QString wireName(DealState value)
{
    return nameOf(value);
}
QString wireName(OfferStatus value)
{
    return nameOf(value);
}
QString wireName(DeliverableStatus value)
{
    return nameOf(value);
}
QString wireName(ReviewDecision value)
{
    return nameOf(value);
}
QString wireName(DealSide value)
{
    return nameOf(value);
}

std::optional<CampaignStatus> campaignTransition(CampaignStatus from, CampaignAction action)
{
    using S = CampaignStatus;
    switch (action) {
    case CampaignAction::Launch: return from == S::Draft ? std::optional(S::Active) : std::nullopt;
    case CampaignAction::Pause: return from == S::Active ? std::optional(S::Paused) : std::nullopt;
    case CampaignAction::Resume: return from == S::Paused ? std::optional(S::Active) : std::nullopt;
    case CampaignAction::Complete:
        return from == S::Active || from == S::Paused ? std::optional(S::Completed) : std::nullopt;
    case CampaignAction::Cancel:
        return from == S::Draft || from == S::Active || from == S::Paused
                ? std::optional(S::Cancelled)
                : std::nullopt;
    }
    return std::nullopt;
}

bool isNegotiating(DealState state)
{
    return state == DealState::Invited || state == DealState::Applied
            || state == DealState::Negotiating;
}

QString wireName(DealAction value)
{
    switch (value) {
    case DealAction::Withdraw: return u"withdraw"_s;
    case DealAction::Start: return u"start"_s;
    case DealAction::Complete: return u"complete"_s;
    case DealAction::Cancel: return u"cancel"_s;
    }
    return {};
}

std::optional<DealState> dealTransition(DealState from, DealAction action)
{
    using S = DealState;
    const bool agreed = from == S::Accepted || from == S::InProgress;
    switch (action) {
    case DealAction::Withdraw:
        return isNegotiating(from) ? std::optional(S::Withdrawn) : std::nullopt;
    case DealAction::Start:
        return from == S::Accepted ? std::optional(S::InProgress) : std::nullopt;
    case DealAction::Complete: return agreed ? std::optional(S::Completed) : std::nullopt;
    case DealAction::Cancel: return agreed ? std::optional(S::Cancelled) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<DealAction> dealActionBetween(DealState from, DealState to)
{
    for (const DealAction action :
            {DealAction::Withdraw, DealAction::Start, DealAction::Complete, DealAction::Cancel}) {
        if (dealTransition(from, action) == to) {
            return action;
        }
    }
    return std::nullopt;
}

bool mayTakeDealAction(DealSide side, DealAction action)
{
    return side == DealSide::Brand
            || (action != DealAction::Complete && action != DealAction::Cancel);
}

QJsonArray OfferInput::deliverablesJson() const
{
    QJsonArray array;
    for (const OfferLine &line : deliverables) {
        array.append(QJsonObject{{u"type"_s, wireName(line.type)},
                {u"platform"_s, wireName(line.platform)}, {u"quantity"_s, line.quantity},
                {u"dueDate"_s, line.dueDate.toString(Qt::ISODate)}});
    }
    return array;
}

namespace collab {

QStringList campaignFields()
{
    return {u"name"_s, u"brief"_s, u"objective"_s, u"platforms"_s, u"deliverableTypes"_s,
            u"targeting"_s, u"budgetMinor"_s, u"currency"_s, u"startDate"_s, u"endDate"_s,
            u"applicationDeadline"_s, u"visibility"_s, u"usageRights"_s, u"targets"_s};
}

Result<CampaignInput> validateCampaign(const QJsonObject &body)
{
    FieldErrors errors;
    CampaignInput input;
    input.name = text(body, u"name"_s, u"name"_s, 120, errors);
    if (input.name.isEmpty()) {
        errors.add(u"name"_s, u"required"_s, u"Must be given."_s);
    }
    input.brief = text(body, u"brief"_s, u"brief"_s, 10000, errors);
    input.objective = choice<CampaignObjective>(body, u"objective"_s, u"objective"_s, errors)
                              .value_or(CampaignObjective::Awareness);
    input.platforms = list(
            body, u"platforms"_s, u"platforms"_s, 9,
            [](const QString &p) {
                return platformFromString(p).has_value();
            },
            u"Must be one of: %1."_s.arg(platformNames().join(u", "_s)), errors);
    input.deliverableTypes = list(
            body, u"deliverableTypes"_s, u"deliverableTypes"_s, 7,
            [](const QString &t) {
                return deliverableTypeFromString(t).has_value();
            },
            u"Must be one of: %1."_s.arg(deliverableTypeNames().join(u", "_s)), errors);
    input.targeting = targeting(body, errors);
    input.budget.minorUnits = integer(
            body, u"budgetMinor"_s, u"budgetMinor"_s, 0, 9'000'000'000'000'000LL / 1000, errors)
                                      .value_or(0);
    input.budget.currency = currency(body, u"currency"_s, errors);
    campaignSchedule(body, input, errors);
    input.visibility = choice<CampaignVisibility>(
            body, u"visibility"_s, u"visibility"_s, errors, CampaignVisibility::Private)
                               .value_or(CampaignVisibility::Private);
    input.usageRights = text(body, u"usageRights"_s, u"usageRights"_s, 4000, errors);
    return finish(errors, input);
}

Result<OfferInput> validateOffer(const QJsonObject &body, const QString &prefix)
{
    FieldErrors errors;
    OfferInput input;
    const QJsonValue lines = body.value(u"deliverables"_s);
    const QString linesField = prefix + u"deliverables"_s;
    if (!lines.isArray() || lines.toArray().isEmpty()
            || lines.toArray().size() > collab::kMaxOfferLines) {
        errors.add(linesField, lines.isUndefined() ? u"required"_s : u"invalid_value"_s,
                u"Must be an array of 1 to %1 deliverables."_s.arg(collab::kMaxOfferLines));
    } else {
        int pieces = 0;
        const QJsonArray array = lines.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            input.deliverables.append(
                    offerLine(array.at(i), u"%1[%2]"_s.arg(linesField).arg(i), errors));
            pieces += input.deliverables.last().quantity;
        }
        if (pieces > collab::kMaxDeliverablesPerDeal) {
            errors.add(linesField, u"too_many"_s,
                    u"At most %1 pieces in all."_s.arg(collab::kMaxDeliverablesPerDeal));
        }
    }
    const auto fee = integer(
            body, u"feeMinor"_s, prefix + u"feeMinor"_s, 0, 9'000'000'000'000'000LL / 1000, errors);
    if (body.value(u"feeMinor"_s).isUndefined() || body.value(u"feeMinor"_s).isNull()) {
        errors.add(
                prefix + u"feeMinor"_s, u"required"_s, u"Must be given in minor units (cents)."_s);
    }
    input.fee = Money{fee.value_or(0), currency(body, prefix + u"currency"_s, errors)};
    input.usageRights = text(body, u"usageRights"_s, prefix + u"usageRights"_s, 4000, errors);
    input.maxRevisions = static_cast<int>(integer(
            body, u"maxRevisions"_s, prefix + u"maxRevisions"_s, 0, collab::kMaxRevisions, errors)
                                                  .value_or(2));
    input.note = text(body, u"note"_s, prefix + u"note"_s, 2000, errors);
    if (auto terms = validatePaymentTerms(
                body.value(u"paymentTerms"_s), prefix + u"paymentTerms"_s)) {
        input.paymentTerms = *terms;
    } else {
        for (const FieldError &field : terms.error().fieldErrors) {
            errors.add(field.field, field.code, field.message);
        }
    }
    return finish(errors, input);
}

Result<DraftInput> validateDraft(const QJsonObject &body)
{
    FieldErrors errors;
    DraftInput input;
    input.caption = text(body, u"caption"_s, u"caption"_s, kMaxText, errors);
    input.mediaUrls = list(body, u"mediaUrls"_s, u"mediaUrls"_s, 20, isHttpsUrl,
            u"Must be an https address."_s, errors);
    input.notes = text(body, u"notes"_s, u"notes"_s, 2000, errors);
    if (errors.isEmpty() && input.caption.isEmpty() && input.mediaUrls.isEmpty()) {
        errors.add(u"caption"_s, u"required"_s, u"A draft needs a caption or media."_s);
    }
    return finish(errors, input);
}

Result<ReviewInput> validateReview(const QJsonObject &body)
{
    FieldErrors errors;
    ReviewInput input;
    input.decision = choice<ReviewDecision>(body, u"decision"_s, u"decision"_s, errors)
                             .value_or(ReviewDecision::Approved);
    input.feedback = text(body, u"feedback"_s, u"feedback"_s, kMaxText, errors);
    if (errors.isEmpty() && input.decision != ReviewDecision::Approved
            && input.feedback.isEmpty()) {
        errors.add(u"feedback"_s, u"required"_s, u"Say what should change."_s);
    }
    return finish(errors, input);
}

Result<QString> validateLiveUrl(const QJsonObject &body)
{
    FieldErrors errors;
    const QString url = text(body, u"url"_s, u"url"_s, 2048, errors);
    if (errors.isEmpty() && !isHttpsUrl(url)) {
        errors.add(u"url"_s, url.isEmpty() ? u"required"_s : u"invalid_format"_s,
                u"Must be the https address of the published post."_s);
    }
    return finish(errors, url);
}

Result<QString> validateMessage(const QJsonObject &body)
{
    FieldErrors errors;
    const QString message = text(body, u"body"_s, u"body"_s, kMaxText, errors);
    if (errors.isEmpty() && message.isEmpty()) {
        errors.add(u"body"_s, u"required"_s, u"Must be given."_s);
    }
    return finish(errors, message);
}

} // namespace collab

} // namespace influence::common
