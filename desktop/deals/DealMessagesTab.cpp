// SPDX-License-Identifier: Apache-2.0
#include "DealMessagesTab.h"

#include "deals/DealText.h"
#include "widgets/Formats.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Message;

namespace influence::desktop {

DealMessagesTab::DealMessagesTab(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"dealMessagesTab"_s);
    auto *layout = new QVBoxLayout(this);
    m_olderButton = new QPushButton;
    m_olderButton->setObjectName(u"olderMessagesButton"_s);
    layout->addWidget(m_olderButton, 0, Qt::AlignLeft);
    m_thread = new QTextBrowser;
    m_thread->setObjectName(u"messageThread"_s);
    m_thread->setOpenExternalLinks(true);
    layout->addWidget(m_thread, 1);
    auto *compose = new QHBoxLayout;
    m_input = new QPlainTextEdit;
    m_input->setObjectName(u"messageInput"_s);
    m_input->setTabChangesFocus(true);
    m_input->setMaximumHeight(70);
    m_send = new QPushButton;
    m_send->setObjectName(u"sendMessageButton"_s);
    compose->addWidget(m_input, 1);
    compose->addWidget(m_send, 0, Qt::AlignBottom);
    layout->addLayout(compose);
    connect(m_olderButton, &QPushButton::clicked, this, &DealMessagesTab::olderRequested);
    connect(m_send, &QPushButton::clicked, this, &DealMessagesTab::sendRequested);
    retranslate();
}

void DealMessagesTab::retranslate()
{
    m_olderButton->setText(tr("Show &older messages"));
    m_input->setPlaceholderText(tr("Write a message…"));
    m_send->setText(tr("Sen&d"));
    if (!m_deal.id.isEmpty()) {
        fill();
    }
}

void DealMessagesTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealMessagesTab::setParties(const common::Deal &deal, const QString &me)
{
    m_deal = deal;
    m_me = me;
    fill();
}

void DealMessagesTab::setMessages(const QList<Message> &messages, const QString &olderCursor)
{
    m_messages = messages;
    m_older = olderCursor;
    fill();
}

void DealMessagesTab::fill()
{
    QString html;
    for (const Message &message : std::as_const(m_messages)) {
        const QString author = message.authorId == m_me ? tr("You")
                : message.authorName.isEmpty() ? DealText::partyName(m_deal, message.authorId)
                                               : message.authorName;
        html += u"<p><b>%1</b> <span style=\"color: gray\">%2</span><br>%3</p>"_s.arg(
                author.toHtmlEscaped(), DealText::time(message.createdAt).toHtmlEscaped(),
                Formats::linkified(message.body));
    }
    if (m_messages.isEmpty()) {
        html = u"<p>%1</p>"_s.arg(
                tr("No messages yet. Write the first one below.").toHtmlEscaped());
    }
    m_thread->setHtml(html);
    m_olderButton->setVisible(!m_older.isEmpty());
}

void DealMessagesTab::showError(const QString &text)
{
    m_thread->setPlainText(text);
}

void DealMessagesTab::scrollToNewest()
{
    m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
}

void DealMessagesTab::clear()
{
    m_deal = {};
    m_messages.clear();
    m_older.clear();
    m_thread->clear();
    m_input->clear();
}

QString DealMessagesTab::input() const
{
    return m_input->toPlainText().trimmed();
}

void DealMessagesTab::clearInput()
{
    m_input->clear();
}

void DealMessagesTab::setSending(bool sending)
{
    m_send->setEnabled(!sending);
}

} // namespace influence::desktop
