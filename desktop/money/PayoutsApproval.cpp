// SPDX-License-Identifier: Apache-2.0
// The Payouts page's approvals: choosing what may be approved, the confirmation naming the
// totals, sending with one Idempotency-Key per attempt (the same key again when the answer was
// lost), retrying failed payouts, and saying why the server refused.
#include "PayoutsPage.h"
#include "common/ApiClient.h"
#include "money/PayoutsModel.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using influence::common::Payout;
using influence::common::PayoutState;
using influence::common::Result;

namespace influence::desktop {

namespace {

bool canApprove(const Payout &payout)
{
    return payout.state == PayoutState::Scheduled || payout.state == PayoutState::Due;
}

} // namespace

void PayoutsPage::selectPayouts(const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
            selection.select(index, index.siblingAtColumn(PayoutsModel::ColumnCount - 1));
        }
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateButtons();
}

QList<Payout> PayoutsPage::approvable() const
{
    QList<Payout> result;
    if (m_state != State::Loaded) {
        return result;
    }
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(index).row());
        if (payout && canApprove(*payout)) {
            result.append(*payout);
        }
    }
    return result;
}

void PayoutsPage::updateButtons()
{
    const QList<Payout> chosen = approvable();
    const int count = int(chosen.size());
    m_approve->setText(count > 0 ? tr("&Approve %1 selected").arg(count) : tr("&Approve selected"));
    m_approve->setEnabled(count > 0 && !m_busy && !m_confirmation);
    m_approve->setToolTip(
            count > 0 ? QString() : tr("Select due or scheduled payouts to approve them."));
    m_retry->setVisible(!m_attempt.key.isEmpty() && !m_busy);
    m_retryFailed->setVisible(show() == Show::Failed || !retryable().isEmpty());
    m_retryFailed->setEnabled(!retryable().isEmpty() && !m_busy);
    m_export->setEnabled(m_state == State::Loaded && m_model->rowCount() > 0);
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_selection->setText(selected > 0 ? tr("%1 selected").arg(selected) + u" · "_s
                            + Formats::moneyList(common::payoutTotals(chosen))
                                      : QString());
    m_selection->setVisible(count > 0);
    updatePayoutActions();
}

void PayoutsPage::approveSelected()
{
    const QList<Payout> chosen = approvable();
    if (chosen.isEmpty() || m_busy || m_confirmation) {
        return;
    }
    const int count = int(chosen.size());
    QStringList ids;
    QSet<QString> creators;
    for (const Payout &payout : chosen) {
        ids.append(payout.id);
        creators.insert(payout.influencerName);
    }
    const QString total = Formats::moneyList(common::payoutTotals(chosen));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Approve payouts?"),
            (count == 1 ? tr("Approve 1 payout of %1?").arg(total)
                        : tr("Approve %1 payouts for a total of %2?").arg(count).arg(total)),
            QMessageBox::NoButton, this);
    box->setObjectName(u"confirmApprovePayouts"_s);
    box->setInformativeText(creators.size() == 1
                    ? tr("The creator is paid through the payment provider. This cannot be undone "
                         "once the transfer has been made.")
                    : tr("%1 creators are paid through the payment provider. This cannot be "
                         "undone once the transfers have been made.")
                              .arg(creators.size()));
    box->setWindowModality(Qt::WindowModal);
    QPushButton *yes = box->addButton(
            count == 1 ? tr("&Approve 1 payout") : tr("&Approve %1 payouts").arg(count),
            QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmApproveButton"_s);
    QPushButton *no = box->addButton(tr("&Cancel"), QMessageBox::RejectRole);
    no->setObjectName(u"cancelApproveButton"_s);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, ids](QAbstractButton *button) {
        if (button == yes) {
            send(ids);
        }
    });
    connect(box, &QObject::destroyed, this, &PayoutsPage::updateButtons);
    m_confirmation = box;
    updateButtons();
    box->open(); // never exec(): the event loop keeps running
}

QList<Payout> PayoutsPage::retryable() const
{
    QList<Payout> result;
    if (m_state != State::Loaded) {
        return result;
    }
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Payout *payout = m_model->payoutAt(m_sorted->mapToSource(index).row());
        if (payout && payout->state == PayoutState::Failed) {
            result.append(*payout);
        }
    }
    return result;
}

void PayoutsPage::retryFailed()
{
    const QList<Payout> chosen = retryable();
    if (chosen.isEmpty() || m_busy) {
        return;
    }
    m_busy = true;
    m_retriesPending = int(chosen.size());
    m_retryRefusals.clear();
    m_message->setText(tr("Sending the failed payouts again…"));
    updateButtons();
    for (const Payout &payout : chosen) {
        // A payout's retry keeps its key until answered: sent twice, it is paid once.
        QString &key = m_retryKeys[payout.id];
        if (key.isEmpty()) {
            key = common::MoneyApi::newIdempotencyKey();
        }
        continueIn(this, m_money.retryPayout(payout.id, key),
                [this, id = payout.id, epoch = m_epoch](const Result<Payout> &result) {
                    if (epoch == m_epoch) {
                        retryAnswered(id, result);
                    }
                });
    }
}

void PayoutsPage::retryAnswered(const QString &id, const Result<Payout> &result)
{
    if (result || !common::answerMayBeLost(result.error())) {
        m_retryKeys.remove(id);
    }
    if (!result) {
        const Payout *payout = m_model->payoutAt(m_model->rowOf(id));
        m_retryRefusals.append(tr("%1: %2").arg(
                payout ? payout->influencerName : id, ErrorText::sentence(result.error())));
    }
    if (--m_retriesPending > 0) {
        return;
    }
    m_busy = false;
    m_message->setText(m_retryRefusals.isEmpty()
                    ? tr("The failed payouts were sent to the payment provider again.")
                    : tr("Not every payout was sent again. %1").arg(m_retryRefusals.join(u' ')));
    updateButtons();
    reload();
}

void PayoutsPage::retryApproval()
{
    if (!m_attempt.key.isEmpty() && !m_busy) {
        send(m_attempt.ids);
    }
}

void PayoutsPage::send(const QStringList &ids)
{
    QStringList sorted = ids;
    sorted.sort();
    // One key per attempt: the same payouts again after a lost answer are the same attempt.
    if (m_attempt.ids != sorted || m_attempt.key.isEmpty()) {
        m_attempt = {sorted, common::MoneyApi::newIdempotencyKey()};
    }
    m_lastKey = m_attempt.key;
    m_busy = true;
    m_message->setText(sorted.size() == 1 ? tr("Approving 1 payout…")
                                          : tr("Approving %1 payouts…").arg(sorted.size()));
    updateButtons();
    continueIn(this, m_money.approvePayouts(sorted, m_attempt.key),
            [this, epoch = m_epoch](const Result<QList<Payout>> &result) {
                if (epoch == m_epoch) {
                    approvalAnswered(result);
                }
            });
}

void PayoutsPage::approvalAnswered(const Result<QList<Payout>> &result)
{
    m_busy = false;
    if (result) {
        const QStringList ids = m_attempt.ids;
        m_attempt = {};
        m_message->setText(result->size() == 1
                        ? tr("1 payout approved. The payment provider is paying it now.")
                        : tr("%1 payouts approved. The payment provider is paying them now.")
                                  .arg(result->size()));
        updateButtons();
        Q_EMIT approved(ids);
        reload();
        return;
    }
    if (common::answerMayBeLost(result.error())) {
        // The server may have approved them: the same key again makes sure, and pays once.
        m_message->setText(tr("The approval may not have reached the server. Send it again: the "
                              "payouts are approved only once. (%1)")
                                   .arg(ErrorText::sentence(result.error())));
    } else {
        m_attempt = {};
        m_message->setText(refusal(result.error()));
    }
    updateButtons();
}

QString PayoutsPage::refusal(const common::Error &error) const
{
    const QString code = error.codeName();
    const int row = m_model->rowOf(error.extensions.value(u"id"_s).toString());
    const Payout *payout = m_model->payoutAt(row);
    if (code == u"payout_not_ready"_s) {
        const common::PayoutReadiness missing = common::missingForPayout(error);
        QStringList needs;
        for (const common::PayoutRequirement requirement : missing.missing) {
            needs.append(Names::payoutRequirement(requirement));
        }
        needs += missing.unknownMissing;
        const QString who = payout ? payout->influencerName : tr("A creator");
        return needs.isEmpty()
                ? tr("Nothing was approved: %1 cannot be paid yet.").arg(who)
                : tr("Nothing was approved: %1 cannot be paid yet and still needs %2.")
                          .arg(who, QLocale().createSeparatedList(needs));
    }
    if (code == u"illegal_transition"_s && payout) {
        return tr("Nothing was approved: the payout to %1 is %2 now. Refresh to see the "
                  "payouts as they are.")
                .arg(payout->influencerName, Names::payoutState(payout->state).toLower());
    }
    return tr("Nothing was approved. %1").arg(ErrorText::sentence(error));
}

} // namespace influence::desktop
