// SPDX-License-Identifier: Apache-2.0
#include "AuthenticityMarkers.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLocale>
#include <QScatterSeries>
#include <QStringList>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;
using Kind = influence::common::AuthenticityEvent::Kind;

namespace influence::desktop {

namespace {

int kindIndex(Kind kind)
{
    return static_cast<int>(kind);
}

/// The size as a percentage, as the server writes it: whole from 10 % up, else one decimal.
QString percent(double size)
{
    const double p = size * 100.0;
    const bool whole = p >= 10.0 || std::abs(p - std::round(p)) < 0.05;
    return QLocale().toString(p, 'f', whole ? 0 : 1) + u" %"_s;
}

} // namespace

QString AuthenticityText::reason(const common::AuthenticityEvent &event)
{
    const QString size = percent(event.size);
    const QString date = QLocale().toString(event.day, QLocale::ShortFormat);
    const bool ramp = event.lengthDays > 1;
    // More than one day: always a plural in the languages the app ships.
    switch (event.kind) {
    case Kind::FollowerStep:
        return ramp
                ? tr("Followers rose %1 over %2 days from %3 without more views or engagement")
                          .arg(size, QLocale().toString(event.lengthDays), date)
                : tr("Followers jumped %1 on %2 without more views or engagement").arg(size, date);
    case Kind::OrganicSpike:
        return ramp ? tr("Followers rose %1 over %2 days from %3 with a views or engagement "
                         "spike (organic)")
                              .arg(size, QLocale().toString(event.lengthDays), date)
                    : tr("Followers jumped %1 on %2 with a views or engagement spike (organic)")
                              .arg(size, date);
    case Kind::Churn:
        return ramp ? tr("Followers rose %1 over %2 days from %3 and fell back within days "
                         "(follow/unfollow churn)")
                              .arg(size, QLocale().toString(event.lengthDays), date)
                    : tr("Followers jumped %1 on %2 and fell back within days (follow/unfollow "
                         "churn)")
                              .arg(size, date);
    }
    return {};
}

QString AuthenticityText::kindName(Kind kind)
{
    switch (kind) {
    case Kind::FollowerStep: return tr("Follower jump without attention (bought followers?)");
    case Kind::OrganicSpike: return tr("Organic spike");
    case Kind::Churn: return tr("Follow/unfollow churn");
    }
    return {};
}

QColor AuthenticityText::color(Kind kind)
{
    switch (kind) {
    case Kind::FollowerStep: return QColor(0xd6, 0x27, 0x28);
    case Kind::OrganicSpike: return QColor(0x2c, 0xa0, 0x2c);
    case Kind::Churn: return QColor(0xff, 0x7f, 0x0e);
    }
    return Qt::gray;
}

QString AuthenticityText::score(std::optional<int> score)
{
    return score ? tr("%1 of 100").arg(QLocale().toString(*score))
                 : tr("not assessed yet (the history is too short to judge)");
}

AuthenticityMarkers::AuthenticityMarkers(QChartView *view)
    : QObject(view)
    , m_view(view)
{
    setObjectName(u"authenticityMarkers"_s);
}

AuthenticityMarkers *AuthenticityMarkers::of(QChartView *view)
{
    auto *markers = view->findChild<AuthenticityMarkers *>(
            u"authenticityMarkers"_s, Qt::FindDirectChildrenOnly);
    return markers ? markers : new AuthenticityMarkers(view);
}

QScatterSeries *AuthenticityMarkers::series(Kind kind) const
{
    return m_series.at(static_cast<std::size_t>(kindIndex(kind)));
}

QScatterSeries *AuthenticityMarkers::makeSeries(Kind kind)
{
    QScatterSeries *&series = m_series.at(static_cast<std::size_t>(kindIndex(kind)));
    if (series) {
        return series;
    }
    QChart *chart = m_view->chart();
    series = new QScatterSeries;
    series->setObjectName(u"authenticityMarkers-%1"_s.arg(kindIndex(kind)));
    series->setName(AuthenticityText::kindName(kind));
    series->setMarkerShape(kind == Kind::OrganicSpike ? QScatterSeries::MarkerShapeCircle
                                                      : QScatterSeries::MarkerShapeTriangle);
    series->setMarkerSize(11);
    series->setColor(AuthenticityText::color(kind));
    series->setBorderColor(AuthenticityText::color(kind).darker(140));
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes()) {
        series->attachAxis(axis);
    }
    connect(series, &QScatterSeries::hovered, this, &AuthenticityMarkers::hover);
    return series;
}

void AuthenticityMarkers::show(const QList<common::AuthenticityEvent> &events,
        const QList<common::MetricPoint> &points, QDate from, QDate to)
{
    m_tips.clear();
    std::array<QList<QPointF>, 3> byKind;
    for (const common::AuthenticityEvent &event : events) {
        if (event.day < from || event.day > to) {
            continue;
        }
        // The period that holds the day: the last one starting on it or before.
        const auto after = std::upper_bound(points.cbegin(), points.cend(), event.day,
                [](QDate day, const common::MetricPoint &point) {
                    return day < point.date;
                });
        if (after == points.cbegin()) {
            continue; // before the first figures: nothing to put it on
        }
        const common::MetricPoint &period = *std::prev(after);
        const QPointF point(static_cast<qreal>(period.date.startOfDay(Qt::UTC).toMSecsSinceEpoch()),
                static_cast<qreal>(period.followers));
        m_tips.append({point, event});
        byKind.at(static_cast<std::size_t>(kindIndex(event.kind))).append(point);
    }
    for (const Kind kind : {Kind::FollowerStep, Kind::OrganicSpike, Kind::Churn}) {
        const QList<QPointF> &list = byKind.at(static_cast<std::size_t>(kindIndex(kind)));
        // A series only for kinds this account has: each one added lays the chart out again.
        if (QScatterSeries *series = list.isEmpty() ? this->series(kind) : makeSeries(kind)) {
            series->replace(list);
        }
    }
}

QString AuthenticityMarkers::toolTipAt(const QPointF &point) const
{
    // The marker nearest in time (a hover names the marker's own point; a day is 86.4e6 ms).
    const Tip *nearest = nullptr;
    for (const Tip &tip : m_tips) {
        if (!nearest
                || std::abs(tip.point.x() - point.x()) < std::abs(nearest->point.x() - point.x())) {
            nearest = &tip;
        }
    }
    QStringList lines;
    for (const Tip &tip : m_tips) {
        if (nearest && tip.point == nearest->point && std::abs(tip.point.x() - point.x()) < 864e5) {
            lines.append(AuthenticityText::kindName(tip.event.kind) + u": "_s
                    + AuthenticityText::reason(tip.event));
        }
    }
    return lines.join(u'\n');
}

void AuthenticityMarkers::hover(const QPointF &point, bool state)
{
    const QString text = state ? toolTipAt(point) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), text, m_view);
}

} // namespace influence::desktop
