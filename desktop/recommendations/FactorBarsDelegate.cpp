// SPDX-License-Identifier: Apache-2.0
#include "FactorBarsDelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace influence::desktop {

FactorBarsDelegate::FactorBarsDelegate(int contributionsRole, int weightsRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_contributionsRole(contributionsRole)
    , m_weightsRole(weightsRole)
{ }

QColor FactorBarsDelegate::color(int position)
{
    // Distinct, colour-blind-friendly hues (Okabe–Ito); the penalty is red.
    static constexpr std::array<QRgb, 8> kColors{
            0x0072B2, 0x56B4E9, 0x009E73, 0xE69F00, 0xCC79A7, 0x8C6D31, 0x4D4D4D, 0xD55E00};
    return QColor::fromRgb(kColors.at(static_cast<std::size_t>(std::clamp(position, 0, 7))));
}

void FactorBarsDelegate::paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QVariantList contributions = index.data(m_contributionsRole).toList();
    const QVariantList weights = index.data(m_weightsRole).toList();
    double largest = 0;
    for (const QVariant &weight : weights) {
        largest = std::max(largest, weight.toDouble());
    }
    if (contributions.isEmpty() || largest <= 0) {
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QRect area = option.rect.adjusted(4, 3, -4, -3);
    const int height = area.height();
    // A faint shade of the text colour reads as a track on plain, alternate and selected rows.
    QColor track = option.palette.color(QPalette::Text);
    track.setAlpha(40);
    for (qsizetype i = 0; i < contributions.size(); ++i) {
        const double weight = weights.value(i).toDouble();
        const double value = contributions.at(i).toDouble();
        const int x = area.left() + static_cast<int>(i) * (kBarWidth + kGap);
        if (x + kBarWidth > area.right()) {
            break;
        }
        // The track: the most this factor can add, on the scale of the heaviest factor.
        const int trackHeight =
                std::max(2, static_cast<int>(std::lround(height * weight / largest)));
        const QRect trackRect(x, area.bottom() - trackHeight + 1, kBarWidth, trackHeight);
        painter->fillRect(trackRect, track);
        const int filled = static_cast<int>(std::lround(height * std::abs(value) / largest));
        if (filled <= 0) {
            continue;
        }
        if (value < 0) {
            // A penalty hangs from the top of its track.
            painter->fillRect(QRect(x, trackRect.top(), kBarWidth, filled), color(7));
        } else {
            painter->fillRect(QRect(x, area.bottom() - filled + 1, kBarWidth, filled),
                    color(static_cast<int>(i)));
        }
    }
    painter->restore();
}

QSize FactorBarsDelegate::sizeHint(
        const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    return {8 * (kBarWidth + kGap) + 8, option.fontMetrics.height() * 2 + 6};
}

} // namespace influence::desktop
