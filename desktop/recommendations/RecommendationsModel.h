// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/RecommendationsApi.h"

#include <QAbstractTableModel>
#include <QHash>

namespace influence::desktop {

/// A campaign's recommended creators, page by page (append() with each "More"), with what
/// became of each invitation sent from the tab.
class RecommendationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Rank, Creator, Score, Factors, Fee, Followers, Country, Invitation, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        /// The eight contributions as a QVariantList of doubles, in the factors' order.
        ContributionsRole,
        /// The eight weights (the largest contribution each factor can make).
        WeightsRole,
    };

    explicit RecommendationsModel(QObject *parent = nullptr);

    void clear();
    /// Adds a page's creators after those listed (a creator already listed is not repeated).
    void append(const QList<common::Recommendation> &items);
    const common::Recommendation &at(int row) const { return m_items.at(row); }
    int rowOf(const QString &influencerId) const;
    /// Shows what became of the invitation to a creator ("✓ Invited").
    void setInvitation(const QString &influencerId, const QString &text);
    QString invitation(const QString &influencerId) const
    {
        return m_invitations.value(influencerId);
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Re-reads the header texts after a language change.
    void retranslate();

private:
    QString tooltip(const common::Recommendation &item) const;

    QList<common::Recommendation> m_items;
    QHash<QString, QString> m_invitations;
};

} // namespace influence::desktop
