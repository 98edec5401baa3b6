// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "widgets/Loading.h"

#include <QWidget>

class QListWidget;

namespace influence::desktop {

/// The deal page's Activity tab: the deal's timeline, oldest first, each entry with when, what
/// and who ("You", the creator's or the brand's name). The tab loads the events itself (every
/// page, up to 2 000 events). Who acted is known only with the deal: the events and the deal
/// arrive in either order, and the list is written once both are here.
class DealActivityTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealActivityTab(common::ApiClient *api, QWidget *parent = nullptr);

    /// Loads the deal's events, dropping any answer still on its way.
    void load(const QString &dealId);
    /// Drops what is on its way (the page was left); load() again to see the events.
    void cancel();
    bool isLoading() const { return m_load.isActive(); }
    /// The deal the events belong to, and `me` (the signed-in user's id).
    void setDeal(const common::Deal &deal, const QString &me);
    /// The events as shown, oldest first (empty until all pages arrived).
    const QList<common::DealEvent> &events() const { return m_events; }
    void clear();

Q_SIGNALS:
    /// The events asked for by load() arrived, or failed.
    void loadFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadPage(quint64 generation, const QString &cursor);
    void pageLoaded(
            quint64 generation, const common::Result<common::Page<common::DealEvent>> &result);
    void fill();

    Loading m_load;
    common::CollabApi m_collab;
    QString m_dealId;
    QList<common::DealEvent> m_arriving; ///< pages so far of the load on its way
    common::Deal m_deal;
    QString m_me;
    QList<common::DealEvent> m_events;
    bool m_haveEvents = false;
    QListWidget *m_list = nullptr;
};

} // namespace influence::desktop
