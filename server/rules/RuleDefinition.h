// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

/// The definition of an automation rule as the API takes it (POST /rules, the dry run, a PATCH
/// merged onto the stored rule): a trigger, a delay, conditions and one to five actions, checked
/// field by field into a RuleDefinition or a 422 validation_failed with field paths
/// (`trigger.params.share`, `actions[0].params.text`). Pure: no database (the shortlist of
/// shortlist.add is checked against the brand when saving).
namespace influence::server::rules {

constexpr int kMaxNameLength = 120;
constexpr int kMaxDelayMinutes = 43200; // 30 days
constexpr int kMaxActions = 5;
constexpr int kMaxConditions = 10;
constexpr int kMaxTextLength = 2000;
constexpr int kMaxListValues = 50;

struct RuleDefinition
{
    QString name;
    std::optional<QString> templateCode;
    QString triggerType;
    QJsonObject triggerParams;
    int delayMinutes = 0;
    QJsonArray conditions; ///< normalized [{field, op, value}]
    QJsonArray actions; ///< normalized [{type, params}]
    bool enabled = true;
};

/// Whether the rule's name is required (create, dry run of a saved rule: yes).
enum class NameRule { Required, Optional };

/// Checks a whole rule body. Unknown members are ignored; `brandId` is not read here.
common::Result<RuleDefinition> parseRuleDefinition(
        const QJsonObject &body, NameRule nameRule = NameRule::Required);

/// The shortlists the definition's shortlist.add actions name, with their field paths.
QList<std::pair<QString, QUuid>> shortlistsOf(const RuleDefinition &rule);

/// The stored rule (api_rule_json) with the members of a PATCH body put over it.
QJsonObject mergedForUpdate(const QJsonObject &stored, const QJsonObject &patch);

/// The trigger types and placeholders the API knows.
const QStringList &triggerTypes();
const QStringList &placeholders();

} // namespace influence::server::rules
