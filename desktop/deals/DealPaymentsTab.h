// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/MoneyTypes.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace influence::desktop {

/// The deal page's Payments tab: the payment schedule of the deal's terms (each installment's
/// condition, share and amount of the fee, and the net days) and the deal's payouts once their
/// conditions are met (amount, due date, state, late, how it was paid or why it failed).
class DealPaymentsTab : public QWidget
{
    Q_OBJECT

public:
    enum ScheduleColumn { Number, Condition, Share, Amount, ScheduleColumns };
    enum PayoutColumn {
        PayoutNumber,
        PayoutAmount,
        PayoutDue,
        PayoutState,
        PayoutNote,
        PayoutColumns
    };

    explicit DealPaymentsTab(QWidget *parent = nullptr);

    void setDeal(const common::Deal &deal);
    void setPayouts(const QList<common::Payout> &payouts);
    void showPayoutsError(const QString &text);
    void clear();
    QTableWidget *scheduleTable() const { return m_schedule; }
    QTableWidget *payoutsTable() const { return m_payouts; }
    /// The schedule in one line ("50 % on acceptance, 50 % when live · net 30 days").
    QString scheduleText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();

    common::Deal m_deal;
    QList<common::Payout> m_payoutList;
    QString m_payoutsError;
    QLabel *m_scheduleTitle = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_schedule = nullptr;
    QLabel *m_payoutsTitle = nullptr;
    QTableWidget *m_payouts = nullptr;
    QLabel *m_payoutsNote = nullptr;
};

} // namespace influence::desktop
