// SPDX-License-Identifier: Apache-2.0
#include "RecommendationsModel.h"

#include "widgets/AnalyticsText.h"
#include "widgets/RecommendationText.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using influence::common::Recommendation;
using influence::common::RecommendationFactor;

namespace influence::desktop {

RecommendationsModel::RecommendationsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RecommendationsModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_invitations.clear();
    endResetModel();
}

void RecommendationsModel::append(const QList<Recommendation> &items)
{
    QList<Recommendation> fresh;
    for (const Recommendation &item : items) {
        // A ranking regenerated between pages may list a creator again.
        if (rowOf(item.influencer.id) < 0) {
            fresh.append(item);
        }
    }
    if (fresh.isEmpty()) {
        return;
    }
    const auto first = static_cast<int>(m_items.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    m_items.append(fresh);
    endInsertRows();
}

int RecommendationsModel::rowOf(const QString &influencerId) const
{
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).influencer.id == influencerId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

void RecommendationsModel::setInvitation(const QString &influencerId, const QString &text)
{
    m_invitations.insert(influencerId, text);
    const int row = rowOf(influencerId);
    if (row >= 0) {
        const QModelIndex cell = index(row, Invitation);
        Q_EMIT dataChanged(cell, cell);
    }
}

int RecommendationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int RecommendationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecommendationsModel::tooltip(const Recommendation &item) const
{
    return u"<b>"_s + item.influencer.displayName.toHtmlEscaped() + u"</b> · "_s
            + tr("score %1").arg(RecommendationText::score(item.score))
            + RecommendationText::reasons(item);
}

QVariant RecommendationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size()) {
        return {};
    }
    const Recommendation &item = m_items.at(index.row());
    switch (role) {
    case IdRole: return item.influencer.id;
    case ContributionsRole:
    case WeightsRole: {
        QVariantList values;
        for (const RecommendationFactor factor : common::recommendationFactors()) {
            const auto *entry = item.find(factor);
            values.append(!entry ? 0.0 : role == WeightsRole ? entry->weight : entry->contribution);
        }
        return values;
    }
    case Qt::ToolTipRole: return index.column() == Invitation ? QVariant() : tooltip(item);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Rank:
        case Score:
        case Fee:
        case Followers: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case Rank: return QLocale().toString(item.rank);
    case Creator: return item.influencer.displayName;
    case Score: return RecommendationText::score(item.score);
    case Factors: return {}; // painted by FactorBarsDelegate; the tooltip has the words
    case Fee: {
        const auto *price = item.find(RecommendationFactor::Price);
        return price && price->facts.feeMinor
                ? AnalyticsText::money(price->facts.feeMinor, price->facts.currency)
                : AnalyticsText::money(std::optional<qint64>(), QString());
    }
    case Followers: return QLocale().toString(item.influencer.totalFollowers);
    case Country: return item.influencer.country;
    case Invitation: return m_invitations.value(item.influencer.id);
    default: return {};
    }
}

QVariant RecommendationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Rank: return tr("#");
    case Creator: return tr("Creator");
    case Score: return tr("Score");
    case Factors: return tr("Why (eight factors)");
    case Fee: return tr("Rate");
    case Followers: return tr("Followers");
    case Country: return tr("Country");
    case Invitation: return tr("Invitation");
    default: return {};
    }
}

void RecommendationsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_items.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

} // namespace influence::desktop
