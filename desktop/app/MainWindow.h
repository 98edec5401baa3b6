// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/SystemApi.h"

#include <QMainWindow>
#include <QUrl>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace influence::desktop {

class AccountsView;
class CampaignsView;
class CreatorProfileView;
class DealView;
class DiscoveryView;
class Languages;
class NotificationBell;
class NotificationsView;
class OwnProfileView;
class PipelineView;
class Session;
class SettingsView;
class SignInDialog;

/// The first window: connect to a server and see what it is and whether it is ready. Every
/// network call is asynchronous; the window shows empty, loading, error and connected states.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class State { Empty, Loading, Error, Connected };
    Q_ENUM(State)

    MainWindow(common::ApiClient *api, Session *session, Languages *languages,
            QWidget *parent = nullptr);

    /// Fills in the server address (from settings or --server) without connecting.
    void setServerUrl(const QString &url);
    /// Connects to the address in the field.
    void connectToServer();

    State state() const { return m_state; }

    /// Adds a page to the navigation sidebar (its windowTitle() names it there) with the
    /// shortcut Ctrl+<position>. Returns its index.
    int addPage(QWidget *page);
    /// Shows the page at `index` (as the sidebar and the Go menu do).
    void showPage(int index);
    QWidget *currentPage() const;

    /// Shows the sign-in dialog (window-modal, without blocking) over whatever is on screen.
    void requireSignIn();
    SignInDialog *signInDialog() const { return m_signIn; }

    DiscoveryView *discoveryPage() const { return m_discovery; }
    CreatorProfileView *creatorPage() const { return m_creator; }
    OwnProfileView *ownProfilePage() const { return m_ownProfile; }
    AccountsView *accountsPage() const { return m_accounts; }
    SettingsView *settingsPage() const { return m_settings; }
    CampaignsView *campaignsPage() const { return m_campaigns; }
    PipelineView *pipelinePage() const { return m_pipeline; }
    DealView *dealPage() const { return m_deal; }
    NotificationsView *notificationsPage() const { return m_notifications; }
    /// The bell in the status bar with the unread count.
    NotificationBell *notificationBell() const { return m_bell; }
    /// Opens a creator's profile page (as a double-click in discovery does).
    void openCreator(const QString &id);
    /// Opens a deal's page (as a double-click or Enter on a pipeline card does).
    void openDeal(const QString &id);
    /// Opens the campaigns page with the campaign selected (once listed).
    void openCampaign(const QString &id);
    /// Opens the notifications page (as the bell and Ctrl+Shift+N do).
    void openNotifications();
    /// Ends the session (here and on the server) and asks to sign in again.
    void signOut();

Q_SIGNALS:
    void stateChanged(influence::desktop::MainWindow::State state);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showError(const common::Error &error);
    void showConnected(const common::ServerVersion &version, const common::Readiness &readiness);
    void cancel();
    void updateSessionStatus();

    common::ApiClient *m_api;
    common::SystemApi m_system;
    Session *m_session;
    SignInDialog *m_signIn = nullptr;
    bool m_sessionEnded = false;
    QLabel *m_sessionLabel = nullptr;
    Languages *m_languages;
    DiscoveryView *m_discovery = nullptr;
    CreatorProfileView *m_creator = nullptr;
    OwnProfileView *m_ownProfile = nullptr;
    AccountsView *m_accounts = nullptr;
    SettingsView *m_settings = nullptr;
    CampaignsView *m_campaigns = nullptr;
    PipelineView *m_pipeline = nullptr;
    DealView *m_deal = nullptr;
    NotificationsView *m_notifications = nullptr;
    NotificationBell *m_bell = nullptr;
    QAction *m_notificationsAction = nullptr;
    State m_state = State::Empty;
    quint64 m_generation = 0;
    common::ServerVersion m_version;
    common::Readiness m_readiness;
    common::Error m_error;
    bool m_addressInvalid = false;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_signOutAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_serverPage = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
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
    QLabel *m_statusLabel = nullptr;
};

} // namespace influence::desktop
