// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/MoneyTypes.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>

namespace influence::desktop {

/// Payouts as a table: creator, campaign, installment, amount, due date, state and the late
/// badge. The sort role gives each column's raw value (amounts in minor units, dates).
class PayoutsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Creator, Campaign, Installment, Amount, DueDate, State, Late, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, LateRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPayouts(QList<common::Payout> payouts);
    void clear();
    const QList<common::Payout> &payouts() const { return m_payouts; }
    const common::Payout *payoutAt(int row) const;
    int rowOf(const QString &id) const;
    /// Called when the language changes: every text is new.
    void retranslate();

    /// "2 · 50 % when live": the installment's number, share and condition.
    static QString installmentText(const common::Payout &payout);
    /// The rows as CSV (widgets/CsvExport.h), after `filters` ({name, value}): creator,
    /// campaign, installment, condition, percent, amount, currency, due date (ISO), state, late.
    QByteArray csv(const QList<std::pair<QString, QString>> &filters) const;

private:
    QString text(const common::Payout &payout, int column) const;

    QList<common::Payout> m_payouts;
};

} // namespace influence::desktop
