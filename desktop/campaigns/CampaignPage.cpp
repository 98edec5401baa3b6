// SPDX-License-Identifier: Apache-2.0
#include "CampaignPage.h"

#include "campaigns/CampaignText.h"
#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BudgetBar.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::CampaignAction;
using influence::common::Deal;
using influence::common::Result;

namespace influence::desktop {

namespace {

/// The states in which a deal's latest offer is what was agreed.
bool agreed(common::DealState state)
{
    return state == common::DealState::Accepted || state == common::DealState::InProgress
            || state == common::DealState::Completed;
}

} // namespace

CampaignPage::CampaignPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_money(api)
    , m_session(session)
{
    setObjectName(u"campaignPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
}

void CampaignPage::buildUi()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_name = new QLabel;
    m_name->setObjectName(u"campaignPageName"_s);
    QFont font = m_name->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_name->setFont(font);
    layout->addWidget(m_name);
    m_summary = new QLabel;
    m_summary->setObjectName(u"campaignPageSummary"_s);
    layout->addWidget(m_summary);
    buildMoney(layout);
    m_brief = new QLabel;
    m_brief->setObjectName(u"campaignPageBrief"_s);
    m_brief->setWordWrap(true);
    m_brief->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_brief);

    auto *toolbar = new QHBoxLayout;
    const auto button = [toolbar](const QString &name) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        toolbar->addWidget(b);
        return b;
    };
    m_edit = button(u"campaignPageEditButton"_s);
    for (const CampaignAction action : {CampaignAction::Launch, CampaignAction::Pause,
                 CampaignAction::Resume, CampaignAction::Complete, CampaignAction::Cancel}) {
        QPushButton *b = button(u"campaignPage_"_s + common::wireName(action) + u"Button"_s);
        m_actions.append({action, b});
        connect(b, &QPushButton::clicked, this, [this, action] {
            runAction(action);
        });
    }
    toolbar->addStretch();
    m_find = button(u"findCreatorsButton"_s);
    layout->addLayout(toolbar);

    auto *lists = new QGridLayout;
    const auto list = [](const QString &name) {
        auto *l = new QListWidget;
        l->setObjectName(name);
        l->setWordWrap(true); // the sentence of an empty list
        return l;
    };
    m_dealsTitle = new QLabel;
    m_dealList = list(u"campaignPageDeals"_s);
    m_deliverablesTitle = new QLabel;
    m_deliverableList = list(u"campaignPageDeliverables"_s);
    m_invitedTitle = new QLabel;
    m_invitedList = list(u"campaignPageInvited"_s);
    lists->addWidget(m_dealsTitle, 0, 0);
    lists->addWidget(m_dealList, 1, 0);
    lists->addWidget(m_deliverablesTitle, 0, 1);
    lists->addWidget(m_deliverableList, 1, 1);
    lists->addWidget(m_invitedTitle, 0, 2);
    lists->addWidget(m_invitedList, 1, 2);
    layout->addLayout(lists, 1);
    buildPayouts(layout);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"campaignPageTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(content, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, &CampaignPage::tabChanged);
    auto *outer = new QVBoxLayout(this);
    m_states = new StateStack(u"campaignPage"_s, m_tabs);
    outer->addWidget(m_states, 1);
    m_message = new StatusLine;
    m_message->setObjectName(u"campaignPageMessage"_s);
    m_message->setWordWrap(true);
    outer->addWidget(m_message);

    connect(m_states, &StateStack::retryRequested, this, &CampaignPage::reload);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_campaign && isBrandSide()) {
            Q_EMIT editRequested(m_campaign->id);
        }
    });
    connect(m_find, &QPushButton::clicked, this, [this] {
        if (m_campaign) {
            Q_EMIT findCreatorsRequested(
                    m_campaign->details.targeting, m_campaign->details.platforms, m_campaign->id);
        }
    });
    // Double-click or Enter on a deal opens it.
    connect(m_dealList, &QListWidget::activated, this, [this](const QModelIndex &index) {
        if (index.row() >= 0 && index.row() < m_deals.size()) {
            Q_EMIT dealRequested(m_deals.at(index.row()).id);
        }
    });
    updateButtons();
}

void CampaignPage::retranslate()
{
    setWindowTitle(tr("Campaign"));
    m_edit->setText(tr("&Edit…"));
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setText(CampaignText::campaignAction(action));
    }
    m_find->setText(tr("&Find creators for this campaign"));
    // The row of actions reads as one set: every button as wide as the widest label needs.
    int widest = m_edit->sizeHint().width();
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setMinimumWidth(0);
        widest = std::max(widest, b->sizeHint().width());
    }
    m_edit->setMinimumWidth(widest);
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setMinimumWidth(widest);
    }
    m_dealsTitle->setText(tr("Deals"));
    m_deliverablesTitle->setText(tr("Deliverables by due date"));
    m_invitedTitle->setText(tr("Creators invited"));
    retranslateMoney();
    m_tabs->setTabText(0, tr("Overview"));
    if (m_tabs->count() > 1) {
        m_tabs->setTabText(1, tr("Analytics"));
    }
    switch (m_state) {
    case State::Idle:
        m_states->showEmpty(tr("Open a campaign from the list of campaigns (Enter) or with "
                               "quick open (Ctrl+K)."));
        break;
    case State::Loading: m_states->showLoading(tr("Loading the campaign…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded: showCampaignData(); break;
    }
}

void CampaignPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void CampaignPage::setAnalyticsTab(QWidget *tab)
{
    m_tabs->addTab(tab, tr("Analytics"));
    updateButtons();
}

void CampaignPage::addBrandTab(QWidget *tab)
{
    m_tabs->addTab(tab, tab->windowTitle());
    m_brandTabs.append(tab);
    connect(tab, &QWidget::windowTitleChanged, this, [this, tab](const QString &title) {
        m_tabs->setTabText(m_tabs->indexOf(tab), title);
    });
    updateButtons();
}

QWidget *CampaignPage::analyticsTab() const
{
    return m_tabs->count() > 1 ? m_tabs->widget(1) : nullptr;
}

void CampaignPage::showAnalytics()
{
    if (m_tabs->count() > 1 && m_tabs->isTabVisible(1)) {
        m_tabs->setCurrentIndex(1);
    }
}

void CampaignPage::tabChanged()
{
    // The figures are asked for when they are looked at, once per campaign shown.
    if (m_tabs->currentIndex() == 1 && m_state == State::Loaded && m_campaign
            && m_analyticsShownFor != m_campaign->id) {
        m_analyticsShownFor = m_campaign->id;
        Q_EMIT analyticsRequested(m_campaign->id);
    }
}

bool CampaignPage::isBrandSide() const
{
    return m_session->user().role != common::UserRole::Influencer;
}

void CampaignPage::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    retranslate();
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
    if (state == State::Loaded) {
        tabChanged();
    }
}

void CampaignPage::showCampaign(const QString &id)
{
    m_id = id;
    reload();
}

void CampaignPage::restoreState(const QVariant &state)
{
    const QString id = state.toString();
    if (!id.isEmpty() && id != m_id) {
        showCampaign(id);
    }
}

QString CampaignPage::crumb() const
{
    return m_state == State::Loaded && m_campaign && !m_campaign->details.name.isEmpty()
            ? m_campaign->details.name
            : windowTitle();
}

void CampaignPage::reload()
{
    if (m_id.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_analyticsShownFor.clear();
    m_campaign.reset();
    m_deals.clear();
    m_payouts.clear();
    m_moneyError.clear();
    m_budgetBar->clear();
    m_dealsPending = true;
    m_message->clear();
    setState(State::Loading);
    loadMoney(generation);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.campaign(m_id), [this, generation](const Result<Campaign> &result) {
        loaded(generation, result);
    });
    common::DealQuery query;
    query.campaignId = m_id;
    continueIn(this, m_collab.deals(query),
            [this, generation](const Result<common::Page<Deal>> &result) {
                dealsLoaded(generation, result);
            });
}

void CampaignPage::loaded(quint64 generation, const Result<Campaign> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        ++m_generation; // the deals are of no use without their campaign
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_campaign = *result;
    if (!m_dealsPending) {
        setState(State::Loaded);
    }
}

void CampaignPage::dealsLoaded(quint64 generation, const Result<common::Page<Deal>> &result)
{
    if (generation != m_generation) {
        return;
    }
    m_dealsPending = false;
    if (!result) {
        ++m_generation;
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_deals = result->items;
    if (m_campaign) {
        setState(State::Loaded);
    }
}

void CampaignPage::showCampaignData()
{
    if (!m_campaign) {
        return;
    }
    const Campaign &c = *m_campaign;
    const QLocale locale;
    m_name->setText(c.details.name);
    const auto date = [&locale](const QDate &d) {
        return d.isValid() ? locale.toString(d, QLocale::ShortFormat) : tr("open");
    };
    const bool undated = !c.details.startDate.isValid() && !c.details.endDate.isValid();
    m_summary->setText(undated
                    ? tr("%1 · no dates").arg(Names::campaignStatus(c.status))
                    : tr("%1 · %2 – %3")
                              .arg(Names::campaignStatus(c.status), date(c.details.startDate),
                                      date(c.details.endDate)));
    // A brand's total budget is the brand's own business.
    const bool brand = isBrandSide();
    m_budget->setVisible(brand);
    m_budget->setText(m_moneyError.isEmpty()
                    ? tr("Budget: %1").arg(Formats::money(c.details.budget))
                    : tr("Budget: %1 (its use could not be loaded: %2)")
                              .arg(Formats::money(c.details.budget), m_moneyError));
    m_budgetBar->setVisible(brand && m_budgetBar->budget().has_value());
    m_changeBudget->setVisible(brand);
    m_ledger->setVisible(brand);
    m_payoutsTitle->setVisible(brand);
    m_payoutList->setVisible(brand);
    if (brand) {
        showPayouts();
    }
    m_brief->setText(c.details.brief);

    m_dealList->clear();
    m_invitedList->clear();
    struct Due
    {
        QDate date;
        QString text;
    };
    QList<Due> due;
    for (const Deal &deal : std::as_const(m_deals)) {
        const QString fee =
                deal.latestOffer ? Formats::money(deal.latestOffer->terms.fee) : QString();
        m_dealList->addItem(fee.isEmpty()
                        ? tr("%1 · %2").arg(deal.influencerName, Names::dealState(deal.state))
                        : tr("%1 · %2 · %3")
                                  .arg(deal.influencerName, Names::dealState(deal.state), fee));
        if (deal.origin == u"invitation"_s) {
            m_invitedList->addItem(
                    tr("%1 (%2)").arg(deal.influencerName, Names::dealState(deal.state)));
        }
        if (deal.latestOffer && agreed(deal.state)) {
            for (const common::OfferLine &line : deal.latestOffer->terms.deliverables) {
                due.append({line.dueDate,
                        tr("%1 · %2 × %3 on %4 · %5")
                                .arg(locale.toString(line.dueDate, QLocale::ShortFormat),
                                        QString::number(line.quantity),
                                        Names::deliverableType(line.type),
                                        Names::platform(line.platform), deal.influencerName)});
            }
        }
    }
    std::stable_sort(due.begin(), due.end(), [](const Due &a, const Due &b) {
        return a.date < b.date;
    });
    m_deliverableList->clear();
    for (const Due &d : std::as_const(due)) {
        m_deliverableList->addItem(d.text);
    }
    // An empty pane says why it is empty and what fills it.
    const auto explain = [](QListWidget *list, const QString &text) {
        if (list->count() == 0) {
            auto *item = new QListWidgetItem(text, list);
            item->setFlags(Qt::NoItemFlags);
        }
    };
    explain(m_dealList,
            isBrandSide() ? tr("No deals yet: invite creators from discovery (“Find creators "
                               "for this campaign”), or wait for their applications.")
                          : tr("No deals yet."));
    explain(m_invitedList, tr("Nobody invited yet."));
    explain(m_deliverableList,
            tr("Nothing agreed yet: the deliverables of a deal are listed here, by due date, "
               "once its offer is accepted."));
    m_states->showContent();
}

void CampaignPage::updateButtons()
{
    const bool brand = isBrandSide();
    const Campaign *c = m_state == State::Loaded && m_campaign ? &*m_campaign : nullptr;
    const bool open = c
            && (c->status == common::CampaignStatus::Draft
                    || c->status == common::CampaignStatus::Active
                    || c->status == common::CampaignStatus::Paused);
    m_edit->setVisible(brand);
    m_edit->setEnabled(open);
    m_changeBudget->setEnabled(open);
    m_ledger->setEnabled(c != nullptr);
    m_find->setVisible(brand);
    m_find->setEnabled(c != nullptr);
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setVisible(brand);
        b->setEnabled(c && common::campaignTransition(c->status, action));
    }
    if (m_tabs->count() > 1) {
        // A campaign's figures are the brand's (the server answers creators 404).
        m_tabs->setTabVisible(1, brand);
    }
    for (QWidget *tab : std::as_const(m_brandTabs)) {
        m_tabs->setTabVisible(m_tabs->indexOf(tab), brand);
    }
}

void CampaignPage::runAction(CampaignAction action)
{
    if (!m_campaign || !isBrandSide() || !common::campaignTransition(m_campaign->status, action)) {
        return;
    }
    const QString id = m_campaign->id;
    m_message->setText(tr("Sending…"));
    continueIn(this, m_collab.campaignAction(id, action),
            [this, action, id](const Result<Campaign> &result) {
                if (!result) {
                    m_message->setText(tr("“%1” was refused. %2")
                                               .arg(CampaignText::campaignAction(action),
                                                       ErrorText::sentence(result.error())));
                    return;
                }
                if (m_campaign && m_campaign->id == id) {
                    m_campaign = *result;
                    showCampaignData();
                    updateButtons();
                }
                m_message->setText(
                        tr("“%1” is now %2.")
                                .arg(result->details.name, Names::campaignStatus(result->status)));
                Q_EMIT campaignChanged(id);
            });
}

QString CampaignPage::messageText() const
{
    return m_message->text();
}

void CampaignPage::forget()
{
    ++m_generation;
    forgetMoney();
    m_id.clear();
    m_analyticsShownFor.clear();
    m_tabs->setCurrentIndex(0);
    m_campaign.reset();
    m_deals.clear();
    m_dealList->clear();
    m_deliverableList->clear();
    m_invitedList->clear();
    m_name->clear();
    m_summary->clear();
    m_budget->clear();
    m_brief->clear();
    m_message->clear();
    setState(State::Idle);
}

} // namespace influence::desktop
