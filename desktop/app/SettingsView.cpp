// SPDX-License-Identifier: Apache-2.0
#include "SettingsView.h"

#include "app/Languages.h"
#include "common/ApiClient.h"
#include "notifications/NotificationPreferences.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

SettingsView::SettingsView(
        common::ApiClient *api, Session *session, Languages *languages, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_languages(languages)
{
    setObjectName(u"settingsPage"_s);
    m_notifications = new NotificationPreferences(api, session);
    buildUi();
    retranslate();
}

void SettingsView::buildUi()
{
    // Scrolled, so that the page's height does not raise the minimum size of the window's pages.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"settingsScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget;
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(inner);
    auto *form = new QFormLayout;
    m_languageLabel = new QLabel;
    m_languageBox = new QComboBox;
    m_languageBox->setObjectName(u"languageBox"_s);
    for (const Languages::Language &language : Languages::available()) {
        m_languageBox->addItem(language.nativeName, language.code);
    }
    m_languageLabel->setBuddy(m_languageBox);
    connect(m_languageBox, &QComboBox::currentIndexChanged, this, &SettingsView::chooseLanguage);
    form->addRow(m_languageLabel, m_languageBox);
    m_languageNote = new QLabel;
    m_languageNote->setWordWrap(true);
    form->addRow(QString(), m_languageNote);

    m_serverLabel = new QLabel;
    m_serverEdit = new QLineEdit;
    m_serverEdit->setObjectName(u"settingsServerEdit"_s);
    m_serverLabel->setBuddy(m_serverEdit);
    m_serverButton = new QPushButton;
    m_serverButton->setObjectName(u"useServerButton"_s);
    connect(m_serverButton, &QPushButton::clicked, this, &SettingsView::useServer);
    connect(m_serverEdit, &QLineEdit::returnPressed, this, &SettingsView::useServer);
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_serverEdit, 1);
    serverRow->addWidget(m_serverButton);
    form->addRow(m_serverLabel, serverRow);
    m_serverError = new QLabel;
    m_serverError->setObjectName(u"settingsServerError"_s);
    m_serverError->setStyleSheet(u"color: #b00020;"_s);
    m_serverError->hide();
    form->addRow(QString(), m_serverError);

    m_sessionLabel = new QLabel;
    m_signOutButton = new QPushButton;
    m_signOutButton->setObjectName(u"settingsSignOutButton"_s);
    connect(m_signOutButton, &QPushButton::clicked, this, &SettingsView::signOutRequested);
    form->addRow(m_sessionLabel, m_signOutButton);
    layout->addLayout(form);
    layout->addWidget(m_notifications);
    layout->addStretch();
}

void SettingsView::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageNote->setText(tr("The new language applies at once and is remembered."));
    m_serverLabel->setText(tr("S&erver:"));
    m_serverEdit->setPlaceholderText(tr("e.g. https://influence.example.com"));
    m_serverButton->setText(tr("&Use this server"));
    m_serverError->setText(tr("Please enter an http or https address."));
    m_sessionLabel->setText(tr("Session:"));
    m_signOutButton->setText(tr("Sign &out"));
    const QSignalBlocker blocker(m_languageBox);
    m_languageBox->setCurrentIndex(m_languageBox->findData(m_languages->current()));
}

void SettingsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void SettingsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_serverEdit->text().isEmpty() && m_api->baseUrl().isValid()) {
        m_serverEdit->setText(m_api->baseUrl().toString());
    }
}

void SettingsView::chooseLanguage()
{
    const QString code = m_languageBox->currentData().toString();
    if (code != m_languages->current() && m_languages->apply(code)) {
        QSettings().setValue(u"ui/language"_s, code);
    }
}

void SettingsView::useServer()
{
    const QUrl url = QUrl::fromUserInput(m_serverEdit->text().trimmed());
    const bool valid = url.isValid() && !url.host().isEmpty()
            && (url.scheme() == u"http"_s || url.scheme() == u"https"_s);
    m_serverError->setVisible(!valid);
    if (valid) {
        Q_EMIT serverChangeRequested(url.toString());
    }
}

} // namespace influence::desktop
