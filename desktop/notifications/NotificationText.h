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
    /// A notification as a sentence to its reader ("The creator sent a counter-offer."); kinds
    /// this version does not know read as their timeline entry (eventKind()).
    static QString notification(const common::Notification &notification);
};

} // namespace influence::desktop
