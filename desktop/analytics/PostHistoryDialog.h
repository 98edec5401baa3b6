// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QDialog>

#include <optional>

class QLabel;

namespace influence::desktop {

class AnalyticsSection;
class AnalyticsTable;
class StateStack;
class TrendChart;

/// A post's own history (GET /posts/{id}/metrics): its lifetime views and engagements day by
/// day as a chart, and every day's figures with where they came from (platform, typed in,
/// imported) and the evidence, exportable as CSV. Window-modal, never exec().
class PostHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Loading, Loaded, Error };
    Q_ENUM(State)

    PostHistoryDialog(common::ApiClient *api, QString postId, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const std::optional<common::PostMetricsHistory> &history() const { return m_history; }
    AnalyticsTable *daysTable() const { return m_days; }
    TrendChart *chart() const { return m_chart; }
    /// Shows `history` (the answer of a PUT, say) without asking again.
    void show(const common::PostMetricsHistory &history);
    void reload();

private:
    common::AnalyticsApi m_analytics;
    QString m_postId;
    State m_state = State::Loading;
    quint64 m_generation = 0;
    std::optional<common::PostMetricsHistory> m_history;
    QLabel *m_title = nullptr;
    TrendChart *m_chart = nullptr;
    AnalyticsTable *m_days = nullptr;
    AnalyticsSection *m_daysSection = nullptr;
    StateStack *m_states = nullptr;
};

} // namespace influence::desktop
