// SPDX-License-Identifier: Apache-2.0
#include "PayoutActions.h"

#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Payout;
using influence::common::PayoutState;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr int kMaxReference = 200; // as the server takes it

QString payoutName(const Payout &payout)
{
    //: A payout named in a question: "€1,925.00 to Lena Travels (Summit boots, installment 1)"
    return PayoutActions::tr("%1 to %2 (%3, installment %4)")
            .arg(Formats::money(payout.amount), payout.influencerName, payout.campaignName)
            .arg(payout.installment);
}

/// Several payouts' total per currency: "€1,925.00 + $300.00".
QString totals(const QList<Payout> &payouts)
{
    QMap<QString, qint64> amounts;
    for (const Payout &payout : payouts) {
        amounts[payout.amount.currency] += payout.amount.minorUnits;
    }
    return Formats::moneyList(amounts);
}

QStringList idsOf(const QList<Payout> &payouts)
{
    QStringList ids;
    for (const Payout &payout : payouts) {
        ids << payout.id;
    }
    return ids;
}

} // namespace

RecordPaymentDialog::RecordPaymentDialog(const QList<Payout> &payouts, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"recordPaymentDialog"_s);
    setWindowTitle(tr("Record a payment"));
    setMinimumWidth(480); // the sentences wrap into a few lines, not a column
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(payouts.size() == 1
                    ? tr("Record the payout of %1 as paid outside the payment provider, by bank "
                         "transfer for example.")
                              .arg(payoutName(payouts.first()))
                    : tr("Record %n payouts, %1 in all, as paid outside the payment provider "
                         "under one reference: a bank batch, for example.",
                            nullptr, int(payouts.size()))
                              .arg(totals(payouts)));
    what->setObjectName(u"recordPaymentPayout"_s);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *form = new QFormLayout;
    m_paidOn = new QDateEdit(QDate::currentDate());
    m_paidOn->setObjectName(u"recordPaymentPaidOn"_s);
    m_paidOn->setCalendarPopup(true);
    m_paidOn->setMaximumDate(QDate::currentDate()); // the server refuses the future
    m_paidOn->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    form->addRow(tr("&Paid on"), m_paidOn);
    m_reference = new QLineEdit;
    m_reference->setObjectName(u"recordPaymentReference"_s);
    m_reference->setMaxLength(kMaxReference);
    m_reference->setPlaceholderText(tr("The bank transfer's reference"));
    m_reference->setMinimumWidth(280);
    form->addRow(tr("&Reference"), m_reference);
    layout->addLayout(form);
    m_status = new QLabel;
    m_status->setObjectName(u"recordPaymentStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox;
    QPushButton *record = m_buttons->addButton(tr("&Record payment"), QDialogButtonBox::AcceptRole);
    record->setObjectName(u"recordPaymentSubmitButton"_s);
    QPushButton *close = m_buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"recordPaymentCloseButton"_s);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordPaymentDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

common::PaymentRecord RecordPaymentDialog::record() const
{
    return {m_reference->text().trimmed(), m_paidOn->date()};
}

void RecordPaymentDialog::setRecord(const common::PaymentRecord &record)
{
    m_reference->setText(record.reference);
    m_paidOn->setDate(record.paidOn);
}

void RecordPaymentDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    m_paidOn->setEnabled(!busy);
    m_reference->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Recording the payment…"));
    }
}

void RecordPaymentDialog::say(const QString &text)
{
    m_status->setText(text);
    adjustSize(); // as tall as the sentence needs
}

QString RecordPaymentDialog::statusText() const
{
    return m_status->text();
}

void RecordPaymentDialog::submit()
{
    const common::PaymentRecord typed = record();
    if (typed.reference.isEmpty()) {
        say(tr("Enter the payment's reference, so that it can be found in the bank statement."));
        m_reference->setFocus();
        return;
    }
    Q_EMIT recordRequested(typed);
}

PayoutActions::PayoutActions(common::ApiClient *api, QWidget *parent)
    : QObject(parent)
    , m_money(api)
{ }

QMessageBox *PayoutActions::confirmation() const
{
    return m_confirmation.data();
}

QWidget *PayoutActions::window() const
{
    return static_cast<QWidget *>(parent());
}

bool PayoutActions::canRecordPayment(const Payout &payout)
{
    return payout.state == PayoutState::Scheduled || payout.state == PayoutState::Due
            || payout.state == PayoutState::Approved || payout.state == PayoutState::Failed;
}

bool PayoutActions::canCancel(const Payout &payout)
{
    return payout.state == PayoutState::Scheduled || payout.state == PayoutState::Due
            || payout.state == PayoutState::Failed;
}

void PayoutActions::setBusy(bool busy)
{
    m_busy = busy;
    if (m_dialog) {
        m_dialog->setBusy(busy);
    }
    Q_EMIT busyChanged(busy);
}

void PayoutActions::recordPayment(const QList<Payout> &payouts)
{
    if (m_busy || m_dialog || m_confirmation || payouts.isEmpty()
            || !std::all_of(payouts.cbegin(), payouts.cend(), canRecordPayment)) {
        return;
    }
    auto *dialog = new RecordPaymentDialog(payouts, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &RecordPaymentDialog::recordRequested, this,
            [this, payouts](const common::PaymentRecord &record) {
                sendRecord(payouts, record);
            });
    m_dialog = dialog;
    dialog->open();
}

void PayoutActions::sendRecord(const QList<Payout> &payouts, const common::PaymentRecord &record)
{
    if (m_busy) {
        return;
    }
    // The same payment again (after a lost answer) is the same attempt, with the same key.
    const QStringList ids = idsOf(payouts);
    const QString key = m_recording.keyFor(
            ids.join(u',') + u'|' + record.reference + u'|' + record.paidOn.toString(Qt::ISODate));
    setBusy(true);
    const auto done = [this, payouts, reference = record.reference, epoch = m_epoch](
                              const Result<QList<Payout>> &result) {
        if (epoch != m_epoch) {
            return;
        }
        m_recording.answered(result ? std::nullopt : std::optional(result.error()));
        setBusy(false);
        if (result) {
            const QString text = payouts.size() == 1
                    ? tr("The payout of %1 is recorded as paid (reference %2).")
                              .arg(payoutName(payouts.first()), reference)
                    : tr("%n payouts, %1 in all, are recorded as paid (reference %2).", nullptr,
                            int(payouts.size()))
                              .arg(totals(payouts), reference);
            if (m_dialog) {
                m_dialog->accept();
            }
            Q_EMIT message(text);
            Q_EMIT changed(*result);
            return;
        }
        const QString text = common::answerMayBeLost(result.error())
                ? tr("The payment may not have reached the server. Record it again: it "
                     "is recorded only once. (%1)")
                          .arg(ErrorText::sentence(result.error()))
                : tr("The payment was not recorded. %1").arg(ErrorText::sentence(result.error()));
        if (m_dialog) {
            m_dialog->say(text);
        }
        Q_EMIT message(text);
    };
    if (payouts.size() == 1) {
        continueIn(this, m_money.recordPayment(ids.first(), record, key),
                [done](const Result<Payout> &one) {
                    done(one ? Result<QList<Payout>>(QList{*one})
                             : Result<QList<Payout>>(one.error()));
                });
        return;
    }
    continueIn(this, m_money.recordPayments(ids, record, key), done);
}

void PayoutActions::cancel(const QList<Payout> &payouts)
{
    if (m_busy || m_dialog || m_confirmation || payouts.isEmpty()
            || !std::all_of(payouts.cbegin(), payouts.cend(), canCancel)) {
        return;
    }
    const bool one = payouts.size() == 1;
    const Payout &first = payouts.first();
    auto *box = new QMessageBox(QMessageBox::Question,
            one ? tr("Cancel the payout?") : tr("Cancel %n payouts?", nullptr, int(payouts.size())),
            one ? tr("Cancel the payout of %1?").arg(payoutName(first))
                : tr("Cancel %n payouts, %1 in all?", nullptr, int(payouts.size()))
                            .arg(totals(payouts)),
            QMessageBox::NoButton, window());
    box->setObjectName(u"confirmCancelPayout"_s);
    box->setInformativeText(one ? tr("%1 goes back to the budget of %2. This installment will "
                                     "not be paid to %3.")
                                          .arg(Formats::money(first.amount), first.campaignName,
                                                  first.influencerName)
                                : tr("Each amount goes back to its campaign's budget. These "
                                     "installments will not be paid."));
    box->setWindowModality(Qt::WindowModal);
    QPushButton *yes = box->addButton(one ? tr("Cancel the &payout") : tr("Cancel the &payouts"),
            QMessageBox::DestructiveRole);
    yes->setObjectName(u"confirmCancelPayoutButton"_s);
    QPushButton *no =
            box->addButton(one ? tr("&Keep it") : tr("&Keep them"), QMessageBox::RejectRole);
    no->setObjectName(u"keepPayoutButton"_s);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, payouts](QAbstractButton *button) {
        if (button == yes) {
            sendCancel(payouts);
        }
    });
    m_confirmation = box;
    box->open(); // never exec(): the event loop keeps running
}

void PayoutActions::sendCancel(const QList<Payout> &payouts)
{
    const QStringList ids = idsOf(payouts);
    const QString key = m_cancelling.keyFor(ids.join(u','));
    setBusy(true);
    Q_EMIT message(payouts.size() == 1
                    ? tr("Cancelling the payout…")
                    : tr("Cancelling %n payouts…", nullptr, int(payouts.size())));
    const auto done = [this, payouts, epoch = m_epoch](const Result<QList<Payout>> &result) {
        if (epoch != m_epoch) {
            return;
        }
        m_cancelling.answered(result ? std::nullopt : std::optional(result.error()));
        setBusy(false);
        if (result) {
            Q_EMIT message(payouts.size() == 1
                            ? tr("The payout of %1 is cancelled: %2 went back to the campaign's "
                                 "budget.")
                                      .arg(payoutName(payouts.first()),
                                              Formats::money(payouts.first().amount))
                            : tr("%n payouts are cancelled: %1 went back to their campaigns' "
                                 "budgets.",
                                    nullptr, int(payouts.size()))
                                      .arg(totals(payouts)));
            Q_EMIT changed(*result);
            return;
        }
        Q_EMIT message(common::answerMayBeLost(result.error())
                        ? tr("The cancellation may not have reached the server. Cancel "
                             "again: it is done only once. (%1)")
                                  .arg(ErrorText::sentence(result.error()))
                        : (payouts.size() == 1 ? tr("The payout was not cancelled. %1")
                                               : tr("The payouts were not cancelled. %1"))
                                  .arg(ErrorText::sentence(result.error())));
    };
    if (payouts.size() == 1) {
        continueIn(this, m_money.cancelPayout(ids.first(), key), [done](const Result<Payout> &one) {
            done(one ? Result<QList<Payout>>(QList{*one}) : Result<QList<Payout>>(one.error()));
        });
        return;
    }
    continueIn(this, m_money.cancelPayouts(ids, key), done);
}

void PayoutActions::reset()
{
    ++m_epoch;
    if (m_dialog) {
        m_dialog->close();
    }
    if (m_confirmation) {
        m_confirmation->close();
    }
    m_recording.clear();
    m_cancelling.clear();
    m_busy = false;
}

} // namespace influence::desktop
