// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/MoneyApi.h"
#include "widgets/Page.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace influence::desktop {

class Session;
class BudgetBar;
class CampaignBudgetDialog;
class StateStack;

/// One campaign: its brief, dates, status with the lifecycle actions and budget (for the brand
/// side: how much is paid, committed and remaining, and the campaign's payouts), its deals, the
/// deliverables they agreed on by due date, the creators invited, and "Find creators for this
/// campaign", which hands the campaign's targeting to discovery (findCreatorsRequested()). A
/// creator sees the campaign without the brand's actions and budget. Edit is asked of the owner of
/// the dialog (editRequested()). In the breadcrumb it is the campaign's name; Back and Forward
/// return to the campaign it showed.
class CampaignPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)

    CampaignPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    /// The campaign shown (while loaded).
    const std::optional<common::Campaign> &campaign() const { return m_campaign; }
    /// Its deals, as listed.
    const QList<common::Deal> &deals() const { return m_deals; }
    QListWidget *dealList() const { return m_dealList; }
    QListWidget *deliverableList() const { return m_deliverableList; }
    QListWidget *invitedList() const { return m_invitedList; }
    /// The brand's side: paid, committed and remaining of the budget.
    BudgetBar *budgetBar() const { return m_budgetBar; }
    /// The brand's side: the campaign's payouts, one line each.
    QListWidget *payoutList() const { return m_payoutList; }
    const QList<common::Payout> &payouts() const { return m_payouts; }
    /// Opens the dialog that changes the budget (brand side, an open campaign).
    void changeBudget();
    CampaignBudgetDialog *budgetDialog() const;
    /// Loaded, with the budget and payouts too (the brand's side).
    bool isComplete() const { return m_state == State::Loaded && m_moneyPending == 0; }

    /// Loads and shows the campaign `id` (its deals with it).
    void showCampaign(const QString &id);
    void reload();
    /// Asks the server to move the campaign (brand side only).
    void runAction(common::CampaignAction action);
    /// Adds the Analytics tab (the shell makes it: analytics is a feature of its own); it is
    /// shown to brand staff only, and analyticsRequested() says when it needs its figures.
    void setAnalyticsTab(QWidget *tab);
    QWidget *analyticsTab() const;
    /// Switches to the Analytics tab (brand staff).
    void showAnalytics();
    /// Adds a tab of another feature for brand staff (the shell makes it), titled by its
    /// windowTitle(); it follows the campaign through stateChanged() and campaign().
    void addBrandTab(QWidget *tab);
    QTabWidget *tabs() const { return m_tabs; }
    /// The last outcome shown under the page.
    QString messageText() const;

    QVariant saveState() const override { return m_id; }
    void restoreState(const QVariant &state) override;
    QString crumb() const override;

Q_SIGNALS:
    void stateChanged(influence::desktop::CampaignPage::State state);
    void editRequested(const QString &campaignId);
    /// Discovery should search with the campaign's targeting (and its platforms).
    void findCreatorsRequested(const common::CampaignTargeting &targeting,
            const QStringList &platforms, const QString &campaignId);
    void dealRequested(const QString &dealId);
    /// The Analytics tab is on screen for this campaign (once per campaign loaded).
    void analyticsRequested(const QString &campaignId);
    /// The campaign was moved here (launched, paused, …) or its budget changed.
    void campaignChanged(const QString &campaignId);
    /// The ledger of the campaign's money should be shown (the Ledger button by the budget).
    void ledgerRequested(const QString &campaignId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    bool isBrandSide() const;
    void setState(State state);
    void loaded(quint64 generation, const common::Result<common::Campaign> &result);
    void dealsLoaded(quint64 generation, const common::Result<common::Page<common::Deal>> &result);
    void showCampaignData();
    void buildMoney(QVBoxLayout *layout);
    void buildPayouts(QVBoxLayout *layout);
    void forgetMoney();
    void retranslateMoney();
    void loadMoney(quint64 generation);
    void showPayouts();
    void updateButtons();
    void forget();
    void tabChanged();

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    common::MoneyApi m_money;
    Session *m_session;
    State m_state = State::Idle;
    QString m_id;
    quint64 m_generation = 0;
    std::optional<common::Campaign> m_campaign;
    QList<common::Deal> m_deals;
    bool m_dealsPending = false;
    int m_moneyPending = 0;
    QList<common::Payout> m_payouts;
    QString m_moneyError; ///< why the budget or payouts are not shown
    common::Error m_error;

    QString m_analyticsShownFor;
    QList<QWidget *> m_brandTabs;
    StateStack *m_states = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_budget = nullptr;
    BudgetBar *m_budgetBar = nullptr;
    QPushButton *m_changeBudget = nullptr;
    QPushButton *m_ledger = nullptr;
    QPointer<CampaignBudgetDialog> m_budgetDialog;
    QLabel *m_payoutsTitle = nullptr;
    QListWidget *m_payoutList = nullptr;
    QLabel *m_brief = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_find = nullptr;
    QList<std::pair<common::CampaignAction, QPushButton *>> m_actions;
    QLabel *m_dealsTitle = nullptr;
    QListWidget *m_dealList = nullptr;
    QLabel *m_deliverablesTitle = nullptr;
    QListWidget *m_deliverableList = nullptr;
    QLabel *m_invitedTitle = nullptr;
    QListWidget *m_invitedList = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop
