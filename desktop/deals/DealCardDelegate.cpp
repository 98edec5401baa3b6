// SPDX-License-Identifier: Apache-2.0
#include "DealCardDelegate.h"

#include "widgets/Names.h"

#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr int kPadding = 6;
constexpr int kAvatar = 28;
const QColor kOverdueRed(0xb0, 0x00, 0x20);

QString badgeText()
{
    return DealCardDelegate::tr("Overdue");
}

QSize badgeSize(const QFontMetrics &metrics, const QString &text)
{
    return {metrics.horizontalAdvance(text) + 2 * kPadding, metrics.height() + 2};
}

bool hasBadges(const QModelIndex &index)
{
    return index.data(DealCardDelegate::kOverdueRole).toBool()
            || DealCardDelegate::paymentBadge(
                    index.data(DealCardDelegate::kPaymentRole).toString());
}

/// A pill with `text` at `topLeft`; answers its width.
int drawBadge(QPainter *painter, const QFontMetrics &metrics, QPoint topLeft, const QString &text,
        const QColor &color)
{
    const QRect badge(topLeft, badgeSize(metrics, text));
    QPainterPath pill;
    pill.addRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->fillPath(pill, color);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    return badge.width();
}

} // namespace

std::optional<std::pair<QString, QColor>> DealCardDelegate::paymentBadge(const QString &state)
{
    if (state == u"paid"_s) {
        return std::pair(Names::dealPaymentState(state), QColor(0x27, 0xae, 0x60));
    }
    if (state == u"due"_s) {
        return std::pair(Names::dealPaymentState(state), QColor(0xf6, 0x74, 0x00));
    }
    if (state == u"late"_s || state == u"failed"_s) {
        return std::pair(Names::dealPaymentState(state), kOverdueRed);
    }
    return std::nullopt;
}

QString DealCardDelegate::initials(const QString &name)
{
    QString letters;
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (letters.size() == 2) {
            break;
        }
        letters += word.at(0).toUpper();
    }
    return letters;
}

int DealCardDelegate::textWidth(int cardWidth)
{
    return cardWidth - kAvatar - 3 * kPadding;
}

QSize DealCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const QString body = index.data(kBodyRole).toString();
    const int lines = int(body.count(u'\n')) + 1;
    int height = qMax(kAvatar, lines * metrics.lineSpacing());
    if (hasBadges(index)) {
        height += badgeSize(metrics, badgeText()).height() + 4;
    }
    // As wide as the column lets it be: lines too long for it are elided when painted.
    return {kAvatar + 3 * kPadding + 10 * metrics.averageCharWidth(), height + 2 * kPadding};
}

void DealCardDelegate::paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRectF card = QRectF(option.rect).adjusted(1, 1, -1, -1);
    QPainterPath outline;
    outline.addRoundedRect(card, 4, 4);
    painter->fillPath(outline, selected ? palette.highlight() : palette.base());
    painter->setPen(palette.mid().color());
    painter->drawPath(outline);

    // The initials in a circle.
    const QRect avatar(
            option.rect.left() + kPadding, option.rect.top() + kPadding, kAvatar, kAvatar);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.button());
    painter->drawEllipse(avatar);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.buttonText().color());
    painter->drawText(avatar, Qt::AlignCenter, index.data(kInitialsRole).toString());

    // The lines beside it.
    const QFontMetrics metrics(option.font);
    const QString body = index.data(kBodyRole).toString();
    QRect text = option.rect.adjusted(kAvatar + 2 * kPadding, kPadding, -kPadding, -kPadding);
    painter->setFont(option.font);
    painter->setPen(selected ? palette.highlightedText().color() : palette.text().color());
    const QStringList lines = body.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRect line(text.left(), text.top() + int(i) * metrics.lineSpacing(),
                textWidth(option.rect.width()), metrics.lineSpacing());
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                metrics.elidedText(lines.at(i), Qt::ElideRight, line.width()));
    }

    // The badges under them.
    QPoint badge(text.left(), text.top() + int(lines.size()) * metrics.lineSpacing() + 4);
    if (index.data(kOverdueRole).toBool()) {
        badge.rx() += drawBadge(painter, metrics, badge, badgeText(), kOverdueRed) + 4;
    }
    if (const auto payment = paymentBadge(index.data(kPaymentRole).toString())) {
        drawBadge(painter, metrics, badge, payment->first, payment->second);
    }
    painter->restore();
}

} // namespace influence::desktop
