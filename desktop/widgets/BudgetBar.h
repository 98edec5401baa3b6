// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/MoneyTypes.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace influence::desktop {

/// A campaign's budget as one bar cut in three: paid, committed (accepted fees not paid yet) and
/// remaining, each with its amount in the campaign's currency below the bar, and a tooltip that
/// says what each part means. The campaign page shows it; anything that reads a
/// common::CampaignBudget can.
class BudgetBar : public QWidget
{
    Q_OBJECT

public:
    /// The bar's three parts, left to right.
    enum class Part { Paid, Committed, Remaining };
    Q_ENUM(Part)

    explicit BudgetBar(QWidget *parent = nullptr);

    void setBudget(const common::CampaignBudget &budget);
    void clear();
    const std::optional<common::CampaignBudget> &budget() const { return m_budget; }
    /// The part's share of the bar, 0 to 1 (0 without a budget).
    double fraction(Part part) const;
    /// The amount shown under the bar for a part ("€3,850.00").
    QString amountText(Part part) const;
    /// The part's colour in the bar and the legend.
    QColor color(Part part) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    class Segments;

    void retranslate();
    qint64 amount(Part part) const;

    std::optional<common::CampaignBudget> m_budget;
    Segments *m_segments = nullptr;
    QList<QLabel *> m_swatches;
    QList<QLabel *> m_amounts;
    QLabel *m_total = nullptr;
};

} // namespace influence::desktop
