// SPDX-License-Identifier: Apache-2.0
// Money on the desktop against a real server (offscreen). Signed in as a brand with three
// creators' deals accepted (half or all of each fee on acceptance, net 0 days: due at once): the
// campaign page's budget bar shows paid, committed and remaining as the server counts them, with
// the campaign's payouts; the payouts page lists what is due; approving the selection asks
// first, naming the count and the total, and a creator who cannot be paid yet is named with what
// is missing (nothing approved); with every creator ready, an approval whose answer is lost is
// sent again with the same Idempotency-Key, the server approving once (replayed for that key);
// the CSV export parses back into what the table shows; the deal page's Payments tab shows the
// schedule and payouts. Signed in as a creator: the earnings page shows totals and what is
// missing before payouts, saves the payout account, and accepting an offer the campaign's budget
// cannot cover names what remains. The offer editor's payment presets. Screenshots in English
// and German.
#include "MoneyTestSupport.h"
#include "campaigns/CampaignPage.h"
#include "common/MoneyApi.h"
#include "core/db/Connection.h"
#include "deals/DealPaymentsTab.h"
#include "deals/DealView.h"
#include "deals/PipelineView.h"
#include "money/EarningsPage.h"
#include "money/PayoutsModel.h"
#include "money/PayoutsPage.h"
#include "widgets/BudgetBar.h"
#include "widgets/CsvExport.h"
#include "widgets/Names.h"
#include "widgets/OfferEditor.h"
#include "widgets/PayoutActions.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::PayoutState;
using influence::desktop::BudgetBar;
using influence::desktop::PayoutsPage;
using influence::desktop::Session;
using influence::tests::as;
using influence::tests::day;
using influence::tests::eur;
using influence::tests::kTimeout;
using influence::tests::offer;
using influence::tests::saveScreenshot;
using influence::tests::terms;

class TestDesktopMoney : public QObject, public tests::MoneyFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_campaignId;
    QList<Creator> m_creators; ///< Lena, Mika and Jonas: deals accepted in m_campaignId
    Creator m_nora; ///< a creator with a deal, never ready to be paid
    PayoutsPage *payouts() { return m_window->payoutsPage(); }

    QJsonArray payoutsOnServer(const QString &query)
    {
        return get(u"/api/v1/payouts?"_s + query, brandToken()).value(u"items"_s).toArray();
    }

    /// The rows of the payouts table as they are listed, as ids.
    QStringList listedIds()
    {
        QStringList ids;
        for (const common::Payout &payout : payouts()->model()->payouts()) {
            ids.append(payout.id);
        }
        return ids;
    }

    void confirmApproval()
    {
        QMessageBox *box = payouts()->confirmation();
        QVERIFY(box);
        auto *yes = box->findChild<QPushButton *>(u"confirmApproveButton"_s);
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!payouts()->confirmation(), kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_db = m_server->connect(u"money-desktop-test"_s);
        QVERIFY(m_db);

        m_brandEmail = signUp(u"brand"_s);
        QVERIFY(!m_brandEmail.isEmpty());
        for (const QString &name : {u"Lena Travels"_s, u"Mika Peaks"_s, u"Jonas Trails"_s}) {
            m_creators.append(newCreator(name));
            QVERIFY(!m_creators.last().profileId.isEmpty());
        }
        m_nora = newCreator(u"Nora Coast"_s);
        QVERIFY(!m_nora.profileId.isEmpty());

        QVERIFY(startApp(QSize(1280, 760)));
        signInAs(m_brandEmail);
        QVERIFY(brandProfile(brandToken(), u"Alpine Boots"_s));

        // Half on acceptance and half when live for Lena and Mika, everything on acceptance for
        // Jonas; net 0 days, so what acceptance makes payable is due today.
        m_campaignId = launchedCampaign(u"Summit boots"_s, 1500000);
        const QList<std::tuple<qint64, QJsonObject, qint64>> deals{
                {385000, terms({{u"acceptance"_s, 50}, {u"live"_s, 50}}, 0), 192500},
                {120000, terms({{u"acceptance"_s, 50}, {u"live"_s, 50}}, 0), 60000},
                {95000, terms({{u"acceptance"_s, 100}}, 0), 95000}};
        for (int i = 0; i < m_creators.size(); ++i) {
            const auto &[fee, schedule, dueNow] = deals.at(i);
            const auto deal = invite(m_campaignId, m_creators.at(i), fee, schedule);
            QVERIFY(!deal.second.isEmpty());
            QCOMPARE(acceptInvitation(m_creators.at(i), deal), 200);
            m_creators[i].dealId = deal.first;
            m_creators[i].fee = fee;
            m_creators[i].dueNow = dueNow;
        }
        // Jonas's payout was due five days ago: it is late.
        QVERIFY(m_db->execDirect(u"UPDATE payouts SET due_on = current_date - 5 "
                                 "WHERE amount_minor = 95000"_s));
        const QString noraCampaign = launchedCampaign(u"Coastal walks"_s, 500000);
        const auto noraDeal =
                invite(noraCampaign, m_nora, 80000, terms({{u"acceptance"_s, 100}}, 14));
        QCOMPARE(acceptInvitation(m_nora, noraDeal), 200);
        m_nora.dealId = noraDeal.first;
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the money flows"_s);
        m_db.reset();
        stop();
    }

    void cleanup()
    {
        // A test that failed in German leaves the next in English.
        if (m_languages->current() != u"en"_s) {
            QVERIFY(m_languages->apply(u"en"_s));
        }
    }

    void campaignPageShowsTheBudget()
    {
        m_window->openCampaignPage(m_campaignId);
        desktop::CampaignPage *page = m_window->campaignPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), kTimeout);
        const QJsonObject server =
                get(u"/api/v1/campaigns/%1/budget"_s.arg(m_campaignId), brandToken());
        QCOMPARE(server.value(u"committedMinor"_s).toInteger(), 600000);
        BudgetBar *bar = page->budgetBar();
        QVERIFY(bar->isVisible());
        QVERIFY(bar->budget().has_value());
        QCOMPARE(bar->budget()->budgetMinor, 1500000);
        QCOMPARE(bar->budget()->committedMinor, 600000);
        QCOMPARE(bar->budget()->paidMinor, 0);
        QCOMPARE(bar->budget()->remainingMinor, server.value(u"remainingMinor"_s).toInteger());
        QCOMPARE(bar->amountText(BudgetBar::Part::Committed), eur(600000));
        QCOMPARE(bar->amountText(BudgetBar::Part::Remaining), eur(900000));
        QCOMPARE(bar->fraction(BudgetBar::Part::Committed), 0.4);
        QCOMPARE(bar->fraction(BudgetBar::Part::Paid), 0.0);
        QVERIFY(find<QLabel>(bar, u"budgetCommitted"_s)->text().contains(eur(600000)));
        QVERIFY(bar->toolTip().contains(eur(900000)));
        // The campaign's payouts: one each, due today.
        QCOMPARE(page->payouts().size(), 3);
        QCOMPARE(page->payoutList()->count(), 3);
        QVERIFY(page->payoutList()->item(0)->text().contains(
                desktop::Names::payoutState(PayoutState::Due)));
        int late = 0;
        for (int row = 0; row < page->payoutList()->count(); ++row) {
            const QString line = page->payoutList()->item(row)->text();
            if (line.contains(u"LATE"_s)) {
                ++late;
                QVERIFY2(line.startsWith(u"Jonas Trails"_s), qPrintable(line));
            }
        }
        QCOMPARE(late, 1);
        saveScreenshot(m_window.get(), u"money-campaign-budget-en"_s);
    }

    void payoutsPageListsWhatIsDue()
    {
        // Brand staff see the page; its sidebar entry is in the Work group.
        QVERIFY(m_window->findChild<QAction *>(u"go-payoutsPage"_s)->isVisible());
        QVERIFY(!m_window->findChild<QAction *>(u"go-earningsPage"_s)->isVisible());
        showPage(payouts());
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QCOMPARE(payouts()->show(), PayoutsPage::Show::Due);
        QCOMPARE(payouts()->model()->rowCount(), 3);
        QCOMPARE(payoutsOnServer(u"state=due"_s).size(), 3);
        for (const common::Payout &payout : payouts()->model()->payouts()) {
            QCOMPARE(payout.state, PayoutState::Due);
            const bool jonas = payout.influencerName == u"Jonas Trails"_s;
            QCOMPARE(payout.late, jonas);
            QCOMPARE(payout.dueDate, QDate::currentDate().addDays(jonas ? -5 : 0));
            // The late badge.
            const int row = payouts()->model()->rowOf(payout.id);
            QCOMPARE(payouts()->model()->index(row, desktop::PayoutsModel::Late).data().toString(),
                    jonas ? u"Late"_s : QString());
        }
        // Late only: Jonas's.
        payouts()->setShow(PayoutsPage::Show::Late);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 1, kTimeout);
        QCOMPARE(payouts()->model()->payouts().first().influencerName, u"Jonas Trails"_s);
        payouts()->setShow(PayoutsPage::Show::Due);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 3, kTimeout);
        // Nothing selected: nothing to approve.
        QVERIFY(!find<QPushButton>(u"approvePayoutsButton"_s)->isEnabled());
        saveScreenshot(m_window.get(), u"money-payouts-en"_s);
    }

    void approvalNamesTheTotalAndWhoCannotBePaid()
    {
        tests::StallMeter meter;
        payouts()->selectPayouts(listedIds());
        QCOMPARE(payouts()->approvable().size(), 3);
        QVERIFY(find<QPushButton>(u"approvePayoutsButton"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(u"approvePayoutsButton"_s), Qt::LeftButton);
        QMessageBox *box = payouts()->confirmation();
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), kTimeout);
        // 1,925.00 + 600.00 + 950.00
        QVERIFY2(box->text().contains(eur(347500)), qPrintable(box->text()));
        QVERIFY2(box->text().contains(u"3 payouts"_s), qPrintable(box->text()));
        saveScreenshot(box, u"money-approve-confirmation-en"_s);
        // Nobody can be paid yet: the server refuses all three and names one creator.
        confirmApproval();
        QTRY_VERIFY_WITH_TIMEOUT(!payouts()->isBusy(), kTimeout);
        const QString message = payouts()->messageText();
        QVERIFY2(message.contains(u"Nothing was approved"_s), qPrintable(message));
        QVERIFY2(message.contains(u"payout account"_s), qPrintable(message));
        bool named = false;
        for (const Creator &creator : std::as_const(m_creators)) {
            named = named || message.contains(creator.name);
        }
        QVERIFY2(named, qPrintable(message));
        // A refusal is an answer: the next approval is a new attempt with a new key.
        QVERIFY(payouts()->pendingIdempotencyKey().isEmpty());
        QCOMPARE(payoutsOnServer(u"state=due"_s).size(), 3);
        record(meter);
        saveScreenshot(m_window.get(), u"money-payouts-not-ready-en"_s);
    }

    void lostAnswerIsSentAgainWithTheSameKey()
    {
        for (const Creator &creator : std::as_const(m_creators)) {
            makeReady(creator);
        }
        tests::StallMeter meter;
        payouts()->selectPayouts(listedIds());
        QCOMPARE(payouts()->approvable().size(), 3);
        // The approval goes nowhere (nothing listens there): its answer is lost.
        const QUrl server = m_api->baseUrl();
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        payouts()->approveSelected();
        confirmApproval();
        QTRY_VERIFY_WITH_TIMEOUT(!payouts()->isBusy(), kTimeout);
        const QString key = payouts()->pendingIdempotencyKey();
        QVERIFY(!key.isEmpty());
        QCOMPARE(payouts()->lastIdempotencyKey(), key);
        QVERIFY2(payouts()->messageText().contains(u"may not have reached"_s),
                qPrintable(payouts()->messageText()));
        auto *again = find<QPushButton>(u"retryApprovalButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(again->isVisible(), kTimeout);
        saveScreenshot(m_window.get(), u"money-payouts-retry-en"_s);

        // Sent again with the same key, now reaching the server.
        m_api->setBaseUrl(server);
        QTest::mouseClick(again, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!payouts()->isBusy(), kTimeout);
        QCOMPARE(payouts()->lastIdempotencyKey(), key);
        QVERIFY(payouts()->pendingIdempotencyKey().isEmpty());
        QVERIFY2(payouts()->messageText().contains(u"3 payouts approved"_s),
                qPrintable(payouts()->messageText()));
        record(meter);
        // The server did it once for that key: the same request with it is a replay.
        QStringList ids;
        const QJsonArray items = payoutsOnServer(u"campaign="_s + m_campaignId);
        QCOMPARE(items.size(), 3);
        for (const auto &item : items) {
            const QJsonObject payout = item.toObject();
            ids.append(payout.value(u"id"_s).toString());
            QVERIFY2(payout.value(u"state"_s).toString() != u"due"_s,
                    qPrintable(payout.value(u"state"_s).toString()));
        }
        ids.sort();
        tests::Headers headers = as(brandToken());
        headers.append({"Idempotency-Key", key.toLatin1()});
        const auto replay = m_http->send("POST", u"/api/v1/payouts/approve"_s,
                tests::compact({{u"ids"_s, QJsonArray::fromStringList(ids)}}), headers);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        // The due list is empty now.
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 0, kTimeout);
    }

    void csvExportMatchesTheTable()
    {
        // Every payout of the campaign (Nora's, of another campaign, is not listed).
        payouts()->setShow(PayoutsPage::Show::All);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 4, kTimeout);
        payouts()->setCampaignFilter(m_campaignId);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 3, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        const QByteArray bytes = payouts()->csv();
        const QList<QStringList> rows = desktop::Csv::parse(bytes);
        // Filter rows, an empty line, the header, then one row per payout as listed.
        const qsizetype header = rows.indexOf(
                QStringList{u"Creator"_s, u"Campaign"_s, u"Installment"_s, u"Condition"_s,
                        u"Percent"_s, u"Amount"_s, u"Currency"_s, u"Due"_s, u"State"_s, u"Late"_s});
        QVERIFY2(header > 0, bytes.constData());
        QCOMPARE(rows.at(0), (QStringList{u"Show"_s, u"All"_s}));
        QCOMPARE(rows.at(1), (QStringList{u"Campaign"_s, u"Summit boots"_s}));
        const QList<common::Payout> &listed = payouts()->model()->payouts();
        QCOMPARE(rows.size() - header - 1, listed.size());
        for (qsizetype i = 0; i < listed.size(); ++i) {
            const QStringList &row = rows.at(header + 1 + i);
            const common::Payout &payout = listed.at(i);
            QCOMPARE(row.at(0), payout.influencerName);
            QCOMPARE(row.at(1), u"Summit boots"_s);
            QCOMPARE(row.at(2), QString::number(payout.installment));
            QCOMPARE(row.at(3), desktop::Names::paymentCondition(payout.condition));
            QCOMPARE(row.at(4), QString::number(payout.percent));
            QCOMPARE(row.at(5), common::formatMoneyPlain(payout.amount).section(u' ', 0, 0));
            QCOMPARE(row.at(6), u"EUR"_s);
            QCOMPARE(row.at(7), payout.dueDate.toString(Qt::ISODate));
            QCOMPARE(row.at(8), desktop::Names::payoutState(payout.state));
            QCOMPARE(row.at(9), payout.late ? u"yes"_s : u"no"_s);
            // What the server says of it.
            const auto match = std::find_if(
                    m_creators.cbegin(), m_creators.cend(), [&payout](const Creator &c) {
                        return c.dealId == payout.dealId;
                    });
            QVERIFY(match != m_creators.cend());
            QCOMPARE(payout.amount.minorUnits, match->dueNow);
            QCOMPARE(row.at(0), match->name);
        }
        // Written in the background to a file, the same bytes.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"payouts.csv"_s);
        payouts()->exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->messageText().contains(u"exported"_s), kTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    void dealPageShowsThePaymentSchedule()
    {
        const Creator &lena = m_creators.first();
        openDeal(lena.dealId);
        desktop::DealView *deal = m_window->dealPage();
        deal->showTab(desktop::DealView::Tab::Payments);
        desktop::DealPaymentsTab *tab = deal->paymentsTab();
        QCOMPARE(tab->scheduleTable()->rowCount(), 2);
        QCOMPARE(tab->scheduleTable()->item(0, desktop::DealPaymentsTab::Amount)->text(),
                eur(192500));
        QCOMPARE(tab->scheduleTable()->item(1, desktop::DealPaymentsTab::Amount)->text(),
                eur(192500));
        QVERIFY2(tab->scheduleText().contains(u"net 0 days"_s), qPrintable(tab->scheduleText()));
        QCOMPARE(deal->payouts().size(), 1);
        QCOMPARE(tab->payoutsTable()->rowCount(), 1);
        QCOMPARE(tab->payoutsTable()->item(0, desktop::DealPaymentsTab::PayoutAmount)->text(),
                eur(192500));
        saveScreenshot(m_window.get(), u"money-deal-payments-en"_s);
    }

    void dealsTableShowsThePaymentState()
    {
        desktop::PipelineView *pipeline = m_window->pipelinePage();
        showPage(pipeline);
        pipeline->setView(desktop::PipelineView::View::Table);
        QTRY_COMPARE_WITH_TIMEOUT(
                pipeline->state(), desktop::PipelineView::State::Loaded, kTimeout);
        QTableWidget *table = pipeline->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 4, kTimeout);
        QHash<QString, QString> payment;
        for (int row = 0; row < table->rowCount(); ++row) {
            payment.insert(table->item(row, desktop::PipelineView::CampaignColumn)->text() + u'/'
                            + table->item(row, desktop::PipelineView::CreatorColumn)->text(),
                    table->item(row, desktop::PipelineView::PaymentColumn)->text());
        }
        // Approved, the first half of Lena's fee; Jonas's whole fee approved but late; Nora's
        // payable in 14 days.
        QCOMPARE(payment.value(u"Summit boots/Lena Travels"_s), u"Approved"_s);
        QCOMPARE(payment.value(u"Summit boots/Jonas Trails"_s), u"Late"_s);
        QCOMPARE(payment.value(u"Coastal walks/Nora Coast"_s), u"Scheduled"_s);
        saveScreenshot(m_window.get(), u"money-deals-table-en"_s);
    }

    void brandScreensInGerman()
    {
        QVERIFY(m_languages->apply(u"de"_s));
        m_window->openDeal(m_creators.first().dealId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->dealPage()->isComplete(), kTimeout);
        m_window->dealPage()->showTab(desktop::DealView::Tab::Payments);
        saveScreenshot(m_window.get(), u"money-deal-payments-de"_s);
        m_window->openCampaignPage(m_campaignId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->campaignPage()->isComplete(), kTimeout);
        QCOMPARE(m_window->campaignPage()->budgetBar()->amountText(BudgetBar::Part::Committed),
                eur(600000));
        saveScreenshot(m_window.get(), u"money-campaign-budget-de"_s);
        showPage(payouts());
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QCOMPARE(payouts()->windowTitle(), u"Auszahlungen"_s);
        payouts()->selectPayouts(listedIds());
        saveScreenshot(m_window.get(), u"money-payouts-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }

    void creatorSeesEarningsAndWhatIsMissing()
    {
        signInAs(m_nora.email);
        QVERIFY(!m_window->findChild<QAction *>(u"go-payoutsPage"_s)->isVisible());
        QVERIFY(m_window->findChild<QAction *>(u"go-earningsPage"_s)->isVisible());
        desktop::EarningsPage *page = m_window->earningsPage();
        showPage(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::EarningsPage::State::Loaded, kTimeout);
        QVERIFY(page->earnings().has_value());
        QVERIFY(!page->earnings()->readiness.ready);
        QVERIFY2(page->readinessText().contains(u"payout account"_s),
                qPrintable(page->readinessText()));
        QVERIFY2(page->readinessText().contains(u"tax form"_s), qPrintable(page->readinessText()));
        // One currency; Nora's whole fee became payable on acceptance, due in 14 days.
        QCOMPARE(page->totalsTable()->rowCount(), 1);
        QCOMPARE(page->totalsTable()->item(0, desktop::EarningsPage::Currency)->text(), u"EUR"_s);
        QCOMPARE(page->earnings()->totals.first().scheduledMinor
                        + page->earnings()->totals.first().dueMinor,
                80000);
        QCOMPARE(page->dealsTable()->rowCount(), 1);
        QCOMPARE(page->dealsTable()->item(0, 0)->text(), u"Coastal walks"_s);
        saveScreenshot(m_window.get(), u"money-earnings-not-ready-en"_s);

        // The payout account: saved, and the tax form is no longer missing.
        page->setAccountForm({u"acct_1Nora"_s, common::TaxForm::W9, QDate::currentDate()});
        QTest::mouseClick(find<QPushButton>(u"savePayoutAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                page->messageText() == u"The payout account was saved."_s, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::EarningsPage::State::Loaded, kTimeout);
        QVERIFY(page->account().has_value());
        QCOMPARE(page->account()->accountId, u"acct_1Nora"_s);
        QCOMPARE(page->account()->taxForm, common::TaxForm::W9);
        QVERIFY2(!page->readinessText().contains(u"tax form"_s), qPrintable(page->readinessText()));
        QVERIFY2(page->readinessText().contains(u"payout account"_s),
                qPrintable(page->readinessText()));
        saveScreenshot(m_window.get(), u"money-earnings-en"_s);
        QVERIFY(m_languages->apply(u"de"_s));
        // The windows hear of the language through posted events.
        QTRY_COMPARE_WITH_TIMEOUT(page->windowTitle(), u"Einnahmen"_s, kTimeout);
        QVERIFY2(page->readinessText().contains(u"Auszahlungskonto"_s),
                qPrintable(page->readinessText()));
        // The layouts follow the new texts in posted events too.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        saveScreenshot(m_window.get(), u"money-earnings-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }

    void acceptingOverTheBudgetNamesWhatRemains()
    {
        // The brand (over HTTP) invites Nora for more than its small campaign has left.
        const QString brand = login(m_brandEmail);
        const QJsonObject body{{u"name"_s, u"Small budget"_s}, {u"brief"_s, u"A test."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 100000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString campaign =
                post(u"/api/v1/campaigns"_s, brand, body).json().value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/campaigns/%1/launch"_s.arg(campaign), brand).status, 200);
        const auto reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brand,
                {{u"influencerId"_s, m_nora.profileId},
                        {u"offer"_s, offer(150000, terms({{u"live"_s, 100}}, 30))}});
        QCOMPARE(reply.status, 201);
        const QString dealId = reply.json().value(u"id"_s).toString();

        openDeal(dealId);
        clickWhenEnabled(u"acceptOfferButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->dealPage()->messageText().contains(u"budget"_s), kTimeout);
        const QString message = m_window->dealPage()->messageText();
        QVERIFY2(message.contains(eur(100000)), qPrintable(message));
        QVERIFY2(message.contains(eur(150000)), qPrintable(message));
        QCOMPARE(get(u"/api/v1/deals/"_s + dealId, brand).value(u"state"_s).toString(),
                u"invited"_s);
        saveScreenshot(m_window.get(), u"money-budget-exceeded-en"_s);
    }

    /// Several payouts at once from the Payouts page: two recorded as paid under one bank
    /// batch's reference, two cancelled after a question naming their count and total, each in
    /// one request (all or none).
    void severalPayoutsRecordedOrCancelledAtOnce()
    {
        signInAs(m_brandEmail);
        tests::StallMeter meter;
        const QString campaign = launchedCampaign(u"Batch month"_s, 1000000);
        QVERIFY(!campaign.isEmpty());
        for (const QString &name : {u"Ida One"_s, u"Ole Two"_s, u"Pia Three"_s, u"Rui Four"_s}) {
            const Creator creator = newCreator(name);
            QVERIFY(!creator.profileId.isEmpty());
            const auto deal = invite(campaign, creator, 100000, terms({{u"acceptance"_s, 100}}, 0));
            QCOMPARE(acceptInvitation(creator, deal), 200);
        }
        QStringList ids;
        for (const auto &payout : payoutsOnServer(u"campaign="_s + campaign)) {
            ids << payout.toObject().value(u"id"_s).toString();
        }
        QCOMPARE(ids.size(), 4);
        const auto stateOf = [&](const QString &id) {
            for (const auto &payout : payoutsOnServer(u"campaign="_s + campaign)) {
                if (payout.toObject().value(u"id"_s).toString() == id) {
                    return payout.toObject();
                }
            }
            return QJsonObject();
        };
        showPage(payouts());
        payouts()->setShow(PayoutsPage::Show::All);
        payouts()->setCampaignFilter(campaign);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 4, kTimeout);

        // Two paid by one bank batch.
        payouts()->selectPayouts({ids[0], ids[1]});
        QCOMPARE(payouts()->selectedPayouts().size(), 2);
        auto *recordButton = find<QPushButton>(u"recordPaymentButton"_s);
        QVERIFY(recordButton->isEnabled());
        QTest::mouseClick(recordButton, Qt::LeftButton);
        desktop::PayoutActions *actions = payouts()->payoutActions();
        QTRY_VERIFY_WITH_TIMEOUT(actions->dialog() && actions->dialog()->isVisible(), kTimeout);
        const QString what = find<QLabel>(actions->dialog(), u"recordPaymentPayout"_s)->text();
        QVERIFY2(what.contains(u"2 payouts"_s) && what.contains(eur(200000)), qPrintable(what));
        actions->dialog()->setRecord({u"BATCH-2026-12"_s, QDate::currentDate()});
        saveScreenshot(actions->dialog(), u"money-record-batch-en"_s);
        QTest::mouseClick(find<QPushButton>(actions->dialog(), u"recordPaymentSubmitButton"_s),
                Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->dialog(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->messageText().contains(u"BATCH-2026-12"_s), kTimeout);
        for (const QString &id : {ids[0], ids[1]}) {
            QCOMPARE(stateOf(id).value(u"state"_s).toString(), u"paid"_s);
            QCOMPARE(stateOf(id).value(u"reference"_s).toString(), u"BATCH-2026-12"_s);
        }

        // A paid payout with a due one: nothing to cancel (all or none).
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 4, kTimeout);
        auto *cancelButton = find<QPushButton>(u"cancelPayoutButton"_s);
        payouts()->selectPayouts({ids[0], ids[2]});
        QVERIFY(!cancelButton->isEnabled());
        // The two still due, cancelled after the question.
        payouts()->selectPayouts({ids[2], ids[3]});
        QVERIFY(cancelButton->isEnabled());
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QMessageBox *box = actions->confirmation();
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), kTimeout);
        QVERIFY2(box->text().contains(u"2 payouts"_s) && box->text().contains(eur(200000)),
                qPrintable(box->text()));
        QTest::mouseClick(
                box->findChild<QPushButton *>(u"confirmCancelPayoutButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                stateOf(ids[3]).value(u"state"_s).toString() == u"cancelled"_s, kTimeout);
        QCOMPARE(stateOf(ids[2]).value(u"state"_s).toString(), u"cancelled"_s);
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->messageText().contains(u"2 payouts"_s), kTimeout);
        // Both back in the budget: 1 000 000 less the two paid.
        QCOMPARE(get(u"/api/v1/campaigns/%1/budget"_s.arg(campaign), brandToken())
                         .value(u"remainingMinor"_s)
                         .toInteger(),
                800000);
        record(meter);
    }

    void offerEditorSetsTheSchedule()
    {
        desktop::OfferEditor editor;
        common::OfferInput input;
        input.fee = {50000, u"EUR"_s};
        input.deliverables.append(common::OfferLine{});
        input.deliverables.first().dueDate = QDate::currentDate().addDays(7);
        editor.setOffer(input);
        auto *schedule = editor.findChild<QComboBox *>(u"offerPaymentSchedule"_s);
        auto *netDays = editor.findChild<QSpinBox *>(u"offerNetDays"_s);
        QVERIFY(schedule && netDays);
        QCOMPARE(schedule->count(), 3);
        QCOMPARE(schedule->currentText(), u"100 % when live"_s);
        QCOMPARE(editor.input()->paymentTerms, common::PaymentTerms{});
        // 50 % on acceptance, 50 % when live, net 14.
        editor.choosePreset(1);
        netDays->setValue(14);
        auto chosen = editor.input();
        QVERIFY(chosen);
        QCOMPARE(chosen->paymentTerms.schedule,
                (QList<common::Installment>{{common::PaymentCondition::Acceptance, 50},
                        {common::PaymentCondition::Live, 50}}));
        QCOMPARE(chosen->paymentTerms.netDays, 14);
        QCOMPARE(common::offerJson(*chosen).value(u"paymentTerms"_s).toObject(),
                terms({{u"acceptance"_s, 50}, {u"live"_s, 50}}, 14));
        // An offer with a schedule of its own keeps it, beside the presets.
        input.paymentTerms = {{{common::PaymentCondition::Approval, 30},
                                      {common::PaymentCondition::Completion, 70}},
                60};
        editor.setOffer(input);
        QCOMPARE(schedule->count(), 4);
        QCOMPARE(schedule->currentIndex(), 3);
        QCOMPARE(schedule->currentText(), u"30 % on approval, 70 % on completion"_s);
        QCOMPARE(editor.input()->paymentTerms, input.paymentTerms);
        editor.choosePreset(2);
        QCOMPARE(editor.input()->paymentTerms.schedule,
                (QList<common::Installment>{{common::PaymentCondition::Approval, 100}}));
    }
};

QTEST_MAIN(TestDesktopMoney)
#include "tst_desktop_money.moc"
