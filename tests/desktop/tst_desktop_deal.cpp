// SPDX-License-Identifier: Apache-2.0
// The deal page against a real server (offscreen), with the brand and the creator signing in to
// the same app one after the other: a counter-offer round trip (the creator counters in the
// dialog, the brand sees it in the offer timeline and accepts: terms frozen); a request-changes
// round trip (draft from the app, changes requested with feedback on the review screen, the
// creator reads the feedback and resubmits, the brand approves, the creator reports the live
// post); messages written by one side appear for the other. Screenshots of the deal page and
// the review screen; the time to open a deal with 50 messages and 10 versions is measured.
#include "DesktopTestSupport.h"
#include "core/db/Connection.h"
#include "core/db/DatabaseUrl.h"
#include "deals/OfferDialog.h"
#include "deals/PipelineView.h"
#include "deals/ReviewDialog.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::ApiClient;
using influence::common::DealState;
using influence::desktop::DealView;
using influence::desktop::MainWindow;
using influence::desktop::PipelineView;
using influence::desktop::Session;
using influence::tests::eur;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

class TestDesktopDeal : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_creatorEmail;
    QString m_brandToken;
    QString m_creatorToken;
    QString m_creatorId;
    QString m_dealId; ///< invited over HTTP, then negotiated and delivered in the app
    QString m_busyDeal; ///< 50 messages, 10 versions
    int m_counter = 0;

    DealView *dealPage() { return m_window->dealPage(); }
    QJsonObject dealOnServer(const QString &id)
    {
        return get(u"/api/v1/deals/"_s + id, m_brandToken);
    }
    QJsonObject deliverableOnServer(const QString &id)
    {
        return get(u"/api/v1/deliverables/"_s + id, m_brandToken);
    }
    QString launchedCampaign()
    {
        const QJsonObject body{{u"name"_s, u"Deal campaign %1"_s.arg(++m_counter)},
                {u"brief"_s, u"Summit photos."_s}, {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 300000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString id =
                post(u"/api/v1/campaigns"_s, m_brandToken, body).json().value(u"id"_s).toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brandToken);
        return id;
    }
    QString firstDeliverable() { return dealPage()->deal().deliverables.value(0).id; }
    /// The brand invites the creator to a new campaign; answers the deal.
    QString invitedDeal(qint64 fee)
    {
        const QString campaign = launchedCampaign();
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brandToken,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, tests::reelOffer(fee, 1)}});
        if (invited.status != 201) {
            qWarning("the invitation: %d %s", invited.status, invited.body.constData());
            return {};
        }
        return invited.json().value(u"id"_s).toString();
    }
    /// Each entry of the open deal's activity names who acted: "You" for the signed-in user,
    /// else the creator's or the brand's name, whatever order the deal and its events came in.
    void activityNamesTheActors()
    {
        const auto *activity = find<QListWidget>(u"activityList"_s);
        const auto &events = dealPage()->events();
        const common::Deal &deal = dealPage()->deal();
        const QString me = m_session->user().id.toString(QUuid::WithoutBraces);
        QCOMPARE(activity->count(), events.size());
        bool creatorCountered = false;
        for (int row = 0; row < activity->count(); ++row) {
            const QString actor = events.at(row).actorId;
            const QString expected = actor == me ? u"You"_s
                    : actor == deal.influencerId ? u"Lena Travels"_s
                                                 : u"Alpine Boots"_s;
            creatorCountered = creatorCountered
                    || (events.at(row).kind == u"offer.made"_s && actor == deal.influencerId);
            const QString text = activity->item(row)->text();
            QVERIFY2(text.endsWith(u" — "_s + expected),
                    qPrintable(u"%1 (expected %2)"_s.arg(text, expected)));
        }
        QVERIFY(creatorCountered);
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
        m_creatorId = lenaTravelsProfile(m_creatorToken);
        QVERIFY(!m_creatorId.isEmpty());
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));

        const QString campaign = launchedCampaign();
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brandToken,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, tests::reelOffer(50000, 1)}});
        QCOMPARE(invited.status, 201);
        m_dealId = invited.json().value(u"id"_s).toString();

        QVERIFY(startApp(QSize(1280, 800)));
    }

    void cleanupTestCase()
    {
        reportStalls(u"on the deal page"_s);
        stop();
    }

    void emptyDealPageHasNothingToRefresh()
    {
        // No deal open yet: the page says where deals are opened, and Refresh has nothing to do.
        QVERIFY(dealPage()->dealId().isEmpty());
        QCOMPARE(dealPage()->state(), DealView::State::Idle);
        QVERIFY(!find<QPushButton>(u"reloadDealButton"_s)->isEnabled());
        QCOMPARE(find<QLabel>(u"dealEmpty"_s)->text(), u"Open a deal from the pipeline board."_s);
    }

    void creatorCountersFromTheBoard()
    {
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        // Enter on the card in the pipeline opens the deal.
        PipelineView *pipeline = m_window->pipelinePage();
        auto *pages = find<QWidget>(u"pages"_s);
        m_window->showPage(pages->layout()->indexOf(pipeline));
        QTRY_COMPARE_WITH_TIMEOUT(pipeline->state(), PipelineView::State::Loaded, kTimeout);
        QListWidget *invited = pipeline->column(DealState::Invited);
        QCOMPARE(invited->count(), 1);
        invited->setFocus();
        invited->setCurrentRow(0);
        QTest::keyClick(invited, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(dealPage()->deal().id, m_dealId);
        QCOMPARE(dealPage()->side(), common::DealSide::Creator);
        QCOMPARE(find<QLabel>(u"dealState"_s)->text(), u"State: Invited"_s);
        QVERIFY(find<QLabel>(u"dealParties"_s)->text().contains(u"Alpine Boots"_s));
        auto *timeline = find<QTreeWidget>(u"offerTimeline"_s);
        QCOMPARE(timeline->topLevelItemCount(), 1);
        QVERIFY(timeline->topLevelItem(0)->text(1).startsWith(u"Brand"_s));
        QCOMPARE(timeline->topLevelItem(0)->text(2), eur(50000));
        // The creator may answer the brand's offer; only the brand completes or cancels.
        QVERIFY(find<QPushButton>(u"acceptOfferButton"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"counterOfferButton"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"withdrawDealButton"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"cancelDealButton"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"startDealButton"_s)->isVisible());

        QTest::mouseClick(find<QPushButton>(u"counterOfferButton"_s), Qt::LeftButton);
        desktop::OfferDialog *dialog = dealPage()->offerDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->lineCount(), 1);
        auto *fee = dialog->findChild<QLineEdit *>(u"offerFee"_s);
        QCOMPARE(fee->text(), u"500"_s + QLocale().decimalPoint() + u"00"_s);
        // An amount that is not one is refused before anything is sent.
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        // The brand's terms sent back unchanged are no counter: the dialog offers to accept.
        auto *send = dialog->findChild<QPushButton *>(u"sendOfferButton"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QVERIFY2(dialog->statusText().contains(u"terms of the offer on the table"_s),
                qPrintable(dialog->statusText()));
        QVERIFY(dialog->findChild<QPushButton *>(u"acceptInsteadButton"_s)->isVisible());
        fee->setText(u"six hundred"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendOfferButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QVERIFY(dialog->statusText().startsWith(u"Type the fee as an amount"_s));
        // Two reels instead of one, for 650.
        common::OfferLine line;
        line.type = common::DeliverableType::Reel;
        line.platform = common::Platform::Instagram;
        line.quantity = 2;
        // A due date that has passed is sent only when the user insists.
        line.dueDate = QDate::currentDate().addDays(-2);
        dialog->setLine(0, line);
        fee->clear();
        QTest::keyClicks(fee, u"650"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QVERIFY2(dialog->statusText().startsWith(u"1 due date already passed: "_s),
                qPrintable(dialog->statusText()));
        QCOMPARE(send->text(), u"Send &anyway"_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"acceptInsteadButton"_s)->isVisible());
        line.dueDate = QDate::currentDate().addDays(21);
        dialog->setLine(0, line);
        fee->clear();
        QTest::keyClicks(fee, u"650"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendOfferButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.at(0).at(1).toString(), u"/api/v1/deals/%1/offers"_s.arg(m_dealId));
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->offerDialog(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Negotiating, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(dealOnServer(m_dealId).value(u"state"_s).toString(), u"negotiating"_s);
        QCOMPARE(timeline->topLevelItemCount(), 2);
        QVERIFY(timeline->topLevelItem(1)->text(1).startsWith(u"Creator (Lena Travels)"_s));
        QCOMPARE(timeline->topLevelItem(0)->text(4), u"Countered"_s);
        // Now it is the brand's turn: the creator cannot answer its own offer.
        QVERIFY(!find<QPushButton>(u"acceptOfferButton"_s)->isEnabled());
        QVERIFY(!find<QPushButton>(u"counterOfferButton"_s)->isEnabled());
        record(stalls);
    }

    void brandSeesTheCounterAndAccepts()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        QCOMPARE(dealPage()->side(), common::DealSide::Brand);
        auto *timeline = find<QTreeWidget>(u"offerTimeline"_s);
        QCOMPARE(timeline->topLevelItemCount(), 2);
        QTreeWidgetItem *counter = timeline->topLevelItem(1);
        QCOMPARE(counter->text(2), eur(65000));
        QVERIFY2(counter->text(3).startsWith(u"2 × Reel on Instagram"_s),
                qPrintable(counter->text(3)));
        QCOMPARE(counter->text(4), u"Open"_s);
        QVERIFY(find<QLabel>(u"dealTerms"_s)->text().startsWith(u"Nothing agreed yet"_s));
        QVERIFY(find<QPushButton>(u"acceptOfferButton"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"withdrawDealButton"_s)->isVisible());

        QTest::mouseClick(find<QPushButton>(u"acceptOfferButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Accepted, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        const QJsonObject deal = dealOnServer(m_dealId);
        QCOMPARE(deal.value(u"state"_s).toString(), u"accepted"_s);
        QCOMPARE(deal.value(u"terms"_s).toObject().value(u"feeMinor"_s).toInteger(), 65000);
        QCOMPARE(deal.value(u"terms"_s).toObject().value(u"offerId"_s).toString(),
                dealPage()->deal().offers.last().id);
        const QString terms = find<QLabel>(u"dealTerms"_s)->text();
        QVERIFY2(terms.contains(u"Fee: "_s + eur(65000)), qPrintable(terms));
        QVERIFY2(terms.contains(u"Revision rounds: 1"_s), qPrintable(terms));
        QCOMPARE(dealPage()->messageText(), u"You accepted the offer. The terms are now frozen."_s);
        // Negotiation is over; the brand may start, complete or cancel.
        QVERIFY(!find<QPushButton>(u"acceptOfferButton"_s)->isVisible());
        QVERIFY(find<QPushButton>(u"startDealButton"_s)->isVisible());
        QVERIFY(find<QPushButton>(u"cancelDealButton"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"withdrawDealButton"_s)->isVisible());
        QCOMPARE(dealPage()->deal().deliverables.size(), 2);
        // Both reels are still to come: completing is shown, not offered, and says why.
        auto *complete = find<QPushButton>(u"completeDealButton"_s);
        QVERIFY(complete->isVisible());
        QVERIFY(!complete->isEnabled());
        QVERIFY2(complete->toolTip().startsWith(u"2 deliverables are not approved or live yet"_s),
                qPrintable(complete->toolTip()));
        record(stalls);
        saveScreenshot(m_window.get(), u"deal-detail"_s);
    }

    void creatorSubmitsADraft()
    {
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        auto *list = find<QTreeWidget>(u"deliverablesList"_s);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(4), u"Pending"_s);
        QVERIFY(find<QWidget>(u"draftBox"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"reviewDraftButton"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"submitLiveButton"_s)->isEnabled());

        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        find<QLineEdit>(u"draftMedia"_s)->setText(u"http://insecure.example.com/a.jpg"_s);
        QTest::mouseClick(find<QPushButton>(u"submitDraftButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(dealPage()->messageText(), u"Media must be https addresses (at most 20)."_s);
        QTest::keyClicks(find<QPlainTextEdit>(u"draftCaption"_s), u"First draft at sunrise"_s);
        find<QLineEdit>(u"draftMedia"_s)->setText(u"https://cdn.example.com/first.jpg"_s);
        QTest::keyClicks(find<QLineEdit>(u"draftNotes"_s), u"Colour grading to follow."_s);
        clickWhenEnabled(u"submitDraftButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"Your draft was submitted for review."_s, kTimeout);
        QCOMPARE(deliverableOnServer(firstDeliverable()).value(u"status"_s).toString(),
                u"in_review"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(4), u"In review"_s, kTimeout);
        // The first draft started the work.
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::InProgress, kTimeout);
        record(stalls);
    }

    void brandRequestsChanges()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        clickWhenEnabled(u"reviewDraftButton"_s);
        desktop::ReviewDialog *review = dealPage()->reviewDialog();
        QVERIFY(review && review->isVisible());
        QVERIFY(review->currentText().contains(u"First draft at sunrise"_s));
        QVERIFY(review->previousText().isEmpty());
        QCOMPARE(review->findChild<QLabel *>(u"reviewRounds"_s)->text(),
                u"Revision rounds used: 0 of 1"_s);
        // Feedback is required to ask for changes: nothing is sent without it.
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(
                review->findChild<QPushButton *>(u"requestChangesButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(review->statusText(), u"Please say what should change."_s);
        QTest::keyClicks(review->findChild<QPlainTextEdit *>(u"reviewFeedback"_s),
                u"Show the boots' logo, see https://brand.example.com/guide"_s);
        QTest::mouseClick(
                review->findChild<QPushButton *>(u"requestChangesButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->reviewDialog(), kTimeout);
        const QJsonObject item = deliverableOnServer(firstDeliverable());
        QCOMPARE(item.value(u"status"_s).toString(), u"changes_requested"_s);
        QCOMPARE(item.value(u"revisionsUsed"_s).toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(find<QTreeWidget>(u"deliverablesList"_s)->topLevelItem(0)->text(5), u"1 of 1"_s);
        record(stalls);
    }

    void creatorReadsTheFeedbackAndResubmits()
    {
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        const QString versions = find<QTextBrowser>(u"deliverableVersions"_s)->toPlainText();
        QVERIFY2(versions.contains(u"Changes requested: Show the boots' logo"_s),
                qPrintable(versions));
        QVERIFY(find<QTextBrowser>(u"deliverableVersions"_s)
                        ->toHtml()
                        .contains(u"href=\"https://brand.example.com/guide\""_s));
        QTest::keyClicks(find<QPlainTextEdit>(u"draftCaption"_s), u"Second draft, logo in view"_s);
        clickWhenEnabled(u"submitDraftButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"Your draft was submitted for review."_s, kTimeout);
        QCOMPARE(deliverableOnServer(firstDeliverable()).value(u"latestVersion"_s).toInt(), 2);
        record(stalls);
    }

    void brandApprovesOnTheReviewScreen()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        clickWhenEnabled(u"reviewDraftButton"_s);
        desktop::ReviewDialog *review = dealPage()->reviewDialog();
        QVERIFY(review && review->isVisible());
        // Side by side: the version in review and the one before, with the feedback so far.
        QVERIFY(review->currentText().contains(u"Second draft, logo in view"_s));
        QVERIFY(review->previousText().contains(u"First draft at sunrise"_s));
        QVERIFY(review->historyText().contains(u"Show the boots' logo"_s));
        QVERIFY(review->findChild<QTextBrowser *>(u"reviewHistory"_s)
                        ->toHtml()
                        .contains(u"href=\"https://brand.example.com/guide\""_s));
        // No rounds left: asking for changes again is not offered.
        QVERIFY(!review->findChild<QPushButton *>(u"requestChangesButton"_s)->isEnabled());
        saveScreenshot(review, u"review-screen"_s);
        QTest::mouseClick(review->findChild<QPushButton *>(u"approveButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->reviewDialog(), kTimeout);
        QCOMPARE(deliverableOnServer(firstDeliverable()).value(u"status"_s).toString(),
                u"approved"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->messageText(),
                u"The draft is approved; the creator is notified."_s, kTimeout);
        record(stalls);
    }

    void creatorReportsTheLivePost()
    {
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        openDeal(m_dealId);
        dealPage()->showTab(DealView::Tab::Deliverables);
        QVERIFY(!find<QPushButton>(u"submitDraftButton"_s)->isEnabled());
        QTest::keyClicks(find<QLineEdit>(u"liveUrl"_s), u"https://instagram.com/p/summit1"_s);
        clickWhenEnabled(u"submitLiveButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                dealPage()->messageText(), u"The live post is recorded."_s, kTimeout);
        const QJsonObject item = deliverableOnServer(firstDeliverable());
        QCOMPARE(item.value(u"status"_s).toString(), u"live"_s);
        QCOMPARE(item.value(u"liveUrl"_s).toString(), u"https://instagram.com/p/summit1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                find<QTreeWidget>(u"deliverablesList"_s)->topLevelItem(0)->text(6),
                u"https://instagram.com/p/summit1"_s, kTimeout);
        // The activity timeline has the whole story.
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QStringList kinds;
        for (const auto &event : dealPage()->events()) {
            kinds.append(event.kind);
        }
        QCOMPARE(kinds.count(u"deliverable.submitted"_s), 2);
        QVERIFY(kinds.contains(u"deliverable.live"_s));
        QVERIFY(kinds.contains(u"offer.accepted"_s));
        const auto *activity = find<QListWidget>(u"activityList"_s);
        QCOMPARE(activity->count(), kinds.size());
        QVERIFY(activity->item(activity->count() - 1)->text().contains(u"Post live"_s));
        activityNamesTheActors();
        record(stalls);
    }

    void messagesReachTheOtherSide()
    {
        // The creator is still signed in and writes first.
        tests::StallMeter stalls;
        dealPage()->showTab(DealView::Tab::Messages);
        auto *input = find<QPlainTextEdit>(u"messageInput"_s);
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(find<QPushButton>(u"sendMessageButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(dealPage()->messageText(), u"Write something first."_s);
        QTest::keyClicks(input, u"Live now! Stats at https://stats.example.com/summit1"_s);
        QTest::mouseClick(find<QPushButton>(u"sendMessageButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->messageText(), u"Message sent."_s, kTimeout);
        QVERIFY(input->toPlainText().isEmpty());
        QCOMPARE(dealPage()->messages().last().body,
                u"Live now! Stats at https://stats.example.com/summit1"_s);

        signInAs(m_brandEmail);
        openDeal(m_dealId);
        activityNamesTheActors();
        dealPage()->showTab(DealView::Tab::Messages);
        auto *thread = find<QTextBrowser>(u"messageThread"_s);
        QVERIFY(thread->toPlainText().contains(u"Live now! Stats at"_s));
        QVERIFY(thread->toHtml().contains(u"href=\"https://stats.example.com/summit1\""_s));
        QTest::keyClicks(input, u"Great, thank you!"_s);
        QTest::mouseClick(find<QPushButton>(u"sendMessageButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->messageText(), u"Message sent."_s, kTimeout);

        signInAs(m_creatorEmail);
        openDeal(m_dealId);
        // Newest at the bottom.
        QCOMPARE(dealPage()->messages().size(), 2);
        QCOMPARE(dealPage()->messages().last().body, u"Great, thank you!"_s);
        QVERIFY(thread->toPlainText().trimmed().endsWith(u"Great, thank you!"_s));
        record(stalls);
    }

    void openingABusyDeal()
    {
        // A deal with 50 messages and a deliverable with 10 versions, made over HTTP.
        const QString campaign = launchedCampaign();
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), m_brandToken,
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, tests::reelOffer(90000, 10)}});
        QCOMPARE(invited.status, 201);
        const QString deal = invited.json().value(u"id"_s).toString();
        const QString offerId =
                invited.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        const auto accepted =
                post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_creatorToken);
        QCOMPARE(accepted.status, 200);
        const QString item = accepted.json()
                                     .value(u"deliverables"_s)
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(u"id"_s)
                                     .toString();
        const QString base = u"/api/v1/deliverables/"_s + item;
        for (int version = 1; version <= 10; ++version) {
            QCOMPARE(post(base + u"/versions"_s, m_creatorToken,
                             {{u"caption"_s, u"Draft %1"_s.arg(version)}})
                             .status,
                    201);
            if (version < 10) {
                QCOMPARE(post(base + u"/versions/%1/review"_s.arg(version), m_brandToken,
                                 {{u"decision"_s, u"changes_requested"_s},
                                         {u"feedback"_s, u"Round %1: brighter."_s.arg(version)}})
                                 .status,
                        200);
            }
        }
        for (int i = 1; i <= 50; ++i) {
            QCOMPARE(post(u"/api/v1/deals/%1/messages"_s.arg(deal),
                             i % 2 ? m_brandToken : m_creatorToken,
                             {{u"body"_s, u"Message %1"_s.arg(i)}})
                             .status,
                    201);
        }

        // The creator is signed in; the measurement is from asking until the page is complete.
        tests::StallMeter stalls;
        QElapsedTimer timer;
        timer.start();
        m_window->openDeal(deal);
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        const qint64 elapsed = timer.elapsed();
        qCInfo(tests::measurements,
                "MEASURE open a deal with 50 messages and 10 versions (deal, first 25 messages, "
                "%d events, deliverable with versions) until fully shown: %lld ms",
                static_cast<int>(dealPage()->events().size()), elapsed);
        QCOMPARE(dealPage()->deal().id, deal);
        QCOMPARE(dealPage()->messages().size(), 25);
        QCOMPARE(dealPage()->messages().last().body, u"Message 50"_s);
        QCOMPARE(dealPage()->deliverable().versions.size(), 10);
        // Older messages page in above.
        auto *older = find<QPushButton>(u"olderMessagesButton"_s);
        dealPage()->showTab(DealView::Tab::Messages);
        QVERIFY(older->isVisible());
        QTest::mouseClick(older, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->messages().size(), 50, kTimeout);
        QCOMPARE(dealPage()->messages().first().body, u"Message 1"_s);
        QVERIFY(!older->isVisible());
        record(stalls);
        m_busyDeal = deal;
    }

    void leavingThePageAbortsItsRequests()
    {
        QVERIFY(!m_busyDeal.isEmpty());
        tests::StallMeter stalls;
        QSignalSpy aborted(m_api.get(), &ApiClient::callAborted);
        m_window->openDeal(m_dealId);
        QCOMPARE(dealPage()->state(), DealView::State::Loading);
        auto *pages = find<QWidget>(u"pages"_s);
        m_window->showPage(pages->layout()->indexOf(m_window->pipelinePage()));
        QVERIFY(aborted.count() >= 1);
        QVERIFY(aborted.at(0).at(0).toString().startsWith(u"/api/v1/deals/"_s + m_dealId));
        QCOMPARE(dealPage()->state(), DealView::State::Idle);
        // Coming back (through the sidebar) loads it again.
        m_window->showPage(pages->layout()->indexOf(dealPage()));
        QTRY_VERIFY_WITH_TIMEOUT(dealPage()->isComplete(), kTimeout);
        QCOMPARE(dealPage()->deal().id, m_dealId);
        record(stalls);
    }

    void sameTermsBackAreAnAcceptance()
    {
        const QString deal = invitedDeal(70000);
        QVERIFY(!deal.isEmpty());
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        openDeal(deal);
        clickWhenEnabled(u"counterOfferButton"_s);
        desktop::OfferDialog *dialog = dealPage()->offerDialog();
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendOfferButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        auto *accept = dialog->findChild<QPushButton *>(u"acceptInsteadButton"_s);
        QVERIFY(accept->isVisible());
        QTest::mouseClick(accept, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dealPage()->offerDialog(), kTimeout);
        QCOMPARE(requests.count(), 1);
        QVERIFY(requests.at(0).at(1).toString().endsWith(u"/accept"_s));
        QTRY_COMPARE_WITH_TIMEOUT(dealPage()->deal().state, DealState::Accepted, kTimeout);
        QCOMPARE(dealOnServer(deal).value(u"state"_s).toString(), u"accepted"_s);
        record(stalls);
    }

    void lastChangeIsWhenTheDealLastMoved()
    {
        // A deal invited three weeks ago whose row was written again today, as the demo data's
        // are (the updated_at trigger stamps every write): it last moved three weeks ago.
        const QString deal = invitedDeal(40000);
        QVERIFY(!deal.isEmpty());
        auto settings = std::make_shared<server::db::ConnectionSettings>();
        const auto url = server::db::DatabaseUrl::parse(m_server->databaseUrl());
        QVERIFY(url);
        settings->url = *url;
        server::db::Connection db(settings, u"desktop-deal-test"_s);
        QVERIFY(db.execDirect(u"UPDATE offers SET created_at = now() - interval '21 days' "
                              "WHERE deal_id = '%1';"
                              "UPDATE deals SET created_at = now() - interval '21 days' "
                              "WHERE id = '%1'"_s.arg(deal)));
        const QJsonObject onServer = dealOnServer(deal);
        const QDateTime invited = QDateTime::fromString(
                onServer.value(u"latestOffer"_s).toObject().value(u"createdAt"_s).toString(),
                Qt::ISODateWithMs);
        QVERIFY(invited.daysTo(QDateTime::currentDateTimeUtc()) >= 20);

        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        PipelineView *pipeline = m_window->pipelinePage();
        auto *pages = find<QWidget>(u"pages"_s);
        m_window->showPage(pages->layout()->indexOf(pipeline));
        pipeline->setView(PipelineView::View::Table);
        pipeline->setCampaignFilter(onServer.value(u"campaignId"_s).toString());
        QTRY_COMPARE_WITH_TIMEOUT(pipeline->state(), PipelineView::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline->deals().size(), 1, kTimeout);
        auto *table = find<QTableWidget>(u"pipelineTable"_s);
        QCOMPARE(table->rowCount(), 1);
        const QString lastChange = table->item(0, PipelineView::UpdatedColumn)->text();
        QCOMPARE(lastChange, desktop::Formats::when(invited));
        QVERIFY2(!lastChange.contains(u"ago"_s) && lastChange != u"just now"_s,
                qPrintable(lastChange));
        record(stalls);
    }
};

QTEST_MAIN(TestDesktopDeal)
#include "tst_desktop_deal.moc"
