// SPDX-License-Identifier: Apache-2.0
#include "DealView.h"

#include "common/ApiClient.h"
#include "deals/DealActivityTab.h"
#include "deals/DealConfirmation.h"
#include "deals/DealDeliverablesTab.h"
#include "deals/DealMessagesTab.h"
#include "deals/DealNegotiationTab.h"
#include "deals/DealPaymentsTab.h"
#include "deals/OfferDialog.h"
#include "deals/ReviewDialog.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealAction;
using influence::common::DealEvent;
using influence::common::DealSide;
using influence::common::Deliverable;
using influence::common::Message;
using influence::common::Result;

namespace influence::desktop {

DealView::DealView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"dealPage"_s);
    buildUi();
    retranslate();
    setState(State::Idle);
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && !m_dealId.isEmpty()) {
            reload();
        } else if (state == Session::State::SignedOut) {
            // Nothing of one user's deal stays on screen for the next.
            ++m_generation;
            m_dealLoading = false;
            m_deal = {};
            m_paymentsTab->clear();
            m_negotiation->clear();
            m_deliverables->clear();
            m_messagesTab->clear();
            m_activity->clear();
            m_dealId.clear();
            m_title->clear();
            m_parties->clear();
            m_stateLabel->clear();
            m_message->clear();
            setState(State::Idle);
        }
    });
}

void DealView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(u"dealTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_parties = new QLabel;
    m_parties->setObjectName(u"dealParties"_s);
    m_parties->setWordWrap(true);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(u"dealState"_s);
    titles->addWidget(m_title);
    titles->addWidget(m_parties);
    titles->addWidget(m_stateLabel);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadDealButton"_s);
    header->addLayout(titles, 1);
    header->addWidget(m_reload, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"dealTabs"_s);
    m_negotiation = new DealNegotiationTab;
    m_deliverables = new DealDeliverablesTab(m_api);
    m_messagesTab = new DealMessagesTab(m_api);
    m_activity = new DealActivityTab(m_api);
    m_paymentsTab = new DealPaymentsTab(m_api);
    m_tabs->addTab(m_negotiation, QString());
    m_tabs->addTab(m_deliverables, QString());
    m_tabs->addTab(m_messagesTab, QString());
    m_tabs->addTab(m_activity, QString());
    m_tabs->addTab(m_paymentsTab, QString());
    m_stack = new StateStack(u"deal"_s, m_tabs);
    layout->addWidget(m_stack, 1);

    m_message = new StatusLine;
    m_message->setObjectName(u"dealMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_reload, &QPushButton::clicked, this, &DealView::reload);
    connect(m_paymentsTab, &DealPaymentsTab::message, m_message, &QLabel::setText);
    connect(m_paymentsTab, &DealPaymentsTab::payoutChanged, this, &DealView::reload);
    connect(m_stack, &StateStack::retryRequested, this, &DealView::reload);

    connect(m_negotiation, &DealNegotiationTab::acceptRequested, this, [this] {
        answerOffer(Answer::Accept);
    });
    connect(m_negotiation, &DealNegotiationTab::declineRequested, this, [this] {
        confirmThen(FinalStep::Decline, [this] {
            answerOffer(Answer::Decline);
        });
    });
    connect(m_negotiation, &DealNegotiationTab::counterRequested, this, &DealView::openCounter);
    connect(m_negotiation, &DealNegotiationTab::actionRequested, this, [this](DealAction action) {
        switch (action) {
        case DealAction::Start:
        case DealAction::Complete: takeAction(action); break;
        case DealAction::Withdraw:
            confirmThen(FinalStep::Withdraw, [this] {
                takeAction(DealAction::Withdraw);
            });
            break;
        case DealAction::Cancel:
            confirmThen(FinalStep::Cancel, [this] {
                takeAction(DealAction::Cancel);
            });
            break;
        }
    });
    connect(m_deliverables, &DealDeliverablesTab::loadFinished, this, &DealView::oneArrived);
    connect(m_messagesTab, &DealMessagesTab::loadFinished, this, &DealView::oneArrived);
    connect(m_activity, &DealActivityTab::loadFinished, this, &DealView::oneArrived);
    connect(m_paymentsTab, &DealPaymentsTab::loadFinished, this, &DealView::oneArrived);
    connect(m_deliverables, &DealDeliverablesTab::reviewRequested, this, &DealView::openReview);
    connect(m_deliverables, &DealDeliverablesTab::draftRequested, this, &DealView::submitDraft);
    connect(m_deliverables, &DealDeliverablesTab::liveRequested, this, &DealView::submitLive);
    connect(m_messagesTab, &DealMessagesTab::sendRequested, this, &DealView::sendMessage);
}

void DealView::retranslate()
{
    setWindowTitle(tr("Deal"));
    m_reload->setText(tr("Re&fresh"));
    m_tabs->setTabText(static_cast<int>(Tab::Negotiation), tr("&Negotiation"));
    m_tabs->setTabText(static_cast<int>(Tab::Deliverables), tr("&Deliverables"));
    m_tabs->setTabText(static_cast<int>(Tab::Messages), tr("&Messages"));
    m_tabs->setTabText(static_cast<int>(Tab::Activity), tr("Ac&tivity"));
    m_tabs->setTabText(static_cast<int>(Tab::Payments), tr("&Payments"));
    // The stack's loading and empty sentences are the page's own.
    setState(m_state);
    if (m_state == State::Loaded) {
        fillHeader();
    }
}

void DealView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Back on a page whose loading was dropped when it was left.
    if (m_state == State::Idle && !m_dealId.isEmpty()) {
        reload();
    }
}

void DealView::hideEvent(QHideEvent *event)
{
    if (m_confirmation) {
        m_confirmation->close(); // a question about a page no longer shown
    }
    // Leaving the page drops what it still waits for; coming back loads again.
    if (!settled()) {
        cancelLoads();
        if (m_state == State::Loading) {
            setState(State::Idle);
        }
    }
    QWidget::hideEvent(event);
}

QString DealView::me() const
{
    return m_session->user().id.toString(QUuid::WithoutBraces);
}

DealSide DealView::side() const
{
    return me() == m_deal.influencerId ? DealSide::Creator : DealSide::Brand;
}

void DealView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    // Without a deal there is nothing to refresh.
    m_reload->setEnabled(!m_dealId.isEmpty());
    switch (state) {
    case State::Idle:
        if (m_dealId.isEmpty()) {
            m_stack->showEmpty(tr("Open a deal from the pipeline board."));
        } else {
            m_stack->showLoading(tr("Loading the deal…"));
        }
        break;
    case State::Loading: m_stack->showLoading(tr("Loading the deal…")); break;
    case State::Failed: m_stack->showError(m_error); break;
    case State::Loaded: m_stack->showContent(); break;
    }
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

bool DealView::settled() const
{
    return !m_dealLoading && !m_messagesTab->isLoading() && !m_activity->isLoading()
            && !m_paymentsTab->isLoading() && !m_deliverables->isLoading();
}

void DealView::cancelLoads()
{
    ++m_generation;
    m_dealLoading = false;
    m_api->abort(this);
    m_messagesTab->cancel();
    m_activity->cancel();
    m_paymentsTab->cancel();
    m_deliverables->cancel();
}

DealContext DealView::context() const
{
    return {side(), m_state == State::Loaded, m_busy, settled()};
}

void DealView::updateActions()
{
    const DealContext now = context();
    m_negotiation->updateActions(now);
    m_deliverables->updateActions(now);
}

const QList<Message> &DealView::messages() const
{
    return m_messagesTab->messages();
}

const QList<DealEvent> &DealView::events() const
{
    return m_activity->events();
}

const QList<common::Payout> &DealView::payouts() const
{
    return m_paymentsTab->payouts();
}

const Deliverable &DealView::deliverable() const
{
    return m_deliverables->detail();
}

void DealView::restoreState(const QVariant &state)
{
    const QString id = state.toString();
    if (!id.isEmpty() && id != m_dealId) {
        showDeal(id);
    }
}

QString DealView::crumb() const
{
    if (m_state != State::Loaded || m_deal.id.isEmpty()) {
        return windowTitle();
    }
    return tr("%1 × %2").arg(m_deal.influencerName, m_deal.campaignName);
}

void DealView::showDeal(const QString &id)
{
    if (id != m_dealId) {
        // A question or form about the deal shown until now must not act on the next one.
        for (QWidget *open : {static_cast<QWidget *>(m_confirmation.data()),
                     static_cast<QWidget *>(m_offerDialog.data()),
                     static_cast<QWidget *>(m_reviewDialog.data())}) {
            if (open) {
                open->close();
            }
        }
        m_dealId = id;
        m_deal = {};
        m_message->clear();
        m_negotiation->clear();
        m_deliverables->clear();
        m_messagesTab->clear();
        m_activity->clear();
        m_paymentsTab->clear();
        m_tabs->setCurrentIndex(static_cast<int>(Tab::Negotiation));
        m_title->clear();
        m_parties->clear();
        m_stateLabel->clear();
        setState(State::Idle);
    }
    reload();
}

void DealView::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (m_dealId.isEmpty() || !signedIn) {
        setState(State::Idle);
        return;
    }
    cancelLoads();
    const quint64 generation = m_generation;
    // The page stays on screen while the same deal is refreshed after a step.
    if (m_deal.id != m_dealId) {
        setState(State::Loading);
    }
    m_dealLoading = true;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.deal(m_dealId), [this, generation](const Result<Deal> &result) {
        loaded(generation, result);
    });
    // Each tab loads its own part; the payouts and the deliverable's versions follow the deal.
    m_messagesTab->load(m_dealId);
    m_activity->load(m_dealId);
}

void DealView::oneArrived()
{
    updateActions(); // the deliverable's steps wait for its detail (see updateActions)
    if (m_state == State::Loaded && settled()) {
        Q_EMIT completed();
    }
}

void DealView::loaded(quint64 generation, const Result<Deal> &result)
{
    if (generation != m_generation) {
        return;
    }
    m_dealLoading = false;
    if (!result) {
        m_error = result.error();
        m_deal = {};
        setState(State::Failed);
        oneArrived();
        return;
    }
    m_deal = *result;
    fillHeader();
    m_negotiation->setDeal(m_deal, side());
    m_messagesTab->setParties(m_deal, me());
    m_activity->setDeal(m_deal, me());
    setState(State::Loaded);
    m_paymentsTab->setDeal(m_deal, side());
    m_deliverables->setDeal(m_deal);
    oneArrived();
}

void DealView::fillHeader()
{
    const QString creator =
            m_deal.influencerName.isEmpty() ? tr("Unnamed creator") : m_deal.influencerName;
    const QString brand = m_deal.brandName.isEmpty() ? tr("Unnamed brand") : m_deal.brandName;
    m_title->setText(tr("%1 — %2").arg(creator, m_deal.campaignName));
    m_parties->setText(tr("Brand: %1 · Creator: %2 · Campaign: %3 · You act as: %4")
                               .arg(brand, creator, m_deal.campaignName, Names::dealSide(side())));
    QString state = tr("State: %1").arg(Names::dealState(m_deal.state));
    if (m_deal.overdue) {
        state += u" · "_s + tr("Overdue");
    }
    m_stateLabel->setText(state);
}

void DealView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

void DealView::selectDeliverable(int row)
{
    m_deliverables->selectRow(row);
}

OfferDialog *DealView::offerDialog() const
{
    return m_offerDialog.data();
}

ReviewDialog *DealView::reviewDialog() const
{
    return m_reviewDialog.data();
}

QString DealView::messageText() const
{
    return m_message->text();
}

QWidget *DealView::confirmation() const
{
    return m_confirmation;
}

} // namespace influence::desktop
