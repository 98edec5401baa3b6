// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace influence::desktop {

class Session;
class StateStack;

/// The signed-in user's notifications, newest first: unread ones in bold, a sentence per event
/// with its campaign and time, more pages on request and "Mark all read". Activating one
/// (double-click or Enter) marks it read and asks for its deal (or campaign) to be opened.
class NotificationsView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Empty, Loaded, Failed };
    Q_ENUM(State)
    enum Column { SentenceColumn, CampaignColumn, TimeColumn };
    static constexpr int kPageSize = 25;

    NotificationsView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    /// What is listed, newest first.
    const QList<common::Notification> &notifications() const { return m_items; }
    /// Whether another page can be asked for.
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    /// Whether a further page is on its way.
    bool isLoadingMore() const { return m_loadingMore; }
    /// The last outcome shown under the list (marking read, a page that failed).
    QString messageText() const;
    QTreeWidget *list() const { return m_list; }

    /// What the list shows as CSV (widgets/CsvExport.h), newest first; a filter row says when
    /// older notifications were not loaded.
    QByteArray csv() const;
    /// Asks where to save csv() (never blocking) and says under the list how it went.
    void exportAsCsv();
    /// Loads the first page again.
    void reload();
    /// Asks for the next page.
    void loadMore();
    /// Marks every notification read.
    void markAllRead();
    /// Marks the notification at `row` read and asks for its object to be opened.
    void activate(int row);
    /// Says again how long ago each notification came, as of `now` (a clock does this every
    /// minute while the page is shown).
    void refreshTimes(const QDateTime &now = QDateTime::currentDateTimeUtc());

Q_SIGNALS:
    void stateChanged(influence::desktop::NotificationsView::State state);
    /// Notifications were marked read on the server (the bell asks again).
    void notificationsRead();
    void dealRequested(const QString &dealId);
    void campaignRequested(const QString &campaignId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void retranslate();
    /// What the error page says.
    QString errorText() const;
    void setState(State state);
    /// Shows m_state in the state stack (its texts in the current language).
    void showState();
    bool canLoad() const;
    void request(bool more);
    void listed(quint64 generation, bool more,
            const common::Result<common::Page<common::Notification>> &result);
    void markedRead(const common::Result<common::Notification> &result);
    void markedAllRead(const common::Result<int> &result);
    void append(const common::Notification &notification);
    void showItem(QTreeWidgetItem *item, const common::Notification &notification);
    void updateButtons();
    void showMessage(const QString &text);

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QList<common::Notification> m_items;
    QTimer *m_clock = nullptr;
    QString m_nextCursor;
    bool m_loadingMore = false;
    bool m_markingAll = false;

    QLabel *m_title = nullptr;
    QPushButton *m_markAll = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    StateStack *m_states = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop
