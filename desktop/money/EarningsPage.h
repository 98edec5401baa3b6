// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/MoneyApi.h"
#include "widgets/Page.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class Session;
class StateStack;

/// A creator's money: what is expected, scheduled, due, late, being paid and paid, per currency
/// and per deal; whether payouts can be made, and if not what is missing; and the payout
/// account (the provider's account id, the tax form and when it was received), saved with
/// PUT /me/payout-account.
class EarningsPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// The totals table's columns.
    enum TotalColumn { Currency, Expected, Scheduled, Due, Late, Processing, Paid, TotalColumns };

    EarningsPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    void reload();
    const std::optional<common::Earnings> &earnings() const { return m_earnings; }
    const std::optional<common::PayoutAccount> &account() const { return m_account; }
    /// The readiness line ("Ready to be paid", or what is missing).
    QString readinessText() const;
    QTableWidget *totalsTable() const { return m_totals; }
    QTableWidget *dealsTable() const { return m_deals; }
    /// Fills the payout account form (as a user types).
    void setAccountForm(const common::PayoutAccountInput &input);
    /// Sends the form (PUT /me/payout-account).
    void saveAccount();
    bool isSaving() const { return m_saving; }
    QString messageText() const;
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    void stateChanged(influence::desktop::EarningsPage::State state);
    void accountSaved();
    void dealRequested(const QString &dealId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void showState();
    void finishOne(quint64 generation);
    void showEarnings();
    void showAccount();
    void showReadiness(const common::PayoutReadiness &readiness);
    common::PayoutAccountInput formInput() const;
    void forget();

    common::ApiClient *m_api;
    common::MoneyApi m_money;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_saving = false;
    std::optional<common::Earnings> m_earnings;
    std::optional<common::PayoutAccount> m_account;

    StateStack *m_states = nullptr;
    QGroupBox *m_readinessBox = nullptr;
    QLabel *m_readiness = nullptr;
    QString m_readinessText;
    QGroupBox *m_totalsBox = nullptr;
    QTableWidget *m_totals = nullptr;
    QGroupBox *m_dealsBox = nullptr;
    QTableWidget *m_deals = nullptr;
    QGroupBox *m_accountBox = nullptr;
    QLabel *m_accountIdLabel = nullptr;
    QLineEdit *m_accountId = nullptr;
    QLabel *m_taxFormLabel = nullptr;
    QComboBox *m_taxForm = nullptr;
    QCheckBox *m_received = nullptr;
    QDateEdit *m_receivedOn = nullptr;
    QLabel *m_providerStatus = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reload = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop
