// SPDX-License-Identifier: Apache-2.0
#include "RuleText.h"

#include "common/Domain.h"
#include "common/Money.h"
#include "widgets/Names.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using influence::common::RuleFiring;

namespace influence::desktop {

namespace {

using Table = QList<std::pair<QString, const char *>>;

/// The translation of `code` in `table`, else `fallback` (the code when empty).
QString lookUp(const Table &table, const QString &code, const QString &fallback = {})
{
    for (const auto &[wire, text] : table) {
        if (wire == code) {
            return RuleText::tr(text);
        }
    }
    return fallback.isEmpty() ? code : fallback;
}

QString valueName(const QString &field, const QString &value,
        const std::function<QString(const QString &)> &campaignName)
{
    if (field == u"platform"_s) {
        const auto platform = common::platformFromString(value);
        return platform ? Names::platform(*platform) : value;
    }
    if (field == u"deliverableType"_s) {
        const auto type = common::deliverableTypeFromString(value);
        return type ? Names::deliverableType(*type) : value;
    }
    if (field == u"campaignId"_s && campaignName) {
        const QString name = campaignName(value);
        return name.isEmpty() ? value : name;
    }
    return value;
}

} // namespace

QString RuleText::triggerName(const QString &type)
{
    static const Table names{{u"deliverable.approved"_s, QT_TR_NOOP("Deliverable approved")},
            {u"deliverable.live"_s, QT_TR_NOOP("Post went live")},
            {u"offer.accepted"_s, QT_TR_NOOP("Offer accepted")},
            {u"deal.applied"_s, QT_TR_NOOP("Creator applied")},
            {u"deliverable.overdue"_s, QT_TR_NOOP("Deliverable overdue")},
            {u"budget.used_above"_s, QT_TR_NOOP("Budget used above a share")},
            {u"post.views_above"_s, QT_TR_NOOP("Post views above a number")}};
    return lookUp(names, type);
}

QString RuleText::trigger(const common::RuleTrigger &trigger)
{
    const QLocale locale;
    if (trigger.type == u"budget.used_above"_s) {
        const double share = trigger.params.value(u"share"_s).toDouble();
        return tr("When a campaign has committed or paid %1 % of its budget")
                .arg(locale.toString(share * 100, 'f', 0));
    }
    if (trigger.type == u"post.views_above"_s) {
        return tr("When a campaign post passes %1 views")
                .arg(locale.toString(trigger.params.value(u"views"_s).toInteger()));
    }
    static const Table sentences{
            {u"deliverable.approved"_s, QT_TR_NOOP("When a deliverable's draft is approved")},
            {u"deliverable.live"_s, QT_TR_NOOP("When a live post is reported")},
            {u"offer.accepted"_s, QT_TR_NOOP("When an offer is accepted")},
            {u"deal.applied"_s, QT_TR_NOOP("When a creator applies to a campaign")},
            {u"deliverable.overdue"_s, QT_TR_NOOP("When a deliverable becomes overdue")}};
    return lookUp(sentences, trigger.type);
}

QString RuleText::delay(int minutes)
{
    if (minutes <= 0) {
        return tr("at once");
    }
    const int days = minutes / (24 * 60);
    const int hours = minutes / 60 % 24;
    const int rest = minutes % 60;
    QStringList parts;
    if (days > 0) {
        parts << (days == 1 ? tr("1 day") : tr("%n days", nullptr, days));
    }
    if (hours > 0) {
        parts << (hours == 1 ? tr("1 hour") : tr("%n hours", nullptr, hours));
    }
    if (rest > 0) {
        parts << (rest == 1 ? tr("1 minute") : tr("%n minutes", nullptr, rest));
    }
    return tr("after %1").arg(parts.join(u' '));
}

QString RuleText::conditionField(const QString &field)
{
    static const Table names{{u"campaignId"_s, QT_TR_NOOP("Campaign")},
            {u"platform"_s, QT_TR_NOOP("Platform")},
            {u"deliverableType"_s, QT_TR_NOOP("Deliverable type")},
            {u"feeMinor"_s, QT_TR_NOOP("Fee")},
            {u"stillInState"_s, QT_TR_NOOP("Still in the same state")}};
    return lookUp(names, field);
}

QString RuleText::condition(const common::RuleCondition &condition,
        const std::function<QString(const QString &)> &campaignName)
{
    const QString field = conditionField(condition.field);
    if (condition.field == u"stillInState"_s) {
        return tr("Still in the state it fired in (for example still overdue)");
    }
    if (condition.op == u"in"_s) {
        QStringList values;
        for (const auto &value : condition.value.toArray()) {
            values << valueName(condition.field, value.toString(), campaignName);
        }
        return tr("%1 is %2").arg(field, values.join(tr(" or ")));
    }
    // The fee, in minor units of its currency: shown as money ("€500.00", "¥50,000").
    const QString amount = condition.currency.isEmpty()
            ? QLocale().toString(condition.value.toDouble() / 100.0, 'f', 2)
            : common::formatMoney({condition.value.toInteger(), condition.currency});
    if (condition.op == u"gte"_s) {
        return tr("%1 at least %2").arg(field, amount);
    }
    if (condition.op == u"lte"_s) {
        return tr("%1 at most %2").arg(field, amount);
    }
    return u"%1 %2 %3"_s.arg(condition.field, condition.op, amount);
}

QString RuleText::actionName(const QString &type)
{
    static const Table names{{u"payout.approve"_s, QT_TR_NOOP("Approve the payouts due")},
            {u"message.send"_s, QT_TR_NOOP("Send the creator a message")},
            {u"staff.notify"_s, QT_TR_NOOP("Notify the brand's staff")},
            {u"webhook.call"_s, QT_TR_NOOP("Call the brand's webhooks")},
            {u"shortlist.add"_s, QT_TR_NOOP("Add the creator to a shortlist")}};
    return lookUp(names, type);
}

QString RuleText::placeholder(const QString &name)
{
    static const Table names{{u"creator.name"_s, QT_TR_NOOP("the creator's name")},
            {u"campaign.name"_s, QT_TR_NOOP("the campaign's name")},
            {u"deliverable.type"_s, QT_TR_NOOP("the deliverable's type")},
            {u"deliverable.dueAt"_s, QT_TR_NOOP("the deliverable's due date")},
            {u"deal.url"_s, QT_TR_NOOP("a link to the deal")}};
    return lookUp(names, name);
}

QString RuleText::templateName(const QString &code, const QString &fallback)
{
    static const Table names{
            {u"approve_payout_on_approval"_s, QT_TR_NOOP("Approve the payout on approval")},
            {u"thank_on_live"_s, QT_TR_NOOP("Thank the creator when the post is live")},
            {u"nudge_overdue"_s, QT_TR_NOOP("Nudge about an overdue deliverable")},
            {u"notify_budget_80"_s, QT_TR_NOOP("Warn at 80 % of the budget")},
            {u"shortlist_viral_post"_s, QT_TR_NOOP("Shortlist creators of viral posts")},
            {u"welcome_applicant"_s, QT_TR_NOOP("Welcome applicants")}};
    return lookUp(names, code, fallback);
}

QString RuleText::templateDescription(const QString &code, const QString &fallback)
{
    static const Table descriptions{
            {u"approve_payout_on_approval"_s,
                    QT_TR_NOOP("When a draft is approved, approve the deal's payouts that are "
                               "due, so the creator is paid without waiting for you.")},
            {u"thank_on_live"_s,
                    QT_TR_NOOP("When a post goes live, thank the creator with a message on the "
                               "deal.")},
            {u"nudge_overdue"_s,
                    QT_TR_NOOP("A day after a deliverable became overdue, remind the creator, "
                               "unless it was delivered in the meantime.")},
            {u"notify_budget_80"_s,
                    QT_TR_NOOP("Tell the brand's staff when a campaign has committed or paid 80 % "
                               "of its budget.")},
            {u"shortlist_viral_post"_s,
                    QT_TR_NOOP("When a campaign post passes 100,000 views, add its creator to a "
                               "shortlist of your choice.")},
            {u"welcome_applicant"_s,
                    QT_TR_NOOP("When a creator applies to a campaign, welcome them with a "
                               "message.")}};
    return lookUp(descriptions, code, fallback);
}

QString RuleText::firingStatus(const RuleFiring &firing)
{
    switch (firing.status) {
    case RuleFiring::Status::Pending: return tr("Waiting");
    case RuleFiring::Status::Succeeded: return tr("Done");
    case RuleFiring::Status::Skipped: return tr("Skipped");
    case RuleFiring::Status::Failed: return tr("Failed");
    case RuleFiring::Status::WouldFire: return tr("Would fire");
    case RuleFiring::Status::WouldSkip: return tr("Would skip");
    case RuleFiring::Status::Unknown: break;
    }
    return firing.statusCode;
}

QString RuleText::actionResults(const RuleFiring &firing)
{
    QStringList lines;
    for (const auto &action : firing.actions) {
        const QString mark = action.ok ? u"✓"_s : u"✗"_s;
        lines << (action.result.isEmpty()
                        ? u"%1 %2"_s.arg(mark, actionName(action.type))
                        : u"%1 %2: %3"_s.arg(mark, actionName(action.type), action.result));
    }
    return lines.join(u'\n');
}

QString RuleText::fieldError(const common::FieldError &error)
{
    static const QRegularExpression indexed(u"^(actions|conditions)\\[(\\d+)\\]"_s);
    QString where;
    if (const auto match = indexed.match(error.field); match.hasMatch()) {
        const int number = match.captured(2).toInt() + 1;
        where = match.captured(1) == u"actions"_s ? tr("Action %1").arg(number)
                                                  : tr("Condition %1").arg(number);
    } else if (error.field.startsWith(u"trigger"_s)) {
        where = tr("Trigger");
    } else if (error.field == u"delayMinutes"_s) {
        where = tr("Delay");
    } else if (error.field == u"actions"_s) {
        where = tr("Actions");
    } else if (error.field == u"name"_s) {
        where = tr("Name");
    } else {
        where = error.field;
    }
    static const Table problems{{u"required"_s, QT_TR_NOOP("is missing")},
            {u"too_long"_s, QT_TR_NOOP("is too long, or has too many entries")},
            {u"out_of_range"_s, QT_TR_NOOP("is out of range")},
            {u"unknown_placeholder"_s, QT_TR_NOOP("uses an unknown placeholder")}};
    return u"%1: %2"_s.arg(where, lookUp(problems, error.code, tr("is not valid")));
}

QString RuleText::dryRunSummary(const common::RuleDryRun &run)
{
    const QString fired = run.wouldFire == 1 ? tr("once") : tr("%n times", nullptr, run.wouldFire);
    const QString skipped =
            run.wouldSkip == 1 ? tr("1 event") : tr("%n events", nullptr, run.wouldSkip);
    QString summary = tr("Over the last 30 days this rule would have fired %1 and skipped %2.")
                              .arg(fired, skipped);
    // The server describes the latest 500 events; the counts cover them all.
    const auto listed = static_cast<int>(run.items.size());
    if (listed > 0 && listed < run.wouldFire + run.wouldSkip) {
        return summary + u' ' + tr("The latest %n are listed below.", nullptr, listed);
    }
    return summary;
}

} // namespace influence::desktop
