// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace influence::desktop {

/// The counts of a post, a creator, a campaign or an interval, as the charts and tables pick
/// them.
enum class Metric {
    Views,
    Impressions,
    Reach,
    Engagements,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    WatchSeconds,
};

/// The figure `metric` of a set of figures, an interval of a series, or a day of a post's
/// history (none where the day has no such figure; engagements: the sum of the parts known).
qint64 figure(const common::AnalyticsFigures &figures, Metric metric);
qint64 figure(const common::AnalyticsPoint &point, Metric metric);
std::optional<qint64> figure(const common::PostMetricsHistory::Day &day, Metric metric);

/// The key figures the analytics pages show, as tiles, table columns and report rows.
enum class Kpi {
    Posts,
    Reach,
    Impressions,
    Views,
    Engagements,
    EngagementRate,
    Spend,
    Cpe,
    Cpm,
    Cpv,
    Emv,
    Roi,
};

/// Names, formulas and values of the analytics figures in the user's locale: counts with
/// thousands separators, rates as percentages, ratios of money with the currency, changes
/// against a previous period with an arrow; "–" for a figure that does not exist (a rate over
/// zero reach, a CPE without engagements).
class AnalyticsText
{
    Q_DECLARE_TR_FUNCTIONS(AnalyticsText)

public:
    static QString kpiName(Kpi kpi);
    /// How the figure is computed, in words ("Engagements / reach"), as the README states it.
    static QString formula(Kpi kpi);
    static QString metricName(Metric metric);
    /// The KPI's value (none when it does not exist); money in minor units.
    static std::optional<double> value(const common::AnalyticsKpis &kpis, Kpi kpi);
    /// The KPI's value as shown ("12,345", "4.2 %", "€0.35").
    static QString text(const common::AnalyticsKpis &kpis, Kpi kpi, const QString &currency);
    /// Whether a rise of the KPI is good news (green) or bad (red: CPE, CPM, CPV); spend is
    /// neither (grey).
    static int goodDirection(Kpi kpi);
    /// The relative change from `previous` to `current` (none when previous is 0 or absent).
    static std::optional<double> change(
            std::optional<double> current, std::optional<double> previous);
    /// "▲ 12.5 %", "▼ 3.0 %", "± 0 %"; "new" when there was nothing before.
    static QString changeText(std::optional<double> change, bool hadPrevious);

    static QString count(qint64 value);
    static QString count(std::optional<qint64> value);
    /// A share (0.042) as "4.2 %"; "–" for none.
    static QString percent(std::optional<double> share, int decimals = 1);
    /// Whole minor units as money ("€1,234.00").
    static QString money(qint64 minor, const QString &currency);
    /// As above; "–" for none.
    static QString money(std::optional<qint64> minor, const QString &currency);
    /// A ratio of minor units (CPE 35.27) as money with up to 4 decimals ("€0.3527"); "–".
    static QString ratioMoney(std::optional<double> minor, const QString &currency);
    /// The source of a figure ("platform", "manual", "import") in words.
    static QString source(const QString &source);
    /// A post's kind (reel, story, …) in words.
    static QString postKind(const QString &kind);
    /// A platform's name from its wire name.
    static QString platform(const QString &platform);
    /// "Figures as of 5 Dec 2026, 09:00" (or that there are none yet).
    static QString dataAsOf(const QDateTime &at);
};

} // namespace influence::desktop
