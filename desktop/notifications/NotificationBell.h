// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"

#include <QKeySequence>
#include <QTimer>
#include <QToolButton>

namespace influence::desktop {

class Session;

/// The bell in the main window: how many of the signed-in user's notifications are unread
/// ("99+" above 99). It asks the server every 30 s while someone is signed in (never while its
/// previous question is unanswered), at once on sign-in and when refresh() is called (after the
/// user read notifications), and forgets the count on sign-out. Clicking it opens the list.
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 30'000;
    static constexpr int kMaxShown = 99;

    NotificationBell(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// The last count the server answered (0 when signed out or not asked yet).
    int count() const { return m_count; }
    /// Whether the last question failed (the count shown is then the one before).
    bool failed() const { return m_failed; }
    /// Whether a question is on its way.
    bool isPending() const { return m_pending; }
    /// The shortcut that opens the list (the main window binds it).
    static QKeySequence shortcut() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N); }
    /// What the badge shows: "", "7", "99+".
    static QString badge(int count);
    /// Asks now (when signed in). While a question is pending, asks again once it is answered,
    /// so that the count reflects what happened before this call.
    void refresh();
    /// For tests: the timer that polls.
    QTimer *pollTimer() { return &m_timer; }

Q_SIGNALS:
    void countChanged(int count);
    /// A question was answered (successfully or not).
    void polled();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void sessionChanged();
    void answered(quint64 generation, const common::Result<int> &result);
    void setCount(int count);
    bool signedIn() const;

    common::CollabApi m_collab;
    Session *m_session;
    QTimer m_timer;
    int m_count = 0;
    bool m_pending = false;
    bool m_again = false;
    bool m_failed = false;
    common::Error m_error;
    quint64 m_generation = 0;
};

} // namespace influence::desktop
