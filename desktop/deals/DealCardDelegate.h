// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

#include <optional>
#include <utility>

namespace influence::desktop {

/// Paints a card of the pipeline board: the creator's initials in a circle, the card's lines
/// beside it (the item's text without its "Overdue" line) and under them the badges: a red
/// "Overdue" for an overdue deal, and where the fee stands when it asks for attention or is done
/// (paid in green, due in orange, late or failed in red). The item's text stays the whole card,
/// for tests and screen readers.
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
    /// Where the deal's fee stands (common::DealPayment::state; empty: not accepted).
    static constexpr int kPaymentRole = Qt::UserRole + 13;

    /// The payment badge's text and colour for a payment state, or nothing for a state that
    /// gets no badge (pending, scheduled, approved, processing).
    static std::optional<std::pair<QString, QColor>> paymentBadge(const QString &state);

    using QStyledItemDelegate::QStyledItemDelegate;

    /// The width the card's lines have in a card `cardWidth` wide (beside the initials).
    static int textWidth(int cardWidth);

    /// Up to two initials of a name: its first two words' first letters, upper case.
    static QString initials(const QString &name);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace influence::desktop
