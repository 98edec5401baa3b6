// SPDX-License-Identifier: Apache-2.0
#include "BudgetBar.h"

#include "common/Money.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

constexpr std::array kParts{
        BudgetBar::Part::Paid, BudgetBar::Part::Committed, BudgetBar::Part::Remaining};
constexpr int kBarHeight = 14;
constexpr int kSwatch = 10;

QString partName(BudgetBar::Part part)
{
    switch (part) {
    case BudgetBar::Part::Paid: return u"Paid"_s;
    case BudgetBar::Part::Committed: return u"Committed"_s;
    case BudgetBar::Part::Remaining: return u"Remaining"_s;
    }
    return {};
}

} // namespace

/// The bar itself: the three parts as rounded, touching segments.
class BudgetBar::Segments : public QWidget
{
public:
    explicit Segments(BudgetBar *bar)
        : m_bar(bar)
    {
        setObjectName(u"budgetBarSegments"_s);
        setMinimumHeight(kBarHeight);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override { return {240, kBarHeight}; }

protected:
    void paintEvent(QPaintEvent * /*event*/) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF whole = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath outline;
        outline.addRoundedRect(whole, 4, 4);
        painter.setClipPath(outline);
        painter.fillRect(whole, palette().color(QPalette::Base));
        double x = whole.left();
        for (const Part part : kParts) {
            const double width = whole.width() * m_bar->fraction(part);
            if (width > 0) {
                painter.fillRect(QRectF(x, whole.top(), width, whole.height()), m_bar->color(part));
                x += width;
            }
        }
        painter.setClipping(false);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawPath(outline);
    }

private:
    BudgetBar *m_bar;
};

BudgetBar::BudgetBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"budgetBar"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_segments = new Segments(this);
    layout->addWidget(m_segments);
    auto *legend = new QHBoxLayout;
    legend->setSpacing(6);
    for (const Part part : kParts) {
        auto *swatch = new QLabel;
        swatch->setFixedSize(kSwatch, kSwatch);
        swatch->setStyleSheet(
                u"background-color: %1; border-radius: 2px;"_s.arg(color(part).name()));
        auto *amount = new QLabel;
        amount->setObjectName(u"budget"_s + partName(part));
        legend->addWidget(swatch);
        legend->addWidget(amount);
        legend->addSpacing(12);
        m_swatches.append(swatch);
        m_amounts.append(amount);
    }
    legend->addStretch();
    m_total = new QLabel;
    m_total->setObjectName(u"budgetTotal"_s);
    legend->addWidget(m_total);
    layout->addLayout(legend);
    retranslate();
}

QColor BudgetBar::color(Part part) const
{
    // Breeze's positive green, its focus blue, and the window's own light grey.
    switch (part) {
    case Part::Paid: return {0x27, 0xae, 0x60};
    case Part::Committed: return {0x3d, 0xae, 0xe9};
    case Part::Remaining: return palette().color(QPalette::Midlight);
    }
    return {};
}

qint64 BudgetBar::amount(Part part) const
{
    if (!m_budget) {
        return 0;
    }
    switch (part) {
    case Part::Paid: return m_budget->paidMinor;
    case Part::Committed: return m_budget->committedMinor;
    case Part::Remaining: return m_budget->remainingMinor;
    }
    return 0;
}

double BudgetBar::fraction(Part part) const
{
    // The parts are shares of their sum, which is the budget (budget = committed + paid +
    // remaining); a sum above an old, lower budget still fills the bar and no more.
    qint64 total = 0;
    for (const Part each : kParts) {
        total += std::max<qint64>(0, amount(each));
    }
    if (total <= 0) {
        return 0;
    }
    return static_cast<double>(std::max<qint64>(0, amount(part))) / static_cast<double>(total);
}

QString BudgetBar::amountText(Part part) const
{
    if (!m_budget) {
        return {};
    }
    return common::formatMoney({amount(part), m_budget->currency});
}

void BudgetBar::setBudget(const common::CampaignBudget &budget)
{
    m_budget = budget;
    retranslate();
    m_segments->update();
}

void BudgetBar::clear()
{
    m_budget.reset();
    retranslate();
    m_segments->update();
}

void BudgetBar::retranslate()
{
    const QString paid = amountText(Part::Paid);
    const QString committed = amountText(Part::Committed);
    const QString remaining = amountText(Part::Remaining);
    m_amounts.at(0)->setText(tr("Paid %1").arg(paid));
    m_amounts.at(1)->setText(tr("Committed %1").arg(committed));
    m_amounts.at(2)->setText(tr("Remaining %1").arg(remaining));
    m_total->setText(m_budget
                    ? tr("of a budget of %1")
                              .arg(common::formatMoney({m_budget->budgetMinor, m_budget->currency}))
                    : QString());
    for (QLabel *swatch : std::as_const(m_swatches)) {
        swatch->setVisible(m_budget.has_value());
    }
    const QString explained =
            tr("<b>Paid</b> (%1): transferred to creators or recorded as paid.<br>"
               "<b>Committed</b> (%2): fees of accepted deals not paid yet, reserved for them.<br>"
               "<b>Remaining</b> (%3): what new deals can still be accepted for.")
                    .arg(paid, committed, remaining);
    setToolTip(m_budget ? explained : QString());
}

void BudgetBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_swatches.at(2)->setStyleSheet(
                u"background-color: %1; border-radius: 2px;"_s.arg(color(Part::Remaining).name()));
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
