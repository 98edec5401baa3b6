// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/MoneyTypes.h"
#include "deals/DealConfirmation.h"
#include "deals/DealContext.h"
#include "widgets/Page.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMessageBox;
class QPushButton;
class QTabWidget;

namespace influence::desktop {

class DealActivityTab;
class DealDeliverablesTab;
class DealMessagesTab;
class DealNegotiationTab;
class DealPaymentsTab;
class OfferDialog;
class ReviewDialog;
class Session;
class StateStack;

/// One deal for either party: parties, campaign, state and frozen terms; the offer history as
/// a timeline with accept / decline / counter; start, complete, withdraw and cancel as the
/// shared transition table (common/Collab) allows the caller's side; the deliverables with due
/// dates and overdue marks, drafts and the live address for the creator, the review screen for
/// the brand; the message thread (paged, newest at the bottom), the activity timeline, and the
/// payment schedule with the deal's payouts.
/// Which side the caller is comes from the deal the server answers with (the creator's user id).
class DealView : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum class Tab { Negotiation, Deliverables, Messages, Activity, Payments };
    Q_ENUM(Tab)

    DealView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Loads the deal with this id (its offers, deliverables, messages and events).
    void showDeal(const QString &id);
    void reload();
    QString dealId() const { return m_dealId; }
    State state() const { return m_state; }
    /// True once the deal, the first page of messages, every event, the payouts and the
    /// selected deliverable's versions are shown.
    bool isComplete() const { return m_state == State::Loaded && settled(); }
    const common::Deal &deal() const { return m_deal; }
    /// Back and Forward: the deal shown.
    QVariant saveState() const override { return m_dealId; }
    void restoreState(const QVariant &state) override;
    /// "Lena Travels × Summit boots" once loaded.
    QString crumb() const override;
    common::DealSide side() const;
    const QList<common::Message> &messages() const;
    const QList<common::DealEvent> &events() const;
    /// The deal's payouts (once accepted and its conditions met).
    const QList<common::Payout> &payouts() const;
    DealPaymentsTab *paymentsTab() const { return m_paymentsTab; }
    /// The selected deliverable with its versions (empty id: none loaded).
    const common::Deliverable &deliverable() const;
    void showTab(Tab tab);
    /// Selects the deliverable at `row` (as a click in the list does) and loads its versions.
    void selectDeliverable(int row);
    /// The counter-offer dialog while it is open.
    OfferDialog *offerDialog() const;
    /// The open question before a step that ends the deal (withdraw, cancel, decline), if any.
    QWidget *confirmation() const;
    /// The review screen while it is open.
    ReviewDialog *reviewDialog() const;
    QString messageText() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::DealView::State state);
    /// Everything the page shows has arrived (see isComplete()).
    void completed();
    /// The server moved the deal (an offer answered, an action taken, a review, a draft).
    void dealChanged(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Answer { Accept, Decline };

    void buildUi();
    void retranslate();
    void setState(State state);
    /// Nothing the page or a tab asked for is on its way.
    bool settled() const;
    DealContext context() const;
    void updateActions();
    /// A tab's or the deal's answer arrived: the steps follow, and completed() once all have.
    void oneArrived();
    /// Drops every answer on its way, the deal's and the tabs'.
    void cancelLoads();
    void loaded(quint64 generation, const common::Result<common::Deal> &result);
    void fillHeader();
    QString me() const;

    /// Asks before a step that ends the deal; `confirmed` takes it.
    void confirmThen(FinalStep step, const std::function<void()> &confirmed);
    void answerOffer(Answer answer);
    void openCounter();
    void takeAction(common::DealAction action);
    void dealAnswered(const QString &done, const common::Result<common::Deal> &result);
    void openReview();
    void submitDraft();
    void submitLive();
    void deliverableAnswered(
            const QString &done, const common::Result<common::Deliverable> &result);
    void sendMessage();

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    bool m_dealLoading = false;
    QString m_dealId;
    common::Deal m_deal;
    bool m_busy = false;

    QLabel *m_title = nullptr;
    QLabel *m_parties = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_reload = nullptr;
    StateStack *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
    DealNegotiationTab *m_negotiation = nullptr;
    DealDeliverablesTab *m_deliverables = nullptr;
    DealMessagesTab *m_messagesTab = nullptr;
    DealActivityTab *m_activity = nullptr;
    DealPaymentsTab *m_paymentsTab = nullptr;
    QLabel *m_message = nullptr;

    QPointer<OfferDialog> m_offerDialog;
    QPointer<QMessageBox> m_confirmation;
    QPointer<ReviewDialog> m_reviewDialog;
};

} // namespace influence::desktop
