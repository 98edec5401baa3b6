// SPDX-License-Identifier: Apache-2.0
// The Payouts page's actions on the selected payouts: recording a payment made elsewhere (one
// reference for several: a bank batch) and cancelling (the form, the question and the sending are
// widgets/PayoutActions, shared with the deal page).
#include "PayoutsPage.h"
#include "money/PayoutsModel.h"
#include "widgets/PayoutActions.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

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
    m_recordPayment->setToolTip(tr("Record the selected payouts as paid outside the payment "
                                   "provider, with the bank transfer's reference."));
    m_cancelPayout->setText(tr("Ca&ncel payout…"));
    m_cancelPayout->setToolTip(tr("Cancel the selected payouts: each amount goes back to its "
                                  "campaign's budget."));
}

std::optional<Payout> PayoutsPage::selectedPayout() const
{
    const QList<Payout> payouts = selectedPayouts();
    return payouts.size() == 1 ? std::optional(payouts.first()) : std::nullopt;
}

QList<Payout> PayoutsPage::selectedPayouts() const
{
    QList<Payout> payouts;
    if (m_state != State::Loaded) {
        return payouts;
    }
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        if (const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(row).row())) {
            payouts.append(*payout);
        }
    }
    return payouts;
}

void PayoutsPage::updatePayoutActions()
{
    const QList<Payout> payouts = selectedPayouts();
    const bool idle = !m_busy && !m_actions->isBusy() && !payouts.isEmpty();
    m_recordPayment->setEnabled(
            idle && std::all_of(payouts.cbegin(), payouts.cend(), PayoutActions::canRecordPayment));
    m_cancelPayout->setEnabled(
            idle && std::all_of(payouts.cbegin(), payouts.cend(), PayoutActions::canCancel));
}

void PayoutsPage::recordPaymentForSelected()
{
    m_actions->recordPayment(selectedPayouts());
}

void PayoutsPage::cancelSelected()
{
    m_actions->cancel(selectedPayouts());
}

} // namespace influence::desktop
