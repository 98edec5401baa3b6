// SPDX-License-Identifier: Apache-2.0
#include "CreatorPerformance.h"

#include "widgets/AnalyticsSection.h"
#include "widgets/AnalyticsTable.h"
#include "widgets/AnalyticsText.h"
#include "widgets/Async.h"
#include "widgets/KpiTiles.h"
#include "widgets/PeriodFilter.h"
#include "widgets/StateStack.h"
#include "widgets/TrendChart.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

CreatorPerformance::CreatorPerformance(common::ApiClient *api, const QString &stem, QWidget *parent)
    : QWidget(parent)
    , m_calls(api)
{
    setObjectName(stem);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 8, 0, 0);
    auto *header = new QHBoxLayout;
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_period = new PeriodFilter(stem);
    connect(m_period, &PeriodFilter::changed, this, &CreatorPerformance::reload);
    header->addWidget(m_title, 1);
    header->addWidget(m_period);
    outer->addLayout(header);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tiles = new KpiTiles(
            stem, {Kpi::Posts, Kpi::Reach, Kpi::Views, Kpi::Engagements, Kpi::EngagementRate}, 5);
    layout->addWidget(m_tiles);
    m_accounts = new QLabel;
    m_accounts->setObjectName(stem + u"Accounts"_s);
    m_accounts->setWordWrap(true);
    layout->addWidget(m_accounts);
    m_chart = new TrendChart;
    m_chart->setObjectName(stem + u"Chart"_s);
    m_chart->setMinimumHeight(260);
    layout->addWidget(m_chart);
    m_posts = new AnalyticsTable(this);
    QTableView *view = AnalyticsTable::makeView(m_posts, stem + u"Posts"_s, 10);
    view->setMinimumHeight(200);
    m_postsSection = new AnalyticsSection(stem + u"Posts"_s, view);
    m_postsSection->setCsv(u"creator-posts.csv"_s, [this] {
        return m_posts->csv();
    });
    layout->addWidget(m_postsSection);
    m_states = new StateStack(stem, content);
    connect(m_states, &StateStack::retryRequested, this, &CreatorPerformance::reload);
    outer->addWidget(m_states);
    retranslate();
    m_states->showEmpty(tr("No figures to show yet."));
}

void CreatorPerformance::showCreator(const QString &influencerId)
{
    if (influencerId != m_id) {
        m_analytics.reset();
    }
    m_id = influencerId;
    reload();
}

void CreatorPerformance::reload()
{
    if (m_id.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_state = State::Loading;
    m_states->showLoading(tr("Adding up the creator's figures…"));
    continueIn(this, m_calls.creator(m_id, m_period->period()),
            [this, generation](const common::Result<common::CreatorAnalytics> &answer) {
                if (generation != m_generation) {
                    return;
                }
                if (!answer) {
                    m_state = State::Error;
                    m_states->showError(answer.error());
                    return;
                }
                show(*answer);
            });
}

void CreatorPerformance::clear()
{
    ++m_generation;
    m_id.clear();
    m_analytics.reset();
    m_tiles->clear();
    m_chart->clear();
    m_posts->clear();
    m_accounts->clear();
    m_state = State::Idle;
    m_states->showEmpty(tr("No figures to show yet."));
}

void CreatorPerformance::show(const common::CreatorAnalytics &analytics)
{
    m_analytics = analytics;
    m_posts->setPosts(analytics.posts, QString());
    m_state = State::Loaded;
    retranslate();
    m_states->showContent();
}

void CreatorPerformance::retranslate()
{
    m_title->setText(tr("Performance"));
    m_postsSection->setTitle(tr("Recent posts"));
    if (!m_analytics) {
        return;
    }
    const common::CreatorAnalytics &a = *m_analytics;
    common::AnalyticsKpis kpis;
    static_cast<common::AnalyticsFigures &>(kpis) = a.kpis;
    m_tiles->show(kpis, nullptr, QString());
    QStringList lines;
    for (const common::CreatorAnalytics::Account &account : a.accounts) {
        const QString basis = account.engagementBasis == u"views"_s ? tr("engagements / views")
                                                                    : tr("engagements / followers");
        lines.append(tr("%1 @%2: %3 followers · engagement rate %4 (%5) · 30-day growth %6 · %7")
                             .arg(AnalyticsText::platform(account.platform), account.handle,
                                     AnalyticsText::count(account.followers),
                                     AnalyticsText::percent(account.engagementRate, 2), basis,
                                     AnalyticsText::percent(account.growth30d, 1),
                                     AnalyticsText::dataAsOf(account.dataAsOf)));
    }
    m_accounts->setText(lines.isEmpty() ? AnalyticsText::dataAsOf(a.dataAsOf) : lines.join(u'\n'));
    // Views and reach on the left; the engagement rate of each interval on the right.
    TrendChart::Line views{AnalyticsText::metricName(Metric::Views), {}, false, false, true,
            TrendChart::colorFor(0)};
    TrendChart::Line reach{AnalyticsText::metricName(Metric::Reach), {}, false, false, false,
            TrendChart::colorFor(2)};
    TrendChart::Line rate{AnalyticsText::kpiName(Kpi::EngagementRate), {}, true, true, false,
            TrendChart::colorFor(1)};
    for (const common::AnalyticsPoint &point : a.series) {
        views.points.append({point.start, double(point.views)});
        reach.points.append({point.start, double(point.reach)});
        rate.points.append({point.start,
                point.reach > 0 ? double(point.engagements) / double(point.reach) : 0.0});
    }
    m_chart->setLines({views, reach, rate});
}

void CreatorPerformance::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
