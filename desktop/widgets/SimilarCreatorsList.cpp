// SPDX-License-Identifier: Apache-2.0
#include "SimilarCreatorsList.h"

#include "widgets/Async.h"
#include "widgets/RecommendationText.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::SimilarCreators;

namespace influence::desktop {

SimilarCreatorsList::SimilarCreatorsList(
        common::ApiClient *api, const QString &stem, int limit, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_calls(api)
    , m_limit(limit)
{
    setObjectName(stem);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(stem + u"Table"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The traits take what the figures leave; the whole list is in the cell's tooltip.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(Creator, 150);
    m_states = new StateStack(stem, m_table);
    layout->addWidget(m_states);
    connect(m_states, &StateStack::retryRequested, this, &SimilarCreatorsList::reload);
    connect(m_table, &QTableWidget::activated, this, [this](const QModelIndex &index) {
        if (index.row() >= 0 && index.row() < m_creators.size()) {
            Q_EMIT creatorActivated(m_creators.at(index.row()).influencer.id);
        }
    });
    retranslate();
}

void SimilarCreatorsList::retranslate()
{
    m_table->setHorizontalHeaderLabels(
            {tr("Creator"), tr("Similarity"), tr("Followers"), tr("Country"), tr("Shared traits")});
    fitHeaderTexts(m_table->horizontalHeader());
    switch (m_state) {
    case State::Idle: m_states->showEmpty(tr("No creator chosen.")); break;
    case State::Loading: m_states->showLoading(tr("Finding similar creators…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_creators.isEmpty()) {
            m_states->showEmpty(tr("No similar creator found yet."));
        } else {
            fill();
            m_states->showContent();
        }
        break;
    }
}

void SimilarCreatorsList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void SimilarCreatorsList::showSimilar(const QStringList &ids)
{
    m_ids = ids;
    reload();
}

void SimilarCreatorsList::reload()
{
    if (m_ids.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_creators.clear();
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_calls.similar(m_ids.constFirst(), m_limit, m_ids.mid(1)),
            [this, generation](const Result<SimilarCreators> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    setState(State::Failed);
                    return;
                }
                m_creators = result->items;
                setState(State::Loaded);
            });
}

void SimilarCreatorsList::clear()
{
    ++m_generation;
    m_ids.clear();
    m_creators.clear();
    m_table->setRowCount(0);
    setState(State::Idle);
}

void SimilarCreatorsList::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    retranslate();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void SimilarCreatorsList::fill()
{
    const QLocale locale;
    m_table->setRowCount(static_cast<int>(m_creators.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const common::SimilarCreator &creator = m_creators.at(row);
        const QString traits = RecommendationText::traits(creator.sharedTraits);
        const QStringList cells{creator.influencer.displayName,
                RecommendationText::similarity(creator.similarity),
                locale.toString(creator.influencer.totalFollowers), creator.influencer.country,
                traits};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == Similarity || column == Followers) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            if (column == Traits) {
                item->setToolTip(traits);
            }
            m_table->setItem(row, column, item);
        }
    }
    for (const Column column : {Similarity, Followers, Country}) {
        m_table->resizeColumnToContents(column);
    }
    fitHeaderTexts(m_table->horizontalHeader()); // short figures under long titles
}

} // namespace influence::desktop
