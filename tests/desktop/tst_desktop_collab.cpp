// SPDX-License-Identifier: Apache-2.0
// Campaigns and the deal pipeline against a real server (offscreen), signed in as a brand: a
// campaign created in the dialog (checked with the shared rules first, nothing sent when
// invalid; server field errors at their fields) and launched; a step the server refuses shows
// its reason; deals set up over HTTP appear on the board with their counts; an illegal drag is
// refused without a request; a legal one moves the deal on the server, and one that ends the
// deal is asked about first (also on the deal page); the table view lists, sorts, filters (name,
// overdue, state, on the server) and pages the deals, and opens one with Enter.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsModel.h"
#include "campaigns/CampaignsView.h"
#include "common/Money.h"
#include "deals/DealCardDelegate.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "notifications/NotificationsView.h"
#include "widgets/CsvExport.h"
#include "widgets/Names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::ApiClient;
using influence::common::CampaignStatus;
using influence::common::DealState;
using influence::desktop::CampaignDialog;
using influence::desktop::CampaignsModel;
using influence::desktop::CampaignsView;
using influence::desktop::MainWindow;
using influence::desktop::PipelineView;
using influence::desktop::Session;
using influence::tests::as;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;

namespace {

QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

} // namespace

class TestDesktopCollab : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_creatorToken;
    QString m_brandEmail;
    QString m_creatorEmail;
    QString m_creatorId;
    QString m_campaignId; ///< created in the dialog
    QString m_invitedDeal;
    QString m_acceptedDeal;
    QString m_boardCampaign;
    QString m_overdueDeal;
    int m_counter = 0;

    CampaignsView *campaigns() { return m_window->campaignsPage(); }
    PipelineView *pipeline() { return m_window->pipelinePage(); }
    QString brandToken() const { return m_api->accessToken(); }
    QString campaignStatusOnServer(const QString &id)
    {
        return m_http->get(u"/api/v1/campaigns/"_s + id, as(brandToken()))
                .json()
                .value(u"status"_s)
                .toString();
    }
    QString dealStateOnServer(const QString &id)
    {
        return m_http->get(u"/api/v1/deals/"_s + id, as(brandToken()))
                .json()
                .value(u"state"_s)
                .toString();
    }
    /// A draft campaign of the brand, made over HTTP.
    QString draftCampaign(const QString &name)
    {
        const QJsonObject body{{u"name"_s, name}, {u"brief"_s, u"Summit photos."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 300000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        return post(u"/api/v1/campaigns"_s, brandToken(), body).json().value(u"id"_s).toString();
    }
    /// A launched campaign of the brand, made over HTTP.
    QString launchedCampaign()
    {
        const QString id = draftCampaign(u"Board campaign %1"_s.arg(++m_counter));
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), brandToken());
        return id;
    }
    /// Invites the creator; returns the deal and its first offer.
    std::pair<QString, QString> invite(const QString &campaign)
    {
        const auto reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brandToken(),
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, tests::reelOffer(50000)}});
        return {reply.json().value(u"id"_s).toString(),
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString()};
    }
    /// How many requests went to a path ending with `suffix`.
    static int sent(const QSignalSpy &requests, const QString &suffix)
    {
        return int(std::count_if(
                requests.cbegin(), requests.cend(), [&suffix](const QList<QVariant> &request) {
                    return request.at(1).toString().endsWith(suffix);
                }));
    }
    /// The question a confirmation asks.
    static QString confirmationText(QWidget *box)
    {
        auto *message = qobject_cast<QMessageBox *>(box);
        return message ? message->text() : QString();
    }
    /// Drops a card of `dealId` on a column, as a drag from another column ends.
    void drop(const QString &dealId, DealState target)
    {
        QWidget *viewport = pipeline()->column(target)->viewport();
        QMimeData mime;
        mime.setData(QString::fromLatin1(desktop::DealColumn::kMimeType), dealId.toUtf8());
        QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QVERIFY(viewport->acceptDrops());
        // As a real drag does: it enters the column first (a drop without one is ignored).
        QDragEnterEvent enter(
                QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        // While the card is over it, the column shows it is where the drop goes.
        QVERIFY(pipeline()->column(target)->isDropTarget());
        QCoreApplication::sendEvent(viewport, &event);
        QVERIFY(event.isAccepted());
        QVERIFY(!pipeline()->column(target)->isDropTarget());
    }

    /// A card dragged over a column and away again leaves it as it was.
    void dragAway(DealState over)
    {
        QWidget *viewport = pipeline()->column(over)->viewport();
        QMimeData mime;
        mime.setData(QString::fromLatin1(desktop::DealColumn::kMimeType), u"x"_s.toUtf8());
        QDragEnterEvent enter(
                QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(pipeline()->column(over)->isDropTarget());
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(viewport, &leave);
        QVERIFY(!pipeline()->column(over)->isDropTarget());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        const QString brandEmail = signUp(u"brand"_s);
        const QString creatorEmail = signUp(u"influencer"_s);
        m_brandEmail = brandEmail;
        m_creatorEmail = creatorEmail;
        QVERIFY(!brandEmail.isEmpty() && !creatorEmail.isEmpty());
        m_creatorToken = login(creatorEmail);
        m_creatorId = lenaTravelsProfile(m_creatorToken);
        QVERIFY(!m_creatorId.isEmpty());

        QVERIFY(startApp(QSize(1280, 760)));
        m_session->signIn(brandEmail, m_password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, kTimeout);
        QVERIFY(brandProfile(brandToken(), u"Alpine Boots"_s));
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the collaboration flows"_s);
        stop();
    }

    void createCampaignInTheDialogAndLaunchIt()
    {
        tests::StallMeter stalls;
        showPage(campaigns());
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Empty, kTimeout);
        QVERIFY(find<QLabel>(u"campaignsEmpty"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"launchCampaignButton"_s)->isEnabled());

        QTest::mouseClick(find<QPushButton>(u"newCampaignButton"_s), Qt::LeftButton);
        CampaignDialog *dialog = campaigns()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        const auto field = [dialog](const QString &name) {
            return dialog->findChild<QLineEdit *>(name);
        };
        // Invalid: no name, a country spelled out, a third decimal for EUR, end before start.
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QTest::keyClicks(field(u"campaignCountries"_s), u"Germany"_s);
        QTest::keyClicks(field(u"campaignBudget"_s), u"12.345"_s);
        QTest::keyClicks(field(u"campaignStartDate"_s), day(10));
        QTest::keyClicks(field(u"campaignEndDate"_s), day(5));
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(u"saveCampaignButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(dialog->fieldError(u"name"_s), u"Please fill this in."_s);
        QCOMPARE(
                dialog->fieldError(u"countries"_s), u"Use two-letter country codes, such as DE."_s);
        QVERIFY(!dialog->fieldError(u"budget"_s).isEmpty());
        QVERIFY(!dialog->fieldError(u"dates"_s).isEmpty());
        QVERIFY(dialog->fieldError(u"brief"_s).isEmpty());
        QVERIFY(dialog->findChild<QLabel *>(u"error-countries"_s)->isVisible());
        QCOMPARE(dialog->statusText(), u"Please correct the marked fields."_s);
        saveScreenshot(dialog, u"campaign-dialog-invalid"_s);

        // The server's field errors (a 422) land at the same fields.
        dialog->showError(common::Error::validation({{u"targeting.languages[0]"_s,
                u"invalid_value"_s, u"Must be an ISO 639-1 code such as en."_s}}));
        QCOMPARE(dialog->fieldError(u"languages"_s),
                u"Use two-letter language codes, such as de or en."_s);
        QVERIFY(dialog->fieldError(u"countries"_s).isEmpty());

        QTest::keyClicks(field(u"campaignName"_s), u"Summer Summits"_s);
        QTest::keyClicks(
                dialog->findChild<QPlainTextEdit *>(u"campaignBrief"_s), u"Boots on a summit."_s);
        QTest::keyClicks(field(u"campaignPlatforms"_s), u"instagram, tiktok"_s);
        QTest::keyClicks(field(u"campaignDeliverableTypes"_s), u"reel"_s);
        field(u"campaignCountries"_s)->setText(u"de, at"_s);
        QTest::keyClicks(field(u"campaignNiches"_s), u"travel"_s);
        QTest::keyClicks(field(u"campaignMinFollowers"_s), u"10000"_s);
        QTest::keyClicks(field(u"campaignMinEngagement"_s), u"2.5"_s);
        field(u"campaignBudget"_s)->setText(u"5000.50"_s);
        field(u"campaignStartDate"_s)->setText(day(0));
        field(u"campaignEndDate"_s)->setText(day(60));
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(u"saveCampaignButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!campaigns()->dialog(), kTimeout);
        QCOMPARE(campaigns()->state(), CampaignsView::State::Loaded);
        CampaignsModel *model = campaigns()->model();
        QCOMPARE(model->rowCount(), 1);
        const common::Campaign *created = campaigns()->selected();
        QVERIFY(created);
        m_campaignId = created->id;
        QCOMPARE(created->details.budget.minorUnits, 500050);
        QCOMPARE(created->details.targeting.countries, (QStringList{u"DE"_s, u"AT"_s}));
        QCOMPARE(model->index(0, CampaignsModel::Status).data().toString(), u"Draft"_s);
        QCOMPARE(model->index(0, CampaignsModel::Budget).data().toString(),
                common::formatMoney({500050, u"EUR"_s}));
        QVERIFY(!model->index(0, CampaignsModel::Budget).data().toString().contains(u"EUR"_s));
        QCOMPARE(campaignStatusOnServer(m_campaignId), u"draft"_s);

        // Only the steps the shared table allows from draft.
        QVERIFY(find<QPushButton>(u"launchCampaignButton"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"cancelCampaignButton"_s)->isEnabled());
        QVERIFY(!find<QPushButton>(u"pauseCampaignButton"_s)->isEnabled());
        QVERIFY(!find<QPushButton>(u"completeCampaignButton"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"launchCampaignButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                model->index(0, CampaignsModel::Status).data().toString(), u"Active"_s, kTimeout);
        QCOMPARE(campaignStatusOnServer(m_campaignId), u"active"_s);
        QVERIFY(!find<QPushButton>(u"launchCampaignButton"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"pauseCampaignButton"_s)->isEnabled());
        QCOMPARE(campaigns()->messageText(), u"“Summer Summits” is now Active."_s);
        record(stalls);
    }

    void refusedStepShowsTheServersReason()
    {
        // Someone else pauses the campaign meanwhile: the table still says active.
        QCOMPARE(post(u"/api/v1/campaigns/%1/pause"_s.arg(m_campaignId), brandToken()).status, 200);
        tests::StallMeter stalls;
        campaigns()->select(m_campaignId);
        QVERIFY(find<QPushButton>(u"pauseCampaignButton"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"pauseCampaignButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(campaigns()->messageText().contains(u"refused"_s), kTimeout);
        const QString message = campaigns()->messageText();
        QVERIFY2(message.contains(u"The server did not allow this step in the current state."_s),
                qPrintable(message));
        QVERIFY2(message.contains(u"Details: "_s), qPrintable(message));
        // The row is refreshed to what is true now, and the buttons follow.
        QTRY_COMPARE_WITH_TIMEOUT(
                campaigns()->model()->index(0, CampaignsModel::Status).data().toString(),
                u"Paused"_s, kTimeout);
        QVERIFY(find<QPushButton>(u"resumeCampaignButton"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"resumeCampaignButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(campaignStatusOnServer(m_campaignId), u"active"_s, kTimeout);
        record(stalls);
        saveScreenshot(m_window.get(), u"campaigns"_s);
    }

    void boardShowsDealsPerState()
    {
        // Three deals of the creator: invited, negotiating (countered) and accepted.
        m_boardCampaign = launchedCampaign();
        m_invitedDeal = invite(m_boardCampaign).first;
        QVERIFY(!m_invitedDeal.isEmpty());
        const QString second = launchedCampaign();
        const QString negotiating = invite(second).first;
        QCOMPARE(post(u"/api/v1/deals/%1/offers"_s.arg(negotiating), m_creatorToken,
                         tests::reelOffer(65000))
                         .status,
                201);
        const QString third = launchedCampaign();
        const auto [accepted, offerId] = invite(third);
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(accepted, offerId), m_creatorToken)
                         .status,
                200);
        m_acceptedDeal = accepted;

        tests::StallMeter stalls;
        showPage(pipeline());
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Loaded, kTimeout);
        QCOMPARE(pipeline()->count(DealState::Invited), 1);
        QCOMPARE(pipeline()->count(DealState::Negotiating), 1);
        QCOMPARE(pipeline()->count(DealState::Accepted), 1);
        QCOMPARE(pipeline()->count(DealState::InProgress), 0);
        QCOMPARE(find<QLabel>(u"columnTitle-invited"_s)->text(), u"Invited (1)"_s);
        const QString card = pipeline()->column(DealState::Negotiating)->item(0)->text();
        QVERIFY2(card.contains(u"Lena Travels"_s), qPrintable(card));
        QVERIFY2(card.contains(common::formatMoney({65000, u"EUR"_s})), qPrintable(card));
        QVERIFY2(!card.contains(u"EUR"_s), qPrintable(card));

        // Filtered by one campaign.
        auto *filter = find<QComboBox>(u"pipelineCampaignFilter"_s);
        QCOMPARE(filter->count(), 4); // all + three campaigns
        pipeline()->setCampaignFilter(m_boardCampaign);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 1, kTimeout);
        QCOMPARE(pipeline()->count(DealState::Invited), 1);
        QCOMPARE(pipeline()->count(DealState::Accepted), 0);
        QCOMPARE(filter->currentData().toString(), m_boardCampaign);
        // One campaign shown: its name is not repeated on every card.
        const QString campaignName = pipeline()->deals().first().campaignName;
        QVERIFY(!pipeline()->column(DealState::Invited)->item(0)->text().contains(campaignName));
        pipeline()->setCampaignFilter({});
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 3, kTimeout);
        QVERIFY(pipeline()->column(DealState::Invited)->item(0)->text().contains(campaignName));
        // Each column sums its deals' fees per currency.
        QCOMPARE(find<QLabel>(u"columnTotal-negotiating"_s)->text(),
                common::formatMoney({65000, u"EUR"_s}));
        QCOMPARE(find<QLabel>(u"columnTotal-in_progress"_s)->text(), QString());
        // Columns of ended deals fold to their title; the others cannot.
        QVERIFY(!m_window->findChild<QToolButton *>(u"collapse-negotiating"_s));
        auto *fold = find<QToolButton>(u"collapse-withdrawn"_s);
        QVERIFY(fold && pipeline()->column(DealState::Withdrawn)->isVisible());
        QTest::mouseClick(fold, Qt::LeftButton);
        QVERIFY(pipeline()->isCollapsed(DealState::Withdrawn));
        QVERIFY(!pipeline()->column(DealState::Withdrawn)->isVisible());
        QTest::mouseClick(fold, Qt::LeftButton);
        QVERIFY(!pipeline()->isCollapsed(DealState::Withdrawn));
        QVERIFY(pipeline()->column(DealState::Withdrawn)->isVisible());
        record(stalls);
    }

    void exportWritesWhatTheBoardShows()
    {
        tests::StallMeter stalls;
        const QString path = QDir(tests::outputDir()).filePath(u"pipeline-export.csv"_s);
        QFile::remove(path);
        pipeline()->exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(pipeline()->messageText().contains(u"exported to"_s), kTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = desktop::Csv::parse(file.readAll());
        const QList<common::Deal> &deals = pipeline()->deals();
        QCOMPARE(rows.size(), deals.size() + 1);
        QCOMPARE(rows.at(0),
                (QStringList{u"Creator"_s, u"Brand"_s, u"Campaign"_s, u"State"_s, u"Fee"_s,
                        u"Currency"_s, u"Overdue"_s, u"Last change"_s}));
        for (qsizetype i = 0; i < deals.size(); ++i) {
            const common::Deal &deal = deals.at(i);
            const QStringList &row = rows.at(i + 1);
            QCOMPARE(row.size(), 8);
            QCOMPARE(row.at(0), deal.influencerName);
            QCOMPARE(row.at(1), deal.brandName);
            QCOMPARE(row.at(2), deal.campaignName);
            QCOMPARE(row.at(3), desktop::Names::dealState(deal.state));
            QVERIFY(deal.latestOffer);
            // Money as a plain amount and its currency, so that a spreadsheet can sum it.
            QCOMPARE(row.at(4) + u' ' + row.at(5),
                    common::formatMoneyPlain(deal.latestOffer->terms.fee));
            QCOMPARE(row.at(5), u"EUR"_s);
            QCOMPARE(row.at(6), deal.overdue ? u"yes"_s : u"no"_s);
            QVERIFY(QDateTime::fromString(row.at(7), Qt::ISODate).isValid());
        }
        record(stalls);
    }

    void illegalDragIsRefusedWithoutARequest()
    {
        tests::StallMeter stalls;
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        dragAway(DealState::Completed);
        drop(m_invitedDeal, DealState::InProgress);
        QCOMPARE(pipeline()->messageText(),
                u"A deal cannot move from “Invited” to “In progress”."_s);
        QCOMPARE(pipeline()->requestMove(m_invitedDeal, DealState::Accepted),
                PipelineView::Move::Refused);
        QVERIFY(pipeline()->messageText().startsWith(u"Offers decide this step"_s));
        QCOMPARE(pipeline()->requestMove(m_acceptedDeal, DealState::Invited),
                PipelineView::Move::Refused);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(pipeline()->count(DealState::Invited), 1);
        QCOMPARE(dealStateOnServer(m_invitedDeal), u"invited"_s);
        record(stalls);
    }

    void legalDragMovesTheDeal()
    {
        tests::StallMeter stalls;
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QSignalSpy moved(pipeline(), &PipelineView::dealMoved);
        drop(m_acceptedDeal, DealState::InProgress);
        QTRY_COMPARE_WITH_TIMEOUT(moved.count(), 1, kTimeout);
        QCOMPARE(requests.at(0).at(1).toString(), u"/api/v1/deals/%1/start"_s.arg(m_acceptedDeal));
        QCOMPARE(dealStateOnServer(m_acceptedDeal), u"in_progress"_s);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->count(DealState::InProgress), 1, kTimeout);
        QCOMPARE(pipeline()->count(DealState::Accepted), 0);
        QCOMPARE(find<QLabel>(u"columnTitle-in_progress"_s)->text(), u"In progress (1)"_s);

        // Withdrawing an invitation is the brand's or the creator's step, and it ends the deal:
        // it is asked about first, and keeping the deal sends nothing.
        drop(m_invitedDeal, DealState::Withdrawn);
        QTRY_VERIFY_WITH_TIMEOUT(pipeline()->confirmation(), kTimeout);
        QVERIFY(pipeline()->confirmation()->isVisible());
        QVERIFY(confirmationText(pipeline()->confirmation()).contains(u"Lena Travels"_s));
        QTest::mouseClick(pipeline()->confirmation()->findChild<QPushButton *>(u"keepDealButton"_s),
                Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline()->confirmation(), kTimeout);
        QCOMPARE(sent(requests, u"/withdraw"_s), 0);
        QCOMPARE(dealStateOnServer(m_invitedDeal), u"invited"_s);
        drop(m_invitedDeal, DealState::Withdrawn);
        QTRY_VERIFY_WITH_TIMEOUT(pipeline()->confirmation(), kTimeout);
        QTest::mouseClick(
                pipeline()->confirmation()->findChild<QPushButton *>(u"confirmStepButton"_s),
                Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(moved.count(), 2, kTimeout);
        QCOMPARE(sent(requests, u"/api/v1/deals/%1/withdraw"_s.arg(m_invitedDeal)), 1);
        QCOMPARE(dealStateOnServer(m_invitedDeal), u"withdrawn"_s);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->count(DealState::Withdrawn), 1, kTimeout);
        QVERIFY(pipeline()->messageText().contains(u"Withdrawn"_s));
        record(stalls);
        saveScreenshot(m_window.get(), u"pipeline"_s);
    }

    void tableListsSortsAndFiltersDeals()
    {
        // A second creator with an accepted deal whose reel was due three days ago.
        const QString email = signUp(u"influencer"_s);
        QVERIFY(!email.isEmpty());
        const QString token = login(email);
        const QJsonObject profile{{u"displayName"_s, u"Max Hikes"_s}, {u"bio"_s, u"Peaks."_s},
                {u"niches"_s, QJsonArray{u"outdoors"_s}}, {u"country"_s, u"CH"_s},
                {u"languages"_s, QJsonArray{u"de"_s}}};
        const auto put =
                m_http->send("PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), as(token));
        QVERIFY2(put.status == 200 || put.status == 201, put.body.constData());
        QJsonObject late = tests::reelOffer(30000);
        late.insert(u"deliverables"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                        {u"quantity"_s, 1}, {u"dueDate"_s, day(-3)}}});
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(m_boardCampaign),
                brandToken(),
                {{u"influencerId"_s, put.json().value(u"id"_s).toString()}, {u"offer"_s, late}});
        QCOMPARE(invited.status, 201);
        m_overdueDeal = invited.json().value(u"id"_s).toString();
        const QString offerId =
                invited.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(m_overdueDeal, offerId), token)
                         .status,
                200);

        tests::StallMeter stalls;
        QTest::mouseClick(find<QPushButton>(u"reloadPipelineButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 4, kTimeout);
        // The table tab (Alt+T) shows the same deals, a row each.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(pipeline(), Qt::Key_T, Qt::AltModifier);
        QCOMPARE(pipeline()->view(), PipelineView::View::Table);
        QTableWidget *table = pipeline()->table();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 4);
        const auto column = [table](int c) {
            QStringList texts;
            for (int row = 0; row < table->rowCount(); ++row) {
                texts << table->item(row, c)->text();
            }
            return texts;
        };
        QCOMPARE(column(PipelineView::CreatorColumn).count(u"Lena Travels"_s), 3);
        QCOMPARE(column(PipelineView::CreatorColumn).count(u"Max Hikes"_s), 1);
        QCOMPARE(column(PipelineView::BrandColumn).count(u"Alpine Boots"_s), 4);
        QVERIFY(column(PipelineView::StateColumn).contains(u"Negotiating"_s));
        QCOMPARE(column(PipelineView::OverdueColumn).count(u"Overdue"_s), 1);
        // On the board, the overdue card carries the red badge; every card the initials.
        QListWidget *accepted = pipeline()->column(DealState::Accepted);
        QListWidgetItem *overdueCard = nullptr;
        for (int row = 0; row < accepted->count(); ++row) {
            if (accepted->item(row)->text().contains(u"Max Hikes"_s)) {
                overdueCard = accepted->item(row);
            }
        }
        QVERIFY(overdueCard);
        QVERIFY(overdueCard->data(desktop::DealCardDelegate::kOverdueRole).toBool());
        QCOMPARE(overdueCard->data(desktop::DealCardDelegate::kInitialsRole).toString(), u"MH"_s);
        QVERIFY(!overdueCard->data(desktop::DealCardDelegate::kBodyRole)
                         .toString()
                         .contains(u"Overdue"_s));
        // Sorted by fee, as amounts rather than as text: 300 < 500 < 500 < 650.
        table->sortByColumn(PipelineView::FeeColumn, Qt::AscendingOrder);
        QCOMPARE(column(PipelineView::FeeColumn),
                (QStringList{common::formatMoney({30000, u"EUR"_s}),
                        common::formatMoney({50000, u"EUR"_s}),
                        common::formatMoney({50000, u"EUR"_s}),
                        common::formatMoney({65000, u"EUR"_s})}));

        // Filters go to the server; typing a name asks once, after the pause.
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        auto *creator = find<QLineEdit>(u"pipelineCreatorFilter"_s);
        QVERIFY(creator->isVisible());
        creator->setFocus();
        QTest::keyClicks(creator, u"hikes"_s);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 1, kTimeout);
        QCOMPARE(sent(requests, u"/api/v1/deals"_s), 1);
        QCOMPARE(pipeline()->query().creator, u"hikes"_s);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, PipelineView::CreatorColumn)->text(), u"Max Hikes"_s);
        QVERIFY(find<QPushButton>(u"clearPipelineFiltersButton"_s)->isEnabled());
        // Nobody by that name: the empty state says why.
        QTest::keyClicks(creator, u"zzz"_s);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 0, kTimeout);
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(pipeline()->messageText(), u"No deals match these filters."_s);
        QTest::mouseClick(find<QPushButton>(u"clearPipelineFiltersButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 4, kTimeout);
        QVERIFY(creator->text().isEmpty());
        QVERIFY(pipeline()->messageText().isEmpty());
        QVERIFY(!find<QPushButton>(u"clearPipelineFiltersButton"_s)->isEnabled());

        // Overdue only.
        QTest::mouseClick(find<QCheckBox>(u"pipelineOverdueFilter"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 1, kTimeout);
        QVERIFY(pipeline()->query().overdueOnly);
        QCOMPARE(pipeline()->deals().at(0).id, m_overdueDeal);
        QTest::mouseClick(find<QCheckBox>(u"pipelineOverdueFilter"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 4, kTimeout);

        // One state, picked with the keyboard in its list.
        auto *states = find<QComboBox>(u"pipelineStateFilter"_s);
        states->setFocus();
        const int negotiating = states->findData(u"negotiating"_s);
        QVERIFY(negotiating > 0);
        while (states->currentIndex() < negotiating) {
            QTest::keyClick(states, Qt::Key_Down);
        }
        QTRY_COMPARE_WITH_TIMEOUT(
                pipeline()->query().states, QList{DealState::Negotiating}, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 1, kTimeout);
        QCOMPARE(table->item(0, PipelineView::StateColumn)->text(), u"Negotiating"_s);
        saveScreenshot(m_window.get(), u"pipeline-table"_s);
        pipeline()->clearFilters();
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 4, kTimeout);

        // Pages: two at a time, the rest on request.
        pipeline()->setPageSize(2);
        pipeline()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 2, kTimeout);
        auto *more = find<QPushButton>(u"moreDealsButton"_s);
        QVERIFY(more->isVisible());
        QVERIFY(pipeline()->hasMore());
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->deals().size(), 4, kTimeout);
        QCOMPARE(table->rowCount(), 4);
        QSet<QString> ids;
        for (const auto &deal : pipeline()->deals()) {
            ids.insert(deal.id);
        }
        QCOMPARE(ids.size(), 4); // no duplicates across pages
        QTRY_VERIFY_WITH_TIMEOUT(
                !pipeline()->hasMore() || pipeline()->deals().size() == 4, kTimeout);
        pipeline()->setPageSize(100);

        // Enter on a row opens the deal.
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, PipelineView::CreatorColumn)->text() == u"Max Hikes"_s) {
                table->setCurrentCell(row, PipelineView::CampaignColumn);
            }
        }
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), m_window->dealPage());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->dealPage()->isComplete(), kTimeout);
        QCOMPARE(m_window->dealPage()->deal().id, m_overdueDeal);
        record(stalls);
    }

    void endingADealIsAskedFirst()
    {
        // The negotiating deal: the creator's counter is open, so the brand may decline it.
        tests::StallMeter stalls;
        QString negotiating;
        for (const auto &deal : pipeline()->deals()) {
            if (deal.state == DealState::Negotiating) {
                negotiating = deal.id;
            }
        }
        QVERIFY(!negotiating.isEmpty());
        desktop::DealView *page = m_window->dealPage();
        m_window->openDeal(negotiating);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), kTimeout);
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        clickWhenEnabled(u"declineOfferButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->confirmation(), kTimeout);
        QCOMPARE(page->confirmation()->windowTitle(), u"Decline the offer?"_s);
        QVERIFY(confirmationText(page->confirmation()).contains(u"Lena Travels"_s));
        // Escape keeps the deal.
        QTest::keyClick(page->confirmation(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!page->confirmation(), kTimeout);
        QCOMPARE(sent(requests, u"/decline"_s), 0);
        QCOMPARE(dealStateOnServer(negotiating), u"negotiating"_s);
        // Withdrawing, confirmed, is sent.
        clickWhenEnabled(u"withdrawDealButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->confirmation(), kTimeout);
        QCOMPARE(page->confirmation()->windowTitle(), u"Withdraw from the deal?"_s);
        QTest::mouseClick(page->confirmation()->findChild<QPushButton *>(u"confirmStepButton"_s),
                Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->deal().state, DealState::Withdrawn, kTimeout);
        QCOMPARE(sent(requests, u"/api/v1/deals/%1/withdraw"_s.arg(negotiating)), 1);
        QCOMPARE(sent(requests, u"/decline"_s), 0);
        // The activity says what each step carried: the fees, and the state the deal left.
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), kTimeout);
        QStringList activity;
        auto *list = page->findChild<QListWidget *>(u"activityList"_s);
        for (int row = 0; row < list->count(); ++row) {
            activity << list->item(row)->text();
        }
        const QString all = activity.join(u'\n');
        QVERIFY2(all.contains(u"Creator invited: fee "_s + common::formatMoney({50000, u"EUR"_s})),
                qPrintable(all));
        QVERIFY2(all.contains(u"Offer made: fee "_s + common::formatMoney({65000, u"EUR"_s})),
                qPrintable(all));
        QVERIFY2(all.contains(u"Deal withdrawn: was Negotiating"_s), qPrintable(all));
        QCOMPARE(dealStateOnServer(negotiating), u"withdrawn"_s);

        // Cancelling the running deal: asked, then sent.
        m_window->openDeal(m_acceptedDeal);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete() && page->deal().id == m_acceptedDeal, kTimeout);
        QCOMPARE(page->deal().state, DealState::InProgress);
        clickWhenEnabled(u"cancelDealButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->confirmation(), kTimeout);
        QCOMPARE(page->confirmation()->windowTitle(), u"Cancel the deal?"_s);
        saveScreenshot(page->confirmation(), u"confirm-cancel"_s);
        // Leaving the page closes the question without sending.
        showPage(pipeline());
        QTRY_VERIFY_WITH_TIMEOUT(!page->confirmation(), kTimeout);
        QCOMPARE(sent(requests, u"/cancel"_s), 0);
        QCOMPARE(dealStateOnServer(m_acceptedDeal), u"in_progress"_s);
        // So does another deal shown on the page: the question never acts on the next deal.
        m_window->openDeal(m_acceptedDeal);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), kTimeout);
        clickWhenEnabled(u"cancelDealButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->confirmation(), kTimeout);
        QPointer<QWidget> question = page->confirmation();
        m_window->openDeal(m_overdueDeal);
        QTRY_VERIFY_WITH_TIMEOUT(!question, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete() && page->deal().id == m_overdueDeal, kTimeout);
        QCOMPARE(sent(requests, u"/cancel"_s), 0);
        QCOMPARE(dealStateOnServer(m_overdueDeal), u"accepted"_s);
        m_window->openDeal(m_acceptedDeal);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), kTimeout);
        clickWhenEnabled(u"cancelDealButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->confirmation(), kTimeout);
        QTest::mouseClick(page->confirmation()->findChild<QPushButton *>(u"confirmStepButton"_s),
                Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->deal().state, DealState::Cancelled, kTimeout);
        QCOMPARE(dealStateOnServer(m_acceptedDeal), u"cancelled"_s);
        record(stalls);
    }

    void notificationTimesMoveOn()
    {
        // The creator's answers notified the brand; the page says how long ago, and says it
        // again as time passes (a clock does so every minute while the page is shown).
        desktop::NotificationsView *page = m_window->notificationsPage();
        showPage(page);
        QTRY_COMPARE_WITH_TIMEOUT(
                page->state(), desktop::NotificationsView::State::Loaded, kTimeout);
        QTreeWidget *list = page->list();
        QVERIFY(list->topLevelItemCount() > 0);
        QCOMPARE(
                list->topLevelItem(0)->text(desktop::NotificationsView::TimeColumn), u"just now"_s);
        const QDateTime created = page->notifications().at(0).createdAt;
        page->refreshTimes(created.addSecs(2 * 3600 + 60));
        QCOMPARE(list->topLevelItem(0)->text(desktop::NotificationsView::TimeColumn),
                u"2 hours ago"_s);
        page->refreshTimes(created.addSecs(5 * 60));
        QCOMPARE(list->topLevelItem(0)->text(desktop::NotificationsView::TimeColumn),
                u"5 minutes ago"_s);
    }

    void campaignPageShowsOneCampaign()
    {
        // A campaign with targeting, and a deal agreed on two deliverables (the later one first).
        const QJsonObject body{{u"name"_s, u"Page campaign"_s}, {u"brief"_s, u"Alpine huts."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s, u"post"_s}},
                {u"targeting"_s,
                        QJsonObject{{u"niches"_s, QJsonArray{u"travel"_s}},
                                {u"countries"_s, QJsonArray{u"AT"_s}}}},
                {u"budgetMinor"_s, 420000}, {u"currency"_s, u"EUR"_s},
                {u"visibility"_s, u"public"_s}};
        const auto created = post(u"/api/v1/campaigns"_s, brandToken(), body);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(id), brandToken()).status, 200);
        QJsonObject terms = tests::reelOffer(50000);
        terms.insert(u"deliverables"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"post"_s}, {u"platform"_s, u"instagram"_s},
                                   {u"quantity"_s, 2}, {u"dueDate"_s, day(21)}},
                        QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                                {u"quantity"_s, 1}, {u"dueDate"_s, day(7)}}});
        const auto invited = post(u"/api/v1/campaigns/%1/invitations"_s.arg(id), brandToken(),
                {{u"influencerId"_s, m_creatorId}, {u"offer"_s, terms}});
        QCOMPARE(invited.status, 201);
        const QString deal = invited.json().value(u"id"_s).toString();
        const QString offerId =
                invited.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal, offerId), m_creatorToken)
                         .status,
                200);

        // Enter on the campaign in the list asks for its page; it does not edit.
        tests::StallMeter stalls;
        showPage(campaigns());
        campaigns()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Loaded, kTimeout);
        campaigns()->select(id);
        QCOMPARE(campaigns()->selected()->id, id);
        QSignalSpy opened(campaigns(), &CampaignsView::campaignOpened);
        auto *table = find<QTableView>(u"campaignsTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), id);
        QVERIFY(!campaigns()->dialog());

        desktop::CampaignPage page(m_api.get(), m_session.get());
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showCampaign(id);
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), desktop::CampaignPage::State::Loaded, kTimeout);
        QCOMPARE(page.campaign()->id, id);
        QCOMPARE(find<QLabel>(&page, u"campaignPageName"_s)->text(), u"Page campaign"_s);
        QCOMPARE(find<QLabel>(&page, u"campaignPageBrief"_s)->text(), u"Alpine huts."_s);
        QVERIFY(find<QLabel>(&page, u"campaignPageSummary"_s)->text().startsWith(u"Active"_s));
        QVERIFY(find<QLabel>(&page, u"campaignPageBudget"_s)->isVisible());
        QCOMPARE(page.dealList()->count(), 1);
        QVERIFY(page.dealList()->item(0)->text().startsWith(u"Lena Travels · Accepted"_s));
        QCOMPARE(page.invitedList()->count(), 1);
        QVERIFY(page.invitedList()->item(0)->text().startsWith(u"Lena Travels"_s));
        // By due date: the reel in a week before the two posts in three weeks.
        QCOMPARE(page.deliverableList()->count(), 2);
        QVERIFY2(page.deliverableList()->item(0)->text().contains(u"1 × Reel"_s),
                qPrintable(page.deliverableList()->item(0)->text()));
        QVERIFY2(page.deliverableList()->item(1)->text().contains(u"2 × Post"_s),
                qPrintable(page.deliverableList()->item(1)->text()));

        // "Find creators" hands the campaign's targeting on.
        common::CampaignTargeting targeting;
        QString forCampaign;
        connect(&page, &desktop::CampaignPage::findCreatorsRequested, this,
                [&](const common::CampaignTargeting &t, const QStringList &, const QString &c) {
                    targeting = t;
                    forCampaign = c;
                });
        QTest::mouseClick(find<QPushButton>(&page, u"findCreatorsButton"_s), Qt::LeftButton);
        QCOMPARE(forCampaign, id);
        QCOMPARE(targeting.niches, QStringList{u"travel"_s});
        QCOMPARE(targeting.countries, QStringList{u"AT"_s});

        // Its actions move it, and Edit asks the dialog's owner.
        QSignalSpy edit(&page, &desktop::CampaignPage::editRequested);
        QTest::mouseClick(find<QPushButton>(&page, u"campaignPageEditButton"_s), Qt::LeftButton);
        QCOMPARE(edit.count(), 1);
        auto *pause = find<QPushButton>(&page, u"campaignPage_pauseButton"_s);
        QVERIFY(pause->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                page.campaign()->status, common::CampaignStatus::Paused, kTimeout);
        QCOMPARE(page.messageText(), u"“Page campaign” is now Paused."_s);
        QVERIFY(!pause->isEnabled());
        record(stalls);
        saveScreenshot(&page, u"campaign-page"_s);
    }

    void signingOutForgetsTheBrandsDeals()
    {
        showPage(pipeline());
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Loaded, kTimeout);
        pipeline()->setCampaignFilter(m_boardCampaign);
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Loaded, kTimeout);
        auto *campaignsFilter = find<QComboBox>(u"pipelineCampaignFilter"_s);
        QVERIFY(campaignsFilter->count() > 1);
        QVERIFY(!pipeline()->deals().isEmpty());
        m_session->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(pipeline()->state(), PipelineView::State::Idle, kTimeout);
        // Whoever signs in next sees none of the brand's deals, filters or campaign names.
        QVERIFY(pipeline()->deals().isEmpty());
        QCOMPARE(campaignsFilter->count(), 1);
        QVERIFY(pipeline()->query().campaignId.isEmpty());
        QCOMPARE(pipeline()->table()->rowCount(), 0);
        QCOMPARE(pipeline()->count(DealState::Negotiating), 0);
        QVERIFY(pipeline()->messageText().isEmpty());
    }

    void aCreatorSeesNoBrandOnlyActionsOrBudget()
    {
        const QStringList brandOnly{u"newCampaignButton"_s, u"editCampaignButton"_s,
                u"launchCampaignButton"_s, u"pauseCampaignButton"_s, u"resumeCampaignButton"_s,
                u"completeCampaignButton"_s, u"cancelCampaignButton"_s};
        auto *table = find<QTableView>(u"campaignsTable"_s);
        // The creator was invited to the brand's campaigns: they are listed, without the
        // brand's actions and without its total budget.
        signInAs(m_creatorEmail);
        tests::StallMeter stalls;
        showPage(campaigns());
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Loaded, kTimeout);
        QVERIFY(campaigns()->model()->rowCount() > 0);
        table->selectRow(0);
        QVERIFY(campaigns()->selected());
        for (const QString &name : brandOnly) {
            QVERIFY2(find<QPushButton>(name)->isHidden(), qPrintable(name));
        }
        QVERIFY(table->isColumnHidden(desktop::CampaignsModel::Budget));
        QVERIFY(!table->isColumnHidden(desktop::CampaignsModel::Name));
        // Nor do calls from elsewhere (a shortcut, the main window) open them.
        QSignalSpy requests(m_api.get(), &common::ApiClient::requestStarted);
        QCOMPARE(campaigns()->newCampaign(), nullptr);
        QCOMPARE(campaigns()->editSelected(), nullptr);
        campaigns()->runAction(common::CampaignAction::Cancel);
        QCOMPARE(requests.count(), 0);
        // Nor does the export name the budget.
        const QList<QStringList> creatorRows = desktop::Csv::parse(campaigns()->csv());
        QCOMPARE(creatorRows.size(), 1 + campaigns()->model()->rowCount());
        QCOMPARE(creatorRows.at(0),
                (QStringList{u"Campaign"_s, u"Status"_s, u"Start date"_s, u"End date"_s, u"Deals"_s,
                        u"Deliverables live"_s, u"Deliverables"_s}));
        record(stalls);

        // The brand signs in again: its actions and budget are back.
        signInAs(m_brandEmail);
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Loaded, kTimeout);
        for (const QString &name : brandOnly) {
            QVERIFY2(!find<QPushButton>(name)->isHidden(), qPrintable(name));
        }
        QVERIFY(!table->isColumnHidden(desktop::CampaignsModel::Budget));

        // The brand's export: what the table lists, money as an amount and a currency.
        QVERIFY(find<QPushButton>(u"exportCampaignsButton"_s)->isEnabled());
        const QList<QStringList> rows = desktop::Csv::parse(campaigns()->csv());
        const desktop::CampaignsModel *model = campaigns()->model();
        QCOMPARE(rows.size(), 1 + model->rowCount());
        QCOMPARE(rows.at(0),
                (QStringList{u"Campaign"_s, u"Status"_s, u"Start date"_s, u"End date"_s,
                        u"Budget"_s, u"Currency"_s, u"Deals"_s, u"Deliverables live"_s,
                        u"Deliverables"_s}));
        for (int row = 0; row < model->rowCount(); ++row) {
            const common::Campaign *campaign = model->campaignAt(row);
            const QStringList &fields = rows.at(row + 1);
            QCOMPARE(fields.size(), 9);
            QCOMPARE(fields.at(0),
                    model->index(row, desktop::CampaignsModel::Name).data().toString());
            QCOMPARE(fields.at(1),
                    model->index(row, desktop::CampaignsModel::Status).data().toString());
            QCOMPARE(QDate::fromString(fields.at(2), Qt::ISODate), campaign->details.startDate);
            QCOMPARE(QDate::fromString(fields.at(3), Qt::ISODate), campaign->details.endDate);
            QCOMPARE(fields.at(5), u"EUR"_s);
            QCOMPARE(campaign->details.budget.currency, u"EUR"_s);
            QCOMPARE(fields.at(4),
                    QString::number(campaign->details.budget.minorUnits / 100) + u'.'
                            + QString::number(campaign->details.budget.minorUnits % 100)
                                      .rightJustified(2, u'0'));
            QCOMPARE(fields.at(6).toInt(), campaign->dealCount());
            QCOMPARE(fields.at(7).toInt(), campaign->deliverablesLive);
            QCOMPARE(fields.at(8).toInt(), campaign->deliverablesTotal);
        }
    }

    void aBrandWithManyCampaignsSeesThemAll()
    {
        // More than one page of the API (100): the list reads every page.
        QStringList made;
        for (int i = 0; i < 120; ++i) {
            made.append(u"Many campaigns %1"_s.arg(QString::number(i).rightJustified(3, u'0')));
            QVERIFY(!draftCampaign(made.last()).isEmpty());
        }
        showPage(campaigns());
        campaigns()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(campaigns()->state(), CampaignsView::State::Loaded, kTimeout);
        const desktop::CampaignsModel *model = campaigns()->model();
        QVERIFY2(model->rowCount() > 120, qPrintable(QString::number(model->rowCount())));
        QStringList listed;
        for (int row = 0; row < model->rowCount(); ++row) {
            listed.append(model->campaignAt(row)->details.name);
        }
        for (const QString &name : std::as_const(made)) {
            QVERIFY2(listed.contains(name), qPrintable(name));
        }
        QCOMPARE(listed.size(), QSet<QString>(listed.cbegin(), listed.cend()).size());
        // Every one is exported too.
        QCOMPARE(desktop::Csv::parse(campaigns()->csv()).size(), 1 + model->rowCount());
    }
};

QTEST_MAIN(TestDesktopCollab)
#include "tst_desktop_collab.moc"
