// SPDX-License-Identifier: Apache-2.0
#include "PipelineView.h"

#include "common/ApiClient.h"
#include "deals/DealCardDelegate.h"
#include "deals/DealConfirmation.h"
#include "deals/DealText.h"
#include "deals/PipelineCsv.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealState;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum ViewTab { BoardTab, TableTab };

/// How long typing in the creator field waits before it asks the server.
constexpr int kTypingPauseMs = 300;
/// Deals per page (the server's largest).
constexpr int kPageSize = 100;
/// The table's sort key of a cell, where its text does not sort (money, times).
constexpr int kSortRole = Qt::UserRole + 1;

/// A table cell sorted by kSortRole when it has one, else by its text.
class SortedItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(kSortRole);
        const QVariant theirs = other.data(kSortRole);
        if (mine.isValid() && theirs.isValid()) {
            return mine.toLongLong() < theirs.toLongLong();
        }
        return QTableWidgetItem::operator<(other);
    }
};

const QList<DealState> &boardStates()
{
    static const QList<DealState> states{DealState::Invited, DealState::Applied,
            DealState::Negotiating, DealState::Accepted, DealState::InProgress,
            DealState::Completed, DealState::Declined, DealState::Withdrawn, DealState::Cancelled};
    return states;
}

QString mimeType()
{
    return QString::fromLatin1(DealColumn::kMimeType);
}

} // namespace

DealColumn::DealColumn(DealState state, QWidget *parent)
    : QListWidget(parent)
    , m_state(state)
{
    setObjectName(u"column-"_s + common::wireName(state));
    setDragEnabled(true);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    // Copy, never move: the board changes only when the server has moved the deal.
    setDefaultDropAction(Qt::CopyAction);
    setWordWrap(true);
    setSpacing(3);
    setMinimumWidth(150);
    setItemDelegate(new DealCardDelegate(this));
    // Cards are as wide as the column; the delegate elides what does not fit.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QStringList DealColumn::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *DealColumn::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty()) {
        return nullptr;
    }
    auto *mime = new QMimeData;
    mime->setData(mimeType(), items.first()->data(Qt::UserRole).toString().toUtf8());
    return mime;
}

Qt::DropActions DealColumn::supportedDropActions() const
{
    return Qt::CopyAction;
}

void DealColumn::highlight(Highlight highlight)
{
    m_dropTarget = highlight == Highlight::DropTarget;
    setStyleSheet(m_dropTarget ? u"QListWidget { border: 2px solid palette(highlight); "
                                 "background: palette(alternate-base); }"_s
                               : QString());
}

void DealColumn::dragLeaveEvent(QDragLeaveEvent *event)
{
    highlight(Highlight::None);
    QListWidget::dragLeaveEvent(event);
}

void DealColumn::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(mimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        highlight(Highlight::DropTarget);
    } else {
        event->ignore();
    }
}

void DealColumn::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(mimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void DealColumn::dropEvent(QDropEvent *event)
{
    highlight(Highlight::None);
    if (!event->mimeData()->hasFormat(mimeType())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT dealDropped(QString::fromUtf8(event->mimeData()->data(mimeType())), m_state);
}

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
    m_message = new QLabel;
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

QLayout *PipelineView::buildFilters()
{
    auto *toolbar = new QHBoxLayout;
    m_filterLabel = new QLabel;
    m_filter = new QComboBox;
    m_filter->setObjectName(u"pipelineCampaignFilter"_s);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filterLabel->setBuddy(m_filter);
    m_filter->addItem(QString(), QString());
    m_stateFilterLabel = new QLabel;
    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(u"pipelineStateFilter"_s);
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stateFilterLabel->setBuddy(m_stateFilter);
    m_stateFilter->addItem(QString(), QString());
    for (const DealState state : boardStates()) {
        m_stateFilter->addItem(QString(), common::wireName(state));
    }
    m_creatorLabel = new QLabel;
    m_creator = new QLineEdit;
    m_creator->setObjectName(u"pipelineCreatorFilter"_s);
    m_creator->setClearButtonEnabled(true);
    m_creator->setMaxLength(100); // the server's limit
    m_creatorLabel->setBuddy(m_creator);
    m_creatorTimer = new QTimer(this);
    m_creatorTimer->setSingleShot(true);
    m_creatorTimer->setInterval(kTypingPauseMs);
    m_overdue = new QCheckBox;
    m_overdue->setObjectName(u"pipelineOverdueFilter"_s);
    m_clearFilters = new QPushButton;
    m_clearFilters->setObjectName(u"clearPipelineFiltersButton"_s);
    m_clearFilters->setEnabled(false);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadPipelineButton"_s);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportPipelineButton"_s);
    toolbar->addWidget(m_filterLabel);
    toolbar->addWidget(m_filter);
    toolbar->addWidget(m_stateFilterLabel);
    toolbar->addWidget(m_stateFilter);
    toolbar->addWidget(m_creatorLabel);
    toolbar->addWidget(m_creator, 1);
    toolbar->addWidget(m_overdue);
    toolbar->addWidget(m_clearFilters);
    toolbar->addStretch();
    toolbar->addWidget(m_export);
    toolbar->addWidget(m_reload);

    connect(m_filter, &QComboBox::activated, this, [this](int index) {
        setCampaignFilter(m_filter->itemData(index).toString());
    });
    connect(m_stateFilter, &QComboBox::activated, this, [this](int index) {
        setStateFilter(
                common::collabFromString<DealState>(m_stateFilter->itemData(index).toString()));
    });
    connect(m_creator, &QLineEdit::textEdited, m_creatorTimer, qOverload<>(&QTimer::start));
    connect(m_creator, &QLineEdit::returnPressed, this, [this] {
        setCreatorFilter(m_creator->text());
    });
    connect(m_creatorTimer, &QTimer::timeout, this, [this] {
        setCreatorFilter(m_creator->text());
    });
    connect(m_overdue, &QCheckBox::toggled, this, &PipelineView::setOverdueOnly);
    connect(m_clearFilters, &QPushButton::clicked, this, &PipelineView::clearFilters);
    return toolbar;
}

QWidget *PipelineView::buildBoard()
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    auto *board = new QWidget;
    board->setObjectName(u"pipelineBoard"_s);
    auto *columns = new QHBoxLayout(board);
    for (const DealState state : boardStates()) {
        auto *box = new QVBoxLayout;
        auto *title = new QLabel;
        title->setObjectName(u"columnTitle-"_s + common::wireName(state));
        title->setStyleSheet(u"font-weight: bold;"_s);
        auto *total = new QLabel;
        total->setObjectName(u"columnTotal-"_s + common::wireName(state));
        total->setStyleSheet(u"color: gray;"_s);
        auto *column = new DealColumn(state);
        auto *heading = new QHBoxLayout;
        heading->addWidget(title, 1);
        // Ended deals pile up: their columns fold to the title.
        if (!common::isNegotiating(state) && state != DealState::Accepted
                && state != DealState::InProgress) {
            auto *fold = new QToolButton;
            fold->setObjectName(u"collapse-"_s + common::wireName(state));
            fold->setCheckable(true);
            fold->setAutoRaise(true);
            fold->setArrowType(Qt::DownArrow);
            heading->addWidget(fold);
            m_collapse.insert(state, fold);
            connect(fold, &QToolButton::toggled, this, [fold, column, total](bool folded) {
                fold->setArrowType(folded ? Qt::RightArrow : Qt::DownArrow);
                column->setVisible(!folded);
                total->setVisible(!folded);
            });
        }
        box->addLayout(heading);
        box->addWidget(total);
        box->addWidget(column, 1);
        box->addStretch(0);
        columns->addLayout(box);
        m_columns.insert(state, column);
        m_columnTitles.insert(state, title);
        m_columnTotals.insert(state, total);
        connect(column, &DealColumn::dealDropped, this,
                [this](const QString &id, DealState target) {
                    requestMove(id, target);
                });
        connect(column, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            Q_EMIT dealActivated(item->data(Qt::UserRole).toString());
        });
    }
    scroll->setWidget(board);
    return scroll;
}

QWidget *PipelineView::buildTable()
{
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"pipelineTable"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UpdatedColumn, Qt::DescendingOrder);
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        Q_EMIT dealActivated(
                m_table->item(item->row(), CreatorColumn)->data(Qt::UserRole).toString());
    });
    return m_table;
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
            tr("Fee"), tr("Overdue"), tr("Last change")});
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

void PipelineView::setCampaignFilter(const QString &campaignId)
{
    if (campaignId == m_query.campaignId) {
        return;
    }
    m_query.campaignId = campaignId;
    const int index = m_filter->findData(campaignId);
    if (index >= 0) {
        m_filter->setCurrentIndex(index);
    }
    filtersChanged();
}

void PipelineView::setStateFilter(std::optional<DealState> state)
{
    const QList<DealState> states = state ? QList<DealState>{*state} : QList<DealState>{};
    if (states == m_query.states) {
        return;
    }
    m_query.states = states;
    m_stateFilter->setCurrentIndex(
            state ? std::max(0, m_stateFilter->findData(common::wireName(*state))) : 0);
    filtersChanged();
}

void PipelineView::setCreatorFilter(const QString &text)
{
    m_creatorTimer->stop();
    const QString creator = text.trimmed();
    if (m_creator->text() != text) {
        m_creator->setText(text);
    }
    if (creator == m_query.creator) {
        return;
    }
    m_query.creator = creator;
    filtersChanged();
}

void PipelineView::setOverdueOnly(bool overdueOnly)
{
    if (overdueOnly == m_query.overdueOnly) {
        return;
    }
    m_query.overdueOnly = overdueOnly;
    m_overdue->setChecked(overdueOnly);
    filtersChanged();
}

void PipelineView::clearFilters()
{
    resetFilters();
    filtersChanged();
}

void PipelineView::resetFilters()
{
    m_creatorTimer->stop();
    m_query.campaignId.clear();
    m_query.states.clear();
    m_query.creator.clear();
    m_query.overdueOnly = false;
    const QSignalBlocker blockOverdue(m_overdue);
    m_filter->setCurrentIndex(0);
    m_stateFilter->setCurrentIndex(0);
    m_creator->clear();
    m_overdue->setChecked(false);
    m_clearFilters->setEnabled(false);
}

void PipelineView::filtersChanged()
{
    m_clearFilters->setEnabled(filtered());
    reload();
}

bool PipelineView::filtered() const
{
    return !m_query.campaignId.isEmpty() || !m_query.states.isEmpty() || !m_query.creator.isEmpty()
            || m_query.overdueOnly;
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

void PipelineView::updateCampaigns()
{
    for (auto it = m_campaignNames.cbegin(); it != m_campaignNames.cend(); ++it) {
        const int index = m_filter->findData(it.key());
        if (index < 0) {
            m_filter->addItem(it.value(), it.key());
        } else {
            m_filter->setItemText(index, it.value());
        }
    }
}

QString PipelineView::creatorName(const Deal &deal) const
{
    return deal.influencerName.isEmpty() ? tr("Unnamed creator") : deal.influencerName;
}

QString PipelineView::cardText(const Deal &deal) const
{
    QString text = creatorName(deal);
    // Filtered to one campaign, every card would repeat its name.
    if (m_query.campaignId.isEmpty()) {
        text += u'\n' + deal.campaignName;
    }
    if (deal.latestOffer) {
        text += u'\n' + Formats::money(deal.latestOffer->terms.fee);
    }
    const QDate due = nextDueDate(deal);
    const bool open = common::isNegotiating(deal.state) || deal.state == DealState::Accepted
            || deal.state == DealState::InProgress;
    if (due.isValid() && open) {
        text += u'\n' + tr("Next due: %1").arg(DealText::day(due));
    }
    if (deal.overdue) {
        text += u'\n' + tr("Overdue");
    }
    return text;
}

void PipelineView::fillColumns()
{
    for (DealColumn *column : std::as_const(m_columns)) {
        column->clear();
    }
    const QString tip = tr("Drag to another column to move the deal; double-click or press Enter "
                           "to open it.");
    for (const Deal &deal : std::as_const(m_deals)) {
        DealColumn *column = m_columns.value(deal.state);
        const QString text = cardText(deal);
        auto *item = new QListWidgetItem(text, column);
        item->setData(Qt::UserRole, deal.id);
        item->setData(
                DealCardDelegate::kInitialsRole, DealCardDelegate::initials(creatorName(deal)));
        item->setData(DealCardDelegate::kOverdueRole, deal.overdue);
        // The badge says "Overdue": the painted lines leave it out (the text keeps it).
        item->setData(
                DealCardDelegate::kBodyRole, deal.overdue ? text.section(u'\n', 0, -2) : text);
        // The whole card, as a narrow column elides it.
        item->setToolTip(text + u"\n\n"_s + tip);
    }
    for (auto it = m_columnTitles.cbegin(); it != m_columnTitles.cend(); ++it) {
        it.value()->setText(tr("%1 (%2)").arg(Names::dealState(it.key())).arg(count(it.key())));
    }
    QMap<DealState, QList<Deal>> byState;
    for (const Deal &deal : std::as_const(m_deals)) {
        byState[deal.state].append(deal);
    }
    for (auto it = m_columnTotals.cbegin(); it != m_columnTotals.cend(); ++it) {
        QStringList sums;
        const QMap<QString, qint64> totals = feeTotals(byState.value(it.key()));
        for (auto total = totals.cbegin(); total != totals.cend(); ++total) {
            sums.append(Formats::money({total.value(), total.key()}));
        }
        it.value()->setText(sums.join(u" · "_s));
    }
}

void PipelineView::fillTable()
{
    const QString selected = m_table->currentRow() >= 0
            ? m_table->item(m_table->currentRow(), CreatorColumn)->data(Qt::UserRole).toString()
            : QString();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_deals.size()));
    const QString tip = tr("Double-click or press Enter to open the deal.");
    for (int row = 0; row < m_deals.size(); ++row) {
        const Deal &deal = m_deals.at(row);
        const auto cell = [this, row, &tip](int column, const QString &text) {
            auto *item = new SortedItem(text);
            item->setToolTip(tip);
            m_table->setItem(row, column, item);
            return item;
        };
        cell(CreatorColumn, creatorName(deal))->setData(Qt::UserRole, deal.id);
        cell(BrandColumn, deal.brandName);
        cell(CampaignColumn, deal.campaignName);
        cell(StateColumn, Names::dealState(deal.state))
                ->setData(kSortRole, int(boardStates().indexOf(deal.state)));
        QTableWidgetItem *fee = cell(FeeColumn,
                deal.latestOffer ? Formats::money(deal.latestOffer->terms.fee) : QString());
        fee->setData(kSortRole, deal.latestOffer ? deal.latestOffer->terms.fee.minorUnits : -1);
        fee->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        cell(OverdueColumn, deal.overdue ? tr("Overdue") : QString())
                ->setData(kSortRole, deal.overdue ? 1 : 0);
        const QDateTime changed = lastChange(deal);
        cell(UpdatedColumn, Formats::when(changed))
                ->setData(kSortRole, changed.toMSecsSinceEpoch());
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, CreatorColumn)->data(Qt::UserRole).toString() == selected) {
            m_table->setCurrentCell(row, CreatorColumn);
        }
    }
}

int PipelineView::count(DealState state) const
{
    const DealColumn *column = m_columns.value(state);
    return column ? column->count() : 0;
}

QString PipelineView::refusal(DealState from, DealState to) const
{
    if (common::isNegotiating(from)
            && (to == DealState::Negotiating || to == DealState::Accepted
                    || to == DealState::Declined)) {
        return tr("Offers decide this step: open the deal to accept, decline or counter the "
                  "latest offer.");
    }
    return tr("A deal cannot move from “%1” to “%2”.")
            .arg(Names::dealState(from), Names::dealState(to));
}

PipelineView::Move PipelineView::requestMove(const QString &dealId, DealState target)
{
    const auto deal =
            std::find_if(m_deals.cbegin(), m_deals.cend(), [&dealId](const Deal &candidate) {
                return candidate.id == dealId;
            });
    if (deal == m_deals.cend() || deal->state == target) {
        return Move::Unchanged;
    }
    const auto action = common::dealActionBetween(deal->state, target);
    if (!action) {
        say(refusal(deal->state, target));
        return Move::Refused;
    }
    if (!common::mayTakeDealAction(side(), *action)) {
        say(tr("Only the brand can %1 a deal.").arg(DealText::dealAction(*action)));
        return Move::Refused;
    }
    if (const auto step = finalStep(*action)) {
        if (m_confirmation) {
            return Move::Unchanged; // one question at a time
        }
        const QString counterpart =
                side() == common::DealSide::Brand ? deal->influencerName : deal->brandName;
        m_confirmation = confirmFinalStep(this, *step, counterpart, deal->campaignName,
                [this, id = dealId, act = *action, target] {
                    send(id, act, target);
                });
        return Move::AwaitingConfirmation;
    }
    send(dealId, *action, target);
    return Move::Sent;
}

QWidget *PipelineView::confirmation() const
{
    return m_confirmation;
}

void PipelineView::send(const QString &dealId, common::DealAction action, DealState target)
{
    say(tr("Moving the deal to “%1”…").arg(Names::dealState(target)));
    continueIn(this, m_collab.dealAction(dealId, action),
            [this, dealId, target](const Result<Deal> &result) {
                moved(dealId, target, result);
            });
}

void PipelineView::moved(const QString &dealId, DealState target, const Result<Deal> &result)
{
    if (!result) {
        say(tr("The move was refused. %1").arg(ErrorText::sentence(result.error())));
        return;
    }
    say(tr("The deal is now “%1”.").arg(Names::dealState(result->state)));
    Q_EMIT dealMoved(dealId, target);
    reload();
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

bool PipelineView::isCollapsed(DealState state) const
{
    const QToolButton *fold = m_collapse.value(state);
    return fold && fold->isChecked();
}

} // namespace influence::desktop
