// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::common {
struct Notification;
}

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// A notification as a sentence to its reader.
class NotificationText
{
    Q_DECLARE_TR_FUNCTIONS(NotificationText)

public:
    /// A notification as a sentence to its reader, naming the other party of the deal, who
    /// acted ("Lena Travels sent a counter-offer." to the brand's owner and staff, "Alpine Boots
    /// sent a new offer." to the creator); kinds this version does not know read as their
    /// timeline entry (Names::eventKind()).
    static QString notification(const common::Notification &notification);
    /// Who the notification is from: the other party's name, or "The creator"/"The brand" when
    /// the server names none.
    static QString party(const common::Notification &notification);
    /// A reminder (deliverable.due_soon, deliverable.overdue), which comes from no one, names
    /// the campaign and the due date; a late or unclaimed payout its amount; an automation's
    /// notification (rule.fired) its text and rule; any other kind reads as its timeline entry.
    static QString reminder(const common::Notification &notification);
    /// payout.late and payout.unclaimed (its warning and its return) with amount and campaign.
    static QString payout(const common::Notification &notification);
};

} // namespace influence::desktop
