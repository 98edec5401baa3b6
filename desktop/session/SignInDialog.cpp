// SPDX-License-Identifier: Apache-2.0
#include "SignInDialog.h"

#include "common/ApiClient.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"

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

#include <chrono>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr auto kServerUrlKey = "connection/serverUrl";
/// The providers are asked for once the server address stops changing.
constexpr std::chrono::milliseconds kProvidersDelay{400};

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
    , m_auth(api)
    , m_session(session)
    , m_oidc(new OidcSignIn(this))
{
    setObjectName(u"signInDialog"_s);
    setModal(true);
    buildUi();
    retranslate();
    m_providersDelay.setSingleShot(true);
    m_providersDelay.setInterval(kProvidersDelay);
    connect(&m_providersDelay, &QTimer::timeout, this, &SignInDialog::loadProviders);
    connect(m_serverEdit, &QLineEdit::textChanged, this, [this] {
        m_providersDelay.start();
    });
    setServerUrl(rememberedServerUrl());

    connect(m_oidc, &OidcSignIn::codeReceived, this,
            [this](const QString &code, const QString &verifier) {
                m_waitingLabel->hide();
                m_session->signInWithCode(code, verifier);
            });
    connect(m_oidc, &OidcSignIn::failed, this, &SignInDialog::oidcFailed);

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

    m_providersLabel = new QLabel;
    m_providersLabel->setObjectName(u"providersLabel"_s);
    m_providersLabel->hide();
    layout->addWidget(m_providersLabel);
    m_providersLayout = new QVBoxLayout;
    layout->addLayout(m_providersLayout);
    m_waitingLabel = new QLabel;
    m_waitingLabel->setObjectName(u"oidcWaiting"_s);
    m_waitingLabel->setWordWrap(true);
    m_waitingLabel->hide();
    layout->addWidget(m_waitingLabel);

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
            m_oidc->cancel();
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
    m_providersLabel->setText(tr("Or sign in with:"));
    m_waitingLabel->setText(tr("Waiting for the browser… Finish signing in there, or cancel."));
    for (int i = 0; i < m_providersLayout->count(); ++i) {
        if (auto *button = qobject_cast<QPushButton *>(m_providersLayout->itemAt(i)->widget())) {
            button->setText(tr("Sign in with %1").arg(button->property("displayName").toString()));
        }
    }
}

void SignInDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_providersDelay.start();
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

void SignInDialog::loadProviders()
{
    // Only for a user looking at the dialog: asking points the app's client at the address,
    // which a dialog built but not shown (with last run's address) must not do.
    if (!isVisible()) {
        return;
    }
    const QUrl url = parseServerUrl(m_serverEdit->text());
    const quint64 generation = ++m_providersGeneration;
    if (url.isEmpty() || m_busy) {
        showProviders({});
        return;
    }
    m_api->setBaseUrl(url);
    continueIn(this, m_auth.oidcProviders(),
            [this, generation](const common::Result<QList<common::OidcProvider>> &list) {
                // An older address's answer, or none: password sign-in only.
                if (generation == m_providersGeneration) {
                    showProviders(list ? *list : QList<common::OidcProvider>());
                }
            });
}

void SignInDialog::showProviders(const QList<common::OidcProvider> &providers)
{
    while (QLayoutItem *item = m_providersLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const common::OidcProvider &provider : providers) {
        auto *button = new QPushButton;
        button->setObjectName(u"oidcButton_"_s + provider.name);
        button->setProperty("displayName", provider.displayName);
        button->setAutoDefault(false);
        button->setEnabled(!m_busy);
        connect(button, &QPushButton::clicked, this, [this, provider] {
            startOidc(provider);
        });
        m_providersLayout->addWidget(button);
    }
    m_providersLabel->setVisible(!providers.isEmpty());
    retranslate();
}

void SignInDialog::startOidc(const common::OidcProvider &provider)
{
    if (m_busy) {
        return;
    }
    m_errorLabel->hide();
    m_oidc->setPageText(u"<h1>%1</h1><p>%2</p>"_s.arg(tr("Influence").toHtmlEscaped(),
            tr("You can close this window and go back to the app.").toHtmlEscaped()));
    setBusy(true);
    if (m_oidc->start(provider.startUrl)) {
        m_waitingLabel->show();
    }
}

void SignInDialog::oidcFailed(OidcSignIn::Failure failure, const QString &detail)
{
    setBusy(false);
    switch (failure) {
    case OidcSignIn::Failure::NoListener:
        showError(tr("The app could not wait for the browser (no local port is free)."), {});
        break;
    case OidcSignIn::Failure::NoBrowser:
        showError(tr("No web browser could be opened."), {});
        break;
    case OidcSignIn::Failure::Refused:
        showError(tr("The sign-in with the provider did not succeed."),
                detail.isEmpty() ? QString() : tr("Details: %1").arg(detail));
        break;
    case OidcSignIn::Failure::StateMismatch:
        showError(tr("The browser came back from a sign-in this app did not start. "
                     "Please try again."),
                {});
        break;
    case OidcSignIn::Failure::NoCode:
        showError(tr("The browser came back without a sign-in code. Please try again."), {});
        break;
    case OidcSignIn::Failure::TimedOut:
        showError(tr("The sign-in in the browser took too long. Please try again."), {});
        break;
    }
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    if (!busy) {
        m_waitingLabel->hide();
    }
    for (int i = 0; i < m_providersLayout->count(); ++i) {
        if (QWidget *button = m_providersLayout->itemAt(i)->widget()) {
            button->setEnabled(!busy);
        }
    }
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
