// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QAbstractTableModel>

namespace influence::desktop {

/// The brand's campaigns as a table: name, status, dates, budget and progress.
class CampaignsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Brand, Status, Dates, Budget, Deals, Deliverables, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCampaigns(QList<common::Campaign> campaigns);
    /// Replaces the campaign with the same id (or appends it); returns its row.
    int upsert(const common::Campaign &campaign);
    const common::Campaign *campaignAt(int row) const;
    int rowOf(const QString &id) const;
    /// Called when the language changes: every text is new.
    void retranslate();

private:
    QString text(const common::Campaign &campaign, int column) const;
    static QString datesText(const common::Campaign &campaign);
    static QString dealsText(const common::Campaign &campaign);

    QList<common::Campaign> m_campaigns;
};

} // namespace influence::desktop
