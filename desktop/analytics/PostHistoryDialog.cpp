// SPDX-License-Identifier: Apache-2.0
#include "PostHistoryDialog.h"

#include "widgets/AnalyticsSection.h"
#include "widgets/AnalyticsTable.h"
#include "widgets/AnalyticsText.h"
#include "widgets/Async.h"
#include "widgets/StateStack.h"
#include "widgets/TrendChart.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

PostHistoryDialog::PostHistoryDialog(common::ApiClient *api, QString postId, QWidget *parent)
    : QDialog(parent)
    , m_analytics(api)
    , m_postId(std::move(postId))
{
    setObjectName(u"postHistoryDialog"_s);
    setWindowTitle(tr("Post history"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 620);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(u"postHistoryTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setOpenExternalLinks(true);
    layout->addWidget(m_title);
    m_chart = new TrendChart;
    m_chart->setObjectName(u"postHistoryChart"_s);
    layout->addWidget(m_chart, 1);
    m_days = new AnalyticsTable(this);
    QTableView *view = AnalyticsTable::makeView(m_days, u"postHistoryDays"_s);
    m_daysSection = new AnalyticsSection(u"postHistoryDays"_s, view);
    m_daysSection->setTitle(tr("Day by day (lifetime totals as of each day)"));
    m_daysSection->setCsv(u"post-history.csv"_s, [this] {
        return m_days->csv();
    });
    layout->addWidget(m_daysSection, 1);
    m_states = new StateStack(u"postHistory"_s, content);
    connect(m_states, &StateStack::retryRequested, this, &PostHistoryDialog::reload);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_states, 1);
    outer->addWidget(buttons);
    reload();
}

void PostHistoryDialog::reload()
{
    const quint64 generation = ++m_generation;
    m_state = State::Loading;
    m_states->showLoading(tr("Loading the post's history…"));
    continueIn(this, m_analytics.postMetrics(m_postId),
            [this, generation](const common::Result<common::PostMetricsHistory> &answer) {
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

void PostHistoryDialog::show(const common::PostMetricsHistory &history)
{
    ++m_generation;
    m_history = history;
    const common::AnalyticsPost &post = history.post;
    QString title = u"<b>%1</b> · %2 · %3"_s.arg(post.displayName.toHtmlEscaped(),
            AnalyticsText::platform(post.platform), AnalyticsText::postKind(post.kind));
    if (post.publishedAt.isValid()) {
        title += u" · "_s
                + tr("published %1")
                          .arg(QLocale().toString(
                                  post.publishedAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (!post.url.isEmpty()) {
        title += u"<br><a href=\"%1\">%2</a>"_s.arg(
                post.url.toHtmlEscaped(), post.url.toHtmlEscaped());
    }
    if (!post.caption.isEmpty()) {
        title += u"<br>"_s + post.caption.toHtmlEscaped();
    }
    m_title->setText(title);
    QList<common::AnalyticsPoint> points;
    for (const common::PostMetricsHistory::Day &day : history.days) {
        common::AnalyticsPoint point;
        point.start = day.day;
        point.views = figure(day, Metric::Views).value_or(0);
        point.engagements = figure(day, Metric::Engagements).value_or(0);
        points.append(point);
    }
    m_chart->setSeries(points, {Metric::Views}, {Metric::Engagements},
            {AnalyticsText::metricName(Metric::Views),
                    AnalyticsText::metricName(Metric::Engagements)});
    m_days->setDays(history.days);
    m_state = State::Loaded;
    if (history.days.isEmpty()) {
        m_states->showEmpty(tr("No figures for this post yet."));
    } else {
        m_states->showContent();
    }
}

} // namespace influence::desktop
