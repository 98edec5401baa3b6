// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace influence::desktop {

/// Paints a card of the pipeline board: the creator's initials in a circle, the card's lines
/// beside it (the item's text without its "Overdue" line) and, for an overdue deal, a red
/// "Overdue" badge. The item's text stays the whole card, for tests and screen readers.
class DealCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// The creator's initials ("LT" for Lena Travels).
    static constexpr int kInitialsRole = Qt::UserRole + 10;
    /// True when a deliverable of the deal is past its due date.
    static constexpr int kOverdueRole = Qt::UserRole + 11;
    /// The card's lines without the overdue one (the badge says it).
    static constexpr int kBodyRole = Qt::UserRole + 12;

    using QStyledItemDelegate::QStyledItemDelegate;

    /// Up to two initials of a name: its first two words' first letters, upper case.
    static QString initials(const QString &name);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace influence::desktop
