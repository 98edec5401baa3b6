// SPDX-License-Identifier: Apache-2.0
#include "PipelineView.h"

#include "CollabText.h"
#include "Session.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealState;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum StackPage { LoadingPage, ErrorPage, BoardPage };

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

void DealColumn::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(mimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
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
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && m_state != State::Loading) {
            reload();
        }
    });
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

    auto *toolbar = new QHBoxLayout;
    m_filterLabel = new QLabel;
    m_filter = new QComboBox;
    m_filter->setObjectName(u"pipelineCampaignFilter"_s);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filterLabel->setBuddy(m_filter);
    m_filter->addItem(QString(), QString());
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadPipelineButton"_s);
    toolbar->addWidget(m_filterLabel);
    toolbar->addWidget(m_filter);
    toolbar->addStretch();
    toolbar->addWidget(m_reload);
    layout->addLayout(toolbar);

    m_stack = new QStackedWidget;
    m_loading = new QLabel;
    m_loading->setAlignment(Qt::AlignCenter);
    auto *errorPage = new QWidget;
    auto *errorLayout = new QVBoxLayout(errorPage);
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(u"pipelineError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_retry = new QPushButton;
    m_retry->setObjectName(u"retryPipelineButton"_s);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addWidget(m_retry, 0, Qt::AlignCenter);
    errorLayout->addStretch();

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
        auto *column = new DealColumn(state);
        box->addWidget(title);
        box->addWidget(column, 1);
        columns->addLayout(box);
        m_columns.insert(state, column);
        m_columnTitles.insert(state, title);
        connect(column, &DealColumn::dealDropped, this,
                [this](const QString &id, DealState target) {
                    requestMove(id, target);
                });
        connect(column, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            Q_EMIT dealActivated(item->data(Qt::UserRole).toString());
        });
    }
    scroll->setWidget(board);
    m_stack->insertWidget(LoadingPage, m_loading);
    m_stack->insertWidget(ErrorPage, errorPage);
    m_stack->insertWidget(BoardPage, scroll);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel;
    m_message->setObjectName(u"pipelineMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_reload, &QPushButton::clicked, this, &PipelineView::reload);
    connect(m_retry, &QPushButton::clicked, this, &PipelineView::reload);
    connect(m_filter, &QComboBox::activated, this, [this](int index) {
        setCampaignFilter(m_filter->itemData(index).toString());
    });
}

void PipelineView::retranslate()
{
    setWindowTitle(tr("Deals"));
    m_title->setText(tr("Deal pipeline"));
    m_filterLabel->setText(tr("&Campaign:"));
    m_filter->setItemText(0, tr("All campaigns"));
    m_reload->setText(tr("Re&fresh"));
    m_loading->setText(tr("Loading deals…"));
    m_retry->setText(tr("&Retry"));
    if (m_state == State::Failed) {
        m_errorLabel->setText(CollabText::error(m_error));
    }
    for (auto it = m_columnTitles.cbegin(); it != m_columnTitles.cend(); ++it) {
        it.value()->setText(
                tr("%1 (%2)").arg(CollabText::dealState(it.key())).arg(count(it.key())));
    }
    for (const DealColumn *column : std::as_const(m_columns)) {
        for (int row = 0; row < column->count(); ++row) {
            QListWidgetItem *item = column->item(row);
            const QString id = item->data(Qt::UserRole).toString();
            for (const Deal &deal : std::as_const(m_deals)) {
                if (deal.id == id) {
                    item->setText(cardText(deal));
                }
            }
        }
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
    if (m_state == State::Loading) {
        m_api->abort(this);
        setState(State::Idle);
    }
    QWidget::hideEvent(event);
}

void PipelineView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_stack->setCurrentIndex(LoadingPage); break;
    case State::Failed:
        m_errorLabel->setText(CollabText::error(m_error));
        m_stack->setCurrentIndex(ErrorPage);
        break;
    case State::Loaded: m_stack->setCurrentIndex(BoardPage); break;
    }
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void PipelineView::reload()
{
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    common::DealQuery query;
    query.campaignId = m_campaignId;
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.deals(query).then(QtFuture::Launch::Sync,
            common::guarded<Result<common::Page<Deal>>>(
                    this, [this, generation](const Result<common::Page<Deal>> &result) {
                        listed(generation, result);
                    }));
}

void PipelineView::setCampaignFilter(const QString &campaignId)
{
    if (campaignId == m_campaignId) {
        return;
    }
    m_campaignId = campaignId;
    const int index = m_filter->findData(campaignId);
    if (index >= 0) {
        m_filter->setCurrentIndex(index);
    }
    reload();
}

void PipelineView::listed(quint64 generation, const Result<common::Page<Deal>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_deals = result->items;
    for (const Deal &deal : std::as_const(m_deals)) {
        m_campaignNames.insert(deal.campaignId, deal.campaignName);
    }
    updateCampaigns();
    fillColumns();
    setState(State::Loaded);
    if (m_deals.isEmpty()) {
        m_message->setText(m_campaignId.isEmpty() ? tr("No deals yet. Invite creators to a "
                                                       "campaign to start one.")
                                                  : tr("This campaign has no deals yet."));
    }
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

QString PipelineView::cardText(const Deal &deal) const
{
    const QString creator =
            deal.influencerName.isEmpty() ? tr("Unnamed creator") : deal.influencerName;
    QString text = creator + u'\n' + deal.campaignName;
    if (deal.latestOffer) {
        text += u'\n' + CollabText::money(deal.latestOffer->terms.fee);
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
    for (const Deal &deal : std::as_const(m_deals)) {
        DealColumn *column = m_columns.value(deal.state);
        auto *item = new QListWidgetItem(cardText(deal), column);
        item->setData(Qt::UserRole, deal.id);
        item->setToolTip(tr("Drag to another column to move the deal; double-click or press "
                            "Enter to open it."));
    }
    retranslate();
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
            .arg(CollabText::dealState(from), CollabText::dealState(to));
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
        m_message->setText(refusal(deal->state, target));
        return Move::Refused;
    }
    if (!common::mayTakeDealAction(side(), *action)) {
        m_message->setText(
                tr("Only the brand can %1 a deal.").arg(CollabText::dealAction(*action)));
        return Move::Refused;
    }
    m_message->setText(tr("Moving the deal to “%1”…").arg(CollabText::dealState(target)));
    const QString id = dealId;
    m_collab.dealAction(id, *action)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Deal>>(
                            this, [this, id, target](const Result<Deal> &result) {
                                moved(id, target, result);
                            }));
    return Move::Sent;
}

void PipelineView::moved(const QString &dealId, DealState target, const Result<Deal> &result)
{
    if (!result) {
        m_message->setText(tr("The move was refused. %1").arg(CollabText::error(result.error())));
        return;
    }
    m_message->setText(tr("The deal is now “%1”.").arg(CollabText::dealState(result->state)));
    Q_EMIT dealMoved(dealId, target);
    reload();
}

QString PipelineView::messageText() const
{
    return m_message->text();
}

} // namespace influence::desktop
