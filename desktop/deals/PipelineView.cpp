// SPDX-License-Identifier: Apache-2.0
#include "PipelineView.h"

#include "common/ApiClient.h"
#include "deals/PipelineCsv.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealState;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum ViewTab { BoardTab, TableTab };

/// Deals per page (the server's largest).
constexpr int kPageSize = 100;

} // namespace

PipelineView::PipelineView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"pipelinePage"_s);
    m_query.limit = kPageSize;
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && m_state != State::Loading) {
            reload();
        } else if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget();
        }
    });
}

void PipelineView::forget()
{
    // Another user may sign in next: nothing of this one's stays, not even campaign names.
    ++m_generation;
    m_api->abort(this);
    if (m_confirmation) {
        m_confirmation->close();
    }
    m_deals.clear();
    m_nextCursor.clear();
    m_campaignNames.clear();
    while (m_filter->count() > 1) {
        m_filter->removeItem(m_filter->count() - 1);
    }
    resetFilters();
    fillColumns();
    fillTable();
    say({});
    setLoadingMore(false);
    m_more->setVisible(false);
    m_shown->clear();
    setState(State::Idle);
}

void PipelineView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel;
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    layout->addWidget(m_title);
    layout->addLayout(buildFilters());

    m_views = new QTabWidget;
    m_views->setObjectName(u"pipelineViews"_s);
    m_views->insertTab(BoardTab, buildBoard(), QString());
    m_views->insertTab(TableTab, buildTable(), QString());
    // Loading, the error with Retry, or the board and table ("pipelineError",
    // "retryPipelineButton").
    m_stack = new StateStack(u"pipeline"_s, m_views);
    layout->addWidget(m_stack, 1);

    auto *footer = new QHBoxLayout;
    m_message = new StatusLine;
    m_message->setObjectName(u"pipelineMessage"_s);
    m_message->setWordWrap(true);
    m_shown = new QLabel;
    m_shown->setObjectName(u"pipelineShown"_s);
    m_more = new QPushButton;
    m_more->setObjectName(u"moreDealsButton"_s);
    m_more->setVisible(false);
    footer->addWidget(m_message, 1);
    footer->addWidget(m_shown);
    footer->addWidget(m_more);
    layout->addLayout(footer);

    connect(m_reload, &QPushButton::clicked, this, &PipelineView::reload);
    connect(m_export, &QPushButton::clicked, this, [this] {
        exportCsv(
                this, tr("deals.csv"),
                [csv = csv()] {
                    return csv;
                },
                [this](const QString &path, const QString &error) {
                    exported(path, error);
                });
    });
    connect(m_stack, &StateStack::retryRequested, this, &PipelineView::reload);
    connect(m_more, &QPushButton::clicked, this, &PipelineView::loadMore);
}

void PipelineView::retranslate()
{
    setWindowTitle(tr("Deals"));
    m_title->setText(tr("Deal pipeline"));
    m_filterLabel->setText(tr("&Campaign:"));
    m_filter->setItemText(0, tr("All campaigns"));
    m_stateFilterLabel->setText(tr("&State:"));
    m_stateFilter->setItemText(0, tr("All states"));
    for (int i = 1; i < m_stateFilter->count(); ++i) {
        if (const auto state = common::collabFromString<DealState>(
                    m_stateFilter->itemData(i).toString())) {
            m_stateFilter->setItemText(i, Names::dealState(*state));
        }
    }
    m_creatorLabel->setText(tr("Cr&eator:"));
    m_creator->setPlaceholderText(tr("Part of the name"));
    m_overdue->setText(tr("&Overdue only"));
    m_overdue->setToolTip(tr("Only deals with a deliverable past its due date and not live"));
    m_clearFilters->setText(tr("Clear f&ilters"));
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("E&xport as CSV…"));
    for (QToolButton *fold : std::as_const(m_collapse)) {
        fold->setToolTip(tr("Fold or unfold this column"));
    }
    m_views->setTabText(BoardTab, tr("&Board"));
    m_views->setTabText(TableTab, tr("&Table"));
    m_table->setHorizontalHeaderLabels({tr("Creator"), tr("Brand"), tr("Campaign"), tr("State"),
            tr("Fee"), tr("Payment"), tr("Overdue"), tr("Last change")});
    m_more->setText(m_loadingMore ? tr("Loading…") : tr("Load &more"));
    if (m_state == State::Idle || m_state == State::Loading) {
        m_stack->showLoading(tr("Loading deals…"));
    }
    if (m_state == State::Loaded) {
        fillColumns();
        fillTable();
        showListMessage();
    }
}

void PipelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool PipelineView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

common::DealSide PipelineView::side() const
{
    return m_session->user().role == common::UserRole::Influencer ? common::DealSide::Creator
                                                                  : common::DealSide::Brand;
}

void PipelineView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state != State::Loading) {
        reload();
    }
}

void PipelineView::hideEvent(QHideEvent *event)
{
    if (m_confirmation) {
        m_confirmation->close(); // a question about a page no longer shown
    }
    if (m_state == State::Loading || m_loadingMore) {
        ++m_generation;
        m_api->abort(this);
        setLoadingMore(false);
        if (m_state == State::Loading) {
            setState(State::Idle);
        }
    }
    QWidget::hideEvent(event);
}

void PipelineView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_stack->showLoading(tr("Loading deals…")); break;
    case State::Failed: m_stack->showError(m_error); break;
    case State::Loaded: m_stack->showContent(); break;
    }
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void PipelineView::setLoadingMore(bool loading)
{
    m_loadingMore = loading;
    m_more->setEnabled(!loading);
    m_more->setText(loading ? tr("Loading…") : tr("Load &more"));
}

void PipelineView::reload()
{
    // A creator's deals are all their own: a creator filter would only hide them all.
    const bool creatorSide = side() == common::DealSide::Creator;
    m_creatorLabel->setVisible(!creatorSide);
    m_creator->setVisible(!creatorSide);
    m_table->setColumnHidden(CreatorColumn, creatorSide);
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    setLoadingMore(false);
    m_nextCursor.clear();
    setState(State::Loading);
    load(QString());
}

void PipelineView::loadMore()
{
    if (m_state != State::Loaded || m_nextCursor.isEmpty() || m_loadingMore) {
        return;
    }
    setLoadingMore(true);
    load(m_nextCursor);
}

void PipelineView::load(const QString &cursor)
{
    const quint64 generation = ++m_generation;
    common::DealQuery query = m_query;
    query.cursor = cursor;
    const bool append = !cursor.isEmpty();
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_collab.deals(query),
            [this, generation, append](const Result<common::Page<Deal>> &result) {
                listed(generation, append, result);
            });
}

PipelineView::View PipelineView::view() const
{
    return m_views->currentIndex() == TableTab ? View::Table : View::Board;
}

void PipelineView::setView(View view)
{
    m_views->setCurrentIndex(view == View::Table ? TableTab : BoardTab);
}

void PipelineView::listed(quint64 generation, bool append, const Result<common::Page<Deal>> &result)
{
    if (generation != m_generation) {
        return;
    }
    setLoadingMore(false);
    if (!result) {
        if (append) {
            // What is shown stays; only the next page is missing.
            say(tr("More deals could not be loaded. %1").arg(ErrorText::sentence(result.error())));
            return;
        }
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    if (append) {
        m_deals += result->items;
    } else {
        m_deals = result->items;
    }
    m_nextCursor = result->nextCursor;
    for (const Deal &deal : std::as_const(m_deals)) {
        m_campaignNames.insert(deal.campaignId, deal.campaignName);
    }
    updateCampaigns();
    fillColumns();
    fillTable();
    setState(State::Loaded);
    showListMessage();
}

void PipelineView::showListMessage()
{
    m_more->setVisible(hasMore());
    m_shown->setText(
            hasMore() ? tr("%1 deals shown, more on the server").arg(m_deals.size()) : QString());
    if (!m_deals.isEmpty()) {
        if (m_listMessage) {
            m_message->clear();
            m_listMessage = false;
        }
        return;
    }
    const bool onlyCampaign = !m_query.campaignId.isEmpty() && m_query.states.isEmpty()
            && m_query.creator.isEmpty() && !m_query.overdueOnly;
    if (onlyCampaign) {
        m_message->setText(tr("This campaign has no deals yet."));
    } else if (filtered()) {
        m_message->setText(tr("No deals match these filters."));
    } else {
        m_message->setText(tr("No deals yet. Invite creators to a campaign to start one."));
    }
    m_listMessage = true;
}

QString PipelineView::creatorName(const Deal &deal) const
{
    return deal.influencerName.isEmpty() ? tr("Unnamed creator") : deal.influencerName;
}

void PipelineView::say(const QString &text)
{
    m_message->setText(text);
    m_listMessage = false;
}

QString PipelineView::messageText() const
{
    return m_message->text();
}

QByteArray PipelineView::csv() const
{
    return pipelineCsv(m_deals, m_query, m_campaignNames.value(m_query.campaignId));
}

void PipelineView::exportTo(const QString &path)
{
    writeFileInBackground(this, path, csv(), [this](const QString &file, const QString &error) {
        exported(file, error);
    });
}

void PipelineView::exported(const QString &path, const QString &error)
{
    if (!error.isEmpty()) {
        say(tr("The deals were not exported. %1").arg(error));
        return;
    }
    // (English and German have the same plural rule: one, or other.)
    say(m_deals.size() == 1 ? tr("1 deal exported to %1.").arg(path)
                            : tr("%1 deals exported to %2.")
                                      .arg(QLocale().toString(qint64(m_deals.size())), path));
}

} // namespace influence::desktop
