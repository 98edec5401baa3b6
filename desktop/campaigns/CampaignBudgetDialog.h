// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/MoneyApi.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace influence::desktop {

/// Changes a campaign's budget (the brand's side): the budget now, what is committed and paid
/// (the least it can be), and the new amount. The change moves money through the ledger, so each
/// attempt carries an Idempotency-Key: sent again after its answer was lost (a timeout), the same
/// amount keeps its key and the server changes the budget once; another amount is a new attempt
/// with a new key. Lowering it below what is committed and paid is refused by the server (409),
/// and the dialog says so with the amount.
class CampaignBudgetDialog : public QDialog
{
    Q_OBJECT

public:
    CampaignBudgetDialog(common::ApiClient *api, const common::Campaign &campaign,
            const std::optional<common::CampaignBudget> &budget, QWidget *parent = nullptr);

    /// The amount typed, in minor units of the campaign's currency (nothing: not an amount).
    std::optional<qint64> typedAmount() const;
    void setTypedAmount(qint64 minorUnits);
    /// Sends the amount typed (what "Change budget" does).
    void submit();
    bool isBusy() const { return m_busy; }
    QString statusText() const;
    /// The key of the attempt whose answer was lost (empty otherwise).
    QString pendingKey() const { return m_attempt.pendingKey(); }
    /// The key the last change was sent with.
    QString lastKey() const { return m_lastKey; }

Q_SIGNALS:
    /// The server changed the budget: the campaign as it is now.
    void budgetChanged(const common::Campaign &campaign);

private:
    void say(const QString &text);
    void answered(qint64 amount, const common::Result<common::Campaign> &result);

    common::MoneyApi m_money;
    common::Campaign m_campaign;
    common::IdempotentAttempt m_attempt;
    QString m_lastKey;
    bool m_busy = false;
    QLineEdit *m_amount = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace influence::desktop
