// SPDX-License-Identifier: Apache-2.0
// CreatorProfileView: what the combined chart's lines stand for — the total's name, the notes on
// what it sums and on out-of-date figures, and the legend with each line's status.
#include "CreatorProfileView.h"
#include "profiles/MetricsModel.h"
#include "widgets/ChartLegend.h"

#include <QLabel>
#include <QLineSeries>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

QDate CreatorProfileView::periodEnd(QDate start) const
{
    // A point stands for the period that starts on its date: a week's figures reach six days
    // further, but never past the end of the span.
    const QDate end = m_span.interval == u"week"_s ? start.addDays(6) : start;
    return m_span.to.isValid() ? std::min(end, m_span.to) : end;
}

void CreatorProfileView::updateTotalNotes()
{
    const QLocale locale;
    QStringList without;
    QStringList stale;
    QList<ChartLegend::Entry> legend;
    int withHistory = 0;
    qint64 followersWithHistory = 0;
    const QDate today = QDate::currentDate();
    for (const AccountChart &chart : std::as_const(m_charts)) {
        const QString name = seriesName(chart.account);
        const QList<common::MetricPoint> &points = chart.model->points();
        ChartLegend::Entry entry{chart.combinedSeries->color(), name, {}};
        if (points.isEmpty()) {
            without.append(name);
            if (m_pendingMetrics == 0) {
                entry.status = tr("no figures in this period");
            }
            legend.append(entry);
            continue;
        }
        ++withHistory;
        followersWithHistory += chart.account.followers;
        const QDate last = periodEnd(points.constLast().date);
        const qint64 age = last.daysTo(today);
        if (age > kStaleDays) {
            const QString day = locale.toString(last, QLocale::ShortFormat);
            // More than kStaleDays: always a plural, in every language the app ships.
            stale.append(
                    tr("%1 (last figures %2, %3 days ago)").arg(name, day, locale.toString(age)));
            entry.status = tr("last figures %1").arg(day);
        }
        legend.append(entry);
    }
    const bool partial = m_pendingMetrics == 0 && withHistory > 0 && !without.isEmpty();
    // The header counts every account; the total line can add up only those with figures.
    m_totalSeries->setName(partial
                    ? tr("Total of %1 of %2 accounts")
                              .arg(locale.toString(withHistory), locale.toString(m_charts.size()))
                    : tr("Total"));
    m_totalNote->setVisible(partial);
    m_totalNote->setText(partial ? tr("The total adds up only the accounts with a history: "
                                      "%1 of %2 followers today. No history yet: %3.")
                                           .arg(locale.toString(followersWithHistory),
                                                   locale.toString(m_profile.totalFollowers),
                                                   without.join(u", "_s))
                                 : QString());
    // The legend names each line whole (QChart's own cut them off), with its figures' status.
    legend.prepend({m_totalSeries->color(), m_totalSeries->name(), {}});
    m_combinedLegend->setEntries(legend);
    m_staleNote->setVisible(m_pendingMetrics == 0 && !stale.isEmpty());
    m_staleNote->setText(stale.isEmpty()
                    ? QString()
                    : tr("These figures are out of date, no newer ones have arrived: %1.")
                              .arg(stale.join(u"; "_s)));
}

} // namespace influence::desktop
