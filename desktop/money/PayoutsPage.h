// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/MoneyApi.h"
#include "widgets/Page.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace influence::desktop {

class BrandPicker;
class PayoutActions;
class PayoutsModel;
class Session;
class StateStack;

/// The brand staff's payouts: what is due, late or failed (or all), filtered by campaign and
/// creator, with the late badge; several selected are approved at once after a confirmation
/// that names their count and total per currency. Each attempt carries one Idempotency-Key; an
/// attempt whose answer was lost (a network failure) is retried with the same key, so the server
/// approves once however often it is sent. Failed payouts can be sent to the provider again. The
/// selected payouts can be recorded as paid elsewhere (a bank transfer's reference and date, one
/// for a batch) or cancelled (each amount back to its budget), all or none. Export writes the
/// table as CSV.
class PayoutsPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    /// Which payouts are listed.
    enum class Show { Due, Late, Failed, All };
    Q_ENUM(Show)
    /// At most this many payouts are listed (pages are followed up to it).
    static constexpr int kMaxRows = 2000;

    PayoutsPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    PayoutsModel *model() const { return m_model; }
    BrandPicker *brandPicker() const { return m_brands; }
    /// What the filters shown ask GET /payouts for.
    common::PayoutQuery query() const;
    QTableView *table() const { return m_table; }
    /// Loads the payouts with the filters shown.
    void reload();
    void setShow(Show show);
    Show show() const;
    /// Lists only the payouts of one campaign, or of one creator (empty: all).
    void setCampaignFilter(const QString &campaignId);
    void setCreatorFilter(const QString &creatorId);
    /// Selects the rows of these payouts (as a user does with Ctrl+click).
    void selectPayouts(const QStringList &ids);
    /// The selected payouts that can be approved (scheduled or due).
    QList<common::Payout> approvable() const;
    /// Asks to approve approvable() (a window-modal question; nothing is sent before yes).
    void approveSelected();
    /// The open question before approving, if any.
    QMessageBox *confirmation() const;
    /// Sends the last attempt again with its key (after its answer was lost).
    void retryApproval();
    /// The selected payouts that failed and can be paid again.
    QList<common::Payout> retryable() const;
    /// Asks the payment provider again for the selected failed payouts (POST …/retry each, one
    /// key per payout kept until its answer arrives).
    void retryFailed();
    bool isBusy() const { return m_busy; }
    /// The one payout selected, or nothing (none or several).
    std::optional<common::Payout> selectedPayout() const;
    /// The payouts selected (record a payment, cancel: all or none).
    QList<common::Payout> selectedPayouts() const;
    /// Opens the form to record the selected payouts as paid elsewhere (one reference).
    void recordPaymentForSelected();
    /// Asks whether to cancel the selected payouts, then cancels them.
    void cancelSelected();
    PayoutActions *payoutActions() const { return m_actions; }
    /// The key of the attempt under way or last lost (empty after an answer).
    QString pendingIdempotencyKey() const { return m_attempt.key; }
    /// The key the last approval was sent with.
    QString lastIdempotencyKey() const { return m_lastKey; }
    /// What the table shows as CSV, after the filters.
    QByteArray csv() const;
    /// Writes csv() to `path` in the background (what Export does after its dialog).
    void exportTo(const QString &path);
    QString messageText() const;
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    void stateChanged(influence::desktop::PayoutsPage::State state);
    /// Payouts were approved on the server.
    void approved(const QStringList &ids);
    /// A payout's deal should be opened (double-click or Enter on its row).
    void dealRequested(const QString &dealId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    /// One approval: the payouts, and the key every send of it carries.
    struct Attempt
    {
        QStringList ids;
        QString key;
    };

    void buildUi();
    void buildPayoutActions(QHBoxLayout *footer);
    void retranslatePayoutActions();
    void updatePayoutActions();
    void retranslate();
    void setState(State state);
    void showState();
    void loadPage(quint64 generation, const QString &cursor);
    void loadFilterChoices();
    void updateButtons();
    void send(const QStringList &ids);
    void approvalAnswered(const common::Result<QList<common::Payout>> &result);
    void retryAnswered(const QString &id, const common::Result<common::Payout> &result);
    QString refusal(const common::Error &error) const;
    QList<std::pair<QString, QString>> filterRows() const;
    void exported(const QString &path, const QString &error);
    void forget();

    common::ApiClient *m_api;
    common::MoneyApi m_money;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    quint64 m_epoch = 0; ///< one per signed-in user: answers for an earlier one are dropped
    QList<common::Payout> m_loading;
    bool m_busy = false;
    Attempt m_attempt;
    /// Failed payout → the key of its retry, until the retry's answer arrives.
    QHash<QString, QString> m_retryKeys;
    int m_retriesPending = 0;
    QStringList m_retryRefusals;
    QString m_lastKey;
    bool m_choicesLoaded = false;

    QComboBox *m_show = nullptr;
    QLabel *m_showLabel = nullptr;
    BrandPicker *m_brands = nullptr; ///< staff of several brands: all, or one
    QComboBox *m_campaign = nullptr;
    QLabel *m_campaignLabel = nullptr;
    QComboBox *m_creator = nullptr;
    QLabel *m_creatorLabel = nullptr;
    QPushButton *m_reload = nullptr;
    StateStack *m_states = nullptr;
    PayoutsModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_selection = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_retryFailed = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_recordPayment = nullptr;
    QPushButton *m_cancelPayout = nullptr;
    PayoutActions *m_actions = nullptr;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace influence::desktop
