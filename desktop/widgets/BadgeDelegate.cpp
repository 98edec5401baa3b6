// SPDX-License-Identifier: Apache-2.0
#include "BadgeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace influence::desktop {

void BadgeDelegate::paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant background = index.data(Qt::BackgroundRole);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty() || !background.canConvert<QBrush>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell as usual (the selection's highlight), without its text and background...
    QStyleOptionViewItem cell(option);
    initStyleOption(&cell, index);
    cell.text.clear();
    cell.backgroundBrush = QBrush();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    // ...then the badge on top of it.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = cell.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    constexpr int kPadding = 6;
    const int width = qMin(metrics.horizontalAdvance(text) + 2 * kPadding, option.rect.width() - 4);
    const int height = qMin(metrics.height() + 2, option.rect.height() - 2);
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());
    QPainterPath pill;
    pill.addRoundedRect(badge, height / 2.0, height / 2.0);
    painter->fillPath(pill, background.value<QBrush>());
    const QVariant foreground = index.data(Qt::ForegroundRole);
    painter->setPen(foreground.canConvert<QBrush>() ? foreground.value<QBrush>().color()
                                                    : QColor(Qt::white));
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, width));
    painter->restore();
}

} // namespace influence::desktop
