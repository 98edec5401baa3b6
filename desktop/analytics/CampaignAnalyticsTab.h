// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "common/Error.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace influence::desktop {

class AnalyticsSection;
class AnalyticsTable;
class KpiTiles;
class MetricsEntryDialog;
class PeriodFilter;
class PostHistoryDialog;
class Session;
class StateStack;
class TrendChart;

/// A campaign's Analytics tab (GET /analytics/campaigns/{id}): the period filter, every KPI as
/// a tile (with its formula as tooltip), performance over time, and the per-creator and
/// per-post tables (sortable, exportable as CSV). A post opens its own history; "Enter
/// figures…" types a day's figures of a live deliverable; "PDF report…" writes the client
/// report off the GUI thread.
class CampaignAnalyticsTab : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Error };
    Q_ENUM(State)

    CampaignAnalyticsTab(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Loads the figures of campaign `id` for the period chosen.
    void showCampaign(const QString &id);
    void reload();
    void clear();

    State state() const { return m_state; }
    const std::optional<common::CampaignAnalytics> &analytics() const { return m_analytics; }
    PeriodFilter *periodFilter() const { return m_period; }
    KpiTiles *tiles() const { return m_tiles; }
    TrendChart *chart() const { return m_chart; }
    AnalyticsTable *creatorsTable() const { return m_creators; }
    AnalyticsTable *postsTable() const { return m_posts; }
    QTableView *postsView() const { return m_postsView; }
    QTableView *creatorsView() const { return m_creatorsView; }
    /// The content of the tab without its scroll bars (screenshots).
    QWidget *content() const { return m_content; }

    /// Opens the history of post `id` (as a double-click on it does).
    PostHistoryDialog *openPostHistory(const QString &postId);
    /// Opens the dialog that types a day's figures (as "Enter figures…" does).
    MetricsEntryDialog *openMetricsEntry();
    /// Writes the PDF report to `path` on a worker; reportWritten() follows.
    void writeReport(const QString &path);
    bool isWritingReport() const { return m_writing; }

Q_SIGNALS:
    void stateChanged(influence::desktop::CampaignAnalyticsTab::State state);
    /// The report was written (`error` empty) or could not be.
    void reportWritten(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    void loaded(const common::CampaignAnalytics &analytics);
    void askReportPath();
    QList<std::pair<QString, QString>> csvFilters() const;

    common::ApiClient *m_api;
    common::AnalyticsApi m_calls;
    Session *m_session;
    QString m_id;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    bool m_writing = false;
    std::optional<common::CampaignAnalytics> m_analytics;
    std::optional<common::EmvTable> m_emvTable;

    QWidget *m_content = nullptr;
    PeriodFilter *m_period = nullptr;
    QPushButton *m_enter = nullptr;
    QPushButton *m_report = nullptr;
    QLabel *m_asOf = nullptr;
    QLabel *m_message = nullptr;
    KpiTiles *m_tiles = nullptr;
    TrendChart *m_chart = nullptr;
    AnalyticsSection *m_trendSection = nullptr;
    AnalyticsTable *m_creators = nullptr;
    QTableView *m_creatorsView = nullptr;
    AnalyticsSection *m_creatorsSection = nullptr;
    AnalyticsTable *m_posts = nullptr;
    QTableView *m_postsView = nullptr;
    AnalyticsSection *m_postsSection = nullptr;
    StateStack *m_states = nullptr;
};

} // namespace influence::desktop
