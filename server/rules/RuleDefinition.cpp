// SPDX-License-Identifier: Apache-2.0
#include "RuleDefinition.h"

#include "common/Money.h"
#include "common/Validation.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::FieldError;
using influence::common::Result;

namespace influence::server::rules {

namespace {

using Errors = QList<FieldError>;

const QStringList kPlatforms{u"instagram"_s, u"youtube"_s, u"tiktok"_s, u"twitch"_s, u"x"_s,
        u"facebook"_s, u"pinterest"_s, u"linkedin"_s, u"snapchat"_s};
const QStringList kDeliverableTypes{
        u"post"_s, u"story"_s, u"reel"_s, u"video"_s, u"short"_s, u"livestream"_s, u"blog"_s};

bool isBudget(const QString &trigger)
{
    return trigger == u"budget.used_above"_s;
}

/// A JSON number that is a whole number within [min, max].
std::optional<qint64> wholeNumber(const QJsonValue &value, double min, double max)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (std::floor(number) != number || number < min || number > max) {
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

void checkNoParams(const QJsonValue &params, const QString &path, Errors &errors)
{
    if (!params.isUndefined() && !params.isNull()
            && !(params.isObject() && params.toObject().isEmpty())) {
        errors.append({path, u"invalid_value"_s, u"Takes no parameters ({})."_s});
    }
}

QJsonObject triggerOf(const QJsonValue &trigger, Errors &errors, QString &type)
{
    if (!trigger.isObject()) {
        errors.append({u"trigger"_s, u"required"_s, u"An object with a type and params."_s});
        return {};
    }
    type = trigger[u"type"_s].toString();
    if (!triggerTypes().contains(type)) {
        errors.append({u"trigger.type"_s, u"invalid_value"_s,
                u"Must be one of: %1."_s.arg(triggerTypes().join(u", "_s))});
        type.clear();
        return {};
    }
    const QJsonValue params = trigger[u"params"_s];
    if (type == u"budget.used_above"_s) {
        const QJsonValue share = params[u"share"_s];
        if (!share.isDouble() || share.toDouble() <= 0 || share.toDouble() > 1) {
            errors.append({u"trigger.params.share"_s, u"invalid_value"_s,
                    u"The share of the budget: a number above 0, at most 1."_s});
            return {};
        }
        return {{u"share"_s, share.toDouble()}};
    }
    if (type == u"post.views_above"_s) {
        const auto views = wholeNumber(params[u"views"_s], 1, 1e12);
        if (!views) {
            errors.append({u"trigger.params.views"_s, u"invalid_value"_s,
                    u"The number of views: a whole number of at least 1."_s});
            return {};
        }
        return {{u"views"_s, static_cast<double>(*views)}};
    }
    checkNoParams(params, u"trigger.params"_s, errors);
    return {};
}

/// A list of known codes (or UUIDs when `codes` is empty), at most kMaxListValues.
std::optional<QJsonArray> listOf(const QJsonValue &value, const QStringList &codes)
{
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > kMaxListValues) {
        return std::nullopt;
    }
    QJsonArray list;
    for (const QJsonValue item : value.toArray()) {
        const QString text = item.toString();
        if (codes.isEmpty()) {
            const auto id = common::validation::parseUuid(text);
            if (!item.isString() || !id) {
                return std::nullopt;
            }
            list.append(id->toString(QUuid::WithoutBraces));
        } else if (!item.isString() || !codes.contains(text)) {
            return std::nullopt;
        } else {
            list.append(text);
        }
    }
    return list;
}

QJsonValue conditionValueOf(const QString &field, const QString &op, const QJsonValue &value,
        const QString &path, Errors &errors)
{
    auto expect = [&](bool ok, const QString &pathSuffix, const QString &message) {
        if (!ok) {
            errors.append({path + pathSuffix, u"invalid_value"_s, message});
        }
        return ok;
    };
    if (field == u"stillInState"_s) {
        if (expect(op == u"eq"_s, u".op"_s, u"stillInState takes eq."_s)
                && expect(value.isBool() && value.toBool(), u".value"_s, u"Must be true."_s)) {
            return true;
        }
        return {};
    }
    if (field == u"feeMinor"_s) {
        const auto fee = wholeNumber(value, 0, 9e15);
        if (expect(op == u"gte"_s || op == u"lte"_s, u".op"_s, u"feeMinor takes gte or lte."_s)
                && expect(fee.has_value(), u".value"_s,
                        u"A whole amount in minor units, at least 0."_s)) {
            return static_cast<double>(*fee);
        }
        return {};
    }
    const QStringList &codes = field == u"platform"_s ? kPlatforms
            : field == u"deliverableType"_s           ? kDeliverableTypes
                                                      : QStringList();
    const auto list = listOf(value, codes);
    if (expect(op == u"in"_s, u".op"_s, u"%1 takes in."_s.arg(field))
            && expect(list.has_value(), u".value"_s,
                    codes.isEmpty() ? u"A list of campaign ids."_s
                                    : u"A list of: %1."_s.arg(codes.join(u", "_s)))) {
        return *list;
    }
    return {};
}

QJsonArray conditionsOf(const QJsonValue &conditions, const QString &trigger, Errors &errors)
{
    static const QStringList kFields{
            u"campaignId"_s, u"platform"_s, u"deliverableType"_s, u"feeMinor"_s, u"stillInState"_s};
    if (conditions.isUndefined() || conditions.isNull()) {
        return {};
    }
    if (!conditions.isArray() || conditions.toArray().size() > kMaxConditions) {
        errors.append({u"conditions"_s, u"invalid_value"_s,
                u"A list of at most %1 conditions."_s.arg(kMaxConditions)});
        return {};
    }
    QJsonArray out;
    const QJsonArray list = conditions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = u"conditions[%1]"_s.arg(i);
        const QJsonValue condition = list.at(i);
        const QString field = condition[u"field"_s].toString();
        if (!condition.isObject() || !kFields.contains(field)) {
            errors.append({path + u".field"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(kFields.join(u", "_s))});
            continue;
        }
        if (isBudget(trigger) && field != u"campaignId"_s && field != u"stillInState"_s) {
            errors.append({path + u".field"_s, u"invalid_value"_s,
                    u"A budget trigger has no deal: campaignId or stillInState only."_s});
            continue;
        }
        const QString op = condition[u"op"_s].toString();
        const QJsonValue value = conditionValueOf(field, op, condition[u"value"_s], path, errors);
        // A fee bound is in one currency's minor units: a deal in another currency never meets
        // it (there is no exchange rate to compare with).
        const QString currency = condition[u"currency"_s].toString();
        const bool feeBound = field == u"feeMinor"_s;
        if (feeBound && !common::isCurrencyCode(currency)) {
            errors.append({path + u".currency"_s, u"invalid_currency"_s,
                    u"The fee's currency: an ISO 4217 code such as EUR."_s});
            continue;
        }
        if (!value.isUndefined() && !value.isNull()) {
            QJsonObject normal{{u"field"_s, field}, {u"op"_s, op}, {u"value"_s, value}};
            if (feeBound) {
                normal.insert(u"currency"_s, currency);
            }
            out.append(normal);
        }
    }
    return out;
}

void checkText(const QJsonValue &text, const QString &path, Errors &errors)
{
    static const QRegularExpression placeholder(u"\\{\\{([^{}]*)\\}\\}"_s);
    if (!text.isString() || text.toString().trimmed().isEmpty()
            || text.toString().size() > kMaxTextLength) {
        errors.append(
                {path, u"invalid_value"_s, u"Text of 1 to %1 characters."_s.arg(kMaxTextLength)});
        return;
    }
    auto it = placeholder.globalMatch(text.toString());
    while (it.hasNext()) {
        const QString name = it.next().captured(1).trimmed();
        if (!placeholders().contains(name)) {
            errors.append({path, u"invalid_value"_s,
                    u"Unknown placeholder {{%1}}; known: %2."_s.arg(
                            name, placeholders().join(u", "_s))});
            return;
        }
    }
}

QJsonObject actionOf(
        const QJsonValue &action, const QString &trigger, const QString &path, Errors &errors)
{
    static const QStringList kTypes{u"payout.approve"_s, u"message.send"_s, u"staff.notify"_s,
            u"webhook.call"_s, u"shortlist.add"_s};
    const QString type = action[u"type"_s].toString();
    if (!action.isObject() || !kTypes.contains(type)) {
        errors.append({path + u".type"_s, u"invalid_value"_s,
                u"Must be one of: %1."_s.arg(kTypes.join(u", "_s))});
        return {};
    }
    if (isBudget(trigger) && type != u"staff.notify"_s && type != u"webhook.call"_s) {
        errors.append({path + u".type"_s, u"invalid_value"_s,
                u"A budget trigger has no deal or creator: staff.notify or webhook.call only."_s});
        return {};
    }
    const QJsonValue params = action[u"params"_s];
    const QString paramsPath = path + u".params"_s;
    if (type == u"message.send"_s || type == u"staff.notify"_s) {
        checkText(params[u"text"_s], paramsPath + u".text"_s, errors);
        return {{u"type"_s, type},
                {u"params"_s, QJsonObject{{u"text"_s, params[u"text"_s].toString().trimmed()}}}};
    }
    if (type == u"shortlist.add"_s) {
        const auto id = common::validation::parseUuid(params[u"shortlistId"_s].toString());
        if (!params[u"shortlistId"_s].isString() || !id) {
            errors.append({paramsPath + u".shortlistId"_s, u"required"_s,
                    u"The id of one of the brand's shortlists."_s});
            return {};
        }
        return {{u"type"_s, type},
                {u"params"_s, QJsonObject{{u"shortlistId"_s, id->toString(QUuid::WithoutBraces)}}}};
    }
    checkNoParams(params, paramsPath, errors);
    return {{u"type"_s, type}, {u"params"_s, QJsonObject()}};
}

QJsonArray actionsOf(const QJsonValue &actions, const QString &trigger, Errors &errors)
{
    if (!actions.isArray() || actions.toArray().isEmpty()
            || actions.toArray().size() > kMaxActions) {
        errors.append({u"actions"_s, u"invalid_value"_s,
                u"A list of 1 to %1 actions."_s.arg(kMaxActions)});
        return {};
    }
    QJsonArray out;
    const QJsonArray list = actions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject action = actionOf(list.at(i), trigger, u"actions[%1]"_s.arg(i), errors);
        if (!action.isEmpty()) {
            out.append(action);
        }
    }
    return out;
}

} // namespace

const QStringList &triggerTypes()
{
    static const QStringList types{u"deliverable.approved"_s, u"deliverable.live"_s,
            u"offer.accepted"_s, u"deal.applied"_s, u"deliverable.overdue"_s,
            u"budget.used_above"_s, u"post.views_above"_s};
    return types;
}

const QStringList &placeholders()
{
    static const QStringList names{u"creator.name"_s, u"campaign.name"_s, u"deliverable.type"_s,
            u"deliverable.dueAt"_s, u"deal.url"_s};
    return names;
}

Result<RuleDefinition> parseRuleDefinition(const QJsonObject &body, NameRule nameRule)
{
    Errors errors;
    RuleDefinition rule;
    const QJsonValue name = body.value(u"name"_s);
    rule.name = name.toString().trimmed();
    if ((name.isUndefined() || name.isNull()) && nameRule == NameRule::Optional) {
        rule.name = u"Unsaved rule"_s;
    } else if (!name.isString() || rule.name.isEmpty() || rule.name.size() > kMaxNameLength) {
        errors.append(
                {u"name"_s, u"required"_s, u"A name of 1 to %1 characters."_s.arg(kMaxNameLength)});
    }
    if (const QJsonValue code = body.value(u"template"_s); !code.isUndefined() && !code.isNull()) {
        static const QRegularExpression pattern(u"^[a-z][a-z0-9_]{0,39}$"_s);
        if (!code.isString() || !pattern.match(code.toString()).hasMatch()) {
            errors.append({u"template"_s, u"invalid_value"_s, u"A template's code, or null."_s});
        } else {
            rule.templateCode = code.toString();
        }
    }
    rule.triggerParams = triggerOf(body.value(u"trigger"_s), errors, rule.triggerType);
    if (const QJsonValue delay = body.value(u"delayMinutes"_s);
            !delay.isUndefined() && !delay.isNull()) {
        const auto minutes = wholeNumber(delay, 0, kMaxDelayMinutes);
        if (!minutes) {
            errors.append({u"delayMinutes"_s, u"out_of_range"_s,
                    u"Whole minutes from 0 to %1 (30 days)."_s.arg(kMaxDelayMinutes)});
        } else {
            rule.delayMinutes = static_cast<int>(*minutes);
        }
    }
    rule.conditions = conditionsOf(body.value(u"conditions"_s), rule.triggerType, errors);
    rule.actions = actionsOf(body.value(u"actions"_s), rule.triggerType, errors);
    if (const QJsonValue enabled = body.value(u"enabled"_s); !enabled.isUndefined()) {
        if (!enabled.isBool()) {
            errors.append({u"enabled"_s, u"invalid_value"_s, u"Must be true or false."_s});
        } else {
            rule.enabled = enabled.toBool();
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return rule;
}

QList<std::pair<QString, QUuid>> shortlistsOf(const RuleDefinition &rule)
{
    QList<std::pair<QString, QUuid>> found;
    for (qsizetype i = 0; i < rule.actions.size(); ++i) {
        const QJsonObject action = rule.actions.at(i).toObject();
        if (action[u"type"_s].toString() == u"shortlist.add"_s) {
            found.append({u"actions[%1].params.shortlistId"_s.arg(i),
                    QUuid::fromString(action[u"params"_s][u"shortlistId"_s].toString())});
        }
    }
    return found;
}

QJsonObject mergedForUpdate(const QJsonObject &stored, const QJsonObject &patch)
{
    QJsonObject merged;
    for (const QString &key : {u"name"_s, u"template"_s, u"trigger"_s, u"delayMinutes"_s,
                 u"conditions"_s, u"actions"_s, u"enabled"_s}) {
        merged.insert(key, patch.contains(key) ? patch.value(key) : stored.value(key));
    }
    return merged;
}

} // namespace influence::server::rules
