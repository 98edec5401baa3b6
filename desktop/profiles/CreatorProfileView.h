// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ProfileApi.h"
#include "widgets/Page.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineSeries;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace influence::desktop {

class AuthenticityPanel;
class ChartLegend;
class MetricsModel;
class CreatorPerformance;
class ForecastBands;
class SimilarCreatorsList;
class Session;
class StateStack;

/// A creator's profile: details, rates in the user's money format, connected accounts, and the
/// follower history per account and combined (QtCharts line series fed by MetricsModel through
/// QVXYModelMapper) over a chosen range, with hover values and PNG export. Loading, empty and
/// error states; leaving the page aborts its requests in flight.
class CreatorProfileView : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Empty, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum class Range { Days30, Days90, Year, All };
    Q_ENUM(Range)

    /// The dates and period length asked for a range, ending `today`.
    struct Span
    {
        QDate from;
        QDate to;
        QString interval;
    };
    static Span span(Range range, QDate today);

    CreatorProfileView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Shows the creator with this id (loads the profile and its histories).
    void showCreator(const QString &id);
    /// Puts a tool that acts on the creator shown beside their name (the shell adds them).
    void addHeaderTool(QWidget *tool);
    QString creatorId() const { return m_creatorId; }
    /// Back and Forward: the creator shown.
    QVariant saveState() const override { return m_creatorId; }
    void restoreState(const QVariant &state) override;
    /// The creator's name once loaded.
    QString crumb() const override;
    State state() const { return m_state; }
    const common::Error &error() const { return m_error; }
    const common::InfluencerProfile &profile() const { return m_profile; }
    /// The creator's authenticity score and its reasons.
    AuthenticityPanel *authenticity() const { return m_authenticity; }

    void setRange(Range range);
    Range range() const { return m_range; }
    /// The span of the histories on screen (or being loaded).
    Span currentSpan() const { return m_span; }
    /// True while histories are on their way.
    bool metricsLoading() const { return m_pendingMetrics > 0; }

    QChartView *combinedChart() const { return m_combinedView; }
    /// Whether the combined chart is on screen, or loading, empty or failed instead.
    StateStack *combinedStates() const { return m_combinedStates; }
    /// The combined chart's legend (every line's whole name and what is wrong with its figures).
    ChartLegend *combinedLegend() const { return m_combinedLegend; }
    /// The combined chart with its legend, as the Export button saves it.
    QWidget *combinedBox() const { return m_combinedBox; }
    /// The same for each account's chart, in the order of accountCharts().
    QList<StateStack *> accountChartStates() const;
    /// How many days after its last figures a history counts as stale (and says so).
    static constexpr int kStaleDays = 7;
    /// Lookalikes listed under Similar creators.
    static constexpr int kSimilarCount = 10;
    /// The creators like this one (GET /influencers/{id}/similar).
    SimilarCreatorsList *similarCreators() const { return m_similar; }
    QList<QChartView *> accountCharts() const;
    /// The forecast bands of each account's chart, in the order of accountCharts().
    QList<ForecastBands *> accountForecasts() const
    {
        QList<ForecastBands *> forecasts;
        for (const AccountChart &chart : m_charts) {
            forecasts.append(chart.forecast);
        }
        return forecasts;
    }
    /// Writes what `view` shows (a chart, or the combined chart with its legend) as a PNG file;
    /// false if it could not be written.
    static bool exportChart(QWidget *view, const QString &path);

Q_SIGNALS:
    void stateChanged(influence::desktop::CreatorProfileView::State state);
    /// The histories for the current range have arrived (or failed).
    void metricsFinished();
    /// The user opened another creator (from Similar creators).
    void creatorRequested(const QString &influencerId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct AccountChart
    {
        common::ConnectedAccount account;
        MetricsModel *model = nullptr;
        QChartView *view = nullptr;
        QLineSeries *series = nullptr;
        QLineSeries *combinedSeries = nullptr;
        StateStack *states = nullptr; ///< the chart, or why there is none
        ForecastBands *forecast = nullptr; ///< the next 30 days on the chart
    };

    void buildUi();
    QWidget *buildContent();
    QWidget *buildChartsPanel();
    void retranslate();
    bool canLoad() const;
    void load();
    void loadMetrics();
    void profileArrived(
            quint64 generation, const common::Result<common::InfluencerProfile> &result);
    void metricsArrived(
            quint64 generation, int index, const common::Result<common::MetricSeries> &result);
    void finishMetrics();
    void setState(State state);
    void showState();
    void showDetails();
    void showAccounts();
    void rebuildCharts();
    void clearCharts();
    void updateMetricsStatus();
    void updateTotalNotes();
    QDate periodEnd(QDate start) const;
    void showHover(const QString &seriesName, const QPointF &point, bool state);
    void askExportPath(QWidget *view);
    QLineSeries *addSeries(QChartView *view, MetricsModel *model, const QString &name);
    static void fitAxes(QChartView *view);
    static void localizeAxes(QChartView *view);
    QString rateText(const common::Rate &rate) const;
    /// The platform's own name where the app knows it, else the server's.
    static QString platformName(const common::ConnectedAccount &account);
    /// "Instagram @lena": an account's chart, series and tab.
    static QString seriesName(const common::ConnectedAccount &account);
    /// A selectable value label that wraps, named `name`.
    static QLabel *valueLabel(const QString &name);

    common::ApiClient *m_api;
    common::ProfileApi m_profiles;
    Session *m_session;
    QString m_creatorId;
    State m_state = State::Empty;
    common::Error m_error;
    std::optional<common::Error> m_metricsError;
    common::InfluencerProfile m_profile;
    Range m_range = Range::Days90;
    Span m_span;
    quint64 m_generation = 0;
    quint64 m_metricsGeneration = 0;
    int m_pendingMetrics = 0;
    bool m_reloadOnShow = false;
    bool m_metricsReloadOnShow = false;
    QList<AccountChart> m_charts;
    MetricsModel *m_totalModel = nullptr;

    StateStack *m_states = nullptr;
    AuthenticityPanel *m_authenticity = nullptr;
    CreatorPerformance *m_performance = nullptr;
    QLabel *m_nameLabel = nullptr;
    QHBoxLayout *m_headerTools = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QFormLayout *m_details = nullptr;
    QLabel *m_bioValue = nullptr;
    QLabel *m_nichesValue = nullptr;
    QLabel *m_countryValue = nullptr;
    QLabel *m_languagesValue = nullptr;
    QLabel *m_ratesValue = nullptr;
    QLabel *m_accountsTitle = nullptr;
    QTableWidget *m_accountsTable = nullptr;
    QLabel *m_similarTitle = nullptr;
    SimilarCreatorsList *m_similar = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_rangeBox = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_metricsStatus = nullptr;
    QPushButton *m_metricsRetry = nullptr;
    QLabel *m_hoverLabel = nullptr;
    QLabel *m_totalNote = nullptr;
    QLabel *m_staleNote = nullptr;
    StateStack *m_combinedStates = nullptr;
    QWidget *m_combinedBox = nullptr; ///< the combined chart and its legend
    ChartLegend *m_combinedLegend = nullptr;
    QChartView *m_combinedView = nullptr;
    QLineSeries *m_totalSeries = nullptr;
    QTabWidget *m_accountTabs = nullptr;
};

} // namespace influence::desktop
