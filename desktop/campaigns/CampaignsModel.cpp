// SPDX-License-Identifier: Apache-2.0
#include "CampaignsModel.h"

#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace influence::desktop {

int CampaignsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_campaigns.size());
}

int CampaignsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const common::Campaign &campaign = m_campaigns.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(campaign, index.column());
    case Qt::ToolTipRole: return index.column() == Deals ? dealsText(campaign) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Budget || index.column() == Deliverables
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant();
    case IdRole: return campaign.id;
    case StatusRole: return static_cast<int>(campaign.status);
    default: return {};
    }
}

QString CampaignsModel::text(const common::Campaign &campaign, int column) const
{
    switch (column) {
    case Name: return campaign.details.name;
    case Brand: return campaign.brandName;
    case Status: return Names::campaignStatus(campaign.status);
    case Dates: return datesText(campaign);
    case Budget: return Formats::money(campaign.details.budget);
    case Deals: {
        const QString summary = dealsText(campaign);
        return summary.isEmpty() ? QString::number(campaign.dealCount())
                                 : tr("%1 (%2)").arg(campaign.dealCount()).arg(summary);
    }
    case Deliverables:
        return tr("%1 / %2 live").arg(campaign.deliverablesLive).arg(campaign.deliverablesTotal);
    default: return {};
    }
}

QString CampaignsModel::datesText(const common::Campaign &campaign)
{
    const QLocale locale;
    const QDate start = campaign.details.startDate;
    const QDate end = campaign.details.endDate;
    if (!start.isValid() && !end.isValid()) {
        return tr("No dates");
    }
    const QString from =
            start.isValid() ? locale.toString(start, QLocale::ShortFormat) : tr("open");
    const QString to = end.isValid() ? locale.toString(end, QLocale::ShortFormat) : tr("open");
    return tr("%1 – %2").arg(from, to);
}

QString CampaignsModel::dealsText(const common::Campaign &campaign)
{
    QStringList parts;
    for (auto it = campaign.dealsByState.cbegin(); it != campaign.dealsByState.cend(); ++it) {
        if (it.value() > 0) {
            parts.append(tr("%1 %2").arg(it.value()).arg(Names::dealState(it.key())));
        }
    }
    return parts.join(tr(", "));
}

QVariant CampaignsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name: return tr("Campaign");
    case Brand: return tr("Brand");
    case Status: return tr("Status");
    case Dates: return tr("Dates");
    case Budget: return tr("Budget");
    case Deals: return tr("Deals");
    case Deliverables: return tr("Deliverables");
    default: return {};
    }
}

void CampaignsModel::setCampaigns(QList<common::Campaign> campaigns)
{
    beginResetModel();
    m_campaigns = std::move(campaigns);
    endResetModel();
}

int CampaignsModel::upsert(const common::Campaign &campaign)
{
    const int row = rowOf(campaign.id);
    if (row >= 0) {
        m_campaigns[row] = campaign;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return row;
    }
    const int last = static_cast<int>(m_campaigns.size());
    beginInsertRows({}, last, last);
    m_campaigns.append(campaign);
    endInsertRows();
    return last;
}

const common::Campaign *CampaignsModel::campaignAt(int row) const
{
    return row >= 0 && row < m_campaigns.size() ? &m_campaigns.at(row) : nullptr;
}

int CampaignsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_campaigns.size(); ++row) {
        if (m_campaigns.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

void CampaignsModel::retranslate()
{
    if (!m_campaigns.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace influence::desktop
