// SPDX-License-Identifier: Apache-2.0
// The creator page's follower charts: a chart per connected account and one combining them,
// fed by MetricsModel through QVXYModelMapper, over the chosen range; their axes, hover values,
// notes on what the total sums and on stale histories, and PNG export.
#include "CreatorProfileView.h"
#include "common/ApiClient.h"
#include "profiles/AuthenticityMarkers.h"
#include "profiles/ForecastBands.h"
#include "profiles/MetricsModel.h"
#include "widgets/Async.h"
#include "widgets/ChartLegend.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// Longest span the server answers (3 × 366 days); "all" asks for that much.
constexpr int kAllDays = 3 * 366;

/// Heckbert's "nice numbers" (Graphics Gems, 1990): 1, 2 or 5 times a power of ten near `x`.
double niceNumber(double x, bool round)
{
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double fraction = x / power;
    if (round) {
        return power * (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10);
    }
    return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
}

/// Sets `axis` to run from 0 to a round number at or above `max` with round ticks (0, 250 000,
/// 500 000…), as QValueAxis::applyNiceNumbers would, but with one range change: each change
/// lays the chart out again at once, and a profile page holds a chart per account.
void setNiceRange(QValueAxis *axis, double max)
{
    constexpr int kTicks = 5;
    const double step = niceNumber(niceNumber(max, false) / (kTicks - 1), true);
    const double top = std::ceil(max / step) * step;
    axis->setRange(0.0, top);
    axis->setTickCount(static_cast<int>(std::lround(top / step)) + 1); // after, as Qt does
}

} // namespace

CreatorProfileView::Span CreatorProfileView::span(Range range, QDate today)
{
    switch (range) {
    case Range::Days30: return {today.addDays(-29), today, u"day"_s};
    case Range::Days90: return {today.addDays(-89), today, u"day"_s};
    case Range::Year: return {today.addDays(-364), today, u"week"_s};
    case Range::All: return {today.addDays(-kAllDays), today, u"week"_s};
    }
    return {today.addDays(-89), today, u"day"_s};
}

QWidget *CreatorProfileView::buildChartsPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_rangeLabel = new QLabel;
    m_rangeBox = new QComboBox;
    m_rangeBox->setObjectName(u"rangeBox"_s);
    m_rangeLabel->setBuddy(m_rangeBox);
    for (const Range range : {Range::Days30, Range::Days90, Range::Year, Range::All}) {
        m_rangeBox->addItem(QString(), static_cast<int>(range));
    }
    m_rangeBox->setCurrentIndex(static_cast<int>(m_range));
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, [this] {
        setRange(static_cast<Range>(m_rangeBox->currentData().toInt()));
    });
    m_exportButton = new QPushButton;
    m_exportButton->setObjectName(u"exportButton"_s);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        askExportPath(m_combinedBox); // with its legend
    });
    bar->addWidget(m_rangeLabel);
    bar->addWidget(m_rangeBox);
    bar->addStretch();
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);

    m_metricsStatus = new QLabel;
    m_metricsStatus->setObjectName(u"metricsStatus"_s);
    m_metricsStatus->setWordWrap(true);
    m_metricsRetry = new QPushButton;
    m_metricsRetry->setObjectName(u"metricsRetry"_s);
    m_metricsRetry->hide();
    connect(m_metricsRetry, &QPushButton::clicked, this, &CreatorProfileView::loadMetrics);
    auto *status = new QHBoxLayout;
    status->addWidget(m_metricsStatus, 1);
    status->addWidget(m_metricsRetry);
    layout->addLayout(status);

    m_combinedView = new QChartView(new QChart);
    m_combinedView->setObjectName(u"combinedChart"_s);
    m_combinedView->setRenderHint(QPainter::Antialiasing);
    m_combinedView->setMinimumHeight(240);
    m_totalSeries = addSeries(m_combinedView, m_totalModel, QString());
    m_combinedView->chart()->legend()->hide(); // cut names off beside the accounts table
    m_combinedLegend = new ChartLegend(u"combinedLegend"_s);
    m_combinedBox = new QWidget;
    m_combinedBox->setObjectName(u"combinedBox"_s);
    auto *box = new QVBoxLayout(m_combinedBox);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_combinedView, 1);
    box->addWidget(m_combinedLegend);
    m_combinedStates = new StateStack(u"history"_s, m_combinedBox);
    connect(m_combinedStates, &StateStack::retryRequested, this, &CreatorProfileView::loadMetrics);
    layout->addWidget(m_combinedStates, 1);

    m_totalNote = valueLabel(u"totalNote"_s);
    m_totalNote->hide();
    layout->addWidget(m_totalNote);
    m_staleNote = valueLabel(u"staleNote"_s);
    m_staleNote->hide();
    layout->addWidget(m_staleNote);

    m_hoverLabel = new QLabel;
    m_hoverLabel->setObjectName(u"hoverLabel"_s);
    layout->addWidget(m_hoverLabel);

    m_accountTabs = new QTabWidget;
    m_accountTabs->setObjectName(u"accountCharts"_s);
    m_accountTabs->setMinimumHeight(240);
    layout->addWidget(m_accountTabs, 1);
    return panel;
}

QLineSeries *CreatorProfileView::addSeries(
        QChartView *view, MetricsModel *model, const QString &name)
{
    auto *series = new QLineSeries;
    series->setName(name);
    auto *mapper = new QVXYModelMapper(series);
    mapper->setXColumn(MetricsModel::Time);
    mapper->setYColumn(MetricsModel::Followers);
    mapper->setSeries(series);
    mapper->setModel(model);
    QChart *chart = view->chart();
    chart->addSeries(series);
    if (chart->axes(Qt::Horizontal).isEmpty()) {
        auto *time = new QDateTimeAxis;
        time->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
        time->setTickCount(5);
        chart->addAxis(time, Qt::AlignBottom);
        auto *count = new QValueAxis;
        count->setLabelFormat(u"%.0f"_s);
        chart->addAxis(count, Qt::AlignLeft);
        localizeAxes(view);
    }
    series->attachAxis(chart->axes(Qt::Horizontal).constFirst());
    series->attachAxis(chart->axes(Qt::Vertical).constFirst());
    connect(series, &QLineSeries::hovered, this, [this, series](const QPointF &point, bool state) {
        showHover(series->name(), point, state);
    });
    return series;
}

void CreatorProfileView::clearCharts()
{
    for (const AccountChart &chart : std::as_const(m_charts)) {
        m_combinedView->chart()->removeSeries(chart.combinedSeries);
        delete chart.combinedSeries; // with its model mapper
    }
    while (m_accountTabs->count() > 0) {
        QWidget *tab = m_accountTabs->widget(0);
        m_accountTabs->removeTab(0);
        delete tab;
    }
    for (const AccountChart &chart : std::as_const(m_charts)) {
        delete chart.model;
    }
    m_charts.clear();
    m_totalModel->clear();
    m_hoverLabel->clear();
}

void CreatorProfileView::rebuildCharts()
{
    clearCharts();
    for (const common::ConnectedAccount &account : std::as_const(m_profile.accounts)) {
        AccountChart chart;
        chart.account = account;
        chart.model = new MetricsModel(this);
        chart.view = new QChartView(new QChart);
        chart.view->setObjectName(u"accountChart-"_s + account.id);
        chart.view->setRenderHint(QPainter::Antialiasing);
        chart.view->chart()->legend()->hide();
        chart.view->chart()->setTitle(tr("Followers on %1").arg(seriesName(account)));
        auto *exportAction = new QAction(tr("Export as PNG…"), chart.view);
        connect(exportAction, &QAction::triggered, this, [this, view = chart.view] {
            askExportPath(view);
        });
        chart.view->addAction(exportAction);
        chart.view->setContextMenuPolicy(Qt::ActionsContextMenu);
        chart.series = addSeries(chart.view, chart.model, seriesName(account));
        chart.combinedSeries = addSeries(m_combinedView, chart.model, seriesName(account));
        chart.forecast = new ForecastBands(m_api, this, chart.view);
        connect(chart.forecast, &ForecastBands::drawn, this, [view = chart.view] {
            fitAxes(view);
        });
        chart.states = new StateStack(u"accountHistory"_s, chart.view);
        connect(chart.states, &StateStack::retryRequested, this, &CreatorProfileView::loadMetrics);
        m_accountTabs->addTab(chart.states, seriesName(account));
        m_charts.append(chart);
    }
}

void CreatorProfileView::setRange(Range range)
{
    if (m_rangeBox->currentIndex() != static_cast<int>(range)) {
        m_rangeBox->setCurrentIndex(static_cast<int>(range)); // comes back here
        return;
    }
    m_range = range;
    if (m_state == State::Loaded) {
        loadMetrics();
    }
}

void CreatorProfileView::loadMetrics()
{
    m_metricsReloadOnShow = false;
    const quint64 generation = ++m_metricsGeneration;
    m_span = span(m_range, QDate::currentDate());
    m_metricsError.reset();
    m_pendingMetrics = static_cast<int>(m_charts.size());
    updateMetricsStatus();
    if (m_charts.isEmpty()) {
        finishMetrics();
        return;
    }
    m_combinedStates->showLoading(tr("Loading the history…"));
    const common::ApiClient::OwnerScope owner(m_api, this);
    for (int i = 0; i < m_charts.size(); ++i) {
        m_charts.at(i).states->showLoading(tr("Loading the history…"));
        continueIn(this,
                m_profiles.accountMetrics(
                        m_charts.at(i).account.id, m_span.from, m_span.to, m_span.interval),
                [this, generation, i](const common::Result<common::MetricSeries> &r) {
                    metricsArrived(generation, i, r);
                });
    }
}

void CreatorProfileView::metricsArrived(
        quint64 generation, int index, const common::Result<common::MetricSeries> &result)
{
    if (generation != m_metricsGeneration || index >= m_charts.size()) {
        return;
    }
    if (!result) {
        if (result.error().code == common::ErrorCode::Cancelled) {
            m_metricsReloadOnShow = true;
            return;
        }
        m_metricsError = result.error();
        m_charts.at(index).states->showError(result.error());
    } else {
        const AccountChart &chart = m_charts.at(index);
        chart.model->setPoints(result->points);
        AuthenticityMarkers::of(chart.view)
                ->show(chart.account.authenticityEvents, result->points, m_span.from, m_span.to);
        if (result->points.isEmpty()) {
            // Without points the chart would draw made-up axes (1970, 0 to 1).
            chart.states->showEmpty(tr("No figures for this account in this period."));
        } else {
            fitAxes(chart.view);
            chart.states->showContent();
            chart.forecast->load(chart.account.id); // once per chart, after its history
        }
    }
    if (--m_pendingMetrics == 0) {
        finishMetrics();
    }
}

void CreatorProfileView::finishMetrics()
{
    QList<const MetricsModel *> models;
    for (const AccountChart &chart : std::as_const(m_charts)) {
        models.append(chart.model);
    }
    m_totalModel->setPoints(MetricsModel::total(models));
    if (m_totalModel->rowCount() > 0) {
        fitAxes(m_combinedView);
        m_combinedStates->showContent();
    } else if (m_metricsError) {
        m_combinedStates->showError(*m_metricsError);
    } else {
        m_combinedStates->showEmpty(tr("No metric history yet."));
    }
    updateTotalNotes();
    updateMetricsStatus();
    Q_EMIT metricsFinished();
}

void CreatorProfileView::fitAxes(QChartView *view)
{
    qreal minX = 0;
    qreal maxX = 0;
    qreal maxY = 0;
    bool any = false;
    const QList<QAbstractSeries *> series = view->chart()->series();
    for (QAbstractSeries *abstract : series) {
        // A forecast band's reach is its upper bound.
        const auto *area = qobject_cast<QAreaSeries *>(abstract);
        const auto *line = area ? area->upperSeries() : qobject_cast<QLineSeries *>(abstract);
        const QList<QPointF> points = line ? line->points() : QList<QPointF>();
        for (const QPointF &point : points) {
            minX = any ? std::min(minX, point.x()) : point.x();
            maxX = any ? std::max(maxX, point.x()) : point.x();
            maxY = std::max(maxY, point.y());
            any = true;
        }
    }
    if (!any) {
        return;
    }
    if (maxX <= minX) {
        maxX = minX + 24.0 * 3600 * 1000; // one point: a day wide
    }
    view->chart()
            ->axes(Qt::Horizontal)
            .constFirst()
            ->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(minX), Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(maxX), Qt::UTC));
    auto *count = qobject_cast<QValueAxis *>(view->chart()->axes(Qt::Vertical).constFirst());
    if (count) {
        setNiceRange(count, std::max(1.0, maxY * 1.05));
    }
}

void CreatorProfileView::updateMetricsStatus()
{
    const bool failed = m_metricsError.has_value();
    if (m_pendingMetrics > 0) {
        m_metricsStatus->setText(tr("Loading the history…"));
    } else if (failed) {
        m_metricsStatus->setText(
                ErrorText::headline(*m_metricsError) + u' ' + ErrorText::detail(*m_metricsError));
    } else if (m_totalModel->rowCount() == 0) {
        m_metricsStatus->setText(tr("No metric history yet."));
    } else {
        // The dates of the figures, not of the span asked for: "All" asks for three years
        // whatever the history holds.
        const QList<common::MetricPoint> &points = m_totalModel->points();
        m_metricsStatus->setText(
                tr("%n period(s) from %1 to %2", nullptr, m_totalModel->rowCount())
                        .arg(QLocale().toString(points.constFirst().date, QLocale::ShortFormat),
                                QLocale().toString(
                                        periodEnd(points.constLast().date), QLocale::ShortFormat)));
    }
    m_metricsRetry->setVisible(m_pendingMetrics == 0 && failed);
}

void CreatorProfileView::localizeAxes(QChartView *view)
{
    // Axis labels in the user's locale, with its thousands separators ("250.000" in German).
    view->chart()->setLocale(QLocale());
    view->chart()->setLocalizeNumbers(true);
    // Dates too: the format is fixed text, made from the locale when the axis was.
    const QList<QAbstractAxis *> times = view->chart()->axes(Qt::Horizontal);
    if (auto *time = qobject_cast<QDateTimeAxis *>(times.value(0))) {
        time->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
}

QList<StateStack *> CreatorProfileView::accountChartStates() const
{
    QList<StateStack *> states;
    for (const AccountChart &chart : m_charts) {
        states.append(chart.states);
    }
    return states;
}

void CreatorProfileView::showHover(const QString &name, const QPointF &point, bool state)
{
    if (!state) {
        m_hoverLabel->clear();
        QToolTip::hideText();
        return;
    }
    const QDate date =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()), Qt::UTC).date();
    const QString text = tr("%1 · %2: %3 followers")
                                 .arg(name, QLocale().toString(date, QLocale::ShortFormat),
                                         QLocale().toString(static_cast<qint64>(point.y())));
    m_hoverLabel->setText(text);
    QToolTip::showText(QCursor::pos(), text, this);
}

void CreatorProfileView::askExportPath(QWidget *view)
{
    auto *dialog = new QFileDialog(this, tr("Export chart"),
            m_profile.details.displayName + u".png"_s, tr("PNG images (*.png)"));
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"png"_s);
    if (QGuiApplication::platformName() == u"offscreen"_s) {
        dialog->setOption(QFileDialog::DontUseNativeDialog);
    }
    connect(dialog, &QFileDialog::fileSelected, view, [view](const QString &path) {
        exportChart(view, path);
    });
    dialog->open(); // never exec()
}

bool CreatorProfileView::exportChart(QWidget *view, const QString &path)
{
    return view->grab().save(path, "PNG");
}

QList<QChartView *> CreatorProfileView::accountCharts() const
{
    QList<QChartView *> views;
    for (const AccountChart &chart : m_charts) {
        views.append(chart.view);
    }
    return views;
}

} // namespace influence::desktop
