// SPDX-License-Identifier: Apache-2.0
// The campaign page's money (brand side): the budget's use and the campaign's payouts.
#include "CampaignPage.h"
#include "common/ApiClient.h"
#include "widgets/Async.h"
#include "widgets/BudgetBar.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QListWidget>
#include <QLocale>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::desktop {

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
