// SPDX-License-Identifier: Apache-2.0
// The pipeline's filters (campaign, state, creator's name, overdue only), all applied by the
// server: each change lists the deals again.
#include "PipelineView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;
using influence::common::DealState;

namespace influence::desktop {

namespace {

/// How long typing in the creator field waits before it asks the server.
constexpr int kTypingPauseMs = 300;

} // namespace

QLayout *PipelineView::buildFilters()
{
    auto *toolbar = new QHBoxLayout;
    m_filterLabel = new QLabel;
    m_filter = new QComboBox;
    m_filter->setObjectName(u"pipelineCampaignFilter"_s);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filterLabel->setBuddy(m_filter);
    m_filter->addItem(QString(), QString());
    m_stateFilterLabel = new QLabel;
    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(u"pipelineStateFilter"_s);
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stateFilterLabel->setBuddy(m_stateFilter);
    m_stateFilter->addItem(QString(), QString());
    for (const DealState state : DealColumn::boardStates()) {
        m_stateFilter->addItem(QString(), common::wireName(state));
    }
    m_creatorLabel = new QLabel;
    m_creator = new QLineEdit;
    m_creator->setObjectName(u"pipelineCreatorFilter"_s);
    m_creator->setClearButtonEnabled(true);
    m_creator->setMaxLength(100); // the server's limit
    m_creatorLabel->setBuddy(m_creator);
    m_creatorTimer = new QTimer(this);
    m_creatorTimer->setSingleShot(true);
    m_creatorTimer->setInterval(kTypingPauseMs);
    m_overdue = new QCheckBox;
    m_overdue->setObjectName(u"pipelineOverdueFilter"_s);
    m_clearFilters = new QPushButton;
    m_clearFilters->setObjectName(u"clearPipelineFiltersButton"_s);
    m_clearFilters->setEnabled(false);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadPipelineButton"_s);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportPipelineButton"_s);
    toolbar->addWidget(m_filterLabel);
    toolbar->addWidget(m_filter);
    toolbar->addWidget(m_stateFilterLabel);
    toolbar->addWidget(m_stateFilter);
    toolbar->addWidget(m_creatorLabel);
    toolbar->addWidget(m_creator, 1);
    toolbar->addWidget(m_overdue);
    toolbar->addWidget(m_clearFilters);
    toolbar->addStretch();
    toolbar->addWidget(m_export);
    toolbar->addWidget(m_reload);

    connect(m_filter, &QComboBox::activated, this, [this](int index) {
        setCampaignFilter(m_filter->itemData(index).toString());
    });
    connect(m_stateFilter, &QComboBox::activated, this, [this](int index) {
        setStateFilter(
                common::collabFromString<DealState>(m_stateFilter->itemData(index).toString()));
    });
    connect(m_creator, &QLineEdit::textEdited, m_creatorTimer, qOverload<>(&QTimer::start));
    connect(m_creator, &QLineEdit::returnPressed, this, [this] {
        setCreatorFilter(m_creator->text());
    });
    connect(m_creatorTimer, &QTimer::timeout, this, [this] {
        setCreatorFilter(m_creator->text());
    });
    connect(m_overdue, &QCheckBox::toggled, this, &PipelineView::setOverdueOnly);
    connect(m_clearFilters, &QPushButton::clicked, this, &PipelineView::clearFilters);
    return toolbar;
}

void PipelineView::setCampaignFilter(const QString &campaignId)
{
    if (campaignId == m_query.campaignId) {
        return;
    }
    m_query.campaignId = campaignId;
    const int index = m_filter->findData(campaignId);
    if (index >= 0) {
        m_filter->setCurrentIndex(index);
    }
    filtersChanged();
}

void PipelineView::setStateFilter(std::optional<DealState> state)
{
    const QList<DealState> states = state ? QList<DealState>{*state} : QList<DealState>{};
    if (states == m_query.states) {
        return;
    }
    m_query.states = states;
    m_stateFilter->setCurrentIndex(
            state ? std::max(0, m_stateFilter->findData(common::wireName(*state))) : 0);
    filtersChanged();
}

void PipelineView::setCreatorFilter(const QString &text)
{
    m_creatorTimer->stop();
    const QString creator = text.trimmed();
    if (m_creator->text() != text) {
        m_creator->setText(text);
    }
    if (creator == m_query.creator) {
        return;
    }
    m_query.creator = creator;
    filtersChanged();
}

void PipelineView::setOverdueOnly(bool overdueOnly)
{
    if (overdueOnly == m_query.overdueOnly) {
        return;
    }
    m_query.overdueOnly = overdueOnly;
    m_overdue->setChecked(overdueOnly);
    filtersChanged();
}

void PipelineView::clearFilters()
{
    resetFilters();
    filtersChanged();
}

void PipelineView::resetFilters()
{
    m_creatorTimer->stop();
    m_query.campaignId.clear();
    m_query.states.clear();
    m_query.creator.clear();
    m_query.overdueOnly = false;
    const QSignalBlocker blockOverdue(m_overdue);
    m_filter->setCurrentIndex(0);
    m_stateFilter->setCurrentIndex(0);
    m_creator->clear();
    m_overdue->setChecked(false);
    m_clearFilters->setEnabled(false);
}

void PipelineView::filtersChanged()
{
    m_clearFilters->setEnabled(filtered());
    reload();
}

bool PipelineView::filtered() const
{
    return !m_query.campaignId.isEmpty() || !m_query.states.isEmpty() || !m_query.creator.isEmpty()
            || m_query.overdueOnly;
}

void PipelineView::updateCampaigns()
{
    for (auto it = m_campaignNames.cbegin(); it != m_campaignNames.cend(); ++it) {
        const int index = m_filter->findData(it.key());
        if (index < 0) {
            m_filter->addItem(it.value(), it.key());
        } else {
            m_filter->setItemText(index, it.value());
        }
    }
}

} // namespace influence::desktop
