// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "app/DiagnosticsDialog.h"
#include "app/Languages.h"
#include "app/Navigator.h"
#include "app/QuickOpen.h"
#include "app/SettingsView.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsView.h"
#include "common/ApiClient.h"
#include "common/DiscoveryApi.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryView.h"
#include "home/HomeView.h"
#include "money/EarningsPage.h"
#include "money/PayoutsPage.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsView.h"
#include "notifications/TrayNotifier.h"
#include "profiles/AccountsView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/OwnProfileView.h"
#include "session/Session.h"
#include "session/SignInDialog.h"
#include "widgets/Page.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kLayoutKey = "window/splitter";
constexpr int kMaxShortcutPages = 9;
/// The default window: every page's headers and buttons fit, in English and German.
constexpr QSize kDefaultSize(1280, 800);
/// Marks a sidebar row that separates two groups.
constexpr int kSeparatorRole = Qt::UserRole + 1;

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

QString crumbOf(QWidget *page)
{
    if (!page) {
        return {};
    }
    if (const auto *withCrumb = dynamic_cast<const Page *>(page)) {
        QString crumb = withCrumb->crumb();
        if (!crumb.isEmpty()) {
            return crumb;
        }
    }
    return page->windowTitle();
}

} // namespace

MainWindow::MainWindow(
        common::ApiClient *api, Session *session, Languages *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_session(session)
    , m_languages(languages)
    , m_navigator(new Navigator(this))
{
    setObjectName(u"mainWindow"_s);
    buildMenus();
    m_diagnostics = new DiagnosticsDialog(this);
    connect(m_diagnostics, &DiagnosticsDialog::stateChanged, this, &MainWindow::retranslate);
    m_quickOpen = new QuickOpen(m_api, this);
    buildPages();
    retranslate();

    QSettings settings;
    resize(kDefaultSize);
    restoreGeometry(settings.value(QLatin1StringView(kGeometryKey)).toByteArray());
    m_splitter->restoreState(settings.value(QLatin1StringView(kLayoutKey)).toByteArray());

    connect(m_navigator, &Navigator::navigate, this, [this](QWidget *page, const QVariant &state) {
        display(page);
        if (auto *withState = dynamic_cast<Page *>(page); withState && state.isValid()) {
            withState->restoreState(state);
        }
    });
    connect(m_navigator, &Navigator::changed, this, &MainWindow::updateChrome);
    // The mouse's back and forward buttons, wherever in this window they are pressed.
    qApp->installEventFilter(this);

    m_signIn = new SignInDialog(m_api, m_session, this);
    connect(m_session, &Session::stateChanged, this, [this] {
        retranslate();
        updateSidebarForRole();
    });
    connect(m_session, &Session::signedIn, this, [this] {
        m_sessionEnded = false;
    });
    connect(m_session, &Session::expired, this, [this] {
        // The page underneath stays as it is; signing in again continues there.
        m_sessionEnded = true;
        requireSignIn();
    });
    updateSessionStatus();
    updateSidebarForRole();
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_goMenu = menuBar()->addMenu(QString());
    m_backAction = m_goMenu->addAction(icon(u"go-previous"_s), QString(), this, [this] {
        goBack();
    });
    m_backAction->setObjectName(u"backAction"_s);
    m_backAction->setShortcuts(QKeySequence::Back);
    m_forwardAction = m_goMenu->addAction(icon(u"go-next"_s), QString(), this, [this] {
        goForward();
    });
    m_forwardAction->setObjectName(u"forwardAction"_s);
    m_forwardAction->setShortcuts(QKeySequence::Forward);
    m_quickOpenAction = m_goMenu->addAction(
            icon(u"system-search"_s), QString(), this, &MainWindow::showQuickOpen);
    m_quickOpenAction->setObjectName(u"quickOpenAction"_s);
    m_quickOpenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_goMenu->addSeparator();

    m_windowMenu = menuBar()->addMenu(QString());
    m_newWindowAction = m_windowMenu->addAction(icon(u"window-new"_s), QString(), this, [this] {
        openCurrentInNewWindow();
    });
    m_newWindowAction->setObjectName(u"newWindowAction"_s);
    m_newWindowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));

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
    m_diagnosticsAction = m_helpMenu->addAction(
            icon(u"network-server"_s), QString(), this, &MainWindow::showDiagnostics);
    m_diagnosticsAction->setObjectName(u"diagnosticsAction"_s);
    m_aboutAction = m_helpMenu->addAction(icon(u"help-about"_s), QString(), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Influence"),
                tr("Influence desktop %1\nInfluencer management and analytics.")
                        .arg(QStringLiteral(INFLUENCE_VERSION)),
                QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // never exec(): the event loop keeps running
    });
}

QWidget *MainWindow::buildPageArea()
{
    auto *area = new QWidget;
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QWidget;
    bar->setObjectName(u"pageBar"_s);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(8, 6, 12, 6);
    barLayout->setSpacing(4);
    m_backButton = new QToolButton;
    m_backButton->setObjectName(u"backButton"_s);
    m_backButton->setDefaultAction(m_backAction);
    m_backButton->setAutoRaise(true);
    m_forwardButton = new QToolButton;
    m_forwardButton->setObjectName(u"forwardButton"_s);
    m_forwardButton->setDefaultAction(m_forwardAction);
    m_forwardButton->setAutoRaise(true);
    m_breadcrumb = new QLabel;
    m_breadcrumb->setObjectName(u"breadcrumb"_s);
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    QFont crumbFont = m_breadcrumb->font();
    crumbFont.setPointSizeF(crumbFont.pointSizeF() * 1.15);
    m_breadcrumb->setFont(crumbFont);
    // A section's name in the breadcrumb goes back to that section.
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &link) {
        const int index = link.toInt();
        if (index >= 0 && index < m_pages->count()) {
            showPage(index);
        }
    });
    barLayout->addWidget(m_backButton);
    barLayout->addWidget(m_forwardButton);
    barLayout->addSpacing(8);
    barLayout->addWidget(m_breadcrumb, 1);
    m_quickOpenButton = new QToolButton;
    m_quickOpenButton->setObjectName(u"quickOpenButton"_s);
    m_quickOpenButton->setDefaultAction(m_quickOpenAction);
    m_quickOpenButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_quickOpenButton->setAutoRaise(true);
    barLayout->addWidget(m_quickOpenButton);
    layout->addWidget(bar);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    layout->addWidget(m_pages, 1);
    return area;
}

void MainWindow::buildPages()
{
    m_splitter = new QSplitter;
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_navigation = new QListWidget;
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(170);
    m_navigation->setFrameShape(QFrame::NoFrame);
    QFont sidebarFont = m_navigation->font();
    sidebarFont.setPointSizeF(sidebarFont.pointSizeF() * 1.1);
    m_navigation->setFont(sidebarFont);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(buildPageArea());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({190, kDefaultSize.width() - 190});
    setCentralWidget(m_splitter);
    connect(m_navigation, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item) {
            return;
        }
        const int index = item->data(Qt::UserRole).toInt();
        if (item->data(kSeparatorRole).toBool() || m_pages->currentIndex() == index) {
            return;
        }
        showPage(index);
    });

    m_home = new HomeView(m_api, m_session);
    addPage(m_home, u"go-home"_s);
    m_discovery = new DiscoveryView(m_api, m_session);
    addPage(m_discovery, u"system-search"_s);
    m_campaigns = new CampaignsView(m_api, m_session);
    addPage(m_campaigns, u"view-calendar-list"_s);
    m_pipeline = new PipelineView(m_api, m_session);
    addPage(m_pipeline, u"view-task"_s);
    m_payouts = new PayoutsPage(m_api, m_session);
    addPage(m_payouts, u"view-bank"_s);
    m_brandOnly.append(m_payouts);
    m_notifications = new NotificationsView(m_api, m_session);
    addPage(m_notifications, u"mail-message"_s);
    m_ownProfile = new OwnProfileView(m_api, m_session);
    addPage(m_ownProfile, u"user-identity"_s, Group::Creator);
    m_accounts = new AccountsView(m_api, m_session);
    addPage(m_accounts, u"internet-services"_s, Group::Creator);
    m_earnings = new EarningsPage(m_api, m_session);
    addPage(m_earnings, u"wallet-open"_s, Group::Creator);
    m_settings = new SettingsView(m_api, m_languages);
    addPage(m_settings, u"configure"_s, Group::Settings);
    m_creator = new CreatorProfileView(m_api, m_session);
    addDetailPage(m_creator, m_discovery);
    m_deal = new DealView(m_api, m_session);
    addDetailPage(m_deal, m_pipeline);
    m_campaignPage = new CampaignPage(m_api, m_session);
    addDetailPage(m_campaignPage, m_campaigns);

    connect(m_home, &HomeView::dealRequested, this, &MainWindow::openDeal);
    connect(m_discovery, &DiscoveryView::creatorActivated, this, &MainWindow::openCreator);
    // The breadcrumb names the creator or deal once it has arrived.
    connect(m_creator, &CreatorProfileView::stateChanged, this, &MainWindow::updateChrome);
    connect(m_deal, &DealView::stateChanged, this, &MainWindow::updateChrome);
    connect(m_pipeline, &PipelineView::dealActivated, this, &MainWindow::openDeal);
    connect(m_payouts, &PayoutsPage::dealRequested, this, &MainWindow::openDeal);
    connect(m_earnings, &EarningsPage::dealRequested, this, &MainWindow::openDeal);
    connect(m_notifications, &NotificationsView::dealRequested, this, &MainWindow::openDeal);
    connect(m_notifications, &NotificationsView::campaignRequested, this,
            &MainWindow::openCampaign);
    connect(m_discovery, &DiscoveryView::campaignBoardRequested, this, [this](const QString &id) {
        m_pipeline->setCampaignFilter(id);
        showPage(m_pipeline);
    });
    connect(m_quickOpen, &QuickOpen::creatorChosen, this, &MainWindow::openCreator);
    connect(m_quickOpen, &QuickOpen::campaignChosen, this, &MainWindow::openCampaignPage);
    connect(m_campaigns, &CampaignsView::campaignOpened, this, &MainWindow::openCampaignPage);
    connect(m_campaignPage, &CampaignPage::dealRequested, this, &MainWindow::openDeal);
    connect(m_campaignPage, &CampaignPage::editRequested, this, [this](const QString &id) {
        showPage(m_campaigns);
        m_campaigns->select(id);
        m_campaigns->editSelected();
    });
    connect(m_campaignPage, &CampaignPage::campaignChanged, m_campaigns, &CampaignsView::reload);
    connect(m_campaignPage, &CampaignPage::findCreatorsRequested, this,
            [this](const common::CampaignTargeting &targeting, const QStringList &platforms) {
                // The pickers take one value each: the campaign's first.
                common::DiscoveryQuery query;
                query.niche = targeting.niches.value(0);
                query.country = targeting.countries.value(0);
                query.language = targeting.languages.value(0);
                query.platform = platforms.value(0);
                query.minFollowers = targeting.minFollowers;
                query.maxFollowers = targeting.maxFollowers;
                query.minEngagementRate = targeting.minEngagementRate;
                showPage(m_discovery);
                m_discovery->applyFilters(query);
            });
    connect(m_quickOpen, &QuickOpen::dealChosen, this, &MainWindow::openDeal);
    connect(m_settings, &SettingsView::signOutRequested, this, &MainWindow::signOut);
    connect(m_settings, &SettingsView::serverChangeRequested, this, [this](const QString &url) {
        signOut();
        m_signIn->setServerUrl(url);
    });

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
    m_tray = new TrayNotifier(m_bell, this, this);
    connect(m_tray, &TrayNotifier::openRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
        openNotifications();
    });
    m_notificationsAction = new QAction(this);
    m_notificationsAction->setObjectName(u"openNotificationsAction"_s);
    m_notificationsAction->setShortcut(NotificationBell::shortcut());
    connect(m_notificationsAction, &QAction::triggered, this, &MainWindow::openNotifications);
    addAction(m_notificationsAction);

    display(m_home);
}

int MainWindow::addPage(QWidget *page, const QString &iconName, Group group)
{
    const int index = m_pages->addWidget(page);
    const bool newGroup = !m_groupOf.isEmpty()
            && std::none_of(m_groupOf.cbegin(), m_groupOf.cend(), [group](Group existing) {
                   return existing == group;
               });
    if (newGroup) {
        // A thin gap between two groups, which cannot be selected.
        auto *separator = new QListWidgetItem(m_navigation);
        separator->setFlags(Qt::NoItemFlags);
        separator->setData(kSeparatorRole, true);
        separator->setData(Qt::UserRole, -1);
        separator->setData(Qt::UserRole + 2, static_cast<int>(group));
        separator->setSizeHint(QSize(0, 14));
    }
    m_groupOf.insert(page, group);
    auto *item = new QListWidgetItem(icon(iconName), page->windowTitle(), m_navigation);
    item->setData(Qt::UserRole, index);
    item->setSizeHint(QSize(0, 34));
    QAction *go = m_goMenu->addAction(icon(iconName), page->windowTitle(), this, [this, page] {
        showPage(page);
    });
    go->setObjectName(u"go-"_s + page->objectName());
    page->installEventFilter(this);
    return index;
}

int MainWindow::addDetailPage(QWidget *page, QWidget *section)
{
    const int index = m_pages->addWidget(page);
    m_sectionOf.insert(page, section);
    page->installEventFilter(this);
    return index;
}

QListWidgetItem *MainWindow::itemOf(QWidget *page) const
{
    const int index = m_pages->indexOf(m_sectionOf.value(page, page));
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        if (!item->data(kSeparatorRole).toBool() && item->data(Qt::UserRole).toInt() == index) {
            return item;
        }
    }
    return nullptr;
}

void MainWindow::showPage(int index)
{
    showPage(m_pages->widget(index));
}

void MainWindow::showPage(QWidget *page)
{
    if (!page || page == m_pages->currentWidget()) {
        return;
    }
    m_navigator->leave(m_pages->currentWidget());
    display(page);
}

void MainWindow::display(QWidget *page)
{
    m_pages->setCurrentWidget(page);
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentItem(itemOf(page));
    }
    updateChrome();
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

QString MainWindow::breadcrumb() const
{
    QWidget *page = m_pages->currentWidget();
    if (!page) {
        return {};
    }
    QWidget *section = m_sectionOf.value(page);
    if (!section) {
        return crumbOf(page);
    }
    return section->windowTitle() + u" › "_s + crumbOf(page);
}

void MainWindow::updateChrome()
{
    m_backAction->setEnabled(m_navigator->canGoBack());
    m_forwardAction->setEnabled(m_navigator->canGoForward());
    QWidget *page = m_pages->currentWidget();
    if (!page) {
        return;
    }
    QWidget *section = m_sectionOf.value(page);
    if (section) {
        m_breadcrumb->setText(u"<a href=\"%1\">%2</a> › <b>%3</b>"_s.arg(
                QString::number(m_pages->indexOf(section)), section->windowTitle().toHtmlEscaped(),
                crumbOf(page).toHtmlEscaped()));
    } else {
        m_breadcrumb->setText(u"<b>%1</b>"_s.arg(crumbOf(page).toHtmlEscaped()));
    }
    m_newWindowAction->setEnabled(page == m_deal || page == m_creator);
}

bool MainWindow::goBack()
{
    return m_navigator->back(m_pages->currentWidget());
}

bool MainWindow::goForward()
{
    return m_navigator->forward(m_pages->currentWidget());
}

QWidget *MainWindow::openCurrentInNewWindow()
{
    QWidget *window = nullptr;
    if (m_pages->currentWidget() == m_deal && !m_deal->deal().id.isEmpty()) {
        auto *deal = new DealView(m_api, m_session, this);
        deal->showDeal(m_deal->deal().id);
        window = deal;
    } else if (m_pages->currentWidget() == m_creator && !m_creator->creatorId().isEmpty()) {
        auto *creator = new CreatorProfileView(m_api, m_session, this);
        creator->showCreator(m_creator->creatorId());
        window = creator;
    }
    if (!window) {
        return nullptr;
    }
    // A top-level window that closes with the main window and is deleted when closed.
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->resize(size() * 3 / 4);
    window->show();
    return window;
}

void MainWindow::showDiagnostics()
{
    // It checks the server the app talks to, unless the user is trying another address.
    if (m_diagnostics->state() != DiagnosticsDialog::State::Loading && m_api->baseUrl().isValid()) {
        m_diagnostics->setServerUrl(m_api->baseUrl().toString());
        m_diagnostics->connectToServer();
    }
    m_diagnostics->open(); // never exec(): the event loop keeps running
}

void MainWindow::showQuickOpen()
{
    m_quickOpen->start();
}

void MainWindow::updateSidebarForRole()
{
    // Creator pages are for creators: brand staff never see them in the sidebar; brand pages
    // (payouts) are for brand staff.
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    const bool creator = signedIn && m_session->user().role == common::UserRole::Influencer;
    const bool brand = signedIn && m_session->user().role == common::UserRole::Brand;
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        QWidget *page = item->data(kSeparatorRole).toBool()
                ? nullptr
                : m_pages->widget(item->data(Qt::UserRole).toInt());
        const bool inCreatorGroup = page
                ? m_groupOf.value(page) == Group::Creator
                : item->data(Qt::UserRole + 2).toInt() == static_cast<int>(Group::Creator);
        item->setHidden((inCreatorGroup && !creator) || (m_brandOnly.contains(page) && !brand));
    }
    numberShortcuts();
}

void MainWindow::numberShortcuts()
{
    int position = 0;
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        if (item->data(kSeparatorRole).toBool()) {
            continue;
        }
        QWidget *page = m_pages->widget(item->data(Qt::UserRole).toInt());
        for (QAction *action : m_goMenu->actions()) {
            if (action->objectName() != u"go-"_s + page->objectName()) {
                continue;
            }
            action->setVisible(!item->isHidden());
            if (!item->isHidden() && position < kMaxShortcutPages) {
                action->setShortcut(
                        QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + position)));
                ++position;
            } else {
                action->setShortcut({});
            }
        }
    }
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
    // The next user starts afresh: no history of the previous user's pages.
    display(m_home);
    m_navigator->clear();
    requireSignIn();
}

void MainWindow::openCreator(const QString &id)
{
    if (currentPage() == m_creator && m_creator->creatorId() != id) {
        m_navigator->leave(m_creator); // Back returns to the creator shown until now
    }
    showPage(m_creator);
    m_creator->showCreator(id);
}

void MainWindow::openDeal(const QString &id)
{
    if (currentPage() == m_deal && m_deal->deal().id != id) {
        m_navigator->leave(m_deal);
    }
    m_deal->showDeal(id);
    showPage(m_deal);
}

void MainWindow::openCampaign(const QString &id)
{
    m_campaigns->showCampaign(id);
    showPage(m_campaigns);
}

void MainWindow::openCampaignPage(const QString &id)
{
    m_campaignPage->showCampaign(id);
    showPage(m_campaignPage);
}

void MainWindow::openNotifications()
{
    showPage(m_notifications);
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

void MainWindow::retranslate()
{
    setWindowTitle(tr("Influence"));
    m_fileMenu->setTitle(tr("&File"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_goMenu->setTitle(tr("&Go"));
    m_backAction->setText(tr("&Back"));
    m_backAction->setToolTip(
            tr("Back to the previous page (%1)")
                    .arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    m_forwardAction->setText(tr("&Forward"));
    m_forwardAction->setToolTip(
            tr("Forward again (%1)")
                    .arg(m_forwardAction->shortcut().toString(QKeySequence::NativeText)));
    m_windowMenu->setTitle(tr("&Window"));
    m_newWindowAction->setText(tr("Open in &New Window"));
    m_quickOpenAction->setText(tr("&Quick Open…"));
    m_quickOpenAction->setToolTip(
            tr("Find a creator, campaign or deal by name (%1)")
                    .arg(m_quickOpenAction->shortcut().toString(QKeySequence::NativeText)));
    m_notificationsAction->setText(tr("Notifications"));
    m_languageMenu->setTitle(tr("&Language"));
    for (QAction *action : m_languageMenu->actions()) {
        action->setChecked(action->objectName() == u"language-"_s + m_languages->current());
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_diagnosticsAction->setText(tr("Server &Diagnostics…"));
    m_aboutAction->setText(tr("&About Influence"));
    if (m_signIn) {
        updateSessionStatus();
        if (m_sessionEnded) {
            m_signIn->setReason(tr("Your session has ended. Please sign in again."));
        }
    }
    QString status = m_diagnostics->statusText();
    if (status.isEmpty()) {
        const bool signedIn = m_session->state() == Session::State::SignedIn
                || m_session->state() == Session::State::Refreshing;
        status = signedIn ? tr("Connected to %1").arg(m_api->baseUrl().toString())
                          : tr("Not connected");
    }
    m_statusLabel->setText(status);
    updateChrome();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // Widgets keep the locale they were made with: numbers, dates and spin boxes follow
        // the language from here (QLocale::setDefault does not reach existing widgets).
        setLocale(QLocale());
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *press = static_cast<QMouseEvent *>(event);
        auto *widget = qobject_cast<QWidget *>(watched);
        // The mouse's back and forward buttons, anywhere in this window.
        if (widget && widget->window() == this
                && (press->button() == Qt::BackButton || press->button() == Qt::ForwardButton)) {
            if (press->button() == Qt::BackButton) {
                goBack();
            } else {
                goForward();
            }
            return true;
        }
    } else if (event->type() == QEvent::WindowTitleChange) {
        auto *page = qobject_cast<QWidget *>(watched);
        if (page && m_pages->indexOf(page) >= 0) {
            pageRenamed(page);
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::pageRenamed(QWidget *page)
{
    // Pages name themselves (and retranslate their names); the sidebar, Go menu and breadcrumb
    // follow.
    if (m_groupOf.contains(page)) {
        if (QListWidgetItem *item = itemOf(page)) {
            item->setText(page->windowTitle());
        }
        for (QAction *action : m_goMenu->actions()) {
            if (action->objectName() == u"go-"_s + page->objectName()) {
                action->setText(page->windowTitle());
            }
        }
    }
    updateChrome();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kLayoutKey), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace influence::desktop
