// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QWidget>

class QListWidget;

namespace influence::desktop {

/// The deal page's Activity tab: the deal's timeline, oldest first, each entry with when, what
/// and who ("You", the creator's or the brand's name). Who acted is known only with the deal:
/// the events and the deal arrive in either order, and the list is written once both are here.
class DealActivityTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealActivityTab(QWidget *parent = nullptr);

    /// The deal the events belong to, and `me` (the signed-in user's id).
    void setDeal(const common::Deal &deal, const QString &me);
    void setEvents(const QList<common::DealEvent> &events);
    void showError(const QString &text);
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    common::Deal m_deal;
    QString m_me;
    QList<common::DealEvent> m_events;
    bool m_haveEvents = false;
    QListWidget *m_list = nullptr;
};

} // namespace influence::desktop
