// SPDX-License-Identifier: Apache-2.0
#include "MetricsModel.h"

#include <QDateTime>
#include <QMap>

namespace influence::desktop {

MetricsModel::MetricsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MetricsModel::setPoints(const QList<common::MetricPoint> &points)
{
    beginResetModel();
    m_points = points;
    endResetModel();
}

void MetricsModel::clear()
{
    setPoints({});
}

QList<common::MetricPoint> MetricsModel::total(const QList<const MetricsModel *> &models)
{
    QMap<QDate, qint64> sums;
    for (const MetricsModel *model : models) {
        for (const common::MetricPoint &point : model->points()) {
            sums[point.date] += point.followers;
        }
    }
    QList<common::MetricPoint> points;
    points.reserve(sums.size());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        points.append({it.key(), it.value()});
    }
    return points;
}

int MetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_points.size());
}

int MetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_points.size()
            || (role != Qt::DisplayRole && role != Qt::EditRole)) {
        return {};
    }
    const common::MetricPoint &point = m_points.at(index.row());
    if (index.column() == Time) {
        return static_cast<qreal>(point.date.startOfDay(Qt::UTC).toMSecsSinceEpoch());
    }
    return static_cast<qreal>(point.followers);
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == Time ? tr("Date") : tr("Followers");
}

} // namespace influence::desktop
