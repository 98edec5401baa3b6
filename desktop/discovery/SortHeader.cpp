// SPDX-License-Identifier: Apache-2.0
#include "SortHeader.h"

#include "discovery/DiscoveryModel.h"

#include <QMouseEvent>
#include <QStyle>

namespace influence::desktop {

SortHeader::SortHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{ }

void SortHeader::mousePressEvent(QMouseEvent *event)
{
    // A release goes where its press went, so that a resize started at an edge ends.
    m_pressTaken = takesClick(event->position().toPoint());
    if (m_pressTaken) {
        QHeaderView::mousePressEvent(event);
    } else {
        event->accept();
    }
}

void SortHeader::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressTaken) {
        QHeaderView::mouseReleaseEvent(event);
    } else {
        event->accept();
    }
    m_pressTaken = false;
}

void SortHeader::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (takesClick(event->position().toPoint())) {
        QHeaderView::mouseDoubleClickEvent(event);
    } else {
        event->accept();
    }
}

QStyleOptionHeader SortHeader::sectionOption(int section) const
{
    QStyleOptionHeader option;
    initStyleOptionForIndex(&option, section);
    return option;
}

void SortHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    if (option->sortIndicator == QStyleOptionHeader::SortUp) {
        option->sortIndicator = QStyleOptionHeader::SortDown;
    } else if (option->sortIndicator == QStyleOptionHeader::SortDown) {
        option->sortIndicator = QStyleOptionHeader::SortUp;
    }
}

bool SortHeader::takesClick(QPoint pos) const
{
    const int section = logicalIndexAt(pos);
    if (section < 0 || !DiscoveryModel::sortForColumn(section).isEmpty()) {
        return true;
    }
    // Near a section's edge a press resizes it.
    const int margin = style()->pixelMetric(QStyle::PM_HeaderGripMargin, nullptr, this);
    const int start = sectionViewportPosition(section);
    const int end = start + sectionSize(section);
    return pos.x() - start < margin || end - pos.x() <= margin;
}

} // namespace influence::desktop
