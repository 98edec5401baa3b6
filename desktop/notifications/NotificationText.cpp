// SPDX-License-Identifier: Apache-2.0
#include "NotificationText.h"

#include "common/CollabApi.h"
#include "widgets/Names.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace influence::desktop {

QString NotificationText::notification(const common::Notification &notification)
{
    // What the reader is told, for the kinds whose wording depends on nothing else.
    static const QList<std::pair<QString, const char *>> sentences{
            {u"deal.invited"_s, QT_TR_NOOP("You were invited to collaborate.")},
            {u"deal.applied"_s, QT_TR_NOOP("A creator applied.")},
            {u"offer.accepted"_s, QT_TR_NOOP("Your offer was accepted.")},
            {u"offer.declined"_s, QT_TR_NOOP("Your offer was declined.")},
            {u"deal.started"_s, QT_TR_NOOP("Work on the deal has started.")},
            {u"deal.withdrawn"_s, QT_TR_NOOP("The deal was withdrawn.")},
            {u"deal.cancelled"_s, QT_TR_NOOP("The deal was cancelled.")},
            {u"deal.completed"_s, QT_TR_NOOP("The deal is completed.")},
            {u"deliverable.submitted"_s, QT_TR_NOOP("A draft is waiting for your review.")},
            {u"deliverable.live"_s, QT_TR_NOOP("A post is live.")}};
    const QString &kind = notification.kind;
    const QJsonObject &data = notification.data;
    if (kind == u"offer.made"_s) {
        return data.value(u"by"_s).toString() == u"creator"_s
                ? tr("The creator sent a counter-offer.")
                : tr("The brand sent a new offer.");
    }
    if (kind == u"deliverable.reviewed"_s) {
        const auto decision = common::collabFromString<common::ReviewDecision>(
                data.value(u"decision"_s).toString());
        return decision ? tr("Your draft was reviewed: %1.").arg(Names::reviewDecision(*decision))
                        : tr("Your draft was reviewed.");
    }
    if (kind == u"message.posted"_s) {
        const QString excerpt = data.value(u"excerpt"_s).toString().simplified();
        return excerpt.isEmpty() ? tr("New message.") : tr("New message: “%1”").arg(excerpt);
    }
    for (const auto &[wire, text] : sentences) {
        if (wire == kind) {
            return tr(text);
        }
    }
    return Names::eventKind(kind);
}

} // namespace influence::desktop
