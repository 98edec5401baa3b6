// SPDX-License-Identifier: Apache-2.0
#include "HomeDashboard.h"

#include "widgets/AnalyticsSection.h"
#include "widgets/AnalyticsTable.h"
#include "widgets/AnalyticsText.h"
#include "widgets/Async.h"
#include "widgets/BudgetBar.h"
#include "widgets/KpiTiles.h"
#include "widgets/PeriodFilter.h"
#include "widgets/StateStack.h"
#include "widgets/TrendChart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// The tiles of Home, in the order agency staff read them.
const QList<Kpi> kHomeKpis{Kpi::Reach, Kpi::Views, Kpi::Engagements, Kpi::EngagementRate,
        Kpi::Spend, Kpi::Cpe, Kpi::Emv, Kpi::Roi};

} // namespace

HomeDashboard::HomeDashboard(common::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_analytics(api)
{
    buildFilters();

    auto *summary = new QWidget;
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    m_tiles = new KpiTiles(u"home"_s, kHomeKpis, 4);
    summaryLayout->addWidget(m_tiles);
    m_asOf = new QLabel;
    m_asOf->setObjectName(u"homeDataAsOf"_s);
    m_asOf->setWordWrap(true);
    summaryLayout->addWidget(m_asOf);
    m_summaryStack = new StateStack(u"homeDashboard"_s, summary);
    connect(m_summaryStack, &StateStack::retryRequested, this, &HomeDashboard::refresh);

    m_chart = new TrendChart;
    m_chart->setObjectName(u"homeTrendChart"_s);
    m_chart->setMinimumHeight(260);
    m_trendSection = new AnalyticsSection(u"homeTrend"_s, m_chart);

    m_campaigns = new AnalyticsTable(this);
    m_budgetList = new QWidget;
    m_budgetList->setObjectName(u"homeBudgets"_s);
    m_budgetLayout = new QVBoxLayout(m_budgetList);
    m_budgetLayout->setContentsMargins(0, 0, 0, 0);
    m_budgetSection = new AnalyticsSection(u"homeBudgets"_s, m_budgetList);
    m_budgetSection->setCsv(u"campaign-spend.csv"_s, [this] {
        return m_campaigns->csv(csvFilters());
    });

    m_creators = new AnalyticsTable(this);
    m_creatorsView = AnalyticsTable::makeView(m_creators, u"homeTopCreators"_s, 5);
    m_creatorsSection = new AnalyticsSection(u"homeTopCreators"_s, m_creatorsView);
    m_creatorsSection->setCsv(u"top-creators.csv"_s, [this] {
        return m_creators->csv(csvFilters());
    });
    connect(m_creatorsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT creatorRequested(AnalyticsTable::idAt(m_creatorsView, index));
    });

    m_posts = new AnalyticsTable(this);
    m_postsView = AnalyticsTable::makeView(m_posts, u"homeTopPosts"_s, 5);
    m_postsSection = new AnalyticsSection(u"homeTopPosts"_s, m_postsView);
    m_postsSection->setCsv(u"top-posts.csv"_s, [this] {
        return m_posts->csv(csvFilters());
    });
    connect(m_postsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (!m_overview) {
            return;
        }
        const QString id = AnalyticsTable::idAt(m_postsView, index);
        for (const common::AnalyticsPost &post : std::as_const(m_overview->topPosts)) {
            if (post.id == id && !post.campaignId.isEmpty()) {
                Q_EMIT campaignRequested(post.campaignId);
            }
        }
    });
    retranslate();
}

QWidget *HomeDashboard::summary() const
{
    return m_summaryStack;
}

void HomeDashboard::buildFilters()
{
    m_filterBar = new QWidget;
    auto *bar = new QHBoxLayout(m_filterBar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_period = new PeriodFilter(u"home"_s);
    m_campaignLabel = new QLabel;
    m_campaignBox = new QComboBox;
    m_campaignBox->setObjectName(u"homeCampaignBox"_s);
    m_campaignBox->setMinimumContentsLength(18);
    m_campaignBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_campaignLabel->setBuddy(m_campaignBox);
    m_campaignBox->addItem(QString(), QString());
    bar->addWidget(m_period);
    bar->addSpacing(12);
    bar->addWidget(m_campaignLabel);
    bar->addWidget(m_campaignBox);
    bar->addStretch();
    connect(m_period, &PeriodFilter::changed, this, &HomeDashboard::refresh);
    connect(m_campaignBox, &QComboBox::activated, this, &HomeDashboard::refresh);
}

void HomeDashboard::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void HomeDashboard::refresh()
{
    const quint64 generation = ++m_generation;
    m_error.reset();
    setState(State::Loading);
    if (!m_overview) {
        m_summaryStack->showLoading(tr("Adding up your campaigns' figures…"));
    }
    continueIn(this,
            m_analytics.overview(m_period->period(), m_campaignBox->currentData().toString()),
            [this, generation](const common::Result<common::AnalyticsOverview> &answer) {
                if (generation != m_generation) {
                    return; // a newer filter's answer is on its way
                }
                if (!answer) {
                    m_error = answer.error();
                    m_summaryStack->showError(*m_error);
                    setState(State::Error);
                    return;
                }
                loaded(*answer);
            });
}

void HomeDashboard::loaded(const common::AnalyticsOverview &overview)
{
    m_overview = overview;
    if (m_campaignBox->currentData().toString().isEmpty()) {
        m_allCampaigns.clear();
        for (const auto &campaign : overview.campaigns) {
            m_allCampaigns.append({campaign.id, campaign.name});
        }
        fillCampaignBox();
    }
    m_tiles->show(overview.kpis, &overview.previousKpis, overview.currency);
    m_campaigns->setCampaigns(overview.campaigns);
    m_creators->setCreators(overview.topCreators, overview.currency);
    m_posts->setPosts(overview.topPosts, overview.currency);
    showBudgets();
    retranslate();
    if (m_allCampaigns.isEmpty()) {
        m_summaryStack->showEmpty(tr("No campaigns yet: the figures appear here once your first "
                                     "campaign's creators publish."));
    } else {
        m_summaryStack->showContent();
    }
    setState(State::Loaded);
}

void HomeDashboard::showBudgets()
{
    while (QLayoutItem *item = m_budgetLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_overview) {
        return;
    }
    for (const auto &spend : std::as_const(m_overview->campaigns)) {
        if (spend.budgetMinor <= 0 && spend.committedMinor <= 0 && spend.paidMinor <= 0) {
            continue;
        }
        auto *name = new QLabel(spend.name);
        name->setObjectName(u"homeBudgetName_"_s + spend.id);
        m_budgetLayout->addWidget(name);
        auto *bar = new BudgetBar;
        bar->setObjectName(u"homeBudgetBar_"_s + spend.id);
        bar->setBudget({spend.id, spend.currency, spend.budgetMinor, spend.committedMinor,
                spend.paidMinor, spend.remainingMinor, {}});
        m_budgetLayout->addWidget(bar);
    }
    if (m_budgetLayout->count() == 0) {
        auto *none = new QLabel(tr("No campaign has a budget in this filter."));
        none->setWordWrap(true);
        m_budgetLayout->addWidget(none);
    }
    m_budgetLayout->addStretch();
}

void HomeDashboard::fillCampaignBox()
{
    const QString current = m_campaignBox->currentData().toString();
    while (m_campaignBox->count() > 1) {
        m_campaignBox->removeItem(1);
    }
    for (const auto &[id, name] : std::as_const(m_allCampaigns)) {
        m_campaignBox->addItem(name, id);
    }
    m_campaignBox->setCurrentIndex(std::max(0, m_campaignBox->findData(current)));
}

void HomeDashboard::clear()
{
    ++m_generation;
    m_overview.reset();
    m_error.reset();
    m_allCampaigns.clear();
    fillCampaignBox();
    m_tiles->clear();
    m_chart->clear();
    m_campaigns->clear();
    m_creators->clear();
    m_posts->clear();
    showBudgets();
    m_asOf->clear();
    setState(State::Idle);
}

QList<std::pair<QString, QString>> HomeDashboard::csvFilters() const
{
    QList<std::pair<QString, QString>> filters{
            {tr("Period"), PeriodFilter::describe(m_period->period())},
            {tr("Campaign"), m_campaignBox->currentText()}};
    if (m_overview) {
        filters.append({tr("Currency"), m_overview->currency});
    }
    return filters;
}

void HomeDashboard::retranslate()
{
    m_campaignLabel->setText(tr("&Campaign:"));
    m_campaignBox->setItemText(0, tr("All campaigns"));
    m_trendSection->setTitle(tr("Performance over time"));
    m_budgetSection->setTitle(tr("Spend against budget"));
    m_creatorsSection->setTitle(tr("Top creators"));
    m_postsSection->setTitle(tr("Top posts"));
    if (m_overview) {
        const auto &o = *m_overview;
        m_chart->setSeries(o.series, {Metric::Views}, {Metric::Engagements},
                {AnalyticsText::metricName(Metric::Views),
                        AnalyticsText::metricName(Metric::Engagements)});
        QString note = AnalyticsText::dataAsOf(o.dataAsOf) + u" · "_s
                + tr("compared with %1 – %2")
                          .arg(QLocale().toString(o.previousFrom, QLocale::ShortFormat),
                                  QLocale().toString(o.previousTo, QLocale::ShortFormat))
                + (o.emvTable ? u" · "_s + tr("EMV table: %1").arg(o.emvTable->name) : QString());
        if (o.currencies.size() > 1) {
            note += u" · "_s
                    + tr("Money in %1 only (campaigns in %2 are left out of the money figures)")
                              .arg(o.currency,
                                      QStringList(o.currencies)
                                              .filter(QRegularExpression(
                                                      u"^(?!"_s + o.currency + u"$)"_s))
                                              .join(u", "_s));
        }
        m_asOf->setText(note);
    }
    if (m_state == State::Loading && !m_overview) {
        m_summaryStack->showLoading(tr("Adding up your campaigns' figures…"));
    } else if (m_state == State::Error) {
        m_summaryStack->retranslate();
    }
}

} // namespace influence::desktop
