// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/MoneyApi.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMessageBox;

namespace influence::desktop {

/// The form of an offline payment (paid elsewhere, by bank transfer say): the day it was paid and
/// its reference, with the payout it settles named above them (or, for several paid in one bank
/// batch, their count and total per currency). It only asks; PayoutActions sends.
class RecordPaymentDialog : public QDialog
{
    Q_OBJECT

public:
    RecordPaymentDialog(const QList<common::Payout> &payouts, QWidget *parent = nullptr);

    /// What was typed (the reference trimmed).
    common::PaymentRecord record() const;
    void setRecord(const common::PaymentRecord &record);
    /// While the payment is on its way: the form waits, saying so.
    void setBusy(bool busy);
    /// A sentence under the form (a refusal, or that the answer was lost).
    void say(const QString &text);
    QString statusText() const;

Q_SIGNALS:
    /// Record was pressed with a valid form.
    void recordRequested(const common::PaymentRecord &record);

private:
    void submit();

    QDateEdit *m_paidOn = nullptr;
    QLineEdit *m_reference = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Recording an offline payment and cancelling payouts, for every page that lists payouts (the
/// Payouts page, a deal's Payments tab): which payouts allow them, the form and the question
/// (window-modal, never exec()), and the sending with one Idempotency-Key per attempt (the same
/// key again when an answer was lost, so that the server does it once). Several payouts go in
/// one request, all or none (POST /payouts/record-payment, /payouts/cancel).
class PayoutActions : public QObject
{
    Q_OBJECT

public:
    PayoutActions(common::ApiClient *api, QWidget *parent);

    /// Scheduled, due, approved or failed: the server records a payment for those.
    static bool canRecordPayment(const common::Payout &payout);
    /// Scheduled, due or failed: not yet on its way to the creator.
    static bool canCancel(const common::Payout &payout);

    /// Opens the form to record `payouts` as paid elsewhere (one reference for all).
    void recordPayment(const QList<common::Payout> &payouts);
    void recordPayment(const common::Payout &payout) { recordPayment(QList{payout}); }
    /// Asks whether to cancel `payouts` (naming their amounts), then cancels them.
    void cancel(const QList<common::Payout> &payouts);
    void cancel(const common::Payout &payout) { cancel(QList{payout}); }
    RecordPaymentDialog *dialog() const { return m_dialog.data(); }
    QMessageBox *confirmation() const;
    bool isBusy() const { return m_busy; }
    /// The key of the attempt whose answer was lost (empty otherwise).
    QString pendingRecordKey() const { return m_recording.pendingKey(); }
    QString pendingCancelKey() const { return m_cancelling.pendingKey(); }
    /// Closes the open form or question and forgets the attempts (another user signs in).
    void reset();

Q_SIGNALS:
    /// The server changed the payouts (recorded as paid, or cancelled).
    void changed(const QList<common::Payout> &payouts);
    /// What happened, for the page's status line.
    void message(const QString &text);
    void busyChanged(bool busy);

private:
    void sendRecord(const QList<common::Payout> &payouts, const common::PaymentRecord &record);
    void sendCancel(const QList<common::Payout> &payouts);
    void setBusy(bool busy);
    QWidget *window() const;

    common::MoneyApi m_money;
    common::IdempotentAttempt m_recording;
    common::IdempotentAttempt m_cancelling;
    bool m_busy = false;
    quint64 m_epoch = 0;
    QPointer<RecordPaymentDialog> m_dialog;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace influence::desktop
