// SPDX-License-Identifier: Apache-2.0
#include "DealMessagesTab.h"

#include "common/ApiClient.h"
#include "deals/DealText.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Message;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr int kMessagePage = 25;

} // namespace

DealMessagesTab::DealMessagesTab(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_load(api, this)
    , m_collab(api)
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
    connect(m_olderButton, &QPushButton::clicked, this, [this] {
        if (!m_load.isActive() && !m_older.isEmpty()) {
            loadPage(m_older);
        }
    });
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

void DealMessagesTab::load(const QString &dealId)
{
    m_dealId = dealId;
    loadPage({});
}

void DealMessagesTab::cancel()
{
    m_load.cancel();
}

void DealMessagesTab::loadPage(const QString &cursor)
{
    const quint64 generation = m_load.start();
    const bool older = !cursor.isEmpty();
    const common::ApiClient::OwnerScope owner(m_load.api(), this);
    continueIn(this, m_collab.messages(m_dealId, cursor, kMessagePage),
            [this, generation, older](const Result<common::Page<Message>> &result) {
                pageLoaded(generation, older, result);
            });
}

void DealMessagesTab::pageLoaded(
        quint64 generation, bool older, const Result<common::Page<Message>> &result)
{
    if (!m_load.finish(generation)) {
        return;
    }
    if (!result) {
        m_thread->setPlainText(tr("The messages could not be loaded. %1")
                                       .arg(ErrorText::sentence(result.error())));
    } else {
        // Pages come newest first; the thread reads oldest first, newest at the bottom.
        QList<Message> page = result->items;
        std::reverse(page.begin(), page.end());
        m_messages = older ? page + m_messages : page;
        m_older = result->nextCursor;
        fill();
        if (!older) {
            scrollToNewest();
        }
    }
    Q_EMIT loadFinished();
}

void DealMessagesTab::append(const Message &message)
{
    m_messages.append(message);
    fill();
    scrollToNewest();
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

void DealMessagesTab::scrollToNewest()
{
    m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
}

void DealMessagesTab::clear()
{
    cancel();
    m_dealId.clear();
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
