// SPDX-License-Identifier: Apache-2.0
#include "RuleTypes.h"

#include "Money.h"
#include "Validation.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

constexpr int kMaxNameLength = 120;
constexpr int kMaxTextLength = 2000;
constexpr int kMaxConditions = 10;
constexpr int kMaxListValues = 50;

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

QDateTime timestamp(const QJsonObject &json, const QString &field)
{
    return QDateTime::fromString(json.value(field).toString(), Qt::ISODateWithMs);
}

/// Reads `json[field]` as an array of T::fromJson-like items with `read`.
template<class T, class Read>
Result<QList<T>> readArray(const QJsonObject &json, const QString &field, Read read)
{
    const QJsonValue value = json.value(field);
    if (!value.isArray() && !value.isUndefined() && !value.isNull()) {
        return invalid(u"“%1” is not a list."_s.arg(field));
    }
    QList<T> items;
    for (const auto &item : value.toArray()) {
        if (!item.isObject()) {
            return invalid(u"An item of “%1” is not an object."_s.arg(field));
        }
        auto one = read(item.toObject());
        if (!one) {
            return one.error();
        }
        items.append(std::move(*one));
    }
    return items;
}

Result<RuleCondition> conditionFromJson(const QJsonObject &json)
{
    RuleCondition condition{json.value(u"field"_s).toString(), json.value(u"op"_s).toString(),
            json.value(u"value"_s), json.value(u"currency"_s).toString()};
    if (condition.field.isEmpty() || condition.op.isEmpty()) {
        return invalid(u"A rule's condition has no field or operator."_s);
    }
    return condition;
}

Result<RuleAction> actionFromJson(const QJsonObject &json)
{
    RuleAction action{json.value(u"type"_s).toString(), json.value(u"params"_s).toObject()};
    if (action.type.isEmpty()) {
        return invalid(u"A rule's action has no type."_s);
    }
    return action;
}

Result<RuleActionResult> actionResultFromJson(const QJsonObject &json)
{
    RuleActionResult result{json.value(u"type"_s).toString(), json.value(u"ok"_s).toBool(),
            json.value(u"result"_s).toString()};
    if (result.type.isEmpty()) {
        return invalid(u"An action's result has no type."_s);
    }
    return result;
}

RuleFiring::Status statusFromString(const QString &text)
{
    static const QHash<QString, RuleFiring::Status> statuses{
            {u"pending"_s, RuleFiring::Status::Pending},
            {u"succeeded"_s, RuleFiring::Status::Succeeded},
            {u"skipped"_s, RuleFiring::Status::Skipped}, {u"failed"_s, RuleFiring::Status::Failed},
            {u"would_fire"_s, RuleFiring::Status::WouldFire},
            {u"would_skip"_s, RuleFiring::Status::WouldSkip}};
    return statuses.value(text, RuleFiring::Status::Unknown);
}

void checkTrigger(const RuleTrigger &trigger, validation::FieldErrors &errors)
{
    if (trigger.type.isEmpty()) {
        errors.add(u"trigger.type"_s, u"required"_s, u"Choose what starts the rule."_s);
    } else if (!rules::triggerTypes().contains(trigger.type)) {
        errors.add(u"trigger.type"_s, u"invalid_value"_s, u"Unknown trigger type."_s);
    } else if (trigger.type == u"budget.used_above"_s) {
        const double share = trigger.params.value(u"share"_s).toDouble(-1);
        if (share <= 0 || share > 1) {
            errors.add(u"trigger.params.share"_s, u"out_of_range"_s,
                    u"The share must be above 0 and at most 1."_s);
        }
    } else if (trigger.type == u"post.views_above"_s) {
        if (trigger.params.value(u"views"_s).toInteger(0) <= 0) {
            errors.add(u"trigger.params.views"_s, u"out_of_range"_s,
                    u"The number of views must be above 0."_s);
        }
    }
}

void checkCondition(
        const RuleCondition &condition, const QString &at, validation::FieldErrors &errors)
{
    static const QHash<QString, QStringList> operators{{u"campaignId"_s, {u"in"_s}},
            {u"platform"_s, {u"in"_s}}, {u"deliverableType"_s, {u"in"_s}},
            {u"feeMinor"_s, {u"gte"_s, u"lte"_s}}, {u"stillInState"_s, {u"eq"_s}}};
    if (!operators.contains(condition.field)) {
        errors.add(at + u".field"_s, u"invalid_value"_s, u"Unknown condition field."_s);
        return;
    }
    if (!operators.value(condition.field).contains(condition.op)) {
        errors.add(at + u".op"_s, u"invalid_value"_s, u"Unknown operator for this field."_s);
        return;
    }
    const bool valid = condition.op == u"in"_s
            ? condition.value.isArray() && !condition.value.toArray().isEmpty()
                    && condition.value.toArray().size() <= kMaxListValues
            : condition.op == u"eq"_s
            ? condition.value == QJsonValue(true)
            : condition.value.isDouble() && condition.value.toDouble() >= 0;
    if (!valid) {
        errors.add(at + u".value"_s, u"invalid_value"_s, u"The condition has no valid value."_s);
    }
    if (condition.field == u"feeMinor"_s && !isCurrencyCode(condition.currency)) {
        errors.add(at + u".currency"_s, u"invalid_currency"_s,
                u"The fee's currency: an ISO 4217 code such as EUR."_s);
    }
}

void checkAction(const RuleAction &action, const QString &at, validation::FieldErrors &errors)
{
    if (!rules::actionTypes().contains(action.type)) {
        errors.add(at + u".type"_s, u"invalid_value"_s, u"Unknown action type."_s);
        return;
    }
    if (action.type == u"message.send"_s || action.type == u"staff.notify"_s) {
        const QString text = action.params.value(u"text"_s).toString();
        const QString field = at + u".params.text"_s;
        if (text.trimmed().isEmpty()) {
            errors.add(field, u"required"_s, u"The message has no text."_s);
        } else if (text.size() > kMaxTextLength) {
            errors.add(field, u"too_long"_s, u"The message is too long."_s);
        }
        for (const QString &name : rules::placeholdersIn(text)) {
            if (!rules::placeholders().contains(name)) {
                errors.add(field, u"unknown_placeholder"_s,
                        u"Unknown placeholder {{%1}}."_s.arg(name));
            }
        }
    } else if (action.type == u"shortlist.add"_s) {
        if (!validation::parseUuid(action.params.value(u"shortlistId"_s).toString())) {
            errors.add(at + u".params.shortlistId"_s, u"required"_s, u"Choose a shortlist."_s);
        }
    }
}

} // namespace

namespace rules {

QStringList triggerTypes()
{
    return {u"deliverable.approved"_s, u"deliverable.live"_s, u"offer.accepted"_s,
            u"deal.applied"_s, u"deliverable.overdue"_s, u"budget.used_above"_s,
            u"post.views_above"_s};
}

QStringList actionTypes()
{
    return {u"payout.approve"_s, u"message.send"_s, u"staff.notify"_s, u"webhook.call"_s,
            u"shortlist.add"_s};
}

QStringList conditionFields()
{
    return {u"campaignId"_s, u"platform"_s, u"deliverableType"_s, u"feeMinor"_s, u"stillInState"_s};
}

QStringList placeholders()
{
    return {u"creator.name"_s, u"campaign.name"_s, u"deliverable.type"_s, u"deliverable.dueAt"_s,
            u"deal.url"_s};
}

QStringList placeholdersIn(const QString &text)
{
    static const QRegularExpression pattern(u"\\{\\{([^{}]*)\\}\\}"_s);
    QStringList names;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        names.append(it.next().captured(1));
    }
    return names;
}

} // namespace rules

QJsonObject RuleDefinition::toJson() const
{
    QJsonArray conditionsJson;
    for (const RuleCondition &condition : conditions) {
        QJsonObject json{{u"field"_s, condition.field}, {u"op"_s, condition.op},
                {u"value"_s, condition.value}};
        if (!condition.currency.isEmpty()) {
            json.insert(u"currency"_s, condition.currency);
        }
        conditionsJson.append(json);
    }
    QJsonArray actionsJson;
    for (const RuleAction &action : actions) {
        actionsJson.append(QJsonObject{{u"type"_s, action.type}, {u"params"_s, action.params}});
    }
    return {{u"name"_s, name},
            {u"trigger"_s, QJsonObject{{u"type"_s, trigger.type}, {u"params"_s, trigger.params}}},
            {u"delayMinutes"_s, delayMinutes}, {u"conditions"_s, conditionsJson},
            {u"actions"_s, actionsJson}};
}

Result<RuleDefinition> RuleDefinition::fromJson(const QJsonObject &json)
{
    RuleDefinition definition;
    definition.name = json.value(u"name"_s).toString();
    const QJsonObject trigger = json.value(u"trigger"_s).toObject();
    definition.trigger = {
            trigger.value(u"type"_s).toString(), trigger.value(u"params"_s).toObject()};
    if (definition.trigger.type.isEmpty()) {
        return invalid(u"A rule has no trigger."_s);
    }
    definition.delayMinutes = json.value(u"delayMinutes"_s).toInt();
    auto conditions = readArray<RuleCondition>(json, u"conditions"_s, conditionFromJson);
    if (!conditions) {
        return conditions.error();
    }
    definition.conditions = std::move(*conditions);
    auto actions = readArray<RuleAction>(json, u"actions"_s, actionFromJson);
    if (!actions) {
        return actions.error();
    }
    definition.actions = std::move(*actions);
    return definition;
}

QList<FieldError> RuleDefinition::validate() const
{
    validation::FieldErrors errors;
    if (name.trimmed().isEmpty()) {
        errors.add(u"name"_s, u"required"_s, u"The rule has no name."_s);
    } else {
        errors.checkLength(u"name"_s, name, 1, kMaxNameLength);
    }
    checkTrigger(trigger, errors);
    if (delayMinutes < 0 || delayMinutes > rules::kMaxDelayMinutes) {
        errors.add(u"delayMinutes"_s, u"out_of_range"_s,
                u"The delay must be between 0 minutes and 30 days."_s);
    }
    // A budget trigger has no deal: it can only look at the campaign and tell people.
    const bool budget = trigger.type == u"budget.used_above"_s;
    if (conditions.size() > kMaxConditions) {
        errors.add(u"conditions"_s, u"too_long"_s, u"A rule has at most ten conditions."_s);
    }
    for (int i = 0; i < conditions.size(); ++i) {
        const QString at = u"conditions[%1]"_s.arg(i);
        if (budget && conditions.at(i).field != u"campaignId"_s
                && conditions.at(i).field != u"stillInState"_s) {
            errors.add(at + u".field"_s, u"invalid_value"_s, u"A budget trigger has no deal."_s);
            continue;
        }
        checkCondition(conditions.at(i), at, errors);
    }
    if (actions.isEmpty() || actions.size() > rules::kMaxActions) {
        errors.add(u"actions"_s, actions.isEmpty() ? u"required"_s : u"too_long"_s,
                u"A rule has one to five actions."_s);
    }
    for (int i = 0; i < actions.size(); ++i) {
        const QString at = u"actions[%1]"_s.arg(i);
        if (budget && actions.at(i).type != u"staff.notify"_s
                && actions.at(i).type != u"webhook.call"_s) {
            errors.add(at + u".type"_s, u"invalid_value"_s, u"A budget trigger has no deal."_s);
            continue;
        }
        checkAction(actions.at(i), at, errors);
    }
    return errors.errors();
}

Result<Rule> Rule::fromJson(const QJsonObject &json)
{
    Rule rule;
    rule.id = json.value(u"id"_s).toString();
    if (rule.id.isEmpty()) {
        return invalid(u"A rule has no id."_s);
    }
    auto definition = RuleDefinition::fromJson(json);
    if (!definition) {
        return definition.error();
    }
    rule.definition = std::move(*definition);
    rule.brandId = json.value(u"brandId"_s).toString();
    rule.templateCode = json.value(u"template"_s).toString();
    rule.enabled = json.value(u"enabled"_s).toBool(true);
    rule.createdAt = timestamp(json, u"createdAt"_s);
    rule.updatedAt = timestamp(json, u"updatedAt"_s);
    rule.lastFiredAt = timestamp(json, u"lastFiredAt"_s);
    rule.firingCount = json.value(u"firingCount"_s).toInt();
    return rule;
}

Result<RuleTemplate> RuleTemplate::fromJson(const QJsonObject &json)
{
    RuleTemplate ruleTemplate;
    ruleTemplate.code = json.value(u"code"_s).toString();
    if (ruleTemplate.code.isEmpty()) {
        return invalid(u"A rule template has no code."_s);
    }
    ruleTemplate.name = json.value(u"name"_s).toString();
    ruleTemplate.description = json.value(u"description"_s).toString();
    auto rule = RuleDefinition::fromJson(json.value(u"rule"_s).toObject());
    if (!rule) {
        return rule.error();
    }
    ruleTemplate.rule = std::move(*rule);
    return ruleTemplate;
}

Result<RuleFiring> RuleFiring::fromJson(const QJsonObject &json)
{
    RuleFiring firing;
    firing.statusCode = json.value(u"status"_s).toString();
    if (firing.statusCode.isEmpty()) {
        return invalid(u"A rule's firing has no status."_s);
    }
    firing.status = statusFromString(firing.statusCode);
    firing.id = json.value(u"id"_s).toString();
    firing.ruleId = json.value(u"ruleId"_s).toString();
    const QJsonObject event = json.value(u"event"_s).toObject();
    firing.event = {event.value(u"type"_s).toString(), timestamp(event, u"at"_s),
            event.value(u"dealId"_s).toString(), event.value(u"campaignId"_s).toString(),
            event.value(u"objectId"_s).toString(), event.value(u"summary"_s).toString()};
    firing.firedAt = timestamp(json, u"firedAt"_s);
    firing.reason = json.value(u"reason"_s).toString();
    auto actions = readArray<RuleActionResult>(json, u"actions"_s, actionResultFromJson);
    if (!actions) {
        return actions.error();
    }
    firing.actions = std::move(*actions);
    return firing;
}

Result<RuleDryRun> RuleDryRun::fromJson(const QJsonObject &json)
{
    auto page = RulePage<RuleFiring>::fromJson(json);
    if (!page) {
        return page.error();
    }
    RuleDryRun run;
    run.items = std::move(page->items);
    run.from = timestamp(json, u"from"_s);
    run.to = timestamp(json, u"to"_s);
    run.wouldFire = json.value(u"wouldFire"_s).toInt();
    run.wouldSkip = json.value(u"wouldSkip"_s).toInt();
    return run;
}

} // namespace influence::common
