// SPDX-License-Identifier: Apache-2.0
#include "SignInDialog.h"

#include "ErrorText.h"
#include "Session.h"
#include "TokenStore.h"
#include "common/ApiClient.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr auto kServerUrlKey = "connection/serverUrl";

QUrl parseServerUrl(const QString &text)
{
    QUrl url = QUrl::fromUserInput(text.trimmed());
    if (text.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        return {};
    }
    return url;
}

} // namespace

SignInDialog::SignInDialog(common::ApiClient *api, Session *session, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_session(session)
{
    setObjectName(u"signInDialog"_s);
    setModal(true);
    buildUi();
    retranslate();
    setServerUrl(rememberedServerUrl());

    connect(m_session, &Session::signedIn, this, [this] {
        if (!m_busy) {
            return;
        }
        setBusy(false);
        m_errorLabel->hide();
        QSettings().setValue(QLatin1StringView(kServerUrlKey), m_api->baseUrl().toString());
        m_passwordEdit->clear();
        accept();
    });
    connect(m_session, &Session::signInFailed, this, [this](const common::Error &error) {
        if (!m_busy) {
            return;
        }
        setBusy(false);
        m_passwordEdit->selectAll();
        m_passwordEdit->setFocus();
        showError(ErrorText::headline(error), ErrorText::detail(error));
    });
    connect(m_session->tokenStore(), &TokenStore::availabilityChanged, this,
            &SignInDialog::retranslate);
}

QString SignInDialog::rememberedServerUrl()
{
    return QSettings().value(QLatin1StringView(kServerUrlKey)).toString();
}

void SignInDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_reasonLabel = new QLabel;
    m_reasonLabel->setObjectName(u"reasonLabel"_s);
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->hide();
    layout->addWidget(m_reasonLabel);

    auto *form = new QFormLayout;
    m_serverLabel = new QLabel;
    m_serverEdit = new QLineEdit;
    m_serverEdit->setObjectName(u"serverEdit"_s);
    m_serverLabel->setBuddy(m_serverEdit);
    m_emailLabel = new QLabel;
    m_emailEdit = new QLineEdit;
    m_emailEdit->setObjectName(u"emailEdit"_s);
    m_emailLabel->setBuddy(m_emailEdit);
    m_passwordLabel = new QLabel;
    m_passwordEdit = new QLineEdit;
    m_passwordEdit->setObjectName(u"passwordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_passwordEdit);
    form->addRow(m_serverLabel, m_serverEdit);
    form->addRow(m_emailLabel, m_emailEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    layout->addLayout(form);

    m_progress = new QProgressBar;
    m_progress->setObjectName(u"signInProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(u"signInError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    m_keychainLabel = new QLabel;
    m_keychainLabel->setObjectName(u"keychainNote"_s);
    m_keychainLabel->setWordWrap(true);
    layout->addWidget(m_keychainLabel);

    auto *buttons = new QDialogButtonBox;
    m_signInButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setDefault(true);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(u"signInCancelButton"_s);
    // Return always signs in, even after focus passed to Cancel while the fields were disabled.
    m_cancelButton->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::submit);
    for (QLineEdit *edit : {m_serverEdit, m_emailEdit, m_passwordEdit}) {
        connect(edit, &QLineEdit::returnPressed, this, &SignInDialog::submit);
    }
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_busy) {
            setBusy(false);
            m_api->abortAll();
            return;
        }
        reject();
    });
    setMinimumWidth(420);
}

void SignInDialog::retranslate()
{
    setWindowTitle(tr("Sign in to Influence"));
    m_serverLabel->setText(tr("&Server:"));
    m_serverEdit->setPlaceholderText(tr("e.g. https://influence.example.com"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signInButton->setText(tr("&Sign in"));
    m_cancelButton->setText(tr("Cancel"));
    m_keychainLabel->setText(m_session->tokenStore()->isAvailable()
                    ? tr("You stay signed in: the session is kept in the system keychain.")
                    : tr("No system keychain is available, so the session is not stored: "
                         "you will sign in again after restarting the app."));
    m_reasonLabel->setText(m_reason);
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void SignInDialog::setServerUrl(const QString &url)
{
    m_serverEdit->setText(url);
}

QString SignInDialog::serverUrl() const
{
    return m_serverEdit->text();
}

void SignInDialog::setEmail(const QString &email)
{
    m_emailEdit->setText(email);
    if (!email.isEmpty()) {
        m_passwordEdit->setFocus();
    }
}

void SignInDialog::setReason(const QString &reason)
{
    m_reason = reason;
    m_reasonLabel->setText(reason);
    m_reasonLabel->setVisible(!reason.isEmpty());
}

void SignInDialog::submit()
{
    if (m_busy) {
        return;
    }
    const QUrl url = parseServerUrl(m_serverEdit->text());
    if (url.isEmpty()) {
        showError(tr("Please enter a valid server address."),
                tr("“%1” is not a server address such as http://localhost:8080.")
                        .arg(m_serverEdit->text()));
        m_serverEdit->setFocus();
        return;
    }
    if (m_emailEdit->text().trimmed().isEmpty() || m_passwordEdit->text().isEmpty()) {
        showError(tr("Please enter your e-mail address and password."), QString());
        return;
    }
    m_api->setBaseUrl(url);
    m_errorLabel->hide();
    setBusy(true);
    m_session->signIn(m_emailEdit->text().trimmed(), m_passwordEdit->text());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QWidget *field : {static_cast<QWidget *>(m_serverEdit),
                 static_cast<QWidget *>(m_emailEdit), static_cast<QWidget *>(m_passwordEdit),
                 static_cast<QWidget *>(m_signInButton)}) {
        field->setEnabled(!busy);
    }
}

void SignInDialog::showError(const QString &headline, const QString &detail)
{
    m_errorLabel->setText(detail.isEmpty() ? headline : headline + u'\n' + detail);
    m_errorLabel->show();
}

} // namespace influence::desktop
