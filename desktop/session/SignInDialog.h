// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AuthApi.h"
#include "common/Error.h"
#include "session/OidcSignIn.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace influence::desktop {

class Session;

/// Asks for the server address, e-mail and password and signs the session in. Shown with
/// open(), never exec(): the app keeps running behind it. While the request runs the fields are
/// disabled and a busy bar shows; a failure shows the server's problem detail.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    void setServerUrl(const QString &url);
    QString serverUrl() const;
    void setEmail(const QString &email);
    /// Why the dialog appears (for example "Your session has ended"); empty for none.
    void setReason(const QString &reason);
    bool isBusy() const { return m_busy; }
    /// The browser part of OpenID Connect sign-ins (tests replace its URL opener).
    OidcSignIn *oidc() const { return m_oidc; }

    /// The address remembered in QSettings from the last successful sign-in.
    static QString rememberedServerUrl();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void submit();
    void setBusy(bool busy);
    void showError(const QString &headline, const QString &detail);
    /// Lists the server's OpenID Connect providers as buttons (none: no buttons).
    void loadProviders();
    void showProviders(const QList<common::OidcProvider> &providers);
    void startOidc(const common::OidcProvider &provider);
    void oidcFailed(OidcSignIn::Failure failure, const QString &detail);

    common::ApiClient *m_api;
    common::AuthApi m_auth;
    Session *m_session;
    bool m_busy = false;
    QString m_reason;
    OidcSignIn *m_oidc = nullptr;
    QTimer m_providersDelay;
    quint64 m_providersGeneration = 0;

    QLabel *m_reasonLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QLabel *m_emailLabel = nullptr;
    QLineEdit *m_emailEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_providersLabel = nullptr;
    QVBoxLayout *m_providersLayout = nullptr;
    QLabel *m_waitingLabel = nullptr;
};

} // namespace influence::desktop
