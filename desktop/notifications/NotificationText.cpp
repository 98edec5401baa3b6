// SPDX-License-Identifier: Apache-2.0
#include "NotificationText.h"

#include "common/CollabApi.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QDate>
#include <QList>
#include <QLocale>

using namespace Qt::StringLiterals;
using influence::common::DealSide;

namespace influence::desktop {

namespace {

/// Which side acted: the other party of the deal as the server names it; from an older server
/// the event's own "by", if it has one.
std::optional<DealSide> actingSide(const common::Notification &notification)
{
    if (notification.counterpartySide) {
        return notification.counterpartySide;
    }
    return common::collabFromString<DealSide>(notification.data.value(u"by"_s).toString());
}

} // namespace

QString NotificationText::party(const common::Notification &notification)
{
    if (!notification.counterpartyName.isEmpty()) {
        return notification.counterpartyName;
    }
    const auto side = actingSide(notification);
    if (!side) {
        return tr("The other side");
    }
    return *side == DealSide::Creator ? tr("The creator") : tr("The brand");
}

QString NotificationText::payout(const common::Notification &notification)
{
    const QJsonObject &data = notification.data;
    const QString amount = Formats::money(
            {data.value(u"amountMinor"_s).toInteger(), data.value(u"currency"_s).toString()});
    const QString campaign = data.value(u"campaignName"_s).toString();
    if (notification.kind == u"payout.late"_s) {
        return tr("A payout of %1 for “%2” is late: it was due and is not paid yet.")
                .arg(amount, campaign);
    }
    if (data.value(u"stage"_s).toString() == u"warning"_s) {
        return tr("A payout of %1 for “%2” goes back to the brand in a week unless payout "
                  "details are added.")
                .arg(amount, campaign);
    }
    return tr("A payout of %1 for “%2” went back to the campaign's budget: no payout details "
              "were given in time.")
            .arg(amount, campaign);
}

QString NotificationText::reminder(const common::Notification &notification)
{
    if (notification.kind == u"payout.late"_s || notification.kind == u"payout.unclaimed"_s) {
        return payout(notification);
    }
    if (notification.kind == u"rule.fired"_s) {
        // An automation's own text, written by the brand's staff.
        const QString text = notification.data.value(u"text"_s).toString();
        const QString rule = notification.data.value(u"ruleName"_s).toString();
        return text.isEmpty() ? tr("The automation “%1” ran.").arg(rule)
                              : tr("%1 (automation “%2”)").arg(text, rule);
    }
    const bool dueSoon = notification.kind == u"deliverable.due_soon"_s;
    if (!dueSoon && notification.kind != u"deliverable.overdue"_s) {
        return Names::eventKind(notification.kind);
    }
    const QJsonObject &data = notification.data;
    const QDate due = QDate::fromString(data.value(u"dueDate"_s).toString(), Qt::ISODate);
    const QString on = QLocale().toString(due, QLocale::ShortFormat);
    const QString campaign = data.value(u"campaignName"_s).toString();
    return dueSoon ? tr("Reminder: a post for “%1” is due on %2.").arg(campaign, on)
                   : tr("A post for “%1” was due on %2 and is not live yet.").arg(campaign, on);
}

QString NotificationText::notification(const common::Notification &notification)
{
    // Every notification tells of what the other party of the deal did (the server notifies
    // only the side that did not act), so each sentence starts with that party's name.
    static const QList<std::pair<QString, const char *>> sentences{
            {u"deal.invited"_s, QT_TR_NOOP("%1 invited you to collaborate.")},
            {u"deal.applied"_s, QT_TR_NOOP("%1 applied to your campaign.")},
            {u"offer.accepted"_s, QT_TR_NOOP("%1 accepted your offer.")},
            {u"offer.declined"_s, QT_TR_NOOP("%1 declined your offer.")},
            {u"deal.withdrawn"_s, QT_TR_NOOP("%1 withdrew from the deal.")},
            {u"deliverable.submitted"_s, QT_TR_NOOP("%1 sent a draft for your review.")},
            {u"deliverable.live"_s, QT_TR_NOOP("%1 published a post.")}};
    const QString &kind = notification.kind;
    const QJsonObject &data = notification.data;
    const QString who = party(notification);
    const QString reason = data.value(u"reason"_s).toString();
    if (kind == u"offer.made"_s) {
        // The brand reads of the creator's counter-offer; the creator of the brand's new offer.
        const auto side = actingSide(notification);
        if (!side) {
            return tr("%1 sent an offer.").arg(who);
        }
        return *side == DealSide::Creator ? tr("%1 sent a counter-offer.").arg(who)
                                          : tr("%1 sent a new offer.").arg(who);
    }
    if (kind == u"deal.started"_s) {
        return reason == u"first_draft"_s
                ? tr("%1 sent a first draft: work on the deal has started.").arg(who)
                : tr("%1 started work on the deal.").arg(who);
    }
    if (kind == u"deal.completed"_s) {
        return reason == u"all_deliverables_live"_s
                ? tr("Every post for the deal with %1 is live: the deal is completed.").arg(who)
                : tr("%1 completed the deal.").arg(who);
    }
    if (kind == u"deal.cancelled"_s) {
        if (reason == u"campaign_cancelled"_s) {
            return tr("%1 cancelled the campaign, and with it the deal.").arg(who);
        }
        if (reason == u"campaign_completed"_s) {
            return tr("%1 completed the campaign before the deal was agreed: the deal is "
                      "cancelled.")
                    .arg(who);
        }
        return tr("%1 cancelled the deal.").arg(who);
    }
    if (kind == u"deliverable.reviewed"_s) {
        const auto decision = common::collabFromString<common::ReviewDecision>(
                data.value(u"decision"_s).toString());
        return decision
                ? tr("%1 reviewed your draft: %2.").arg(who, Names::reviewDecision(*decision))
                : tr("%1 reviewed your draft.").arg(who);
    }
    if (kind == u"message.posted"_s) {
        const QString excerpt = data.value(u"excerpt"_s).toString().simplified();
        return excerpt.isEmpty() ? tr("%1 sent a message.").arg(who)
                                 : tr("%1 wrote: “%2”").arg(who, excerpt);
    }
    for (const auto &[wire, text] : sentences) {
        if (wire == kind) {
            return tr(text).arg(who);
        }
    }
    return reminder(notification);
}

} // namespace influence::desktop
