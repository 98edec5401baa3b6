// SPDX-License-Identifier: Apache-2.0
#include "StateStack.h"

#include "ErrorText.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// A page of the stack: its widgets centred, the sentence wrapped. The sentence spans the
/// page's width (its text centred): a word-wrapped label placed with an alignment gets a guessed
/// width and a height for another one, which cuts its second line off.
QWidget *centredPage(const QString &name, std::initializer_list<QWidget *> widgets)
{
    auto *page = new QWidget;
    page->setObjectName(name);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 24, 48, 24);
    layout->addStretch();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QLabel *>(widget)) {
            layout->addWidget(widget);
        } else {
            layout->addWidget(widget, 0, Qt::AlignHCenter);
        }
    }
    layout->addStretch();
    return page;
}

QLabel *sentence(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

StateStack::StateStack(const QString &stem, QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_content(content)
{
    QString capitalised = stem;
    if (!capitalised.isEmpty()) {
        capitalised[0] = capitalised[0].toUpper();
    }
    setObjectName(stem + u"States"_s);

    m_loadingLabel = sentence(stem + u"Loading"_s);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(240);
    addWidget(centredPage(stem + u"LoadingPage"_s, {m_loadingLabel, m_progress}));

    m_emptyLabel = sentence(stem + u"Empty"_s);
    m_emptyAction = new QPushButton;
    m_emptyAction->setObjectName(stem + u"EmptyAction"_s);
    m_emptyAction->hide();
    connect(m_emptyAction, &QPushButton::clicked, this, &StateStack::emptyActionTriggered);
    addWidget(centredPage(stem + u"EmptyPage"_s, {m_emptyLabel, m_emptyAction}));

    m_errorLabel = sentence(stem + u"Error"_s);
    m_retry = new QPushButton;
    m_retry->setObjectName(u"retry"_s + capitalised + u"Button"_s);
    connect(m_retry, &QPushButton::clicked, this, &StateStack::retryRequested);
    addWidget(centredPage(stem + u"ErrorPage"_s, {m_errorLabel, m_retry}));

    addWidget(m_content);
    retranslate();
    setState(State::Content);
}

void StateStack::setState(State state)
{
    m_state = state;
    setCurrentIndex(static_cast<int>(state));
}

void StateStack::showLoading(const QString &text)
{
    m_loadingLabel->setText(text.isEmpty() ? tr("Loading…") : text);
    setState(State::Loading);
}

void StateStack::showEmpty(const QString &text, const QString &actionText)
{
    m_emptyLabel->setText(text);
    m_emptyAction->setText(actionText);
    m_emptyAction->setVisible(!actionText.isEmpty());
    setState(State::Empty);
}

void StateStack::showError(const common::Error &error)
{
    m_error = error;
    m_errorLabel->setText(ErrorText::sentence(error));
    setState(State::Error);
}

void StateStack::showErrorText(const QString &text)
{
    m_error.reset();
    m_errorLabel->setText(text);
    setState(State::Error);
}

void StateStack::showContent()
{
    setState(State::Content);
}

void StateStack::retranslate()
{
    m_retry->setText(tr("&Retry"));
    if (m_state == State::Error && m_error) {
        showError(*m_error);
    }
}

void StateStack::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QStackedWidget::changeEvent(event);
}

} // namespace influence::desktop
