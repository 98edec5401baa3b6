// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/MoneyApi.h"
#include "common/MoneyTypes.h"
#include "widgets/Loading.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class PayoutActions;

/// The deal page's Payments tab: the payment schedule of the deal's terms (each installment's
/// condition, share and amount of the fee, and the net days) and the deal's payouts once their
/// conditions are met (amount, due date, state, late, how it was paid or why it failed). The
/// brand's side can record the selected payout as paid elsewhere or cancel it (PayoutActions).
/// The tab loads the deal's payouts itself.
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

    explicit DealPaymentsTab(common::ApiClient *api, QWidget *parent = nullptr);

    /// Shows the deal's schedule and loads its payouts (an agreed deal has some), dropping any
    /// answer still on its way.
    void setDeal(const common::Deal &deal, common::DealSide side);
    /// Drops what is on its way (the page was left).
    void cancel();
    bool isLoading() const { return m_load.isActive(); }
    /// The deal's payouts by installment.
    const QList<common::Payout> &payouts() const { return m_payoutList; }
    void clear();
    QTableWidget *scheduleTable() const { return m_schedule; }
    QTableWidget *payoutsTable() const { return m_payouts; }
    /// Selects the payout's row (as a user does).
    void selectPayout(const QString &id);
    PayoutActions *payoutActions() const { return m_actions; }
    /// The schedule in one line ("50 % on acceptance, 50 % when live · net 30 days").
    QString scheduleText() const;

Q_SIGNALS:
    /// The server changed one of the deal's payouts (recorded as paid, cancelled).
    void payoutChanged();
    /// What happened, for the page's status line.
    void message(const QString &text);
    /// The payouts asked for by setDeal() arrived, or failed.
    void loadFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadPayouts();
    void retranslate();
    void fill();
    const common::Payout *selected() const;
    void updateActions();

    Loading m_load;
    common::MoneyApi m_money;
    PayoutActions *m_actions = nullptr;
    common::Deal m_deal;
    bool m_brandSide = false;
    QList<common::Payout> m_payoutList;
    QString m_payoutsError;
    QLabel *m_scheduleTitle = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_schedule = nullptr;
    QLabel *m_payoutsTitle = nullptr;
    QTableWidget *m_payouts = nullptr;
    QLabel *m_payoutsNote = nullptr;
    QPushButton *m_recordPayment = nullptr;
    QPushButton *m_cancelPayout = nullptr;
};

} // namespace influence::desktop
