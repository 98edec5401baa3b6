// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsTypes.h"
#include "core/db/Connection.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QDate>
#include <QUuid>

/// A post's figures by hand (0011_posts.sql, 0012_analytics.sql): its daily history, and a
/// day's figures typed in for a live deliverable where no platform gives them (Stories).
namespace influence::server::analytics {

/// {"post", "days"}: brand staff of the post's campaign, its creator and administrators (404 for
/// anyone else).
common::Result<QByteArray> postMetrics(
        db::Connection &c, const http::Principal &p, const QUuid &post);

/// Writes a live deliverable's figures of `day` (source manual), creating its post (url: the
/// live URL) when it has none: brand staff of the deal's brand, the deal's creator and
/// administrators (404 for anyone else); 409 deliverable_not_live before it is live; 422 for a
/// day before the post's publication. Answers the post's history.
common::Result<QByteArray> enterMetrics(db::Connection &c, const http::Principal &p,
        const QUuid &deliverable, const QDate &day, const common::ManualMetricsInput &input);

} // namespace influence::server::analytics
