// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "analytics/CampaignAnalyticsTab.h"
#include "analytics/EmvTablesPage.h"
#include "app/DiagnosticsDialog.h"
#include "app/Navigator.h"
#include "app/QuickOpen.h"
#include "app/SettingsView.h"
#include "automations/AutomationsPage.h"
#include "campaigns/CampaignForecastTab.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsView.h"
#include "common/ApiClient.h"
#include "common/DiscoveryApi.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "discovery/LookalikesPage.h"
#include "home/HomeView.h"
#include "money/AuditLogPage.h"
#include "money/EarningsPage.h"
#include "money/LedgerTab.h"
#include "money/PayoutsPage.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsView.h"
#include "notifications/TrayNotifier.h"
#include "profiles/AccountsView.h"
#include "profiles/BrandProfileView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/OwnProfileView.h"
#include "recommendations/RecommendedTab.h"
#include "session/Session.h"
#include "session/SignInDialog.h"
#include "shortlists/AddToListButton.h"
#include "shortlists/ShortlistsPage.h"
#include "webhooks/WebhooksPage.h"
#include "widgets/Page.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kLayoutKey = "window/splitter";

} // namespace

QIcon MainWindow::icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

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
    m_quickOpen = new QuickOpen(m_api, m_session, this);
    buildSidebar();
    addPages();
    connectPages();
    buildStatusBar();
    display(m_home);
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
        m_ownsBrand.reset();
    });
    connect(m_session, &Session::expired, this, [this] {
        // The page underneath stays as it is; signing in again continues there.
        m_sessionEnded = true;
        requireSignIn();
    });
    updateSessionStatus();
    updateSidebarForRole();
}

void MainWindow::addPages()
{
    // Every page of the shell, in the sidebar's order, then the detail pages under their
    // sections. (Branches that add pages add them here, and only here.)
    m_home = new HomeView(m_api, m_session);
    addPage(m_home, u"go-home"_s);
    m_discovery = new DiscoveryView(m_api, m_session);
    addPage(m_discovery, u"system-search"_s);
    m_campaigns = new CampaignsView(m_api, m_session);
    addPage(m_campaigns, u"view-calendar-list"_s);
    m_pipeline = new PipelineView(m_api, m_session);
    addPage(m_pipeline, u"view-task"_s);
    m_shortlists = new ShortlistsPage(m_api, m_session);
    addPage(m_shortlists, u"view-list-details"_s);
    m_brandOnly.append(m_shortlists);
    m_payouts = new PayoutsPage(m_api, m_session);
    addPage(m_payouts, u"view-bank"_s);
    m_brandOnly.append(m_payouts);
    m_automations = new AutomationsPage(m_api, m_session);
    addPage(m_automations, u"system-run"_s);
    m_brandOnly.append(m_automations);
    m_auditLog = new AuditLogPage(m_api, m_session);
    addPage(m_auditLog, u"view-history"_s);
    m_brandOnly.append(m_auditLog);
    m_notifications = new NotificationsView(m_api, m_session);
    addPage(m_notifications, u"mail-message"_s);
    m_ownProfile = new OwnProfileView(m_api, m_session);
    addPage(m_ownProfile, u"user-identity"_s, Group::Creator);
    m_accounts = new AccountsView(m_api, m_session);
    addPage(m_accounts, u"internet-services"_s, Group::Creator);
    m_earnings = new EarningsPage(m_api, m_session);
    addPage(m_earnings, u"wallet-open"_s, Group::Creator);
    m_brandProfile = new BrandProfileView(m_api, m_session); // the brand's own, by Settings
    addPage(m_brandProfile, u"user-identity"_s, Group::Settings);
    m_brandOnly.append(m_brandProfile);
    connect(m_brandProfile, &BrandProfileView::ownershipKnown, this, [this](bool owns) {
        m_ownsBrand = owns;
        updateSidebarForRole();
    });
    m_emvTables = new EmvTablesPage(m_api, m_session); // the brand's valuation, by Settings
    addPage(m_emvTables, u"wallet-open"_s, Group::Settings);
    m_brandOnly.append(m_emvTables);
    m_webhooks = new WebhooksPage(m_api, m_session); // the brand's integrations, by Settings
    addPage(m_webhooks, u"network-connect"_s, Group::Settings);
    m_brandOnly.append(m_webhooks);
    m_settings = new SettingsView(m_api, m_session, m_languages);
    addPage(m_settings, u"configure"_s, Group::Settings);
    m_creator = new CreatorProfileView(m_api, m_session);
    addDetailPage(m_creator, m_discovery);
    // "Add to list…" of the selected creators in discovery, and of the creator shown.
    m_discovery->addSelectionTool(new AddToListButton(m_api, m_session, [this] {
        QStringList ids;
        for (const InviteCreator &creator : m_discovery->selectedCreators()) {
            ids.append(creator.id);
        }
        return ids;
    }));
    m_creator->addHeaderTool(new AddToListButton(m_api, m_session, [this] {
        return m_creator->creatorId().isEmpty() ? QStringList()
                                                : QStringList{m_creator->creatorId()};
    }));
    m_deal = new DealView(m_api, m_session);
    addDetailPage(m_deal, m_pipeline);
    m_campaignPage = new CampaignPage(m_api, m_session);
    m_campaignAnalytics = new CampaignAnalyticsTab(m_api, m_session);
    m_campaignPage->setAnalyticsTab(m_campaignAnalytics);
    m_recommended = new RecommendedTab(m_api, m_session);
    m_recommended->addSelectionTool(new AddToListButton(m_api, m_session, [this] {
        QStringList ids;
        for (const common::Recommendation &creator : m_recommended->selectedCreators()) {
            ids.append(creator.influencer.id);
        }
        return ids;
    }));
    m_campaignPage->addBrandTab(m_recommended);
    m_ledger = new LedgerTab(m_api, m_session);
    m_campaignPage->addBrandTab(m_ledger);
    auto *forecast = new CampaignForecastTab(m_api, m_session);
    m_campaignPage->addBrandTab(forecast);
    // The Forecast tab follows the campaign on the page; an edit (new targets) reloads it.
    connect(m_campaignPage, &CampaignPage::stateChanged, forecast, [this, forecast] {
        if (m_campaignPage->state() == CampaignPage::State::Loaded && m_campaignPage->campaign()) {
            forecast->setCampaign(*m_campaignPage->campaign());
            forecast->markStale();
        }
    });
    addDetailPage(m_campaignPage, m_campaigns);
    m_lookalikes = new LookalikesPage(m_api, m_session);
    addDetailPage(m_lookalikes, m_discovery);
}

void MainWindow::connectPages()
{
    connect(m_home, &HomeView::dealRequested, this, &MainWindow::openDeal);
    connect(m_home, &HomeView::campaignRequested, this, &MainWindow::openCampaignPage);
    connect(m_home, &HomeView::creatorRequested, this, &MainWindow::openCreator);
    connect(m_home, &HomeView::payoutsRequested, this, [this] {
        showPage(m_payouts);
    });
    connect(m_home, &HomeView::brandSetupRequested, this, [this] {
        showPage(m_brandProfile);
    });
    connect(m_discovery, &DiscoveryView::creatorActivated, this, &MainWindow::openCreator);
    // The breadcrumb names the creator, deal or campaign once it has arrived.
    connect(m_creator, &CreatorProfileView::stateChanged, this, &MainWindow::updateChrome);
    connect(m_deal, &DealView::stateChanged, this, &MainWindow::updateChrome);
    connect(m_campaignPage, &CampaignPage::stateChanged, this, &MainWindow::updateChrome);
    connect(m_pipeline, &PipelineView::dealActivated, this, &MainWindow::openDeal);
    connect(m_payouts, &PayoutsPage::dealRequested, this, &MainWindow::openDeal);
    connect(m_shortlists, &ShortlistsPage::creatorRequested, this, &MainWindow::openCreator);
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
    connect(m_campaignPage, &CampaignPage::analyticsRequested, m_campaignAnalytics,
            &CampaignAnalyticsTab::showCampaign);
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
    connectRecommendations();
    connectMoney();
}

void MainWindow::buildStatusBar()
{
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

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
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
    if (currentPage() == m_campaignPage && m_campaignPage->campaign()
            && m_campaignPage->campaign()->id != id) {
        m_navigator->leave(m_campaignPage); // Back returns to the campaign shown until now
    }
    m_campaignPage->showCampaign(id);
    showPage(m_campaignPage);
}

void MainWindow::openNotifications()
{
    showPage(m_notifications);
    m_notifications->list()->setFocus();
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kLayoutKey), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace influence::desktop
