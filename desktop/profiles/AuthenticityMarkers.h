// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileApi.h"

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QObject>
#include <QPointF>

#include <array>
#include <optional>

class QChartView;
class QScatterSeries;

namespace influence::desktop {

/// The authenticity detector's findings in words and colours. The server words its reasons in
/// English only; these are made from each event's facts (kind, size, days, date), so that they
/// follow the user's language.
class AuthenticityText
{
    Q_DECLARE_TR_FUNCTIONS(AuthenticityText)

public:
    /// "Followers jumped 12 % on 4/5/26 without more views or engagement".
    static QString reason(const common::AuthenticityEvent &event);
    /// What a kind of event is, in a few words ("Bought followers?").
    static QString kindName(common::AuthenticityEvent::Kind kind);
    /// The markers' colour for a kind: red for a step, orange for churn, green for organic.
    static QColor color(common::AuthenticityEvent::Kind kind);
    /// "87 of 100", or that there is no score yet.
    static QString score(std::optional<int> score);
};

/// An account's follower chart's detected events as markers (a QScatterSeries per kind of event,
/// coloured by kind) on the followers line, each with its reason in a tooltip on hover. Owned by
/// the chart view; CreatorProfileCharts hands it the events and the points once they arrive.
class AuthenticityMarkers : public QObject
{
    Q_OBJECT

public:
    /// The markers of `view`, made on first use.
    static AuthenticityMarkers *of(QChartView *view);

    /// Shows the events whose first day falls from `from` to `to` on the line of `points` (each
    /// the start of a period, oldest first): a marker sits on the period that holds its day.
    void show(const QList<common::AuthenticityEvent> &events,
            const QList<common::MetricPoint> &points, QDate from, QDate to);
    /// Markers shown, over every kind.
    int count() const { return static_cast<int>(m_tips.size()); }
    /// The series of a kind; null while it has no markers yet.
    QScatterSeries *series(common::AuthenticityEvent::Kind kind) const;
    /// The reasons of the markers at `point` (a line each); empty when none is there.
    QString toolTipAt(const QPointF &point) const;

private:
    explicit AuthenticityMarkers(QChartView *view);
    QScatterSeries *makeSeries(common::AuthenticityEvent::Kind kind);
    void hover(const QPointF &point, bool state);

    struct Tip
    {
        QPointF point;
        common::AuthenticityEvent event;
    };

    QChartView *m_view;
    std::array<QScatterSeries *, 3> m_series{};
    QList<Tip> m_tips;
};

} // namespace influence::desktop
