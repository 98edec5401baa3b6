// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QImage>
#include <QString>

#include <optional>

namespace influence::desktop {

/// What a campaign's client report shows, gathered on the GUI thread (the chart drawn into an
/// image there: QtCharts lives on the GUI thread) and written as PDF on a worker.
struct CampaignReportData
{
    common::CampaignAnalytics analytics;
    std::optional<common::EmvTable> emvTable; ///< the rates of analytics.emvTable, if known
    QImage trendChart; ///< views and engagements over the period
    QDateTime generatedAt;
};

/// The PDF client report of a campaign (QPdfWriter, A4): a title page with the campaign and
/// the period; the KPI table with each formula; the charts (performance over time, engagements
/// per creator); the per-creator and per-post tables; and the EMV table used, with its values
/// per action. Tables continue on the next page with their header repeated.
class CampaignReport
{
    Q_DECLARE_TR_FUNCTIONS(CampaignReport)

public:
    /// Writes the report to `path`; answers an error sentence (empty on success). Runs on any
    /// thread.
    static QString write(const QString &path, const CampaignReportData &data);
    /// write() on a worker thread.
    static QFuture<QString> writeInBackground(const QString &path, CampaignReportData data);
};

} // namespace influence::desktop
