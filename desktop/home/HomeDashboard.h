// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "common/Error.h"

#include <QObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace influence::desktop {

class AnalyticsSection;
class AnalyticsTable;
class KpiTiles;
class PeriodFilter;
class StateStack;
class TrendChart;

/// The analytics part of Home for brand staff (GET /analytics/overview): a period and a
/// campaign filter, KPI tiles with the change against the previous period, views and
/// engagements over time, spend against budget per campaign, and the top creators and posts,
/// each table exportable as CSV. It holds the widgets; HomeView lays them out around the
/// to-dos. Its calls never block: answers arrive through continueIn and stale ones are dropped.
class HomeDashboard : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Error };
    Q_ENUM(State)

    HomeDashboard(common::ApiClient *api, QObject *parent = nullptr);

    /// Asks the server for the overview of the period and campaign chosen.
    void refresh();
    /// Forgets the figures (sign-out).
    void clear();
    void retranslate();

    State state() const { return m_state; }
    const std::optional<common::AnalyticsOverview> &overview() const { return m_overview; }

    QWidget *filterBar() const { return m_filterBar; }
    /// The tiles and the notes on the figures, in a StateStack (loading, error).
    QWidget *summary() const;
    AnalyticsSection *trendSection() const { return m_trendSection; }
    AnalyticsSection *budgetSection() const { return m_budgetSection; }
    AnalyticsSection *creatorsSection() const { return m_creatorsSection; }
    AnalyticsSection *postsSection() const { return m_postsSection; }

    PeriodFilter *periodFilter() const { return m_period; }
    QComboBox *campaignBox() const { return m_campaignBox; }
    KpiTiles *tiles() const { return m_tiles; }
    TrendChart *chart() const { return m_chart; }
    AnalyticsTable *creatorsTable() const { return m_creators; }
    AnalyticsTable *postsTable() const { return m_posts; }
    AnalyticsTable *campaignsTable() const { return m_campaigns; }
    StateStack *stateStack() const { return m_summaryStack; }

Q_SIGNALS:
    void stateChanged(influence::desktop::HomeDashboard::State state);
    void campaignRequested(const QString &campaignId);
    void creatorRequested(const QString &creatorId);

private:
    void buildFilters();
    void loaded(const common::AnalyticsOverview &overview);
    void showBudgets();
    void fillCampaignBox();
    void setState(State state);
    QList<std::pair<QString, QString>> csvFilters() const;

    common::AnalyticsApi m_analytics;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    std::optional<common::AnalyticsOverview> m_overview;
    std::optional<common::Error> m_error;
    /// Every campaign of the brand (from the last answer without a campaign filter).
    QList<std::pair<QString, QString>> m_allCampaigns;

    QWidget *m_filterBar = nullptr;
    PeriodFilter *m_period = nullptr;
    QLabel *m_campaignLabel = nullptr;
    QComboBox *m_campaignBox = nullptr;
    QLabel *m_asOf = nullptr;
    KpiTiles *m_tiles = nullptr;
    StateStack *m_summaryStack = nullptr;
    TrendChart *m_chart = nullptr;
    AnalyticsSection *m_trendSection = nullptr;
    QWidget *m_budgetList = nullptr;
    QVBoxLayout *m_budgetLayout = nullptr;
    AnalyticsSection *m_budgetSection = nullptr;
    AnalyticsTable *m_campaigns = nullptr;
    AnalyticsTable *m_creators = nullptr;
    QTableView *m_creatorsView = nullptr;
    AnalyticsSection *m_creatorsSection = nullptr;
    AnalyticsTable *m_posts = nullptr;
    QTableView *m_postsView = nullptr;
    AnalyticsSection *m_postsSection = nullptr;
};

} // namespace influence::desktop
