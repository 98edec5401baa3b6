// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DashboardCache.h"
#include "common/AnalyticsTypes.h"
#include "core/db/Connection.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QUuid>

#include <optional>

/// The analytics dashboards (0012_analytics.sql builds their JSON): a campaign's, the brand
/// overview and a creator's. Figures and series come from the rollup, per-post figures from two
/// primary-key lookups per post; nothing aggregates raw post_metrics per request. The campaign's
/// and the overview's answers are kept in a DashboardCache under the versions of what they read
/// (0026_analytics_speed.sql), so a repeated read costs one look-up of those versions.
namespace influence::server::analytics {

/// A campaign's KPIs, series, creators and posts: brand staff of its brand and administrators
/// (404 for anyone else).
common::Result<QByteArray> campaignAnalytics(db::Connection &c, DashboardCache &cache,
        const http::Principal &p, const QUuid &campaign, const common::AnalyticsPeriod &period);

struct OverviewQuery
{
    common::AnalyticsPeriod period;
    std::optional<QUuid> campaign;
    QString currency; ///< empty: that of most campaigns
};
/// The campaigns of the brands the caller acts for: 403 for creators and users acting for no
/// brand, 404 for a campaign that is not theirs.
common::Result<QByteArray> overview(db::Connection &c, DashboardCache &cache,
        const http::Principal &p, const OverviewQuery &query);

/// A creator's posts and accounts: the creator, brand staff and administrators (404 for other
/// creators, unknown or disabled creators).
common::Result<QByteArray> creatorAnalytics(db::Connection &c, const http::Principal &p,
        const QUuid &creator, const common::AnalyticsPeriod &period);

} // namespace influence::server::analytics
