// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/ProfileApi.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class Session;
class StateStack;

/// The signed-in creator's connected accounts: their status (accounts that need reconnecting
/// stand out), adding one by hand, removing one after a confirmation, and connecting through
/// the platform's consent page in the system browser.
class AccountsView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)

    AccountsView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::ConnectedAccount> &accounts() const { return m_accounts; }
    void reload();
    /// Adds the account in the form (checked with the server's rules first).
    bool addAccount();
    /// Asks to confirm, then removes the selected account.
    void removeSelected();
    /// Asks the server for the platform's consent page and opens it in the browser.
    void connectPlatform();
    /// Opens URLs (QDesktopServices::openUrl by default; tests record them instead).
    void setUrlOpener(std::function<bool(const QUrl &)> opener);
    /// The confirmation on screen, if any.
    QMessageBox *confirmation() const { return m_confirmation; }

Q_SIGNALS:
    void stateChanged(influence::desktop::AccountsView::State state);
    void changed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showListState();
    void showAccounts();
    QString statusText(const common::ConnectedAccount &account) const;
    void listed(quint64 generation, const common::Result<QList<common::ConnectedAccount>> &result);
    void added(const common::Result<common::ConnectedAccount> &result);
    void removeConfirmed(const QString &id);
    void removed(const common::Result<common::JsonReply> &result);
    void connectAnswered(const common::Result<QUrl> &result);
    void showMessage(const QString &text);
    bool canLoad() const;

    common::ApiClient *m_api;
    common::ProfileApi m_profiles;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QList<common::ConnectedAccount> m_accounts;
    std::function<bool(const QUrl &)> m_openUrl;
    QMessageBox *m_confirmation = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_reconnectBanner = nullptr;
    QTableWidget *m_table = nullptr;
    StateStack *m_states = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_addTitle = nullptr;
    QComboBox *m_addPlatform = nullptr;
    QLineEdit *m_addHandle = nullptr;
    QPushButton *m_addButton = nullptr;
    QLabel *m_connectTitle = nullptr;
    QComboBox *m_connectPlatform = nullptr;
    QPushButton *m_connectButton = nullptr;
};

} // namespace influence::desktop
