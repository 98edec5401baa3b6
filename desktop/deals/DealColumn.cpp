// SPDX-License-Identifier: Apache-2.0
#include "DealColumn.h"

#include "deals/DealCardDelegate.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

using namespace Qt::StringLiterals;
using influence::common::DealState;

namespace influence::desktop {

namespace {

QString mimeType()
{
    return QString::fromLatin1(DealColumn::kMimeType);
}

} // namespace

const QList<DealState> &DealColumn::boardStates()
{
    static const QList<DealState> states{DealState::Invited, DealState::Applied,
            DealState::Negotiating, DealState::Accepted, DealState::InProgress,
            DealState::Completed, DealState::Declined, DealState::Withdrawn, DealState::Cancelled};
    return states;
}

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
    // Six columns (the ended ones stacked in the sixth) fit a 1280 px window; a card's longer
    // lines (a campaign's name) are elided, whole in its tooltip.
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

} // namespace influence::desktop
