// SPDX-License-Identifier: Apache-2.0
#include "RuleTemplates.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace influence::server::rules {

namespace {

QJsonObject action(const QString &type, const QJsonObject &params = {})
{
    return {{u"type"_s, type}, {u"params"_s, params}};
}

QJsonObject entry(const QString &code, const QString &name, const QString &description,
        const QJsonObject &trigger, int delayMinutes, const QJsonArray &conditions,
        const QJsonArray &actions)
{
    return {{u"code"_s, code}, {u"name"_s, name}, {u"description"_s, description},
            {u"rule"_s,
                    QJsonObject{{u"name"_s, name}, {u"template"_s, code}, {u"trigger"_s, trigger},
                            {u"delayMinutes"_s, delayMinutes}, {u"conditions"_s, conditions},
                            {u"actions"_s, actions}}}};
}

QJsonObject trigger(const QString &type, const QJsonObject &params = {})
{
    return {{u"type"_s, type}, {u"params"_s, params}};
}

} // namespace

const QJsonArray &ruleTemplates()
{
    static const QJsonArray templates{
            entry(u"approve_payout_on_approval"_s,
                    u"Approve payout when a deliverable is approved"_s,
                    u"When a draft is approved, the deal's payouts that are due are approved."_s,
                    trigger(u"deliverable.approved"_s), 0, {}, {action(u"payout.approve"_s)}),
            entry(u"thank_on_live"_s, u"Thank the creator when the post is live"_s,
                    u"When a live post is reported, a thank-you message goes to the deal."_s,
                    trigger(u"deliverable.live"_s), 0, {},
                    {action(u"message.send"_s,
                            {{u"text"_s,
                                    u"Thanks {{creator.name}} for the {{deliverable.type}} on "
                                    "{{campaign.name}}!"_s}})}),
            entry(u"nudge_overdue"_s, u"Nudge an overdue deliverable after a day"_s,
                    u"24 hours after a deliverable became overdue, if it still is, the creator "
                    "gets a message."_s,
                    trigger(u"deliverable.overdue"_s), 24 * 60,
                    {QJsonObject{{u"field"_s, u"stillInState"_s}, {u"op"_s, u"eq"_s},
                            {u"value"_s, true}}},
                    {action(u"message.send"_s,
                            {{u"text"_s,
                                    u"Hi {{creator.name}}, the {{deliverable.type}} for "
                                    "{{campaign.name}} was due on {{deliverable.dueAt}}. "
                                    "Can you give us an update? {{deal.url}}"_s}})}),
            entry(u"notify_budget_80"_s, u"Tell the team when 80 % of a budget is used"_s,
                    u"When committed and paid money passes 80 % of a campaign's budget, the "
                    "brand's staff are notified."_s,
                    trigger(u"budget.used_above"_s, {{u"share"_s, 0.8}}), 0, {},
                    {action(u"staff.notify"_s,
                            {{u"text"_s, u"{{campaign.name}} has used 80 % of its budget."_s}})}),
            entry(u"shortlist_viral_post"_s, u"Shortlist creators of viral posts"_s,
                    u"When a campaign post passes 100 000 views, its creator is added to a "
                    "shortlist (choose one before saving)."_s,
                    trigger(u"post.views_above"_s, {{u"views"_s, 100000}}), 0, {},
                    {action(u"shortlist.add"_s, {{u"shortlistId"_s, QJsonValue()}})}),
            entry(u"welcome_applicant"_s, u"Welcome new applicants"_s,
                    u"When a creator applies to a campaign, they get a welcome message."_s,
                    trigger(u"deal.applied"_s), 0, {},
                    {action(u"message.send"_s,
                            {{u"text"_s,
                                    u"Thanks for applying to {{campaign.name}}, "
                                    "{{creator.name}}! We will get back to you soon."_s}})}),
    };
    return templates;
}

} // namespace influence::server::rules
