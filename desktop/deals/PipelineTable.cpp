// SPDX-License-Identifier: Apache-2.0
// The pipeline's table: one sortable row per deal, money and times sorted by value.
#include "PipelineView.h"
#include "deals/PipelineCsv.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/Tables.h"

#include <QColor>
#include <QStringList>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using influence::common::Deal;

namespace influence::desktop {

namespace {

/// The payment states from the least to the most pressing (the Payment column sorts by it).
const QStringList kPaymentOrder{u"pending"_s, u"paid"_s, u"scheduled"_s, u"approved"_s,
        u"processing"_s, u"due"_s, u"failed"_s, u"late"_s};

/// The table's sort key of a cell, where its text does not sort (money, times).
constexpr int kSortRole = Qt::UserRole + 1;

/// A table cell sorted by kSortRole when it has one, else by its text.
class SortedItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(kSortRole);
        const QVariant theirs = other.data(kSortRole);
        if (mine.isValid() && theirs.isValid()) {
            return mine.toLongLong() < theirs.toLongLong();
        }
        return QTableWidgetItem::operator<(other);
    }
};

} // namespace

QWidget *PipelineView::buildTable()
{
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"pipelineTable"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UpdatedColumn, Qt::DescendingOrder);
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        Q_EMIT dealActivated(
                m_table->item(item->row(), CreatorColumn)->data(Qt::UserRole).toString());
    });
    return m_table;
}

void PipelineView::fillTable()
{
    const QString selected = m_table->currentRow() >= 0
            ? m_table->item(m_table->currentRow(), CreatorColumn)->data(Qt::UserRole).toString()
            : QString();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_deals.size()));
    const QString tip = tr("Double-click or press Enter to open the deal.");
    for (int row = 0; row < m_deals.size(); ++row) {
        const Deal &deal = m_deals.at(row);
        const auto cell = [this, row, &tip](int column, const QString &text) {
            auto *item = new SortedItem(text);
            item->setToolTip(tip);
            m_table->setItem(row, column, item);
            return item;
        };
        cell(CreatorColumn, creatorName(deal))->setData(Qt::UserRole, deal.id);
        cell(BrandColumn, deal.brandName);
        cell(CampaignColumn, deal.campaignName);
        cell(StateColumn, Names::dealState(deal.state))
                ->setData(kSortRole, int(DealColumn::boardStates().indexOf(deal.state)));
        QTableWidgetItem *fee = cell(FeeColumn,
                deal.latestOffer ? Formats::money(deal.latestOffer->terms.fee) : QString());
        fee->setData(kSortRole, deal.latestOffer ? deal.latestOffer->terms.fee.minorUnits : -1);
        fee->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // Where the fee stands once accepted; the tooltip says what is paid of it.
        QTableWidgetItem *payment = cell(PaymentColumn,
                deal.payment ? Names::dealPaymentState(deal.payment->state) : QString());
        payment->setData(
                kSortRole, deal.payment ? int(kPaymentOrder.indexOf(deal.payment->state)) : -1);
        if (deal.payment) {
            payment->setToolTip(tr("%1 paid of %2")
                                        .arg(Formats::money({deal.payment->paidMinor,
                                                     deal.payment->fee.currency}),
                                                Formats::money(deal.payment->fee)));
            if (deal.payment->late) {
                payment->setForeground(QColor(0xda, 0x44, 0x53));
            }
        }
        cell(OverdueColumn, deal.overdue ? tr("Overdue") : QString())
                ->setData(kSortRole, deal.overdue ? 1 : 0);
        const QDateTime changed = lastChange(deal);
        cell(UpdatedColumn, Formats::when(changed))
                ->setData(kSortRole, changed.toMSecsSinceEpoch());
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    fitHeaderTexts(m_table->horizontalHeader()); // short figures under long titles
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, CreatorColumn)->data(Qt::UserRole).toString() == selected) {
            m_table->setCurrentCell(row, CreatorColumn);
        }
    }
}

} // namespace influence::desktop
