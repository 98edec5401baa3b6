// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableWidgetItem>

namespace influence::desktop {

/// A cell of a read-only QTableWidget: selectable, not editable, vertically centred.
inline QTableWidgetItem *readOnlyCell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

/// Widens every visible column of `header` whose title would be cut off (in the current
/// language) to show it whole, with room for the sort indicator. Call after the titles change.
inline void fitHeaderTexts(QHeaderView *header)
{
    constexpr int kPadding = 32; // the section's margins and the sort indicator
    if (!header->model()) {
        return;
    }
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section)
                || header->sectionResizeMode(section) != QHeaderView::Interactive) {
            continue;
        }
        const QString title =
                header->model()->headerData(section, header->orientation()).toString();
        const int needed = header->fontMetrics().horizontalAdvance(title) + kPadding;
        if (header->sectionSize(section) < needed) {
            header->resizeSection(section, needed);
        }
    }
}

} // namespace influence::desktop
