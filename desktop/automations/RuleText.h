// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/RuleTypes.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Translated words of the Automations page: what starts a rule, what it checks and does, its
/// templates and its firings. Codes this app does not know are shown as the server names them.
class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)

public:
    /// A trigger type's short name ("Deliverable approved").
    static QString triggerName(const QString &type);
    /// The trigger with its parameters as a sentence ("When a post passes 100,000 views").
    static QString trigger(const common::RuleTrigger &trigger);
    /// A delay in words ("at once", "after 1 day 2 hours").
    static QString delay(int minutes);
    /// A condition field's name ("Platform").
    static QString conditionField(const QString &field);
    /// A condition in words ("Platform is Instagram or TikTok"); campaigns named by
    /// `campaignName` (an id when it answers nothing).
    static QString condition(const common::RuleCondition &condition,
            const std::function<QString(const QString &)> &campaignName = {});
    /// An action type's name ("Send the creator a message").
    static QString actionName(const QString &type);
    /// A placeholder's description ("the creator's name").
    static QString placeholder(const QString &name);
    /// A template's name and description by code, else the server's `fallback`.
    static QString templateName(const QString &code, const QString &fallback);
    static QString templateDescription(const QString &code, const QString &fallback);
    /// A firing's status ("Succeeded", "Would fire"); the code as received when unknown.
    static QString firingStatus(const common::RuleFiring &firing);
    /// The actions' outcomes, one a line ("✓ Approve the payout: approved 1 payout").
    static QString actionResults(const common::RuleFiring &firing);
    /// A field error of a rule in words ("Action 2: uses an unknown placeholder").
    static QString fieldError(const common::FieldError &error);
    /// A dry run's summary ("Over the last 30 days it would have fired 3 times and skipped 1"),
    /// saying how many are listed when the server listed fewer events than it counted.
    static QString dryRunSummary(const common::RuleDryRun &run);
};

} // namespace influence::desktop
