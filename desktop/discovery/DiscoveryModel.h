// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/DiscoveryApi.h"
#include "common/Error.h"

#include <QAbstractTableModel>

namespace influence::desktop {

/// Discovery results, fetched page by page as the view scrolls (canFetchMore/fetchMore follow
/// the server's nextCursor). Replacing the query or cancel() drops answers still in flight.
class DiscoveryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Price: the creator's rate for the query's deliverable type (empty without one).
    enum Column {
        Name,
        Country,
        Followers,
        Engagement,
        Growth,
        Authenticity, ///< the creator's score, 0–100
        Price,
        Platforms,
        Niches,
        ColumnCount
    };
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Role {
        IdRole = Qt::UserRole + 1,
        /// The cell as a CSV export writes it: numbers unformatted (percentages with a dot,
        /// "5.7", money in major units with a dot, "120.00"), nothing for a missing figure.
        ExportRole,
        /// A money cell's ISO currency (the CSV's column beside the amount).
        CurrencyRole,
    };

    explicit DiscoveryModel(common::ApiClient *api, QObject *parent = nullptr);

    /// Starts a new search (the first page is requested at once).
    void setQuery(const common::DiscoveryQuery &query);
    const common::DiscoveryQuery &query() const { return m_query; }
    /// Requests the first page again (after an error).
    void reload();
    /// Forgets answers still in flight (navigating away).
    void cancel();

    State state() const { return m_state; }
    const common::Error &error() const { return m_error; }
    /// Matches reported with the first page; -1 when unknown.
    qint64 total() const { return m_total; }

    /// What a cell shows for a figure the creator does not have ("–", never 0 or empty).
    static QString missingFigure();
    /// The server's sort (DiscoveryQuery::sort) by a column; empty for columns the server cannot
    /// sort by. Every sort is descending (common::DiscoverySort).
    static QString sortForColumn(int column);
    /// The column a sort orders by; -1 for relevance or the server's default.
    static int columnForSort(const QString &sort);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void stateChanged(influence::desktop::DiscoveryModel::State state);

private:
    void request(const QString &cursor);
    void sendRequest(quint64 generation, const QString &cursor);
    void setState(State state);
    QString exportText(const common::DiscoveryItem &item, int column) const;

    common::ApiClient *m_api;
    common::DiscoveryApi m_discovery;
    common::DiscoveryQuery m_query;
    QList<common::DiscoveryItem> m_items;
    QString m_nextCursor;
    qint64 m_total = -1;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
};

} // namespace influence::desktop
