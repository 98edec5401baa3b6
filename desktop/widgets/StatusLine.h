// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace influence::desktop {

/// The line under a page that tells the outcome of the user's last action ("3 payouts approved",
/// "12 movements exported to …"). Its text is written in the language of the moment it was set,
/// so when the user switches language it clears itself, rather than stay behind in the old one:
/// stale news in either language. It clears before any page retranslates (the application gets
/// the language change first; widgets get it a turn later), so a page that keeps a line current
/// sets it again in its retranslation.
class StatusLine : public QLabel
{
    Q_OBJECT

public:
    explicit StatusLine(QWidget *parent = nullptr);
    ~StatusLine() override;
    Q_DISABLE_COPY_MOVE(StatusLine)
};

} // namespace influence::desktop
