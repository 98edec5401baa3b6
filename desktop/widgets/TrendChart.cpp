// SPDX-License-Identifier: Apache-2.0
#include "TrendChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

qreal msecs(QDate day)
{
    return qreal(day.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

/// A value axis from 0 to a round number above `max` (a share shown as a percentage). Counts
/// reach at least 4, so that the five ticks are whole numbers: 0 to 1 labelled without decimals
/// read "0, 0, 0, 1, 1" (a new campaign's figures are all zero).
QValueAxis *valueAxis(double max, bool percent)
{
    auto *axis = new QValueAxis;
    const double scale = percent ? 100.0 : 1.0;
    const double top = percent ? (max <= 0 ? 1.0 : max * scale * 1.1) : std::max(max * 1.1, 4.0);
    axis->setRange(0, top);
    axis->setTickCount(5);
    axis->applyNiceNumbers();
    axis->setLabelFormat(percent ? (axis->max() <= 5 ? u"%.1f %%"_s : u"%.0f %%"_s) : u"%.0f"_s);
    return axis;
}

} // namespace

TrendChart::TrendChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->setBackgroundRoundness(0);
}

QColor TrendChart::colorFor(int index)
{
    static const QList<QColor> colors{{0x2a, 0x6f, 0xdb}, {0xe6, 0x6b, 0x1e}, {0x1e, 0x9e, 0x6a},
            {0x8e, 0x44, 0xad}, {0xc0, 0x1c, 0x28}};
    return colors.at(index % colors.size());
}

void TrendChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void TrendChart::setLines(const QList<Line> &lines)
{
    m_lines = lines;
    rebuild();
}

void TrendChart::setSeries(const QList<common::AnalyticsPoint> &series, const QList<Metric> &left,
        const QList<Metric> &right, const QStringList &names)
{
    QList<Line> lines;
    QList<Metric> metrics = left;
    metrics.append(right);
    for (int index = 0; index < metrics.size(); ++index) {
        Line line;
        line.name = names.value(index);
        line.rightAxis = index >= left.size();
        line.area = index == 0;
        line.color = colorFor(index);
        for (const common::AnalyticsPoint &point : series) {
            line.points.append({point.start, double(figure(point, metrics.at(index)))});
        }
        lines.append(line);
    }
    setLines(lines);
}

void TrendChart::clear()
{
    m_lines.clear();
    rebuild();
}

namespace {

/// What the axes must hold: the days, and the largest value and the kind of each side.
struct Bounds
{
    QDate first;
    QDate last;
    double max[2] = {0, 0}; ///< left, right
    bool percent[2] = {false, false};
    bool anyRight = false;
};

Bounds boundsOf(const QList<TrendChart::Line> &lines)
{
    Bounds b;
    for (const TrendChart::Line &line : lines) {
        const int side = line.rightAxis ? 1 : 0;
        for (const auto &[day, value] : line.points) {
            b.first = !b.first.isValid() || day < b.first ? day : b.first;
            b.last = !b.last.isValid() || day > b.last ? day : b.last;
            b.max[side] = std::max(b.max[side], value);
        }
        b.percent[side] = line.percent;
        b.anyRight = b.anyRight || line.rightAxis;
    }
    return b;
}

/// The line as a series: an area down to zero or a plain line, in its colour.
QAbstractSeries *seriesOf(const TrendChart::Line &line)
{
    auto *upper = new QLineSeries;
    const double scale = line.percent ? 100.0 : 1.0;
    for (const auto &[day, value] : line.points) {
        upper->append(msecs(day), value * scale);
    }
    QAbstractSeries *series = upper;
    if (line.area) {
        auto *area = new QAreaSeries(upper);
        upper->setParent(area); // an area series does not own its line
        QColor fill = line.color;
        fill.setAlpha(70);
        area->setBrush(fill);
        area->setPen(QPen(line.color, 2));
        series = area;
    } else {
        upper->setPen(QPen(line.color, 2));
    }
    series->setName(line.name);
    return series;
}

} // namespace

void TrendChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    c->setLocale(QLocale());
    c->setLocalizeNumbers(true);
    if (m_lines.isEmpty()) {
        return;
    }
    const Bounds b = boundsOf(m_lines);
    auto *time = new QDateTimeAxis;
    time->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_days = b.first.isValid() ? b.first.daysTo(b.last) : 0;
    if (b.first.isValid()) {
        time->setRange(b.first.startOfDay(Qt::UTC), b.last.startOfDay(Qt::UTC).addSecs(1));
    }
    c->addAxis(time, Qt::AlignBottom);
    fitDateTicks();
    QValueAxis *left = valueAxis(b.max[0], b.percent[0]);
    c->addAxis(left, Qt::AlignLeft);
    QValueAxis *right = nullptr;
    if (b.anyRight) {
        right = valueAxis(b.max[1], b.percent[1]);
        c->addAxis(right, Qt::AlignRight);
    }
    for (const Line &line : std::as_const(m_lines)) {
        QAbstractSeries *series = seriesOf(line);
        c->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(line.rightAxis && right ? right : left);
    }
    if (right) {
        // Each axis in the colour of its first line, so that a reader knows which is which.
        const auto firstRight =
                std::find_if(m_lines.cbegin(), m_lines.cend(), [](const Line &line) {
                    return line.rightAxis;
                });
        right->setLabelsColor(firstRight->color);
        left->setLabelsColor(m_lines.constFirst().color);
    }
}

QImage TrendChart::renderImage(QSize size, qreal ratio) const
{
    // The chart itself at that size (the view may be hidden or of another size): laid out
    // anew, drawn, and put back.
    QChart *c = chart();
    const QSizeF before = c->size();
    c->resize(size);
    if (QGraphicsLayout *layout = c->layout()) {
        layout->activate();
    }
    QImage image(size * ratio, QImage::Format_ARGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        c->scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(c->pos(), size));
    }
    c->resize(before);
    return image;
}

void TrendChart::fitDateTicks()
{
    const QList<QAbstractAxis *> axes = chart()->axes(Qt::Horizontal);
    auto *time = qobject_cast<QDateTimeAxis *>(axes.value(0));
    if (!time) {
        return;
    }
    const int room = std::clamp(
            int(chart()->plotArea().width() > 0 ? chart()->plotArea().width() : width() - 120) / 85,
            2, 7);
    time->setTickCount(m_days < 5 ? 2 : int(std::min<qint64>(room, m_days + 1)));
}

void TrendChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    fitDateTicks();
}

void TrendChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LocaleChange || event->type() == QEvent::LanguageChange) {
        rebuild();
    }
    QChartView::changeEvent(event);
}

} // namespace influence::desktop
