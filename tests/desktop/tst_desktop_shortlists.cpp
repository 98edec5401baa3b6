// SPDX-License-Identifier: Apache-2.0
// Shortlists against a real server (offscreen): the brand's staff selects two creators in
// discovery and adds them to a new list, adds a third from that creator's profile, opens the
// Lists page, edits a note in place (saved on the server), exports the list as CSV (written off
// the GUI thread) and invites the whole list to an active campaign: the creator who already has
// a deal in it is skipped, the two others are invited. A creator sees neither the page nor the
// button. The GUI thread never freezes waiting; a screenshot of the page.
#include "DesktopTestSupport.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "profiles/CreatorProfileView.h"
#include "shortlists/AddToListButton.h"
#include "shortlists/ShortlistInviteDialog.h"
#include "shortlists/ShortlistsPage.h"
#include "widgets/BrandPicker.h"
#include "widgets/CsvExport.h"
#include "widgets/OfferEditor.h"

#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::AddToListButton;
using influence::desktop::BrandPicker;
using influence::desktop::DiscoveryModel;
using influence::desktop::ShortlistInviteDialog;
using influence::desktop::ShortlistsPage;
using influence::tests::as;
using influence::tests::compact;
using influence::tests::kTimeout;

class TestDesktopShortlists : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    /// Shows discovery, searches the test's creators ("Quillon") and selects the rows of `ids`
    /// (found by id: the rows are in the server's order); false if the search did not load.
    bool selectInDiscovery(const QStringList &ids)
    {
        desktop::DiscoveryView *discovery = m_window->discoveryPage();
        showPage(discovery);
        auto *search = find<QLineEdit>(discovery, u"searchEdit"_s);
        QSignalSpy reset(discovery->model(), &QAbstractItemModel::modelReset);
        search->clear();
        QTest::keyClicks(search, u"Quillon"_s);
        if (!QTest::qWaitFor(
                    [&] {
                        return reset.count() >= 1
                                && discovery->model()->state() == DiscoveryModel::State::Loaded;
                    },
                    kTimeout)) {
            return false;
        }
        auto *table = find<QTableView>(discovery, u"discoveryTable"_s);
        for (int row = 0; row < discovery->model()->rowCount(); ++row) {
            const QModelIndex index = discovery->model()->index(row, 0);
            if (ids.contains(index.data(DiscoveryModel::IdRole).toString())) {
                table->selectionModel()->select(
                        index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            }
        }
        return true;
    }

    QString m_brandEmail;
    QString m_brandToken;
    QString m_creatorEmail;
    QStringList m_creatorIds; ///< Quillon Alpha, Beta, Gamma
    QString m_campaign;
    QString m_listId;

    QString creator(const QString &name, QString *email = nullptr)
    {
        const QString address = signUp(u"influencer"_s);
        const QString token = login(address);
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Lakes and peaks."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s}};
        const auto put =
                m_http->send("PUT", u"/api/v1/me/influencer"_s, compact(profile), as(token));
        if (email) {
            *email = address;
        }
        return put.json().value(u"id"_s).toString();
    }
    ShortlistsPage *page() { return m_window->shortlistsPage(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_brandToken = login(m_brandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        m_creatorIds = {creator(u"Quillon Alpha"_s, &m_creatorEmail), creator(u"Quillon Beta"_s),
                creator(u"Quillon Gamma"_s)};
        for (const QString &id : std::as_const(m_creatorIds)) {
            QVERIFY(!id.isEmpty());
        }
        const QJsonObject campaign{{u"name"_s, u"Lake series"_s}, {u"brief"_s, u"Lakes."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 500000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"private"_s}};
        m_campaign = post(u"/api/v1/campaigns"_s, m_brandToken, campaign)
                             .json()
                             .value(u"id"_s)
                             .toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brandToken).status, 200);
        // Beta already has a deal in the campaign.
        const QJsonObject offer{
                {u"deliverables"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                {u"dueDate"_s,
                                        QDate::currentDate().addDays(10).toString(Qt::ISODate)}}}},
                {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s}};
        QCOMPARE(post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaign), m_brandToken,
                         {{u"influencerId"_s, m_creatorIds.at(1)}, {u"offer"_s, offer}})
                         .status,
                201);
        QVERIFY(startApp(QSize(1280, 800)));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        reportStalls(u"with shortlists"_s);
        stop();
    }

    void addTwoFromDiscoveryAndOneFromAProfile()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        desktop::DiscoveryView *discovery = m_window->discoveryPage();
        // Alpha and Beta of the three creators found.
        QVERIFY(selectInDiscovery({m_creatorIds.at(0), m_creatorIds.at(1)}));
        QCOMPARE(discovery->model()->rowCount(), 3);
        QCOMPARE(discovery->selectedCreators().size(), 2);
        auto *button = find<AddToListButton>(discovery, u"addToListButton"_s);
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), u"Add to &list…"_s);
        button->reloadLists();
        QTRY_COMPARE_WITH_TIMEOUT(button->state(), AddToListButton::State::Ready, kTimeout);
        QVERIFY(button->lists().isEmpty());
        // The menu offers a new list when there is none.
        const auto actions = button->listMenu()->actions();
        QVERIFY(std::any_of(actions.begin(), actions.end(), [](const QAction *action) {
            return action->objectName() == u"newListAction"_s;
        }));
        QSignalSpy added(button, &AddToListButton::added);
        button->addToNewList(u"Lake people"_s);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kTimeout);
        QCOMPARE(button->statusText(), u"Added 2 creators to “Lake people”."_s);
        m_listId = added.at(0).at(0).toString();
        QVERIFY(!m_listId.isEmpty());

        record(stalls);

        // Gamma from their profile (opened, with its charts, before measuring: the profile's
        // own stalls are tst_desktop_profile's).
        m_window->openCreator(m_creatorIds.at(2));
        desktop::CreatorProfileView *profile = m_window->creatorPage();
        QTRY_COMPARE_WITH_TIMEOUT(
                profile->state(), desktop::CreatorProfileView::State::Loaded, kTimeout);
        QTest::qWait(100);
        stalls.reset();
        auto *fromProfile = find<AddToListButton>(profile, u"addToListButton"_s);
        QVERIFY(fromProfile);
        fromProfile->reloadLists();
        QTRY_COMPARE_WITH_TIMEOUT(fromProfile->state(), AddToListButton::State::Ready, kTimeout);
        QCOMPARE(fromProfile->lists().size(), 1);
        QCOMPARE(fromProfile->lists().first().memberCount, 2);
        QSignalSpy addedOne(fromProfile, &AddToListButton::added);
        fromProfile->addTo(m_listId);
        QTRY_COMPARE_WITH_TIMEOUT(addedOne.count(), 1, kTimeout);
        QCOMPARE(fromProfile->statusText(), u"Added one creator to “Lake people”."_s);
        record(stalls);

        const QJsonArray members =
                get(u"/api/v1/shortlists/%1/members"_s.arg(m_listId), m_brandToken)
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(members.size(), 3);
    }

    void listsPageEditsANoteAndExports()
    {
        tests::StallMeter stalls;
        showPage(page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->listsState(), ShortlistsPage::State::Loaded, kTimeout);
        QCOMPARE(page()->lists().size(), 1);
        QCOMPARE(page()->currentListId(), m_listId);
        QTRY_COMPARE_WITH_TIMEOUT(page()->membersState(), ShortlistsPage::State::Loaded, kTimeout);
        QTableWidget *table = page()->membersTable();
        QCOMPARE(table->rowCount(), 3);
        // The creators added from discovery at once arrive in either order.
        int alpha = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, ShortlistsPage::NameColumn)->text() == u"Quillon Alpha"_s) {
                alpha = row;
            }
        }
        QVERIFY(alpha >= 0);
        QCOMPARE(table->item(2, ShortlistsPage::NameColumn)->text(), u"Quillon Gamma"_s);

        // The note is edited in place and saved at once.
        QSignalSpy saved(page(), &ShortlistsPage::noteSaved);
        table->item(alpha, ShortlistsPage::NoteColumn)->setText(u"Great reels, \"calm\" style"_s);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QCOMPARE(page()->messageText(), u"Note saved."_s);
        const QJsonArray members =
                get(u"/api/v1/shortlists/%1/members"_s.arg(m_listId), m_brandToken)
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(members.at(alpha)[u"note"_s].toString(), u"Great reels, \"calm\" style"_s);

        // A note a spreadsheet would run as a formula.
        page()->setNote(2, u"=HYPERLINK(\"http://x\")"_s);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, kTimeout);

        // Export: written in the background, RFC 4180, formulas defused.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lake-people.csv"_s);
        QSignalSpy exported(page(), &ShortlistsPage::exported);
        page()->exportTo(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kTimeout);
        QCOMPARE(exported.at(0).at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = desktop::Csv::parse(file.readAll());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).first(), u"Creator"_s);
        QCOMPARE(rows.at(alpha + 1).at(0), u"Quillon Alpha"_s);
        QCOMPARE(rows.at(alpha + 1).at(5), u"Great reels, \"calm\" style"_s);
        QCOMPARE(rows.at(3).at(5), u"'=HYPERLINK(\"http://x\")"_s);
        record(stalls);
    }

    void inviteTheListSkipsTheOneInADeal()
    {
        tests::StallMeter stalls;
        page()->inviteList();
        ShortlistInviteDialog *dialog = page()->inviteDialog();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), ShortlistInviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog->campaigns().size(), 1);
        QCOMPARE(dialog->campaignId(), m_campaign);
        dialog->offerEditor()->setFeeText(u"600"_s);
        dialog->setMessage(u"Join our lake series!"_s);
        dialog->send();
        QTRY_COMPARE_WITH_TIMEOUT(
                dialog->state(), ShortlistInviteDialog::State::Finished, kTimeout);
        QCOMPARE(dialog->results().size(), 3);
        QCOMPARE(dialog->statusText(), u"Invited: 2. Skipped: 1."_s);
        QCOMPARE(dialog->resultsTable()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const auto &result = dialog->results().at(row);
            QCOMPARE(result.invited, result.influencerId != m_creatorIds.at(1));
            const QString text = dialog->resultsTable()->item(row, 1)->text();
            QCOMPARE(text,
                    result.invited ? u"✓ Invited"_s
                                   : u"Skipped: already has a deal in this campaign"_s);
        }
        tests::saveScreenshot(dialog, u"shortlist-invite"_s);
        record(stalls);
        dialog->close();

        const QJsonArray deals = get(u"/api/v1/deals?campaign="_s + m_campaign, m_brandToken)
                                         .value(u"items"_s)
                                         .toArray();
        QCOMPARE(deals.size(), 3);
        int sixHundred = 0;
        for (const auto &deal : deals) {
            sixHundred += deal[u"latestOffer"_s][u"feeMinor"_s].toInteger() == 60000 ? 1 : 0;
        }
        QCOMPARE(sixHundred, 2);
        QTest::qWait(50);
        tests::saveScreenshot(m_window.get(), u"shortlists"_s);
    }

    /// Staff acting for two brands pick the brand: its lists are shown, and a new list is the
    /// picked brand's.
    void staffOfTwoBrandsPickTheBrand()
    {
        const TwoBrands brands = staffOfTwoBrands(m_brandToken, u"Zephyr Outdoor"_s);
        QVERIFY(!brands.staffEmail.isEmpty());
        const QString &zephyr = brands.second;
        const QString &zephyrToken = brands.secondToken;
        const QString &alpine = brands.first;
        const QString &staffEmail = brands.staffEmail;
        signInAs(staffEmail);
        tests::StallMeter stalls;
        showPage(page());
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->listsState(), ShortlistsPage::State::Loaded, kTimeout);
        BrandPicker *picker = page()->brandPicker();
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->brandId(), alpine);
        QCOMPARE(page()->lists().size(), 1); // Alpine's list of the tests above

        QVERIFY(picker->choose(zephyr));
        QTRY_COMPARE_WITH_TIMEOUT(page()->listsState(), ShortlistsPage::State::Loaded, kTimeout);
        QVERIFY(page()->lists().isEmpty());
        clickWhenEnabled(u"newListButton"_s);
        QInputDialog *name = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                (name = page()->findChild<QInputDialog *>(u"listNameDialog"_s)), kTimeout);
        name->setTextValue(u"Zephyr picks"_s);
        name->accept();
        QTRY_COMPARE_WITH_TIMEOUT(page()->lists().size(), 1, kTimeout);
        QCOMPARE(page()->lists().first().name, u"Zephyr picks"_s);
        const QJsonArray onServer = get(u"/api/v1/shortlists"_s, zephyrToken)[u"items"_s].toArray();
        QCOMPARE(onServer.size(), 1);
        QCOMPARE(onServer.first()[u"name"_s].toString(), u"Zephyr picks"_s);
        QCOMPARE(get(u"/api/v1/shortlists"_s, m_brandToken)[u"items"_s].toArray().size(), 1);
        record(stalls);

        // Discovery's "Add to list" shows each brand's lists under its name, and a new list
        // for each brand: this one is Zephyr's.
        desktop::DiscoveryView *discovery = m_window->discoveryPage();
        QVERIFY(selectInDiscovery({m_creatorIds.at(0)}));
        QCOMPARE(discovery->selectedCreators().size(), 1);
        auto *button = find<AddToListButton>(discovery, u"addToListButton"_s);
        button->reloadLists();
        QTRY_COMPARE_WITH_TIMEOUT(button->state(), AddToListButton::State::Ready, kTimeout);
        QCOMPARE(button->brands().size(), 2);
        QStringList sections;
        QAction *newForZephyr = nullptr;
        for (QAction *action : button->listMenu()->actions()) {
            if (action->isSeparator() && !action->text().isEmpty()) {
                sections.append(action->text());
            }
            if (action->objectName() == u"newListAction"_s && action->data() == zephyr) {
                newForZephyr = action;
            }
        }
        QCOMPARE(sections, QStringList({u"Alpine Boots"_s, u"Zephyr Outdoor"_s}));
        QVERIFY(newForZephyr);
        QCOMPARE(newForZephyr->text(), u"New list for Zephyr Outdoor…"_s);
        QSignalSpy added(button, &AddToListButton::added);
        newForZephyr->trigger();
        QInputDialog *listName = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                (listName = m_window->findChild<QInputDialog *>(u"newListDialog"_s)), kTimeout);
        QCOMPARE(listName->windowTitle(), u"New list for Zephyr Outdoor"_s);
        listName->setTextValue(u"Zephyr from discovery"_s);
        listName->accept();
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kTimeout);
        const QJsonArray zephyrLists =
                get(u"/api/v1/shortlists"_s, zephyrToken)[u"items"_s].toArray();
        QCOMPARE(zephyrLists.size(), 2);
        QCOMPARE(zephyrLists.first()[u"name"_s].toString(), u"Zephyr from discovery"_s);
        QCOMPARE(zephyrLists.first()[u"memberCount"_s].toInt(), 1);
        QCOMPARE(get(u"/api/v1/shortlists"_s, m_brandToken)[u"items"_s].toArray().size(), 1);
    }

    void creatorsSeeNoLists()
    {
        signInAs(m_creatorEmail);
        desktop::DiscoveryView *discovery = m_window->discoveryPage();
        showPage(discovery);
        QVERIFY(!find<AddToListButton>(discovery, u"addToListButton"_s)->isVisible());
    }
};

QTEST_MAIN(TestDesktopShortlists)
#include "tst_desktop_shortlists.moc"
