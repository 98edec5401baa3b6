// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "widgets/AnalyticsText.h"

#include <QChartView>
#include <QColor>
#include <QDate>
#include <QImage>
#include <QList>
#include <QString>

namespace influence::desktop {

/// Figures over time as a chart: one or two value axes (counts on the left, a second scale or
/// rates on the right), dates below, numbers in the user's locale (thousands separators), and
/// the first line as a filled area. Pages give it lines (setLines) or an analytics series with
/// the figures to draw (setSeries); it can render itself into an image for a report.
class TrendChart : public QChartView
{
    Q_OBJECT

public:
    struct Line
    {
        QString name;
        QList<std::pair<QDate, double>> points;
        bool rightAxis = false; ///< drawn against the right-hand axis
        bool percent = false; ///< values are shares (0.042 = 4.2 %), the axis says so
        bool area = false; ///< filled down to zero
        QColor color;
    };

    explicit TrendChart(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setLines(const QList<Line> &lines);
    /// `left` drawn as an area against the left axis and `right` as a line against the right
    /// one (their scales differ by orders of magnitude: views and engagements).
    void setSeries(const QList<common::AnalyticsPoint> &series, const QList<Metric> &left,
            const QList<Metric> &right, const QStringList &names);
    void clear();
    const QList<Line> &lines() const { return m_lines; }
    /// The chart laid out at `size` and drawn at `ratio` times that many pixels, white behind,
    /// for a report.
    QImage renderImage(QSize size, qreal ratio = 2.0) const;

    /// Colours the pages use for the usual figures.
    static QColor colorFor(int index);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    /// As many dates under the chart as fit its width.
    void fitDateTicks();

    QList<Line> m_lines;
    qint64 m_days = 0;
};

} // namespace influence::desktop
