// SPDX-License-Identifier: Apache-2.0
#include "NotificationText.h"

#include "common/CollabApi.h"
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

QString NotificationText::reminder(const common::Notification &notification)
{
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
