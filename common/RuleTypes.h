// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Error.h"
#include "Result.h"
#include "ShortlistTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// A brand's automation rules (/api/v1/rules…): what they are made of, read from and written to
/// their JSON, and the checks the desktop makes before sending one (the server makes them again).
namespace influence::common {

/// The wire names of what a rule is made of, as the server knows them (the desktop names them in
/// words; a code it does not know is shown as the server's text).
namespace rules {
inline constexpr int kMaxDelayMinutes = 43200; ///< 30 days
inline constexpr int kMaxActions = 5;
/// Trigger types in the order the editor offers them.
QStringList triggerTypes();
/// Action types in the order the editor offers them.
QStringList actionTypes();
/// Condition fields in the order the editor offers them.
QStringList conditionFields();
/// The placeholders a message may use ("creator.name"), without braces.
QStringList placeholders();
/// The placeholders of `text` ("{{ creator.name }}" → "creator.name"), in order of appearance.
QStringList placeholdersIn(const QString &text);
} // namespace rules

/// When a rule fires: a type and its parameters (`share` of budget.used_above, `views` of
/// post.views_above).
struct RuleTrigger
{
    QString type;
    QJsonObject params;

    friend bool operator==(const RuleTrigger &, const RuleTrigger &) = default;
};

/// One condition that must hold when the delay has passed: `value` is an array for `in`, an
/// integer for `gte`/`lte`, true for stillInState.
struct RuleCondition
{
    QString field;
    QString op;
    QJsonValue value;
    /// feeMinor only: the ISO 4217 currency of `value`'s minor units (a deal in another
    /// currency does not meet the condition).
    QString currency;

    friend bool operator==(const RuleCondition &, const RuleCondition &) = default;
};

/// What a rule does: a type and its parameters (`text`, `shortlistId`).
struct RuleAction
{
    QString type;
    QJsonObject params;

    friend bool operator==(const RuleAction &, const RuleAction &) = default;
};

/// What a brand's staff define: the part of a rule they send (new, edited, dry run) and that a
/// template proposes.
struct RuleDefinition
{
    QString name;
    RuleTrigger trigger;
    int delayMinutes = 0;
    QList<RuleCondition> conditions;
    QList<RuleAction> actions;

    /// {name, trigger, delayMinutes, conditions, actions}.
    QJsonObject toJson() const;
    static Result<RuleDefinition> fromJson(const QJsonObject &json);
    /// The errors the server would answer for this definition, with its field paths
    /// (`actions[0].params.text`): empty when it may be sent.
    QList<FieldError> validate() const;

    friend bool operator==(const RuleDefinition &, const RuleDefinition &) = default;
};

/// A saved rule (api_rule_json).
struct Rule
{
    QString id;
    QString brandId;
    QString templateCode; ///< empty: made from scratch
    RuleDefinition definition;
    bool enabled = true;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastFiredAt; ///< invalid: never fired
    int firingCount = 0;

    static Result<Rule> fromJson(const QJsonObject &json);
};

/// A ready-made rule to start from (GET /rules/templates).
struct RuleTemplate
{
    QString code;
    QString name;
    QString description;
    RuleDefinition rule;

    static Result<RuleTemplate> fromJson(const QJsonObject &json);
};

/// What made a rule fire (or would have).
struct RuleEvent
{
    QString type;
    QDateTime at;
    QString dealId; ///< empty when the event has no deal (budget.used_above)
    QString campaignId;
    QString objectId;
    QString summary; ///< the server's sentence ("Reel for Summer Launch by Ana approved")
};

/// One action's outcome in a firing.
struct RuleActionResult
{
    QString type;
    bool ok = false;
    QString result; ///< the server's sentence ("approved 1 payout (€1,200.00)")
};

/// A firing (api_rule_firing_json), or a dry run's item (no id, no firedAt).
struct RuleFiring
{
    enum class Status { Pending, Succeeded, Skipped, Failed, WouldFire, WouldSkip, Unknown };

    QString id;
    QString ruleId;
    RuleEvent event;
    QDateTime firedAt;
    Status status = Status::Unknown;
    QString statusCode; ///< as received (kept for codes this client does not know)
    QString reason; ///< why it was skipped or failed (the server's sentence), else empty
    QList<RuleActionResult> actions;

    static Result<RuleFiring> fromJson(const QJsonObject &json);
};

/// What a rule would have done over the last 30 days (POST /rules/dry-run).
struct RuleDryRun
{
    QDateTime from;
    QDateTime to;
    QList<RuleFiring> items;
    int wouldFire = 0;
    int wouldSkip = 0;

    static Result<RuleDryRun> fromJson(const QJsonObject &json);
};

/// A page of rules or firings (the shape every list of the API has).
template<class T>
using RulePage = ShortlistPage<T>;

} // namespace influence::common
