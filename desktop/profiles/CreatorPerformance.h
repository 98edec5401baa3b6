// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace influence::desktop {

class AnalyticsSection;
class AnalyticsTable;
class KpiTiles;
class PeriodFilter;
class StateStack;
class TrendChart;

/// A creator's performance (GET /analytics/creators/{id}), on the profile brand staff open and
/// on the creator's own profile page: posts, reach, views, engagements and engagement rate for
/// the period, views and reach over time with the engagement rate on its own scale, each
/// account's followers, engagement rate (by followers or by views) and growth with the date
/// of its figures, and the recent posts (CSV).
class CreatorPerformance : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Error };
    Q_ENUM(State)

    /// `stem` names the widgets (`<stem>Chart`, `<stem>Posts`, …).
    CreatorPerformance(common::ApiClient *api, const QString &stem, QWidget *parent = nullptr);

    void showCreator(const QString &influencerId);
    void reload();
    void clear();
    State state() const { return m_state; }
    const std::optional<common::CreatorAnalytics> &analytics() const { return m_analytics; }
    KpiTiles *tiles() const { return m_tiles; }
    TrendChart *chart() const { return m_chart; }
    AnalyticsTable *postsTable() const { return m_posts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void show(const common::CreatorAnalytics &analytics);

    common::AnalyticsApi m_calls;
    QString m_id;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    std::optional<common::CreatorAnalytics> m_analytics;
    QLabel *m_title = nullptr;
    PeriodFilter *m_period = nullptr;
    KpiTiles *m_tiles = nullptr;
    QLabel *m_accounts = nullptr;
    TrendChart *m_chart = nullptr;
    AnalyticsTable *m_posts = nullptr;
    AnalyticsSection *m_postsSection = nullptr;
    StateStack *m_states = nullptr;
};

} // namespace influence::desktop
