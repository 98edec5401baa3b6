// SPDX-License-Identifier: Apache-2.0
// The whole collaboration journey from the app against a real server (offscreen), the brand's
// staff and the creator signing in to the same window one after the other: the brand creates a
// campaign in the dialog and launches it, finds the creator in discovery and invites them
// (Ctrl+I); the creator sees the invitation in the notifications, opens the deal from there
// and counters; the brand accepts the counter (terms frozen) and starts the work; the creator
// submits a draft, the brand asks for changes on the review screen, the creator reads the
// feedback and resubmits, the brand approves, the creator reports the live post and the deal
// completes by itself. Every step checks what the app shows and what the server holds (deal
// state, deliverable, the activity timeline); the GUI thread never freezes waiting; the journey's
// time is measured; a screenshot of the completed deal.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignsModel.h"
#include "campaigns/CampaignsView.h"
#include "deals/OfferDialog.h"
#include "deals/PipelineView.h"
#include "deals/ReviewDialog.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsView.h"
#include "widgets/Names.h"
#include "widgets/OfferEditor.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::ApiClient;
using influence::common::DealState;
using influence::desktop::CampaignDialog;
using influence::desktop::CampaignsModel;
using influence::desktop::CampaignsView;
using influence::desktop::DealView;
using influence::desktop::DiscoveryModel;
using influence::desktop::InviteDialog;
using influence::desktop::NotificationsView;
using influence::desktop::PipelineView;
using influence::tests::eur;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

namespace {

QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

const QString kFeedback = u"Show the boots' logo, see https://brand.example.com/guide"_s;
const QString kLiveUrl = u"https://instagram.com/p/summit-journey"_s;
/// The deal's timeline at the end of the journey, oldest first.
const QStringList kStory{u"deal.invited"_s, u"offer.made"_s, u"offer.accepted"_s, u"deal.started"_s,
        u"deliverable.submitted"_s, u"deliverable.reviewed"_s, u"deliverable.submitted"_s,
        u"deliverable.reviewed"_s, u"payout.scheduled"_s, u"deliverable.live"_s,
        u"deal.completed"_s};

} // namespace

class TestDesktopJourney : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_creatorEmail;
    QString m_brandToken; ///< for the test's own look at the server
    QString m_creatorToken;
    QString m_creatorId;
    QString m_campaignId; ///< created in the dialog
    QString m_dealId; ///< made by the invitation from discovery
    QElapsedTimer m_journey;

    DealView *dealPage() { return m_window->dealPage(); }
    CampaignsView *campaigns() { return m_window->campaignsPage(); }
    QJsonObject dealOnServer() { return get(u"/api/v1/deals/"_s + m_dealId, m_brandToken); }
    QString stateOnServer() { return dealOnServer().value(u"state"_s).toString(); }
    QString deliverableId() { return dealPage()->deal().deliverables.value(0).id; }
    QJsonObject deliverableOnServer()
    {
        return get(u"/api/v1/deliverables/"_s + deliverableId(), m_brandToken);
    }
    QString stateLabel() { return find<QLabel>(u"dealState"_s)->text(); }
    bool visible(const QString &button) { return find<QPushButton>(button)->isVisible(); }
    bool enabled(const QString &button) { return find<QPushButton>(button)->isEnabled(); }

    /// The deal's timeline, as the server lists it (oldest first) and as the page shows it in
    /// its activity tab, is the first `count` events of kStory.
    void timelineIsTheFirst(qsizetype count)
    {
        const QStringList expected = kStory.first(count);
        const auto reply = m_http->get(
                u"/api/v1/deals/%1/events?limit=100"_s.arg(m_dealId), tests::as(m_brandToken));
        QCOMPARE(reply.status, 200);
        QStringList onServer;
        for (const auto &event : reply.json().value(u"items"_s).toArray()) {
            onServer.append(event.toObject().value(u"kind"_s).toString());
        }
        QCOMPARE(onServer, expected);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QStringList shown;
        for (const auto &event : dealPage()->events()) {
            shown.append(event.kind);
        }
        QCOMPARE(shown, expected);
        const auto *activity = find<QListWidget>(u"activityList"_s);
        QCOMPARE(activity->count(), expected.size());
        for (int row = 0; row < activity->count(); ++row) {
            const QString text = activity->item(row)->text();
            QVERIFY2(text.contains(desktop::Names::eventKind(expected.at(row))), qPrintable(text));
        }
    }

    /// The deliverables tab of the open deal: its only deliverable's status and rounds.
    void deliverableShows(const QString &status, const QString &rounds)
    {
        // After a step the page loads again; its buttons follow what has arrived.
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        dealPage()->showTab(DealView::Tab::Deliverables);
        auto *list = find<QTreeWidget>(u"deliverablesList"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(4), status, kTimeout);
        QCOMPARE(list->topLevelItem(0)->text(5), rounds);
    }

    void activateWindow()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    /// Opens the review screen of the deal's deliverable (the brand is signed in).
    desktop::ReviewDialog *openReview()
    {
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        clickWhenEnabled(u"reviewDraftButton"_s);
        desktop::ReviewDialog *review = dealPage()->reviewDialog();
        if (!review || !review->isVisible()) {
            qWarning("the review screen did not open");
            return nullptr;
        }
        return review;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_creatorEmail = signUp(u"influencer"_s);
        QVERIFY(!m_brandEmail.isEmpty() && !m_creatorEmail.isEmpty());
        m_brandToken = login(m_brandEmail);
        m_creatorToken = login(m_creatorEmail);
        QVERIFY(!m_brandToken.isEmpty() && !m_creatorToken.isEmpty());
        // Set-up, not the journey: the brand's company and the creator's public profile.
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        m_creatorId = lenaTravelsProfile(m_creatorToken);
        QVERIFY(!m_creatorId.isEmpty());

        QVERIFY(startApp(QSize(1280, 800)));
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the journey"_s);
        stop();
    }

    void brandCreatesAndLaunchesACampaign()
    {
        m_journey.start();
        tests::StallMeter stalls;
        signInAs(m_brandEmail);
        showPage(campaigns());
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Empty, kTimeout);
        QTest::mouseClick(find<QPushButton>(u"newCampaignButton"_s), Qt::LeftButton);
        CampaignDialog *dialog = campaigns()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        const auto field = [dialog](const QString &name) {
            return dialog->findChild<QLineEdit *>(name);
        };
        QTest::keyClicks(field(u"campaignName"_s), u"Summit journey"_s);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"campaignBrief"_s),
                u"Our boots on an alpine summit at sunrise."_s);
        QTest::keyClicks(field(u"campaignPlatforms"_s), u"instagram"_s);
        QTest::keyClicks(field(u"campaignDeliverableTypes"_s), u"reel"_s);
        QTest::keyClicks(field(u"campaignBudget"_s), u"3000"_s);
        QTest::keyClicks(field(u"campaignStartDate"_s), day(0));
        QTest::keyClicks(field(u"campaignEndDate"_s), day(45));
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(u"saveCampaignButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->dialog(), kTimeout);
        QCOMPARE(campaigns()->state(), CampaignsView::State::Loaded);
        const common::Campaign *created = campaigns()->selected();
        QVERIFY(created);
        m_campaignId = created->id;
        CampaignsModel *model = campaigns()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, CampaignsModel::Status).data().toString(), u"Draft"_s);
        const QJsonObject draft = get(u"/api/v1/campaigns/"_s + m_campaignId, m_brandToken);
        QCOMPARE(draft.value(u"status"_s).toString(), u"draft"_s);
        QCOMPARE(draft.value(u"name"_s).toString(), u"Summit journey"_s);
        QCOMPARE(draft.value(u"budgetMinor"_s).toInteger(), 300000);

        QVERIFY(find<QPushButton>(u"launchCampaignButton"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"launchCampaignButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                model->index(0, CampaignsModel::Status).data().toString(), u"Active"_s, kTimeout);
        QCOMPARE(campaigns()->messageText(), u"“Summit journey” is now Active."_s);
        QVERIFY(!find<QPushButton>(u"launchCampaignButton"_s)->isEnabled());
        QCOMPARE(get(u"/api/v1/campaigns/"_s + m_campaignId, m_brandToken)
                         .value(u"status"_s)
                         .toString(),
                u"active"_s);
        record(stalls);
    }

    void brandInvitesTheCreatorFromDiscovery()
    {
        QVERIFY2(!m_campaignId.isEmpty(), "no campaign: creating it failed");
        tests::StallMeter stalls;
        desktop::DiscoveryView *discovery = m_window->discoveryPage();
        showPage(discovery);
        auto *search = find<QLineEdit>(discovery, u"searchEdit"_s);
        QSignalSpy reset(discovery->model(), &QAbstractItemModel::modelReset);
        search->clear();
        QTest::keyClicks(search, u"Lena"_s);
        QTRY_VERIFY_WITH_TIMEOUT(reset.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(discovery->model()->query().text, u"Lena"_s, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
                discovery->model()->state(), DiscoveryModel::State::Loaded, kTimeout);
        QCOMPARE(discovery->model()->rowCount(), 1);
        QCOMPARE(discovery->model()->index(0, 0).data(DiscoveryModel::IdRole).toString(),
                m_creatorId);

        auto *table = find<QTableView>(discovery, u"discoveryTable"_s);
        auto *invite = find<QPushButton>(discovery, u"inviteButton"_s);
        QVERIFY(!invite->isEnabled());
        // Shortcuts reach only the active window (the campaign dialog was the last one).
        activateWindow();
        table->setFocus();
        table->selectRow(0);
        QVERIFY(invite->isEnabled());
        QTest::keyClick(table, Qt::Key_I, Qt::ControlModifier);
        InviteDialog *dialog = discovery->inviteDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->creatorCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog->campaignId(), m_campaignId);
        // The first offer starts from the campaign: a reel on Instagram, in euros.
        desktop::OfferEditor *editor = dialog->offerEditor();
        QCOMPARE(editor->lineCount(), 1);
        QTest::keyClicks(find<QLineEdit>(editor, u"offerFee"_s), u"500"_s);
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(find<QPushButton>(dialog, u"sendInvitesButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Finished, kTimeout);
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.at(0).at(1).toString(),
                u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaignId));
        QCOMPARE(dialog->invitedCount(), 1);
        QCOMPARE(dialog->outcome(0), InviteDialog::Outcome::Invited);
        QCOMPARE(dialog->resultText(0), u"✓ Invited"_s);

        const QJsonArray deals = get(u"/api/v1/deals?campaign="_s + m_campaignId, m_brandToken)
                                         .value(u"items"_s)
                                         .toArray();
        QCOMPARE(deals.size(), 1);
        m_dealId = deals.at(0).toObject().value(u"id"_s).toString();
        const QJsonObject deal = dealOnServer();
        QCOMPARE(deal.value(u"state"_s).toString(), u"invited"_s);
        QCOMPARE(deal.value(u"influencerId"_s).toString(), m_creatorId);
        const QJsonObject offer = deal.value(u"latestOffer"_s).toObject();
        QCOMPARE(offer.value(u"madeBy"_s).toString(), u"brand"_s);
        QCOMPARE(offer.value(u"feeMinor"_s).toInteger(), 50000);
        QCOMPARE(offer.value(u"deliverables"_s).toArray().size(), 1);

        // After success, the board shows the deal as invited.
        QTest::mouseClick(find<QPushButton>(dialog, u"openBoardButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!discovery->inviteDialog(), kTimeout);
        PipelineView *pipeline = m_window->pipelinePage();
        QCOMPARE(m_window->currentPage(), pipeline);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline->state(), PipelineView::State::Loaded, kTimeout);
        QCOMPARE(pipeline->count(DealState::Invited), 1);
        QVERIFY(pipeline->column(DealState::Invited)->item(0)->text().contains(u"Lena Travels"_s));
        record(stalls);
    }

    void creatorOpensTheInvitationAndCounters()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_creatorEmail);
        // The bell asks at sign-in: the invitation is unread.
        desktop::NotificationBell *bell = m_window->notificationBell();
        QTRY_COMPARE_WITH_TIMEOUT(bell->count(), 1, kTimeout);
        QCOMPARE(bell->text(), u"1"_s);
        activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        NotificationsView *notifications = m_window->notificationsPage();
        QCOMPARE(m_window->currentPage(), notifications);
        QTRY_COMPARE_WITH_TIMEOUT(
                notifications->state(), NotificationsView::State::Loaded, kTimeout);
        QTreeWidget *list = notifications->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(NotificationsView::SentenceColumn),
                u"Alpine Boots invited you to collaborate."_s);
        QCOMPARE(list->topLevelItem(0)->text(NotificationsView::CampaignColumn),
                u"Summit journey"_s);
        QVERIFY(list->topLevelItem(0)->font(0).bold());
        // Enter on it opens the deal and marks it read.
        list->setFocus();
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(dealPage()->deal().id, m_dealId);
        QTRY_COMPARE_WITH_TIMEOUT(bell->count(), 0, kTimeout);
        QCOMPARE(m_http->get(u"/api/v1/notifications/unread-count"_s, tests::as(m_creatorToken))
                         .json()
                         .value(u"count"_s)
                         .toInt(-1),
                0);

        QCOMPARE(dealPage()->side(), common::DealSide::Creator);
        dealPage()->showTab(DealView::Tab::Negotiation);
        QCOMPARE(stateLabel(), u"State: Invited"_s);
        QVERIFY(find<QLabel>(u"dealParties"_s)->text().contains(u"Alpine Boots"_s));
        auto *offers = find<QTreeWidget>(u"offerTimeline"_s);
        QCOMPARE(offers->topLevelItemCount(), 1);
        QCOMPARE(offers->topLevelItem(0)->text(2), eur(50000));
        QVERIFY(enabled(u"acceptOfferButton"_s));
        QVERIFY(enabled(u"counterOfferButton"_s));
        QVERIFY(!visible(u"startDealButton"_s));
        timelineIsTheFirst(1);

        // The counter: the same reel, for 650.
        QTest::mouseClick(find<QPushButton>(u"counterOfferButton"_s), Qt::LeftButton);
        desktop::OfferDialog *dialog = dealPage()->offerDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->lineCount(), 1);
        auto *fee = dialog->findChild<QLineEdit *>(u"offerFee"_s);
        fee->clear();
        QTest::keyClicks(fee, u"650"_s);
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendOfferButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.at(0).at(1).toString(), u"/api/v1/deals/%1/offers"_s.arg(m_dealId));
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->offerDialog(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Negotiating, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(stateLabel(), u"State: Negotiating"_s);
        QCOMPARE(offers->topLevelItemCount(), 2);
        QCOMPARE(offers->topLevelItem(0)->text(4), u"Countered"_s);
        QCOMPARE(offers->topLevelItem(1)->text(2), eur(65000));
        // Now it is the brand's turn.
        QVERIFY(!enabled(u"acceptOfferButton"_s));
        QVERIFY(!enabled(u"counterOfferButton"_s));
        const QJsonObject deal = dealOnServer();
        QCOMPARE(deal.value(u"state"_s).toString(), u"negotiating"_s);
        QCOMPARE(deal.value(u"latestOffer"_s).toObject().value(u"madeBy"_s).toString(),
                u"creator"_s);
        QCOMPARE(deal.value(u"latestOffer"_s).toObject().value(u"feeMinor"_s).toInteger(), 65000);
        timelineIsTheFirst(2);
        record(stalls);
    }

    void brandAcceptsTheCounter()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_brandEmail);
        openDeal(m_dealId);
        QCOMPARE(dealPage()->side(), common::DealSide::Brand);
        dealPage()->showTab(DealView::Tab::Negotiation);
        QCOMPARE(stateLabel(), u"State: Negotiating"_s);
        auto *offers = find<QTreeWidget>(u"offerTimeline"_s);
        QCOMPARE(offers->topLevelItemCount(), 2);
        QCOMPARE(offers->topLevelItem(1)->text(2), eur(65000));
        QCOMPARE(offers->topLevelItem(1)->text(4), u"Open"_s);
        QVERIFY(find<QLabel>(u"dealTerms"_s)->text().startsWith(u"Nothing agreed yet"_s));
        QVERIFY(enabled(u"acceptOfferButton"_s));

        QTest::mouseClick(find<QPushButton>(u"acceptOfferButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Accepted, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(dealPage()->messageText(), u"You accepted the offer. The terms are now frozen."_s);
        QCOMPARE(stateLabel(), u"State: Accepted"_s);
        const QString terms = find<QLabel>(u"dealTerms"_s)->text();
        QVERIFY2(terms.contains(u"Fee: "_s + eur(65000)), qPrintable(terms));
        QVERIFY(!visible(u"acceptOfferButton"_s));
        QVERIFY(visible(u"startDealButton"_s) && enabled(u"startDealButton"_s));
        // The terms are frozen on the server: the accepted counter's.
        const QJsonObject deal = dealOnServer();
        QCOMPARE(deal.value(u"state"_s).toString(), u"accepted"_s);
        QCOMPARE(deal.value(u"terms"_s).toObject().value(u"feeMinor"_s).toInteger(), 65000);
        QCOMPARE(deal.value(u"terms"_s).toObject().value(u"offerId"_s).toString(),
                dealPage()->deal().offers.last().id);
        QCOMPARE(deal.value(u"deliverables"_s).toArray().size(), 1);
        timelineIsTheFirst(3);
        record(stalls);
    }

    void brandStartsTheWork()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        clickWhenEnabled(u"startDealButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"Work on the deal has started."_s, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::InProgress, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(stateLabel(), u"State: In progress"_s);
        QVERIFY(!visible(u"startDealButton"_s));
        QCOMPARE(stateOnServer(), u"in_progress"_s);
        timelineIsTheFirst(4);
        // Nothing to review yet.
        deliverableShows(u"Pending"_s, u"0 of 2"_s);
        QVERIFY(visible(u"reviewDraftButton"_s) && !enabled(u"reviewDraftButton"_s));
        record(stalls);
    }

    void creatorSubmitsADraft()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_creatorEmail);
        openDeal(m_dealId);
        QCOMPARE(stateLabel(), u"State: In progress"_s);
        deliverableShows(u"Pending"_s, u"0 of 2"_s);
        QVERIFY(!enabled(u"submitLiveButton"_s));
        QTest::keyClicks(find<QPlainTextEdit>(u"draftCaption"_s), u"First draft at sunrise"_s);
        find<QLineEdit>(u"draftMedia"_s)->setText(u"https://cdn.example.com/first.jpg"_s);
        clickWhenEnabled(u"submitDraftButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"Your draft was submitted for review."_s, kTimeout);
        deliverableShows(u"In review"_s, u"0 of 2"_s);
        QVERIFY(!enabled(u"submitDraftButton"_s));
        const QJsonObject item = deliverableOnServer();
        QCOMPARE(item.value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(item.value(u"latestVersion"_s).toInt(), 1);
        QCOMPARE(stateOnServer(), u"in_progress"_s);
        timelineIsTheFirst(5);
        record(stalls);
    }

    void brandRequestsChanges()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_brandEmail);
        desktop::ReviewDialog *review = openReview();
        QVERIFY(review);
        QVERIFY(review->currentText().contains(u"First draft at sunrise"_s));
        QCOMPARE(review->findChild<QLabel *>(u"reviewRounds"_s)->text(),
                u"Revision rounds used: 0 of 2"_s);
        QTest::keyClicks(review->findChild<QPlainTextEdit *>(u"reviewFeedback"_s), kFeedback);
        QTest::mouseClick(
                review->findChild<QPushButton *>(u"requestChangesButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->reviewDialog(), kTimeout);
        QCOMPARE(dealPage()->messageText(), u"Changes were requested; the creator is notified."_s);
        deliverableShows(u"Changes requested"_s, u"1 of 2"_s);
        QVERIFY(!enabled(u"reviewDraftButton"_s));
        const QJsonObject item = deliverableOnServer();
        QCOMPARE(item.value(u"status"_s).toString(), u"changes_requested"_s);
        QCOMPARE(item.value(u"revisionsUsed"_s).toInt(), 1);
        QCOMPARE(stateOnServer(), u"in_progress"_s);
        timelineIsTheFirst(6);
        record(stalls);
    }

    void creatorReadsTheFeedbackAndResubmits()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_creatorEmail);
        openDeal(m_dealId);
        deliverableShows(u"Changes requested"_s, u"1 of 2"_s);
        auto *versions = find<QTextBrowser>(u"deliverableVersions"_s);
        QVERIFY2(versions->toPlainText().contains(u"Changes requested: "_s + kFeedback),
                qPrintable(versions->toPlainText()));
        QVERIFY(versions->toHtml().contains(u"href=\"https://brand.example.com/guide\""_s));
        QTest::keyClicks(find<QPlainTextEdit>(u"draftCaption"_s), u"Second draft, logo in view"_s);
        clickWhenEnabled(u"submitDraftButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"Your draft was submitted for review."_s, kTimeout);
        deliverableShows(u"In review"_s, u"1 of 2"_s);
        const QJsonObject item = deliverableOnServer();
        QCOMPARE(item.value(u"status"_s).toString(), u"in_review"_s);
        QCOMPARE(item.value(u"latestVersion"_s).toInt(), 2);
        timelineIsTheFirst(7);
        record(stalls);
    }

    void brandApproves()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_brandEmail);
        desktop::ReviewDialog *review = openReview();
        QVERIFY(review);
        // Side by side: the version in review and the one before, with the feedback so far.
        QVERIFY(review->currentText().contains(u"Second draft, logo in view"_s));
        QVERIFY(review->previousText().contains(u"First draft at sunrise"_s));
        QVERIFY(review->historyText().contains(u"Show the boots' logo"_s));
        QTest::mouseClick(review->findChild<QPushButton *>(u"approveButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->reviewDialog(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->messageText(),
                u"The draft is approved; the creator is notified."_s, kTimeout);
        deliverableShows(u"Approved"_s, u"1 of 2"_s);
        QCOMPARE(deliverableOnServer().value(u"status"_s).toString(), u"approved"_s);
        QCOMPARE(stateOnServer(), u"in_progress"_s);
        timelineIsTheFirst(8);
        record(stalls);
    }

    void creatorReportsTheLivePostAndTheDealCompletes()
    {
        QVERIFY2(!m_dealId.isEmpty(), "no deal: the invitation failed");
        tests::StallMeter stalls;
        signInAs(m_creatorEmail);
        openDeal(m_dealId);
        deliverableShows(u"Approved"_s, u"1 of 2"_s);
        QVERIFY(!enabled(u"submitDraftButton"_s));
        QTest::keyClicks(find<QLineEdit>(u"liveUrl"_s), kLiveUrl);
        clickWhenEnabled(u"submitLiveButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"The live post is recorded."_s, kTimeout);
        // The last deliverable live completes the deal, without anyone pressing Complete.
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Completed, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(stateLabel(), u"State: Completed"_s);
        deliverableShows(u"Live"_s, u"1 of 2"_s);
        QCOMPARE(find<QTreeWidget>(u"deliverablesList"_s)->topLevelItem(0)->text(6), kLiveUrl);
        QVERIFY(!enabled(u"submitLiveButton"_s));
        dealPage()->showTab(DealView::Tab::Negotiation);
        QVERIFY(find<QLabel>(u"dealTerms"_s)->text().contains(u"Fee: "_s + eur(65000)));
        for (const QString &button : {u"startDealButton"_s, u"completeDealButton"_s,
                     u"withdrawDealButton"_s, u"cancelDealButton"_s}) {
            QVERIFY2(!visible(button), qPrintable(button));
        }
        const QJsonObject item = deliverableOnServer();
        QCOMPARE(item.value(u"status"_s).toString(), u"live"_s);
        QCOMPARE(item.value(u"liveUrl"_s).toString(), kLiveUrl);
        const QJsonObject deal = dealOnServer();
        QCOMPARE(deal.value(u"state"_s).toString(), u"completed"_s);
        QVERIFY(!deal.value(u"completedAt"_s).toString().isEmpty());
        // Live is the default payment condition: the fee became payable (issue 18), recorded
        // in the same step as the live post, just before it.
        timelineIsTheFirst(11);
        record(stalls);
        const qint64 journey = m_journey.elapsed();

        dealPage()->showTab(DealView::Tab::Activity);
        saveScreenshot(m_window.get(), u"journey-completed"_s);
        qCInfo(tests::measurements,
                "MEASURE the whole journey in the app (campaign, invitation, counter, accept, "
                "start, draft, changes, draft, approval, live; the two users signing in 7 times; "
                "every step checked on the server): %lld ms",
                journey);
    }
};

QTEST_MAIN(TestDesktopJourney)
#include "tst_desktop_journey.moc"
