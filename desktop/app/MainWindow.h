// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <optional>

class QIcon;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace influence::common {
class ApiClient;
struct Campaign;
struct Recommendation;
} // namespace influence::common

namespace influence::desktop {

class AccountsView;
class AutomationsPage;
class CampaignAnalyticsTab;
class CampaignPage;
class CampaignsView;
class CreatorProfileView;
class DealView;
class DiagnosticsDialog;
class DiscoveryView;
class AuditLogPage;
class EarningsPage;
class LedgerTab;
class HomeView;
class InviteDialog;
class LookalikesPage;
class RecommendedTab;
class Languages;
class Navigator;
class NotificationBell;
class NotificationsView;
class BrandProfileView;
class EmvTablesPage;
class OwnProfileView;
class PayoutsPage;
class ShortlistsPage;
class PipelineView;
class QuickOpen;
class Session;
class SettingsView;
class SignInDialog;
class TrayNotifier;
class WebhooksPage;

/// The app's shell: a grouped sidebar of sections with icons, the page area with Back/Forward and
/// a breadcrumb, the menus, the status bar with the notification bell, and the sign-in dialog
/// over it. Detail pages (a creator, a deal) open in place under their section and are reached
/// by Back/Forward, not from the sidebar; they can also open in a window of their own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The sidebar's groups, top to bottom.
    enum class Group { Work, Creator, Settings };

    MainWindow(common::ApiClient *api, Session *session, Languages *languages,
            QWidget *parent = nullptr);

    /// Adds a page to the sidebar under `group` with the icon :/icons/<icon>.svg (its
    /// windowTitle() names it there) and to the Go menu with Ctrl+<position>. Returns its index
    /// in the page stack.
    int addPage(QWidget *page, const QString &icon, Group group = Group::Work);
    /// Adds a page that opens in place under `section` (a sidebar page): it has no sidebar entry.
    int addDetailPage(QWidget *page, QWidget *section);
    /// Shows the page at `index` of the page stack, recording the visit for Back.
    void showPage(int index);
    void showPage(QWidget *page);
    QWidget *currentPage() const;
    /// The breadcrumb's text ("Deals › Lena Travels × Summer"), as shown above the page.
    QString breadcrumb() const;

    /// Back (Alt+Left, the mouse's back button) and Forward: the previous page as it was.
    bool goBack();
    bool goForward();
    Navigator *navigator() const { return m_navigator; }

    /// Shows the sign-in dialog (window-modal, without blocking) over whatever is on screen.
    void requireSignIn();
    SignInDialog *signInDialog() const { return m_signIn; }
    /// Help → Server diagnostics (created with the window, shown on demand).
    DiagnosticsDialog *diagnostics() const { return m_diagnostics; }
    void showDiagnostics();
    /// Go → Quick Open (Ctrl+K): a creator, campaign or deal by name.
    QuickOpen *quickOpen() const { return m_quickOpen; }
    void showQuickOpen();

    HomeView *homePage() const { return m_home; }
    DiscoveryView *discoveryPage() const { return m_discovery; }
    CreatorProfileView *creatorPage() const { return m_creator; }
    OwnProfileView *ownProfilePage() const { return m_ownProfile; }
    BrandProfileView *brandProfilePage() const { return m_brandProfile; }
    AccountsView *accountsPage() const { return m_accounts; }
    SettingsView *settingsPage() const { return m_settings; }
    CampaignsView *campaignsPage() const { return m_campaigns; }
    /// One campaign: its brief, budget, deals and deliverables (Enter on a campaign).
    CampaignPage *campaignPage() const { return m_campaignPage; }
    /// The campaign page's Analytics tab (brand staff).
    CampaignAnalyticsTab *campaignAnalytics() const { return m_campaignAnalytics; }
    /// The campaign page's Recommended tab (brand staff).
    RecommendedTab *recommendedTab() const { return m_recommended; }
    /// Discovery's "More like these" (a detail page under Discovery).
    LookalikesPage *lookalikesPage() const { return m_lookalikes; }
    /// The invitation dialog opened from the Recommended tab, while open.
    InviteDialog *recommendedInviteDialog() const;
    PipelineView *pipelinePage() const { return m_pipeline; }
    DealView *dealPage() const { return m_deal; }
    NotificationsView *notificationsPage() const { return m_notifications; }
    /// Brand staff: the payouts due, late or failed, approved here.
    PayoutsPage *payoutsPage() const { return m_payouts; }
    /// Brand staff: the brand's shortlists of creators.
    ShortlistsPage *shortlistsPage() const { return m_shortlists; }
    /// Brand staff: the brand's webhook endpoints and their delivery logs.
    WebhooksPage *webhooksPage() const { return m_webhooks; }
    EmvTablesPage *emvTablesPage() const { return m_emvTables; }
    /// Brand staff: the brand's automation rules and their history.
    AutomationsPage *automationsPage() const { return m_automations; }
    /// Brand owners: every money, budget, deal and team change of the brand.
    AuditLogPage *auditLogPage() const { return m_auditLog; }
    /// The campaign page's Ledger tab (brand staff).
    LedgerTab *ledgerTab() const { return m_ledger; }
    /// Creators: what they are owed and paid, and their payout account.
    EarningsPage *earningsPage() const { return m_earnings; }
    /// The bell in the status bar with the unread count.
    NotificationBell *notificationBell() const { return m_bell; }
    /// Tells the system of new notifications while the window is in the background.
    TrayNotifier *trayNotifier() const { return m_tray; }
    /// Opens a creator's profile page (as a double-click in discovery does).
    void openCreator(const QString &id);
    /// Opens a deal's page (as a double-click or Enter on a pipeline card does).
    void openDeal(const QString &id);
    /// Opens the campaigns page with the campaign selected (once listed).
    void openCampaign(const QString &id);
    /// Opens the campaign's own page.
    void openCampaignPage(const QString &id);
    /// Opens the notifications page (as the bell and Ctrl+Shift+N do).
    void openNotifications();
    /// Opens the deal or creator on screen in a window of its own (Window → Open in New
    /// Window), so that several can be side by side. Returns the new window, or null when the
    /// current page shows neither.
    QWidget *openCurrentInNewWindow();
    /// Ends the session (here and on the server) and asks to sign in again.
    void signOut();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The default window: every page's headers and buttons fit, in English and German.
    static constexpr QSize kDefaultSize{1280, 800};

    /// The menus and their actions (MainWindowMenus.cpp).
    void buildMenus();
    /// The sidebar beside the page area, with the bar of Back, Forward and the breadcrumb
    /// above the pages (MainWindowSidebar.cpp).
    void buildSidebar();
    QWidget *buildPageArea();
    /// Makes every page and adds it to the sidebar (addPage) or under its section
    /// (addDetailPage): the one list of the shell's pages.
    void addPages();
    /// What opens what: a page's request to show a deal, creator or campaign.
    void connectPages();
    /// What the recommendations open: creators, lookalikes, the invitation dialog
    /// (MainWindowRecommendations.cpp).
    void connectRecommendations();
    /// The money pages' links: the Ledger tab follows the campaign page (MainWindowMoney.cpp).
    void connectMoney();
    void inviteRecommended(
            const common::Campaign &campaign, const QList<common::Recommendation> &creators);
    /// The connection and session labels, the notification bell and the tray.
    void buildStatusBar();
    static QIcon icon(const QString &name);
    void retranslate();
    void updateSessionStatus();
    void updateSidebarForRole();
    void updateChrome();
    void pageRenamed(QWidget *page);
    /// Ctrl+1… in the order of the visible sidebar entries.
    void numberShortcuts();
    /// Puts `page` on screen without recording a visit (Back/Forward and the first page).
    void display(QWidget *page);
    QListWidgetItem *itemOf(QWidget *page) const;

    common::ApiClient *m_api;
    Session *m_session;
    Languages *m_languages;
    SignInDialog *m_signIn = nullptr;
    DiagnosticsDialog *m_diagnostics = nullptr;
    QuickOpen *m_quickOpen = nullptr;
    Navigator *m_navigator = nullptr;
    bool m_sessionEnded = false;

    HomeView *m_home = nullptr;
    DiscoveryView *m_discovery = nullptr;
    CreatorProfileView *m_creator = nullptr;
    OwnProfileView *m_ownProfile = nullptr;
    BrandProfileView *m_brandProfile = nullptr;
    EmvTablesPage *m_emvTables = nullptr;
    /// Whether the signed-in brand user owns a brand (the audit log is the owner's); unknown
    /// until the brand page has asked.
    std::optional<bool> m_ownsBrand;
    AccountsView *m_accounts = nullptr;
    SettingsView *m_settings = nullptr;
    CampaignsView *m_campaigns = nullptr;
    CampaignPage *m_campaignPage = nullptr;
    CampaignAnalyticsTab *m_campaignAnalytics = nullptr;
    RecommendedTab *m_recommended = nullptr;
    LookalikesPage *m_lookalikes = nullptr;
    QPointer<InviteDialog> m_recommendedInvite;
    TrayNotifier *m_tray = nullptr;
    PipelineView *m_pipeline = nullptr;
    DealView *m_deal = nullptr;
    NotificationsView *m_notifications = nullptr;
    PayoutsPage *m_payouts = nullptr;
    ShortlistsPage *m_shortlists = nullptr;
    WebhooksPage *m_webhooks = nullptr;
    AutomationsPage *m_automations = nullptr;
    EarningsPage *m_earnings = nullptr;
    AuditLogPage *m_auditLog = nullptr;
    LedgerTab *m_ledger = nullptr;
    NotificationBell *m_bell = nullptr;
    /// Detail page → the sidebar section it opens under.
    QHash<QWidget *, QWidget *> m_sectionOf;
    /// Sidebar page → its group (for the separators and role-aware visibility).
    QHash<QWidget *, Group> m_groupOf;
    /// Sidebar pages of the Work group that only brand staff see.
    QList<QWidget *> m_brandOnly;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_windowMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_newWindowAction = nullptr;
    QAction *m_quickOpenAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_diagnosticsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QToolButton *m_backButton = nullptr;
    QToolButton *m_forwardButton = nullptr;
    QToolButton *m_quickOpenButton = nullptr;
    QLabel *m_breadcrumb = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_sessionLabel = nullptr;
};

} // namespace influence::desktop
