// SPDX-License-Identifier: Apache-2.0
// The Payouts page's actions on one payout: recording a payment made elsewhere and cancelling
// (the form, the question and the sending are widgets/PayoutActions, shared with the deal page).
#include "PayoutsPage.h"
#include "money/PayoutsModel.h"
#include "widgets/PayoutActions.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace Qt::StringLiterals;
using influence::common::Payout;

namespace influence::desktop {

void PayoutsPage::buildPayoutActions(QHBoxLayout *footer)
{
    m_actions = new PayoutActions(m_api, this);
    m_recordPayment = new QPushButton;
    m_recordPayment->setObjectName(u"recordPaymentButton"_s);
    m_cancelPayout = new QPushButton;
    m_cancelPayout->setObjectName(u"cancelPayoutButton"_s);
    footer->addWidget(m_recordPayment);
    footer->addWidget(m_cancelPayout);
    connect(m_recordPayment, &QPushButton::clicked, this, &PayoutsPage::recordPaymentForSelected);
    connect(m_cancelPayout, &QPushButton::clicked, this, &PayoutsPage::cancelSelected);
    connect(m_actions, &PayoutActions::message, m_message, &QLabel::setText);
    connect(m_actions, &PayoutActions::busyChanged, this, &PayoutsPage::updatePayoutActions);
    connect(m_actions, &PayoutActions::changed, this, &PayoutsPage::reload);
}

void PayoutsPage::retranslatePayoutActions()
{
    m_recordPayment->setText(tr("Record &payment…"));
    m_recordPayment->setToolTip(tr("Record the selected payout as paid outside the payment "
                                   "provider, with the bank transfer's reference."));
    m_cancelPayout->setText(tr("Ca&ncel payout…"));
    m_cancelPayout->setToolTip(tr("Cancel the selected payout: its amount goes back to the "
                                  "campaign's budget."));
}

std::optional<Payout> PayoutsPage::selectedPayout() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (m_state != State::Loaded || rows.size() != 1) {
        return std::nullopt;
    }
    const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(rows.first()).row());
    return payout ? std::optional(*payout) : std::nullopt;
}

void PayoutsPage::updatePayoutActions()
{
    const std::optional<Payout> payout = selectedPayout();
    const bool idle = !m_busy && !m_actions->isBusy();
    m_recordPayment->setEnabled(idle && payout && PayoutActions::canRecordPayment(*payout));
    m_cancelPayout->setEnabled(idle && payout && PayoutActions::canCancel(*payout));
}

void PayoutsPage::recordPaymentForSelected()
{
    if (const std::optional<Payout> payout = selectedPayout()) {
        m_actions->recordPayment(*payout);
    }
}

void PayoutsPage::cancelSelected()
{
    if (const std::optional<Payout> payout = selectedPayout()) {
        m_actions->cancel(*payout);
    }
}

} // namespace influence::desktop
