// SPDX-License-Identifier: Apache-2.0
// The money screens' steps on the desktop against a real server (offscreen), signed in as the
// brand's owner with three creators' deals accepted in one campaign (each fee payable on
// acceptance, net 0 days: due at once; Jonas's five days late): the board's cards carry the
// payment badge; a selected late payout keeps its red badge; a payment made elsewhere is recorded
// from the Payouts page (an attempt whose answer was lost is sent again with the same key, and
// the server records it once) and from a deal's Payments tab; a payout is cancelled from the
// deal page after a question naming its amount, its money back in the budget; the budget is
// changed from the campaign page with one key per attempt (the same key twice: one ledger
// transfer), and lowering it below what is committed and paid shows the amount; the campaign's
// ledger lists every transfer page by page and exports it as CSV; the audit log lists who did
// what, filtered by object, page by page. Each read back over the API. Screenshots in English
// and German.
#include "MoneyTestSupport.h"
#include "campaigns/CampaignBudgetDialog.h"
#include "campaigns/CampaignPage.h"
#include "deals/DealCardDelegate.h"
#include "deals/DealColumn.h"
#include "deals/DealPaymentsTab.h"
#include "deals/PipelineView.h"
#include "money/AuditLogPage.h"
#include "money/LedgerTab.h"
#include "money/PayoutsModel.h"
#include "money/PayoutsPage.h"
#include "widgets/BudgetBar.h"
#include "widgets/CsvExport.h"
#include "widgets/PayoutActions.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::PayoutState;
using influence::desktop::PayoutsModel;
using influence::desktop::PayoutsPage;
using influence::tests::as;
using influence::tests::eur;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;
using influence::tests::terms;

namespace {

/// Whether `color` is the late badge's red (antialiasing and text aside).
bool isBadgeRed(const QColor &color)
{
    return color.red() > 180 && color.green() < 110 && color.blue() < 120;
}

} // namespace

class TestDesktopLedger : public QObject, public tests::MoneyFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_campaignId;
    Creator m_lena; ///< her payout is recorded as paid from the Payouts page
    Creator m_mika; ///< his payout is cancelled from the deal page
    Creator m_jonas; ///< late; recorded as paid from the deal page
    qint64 m_budgetTransfers = 0; ///< the ledger's budget transfers before the change

    PayoutsPage *payouts() { return m_window->payoutsPage(); }
    desktop::CampaignPage *campaignPage() { return m_window->campaignPage(); }

    QJsonObject payoutOf(const Creator &creator)
    {
        const QJsonArray items = get(u"/api/v1/payouts?campaign="_s + m_campaignId, brandToken())
                                         .value(u"items"_s)
                                         .toArray();
        for (const auto &item : items) {
            if (item.toObject().value(u"dealId"_s).toString() == creator.dealId) {
                return item.toObject();
            }
        }
        return {};
    }

    QJsonObject budgetOnServer()
    {
        return get(u"/api/v1/campaigns/%1/budget"_s.arg(m_campaignId), brandToken());
    }

    /// Every ledger entry of the campaign on the server.
    QJsonArray entriesOnServer()
    {
        return get(u"/api/v1/ledger/entries?limit=100&campaign="_s + m_campaignId, brandToken())
                .value(u"items"_s)
                .toArray();
    }

    qint64 transfersWithCause(const QString &cause)
    {
        QSet<QString> transfers;
        for (const auto &entry : entriesOnServer()) {
            if (entry.toObject().value(u"cause"_s).toString() == cause) {
                transfers.insert(entry.toObject().value(u"transferId"_s).toString());
            }
        }
        return transfers.size();
    }

    /// The Payouts page listing every payout of the campaign, the creator's row selected.
    void selectOnPayoutsPage(const Creator &creator)
    {
        showPage(payouts());
        payouts()->setShow(PayoutsPage::Show::All);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->state(), PayoutsPage::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(payouts()->model()->rowCount(), 3, kTimeout);
        const QString id = payoutOf(creator).value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        payouts()->selectPayouts({id});
        QVERIFY(payouts()->selectedPayout().has_value());
        QCOMPARE(payouts()->selectedPayout()->id, id);
    }

    /// The card of the creator on the pipeline board.
    QListWidgetItem *card(const QString &creatorName)
    {
        for (auto *column : m_window->pipelinePage()->findChildren<desktop::DealColumn *>()) {
            for (int row = 0; row < column->count(); ++row) {
                if (column->item(row)->text().startsWith(creatorName)) {
                    return column->item(row);
                }
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_db = m_server->connect(u"ledger-desktop-test"_s);
        QVERIFY(m_db);
        m_brandEmail = signUp(u"brand"_s);
        QVERIFY(!m_brandEmail.isEmpty());
        m_lena = newCreator(u"Lena Travels"_s);
        m_mika = newCreator(u"Mika Peaks"_s);
        m_jonas = newCreator(u"Jonas Trails"_s);
        QVERIFY(!m_jonas.profileId.isEmpty());
        QVERIFY(startApp(QSize(1280, 800)));
        signInAs(m_brandEmail);
        QVERIFY(brandProfile(brandToken(), u"Alpine Boots"_s));

        // Each whole fee payable on acceptance, due at once.
        m_campaignId = launchedCampaign(u"Summit boots"_s, 1500000);
        for (auto [creator, fee] : {std::pair{&m_lena, qint64(385000)},
                     std::pair{&m_mika, qint64(120000)}, std::pair{&m_jonas, qint64(95000)}}) {
            const auto deal =
                    invite(m_campaignId, *creator, fee, terms({{u"acceptance"_s, 100}}, 0));
            QVERIFY(!deal.second.isEmpty());
            QCOMPARE(acceptInvitation(*creator, deal), 200);
            creator->dealId = deal.first;
            creator->fee = fee;
        }
        QVERIFY(m_db->execDirect(u"UPDATE payouts SET due_on = current_date - 5 "
                                 "WHERE amount_minor = 95000"_s));
        QCOMPARE(budgetOnServer().value(u"committedMinor"_s).toInteger(), 600000);
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the ledger flows"_s);
        m_db.reset();
        stop();
    }

    void cleanup()
    {
        if (m_languages->current() != u"en"_s) {
            QVERIFY(m_languages->apply(u"en"_s));
        }
    }

    void boardCardsCarryThePaymentBadge()
    {
        desktop::PipelineView *pipeline = m_window->pipelinePage();
        showPage(pipeline);
        pipeline->setView(desktop::PipelineView::View::Board);
        pipeline->reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                pipeline->state(), desktop::PipelineView::State::Loaded, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(card(m_jonas.name), kTimeout);
        // As the server says: Jonas's late, the others due.
        for (const Creator *creator : {&m_lena, &m_mika, &m_jonas}) {
            const QString state = get(u"/api/v1/deals/"_s + creator->dealId, brandToken())
                                          .value(u"payment"_s)
                                          .toObject()
                                          .value(u"state"_s)
                                          .toString();
            QCOMPARE(state, creator == &m_jonas ? u"late"_s : u"due"_s);
            QListWidgetItem *item = card(creator->name);
            QVERIFY(item);
            QCOMPARE(item->data(desktop::DealCardDelegate::kPaymentRole).toString(), state);
            const auto badge = desktop::DealCardDelegate::paymentBadge(state);
            QVERIFY(badge);
            QCOMPARE(badge->first, creator == &m_jonas ? u"Late"_s : u"Due"_s);
            QVERIFY(item->toolTip().contains(u"Payment: "_s + badge->first));
        }
        QVERIFY(!desktop::DealCardDelegate::paymentBadge(u"scheduled"_s));
        // The late card's badge is painted red.
        QListWidgetItem *late = card(m_jonas.name);
        auto *column = qobject_cast<desktop::DealColumn *>(late->listWidget());
        const QRect rect = column->visualItemRect(late);
        const QImage image = column->viewport()->grab(rect).toImage();
        int red = 0;
        for (int y = image.height() / 2; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                red += isBadgeRed(image.pixelColor(x, y)) ? 1 : 0;
            }
        }
        QVERIFY2(red > 50, qPrintable(QString::number(red)));
        saveScreenshot(m_window.get(), u"ledger-board-badges-en"_s);
    }

    void selectedLatePayoutKeepsItsBadge()
    {
        selectOnPayoutsPage(m_jonas);
        QTableView *table = payouts()->table();
        const int row = payouts()->model()->rowOf(payoutOf(m_jonas).value(u"id"_s).toString());
        const QModelIndex late =
                qobject_cast<QSortFilterProxyModel *>(table->model())
                        ->mapFromSource(payouts()->model()->index(row, PayoutsModel::Late));
        QVERIFY(table->selectionModel()->isRowSelected(late.row(), {}));
        QCOMPARE(late.data().toString(), u"Late"_s);
        const QRect rect = table->visualRect(late);
        const QImage image = table->viewport()->grab(rect).toImage();
        // The centre of the cell is the badge's red, not the selection's highlight.
        int red = 0;
        for (int x = 0; x < image.width(); ++x) {
            red += isBadgeRed(image.pixelColor(x, image.height() / 2 - 3)) ? 1 : 0;
        }
        QVERIFY2(red >= 10, qPrintable(QString::number(red)));
        // A selected payout that is not late has no badge.
        selectOnPayoutsPage(m_lena);
        const int lena = payouts()->model()->rowOf(payoutOf(m_lena).value(u"id"_s).toString());
        const QModelIndex none =
                qobject_cast<QSortFilterProxyModel *>(table->model())
                        ->mapFromSource(payouts()->model()->index(lena, PayoutsModel::Late));
        const QImage plain = table->viewport()->grab(table->visualRect(none)).toImage();
        int plainRed = 0;
        for (int x = 0; x < plain.width(); ++x) {
            plainRed += isBadgeRed(plain.pixelColor(x, plain.height() / 2)) ? 1 : 0;
        }
        QCOMPARE(plainRed, 0);
        selectOnPayoutsPage(m_jonas);
        saveScreenshot(m_window.get(), u"ledger-payouts-late-selected-en"_s);
    }

    void recordPaymentFromThePayoutsPage()
    {
        tests::StallMeter meter;
        selectOnPayoutsPage(m_lena);
        auto *button = find<QPushButton>(u"recordPaymentButton"_s);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        desktop::PayoutActions *actions = payouts()->payoutActions();
        QTRY_VERIFY_WITH_TIMEOUT(actions->dialog() && actions->dialog()->isVisible(), kTimeout);
        desktop::RecordPaymentDialog *dialog = actions->dialog();
        QVERIFY(find<QLabel>(dialog, u"recordPaymentPayout"_s)->text().contains(eur(385000)));
        // No reference: the form says what is missing and sends nothing.
        QTest::mouseClick(
                find<QPushButton>(dialog, u"recordPaymentSubmitButton"_s), Qt::LeftButton);
        QVERIFY(dialog->statusText().contains(u"reference"_s));
        QVERIFY(!actions->isBusy());
        dialog->setRecord({u"SEPA-2026-118"_s, QDate::currentDate().addDays(-1)});
        saveScreenshot(dialog, u"ledger-record-payment-en"_s);

        // The first attempt goes nowhere: its answer is lost, the key kept.
        const QUrl server = m_api->baseUrl();
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        QTest::mouseClick(
                find<QPushButton>(dialog, u"recordPaymentSubmitButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->isBusy(), kTimeout);
        const QString key = actions->pendingRecordKey();
        QVERIFY(!key.isEmpty());
        QVERIFY2(dialog->statusText().contains(u"may not have reached"_s),
                qPrintable(dialog->statusText()));
        QCOMPARE(payoutOf(m_lena).value(u"state"_s).toString(), u"due"_s);

        // Sent again with the same key, now reaching the server.
        m_api->setBaseUrl(server);
        QTest::mouseClick(
                find<QPushButton>(dialog, u"recordPaymentSubmitButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->dialog(), kTimeout);
        QVERIFY(actions->pendingRecordKey().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->messageText().contains(u"SEPA-2026-118"_s), kTimeout);
        record(meter);
        const QJsonObject paid = payoutOf(m_lena);
        QCOMPARE(paid.value(u"state"_s).toString(), u"paid"_s);
        QCOMPARE(paid.value(u"method"_s).toString(), u"offline"_s);
        QCOMPARE(paid.value(u"reference"_s).toString(), u"SEPA-2026-118"_s);
        // The server recorded it once for that key: the same request is a replay.
        tests::Headers headers = as(brandToken());
        headers.append({"Idempotency-Key", key.toLatin1()});
        const auto replay = m_http->send("POST",
                u"/api/v1/payouts/%1/record-payment"_s.arg(paid.value(u"id"_s).toString()),
                tests::compact({{u"reference"_s, u"SEPA-2026-118"_s},
                        {u"paidOn"_s, QDate::currentDate().addDays(-1).toString(Qt::ISODate)}}),
                headers);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(transfersWithCause(u"payout_paid"_s), 1);
        QCOMPARE(budgetOnServer().value(u"paidMinor"_s).toInteger(), 385000);
        // The table shows it paid.
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->model()->rowOf(paid.value(u"id"_s).toString()) >= 0
                        && payouts()->model()
                                        ->payoutAt(payouts()->model()->rowOf(
                                                paid.value(u"id"_s).toString()))
                                        ->state
                                == PayoutState::Paid,
                kTimeout);
    }

    void cancelPayoutFromTheDealPage()
    {
        const qint64 remaining = budgetOnServer().value(u"remainingMinor"_s).toInteger();
        openDeal(m_mika.dealId);
        desktop::DealView *deal = m_window->dealPage();
        deal->showTab(desktop::DealView::Tab::Payments);
        desktop::DealPaymentsTab *tab = deal->paymentsTab();
        QTRY_COMPARE_WITH_TIMEOUT(tab->payoutsTable()->rowCount(), 1, kTimeout);
        auto *cancel = find<QPushButton>(u"dealCancelPayoutButton"_s);
        QVERIFY(cancel->isVisible());
        QVERIFY(!cancel->isEnabled()); // nothing selected
        tab->selectPayout(payoutOf(m_mika).value(u"id"_s).toString());
        QVERIFY(cancel->isEnabled());
        QVERIFY(find<QPushButton>(u"dealRecordPaymentButton"_s)->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QMessageBox *box = tab->payoutActions()->confirmation();
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), kTimeout);
        QVERIFY2(box->text().contains(eur(120000)), qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(u"Summit boots"_s),
                qPrintable(box->informativeText()));
        saveScreenshot(box, u"ledger-cancel-payout-en"_s);
        QTest::mouseClick(find<QPushButton>(box, u"confirmCancelPayoutButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(deal->messageText().contains(u"cancelled"_s), kTimeout);
        QCOMPARE(payoutOf(m_mika).value(u"state"_s).toString(), u"cancelled"_s);
        // The money is back in the budget.
        QCOMPARE(budgetOnServer().value(u"remainingMinor"_s).toInteger(), remaining + 120000);
        QCOMPARE(budgetOnServer().value(u"committedMinor"_s).toInteger(), 95000);
        QTRY_VERIFY_WITH_TIMEOUT(deal->isComplete() && !deal->payouts().isEmpty()
                        && deal->payouts().first().state == PayoutState::Cancelled,
                kTimeout);
        saveScreenshot(m_window.get(), u"ledger-deal-cancelled-en"_s);
    }

    void recordPaymentFromTheDealPage()
    {
        openDeal(m_jonas.dealId);
        desktop::DealView *deal = m_window->dealPage();
        deal->showTab(desktop::DealView::Tab::Payments);
        desktop::DealPaymentsTab *tab = deal->paymentsTab();
        QTRY_COMPARE_WITH_TIMEOUT(tab->payoutsTable()->rowCount(), 1, kTimeout);
        tab->selectPayout(payoutOf(m_jonas).value(u"id"_s).toString());
        QTest::mouseClick(find<QPushButton>(u"dealRecordPaymentButton"_s), Qt::LeftButton);
        desktop::PayoutActions *actions = tab->payoutActions();
        QTRY_VERIFY_WITH_TIMEOUT(actions->dialog() && actions->dialog()->isVisible(), kTimeout);
        actions->dialog()->setRecord({u"WIRE 7731"_s, QDate::currentDate()});
        QTest::mouseClick(find<QPushButton>(actions->dialog(), u"recordPaymentSubmitButton"_s),
                Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->dialog(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(deal->isComplete() && !deal->payouts().isEmpty()
                        && deal->payouts().first().state == PayoutState::Paid,
                kTimeout);
        QCOMPARE(payoutOf(m_jonas).value(u"reference"_s).toString(), u"WIRE 7731"_s);
        QCOMPARE(payoutOf(m_jonas).value(u"late"_s).toBool(), false);
        QVERIFY(tab->payoutsTable()
                        ->item(0, desktop::DealPaymentsTab::PayoutNote)
                        ->text()
                        .contains(u"WIRE 7731"_s));
        QCOMPARE(budgetOnServer().value(u"paidMinor"_s).toInteger(), 385000 + 95000);
        // Paid: the board's card says so.
        showPage(m_window->pipelinePage());
        m_window->pipelinePage()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(card(m_jonas.name)
                        && card(m_jonas.name)
                                        ->data(desktop::DealCardDelegate::kPaymentRole)
                                        .toString()
                                == u"paid"_s,
                kTimeout);
    }

    void budgetChangeIsIdempotent()
    {
        m_budgetTransfers = transfersWithCause(u"budget"_s);
        QCOMPARE(m_budgetTransfers, 1); // the opening budget
        m_window->openCampaignPage(m_campaignId);
        QTRY_VERIFY_WITH_TIMEOUT(campaignPage()->isComplete(), kTimeout);
        tests::StallMeter meter;
        auto *change = find<QPushButton>(u"changeBudgetButton"_s);
        QVERIFY(change->isVisible() && change->isEnabled());
        QTest::mouseClick(change, Qt::LeftButton);
        desktop::CampaignBudgetDialog *dialog = campaignPage()->budgetDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), kTimeout);
        QCOMPARE(dialog->typedAmount(), std::optional<qint64>(1500000));
        dialog->setTypedAmount(1600000);
        // A timeout: the answer is lost, the key kept for the same amount.
        const QUrl server = m_api->baseUrl();
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeout);
        const QString key = dialog->pendingKey();
        QVERIFY(!key.isEmpty());
        QVERIFY2(dialog->statusText().contains(u"may not have reached"_s),
                qPrintable(dialog->statusText()));
        saveScreenshot(dialog, u"ledger-budget-retry-en"_s);
        m_api->setBaseUrl(server);
        QTest::mouseClick(find<QPushButton>(dialog, u"submitBudgetButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!campaignPage()->budgetDialog(), kTimeout);
        record(meter);
        QTRY_VERIFY_WITH_TIMEOUT(campaignPage()->isComplete()
                        && campaignPage()->budgetBar()->budget()
                        && campaignPage()->budgetBar()->budget()->budgetMinor == 1600000,
                kTimeout);
        QVERIFY(campaignPage()->messageText().contains(eur(1600000)));
        QCOMPARE(budgetOnServer().value(u"budgetMinor"_s).toInteger(), 1600000);
        QCOMPARE(transfersWithCause(u"budget"_s), m_budgetTransfers + 1);
        // The same key and body again: the stored answer, no second transfer.
        tests::Headers headers = as(brandToken());
        headers.append({"Idempotency-Key", key.toLatin1()});
        const auto replay = m_http->send("PATCH", u"/api/v1/campaigns/"_s + m_campaignId,
                tests::compact({{u"budgetMinor"_s, 1600000}}), headers);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(transfersWithCause(u"budget"_s), m_budgetTransfers + 1);

        // A new edit is a new attempt, with a new key: below what is committed and paid (nothing
        // committed, 4,800.00 paid), refused with the amount, and nothing changes.
        QTest::mouseClick(change, Qt::LeftButton);
        dialog = campaignPage()->budgetDialog();
        QVERIFY(dialog);
        dialog->setTypedAmount(400000);
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeout);
        QVERIFY(dialog->lastKey() != key);
        QVERIFY(dialog->pendingKey().isEmpty()); // an answer: the next is a new attempt
        QVERIFY2(dialog->statusText().contains(eur(480000)), qPrintable(dialog->statusText()));
        QVERIFY2(dialog->statusText().contains(u"committed and paid"_s),
                qPrintable(dialog->statusText()));
        saveScreenshot(dialog, u"ledger-budget-below-committed-en"_s);
        QCOMPARE(budgetOnServer().value(u"budgetMinor"_s).toInteger(), 1600000);
        QCOMPARE(transfersWithCause(u"budget"_s), m_budgetTransfers + 1);
        dialog->close();
        QTRY_VERIFY_WITH_TIMEOUT(!campaignPage()->budgetDialog(), kTimeout);
    }

    void ledgerListsEveryTransferPageByPage()
    {
        desktop::LedgerTab *ledger = m_window->ledgerTab();
        ledger->setPageSize(6); // 3 transfers a page
        QTest::mouseClick(find<QPushButton>(u"campaignLedgerButton"_s), Qt::LeftButton);
        QCOMPARE(campaignPage()->tabs()->currentWidget(), ledger);
        QTRY_COMPARE_WITH_TIMEOUT(ledger->state(), desktop::LedgerTab::State::Loaded, kTimeout);
        const QJsonArray entries = entriesOnServer();
        QSet<QString> transfers;
        for (const auto &entry : entries) {
            transfers.insert(entry.toObject().value(u"transferId"_s).toString());
        }
        // budget, 3 reservations, 3 payable, 2 paid, cancelled + released, the budget change
        QCOMPARE(transfers.size(), 12);
        QCOMPARE(ledger->transfers().size(), 3);
        auto *more = find<QPushButton>(u"moreLedgerButton"_s);
        while (ledger->hasMore()) {
            QVERIFY(more->isVisible());
            const auto before = ledger->transfers().size();
            QTest::mouseClick(more, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(ledger->transfers().size() > before, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!more->isVisible(), kTimeout);
        QCOMPARE(ledger->transfers().size(), transfers.size());
        QTableWidget *table = ledger->table();
        QCOMPARE(table->rowCount(), transfers.size());
        // Each row is one whole transfer, in words.
        QStringList causes;
        for (int row = 0; row < table->rowCount(); ++row) {
            const auto &t = ledger->transfers().at(row);
            QVERIFY(t.debit && t.credit);
            QCOMPARE(t.debit->amount.minorUnits, -t.credit->amount.minorUnits);
            QCOMPARE(table->item(row, desktop::LedgerTab::Amount)->text(),
                    eur(t.credit->amount.minorUnits));
            causes.append(table->item(row, desktop::LedgerTab::Cause)->text());
        }
        // The first budget transfer set it; the edit raised it (15,000.00 to 16,000.00).
        QCOMPARE(causes.first(), u"Budget set"_s);
        QCOMPARE(causes.last(), u"Budget raised"_s);
        QCOMPARE(causes.count(u"Fee reserved (offer accepted)"_s), 3);
        QCOMPARE(causes.count(u"Payout paid"_s), 2);
        QCOMPARE(causes.count(u"Payout cancelled"_s), 1);
        QCOMPARE(table->item(0, desktop::LedgerTab::From)->text(), u"Brand funds"_s);
        QCOMPARE(table->item(0, desktop::LedgerTab::To)->text(), u"Campaign budget"_s);
        QCOMPARE(table->item(0, desktop::LedgerTab::Remaining)->text(), eur(1500000));
        QStringList accounts;
        for (int row = 0; row < table->rowCount(); ++row) {
            accounts << table->item(row, desktop::LedgerTab::From)->text()
                     << table->item(row, desktop::LedgerTab::To)->text();
        }
        QVERIFY(accounts.contains(u"Reserved for Lena Travels"_s));
        QVERIFY(accounts.contains(u"Paid to Jonas Trails"_s));
        // The last movement leaves what the budget says is remaining.
        QCOMPARE(table->item(table->rowCount() - 1, desktop::LedgerTab::Remaining)->text(),
                eur(budgetOnServer().value(u"remainingMinor"_s).toInteger()));
        saveScreenshot(m_window.get(), u"ledger-tab-en"_s);

        // CSV: the filter, the header, then the rows as listed.
        const QByteArray bytes = ledger->csv();
        const QList<QStringList> rows = desktop::Csv::parse(bytes);
        QCOMPARE(rows.at(0), (QStringList{u"Campaign"_s, u"Summit boots"_s}));
        const qsizetype header = rows.indexOf(QStringList{u"Time"_s, u"What"_s, u"From"_s, u"To"_s,
                u"Amount"_s, u"Currency"_s, u"Budget left"_s});
        QVERIFY2(header > 0, bytes.constData());
        QCOMPARE(rows.size() - header - 1, table->rowCount());
        for (int row = 0; row < table->rowCount(); ++row) {
            const QStringList &line = rows.at(header + 1 + row);
            const auto &t = ledger->transfers().at(row);
            QCOMPARE(line.at(0), t.at.toUTC().toString(Qt::ISODate));
            QCOMPARE(line.at(1), table->item(row, desktop::LedgerTab::Cause)->text());
            QCOMPARE(line.at(2), table->item(row, desktop::LedgerTab::From)->text());
            QCOMPARE(line.at(3), table->item(row, desktop::LedgerTab::To)->text());
            QCOMPARE(line.at(4), common::formatMoneyPlain(t.credit->amount).section(u' ', 0, 0));
            QCOMPARE(line.at(5), u"EUR"_s);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.csv"_s);
        ledger->exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(ledger->messageText().contains(u"exported"_s), kTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        ledger->setPageSize(100);
    }

    void auditLogListsWhoDidWhat()
    {
        desktop::AuditLogPage *audit = m_window->auditLogPage();
        audit->setPageSize(4);
        showPage(audit);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        QCOMPARE(audit->entries().size(), 4);
        auto *more = find<QPushButton>(u"moreAuditButton"_s);
        while (audit->hasMore()) {
            const auto before = audit->entries().size();
            QTest::mouseClick(more, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(audit->entries().size() > before, kTimeout);
        }
        const QJsonArray all =
                get(u"/api/v1/audit-log?limit=100"_s, brandToken()).value(u"items"_s).toArray();
        QCOMPARE(audit->entries().size(), all.size());
        QVERIFY(all.size() >= 10);
        // Newest first: the budget change, by the brand's owner.
        QCOMPARE(audit->entries().first().action, u"campaign.budget_changed"_s);
        QTableWidget *table = audit->table();
        QCOMPARE(table->item(0, desktop::AuditLogPage::What)->text(), u"Budget changed"_s);
        QCOMPARE(table->item(0, desktop::AuditLogPage::Object)->text(),
                u"Campaign “Summit boots”"_s);
        QVERIFY2(table->item(0, desktop::AuditLogPage::Change)
                         ->text()
                         .contains(eur(1500000) + u" → "_s + eur(1600000)),
                qPrintable(table->item(0, desktop::AuditLogPage::Change)->text()));
        QCOMPARE(table->item(0, desktop::AuditLogPage::Who)->text(), u"You"_s);

        // Payouts only: every entry is a payout's, one of them Lena's payment.
        audit->setPageSize(100);
        audit->setObjects(desktop::AuditLogPage::Objects::Payouts);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        const QJsonArray payoutEntries = get(u"/api/v1/audit-log?action=payout."_s, brandToken())
                                                 .value(u"items"_s)
                                                 .toArray();
        QCOMPARE(audit->entries().size(), payoutEntries.size());
        bool sepa = false;
        bool lenaScheduled = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            QVERIFY(audit->entries().at(row).action.startsWith(u"payout."_s));
            QVERIFY(table->item(row, desktop::AuditLogPage::Object)
                            ->text()
                            .startsWith(u"Payout"_s));
            if (table->item(row, desktop::AuditLogPage::Change)
                            ->text()
                            .contains(u"SEPA-2026-118"_s)) {
                sepa = true;
                QCOMPARE(table->item(row, desktop::AuditLogPage::What)->text(), u"Payout paid"_s);
                QCOMPARE(table->item(row, desktop::AuditLogPage::Object)->text(),
                        u"Payout of %1 to Lena Travels"_s.arg(eur(385000)));
                QCOMPARE(table->item(row, desktop::AuditLogPage::Who)->text(), u"You"_s);
                QVERIFY(table->item(row, desktop::AuditLogPage::Change)
                                ->text()
                                .contains(u"Scheduled → Paid"_s));
            }
            // Her acceptance scheduled her payout: she is named.
            if (table->item(row, desktop::AuditLogPage::What)->text() == u"Payout scheduled"_s
                    && table->item(row, desktop::AuditLogPage::Object)
                               ->text()
                               .endsWith(m_lena.name)) {
                QCOMPARE(table->item(row, desktop::AuditLogPage::Who)->text(), m_lena.name);
                lenaScheduled = true;
            }
        }
        QVERIFY(sepa);
        QVERIFY(lenaScheduled);
        saveScreenshot(m_window.get(), u"ledger-audit-log-en"_s);
    }

    void screensInGerman()
    {
        // The ledger's last outcome ("12 movements exported…") is English news: the switch
        // clears it rather than leave it behind on the German page.
        QVERIFY2(m_window->ledgerTab()->messageText().contains(u"exported"_s),
                qPrintable(m_window->ledgerTab()->messageText()));
        QVERIFY(m_languages->apply(u"de"_s));
        QVERIFY2(m_window->ledgerTab()->messageText().isEmpty(),
                qPrintable(m_window->ledgerTab()->messageText()));
        desktop::AuditLogPage *audit = m_window->auditLogPage();
        QTRY_COMPARE_WITH_TIMEOUT(audit->windowTitle(), u"Prüfprotokoll"_s, kTimeout);
        audit->setObjects(desktop::AuditLogPage::Objects::All);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        QCOMPARE(
                audit->table()->item(0, desktop::AuditLogPage::What)->text(), u"Budget geändert"_s);
        // A payout is named in the language and locale of the moment, not of the page's load.
        QStringList objects;
        for (int row = 0; row < audit->table()->rowCount(); ++row) {
            objects << audit->table()->item(row, desktop::AuditLogPage::Object)->text();
        }
        QVERIFY2(objects.contains(u"Auszahlung von 950,00\u00a0€ an Jonas Trails"_s),
                qPrintable(objects.join(u" | "_s)));
        QCoreApplication::sendPostedEvents();
        saveScreenshot(m_window.get(), u"ledger-audit-log-de"_s);
        m_window->openCampaignPage(m_campaignId);
        QTRY_VERIFY_WITH_TIMEOUT(campaignPage()->isComplete(), kTimeout);
        QTest::mouseClick(find<QPushButton>(u"campaignLedgerButton"_s), Qt::LeftButton);
        desktop::LedgerTab *ledger = m_window->ledgerTab();
        QTRY_COMPARE_WITH_TIMEOUT(ledger->state(), desktop::LedgerTab::State::Loaded, kTimeout);
        QCOMPARE(ledger->table()->item(0, desktop::LedgerTab::To)->text(), u"Kampagnenbudget"_s);
        saveScreenshot(m_window.get(), u"ledger-tab-de"_s);
        campaignPage()->tabs()->setCurrentIndex(0);
        campaignPage()->changeBudget();
        QVERIFY(campaignPage()->budgetDialog());
        QTRY_VERIFY_WITH_TIMEOUT(campaignPage()->budgetDialog()->isVisible(), kTimeout);
        saveScreenshot(campaignPage()->budgetDialog(), u"ledger-budget-dialog-de"_s);
        campaignPage()->budgetDialog()->close();
        showPage(payouts());
        payouts()->setShow(PayoutsPage::Show::All);
        // The rows stay while they are refreshed: wait for the payouts as they are now.
        const QString jonas = payoutOf(m_jonas).value(u"id"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(payouts()->model()->rowOf(jonas) >= 0
                        && payouts()->model()->payoutAt(payouts()->model()->rowOf(jonas))->state
                                == PayoutState::Paid,
                kTimeout);
        QCOMPARE(find<QPushButton>(u"recordPaymentButton"_s)->text(), u"&Zahlung erfassen…"_s);
        saveScreenshot(m_window.get(), u"ledger-payouts-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }

    void auditLogByPeriodAndAsCsv()
    {
        // An entry from 40 days ago (the log is append-only: written as it would have been).
        const QString owner = get(u"/api/v1/me"_s, brandToken()).value(u"id"_s).toString();
        QVERIFY(m_db->execDirect(
                u"INSERT INTO audit_log (at, actor_id, brand_id, action, object_type, object_id, "
                "before, after) VALUES (now() - interval '40 days', '%1', '%1', "
                "'campaign.settings_changed', 'campaign', '%2', '{\"name\": \"Old boots\"}', "
                "'{\"name\": \"Summit boots\"}')"_s.arg(owner, m_campaignId)));
        desktop::AuditLogPage *audit = m_window->auditLogPage();
        showPage(audit);
        audit->setObjects(desktop::AuditLogPage::Objects::All);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        const auto everything = audit->entries().size();
        // Listed by id, newest first: it was written last.
        QCOMPARE(audit->entries().first().action, u"campaign.settings_changed"_s);

        // The last 30 days: everything but that entry, as the server lists them for that start.
        audit->setPeriod(desktop::AuditLogPage::Period::Month);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        const QDateTime start = desktop::AuditLogPage::periodStart(
                desktop::AuditLogPage::Period::Month, QDateTime::currentDateTime());
        QCOMPARE(start.date(), QDate::currentDate().addDays(-29));
        QCOMPARE(start.time(), QTime(0, 0));
        const QJsonArray sinceStart =
                get(u"/api/v1/audit-log?limit=100&since="_s + start.toUTC().toString(Qt::ISODate),
                        brandToken())
                        .value(u"items"_s)
                        .toArray();
        QCOMPARE(audit->entries().size(), sinceStart.size());
        QCOMPARE(audit->entries().size(), everything - 1);
        for (const auto &entry : audit->entries()) {
            QVERIFY(entry.at >= start);
        }

        // The CSV: the two filters, the header, then every entry listed, in its order.
        const QByteArray bytes = audit->csv();
        const QList<QStringList> rows = desktop::Csv::parse(bytes);
        QCOMPARE(rows.at(0), (QStringList{u"Show"_s, u"Everything"_s}));
        QCOMPARE(rows.at(1), (QStringList{u"Period"_s, u"Last 30 days"_s}));
        const qsizetype header = rows.indexOf(QStringList{
                u"Time"_s, u"Who"_s, u"What"_s, u"Object"_s, u"Object id"_s, u"Change"_s});
        QVERIFY2(header > 1, bytes.constData());
        QCOMPARE(rows.size() - header - 1, audit->entries().size());
        QTableWidget *table = audit->table();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QStringList &line = rows.at(header + 1 + row);
            QCOMPARE(line.at(0), audit->entries().at(row).at.toUTC().toString(Qt::ISODate));
            QCOMPARE(line.at(2), table->item(row, desktop::AuditLogPage::What)->text());
            QCOMPARE(line.at(4), audit->entries().at(row).objectId);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit-log.csv"_s);
        audit->exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(audit->messageText().contains(u"exported"_s), kTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);

        // Today only leaves the old entry out too; any time brings it back.
        audit->setPeriod(desktop::AuditLogPage::Period::AnyTime);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Loaded, kTimeout);
        QCOMPARE(audit->entries().size(), everything);
        saveScreenshot(m_window.get(), u"ledger-audit-period-en"_s);
    }

    void staffAreToldWhoReadsTheAuditLog()
    {
        // A team member of the brand (not its owner) gets the server's 403 in plain words.
        const QString staffEmail = signUp(u"brand"_s);
        QVERIFY(!staffEmail.isEmpty());
        const QString staffId = get(u"/api/v1/me"_s, login(staffEmail)).value(u"id"_s).toString();
        QVERIFY(!staffId.isEmpty());
        const QString owner = get(u"/api/v1/me"_s, brandToken()).value(u"id"_s).toString();
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(owner), brandToken(),
                         {{u"userId"_s, staffId}})
                         .status,
                201);
        signInAs(staffEmail);
        desktop::AuditLogPage *audit = m_window->auditLogPage();
        showPage(audit);
        audit->reload(); // it may have stayed on screen through the change of user
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), desktop::AuditLogPage::State::Failed, kTimeout);
        auto *error = m_window->findChild<QLabel *>(u"auditError"_s);
        QVERIFY(error);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeout);
        QVERIFY2(error->text().contains(u"Only the brand's owner and administrators"_s),
                qPrintable(error->text()));
        QVERIFY(!find<QPushButton>(u"exportAuditButton"_s)->isEnabled());
        signInAs(m_brandEmail);
    }

    void creatorsSeeNoAuditLog()
    {
        signInAs(m_lena.email);
        QVERIFY(!m_window->findChild<QAction *>(u"go-auditLogPage"_s)->isVisible());
        // The server refuses a creator the audit log too.
        QCOMPARE(m_http->get(u"/api/v1/audit-log"_s, as(m_lena.token)).status, 403);
    }
};

QTEST_MAIN(TestDesktopLedger)
#include "tst_desktop_ledger.moc"
