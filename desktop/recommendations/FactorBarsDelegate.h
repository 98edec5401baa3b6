// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace influence::desktop {

/// Paints a recommendation's eight factor contributions as small bars side by side, in the
/// factors' order: each bar's track is as tall as the factor's weight allows (the most it can
/// add), filled as far as it did add; a penalty (declines) is filled red from the top, down.
/// The cell's tooltip (the model's) has the same in words.
class FactorBarsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// The model role with the contributions and the one with the weights (QVariantList).
    FactorBarsDelegate(int contributionsRole, int weightsRole, QObject *parent = nullptr);

    /// The colour of the factor at `position` (0–7), also used by the legend.
    static QColor color(int position);
    static constexpr int kBarWidth = 14;
    static constexpr int kGap = 4;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_contributionsRole;
    int m_weightsRole;
};

} // namespace influence::desktop
