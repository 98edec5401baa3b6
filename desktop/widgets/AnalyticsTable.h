// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

class QTableView;

namespace influence::desktop {

/// One of the analytics pages' tables (per creator, per post, campaigns' spend, a post's days)
/// as a model: the values are kept raw (counts, shares, minor units) for sorting (Qt::UserRole)
/// and for CSV, and shown in the user's locale. Each row keeps an id (the creator, post,
/// campaign or day) for what opens it.
class AnalyticsTable : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Text, Count, Percent, Money, Ratio, Time, Date };
    /// The raw value of a cell (for sorting) is in this role; its row's id in IdRole.
    enum Role { RawRole = Qt::UserRole, IdRole };

    explicit AnalyticsTable(QObject *parent = nullptr);

    void setCreators(const QList<common::AnalyticsCreator> &creators, const QString &currency);
    void setPosts(const QList<common::AnalyticsPost> &posts, const QString &currency);
    void setCampaigns(const QList<common::AnalyticsOverview::Campaign> &campaigns);
    void setDays(const QList<common::PostMetricsHistory::Day> &days);
    void clear();
    /// Figures have arrived since the last clear() (an empty table then says so).
    bool isFilled() const { return m_filled; }

    QString id(int row) const;
    /// The text a cell shows (tests compare it with the API's figures).
    QString text(int row, int column) const;
    /// The column whose header is `header` in the source language ("Engagements"); -1.
    int column(const char *header) const;
    /// The table as CSV (widgets/CsvExport): raw numbers, money in major units with a dot and a
    /// currency column, with `filters` first.
    QByteArray csv(const QList<std::pair<QString, QString>> &filters = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A sortable, read-only table view of `model` (through a proxy sorting by RawRole),
    /// named `name`, its first column taking the room left; with `rows` > 0 it is as high as
    /// its rows, up to `rows` of them (then it scrolls). Filled with no rows, it says so.
    static QTableView *makeView(AnalyticsTable *model, const QString &name, int rows = 0);
    /// The id of the view's row (through its proxy).
    static QString idAt(const QTableView *view, const QModelIndex &index);

private:
    struct Column
    {
        const char *header;
        Kind kind;
    };
    struct Row
    {
        QString id;
        QString currency;
        QStringList tooltips; ///< per column, may be shorter
        QList<QVariant> values;
    };

    void reset(QList<Column> columns, QList<Row> rows);
    QString shown(const QVariant &value, Kind kind, const QString &currency) const;

    QList<Column> m_columns;
    QList<Row> m_rows;
    bool m_filled = false;
};

} // namespace influence::desktop
