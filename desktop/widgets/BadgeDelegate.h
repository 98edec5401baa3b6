// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace influence::desktop {

/// Paints a cell's text as a badge: a pill in the cell's background colour (Qt::BackgroundRole)
/// with its text in the foreground colour, drawn over the selection too, so that a selected row
/// keeps its badge (a plain background would be hidden by the selection's highlight). Cells
/// without text or without a background are painted as usual.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override;
};

} // namespace influence::desktop
