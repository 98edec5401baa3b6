// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "widgets/Loading.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace influence::desktop {

/// The deal page's Messages tab: the thread, oldest first and newest at the bottom, with a
/// button for older pages, and the box to write the next message. The tab loads the thread's
/// pages itself; the page sends (its status line says how that went).
class DealMessagesTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealMessagesTab(common::ApiClient *api, QWidget *parent = nullptr);

    /// Loads the newest page of the deal's thread, dropping any answer still on its way.
    void load(const QString &dealId);
    /// Drops what is on its way (the page was left); load() again to see the thread.
    void cancel();
    /// A page of the thread is on its way.
    bool isLoading() const { return m_load.isActive(); }
    /// Whose the messages are: the deal's parties, and `me` (the signed-in user's id).
    void setParties(const common::Deal &deal, const QString &me);
    /// A message the user just sent, added at the bottom.
    void append(const common::Message &message);
    /// The thread as shown, oldest first.
    const QList<common::Message> &messages() const { return m_messages; }
    void clear();

    QString input() const;
    void clearInput();
    void setSending(bool sending);

Q_SIGNALS:
    void sendRequested();
    /// A page asked for by load() or "Show older messages" arrived, or failed.
    void loadFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();
    void loadPage(const QString &cursor);
    void pageLoaded(quint64 generation, bool older,
            const common::Result<common::Page<common::Message>> &result);
    void scrollToNewest();

    Loading m_load;
    common::CollabApi m_collab;
    QString m_dealId;
    common::Deal m_deal;
    QString m_me;
    QList<common::Message> m_messages;
    QString m_older;

    QPushButton *m_olderButton = nullptr;
    QTextBrowser *m_thread = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace influence::desktop
