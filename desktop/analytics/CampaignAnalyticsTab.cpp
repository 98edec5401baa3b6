// SPDX-License-Identifier: Apache-2.0
#include "CampaignAnalyticsTab.h"

#include "analytics/CampaignReport.h"
#include "analytics/MetricsEntryDialog.h"
#include "analytics/PostHistoryDialog.h"
#include "session/Session.h"
#include "widgets/AnalyticsSection.h"
#include "widgets/AnalyticsTable.h"
#include "widgets/AnalyticsText.h"
#include "widgets/Async.h"
#include "widgets/KpiTiles.h"
#include "widgets/PeriodFilter.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/TrendChart.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

const QList<Kpi> kCampaignKpis{Kpi::Posts, Kpi::Reach, Kpi::Impressions, Kpi::Views,
        Kpi::Engagements, Kpi::EngagementRate, Kpi::Spend, Kpi::Cpe, Kpi::Cpm, Kpi::Cpv, Kpi::Emv,
        Kpi::Roi};

} // namespace

CampaignAnalyticsTab::CampaignAnalyticsTab(
        common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_calls(api)
    , m_session(session)
{
    setObjectName(u"campaignAnalyticsTab"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            clear(); // another user may sign in next
        }
    });
}

void CampaignAnalyticsTab::buildUi()
{
    auto *bar = new QHBoxLayout;
    m_period = new PeriodFilter(u"campaignAnalytics"_s);
    connect(m_period, &PeriodFilter::changed, this, &CampaignAnalyticsTab::reload);
    m_enter = new QPushButton;
    m_enter->setObjectName(u"campaignAnalyticsEnterButton"_s);
    connect(m_enter, &QPushButton::clicked, this, &CampaignAnalyticsTab::openMetricsEntry);
    m_report = new QPushButton;
    m_report->setObjectName(u"campaignAnalyticsReportButton"_s);
    connect(m_report, &QPushButton::clicked, this, &CampaignAnalyticsTab::askReportPath);
    bar->addWidget(m_period);
    bar->addStretch();
    bar->addWidget(m_enter);
    bar->addWidget(m_report);

    m_content = new QWidget;
    m_content->setObjectName(u"campaignAnalyticsContent"_s);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->setSpacing(12);
    m_tiles = new KpiTiles(u"campaignAnalytics"_s, kCampaignKpis, 6);
    layout->addWidget(m_tiles);
    m_asOf = new QLabel;
    m_asOf->setObjectName(u"campaignAnalyticsDataAsOf"_s);
    m_asOf->setWordWrap(true);
    layout->addWidget(m_asOf);
    m_chart = new TrendChart;
    m_chart->setObjectName(u"campaignAnalyticsChart"_s);
    m_chart->setMinimumHeight(260);
    m_trendSection = new AnalyticsSection(u"campaignAnalyticsTrend"_s, m_chart);
    layout->addWidget(m_trendSection);

    m_creators = new AnalyticsTable(this);
    m_creatorsView = AnalyticsTable::makeView(m_creators, u"campaignAnalyticsCreators"_s, 10);
    m_creatorsSection = new AnalyticsSection(u"campaignAnalyticsCreators"_s, m_creatorsView);
    m_creatorsSection->setCsv(u"campaign-creators.csv"_s, [this] {
        return m_creators->csv(csvFilters());
    });
    layout->addWidget(m_creatorsSection);
    m_posts = new AnalyticsTable(this);
    m_postsView = AnalyticsTable::makeView(m_posts, u"campaignAnalyticsPosts"_s, 15);
    m_postsSection = new AnalyticsSection(u"campaignAnalyticsPosts"_s, m_postsView);
    m_postsSection->setCsv(u"campaign-posts.csv"_s, [this] {
        return m_posts->csv(csvFilters());
    });
    connect(m_postsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        openPostHistory(AnalyticsTable::idAt(m_postsView, index));
    });
    layout->addWidget(m_postsSection);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_content);
    m_states = new StateStack(u"campaignAnalytics"_s, scroll);
    connect(m_states, &StateStack::retryRequested, this, &CampaignAnalyticsTab::reload);
    connect(m_states, &StateStack::emptyActionTriggered, this,
            &CampaignAnalyticsTab::openMetricsEntry);

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(bar);
    outer->addWidget(m_states, 1);
    m_message = new StatusLine;
    m_message->setObjectName(u"campaignAnalyticsMessage"_s);
    m_message->setWordWrap(true);
    outer->addWidget(m_message);
}

void CampaignAnalyticsTab::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    m_report->setEnabled(state == State::Loaded && !m_writing);
    m_enter->setEnabled(!m_id.isEmpty());
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void CampaignAnalyticsTab::showCampaign(const QString &id)
{
    if (id != m_id) {
        m_analytics.reset();
        m_message->clear();
    }
    m_id = id;
    reload();
}

void CampaignAnalyticsTab::reload()
{
    if (m_id.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    m_states->showLoading(tr("Adding up the campaign's figures…"));
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_calls.campaign(m_id, m_period->period()),
            [this, generation](const common::Result<common::CampaignAnalytics> &answer) {
                if (generation != m_generation) {
                    return;
                }
                if (!answer) {
                    m_states->showError(answer.error());
                    setState(State::Error);
                    return;
                }
                loaded(*answer);
            });
}

void CampaignAnalyticsTab::loaded(const common::CampaignAnalytics &analytics)
{
    m_analytics = analytics;
    m_creators->setCreators(analytics.creators, analytics.currency);
    m_posts->setPosts(analytics.posts, analytics.currency);
    retranslate();
    if (analytics.posts.isEmpty() && analytics.kpis.spendMinor == 0) {
        m_states->showEmpty(tr("No figures yet: they appear once the campaign's creators "
                               "publish their posts (or their figures are typed in)."),
                tr("&Enter figures…"));
    } else {
        m_states->showContent();
    }
    setState(State::Loaded);
}

void CampaignAnalyticsTab::clear()
{
    ++m_generation;
    m_id.clear();
    m_analytics.reset();
    m_emvTable.reset();
    m_tiles->clear();
    m_chart->clear();
    m_creators->clear();
    m_posts->clear();
    m_asOf->clear();
    m_message->clear();
    m_states->showEmpty(tr("Open a campaign to see its figures."));
    setState(State::Idle);
}

PostHistoryDialog *CampaignAnalyticsTab::openPostHistory(const QString &postId)
{
    if (postId.isEmpty()) {
        return nullptr;
    }
    auto *dialog = new PostHistoryDialog(m_api, postId, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

MetricsEntryDialog *CampaignAnalyticsTab::openMetricsEntry()
{
    if (m_id.isEmpty()) {
        return nullptr;
    }
    auto *dialog = new MetricsEntryDialog(m_api, m_id, this);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &MetricsEntryDialog::saved, this,
            [this](const common::PostMetricsHistory &history) {
                m_message->setText(tr("Figures of %1 saved.")
                                           .arg(QLocale().toString(history.days.isEmpty()
                                                           ? QDate::currentDate()
                                                           : history.days.constLast().day,
                                                   QLocale::ShortFormat)));
                reload();
            });
    dialog->open();
    return dialog;
}

void CampaignAnalyticsTab::askReportPath()
{
    if (!m_analytics) {
        return;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = m_analytics->campaignName;
    name.replace(QRegularExpression(u"[^\\w-]+"_s), u"-"_s);
    auto *dialog = new QFileDialog(this, tr("Save the campaign report"),
            dir + u'/' + name + u"-report.pdf"_s, tr("PDF files (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"pdf"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, &CampaignAnalyticsTab::writeReport);
    dialog->open();
}

void CampaignAnalyticsTab::writeReport(const QString &path)
{
    if (!m_analytics || m_writing) {
        return;
    }
    m_writing = true;
    m_report->setEnabled(false);
    m_message->setText(tr("Writing the report…"));
    const auto write = [this, path] {
        CampaignReportData report;
        report.analytics = *m_analytics;
        report.emvTable = m_emvTable;
        report.generatedAt = QDateTime::currentDateTimeUtc();
        // QtCharts draws on the GUI thread only: the chart becomes an image here, the PDF is
        // written on a worker.
        TrendChart chart;
        chart.resize(900, 360);
        chart.setSeries(m_analytics->series, {Metric::Views}, {Metric::Engagements},
                {AnalyticsText::metricName(Metric::Views),
                        AnalyticsText::metricName(Metric::Engagements)});
        report.trendChart = chart.renderImage(QSize(900, 360));
        continueIn(this, CampaignReport::writeInBackground(path, std::move(report)),
                [this, path](const QString &error) {
                    m_writing = false;
                    m_report->setEnabled(m_state == State::Loaded);
                    m_message->setText(
                            error.isEmpty() ? tr("Report saved as %1.").arg(path) : error);
                    Q_EMIT reportWritten(path, error);
                });
    };
    const QString tableId = m_analytics->emvTable ? m_analytics->emvTable->id : QString();
    if (tableId.isEmpty() || (m_emvTable && m_emvTable->id == tableId)) {
        write();
        return;
    }
    // The table's values per action go into the report: asked for once.
    continueIn(this, m_calls.emvTables(),
            [this, write, tableId](const common::Result<QList<common::EmvTable>> &tables) {
                if (tables) {
                    for (const common::EmvTable &table : *tables) {
                        if (table.id == tableId) {
                            m_emvTable = table;
                        }
                    }
                }
                if (m_analytics) {
                    write();
                }
            });
}

QList<std::pair<QString, QString>> CampaignAnalyticsTab::csvFilters() const
{
    QList<std::pair<QString, QString>> filters;
    if (m_analytics) {
        filters.append({tr("Campaign"), m_analytics->campaignName});
        filters.append({tr("Period"), PeriodFilter::describe(m_period->period())});
        filters.append({tr("Currency"), m_analytics->currency});
    }
    return filters;
}

void CampaignAnalyticsTab::retranslate()
{
    setWindowTitle(tr("Analytics"));
    m_enter->setText(tr("&Enter figures…"));
    m_enter->setToolTip(tr("Type a day's figures of a live deliverable (Stories, say)."));
    m_report->setText(tr("PDF &report…"));
    m_trendSection->setTitle(tr("Performance over time"));
    m_creatorsSection->setTitle(tr("Per creator"));
    m_postsSection->setTitle(tr("Per post (double-click for its history)"));
    if (m_analytics) {
        const auto &a = *m_analytics;
        m_tiles->show(a.kpis, nullptr, a.currency);
        m_chart->setSeries(a.series, {Metric::Views}, {Metric::Engagements},
                {AnalyticsText::metricName(Metric::Views),
                        AnalyticsText::metricName(Metric::Engagements)});
        QString note = AnalyticsText::dataAsOf(a.dataAsOf);
        if (a.emvTable) {
            note += u" · "_s
                    + tr("EMV table: %1 (%2)")
                              .arg(a.emvTable->name,
                                      a.emvTable->custom ? tr("the brand's own")
                                                         : tr("the built-in default"));
        }
        m_asOf->setText(note + u" · "_s + tr("Hover over a figure for its formula."));
    }
    if (m_state == State::Idle) {
        m_states->showEmpty(tr("Open a campaign to see its figures."));
    }
}

void CampaignAnalyticsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
