// SPDX-License-Identifier: Apache-2.0
// The app's shell: the grouped sidebar with icons (creator pages only for creators), Back and
// Forward (menu, Alt+Left/Right, the mouse's buttons) and what they restore (discovery's filters,
// rows, selection and scroll position), the breadcrumb, detail pages in a window of their own,
// Home's to-dos, signing out and Help → Server diagnostics. The window's size and every
// page's layout: tst_desktop_layout; quick open (Ctrl+K): tst_desktop_quick_open.
#include "DesktopTestSupport.h"
#include "app/DiagnosticsDialog.h"
#include "app/Navigator.h"
#include "app/QuickOpen.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsView.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "home/HomeView.h"
#include "money/AuditLogPage.h"
#include "money/EarningsPage.h"
#include "money/PayoutsPage.h"
#include "notifications/NotificationsView.h"
#include "profiles/AccountsView.h"
#include "profiles/BrandProfileView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/OwnProfileView.h"
#include "session/SignInDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::CreatorProfileView;
using influence::desktop::DiagnosticsDialog;
using influence::desktop::DiscoveryModel;
using influence::desktop::DiscoveryView;
using influence::desktop::MainWindow;
using influence::desktop::QuickOpen;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

class TestDesktopShell : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QListWidget *sidebar() { return find<QListWidget>(u"navigation"_s); }

    QListWidgetItem *sidebarItem(QWidget *page)
    {
        auto *pages = find<QWidget>(u"pages"_s);
        const int index = pages->layout()->indexOf(page);
        for (int row = 0; row < sidebar()->count(); ++row) {
            QListWidgetItem *item = sidebar()->item(row);
            if ((item->flags() & Qt::ItemIsSelectable) != 0
                    && item->data(Qt::UserRole).toInt() == index) {
                return item;
            }
        }
        return nullptr;
    }

    /// Registers `count` creators named "<name> 1"… (DIY, Iceland); answers whether the server
    /// took them all.
    bool diyCreatorsInIceland(const QString &name, int count)
    {
        for (int i = 1; i <= count; ++i) {
            const QString email =
                    u"diy-%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
            const auto registered = m_http->postJson(u"/api/v1/auth/register"_s,
                    {{u"email"_s, email}, {u"password"_s, m_password},
                            {u"role"_s, u"influencer"_s}});
            const QString token = registered.json().value(u"accessToken"_s).toString();
            const QJsonObject profile{{u"displayName"_s, u"%1 %2"_s.arg(name).arg(i)},
                    {u"bio"_s, u"Fjord workshop."_s}, {u"niches"_s, QJsonArray{u"diy"_s}},
                    {u"country"_s, u"IS"_s}, {u"languages"_s, QJsonArray{u"en"_s}}};
            const auto put = m_http->send(
                    "PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), tests::as(token));
            if (registered.status != 201 || (put.status != 200 && put.status != 201)) {
                qWarning("creator %d: %d, %d %s", i, registered.status, put.status,
                        put.body.constData());
                return false;
            }
        }
        return true;
    }

    /// Gives the user of `token` a creator profile named `name`; answers its id (empty, with a
    /// warning, when the server refused). (Not "Lena Travels": quick open's test counts those.)
    QString creatorNamed(const QString &token, const QString &name)
    {
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Hikes."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                {u"languages"_s, QJsonArray{u"de"_s}}};
        const auto put = m_http->send(
                "PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), tests::as(token));
        if (put.status != 200 && put.status != 201) {
            qWarning("the creator profile: %d %s", put.status, put.body.constData());
            return {};
        }
        return put.json().value(u"id"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Closing a window to see what it remembers must not end the test's event loop.
        QApplication::setQuitOnLastWindowClosed(false);
        QVERIFY2(startServer(), qPrintable(m_server->error()));
    }

    void init()
    {
        QSettings().remove(u"window"_s);
        QVERIFY(startApp());
    }

    void cleanup() { stopApp(); }

    void cleanupTestCase()
    {
        reportStalls(u"in the shell"_s);
        stopServer();
    }

    void sidebarHasGroupsAndIcons()
    {
        QList<QListWidgetItem *> entries;
        int separators = 0;
        for (int row = 0; row < sidebar()->count(); ++row) {
            QListWidgetItem *item = sidebar()->item(row);
            if ((item->flags() & Qt::ItemIsSelectable) == 0) {
                ++separators;
                QVERIFY(item->text().isEmpty());
                continue;
            }
            entries << item;
            // The icon is drawn (the SVG icon engine is there and the resource is compiled in).
            QVERIFY2(!item->icon().pixmap(22, 22).isNull(), qPrintable(item->text()));
        }
        QCOMPARE(separators, 2); // work | creator pages | settings
        QCOMPARE(entries.first()->text(), u"Home"_s);
        QCOMPARE(entries.at(1)->text(), u"Discovery"_s);
        QCOMPARE(entries.last()->text(), u"Settings"_s);
        // Detail pages are reached from their section, not from the sidebar.
        QVERIFY(!sidebarItem(m_window->creatorPage()));
        QVERIFY(!sidebarItem(m_window->dealPage()));
        // Notifications are the inbox, in the sidebar and the breadcrumb, in either language.
        QCOMPARE(sidebarItem(m_window->notificationsPage())->text(), u"Inbox"_s);
        QVERIFY(m_languages->apply(u"de"_s));
        // The language's change reaches the widgets through the event loop.
        QTRY_COMPARE(sidebarItem(m_window->notificationsPage())->text(), u"Posteingang"_s);
        showPage(m_window->notificationsPage());
        QCOMPARE(m_window->breadcrumb(), u"Posteingang"_s);
        QVERIFY(m_languages->apply(u"en"_s));
        QTRY_COMPARE(m_window->breadcrumb(), u"Inbox"_s);
    }

    void creatorPagesOnlyForCreators()
    {
        const QString brand = signUp(u"brand"_s);
        signInAs(brand);
        QVERIFY(sidebarItem(m_window->ownProfilePage())->isHidden());
        QVERIFY(sidebarItem(m_window->accountsPage())->isHidden());
        QVERIFY(sidebarItem(m_window->earningsPage())->isHidden());
        QVERIFY(!sidebarItem(m_window->campaignsPage())->isHidden());
        // Payouts are approved by brand staff; the brand profile is where a new brand starts;
        // the audit log is the owner's, and a user without a brand profile owns no brand.
        QVERIFY(!sidebarItem(m_window->payoutsPage())->isHidden());
        QVERIFY(!sidebarItem(m_window->brandProfilePage())->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(sidebarItem(m_window->auditLogPage())->isHidden(), kTimeout);
        const QString creator = signUp(u"influencer"_s);
        signInAs(creator);
        QVERIFY(!sidebarItem(m_window->ownProfilePage())->isHidden());
        QVERIFY(!sidebarItem(m_window->accountsPage())->isHidden());
        QVERIFY(!sidebarItem(m_window->earningsPage())->isHidden());
        QVERIFY(sidebarItem(m_window->payoutsPage())->isHidden());
        QVERIFY(sidebarItem(m_window->auditLogPage())->isHidden());
        QVERIFY(sidebarItem(m_window->brandProfilePage())->isHidden());
    }

    void backAndForwardRetraceTheVisits()
    {
        showPage(m_window->campaignsPage());
        showPage(m_window->pipelinePage());
        auto *back = m_window->findChild<QAction *>(u"backAction"_s);
        auto *forward = m_window->findChild<QAction *>(u"forwardAction"_s);
        QVERIFY(back->isEnabled());
        QVERIFY(!forward->isEnabled());

        back->trigger();
        QCOMPARE(m_window->currentPage(), m_window->campaignsPage());
        QCOMPARE(sidebar()->currentItem(), sidebarItem(m_window->campaignsPage()));
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(m_window->currentPage(), m_window->homePage());
        QVERIFY(!back->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(m_window->currentPage(), m_window->campaignsPage());
        // The mouse's back and forward buttons, anywhere in the window.
        QTest::mouseClick(sidebar()->viewport(), Qt::ForwardButton);
        QCOMPARE(m_window->currentPage(), m_window->pipelinePage());
        QTest::mouseClick(find<QWidget>(u"pageBar"_s), Qt::BackButton);
        QCOMPARE(m_window->currentPage(), m_window->campaignsPage());

        // Going somewhere new drops what was ahead, as browsers do.
        showPage(m_window->notificationsPage());
        QVERIFY(!forward->isEnabled());
        QVERIFY(!m_window->goForward());
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), m_window->campaignsPage());
    }

    void detailPageOpensUnderItsSection()
    {
        const QString creator = signUp(u"influencer"_s);
        const QString profile = lenaTravelsProfile(login(creator));
        QVERIFY(!profile.isEmpty());
        signInAs(signUp(u"brand"_s));
        m_window->openCreator(profile);
        QCOMPARE(m_window->currentPage(), m_window->creatorPage());
        // The sidebar marks the section the creator was opened from.
        QCOMPARE(sidebar()->currentItem(), sidebarItem(m_window->discoveryPage()));
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->creatorPage()->state(), CreatorProfileView::State::Loaded, kTimeout);
        QVERIFY2(m_window->breadcrumb().startsWith(u"Discovery › "_s),
                qPrintable(m_window->breadcrumb()));
        // The section's name in the breadcrumb goes back to it.
        const int discovery =
                find<QWidget>(u"pages"_s)->layout()->indexOf(m_window->discoveryPage());
        Q_EMIT find<QLabel>(u"breadcrumb"_s)->linkActivated(QString::number(discovery));
        QCOMPARE(m_window->currentPage(), m_window->discoveryPage());
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), m_window->creatorPage());
        QCOMPARE(m_window->creatorPage()->creatorId(), profile);
    }

    void backReturnsToTheCreatorShownBefore()
    {
        const QString first = lenaTravelsProfile(login(signUp(u"influencer"_s)));
        const QString second = lenaTravelsProfile(login(signUp(u"influencer"_s)));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        signInAs(signUp(u"brand"_s));
        CreatorProfileView *page = m_window->creatorPage();
        m_window->openCreator(first);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), CreatorProfileView::State::Loaded, kTimeout);
        // The breadcrumb names the creator once she has arrived.
        QCOMPARE(m_window->breadcrumb(), u"Discovery › Lena Travels"_s);
        m_window->openCreator(second);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), CreatorProfileView::State::Loaded, kTimeout);
        QCOMPARE(page->creatorId(), second);

        // The same page, showing the creator it showed before.
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), page);
        QCOMPARE(page->creatorId(), first);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), CreatorProfileView::State::Loaded, kTimeout);
        QVERIFY(m_window->goForward());
        QCOMPARE(page->creatorId(), second);
        QVERIFY(m_window->goBack());
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), m_window->homePage());
    }

    void backToDiscoveryRestoresItsPlace()
    {
        // More creators than one page of results (50), far more than fit on screen at 1280×800.
        QVERIFY(diyCreatorsInIceland(u"Workshop"_s, 60));
        signInAs(signUp(u"brand"_s));
        tests::StallMeter stalls;
        DiscoveryView *discovery = m_window->discoveryPage();
        DiscoveryModel *model = discovery->model();
        auto *table = find<QTableView>(u"discoveryTable"_s);
        auto *niche = find<QComboBox>(u"nicheFilterBox"_s);
        auto *country = find<QComboBox>(u"countryFilterBox"_s);
        auto *sort = find<QComboBox>(u"sortBox"_s);
        showPage(discovery);
        common::DiscoveryQuery filters;
        filters.niche = u"diy"_s;
        filters.country = u"IS"_s;
        filters.sort = u"followers"_s;
        discovery->applyFilters(filters);
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), DiscoveryModel::State::Loaded, kTimeout);
        QCOMPARE(model->rowCount(), 50);
        // The second page, as scrolling to the end loads it; then back up a little.
        table->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 60, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), DiscoveryModel::State::Loaded, kTimeout);
        QScrollBar *scroll = table->verticalScrollBar();
        QTRY_VERIFY(scroll->maximum() > 30);
        scroll->setValue(scroll->maximum() - 8);
        const int position = scroll->value();
        const int row = position + 2; // on screen
        table->selectionModel()->select(model->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table->selectionModel()->setCurrentIndex(
                model->index(row, 0), QItemSelectionModel::NoUpdate);
        const QString creator = model->index(row, 0).data(DiscoveryModel::IdRole).toString();
        const QString name = model->index(row, 0).data().toString();
        QVERIFY(name.startsWith(u"Workshop "_s));

        // Enter on the selected creator opens her page.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), m_window->creatorPage());
        QCOMPARE(m_window->creatorPage()->creatorId(), creator);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->creatorPage()->state(), CreatorProfileView::State::Loaded, kTimeout);
        QCOMPARE(m_window->breadcrumb(), u"Discovery › "_s + name);

        const auto placeIsBack = [&] {
            QCOMPARE(m_window->currentPage(), discovery);
            QCOMPARE(niche->currentData().toString(), u"diy"_s);
            QCOMPARE(country->currentData().toString(), u"IS"_s);
            QCOMPARE(sort->currentData().toString(), u"followers"_s);
            QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 60, kTimeout);
            QTRY_COMPARE_WITH_TIMEOUT(scroll->value(), position, kTimeout);
            const QModelIndexList selected = table->selectionModel()->selectedRows();
            QCOMPARE(selected.size(), 1);
            QCOMPARE(selected.first().data(DiscoveryModel::IdRole).toString(), creator);
            QCOMPARE(table->currentIndex().row(), row);
        };
        QVERIFY(m_window->goBack());
        placeIsBack();
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY(m_window->goForward());
        QCOMPARE(m_window->currentPage(), m_window->creatorPage());
        QCOMPARE(m_window->creatorPage()->creatorId(), creator);

        // Meanwhile the page was sent elsewhere (as "Find creators for this campaign" does):
        // Back searches again, loads both pages and puts the place back.
        discovery->resetFilters();
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), DiscoveryModel::State::Loaded, kTimeout);
        QCOMPARE(model->query().niche, QString());
        QVERIFY(m_window->goBack());
        placeIsBack();
        if (QTest::currentTestFailed()) {
            return;
        }
        record(stalls);
    }

    void homeListsWhatWaitsAndOpensIt()
    {
        // A brand's offer waits for the creator's answer.
        const QString creator = signUp(u"influencer"_s);
        const QString creatorId = creatorNamed(login(creator), u"Ada Moss"_s);
        QVERIFY(!creatorId.isEmpty());
        const QString brandToken = login(signUp(u"brand"_s));
        QVERIFY(brandProfile(brandToken, u"Moss Valley"_s));
        const auto [campaign, deal] =
                dealInNewCampaign(brandToken, u"Moss Valley Walks"_s, u"Trails."_s, creatorId);
        QVERIFY(!deal.isEmpty());

        signInAs(creator);
        tests::StallMeter stalls;
        desktop::HomeView *home = m_window->homePage();
        QCOMPARE(m_window->currentPage(), home);
        QTRY_COMPARE_WITH_TIMEOUT(home->state(), desktop::HomeView::State::Loaded, kTimeout);
        QCOMPARE(home->toDos().size(), 1);
        QCOMPARE(home->toDos().first().kind, desktop::HomeView::ToDo::Kind::Offer);
        QCOMPARE(home->toDos().first().dealId, deal);
        // Under its group's heading; Enter opens the deal, Back returns home.
        QTreeWidget *list = home->list();
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(list->topLevelItem(0)->text(0).endsWith(u"(1)"_s));
        // A creator's to-dos name the brand, the other party.
        QCOMPARE(list->topLevelItem(1)->text(1), u"Moss Valley × Moss Valley Walks"_s);
        list->setCurrentItem(list->topLevelItem(1));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), m_window->dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->dealPage()->isComplete(), kTimeout);
        QCOMPARE(m_window->dealPage()->deal().id, deal);
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), home);
        record(stalls);
    }

    void campaignPageInTheShell()
    {
        const QString brand = signUp(u"brand"_s);
        const QString brandToken = login(brand);
        QVERIFY(brandProfile(brandToken, u"Tern Outdoor"_s));
        const QJsonObject body{{u"name"_s, u"Tern Coast Trail"_s}, {u"brief"_s, u"Cliffs."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"youtube"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"video"_s}},
                {u"targeting"_s,
                        QJsonObject{{u"niches"_s, QJsonArray{u"diy"_s}},
                                {u"countries"_s, QJsonArray{u"IS"_s}}}},
                {u"budgetMinor"_s, 300000}, {u"currency"_s, u"EUR"_s},
                {u"visibility"_s, u"public"_s}};
        const auto created = post(u"/api/v1/campaigns"_s, brandToken, body);
        QCOMPARE(created.status, 201);
        const QString campaign = created.json().value(u"id"_s).toString();
        signInAs(brand);

        tests::StallMeter stalls;
        // Enter on the campaign in the list opens its page under Campaigns.
        desktop::CampaignsView *campaigns = m_window->campaignsPage();
        showPage(campaigns);
        QTRY_COMPARE_WITH_TIMEOUT(
                campaigns->state(), desktop::CampaignsView::State::Loaded, kTimeout);
        campaigns->select(campaign);
        auto *table = find<QTableView>(u"campaignsTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        desktop::CampaignPage *page = m_window->campaignPage();
        QCOMPARE(m_window->currentPage(), page);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        QCOMPARE(page->campaign()->id, campaign);
        QCOMPARE(m_window->breadcrumb(), u"Campaigns › Tern Coast Trail"_s);

        // "Find creators" opens discovery with the campaign's targeting; Back returns.
        QTest::mouseClick(find<QPushButton>(page, u"findCreatorsButton"_s), Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), m_window->discoveryPage());
        QCOMPARE(find<QComboBox>(u"nicheFilterBox"_s)->currentData().toString(), u"diy"_s);
        QCOMPARE(find<QComboBox>(u"countryFilterBox"_s)->currentData().toString(), u"IS"_s);
        QCOMPARE(find<QComboBox>(u"platformBox"_s)->currentData().toString(), u"youtube"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->discoveryPage()->model()->state(),
                DiscoveryModel::State::Loaded, kTimeout);
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), page);
        QCOMPARE(page->campaign()->id, campaign);
        record(stalls);
    }

    void creatorsOpenInWindowsOfTheirOwn()
    {
        const QString first = lenaTravelsProfile(login(signUp(u"influencer"_s)));
        const QString second = lenaTravelsProfile(login(signUp(u"influencer"_s)));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        signInAs(signUp(u"brand"_s));
        auto *newWindow = m_window->findChild<QAction *>(u"newWindowAction"_s);
        QVERIFY(!newWindow->isEnabled()); // nothing to open on the home page
        QVERIFY(!m_window->openCurrentInNewWindow());

        QList<CreatorProfileView *> windows;
        for (const QString &id : {first, second}) {
            m_window->openCreator(id);
            QVERIFY(newWindow->isEnabled());
            auto *window = qobject_cast<CreatorProfileView *>(m_window->openCurrentInNewWindow());
            QVERIFY(window);
            QVERIFY(window->isWindow());
            QVERIFY(QTest::qWaitForWindowExposed(window));
            windows << window;
        }
        // Side by side, each with its own creator.
        for (int i = 0; i < windows.size(); ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(
                    windows.at(i)->state(), CreatorProfileView::State::Loaded, kTimeout);
            QCOMPARE(windows.at(i)->creatorId(), i == 0 ? first : second);
        }
        QVERIFY(windows.first() != windows.last());
        windows.first()->close(); // deleted on close; the other stays
        QTRY_COMPARE(m_window->findChildren<CreatorProfileView *>().size(), 2);
    }

    void diagnosticsFromTheHelpMenu()
    {
        m_window->findChild<QAction *>(u"diagnosticsAction"_s)->trigger();
        DiagnosticsDialog *dialog = m_window->diagnostics();
        QTRY_VERIFY(dialog->isVisible());
        // It checks the server the app talks to at once.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), DiagnosticsDialog::State::Connected, kTimeout);
        QCOMPARE(find<QLineEdit>(dialog, u"serverUrlEdit"_s)->text(), m_server->url().toString());
        QCOMPARE(find<QLabel>(dialog, u"databaseValue"_s)->text(), u"Ready"_s);
        saveScreenshot(dialog, u"diagnostics"_s);
    }

    void signingOutForgetsEveryPage()
    {
        // A brand's campaign with a deal, seen on every page that shows such things.
        const QString creatorToken = login(signUp(u"influencer"_s));
        const QString creatorId = lenaTravelsProfile(creatorToken);
        QVERIFY(!creatorId.isEmpty());
        const QString brand = signUp(u"brand"_s);
        const QString brandToken = login(brand);
        QVERIFY(brandProfile(brandToken, u"Secret Fjord Outfitters"_s));
        const QString name = u"Secret Fjord Launch"_s;
        const QJsonObject body{{u"name"_s, name}, {u"brief"_s, u"Confidential."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 987600},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString campaign =
                post(u"/api/v1/campaigns"_s, brandToken, body).json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(campaign), brandToken).status, 200);
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brandToken,
                {{u"influencerId"_s, creatorId}, {u"offer"_s, tests::reelOffer(50000)}});
        QCOMPARE(invited.status, 201);
        signInAs(brand);

        showPage(m_window->campaignsPage());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->campaignsPage()->state(),
                desktop::CampaignsView::State::Loaded, kTimeout);
        showPage(m_window->pipelinePage());
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->pipelinePage()->state(), desktop::PipelineView::State::Loaded, kTimeout);
        m_window->openCampaignPage(campaign);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->campaignPage()->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        openDeal(invited.json().value(u"id"_s).toString());

        m_window->signOut();
        QTRY_VERIFY(m_window->signInDialog()->isVisible());
        // Nothing of the brand's is left behind the sign-in dialog, on any page.
        QStringList left;
        auto *pages = find<QStackedWidget>(u"pages"_s);
        for (int index = 0; index < pages->count(); ++index) {
            QWidget *page = pages->widget(index);
            for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
                for (int row = 0; view->model() && row < view->model()->rowCount(); ++row) {
                    for (int column = 0; column < view->model()->columnCount(); ++column) {
                        const QString text = view->model()->index(row, column).data().toString();
                        if (text.contains(u"Secret Fjord"_s) || text.contains(u"9,876"_s)) {
                            left << page->objectName() + u": "_s + view->objectName() + u" “"_s
                                            + text + u"”"_s;
                        }
                    }
                }
            }
            for (QLabel *label : page->findChildren<QLabel *>()) {
                if (label->text().contains(u"Secret Fjord"_s)
                        || label->text().contains(u"9,876"_s)) {
                    left << page->objectName() + u": "_s + label->objectName() + u" “"_s
                                    + label->text() + u"”"_s;
                }
            }
        }
        left.removeDuplicates();
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
    }
};

QTEST_MAIN(TestDesktopShell)
#include "tst_desktop_shell.moc"
