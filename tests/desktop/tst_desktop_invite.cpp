// SPDX-License-Identifier: Apache-2.0
// Inviting creators from discovery against a real server (offscreen): the brand's staff finds
// three creators, selects them together and invites them to an active campaign with a first
// offer; one already has a deal in it, so two are invited and one is reported as such, and the
// server then holds exactly two new invited deals with the offer as entered. A creator sees no
// invite button; a failing campaign list shows its error with a retry; Cancel drops the
// invitations not sent yet (at most four go out at once); a brand without an
// active campaign sees the empty state. The GUI thread never freezes waiting; a screenshot of the
// dialog.
#include "DesktopTestSupport.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "widgets/OfferEditor.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::DiscoveryModel;
using influence::desktop::DiscoveryView;
using influence::desktop::InviteDialog;
using influence::desktop::MainWindow;
using influence::desktop::Session;
using influence::tests::as;
using influence::tests::compact;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

class TestDesktopInvite : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_brandToken;
    QString m_idleBrandEmail; ///< a brand with a draft campaign only
    QString m_creatorEmail; ///< the first of the three creators
    QStringList m_creatorIds; ///< Zephyrine Alpha, Beta, Gamma
    QString m_campaign;
    QString m_existingDeal; ///< Beta's deal in the campaign, made before the test

    /// A creator with a profile discovery finds by `name`; answers the profile's id.
    QString creator(const QString &name, QString *email = nullptr)
    {
        const QString address = signUp(u"influencer"_s);
        const QString token = login(address);
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Alpine trails."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                {u"languages"_s, QJsonArray{u"de"_s}}};
        const auto put =
                m_http->send("PUT", u"/api/v1/me/influencer"_s, compact(profile), as(token));
        if (email) {
            *email = address;
        }
        return put.json().value(u"id"_s).toString();
    }
    QString campaign(const QString &token, const QString &name)
    {
        const QJsonObject body{{u"name"_s, name}, {u"brief"_s, u"Summit photos."_s},
                {u"objective"_s, u"awareness"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s, u"tiktok"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 500000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"private"_s},
                {u"usageRights"_s, u"Organic use for 12 months."_s}};
        return post(u"/api/v1/campaigns"_s, token, body).json().value(u"id"_s).toString();
    }
    DiscoveryView *discovery() { return m_window->discoveryPage(); }
    /// Shows discovery and searches for the three creators.
    void searchZephyrine()
    {
        showPage(discovery());
        auto *search = find<QLineEdit>(discovery(), u"searchEdit"_s);
        // The typed search replaces whatever the page showed (one search after the debounce).
        QSignalSpy reset(discovery()->model(), &QAbstractItemModel::modelReset);
        search->clear();
        QTest::keyClicks(search, u"Zephyrine"_s);
        QTRY_VERIFY_WITH_TIMEOUT(reset.count() >= 1, kTimeout);
        QCOMPARE(discovery()->model()->query().text, u"Zephyrine"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
                discovery()->model()->state(), DiscoveryModel::State::Loaded, kTimeout);
        QCOMPARE(discovery()->model()->rowCount(), 3);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_idleBrandEmail = signUp(u"brand"_s);
        QVERIFY(!m_brandEmail.isEmpty() && !m_idleBrandEmail.isEmpty());
        m_brandToken = login(m_brandEmail);
        const QString idleToken = login(m_idleBrandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        QVERIFY(brandProfile(idleToken, u"Quiet Socks"_s));
        m_creatorIds = {creator(u"Zephyrine Alpha"_s, &m_creatorEmail),
                creator(u"Zephyrine Beta"_s), creator(u"Zephyrine Gamma"_s)};
        for (const QString &id : std::as_const(m_creatorIds)) {
            QVERIFY(!id.isEmpty());
        }
        m_campaign = campaign(m_brandToken, u"Summit series"_s);
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(m_campaign), m_brandToken).status, 200);
        QVERIFY(!campaign(idleToken, u"Still a draft"_s).isEmpty()); // never launched

        // Beta already has a deal in the campaign.
        const QJsonObject offer{
                {u"deliverables"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                {u"dueDate"_s,
                                        QDate::currentDate().addDays(10).toString(Qt::ISODate)}}}},
                {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s}};
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_campaign),
                m_brandToken, {{u"influencerId"_s, m_creatorIds.at(1)}, {u"offer"_s, offer}});
        QCOMPARE(invited.status, 201);
        m_existingDeal = invited.json().value(u"id"_s).toString();

        QVERIFY(startApp(QSize(1280, 800)));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        reportStalls(u"while inviting"_s);
        stop();
    }

    void brandInvitesThreeCreators()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        searchZephyrine();
        auto *invite = find<QPushButton>(discovery(), u"inviteButton"_s);
        QVERIFY(invite);
        QVERIFY(invite->isVisible());
        QVERIFY(!invite->isEnabled());
        QVERIFY(!invite->toolTip().isEmpty());
        QCOMPARE(invite->text(), u"&Invite to campaign…"_s);

        // Several rows at once from the keyboard; Ctrl+I invites them.
        auto *table = find<QTableView>(discovery(), u"discoveryTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
        QVERIFY(invite->isEnabled());
        QCOMPARE(invite->text(), u"&Invite 3 creators…"_s);
        QCOMPARE(discovery()->selectedCreators().size(), 3);
        QTest::keyClick(table, Qt::Key_I, Qt::ControlModifier);
        InviteDialog *dialog = discovery()->inviteDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->creatorCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog->campaigns().size(), 1);
        QCOMPARE(dialog->campaignId(), m_campaign);

        // The offer starts from the campaign: a reel on each wanted platform, in euros.
        desktop::OfferEditor *editor = dialog->offerEditor();
        QCOMPARE(editor->lineCount(), 2);
        QCOMPARE(find<QLabel>(editor, u"offerCurrency"_s)->text(), u"EUR"_s);
        QCOMPARE(find<QLineEdit>(editor, u"offerUsageRights"_s)->text(),
                u"Organic use for 12 months."_s);
        auto *fee = find<QLineEdit>(editor, u"offerFee"_s);
        QVERIFY(fee->text().isEmpty());
        // Without a fee nothing is sent.
        QSignalSpy requests(m_api.get(), &common::ApiClient::requestStarted);
        auto *send = find<QPushButton>(dialog, u"sendInvitesButton"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QVERIFY(dialog->statusText().startsWith(u"Type the fee as an amount"_s));
        common::OfferLine line;
        line.type = common::DeliverableType::Reel;
        line.platform = common::Platform::TikTok;
        line.quantity = 2;
        line.dueDate = QDate::currentDate().addDays(21);
        editor->setLine(1, line);
        QTest::keyClicks(fee, u"750"_s);
        dialog->setMessage(u"We love your alpine reels!"_s);

        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(dialog->state(), InviteDialog::State::Sending);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::Finished, kTimeout);
        QCOMPARE(requests.count(), 3);
        QVERIFY(dialog->peakInFlight() >= 1
                && dialog->peakInFlight() <= InviteDialog::kMaxInFlight);
        QCOMPARE(dialog->invitedCount(), 2);
        QList<InviteDialog::Outcome> outcomes;
        for (int row = 0; row < dialog->creatorCount(); ++row) {
            outcomes.append(dialog->outcome(row));
            if (dialog->outcome(row) == InviteDialog::Outcome::DealExists) {
                QCOMPARE(dialog->resultText(row), u"Already has a deal in this campaign"_s);
            } else {
                QCOMPARE(dialog->outcome(row), InviteDialog::Outcome::Invited);
                QCOMPARE(dialog->resultText(row), u"✓ Invited"_s);
            }
        }
        QCOMPARE(outcomes.count(InviteDialog::Outcome::DealExists), 1);
        QCOMPARE(dialog->statusText(), u"2 creators invited. 1 not invited: see the list."_s);
        auto *board = find<QPushButton>(dialog, u"openBoardButton"_s);
        QVERIFY(board->isVisible());
        saveScreenshot(dialog, u"invite-dialog"_s);
        record(stalls);

        // On the server: exactly two new invited deals with the offer as entered.
        const QJsonArray deals =
                get(u"/api/v1/deals?state=invited&campaign="_s + m_campaign, m_brandToken)
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(deals.size(), 3);
        QStringList invitedCreators;
        for (const auto &value : deals) {
            const QJsonObject deal = value.toObject();
            if (deal.value(u"id"_s).toString() == m_existingDeal) {
                QCOMPARE(deal.value(u"latestOffer"_s).toObject().value(u"feeMinor"_s).toInteger(),
                        50000);
                continue;
            }
            invitedCreators.append(deal.value(u"influencerId"_s).toString());
            QCOMPARE(deal.value(u"origin"_s).toString(), u"invitation"_s);
            const QJsonObject offer =
                    get(u"/api/v1/deals/"_s + deal.value(u"id"_s).toString(), m_brandToken)
                            .value(u"latestOffer"_s)
                            .toObject();
            QCOMPARE(offer.value(u"feeMinor"_s).toInteger(), 75000);
            QCOMPARE(offer.value(u"currency"_s).toString(), u"EUR"_s);
            QCOMPARE(offer.value(u"madeBy"_s).toString(), u"brand"_s);
            QCOMPARE(offer.value(u"usageRights"_s).toString(), u"Organic use for 12 months."_s);
            const QJsonArray lines = offer.value(u"deliverables"_s).toArray();
            QCOMPARE(lines.size(), 2);
            QCOMPARE(lines.at(0).toObject().value(u"platform"_s).toString(), u"instagram"_s);
            QCOMPARE(lines.at(0).toObject().value(u"quantity"_s).toInt(), 1);
            QCOMPARE(lines.at(1).toObject().value(u"type"_s).toString(), u"reel"_s);
            QCOMPARE(lines.at(1).toObject().value(u"platform"_s).toString(), u"tiktok"_s);
            QCOMPARE(lines.at(1).toObject().value(u"quantity"_s).toInt(), 2);
            QCOMPARE(lines.at(1).toObject().value(u"dueDate"_s).toString(),
                    line.dueDate.toString(Qt::ISODate));
            const QJsonArray messages =
                    get(u"/api/v1/deals/%1/messages"_s.arg(deal.value(u"id"_s).toString()),
                            m_brandToken)
                            .value(u"items"_s)
                            .toArray();
            QCOMPARE(messages.size(), 1);
            QCOMPARE(messages.at(0).toObject().value(u"body"_s).toString(),
                    u"We love your alpine reels!"_s);
        }
        invitedCreators.sort();
        QStringList expected{m_creatorIds.at(0), m_creatorIds.at(2)};
        expected.sort();
        QCOMPARE(invitedCreators, expected);

        // After success, the board shows the campaign's deals.
        QTest::mouseClick(board, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!discovery()->inviteDialog(), kTimeout);
        QCOMPARE(m_window->currentPage(), m_window->pipelinePage());
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->pipelinePage()->state(), desktop::PipelineView::State::Loaded, kTimeout);
        QCOMPARE(m_window->pipelinePage()->count(common::DealState::Invited), 3);
    }

    void campaignListErrorShowsRetry()
    {
        tests::StallMeter stalls;
        // A client whose token the server refuses: the list fails with the server's problem.
        common::ApiClient api;
        api.setBaseUrl(m_server->url());
        api.setAccessToken(u"not-a-token"_s);
        InviteDialog dialog(&api, {{m_creatorIds.at(0), u"Zephyrine Alpha"_s, {}}});
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::CampaignsFailed, kTimeout);
        auto *error = find<QLabel>(&dialog, u"inviteCampaignsError"_s);
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        auto *retry = find<QPushButton>(&dialog, u"retryInviteCampaignsButton"_s);
        QVERIFY(retry->isVisible());
        QVERIFY(!find<QPushButton>(&dialog, u"sendInvitesButton"_s)->isEnabled());
        // With a valid token the retry lists the campaign.
        api.setAccessToken(login(m_brandEmail));
        stalls.reset(); // argon2 in the test's own login above blocks on purpose
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog.campaignId(), m_campaign);
        record(stalls);
    }

    void cancelDropsWhatIsNotSent()
    {
        tests::StallMeter stalls;
        common::ApiClient api;
        api.setBaseUrl(m_server->url());
        api.setAccessToken(login(m_brandEmail));
        stalls.reset(); // the test's own login above hashes a password on purpose
        // Six creators the server does not know: at most four requests go out at once, and
        // Cancel right away drops the other two.
        QList<desktop::InviteCreator> unknown;
        for (int i = 0; i < 6; ++i) {
            unknown.append({QUuid::createUuid().toString(QUuid::WithoutBraces),
                    u"Nobody %1"_s.arg(i), {}});
        }
        InviteDialog dialog(&api, unknown);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::Ready, kTimeout);
        dialog.offerEditor()->setFeeText(u"100"_s);
        QSignalSpy requests(&api, &common::ApiClient::requestStarted);
        dialog.send();
        QCOMPARE(dialog.state(), InviteDialog::State::Sending);
        QCOMPARE(requests.count(), InviteDialog::kMaxInFlight);
        QTest::mouseClick(find<QPushButton>(&dialog, u"cancelInvitesButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // the answers still on their way are shown
        QCOMPARE(dialog.outcome(4), InviteDialog::Outcome::NotSent);
        QCOMPARE(dialog.outcome(5), InviteDialog::Outcome::NotSent);
        QCOMPARE(dialog.resultText(5), u"Not sent (cancelled)"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::Finished, kTimeout);
        QCOMPARE(requests.count(), InviteDialog::kMaxInFlight);
        QCOMPARE(dialog.peakInFlight(), InviteDialog::kMaxInFlight);
        for (int row = 0; row < InviteDialog::kMaxInFlight; ++row) {
            // Any other refusal in plain words (the server's code, not its English detail).
            QCOMPARE(dialog.outcome(row), InviteDialog::Outcome::Failed);
            QCOMPARE(dialog.resultText(row),
                    u"This creator cannot be invited (no active profile)"_s);
        }
        QCOMPARE(dialog.invitedCount(), 0);
        QVERIFY(!find<QPushButton>(&dialog, u"openBoardButton"_s)->isVisible());
        // What failed or was dropped can be sent again.
        QVERIFY(find<QPushButton>(&dialog, u"sendInvitesButton"_s)->isEnabled());
        record(stalls);
    }

    void brandWithoutActiveCampaignSeesEmptyState()
    {
        signInAs(m_idleBrandEmail);
        tests::StallMeter stalls;
        searchZephyrine();
        auto *table = find<QTableView>(discovery(), u"discoveryTable"_s);
        table->selectRow(0);
        InviteDialog *dialog = discovery()->inviteSelected();
        QVERIFY(dialog);
        QCOMPARE(dialog->creatorCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), InviteDialog::State::NoCampaign, kTimeout);
        auto *empty = find<QLabel>(dialog, u"inviteCampaignsEmpty"_s);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"Campaigns page"_s));
        QVERIFY(!find<QPushButton>(dialog, u"sendInvitesButton"_s)->isEnabled());
        record(stalls);
        dialog->close();
        QTRY_VERIFY_WITH_TIMEOUT(!discovery()->inviteDialog(), kTimeout);
    }

    void creatorCannotInvite()
    {
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        searchZephyrine();
        auto *invite = find<QPushButton>(discovery(), u"inviteButton"_s);
        auto *action = find<QAction>(discovery(), u"inviteAction"_s);
        QVERIFY(!invite->isVisible());
        QVERIFY(!action->isVisible());
        auto *table = find<QTableView>(discovery(), u"discoveryTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
        QVERIFY(!invite->isVisible());
        QTest::keyClick(table, Qt::Key_I, Qt::ControlModifier);
        QVERIFY(!discovery()->inviteDialog());
        QVERIFY(!discovery()->inviteSelected());
        // Enter still opens the current creator's profile.
        QSignalSpy opened(discovery(), &DiscoveryView::creatorActivated);
        table->setCurrentIndex(discovery()->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        record(stalls);
    }

    void everyActiveCampaignIsOffered()
    {
        // Two more active campaigns and a paused one; read one per page, the chooser still
        // offers all three active ones, each once.
        QStringList active{m_campaign};
        for (const QString &name : {u"Winter series"_s, u"Spring series"_s}) {
            active << campaign(m_brandToken, name);
            QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(active.last()), m_brandToken).status,
                    200);
        }
        const QString paused = campaign(m_brandToken, u"Paused series"_s);
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(paused), m_brandToken).status, 200);
        QCOMPARE(post(u"/api/v1/campaigns/%1/pause"_s.arg(paused), m_brandToken).status, 200);
        common::ApiClient api;
        api.setBaseUrl(m_server->url());
        api.setAccessToken(m_brandToken);
        InviteDialog dialog(&api, {{m_creatorIds.at(0), u"Zephyrine Alpha"_s, {}}});
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(dialog.campaigns().size(), 3);
        QSignalSpy requests(&api, &common::ApiClient::requestStarted);
        dialog.setCampaignPageSize(1);
        dialog.reloadCampaigns();
        QCOMPARE(dialog.state(), InviteDialog::State::LoadingCampaigns);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), InviteDialog::State::Ready, kTimeout);
        QCOMPARE(requests.count(), 3);
        QStringList offered;
        for (const auto &c : dialog.campaigns()) {
            offered << c.id;
        }
        offered.sort();
        active.sort();
        QCOMPARE(offered, active);
        QCOMPARE(find<QComboBox>(&dialog, u"inviteCampaignBox"_s)->count(), 3);
    }
};

QTEST_MAIN(TestDesktopInvite)
#include "tst_desktop_invite.moc"
