// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileApi.h"

#include <QAbstractTableModel>

namespace influence::desktop {

/// One account's follower history as a table a chart maps (QVXYModelMapper): column Time holds
/// the period's first day as milliseconds since the epoch (what QDateTimeAxis plots), column
/// Followers the count.
class MetricsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Followers, ColumnCount };

    explicit MetricsModel(QObject *parent = nullptr);

    void setPoints(const QList<common::MetricPoint> &points);
    const QList<common::MetricPoint> &points() const { return m_points; }
    void clear();

    /// The sum over `models` per date (dates where at least one has a value).
    static QList<common::MetricPoint> total(const QList<const MetricsModel *> &models);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<common::MetricPoint> m_points;
};

} // namespace influence::desktop
