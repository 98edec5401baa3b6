// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/SystemApi.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace influence::desktop {

/// Help → Server diagnostics: which server the app talks to, what it is (version, API, Qt,
/// running since) and whether its database is ready; another address can be tried without
/// disturbing the session (the dialog asks through a client of its own). Every call is
/// asynchronous; the dialog shows empty, loading (with Cancel), error (with Retry) and connected
/// states.
class DiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Empty, Loading, Error, Connected };
    Q_ENUM(State)

    explicit DiagnosticsDialog(QWidget *parent = nullptr);

    /// Fills in the server address without connecting.
    void setServerUrl(const QString &url);
    /// Connects to the address in the field (and makes it the API client's server).
    void connectToServer();

    State state() const { return m_state; }
    /// "Connected to …", "Not connected", for the main window's status bar.
    QString statusText() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::DiagnosticsDialog::State state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showError(const common::Error &error);
    void showConnected();
    void cancel();

    common::ApiClient m_api;
    common::SystemApi m_system;
    State m_state = State::Empty;
    quint64 m_generation = 0;
    common::ServerVersion m_version;
    common::Readiness m_readiness;
    common::Error m_error;
    bool m_addressInvalid = false;

    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverUrlEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_errorHeadline = nullptr;
    QLabel *m_errorDetail = nullptr;
    QPushButton *m_retryButton = nullptr;
    QFormLayout *m_details = nullptr;
    QLabel *m_versionValue = nullptr;
    QLabel *m_apiValue = nullptr;
    QLabel *m_qtValue = nullptr;
    QLabel *m_startedValue = nullptr;
    QLabel *m_databaseValue = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace influence::desktop
