// SPDX-License-Identifier: Apache-2.0
// The campaign page's money (brand side): the budget's use with its change and the way to the
// ledger, and the campaign's payouts.
#include "CampaignPage.h"
#include "campaigns/CampaignBudgetDialog.h"
#include "common/ApiClient.h"
#include "widgets/Async.h"
#include "widgets/BudgetBar.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::desktop {

void CampaignPage::buildMoney(QVBoxLayout *layout)
{
    m_budget = new QLabel;
    m_budget->setObjectName(u"campaignPageBudget"_s);
    m_budget->setWordWrap(true);
    layout->addWidget(m_budget);
    auto *row = new QHBoxLayout;
    m_budgetBar = new BudgetBar;
    m_budgetBar->setObjectName(u"campaignPageBudgetBar"_s);
    row->addWidget(m_budgetBar, 1);
    m_changeBudget = new QPushButton;
    m_changeBudget->setObjectName(u"changeBudgetButton"_s);
    m_ledger = new QPushButton;
    m_ledger->setObjectName(u"campaignLedgerButton"_s);
    row->addWidget(m_changeBudget, 0, Qt::AlignTop);
    row->addWidget(m_ledger, 0, Qt::AlignTop);
    layout->addLayout(row);
    connect(m_changeBudget, &QPushButton::clicked, this, &CampaignPage::changeBudget);
    connect(m_ledger, &QPushButton::clicked, this, [this] {
        if (m_campaign) {
            Q_EMIT ledgerRequested(m_campaign->id);
        }
    });
}

void CampaignPage::buildPayouts(QVBoxLayout *layout)
{
    m_payoutsTitle = new QLabel;
    m_payoutsTitle->setObjectName(u"campaignPagePayoutsTitle"_s);
    m_payoutList = new QListWidget;
    m_payoutList->setObjectName(u"campaignPagePayouts"_s);
    m_payoutList->setWordWrap(true); // the sentence of an empty list
    m_payoutList->setMaximumHeight(130);
    layout->addWidget(m_payoutsTitle);
    layout->addWidget(m_payoutList);
    // Double-click or Enter on a payout opens its deal.
    connect(m_payoutList, &QListWidget::activated, this, [this](const QModelIndex &index) {
        if (index.row() >= 0 && index.row() < m_payouts.size()) {
            Q_EMIT dealRequested(m_payouts.at(index.row()).dealId);
        }
    });
}

void CampaignPage::forgetMoney()
{
    if (m_budgetDialog) {
        m_budgetDialog->close(); // nothing of one user's campaign stays for the next
    }
    m_payouts.clear();
    m_moneyPending = 0;
    m_moneyError.clear();
    m_budgetBar->clear();
    m_payoutList->clear();
}

void CampaignPage::retranslateMoney()
{
    m_payoutsTitle->setText(tr("Payouts"));
    m_changeBudget->setText(tr("Change &budget…"));
    m_ledger->setText(tr("&Ledger"));
    m_ledger->setToolTip(tr("Every movement of the campaign's money: budget changes, "
                            "reservations, payouts."));
}

void CampaignPage::changeBudget()
{
    if (!m_campaign || !isBrandSide() || m_budgetDialog || !m_changeBudget->isEnabled()) {
        return;
    }
    auto *dialog = new CampaignBudgetDialog(m_api, *m_campaign, m_budgetBar->budget(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &CampaignBudgetDialog::budgetChanged, this,
            [this](const common::Campaign &campaign) {
                if (m_campaign && m_campaign->id == campaign.id) {
                    reload(); // the bar and the payouts as the server counts them now
                }
                m_message->setText(
                        tr("The budget is now %1.").arg(Formats::money(campaign.details.budget)));
                Q_EMIT campaignChanged(campaign.id);
            });
    m_budgetDialog = dialog;
    dialog->open(); // never exec(): the event loop keeps running
}

CampaignBudgetDialog *CampaignPage::budgetDialog() const
{
    return m_budgetDialog.data();
}

void CampaignPage::loadMoney(quint64 generation)
{
    // The budget's use and the payouts are the brand's business (creators get 404).
    if (!isBrandSide()) {
        m_moneyPending = 0;
        return;
    }
    m_moneyPending = 2;
    const auto finished = [this] {
        if (--m_moneyPending == 0 && m_state == State::Loaded) {
            showCampaignData();
        }
    };
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_money.budget(m_id),
            [this, generation, finished](const Result<common::CampaignBudget> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (result) {
                    m_budgetBar->setBudget(*result);
                } else {
                    m_moneyError = ErrorText::sentence(result.error());
                }
                finished();
            });
    common::PayoutQuery query;
    query.campaignId = m_id;
    continueIn(this, m_money.payouts(query),
            [this, generation, finished](const Result<common::Page<common::Payout>> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (result) {
                    m_payouts = result->items;
                } else {
                    m_moneyError = ErrorText::sentence(result.error());
                }
                finished();
            });
}

void CampaignPage::showPayouts()
{
    m_payoutList->clear();
    const QLocale locale;
    for (const common::Payout &payout : std::as_const(m_payouts)) {
        QString line =
                tr("%1 · %2 % %3 · %4 · %5")
                        .arg(payout.influencerName)
                        .arg(payout.percent)
                        .arg(Names::paymentCondition(payout.condition),
                                Formats::money(payout.amount), Names::payoutState(payout.state));
        if (payout.dueDate.isValid()) {
            line += u" · "_s
                    + tr("due %1").arg(locale.toString(payout.dueDate, QLocale::ShortFormat));
        }
        if (payout.late) {
            line += u" · "_s + tr("LATE");
        }
        auto *item = new QListWidgetItem(line, m_payoutList);
        if (payout.late) {
            item->setForeground(QColor(0xda, 0x44, 0x53));
        }
    }
    if (m_payouts.isEmpty()) {
        auto *item = new QListWidgetItem(m_moneyPending > 0
                        ? tr("Loading…")
                        : tr("No payouts yet: they appear once an installment's "
                             "condition is met."),
                m_payoutList);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace influence::desktop
