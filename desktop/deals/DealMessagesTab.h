// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace influence::desktop {

/// The deal page's Messages tab: the thread, oldest first and newest at the bottom, with a
/// button for older pages, and the box to write the next message. The page loads and sends.
class DealMessagesTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealMessagesTab(QWidget *parent = nullptr);

    /// Whose the messages are: the deal's parties, and `me` (the signed-in user's id).
    void setParties(const common::Deal &deal, const QString &me);
    /// The thread, oldest first; `olderCursor` empty: no older page.
    void setMessages(const QList<common::Message> &messages, const QString &olderCursor);
    void showError(const QString &text);
    void scrollToNewest();
    void clear();

    QString input() const;
    void clearInput();
    void setSending(bool sending);

Q_SIGNALS:
    void olderRequested();
    void sendRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();

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
