// SPDX-License-Identifier: Apache-2.0
// Recommendations on the desktop against a real server seeded with demo creators (offscreen):
// the campaign page's Recommended tab ranks creators with the eight factor bars and the reasons
// worded by the app (in German too, never the server's English sentence), pages with "More",
// and invites two selected creators through the invitation dialog with their rates as fees
// (the deals checked over the API); a creator's profile shows Similar creators; discovery's
// "More like these" lists creators like the selected ones without them. The GUI thread never
// freezes waiting; screenshots in English and German at 1600×1000.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignPage.h"
#include "common/RecommendationsApi.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "discovery/LookalikesPage.h"
#include "profiles/CreatorProfileView.h"
#include "recommendations/RecommendationsModel.h"
#include "recommendations/RecommendedTab.h"
#include "shortlists/AddToListButton.h"
#include "widgets/OfferEditor.h"
#include "widgets/SimilarCreatorsList.h"

#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::AddToListButton;
using influence::desktop::CampaignPage;
using influence::desktop::InviteDialog;
using influence::desktop::RecommendationsModel;
using influence::desktop::RecommendedTab;
using influence::desktop::SimilarCreatorsList;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

class TestDesktopRecommendations : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_brandToken;
    QString m_campaign;
    QStringList m_invited; ///< the two creators invited from the tab

    RecommendedTab *tab() { return m_window->recommendedTab(); }
    RecommendationsModel *model() { return tab()->model(); }
    CampaignPage *campaignPage() { return m_window->campaignPage(); }

    /// Opens the campaign's Recommended tab and waits for its first page.
    void openRecommended()
    {
        m_window->openCampaignPage(m_campaign);
        QTRY_COMPARE_WITH_TIMEOUT(campaignPage()->state(), CampaignPage::State::Loaded, kTimeout);
        QTabWidget *tabs = campaignPage()->tabs();
        const int index = tabs->indexOf(tab());
        QVERIFY(index > 0);
        QVERIFY(tabs->isTabVisible(index));
        tabs->setCurrentIndex(index);
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), RecommendedTab::State::Loaded, kTimeout);
        QCOMPARE(tab()->campaignId(), m_campaign);
    }

    /// Saves a screenshot outside the stall measurement: grabbing a 1600×1000 window and
    /// encoding it as PNG is the test's own work on the GUI thread, not the app's.
    void screenshot(tests::StallMeter &stalls, QWidget *widget, const QString &name)
    {
        record(stalls);
        saveScreenshot(widget, name);
        stalls.reset();
    }

    /// Enter on the first recommended creator opens their profile (Back returns to the
    /// campaign); waits until the profile and a fresh list of similar creators are there.
    void openFirstProfile()
    {
        const QString id = model()->at(0).influencer.id;
        auto *profile = m_window->creatorPage();
        QSignalSpy similarStates(profile->similarCreators(), &SimilarCreatorsList::stateChanged);
        QTableView *table = tab()->table();
        table->setFocus();
        table->setCurrentIndex(model()->index(0, RecommendationsModel::Creator));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), profile);
        QCOMPARE(profile->creatorId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(profile->state() == desktop::CreatorProfileView::State::Loaded
                        || profile->state() == desktop::CreatorProfileView::State::Failed,
                kTimeout);
        QVERIFY2(profile->state() == desktop::CreatorProfileView::State::Loaded,
                qPrintable(profile->error().detail));
        QTRY_VERIFY_WITH_TIMEOUT(
                similarStates.contains({QVariant::fromValue(SimilarCreatorsList::State::Loaded)}),
                kTimeout);
        // The section is below the charts: scrolled to, as a user would for the screenshot.
        auto *scroll = profile->findChild<QScrollArea *>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(profile->similarCreators(), 0, 0);
    }

    /// Every sentence the server sent for the rows listed.
    QStringList serverSentences()
    {
        QStringList sentences;
        for (int row = 0; row < model()->rowCount(); ++row) {
            for (const auto &factor : model()->at(row).factors) {
                if (!factor.sentence.isEmpty()) {
                    sentences.append(factor.sentence);
                }
            }
        }
        return sentences;
    }

private Q_SLOTS:
    void initTestCase()
    {
        tests::TestServer::Options options;
        options.demoData = true;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        QVERIFY(!m_brandEmail.isEmpty());
        m_brandToken = login(m_brandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Trail Boots"_s));
        const QJsonObject body{{u"name"_s, u"Alpine trail season"_s},
                {u"brief"_s,
                        u"Trail running and hiking reels in the Alps: routes, gear and recovery."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 1500000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"private"_s},
                {u"targeting"_s,
                        QJsonObject{{u"niches"_s, QJsonArray{u"travel"_s, u"fitness"_s}},
                                {u"countries"_s, QJsonArray{u"DE"_s, u"AT"_s}},
                                {u"languages"_s, QJsonArray{u"de"_s}}}},
                {u"usageRights"_s, u"Organic use for 12 months."_s}};
        const auto created = post(u"/api/v1/campaigns"_s, m_brandToken, body);
        QCOMPARE(created.status, 201);
        m_campaign = created.json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brandToken).status, 200);
        QVERIFY(startApp(QSize(1600, 1000)));
        signInAs(m_brandEmail);
    }

    void cleanupTestCase()
    {
        reportStalls(u"in the recommendation flows"_s);
        stop();
    }

    void recommendedTabListsCreatorsWithFactorBars()
    {
        tests::StallMeter stalls;
        openRecommended();
        QVERIFY(model()->rowCount() > 1);
        QVERIFY(model()->rowCount() <= RecommendedTab::kPageSize);
        // Ranked best first, each with eight bars whose contributions add up to its score.
        double previous = 2.0;
        for (int row = 0; row < model()->rowCount(); ++row) {
            const common::Recommendation &item = model()->at(row);
            QVERIFY(item.score <= previous + 1e-9);
            previous = item.score;
            const QVariantList bars = model()->index(row, RecommendationsModel::Factors)
                                              .data(RecommendationsModel::ContributionsRole)
                                              .toList();
            QCOMPARE(bars.size(), 8);
            double sum = 0;
            for (const QVariant &bar : bars) {
                sum += bar.toDouble();
            }
            QVERIFY2(std::abs(std::clamp(sum, 0.0, 1.0) - item.score) < 0.002,
                    qPrintable(u"row %1: bars %2, score %3"_s.arg(row).arg(sum).arg(item.score)));
            QVERIFY(bars.at(7).toDouble() <= 0); // declines only ever take away
        }
        // The current creator's reasons, worded by the app.
        QVERIFY(tab()->table()->currentIndex().isValid());
        const QString details = tab()->detailsText();
        QVERIFY(details.contains(u"Topic"_s));
        QVERIFY(details.contains(u"Declines"_s));
        QVERIFY(details.contains(u"followers"_s));
        const auto *legend = find<QLabel>(tab(), u"recommendedLegend"_s);
        QVERIFY(legend->isVisible());
        // More asks for the next page when there is one.
        if (tab()->canLoadMore()) {
            const int before = model()->rowCount();
            clickWhenEnabled(u"recommendedMoreButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, kTimeout);
            QTRY_VERIFY_WITH_TIMEOUT(
                    !find<QLabel>(tab(), u"recommendedStatus"_s)->text().startsWith(u"Loading"_s),
                    kTimeout);
        }
        QTest::qWait(100);
        screenshot(stalls, m_window.get(), u"recommendations"_s);
        record(stalls);
    }

    void invitesTwoSelectedCreators()
    {
        tests::StallMeter stalls;
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), RecommendedTab::State::Loaded, kTimeout);
        QTableView *table = tab()->table();
        auto *invite = find<QPushButton>(tab(), u"recommendedInviteButton"_s);
        table->clearSelection();
        QVERIFY(!invite->isEnabled());
        // Two creators, the first and the third, with Ctrl+click.
        const auto click = [table](int row, Qt::KeyboardModifiers modifiers) {
            const QRect cell =
                    table->visualRect(table->model()->index(row, RecommendationsModel::Creator));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, cell.center());
        };
        click(0, Qt::NoModifier);
        click(2, Qt::ControlModifier);
        const QList<common::Recommendation> chosen = tab()->selectedCreators();
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(invite->text(), u"&Invite 2 creators…"_s);
        QTest::mouseClick(invite, Qt::LeftButton);
        InviteDialog *dialog = m_window->recommendedInviteDialog();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog->campaignId(), m_campaign);
        QCOMPARE(dialog->creatorCount(), 2);
        // Each creator's rate is their fee; a creator without one gets the fee typed here.
        QHash<QString, qint64> expectedFee;
        bool everyoneHasARate = true;
        for (const common::Recommendation &creator : chosen) {
            const auto *price = creator.find(common::RecommendationFactor::Price);
            QVERIFY(price);
            if (price->facts.feeMinor && *price->facts.feeMinor > 0
                    && price->facts.currency == u"EUR"_s) {
                expectedFee.insert(creator.influencer.id, *price->facts.feeMinor);
            } else {
                everyoneHasARate = false;
                expectedFee.insert(creator.influencer.id, 45000);
            }
        }
        auto *fee = find<QLineEdit>(dialog->offerEditor(), u"offerFee"_s);
        if (everyoneHasARate) {
            QVERIFY(!fee->text().isEmpty());
        } else {
            fee->clear();
            QTest::keyClicks(fee, u"450"_s);
        }
        screenshot(stalls, dialog, u"recommendations-invite"_s);
        QTest::mouseClick(find<QPushButton>(dialog, u"sendInvitesButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Finished, kTimeout);
        QCOMPARE(dialog->invitedCount(), 2);
        // The results beside each creator in the tab.
        for (const common::Recommendation &creator : chosen) {
            m_invited.append(creator.influencer.id);
            QCOMPARE(model()->invitation(creator.influencer.id), u"✓ Invited"_s);
        }
        dialog->close();
        record(stalls);

        // On the server: two invited deals for the two, each with its fee.
        const QJsonArray deals = get(u"/api/v1/deals?campaign="_s + m_campaign, m_brandToken)
                                         .value(u"items"_s)
                                         .toArray();
        QCOMPARE(deals.size(), 2);
        QSet<QString> dealt;
        for (const auto &value : deals) {
            const QJsonObject deal = value.toObject();
            const QString creator = deal.value(u"influencerId"_s).toString();
            dealt.insert(creator);
            QCOMPARE(deal.value(u"state"_s).toString(), u"invited"_s);
            QCOMPARE(deal.value(u"origin"_s).toString(), u"invitation"_s);
            const QJsonObject offer =
                    get(u"/api/v1/deals/"_s + deal.value(u"id"_s).toString(), m_brandToken)
                            .value(u"latestOffer"_s)
                            .toObject();
            QCOMPARE(offer.value(u"feeMinor"_s).toInteger(), expectedFee.value(creator));
            QCOMPARE(offer.value(u"currency"_s).toString(), u"EUR"_s);
        }
        QCOMPARE(dealt, QSet<QString>(m_invited.cbegin(), m_invited.cend()));

        // Refreshed, the ranking leaves out creators already in a deal of the campaign.
        clickWhenEnabled(u"recommendedRefreshButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), RecommendedTab::State::Loaded, kTimeout);
        for (const QString &id : std::as_const(m_invited)) {
            QCOMPARE(model()->rowOf(id), -1);
        }
        record(stalls);
    }

    void addsSelectedCreatorsToAList()
    {
        // "Add to list…" beside Invite keeps the selected creators for later.
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), RecommendedTab::State::Loaded, kTimeout);
        QTableView *table = tab()->table();
        table->clearSelection();
        table->selectionModel()->select(table->model()->index(0, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(1, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QList<common::Recommendation> chosen = tab()->selectedCreators();
        QCOMPARE(chosen.size(), 2);
        auto *button = find<AddToListButton>(tab(), u"addToListButton"_s);
        QVERIFY(button);
        QVERIFY(button->isVisible());
        button->reloadLists();
        QTRY_COMPARE_WITH_TIMEOUT(button->state(), AddToListButton::State::Ready, kTimeout);
        QSignalSpy added(button, &AddToListButton::added);
        button->addToNewList(u"Recommended for the lake"_s);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kTimeout);
        const QString list = added.at(0).at(0).toString();
        QVERIFY(!list.isEmpty());
        QSet<QString> members;
        const QJsonArray items = get(u"/api/v1/shortlists/%1/members"_s.arg(list), m_brandToken)
                                         .value(u"items"_s)
                                         .toArray();
        for (const auto &item : items) {
            members.insert(
                    item.toObject().value(u"influencer"_s).toObject().value(u"id"_s).toString());
        }
        QCOMPARE(members, QSet<QString>({chosen.at(0).influencer.id, chosen.at(1).influencer.id}));
    }

    void similarCreatorsOnAProfile()
    {
        // Not under the stall meter: opening a profile builds its follower charts (about 100 ms
        // of GUI work at this window size under the sanitizers), which tst_desktop_profile
        // measures; the list of similar creators itself fills in under 15 ms.
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 0, kTimeout);
        const QString id = model()->at(0).influencer.id;
        openFirstProfile();
        SimilarCreatorsList *similar = m_window->creatorPage()->similarCreators();
        QVERIFY(!similar->creators().isEmpty());
        QCOMPARE(similar->table()->rowCount(), similar->creators().size());
        for (const common::SimilarCreator &creator : similar->creators()) {
            QVERIFY(creator.influencer.id != id); // never the creator itself
            QVERIFY(creator.similarity <= 1.0 + 1e-9);
        }
        const QString traits = similar->table()->item(0, SimilarCreatorsList::Traits)->text();
        QVERIFY(!traits.isEmpty());
        QTest::qWait(100);
        saveScreenshot(m_window.get(), u"similar"_s);
        // A lookalike opens with Enter, and Back returns.
        const QString lookalike = similar->creators().constFirst().influencer.id;
        similar->table()->setFocus();
        similar->table()->setCurrentCell(0, 0);
        QTest::keyClick(similar->table(), Qt::Key_Return);
        QCOMPARE(m_window->creatorPage()->creatorId(), lookalike);
        QVERIFY(m_window->goBack());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->creatorPage()->creatorId(), id, kTimeout);
    }

    void moreLikeTheseFromDiscovery()
    {
        tests::StallMeter stalls;
        m_window->showPage(m_window->discoveryPage());
        auto *discovery = m_window->discoveryPage();
        QTRY_COMPARE_WITH_TIMEOUT(
                discovery->model()->state(), desktop::DiscoveryModel::State::Loaded, kTimeout);
        auto *table = find<QTableView>(discovery, u"discoveryTable"_s);
        auto *more = find<QPushButton>(discovery, u"moreLikeTheseButton"_s);
        table->clearSelection();
        QVERIFY(!more->isEnabled());
        table->selectionModel()->select(discovery->model()->index(0, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(discovery->model()->index(1, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(more->isEnabled());
        const QStringList chosen{
                discovery->model()->index(0, 0).data(desktop::DiscoveryModel::IdRole).toString(),
                discovery->model()->index(1, 0).data(desktop::DiscoveryModel::IdRole).toString()};
        QTest::mouseClick(more, Qt::LeftButton);
        desktop::LookalikesPage *page = m_window->lookalikesPage();
        QCOMPARE(m_window->currentPage(), page);
        QCOMPARE(page->list()->creatorIds(), chosen);
        QTRY_COMPARE_WITH_TIMEOUT(
                page->list()->state(), SimilarCreatorsList::State::Loaded, kTimeout);
        QVERIFY(!page->list()->creators().isEmpty());
        for (const common::SimilarCreator &creator : page->list()->creators()) {
            QVERIFY(!chosen.contains(creator.influencer.id)); // none of the given creators
        }
        QVERIFY(find<QLabel>(page, u"lookalikesTitle"_s)->text().startsWith(u"Creators like"_s));
        QVERIFY(m_window->breadcrumb().contains(u"Discovery"_s));
        screenshot(stalls, m_window.get(), u"lookalikes"_s);
        // Back returns to the selection.
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), discovery);
        record(stalls);
    }

    void germanScreenshots()
    {
        // Switching the language retranslates every page at once: the test's doing, not a
        // user's flow, so the meter starts after it.
        QVERIFY(m_languages->apply(u"de"_s));
        tests::StallMeter stalls;
        openRecommended();
        QTabWidget *tabs = campaignPage()->tabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(tab())), u"Empfohlen"_s);
        const QString details = tab()->detailsText();
        QVERIFY(details.contains(u"Thema"_s));
        // The server's English sentences are never on screen in German.
        for (const QString &sentence : serverSentences()) {
            QVERIFY2(!details.contains(sentence), qPrintable(sentence));
        }
        QTest::qWait(100);
        screenshot(stalls, m_window.get(), u"recommendations-de"_s);
        record(stalls); // the profile's charts are not measured here (see above)
        openFirstProfile();
        SimilarCreatorsList *similar = m_window->creatorPage()->similarCreators();
        QCOMPARE(similar->table()->horizontalHeaderItem(SimilarCreatorsList::Traits)->text(),
                u"Gemeinsame Merkmale"_s);
        QTest::qWait(100);
        saveScreenshot(m_window.get(), u"similar-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }
};

QTEST_MAIN(TestDesktopRecommendations)
#include "tst_desktop_recommendations.moc"
