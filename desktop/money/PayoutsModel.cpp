// SPDX-License-Identifier: Apache-2.0
#include "PayoutsModel.h"

#include "widgets/CsvExport.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;
using influence::common::Payout;

namespace influence::desktop {

int PayoutsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_payouts.size());
}

int PayoutsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PayoutsModel::installmentText(const Payout &payout)
{
    //: A payout's installment: its number, share and condition ("2 · 50 % when live")
    return tr("%1 · %2 % %3")
            .arg(payout.installment)
            .arg(payout.percent)
            .arg(Names::paymentCondition(payout.condition));
}

QString PayoutsModel::text(const Payout &payout, int column) const
{
    switch (column) {
    case Creator: return payout.influencerName;
    case Campaign: return payout.campaignName;
    case Installment: return installmentText(payout);
    case Amount: return Formats::money(payout.amount);
    case DueDate:
        return payout.dueDate.isValid() ? QLocale().toString(payout.dueDate, QLocale::ShortFormat)
                                        : QString();
    case State: return Names::payoutState(payout.state);
    case Late: return payout.late ? tr("Late") : QString();
    default: return {};
    }
}

QVariant PayoutsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_payouts.size()) {
        return {};
    }
    const Payout &payout = m_payouts.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(payout, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && !payout.failureMessage.isEmpty()) {
            return tr("The payment provider said: %1").arg(payout.failureMessage);
        }
        if (index.column() == Late && payout.late) {
            return tr("The due date has passed and the payout is not paid yet.");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Amount) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        if (index.column() == Late) {
            return QVariant::fromValue(Qt::AlignCenter);
        }
        return {};
    case Qt::BackgroundRole:
        // The late badge: Breeze's negative red.
        return index.column() == Late && payout.late ? QBrush(QColor(0xda, 0x44, 0x53))
                                                     : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Late && payout.late ? QBrush(Qt::white) : QVariant();
    case Qt::FontRole:
        if (index.column() == Late && payout.late) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case IdRole: return payout.id;
    case LateRole: return payout.late;
    case SortRole:
        switch (index.column()) {
        case Amount: return payout.amount.minorUnits;
        case DueDate: return payout.dueDate;
        case Installment: return payout.installment;
        case State: return int(payout.state);
        case Late: return payout.late;
        default: return text(payout, index.column()).toLower();
        }
    default: return {};
    }
}

QVariant PayoutsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Creator: return tr("Creator");
    case Campaign: return tr("Campaign");
    case Installment: return tr("Installment");
    case Amount: return tr("Amount");
    case DueDate: return tr("Due");
    case State: return tr("State");
    case Late: return tr("Late");
    default: return {};
    }
}

void PayoutsModel::setPayouts(QList<Payout> payouts)
{
    beginResetModel();
    m_payouts = std::move(payouts);
    endResetModel();
}

void PayoutsModel::clear()
{
    setPayouts({});
}

const Payout *PayoutsModel::payoutAt(int row) const
{
    return row >= 0 && row < m_payouts.size() ? &m_payouts.at(row) : nullptr;
}

int PayoutsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_payouts.size(); ++row) {
        if (m_payouts.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

void PayoutsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_payouts.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QByteArray PayoutsModel::csv(const QList<std::pair<QString, QString>> &filters) const
{
    Csv csv;
    for (const auto &[name, value] : filters) {
        csv.addFilter(name, value);
    }
    csv.setHeader({tr("Creator"), tr("Campaign"), tr("Installment"), tr("Condition"), tr("Percent"),
            tr("Amount"), tr("Currency"), tr("Due"), tr("State"), tr("Late")});
    for (const Payout &payout : m_payouts) {
        csv.addRow({payout.influencerName, payout.campaignName, QString::number(payout.installment),
                Names::paymentCondition(payout.condition), QString::number(payout.percent),
                common::formatMoneyPlain(payout.amount).section(u' ', 0, 0), payout.amount.currency,
                payout.dueDate.isValid() ? payout.dueDate.toString(Qt::ISODate) : QString(),
                Names::payoutState(payout.state), payout.late ? tr("yes") : tr("no")});
    }
    return csv.bytes();
}

} // namespace influence::desktop
