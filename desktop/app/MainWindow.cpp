// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "app/Languages.h"
#include "app/SettingsView.h"
#include "campaigns/CampaignsView.h"
#include "common/ApiClient.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryView.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsView.h"
#include "profiles/AccountsView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/OwnProfileView.h"
#include "session/Session.h"
#include "session/SignInDialog.h"
#include "widgets/ErrorText.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr auto kServerUrlKey = "connection/serverUrl";
constexpr auto kGeometryKey = "window/geometry";
constexpr auto kLayoutKey = "window/splitter";
constexpr int kMaxShortcutPages = 9;

QLabel *makeValue(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MainWindow::MainWindow(
        common::ApiClient *api, Session *session, Languages *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_system(api)
    , m_session(session)
    , m_languages(languages)
{
    setObjectName(u"mainWindow"_s);
    buildUi();
    retranslate();
    setState(State::Empty);
    QSettings settings;
    setServerUrl(settings.value(QLatin1StringView(kServerUrlKey)).toString());
    restoreGeometry(settings.value(QLatin1StringView(kGeometryKey)).toByteArray());
    m_splitter->restoreState(settings.value(QLatin1StringView(kLayoutKey)).toByteArray());

    m_signIn = new SignInDialog(m_api, m_session, this);
    connect(m_session, &Session::stateChanged, this, &MainWindow::retranslate);
    connect(m_session, &Session::signedIn, this, [this] {
        m_sessionEnded = false;
    });
    connect(m_session, &Session::expired, this, [this] {
        // The page underneath stays as it is; signing in again continues there.
        m_sessionEnded = true;
        requireSignIn();
    });
    updateSessionStatus();
}

void MainWindow::requireSignIn()
{
    m_signIn->setReason(
            m_sessionEnded ? tr("Your session has ended. Please sign in again.") : QString());
    if (!m_session->user().email.isEmpty()) {
        m_signIn->setEmail(m_session->user().email);
    }
    if (m_signIn->serverUrl().isEmpty() && m_api->baseUrl().isValid()) {
        m_signIn->setServerUrl(m_api->baseUrl().toString());
    }
    m_signIn->open(); // never exec(): the event loop keeps running
}

void MainWindow::signOut()
{
    m_sessionEnded = false;
    m_session->signOut();
    requireSignIn();
}

void MainWindow::openCreator(const QString &id)
{
    showPage(m_pages->indexOf(m_creator));
    m_creator->showCreator(id);
}

void MainWindow::openDeal(const QString &id)
{
    m_deal->showDeal(id);
    showPage(m_pages->indexOf(m_deal));
}

void MainWindow::openCampaign(const QString &id)
{
    m_campaigns->showCampaign(id);
    showPage(m_pages->indexOf(m_campaigns));
}

void MainWindow::openNotifications()
{
    showPage(m_pages->indexOf(m_notifications));
    m_notifications->list()->setFocus();
}

void MainWindow::updateSessionStatus()
{
    switch (m_session->state()) {
    case Session::State::SignedOut: m_sessionLabel->setText(tr("Signed out")); break;
    case Session::State::SigningIn: m_sessionLabel->setText(tr("Signing in…")); break;
    case Session::State::SignedIn:
    case Session::State::Refreshing:
        m_sessionLabel->setText(tr("Signed in as %1").arg(m_session->user().email));
        break;
    case Session::State::Expired: m_sessionLabel->setText(tr("Session ended")); break;
    }
}

void MainWindow::buildUi()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_goMenu = menuBar()->addMenu(QString());
    m_languageMenu = menuBar()->addMenu(QString());
    auto *languageGroup = new QActionGroup(this);
    for (const Languages::Language &language : Languages::available()) {
        QAction *action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(u"language-"_s + language.code);
        action->setCheckable(true);
        action->setChecked(language.code == m_languages->current());
        languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = language.code] {
            m_languages->apply(code);
        });
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Influence"),
                tr("Influence desktop %1\nInfluencer management and analytics.")
                        .arg(QStringLiteral(INFLUENCE_VERSION)),
                QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // never exec(): the event loop keeps running
    });

    m_splitter = new QSplitter;
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setMinimumWidth(140);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({160, 640});
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget;
    central->setObjectName(u"serverPage"_s);
    m_serverPage = central;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);

    m_serverLabel = new QLabel;
    m_serverUrlEdit = new QLineEdit;
    m_serverUrlEdit->setObjectName(u"serverUrlEdit"_s);
    m_serverUrlEdit->setClearButtonEnabled(true);
    m_serverLabel->setBuddy(m_serverUrlEdit);
    m_connectButton = new QPushButton;
    m_connectButton->setObjectName(u"connectButton"_s);
    m_connectButton->setDefault(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_serverLabel);
    row->addWidget(m_serverUrlEdit, 1);
    row->addWidget(m_connectButton);
    layout->addLayout(row);
    connect(m_connectButton, &QPushButton::clicked, this, &MainWindow::connectToServer);
    connect(m_serverUrlEdit, &QLineEdit::returnPressed, this, &MainWindow::connectToServer);

    m_stack = new QStackedWidget;
    m_stack->setObjectName(u"stateStack"_s);

    auto *emptyPage = new QWidget;
    emptyPage->setObjectName(u"emptyPage"_s);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(m_emptyLabel);

    auto *loadingPage = new QWidget;
    loadingPage->setObjectName(u"loadingPage"_s);
    auto *loadingLayout = new QVBoxLayout(loadingPage);
    m_loadingLabel = new QLabel;
    m_loadingLabel->setObjectName(u"loadingLabel"_s);
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy indicator
    m_progress->setTextVisible(false);
    m_cancelButton = new QPushButton;
    m_cancelButton->setObjectName(u"cancelButton"_s);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);
    loadingLayout->addStretch();
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(m_progress);
    loadingLayout->addWidget(m_cancelButton, 0, Qt::AlignCenter);
    loadingLayout->addStretch();

    auto *errorPage = new QWidget;
    errorPage->setObjectName(u"errorPage"_s);
    auto *errorLayout = new QVBoxLayout(errorPage);
    m_errorHeadline = new QLabel;
    m_errorHeadline->setObjectName(u"errorHeadline"_s);
    QFont headlineFont = m_errorHeadline->font();
    headlineFont.setBold(true);
    m_errorHeadline->setFont(headlineFont);
    m_errorHeadline->setWordWrap(true);
    m_errorDetail = new QLabel;
    m_errorDetail->setObjectName(u"errorDetail"_s);
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(u"retryButton"_s);
    connect(m_retryButton, &QPushButton::clicked, this, &MainWindow::connectToServer);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorHeadline);
    errorLayout->addWidget(m_errorDetail);
    errorLayout->addWidget(m_retryButton, 0, Qt::AlignLeft);
    errorLayout->addStretch();

    auto *connectedPage = new QWidget;
    connectedPage->setObjectName(u"connectedPage"_s);
    m_details = new QFormLayout(connectedPage);
    m_versionValue = makeValue(u"versionValue"_s);
    m_apiValue = makeValue(u"apiValue"_s);
    m_qtValue = makeValue(u"qtValue"_s);
    m_startedValue = makeValue(u"startedValue"_s);
    m_databaseValue = makeValue(u"databaseValue"_s);
    for (QLabel *value : {m_versionValue, m_apiValue, m_qtValue, m_startedValue, m_databaseValue}) {
        m_details->addRow(new QLabel, value);
    }

    m_stack->addWidget(emptyPage);
    m_stack->addWidget(loadingPage);
    m_stack->addWidget(errorPage);
    m_stack->addWidget(connectedPage);
    layout->addWidget(m_stack, 1);
    setCentralWidget(m_splitter);
    m_discovery = new DiscoveryView(m_api, m_session);
    addPage(m_discovery);
    m_creator = new CreatorProfileView(m_api, m_session);
    addPage(m_creator);
    connect(m_discovery, &DiscoveryView::creatorActivated, this, &MainWindow::openCreator);
    m_ownProfile = new OwnProfileView(m_api, m_session);
    addPage(m_ownProfile);
    m_accounts = new AccountsView(m_api, m_session);
    addPage(m_accounts);
    m_campaigns = new CampaignsView(m_api, m_session);
    addPage(m_campaigns);
    m_pipeline = new PipelineView(m_api, m_session);
    addPage(m_pipeline);
    m_deal = new DealView(m_api, m_session);
    addPage(m_deal);
    connect(m_pipeline, &PipelineView::dealActivated, this, &MainWindow::openDeal);
    m_notifications = new NotificationsView(m_api, m_session);
    addPage(m_notifications);
    connect(m_notifications, &NotificationsView::dealRequested, this, &MainWindow::openDeal);
    connect(m_notifications, &NotificationsView::campaignRequested, this,
            &MainWindow::openCampaign);
    connect(m_discovery, &DiscoveryView::campaignBoardRequested, this, [this](const QString &id) {
        m_pipeline->setCampaignFilter(id);
        showPage(m_pages->indexOf(m_pipeline));
    });
    m_settings = new SettingsView(m_api, m_languages);
    addPage(m_settings);
    connect(m_settings, &SettingsView::signOutRequested, this, &MainWindow::signOut);
    connect(m_settings, &SettingsView::serverChangeRequested, this, [this](const QString &url) {
        signOut();
        m_signIn->setServerUrl(url);
    });
    addPage(central);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"statusLabel"_s);
    statusBar()->addPermanentWidget(m_statusLabel, 1);
    m_sessionLabel = new QLabel;
    m_sessionLabel->setObjectName(u"sessionLabel"_s);
    statusBar()->addPermanentWidget(m_sessionLabel);
    m_bell = new NotificationBell(m_api, m_session, this);
    statusBar()->addPermanentWidget(m_bell);
    connect(m_bell, &QToolButton::clicked, this, &MainWindow::openNotifications);
    // Reading notifications changes the count: the bell asks at once.
    connect(m_notifications, &NotificationsView::notificationsRead, m_bell,
            &NotificationBell::refresh);
    m_notificationsAction = new QAction(this);
    m_notificationsAction->setObjectName(u"openNotificationsAction"_s);
    m_notificationsAction->setShortcut(NotificationBell::shortcut());
    connect(m_notificationsAction, &QAction::triggered, this, &MainWindow::openNotifications);
    addAction(m_notificationsAction);
    resize(960, 640);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Influence"));
    m_fileMenu->setTitle(tr("&File"));
    m_signOutAction->setText(tr("Sign &out"));
    m_notificationsAction->setText(tr("Notifications"));
    m_goMenu->setTitle(tr("&Go"));
    m_serverPage->setWindowTitle(tr("Server"));
    m_quitAction->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    for (QAction *action : m_languageMenu->actions()) {
        action->setChecked(action->objectName() == u"language-"_s + m_languages->current());
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Influence"));
    m_serverLabel->setText(tr("&Server:"));
    m_serverUrlEdit->setPlaceholderText(tr("e.g. http://localhost:8080"));
    m_connectButton->setText(tr("&Connect"));
    m_emptyLabel->setText(tr("Enter the address of an Influence server and press Connect."));
    m_cancelButton->setText(tr("Cancel"));
    m_retryButton->setText(tr("&Retry"));
    const QStringList rowLabels{tr("Server version:"), tr("API version:"), tr("Qt version:"),
            tr("Running since:"), tr("Database:")};
    for (int row = 0; row < rowLabels.size(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(
                    m_details->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setText(rowLabels.at(row));
        }
    }
    if (m_signIn) {
        updateSessionStatus();
        if (m_sessionEnded) {
            m_signIn->setReason(tr("Your session has ended. Please sign in again."));
        }
    }
    // State-dependent texts.
    switch (m_state) {
    case State::Empty:
        if (m_session->state() == Session::State::SignedIn
                || m_session->state() == Session::State::Refreshing) {
            m_statusLabel->setText(tr("Connected to %1").arg(m_api->baseUrl().toString()));
        } else {
            m_statusLabel->setText(tr("Not connected"));
        }
        break;
    case State::Loading:
        m_loadingLabel->setText(tr("Connecting to %1…").arg(m_api->baseUrl().toString()));
        m_statusLabel->setText(tr("Connecting…"));
        break;
    case State::Error:
        if (m_addressInvalid) {
            m_errorHeadline->setText(tr("Please enter a valid server address."));
            m_errorDetail->setText(tr("“%1” is not a server address such as http://localhost:8080.")
                                           .arg(m_error.detail));
        } else {
            m_errorHeadline->setText(ErrorText::headline(m_error));
            m_errorDetail->setText(ErrorText::detail(m_error));
        }
        m_statusLabel->setText(tr("Not connected"));
        break;
    case State::Connected: showConnected(m_version, m_readiness); break;
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

int MainWindow::addPage(QWidget *page)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(page->windowTitle(), m_navigation);
    item->setData(Qt::UserRole, page->objectName());
    QAction *go = m_goMenu->addAction(page->windowTitle(), this, [this, index] {
        showPage(index);
    });
    go->setObjectName(u"go-"_s + page->objectName());
    if (index < kMaxShortcutPages) {
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    }
    page->installEventFilter(this);
    if (m_navigation->currentRow() < 0) {
        m_navigation->setCurrentRow(0);
    }
    return index;
}

void MainWindow::showPage(int index)
{
    m_navigation->setCurrentRow(index);
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Pages name themselves (and retranslate their names); the sidebar and Go menu follow.
    if (event->type() == QEvent::WindowTitleChange) {
        const int index = m_pages->indexOf(qobject_cast<QWidget *>(watched));
        if (index >= 0) {
            const QString title = m_pages->widget(index)->windowTitle();
            m_navigation->item(index)->setText(title);
            m_goMenu->actions().at(index)->setText(title);
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kLayoutKey), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::setServerUrl(const QString &url)
{
    m_serverUrlEdit->setText(url);
}

void MainWindow::setState(State state)
{
    m_state = state;
    m_stack->setCurrentIndex(static_cast<int>(state));
    m_connectButton->setEnabled(state != State::Loading);
    retranslate();
    Q_EMIT stateChanged(state);
}

void MainWindow::connectToServer()
{
    const QString text = m_serverUrlEdit->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        m_error = common::Error::make(common::ErrorCode::InvalidParameter, text);
        m_addressInvalid = true;
        setState(State::Error);
        return;
    }
    m_addressInvalid = false;
    QSettings().setValue(QLatin1StringView(kServerUrlKey), url.toString());
    m_api->setBaseUrl(url);
    const quint64 generation = ++m_generation;
    setState(State::Loading);

    m_system.version().then(QtFuture::Launch::Sync,
            common::guarded<common::Result<common::ServerVersion>>(
                    this, [this, generation](const common::Result<common::ServerVersion> &version) {
                        if (generation != m_generation) {
                            return; // a newer attempt replaced this one
                        }
                        if (!version) {
                            showError(version.error());
                            return;
                        }
                        m_system.readiness().then(QtFuture::Launch::Sync,
                                common::guarded<common::Result<common::Readiness>>(this,
                                        [this, generation, v = *version](
                                                const common::Result<common::Readiness>
                                                        &readiness) {
                                            if (generation != m_generation) {
                                                return;
                                            }
                                            if (!readiness) {
                                                showError(readiness.error());
                                                return;
                                            }
                                            m_version = v;
                                            m_readiness = *readiness;
                                            setState(State::Connected);
                                        }));
                    }));
}

void MainWindow::cancel()
{
    ++m_generation;
    m_api->abortAll();
    setState(State::Empty);
}

void MainWindow::showError(const common::Error &error)
{
    m_error = error;
    setState(State::Error);
}

void MainWindow::showConnected(
        const common::ServerVersion &version, const common::Readiness &readiness)
{
    m_versionValue->setText(version.version);
    m_apiValue->setText(version.apiVersion);
    m_qtValue->setText(version.qtVersion);
    m_startedValue->setText(
            QLocale().toString(version.startedAt.toLocalTime(), QLocale::ShortFormat));
    if (readiness.draining) {
        m_databaseValue->setText(tr("The server is shutting down"));
    } else if (readiness.database) {
        m_databaseValue->setText(tr("Ready"));
    } else {
        m_databaseValue->setText(tr("Unavailable"));
    }
    m_statusLabel->setText(tr("Connected to %1").arg(m_api->baseUrl().toString()));
}

} // namespace influence::desktop
