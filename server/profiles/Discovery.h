// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace influence::server::http {
struct Request;
}
namespace influence::server::db {
class Connection;
}

namespace influence::server::profiles {

/// A discovery search: GET /api/v1/influencers's parameters, checked.
struct DiscoveryQuery
{
    enum class Sort { Relevance, Followers, Engagement, Growth };

    QString text;
    QStringList niches;
    QString platform;
    QStringList countries;
    QStringList languages;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    std::optional<double> minEngagementRate;
    QString deliverableType;
    std::optional<qint64> maxPrice;
    QString currency;
    Sort sort = Sort::Followers;
    int limit = 25;
    /// Where the previous page ended: its last sort key and id.
    std::optional<std::pair<QVariant, QString>> after;

    /// 400 invalid_parameter naming the parameter for anything malformed.
    static common::Result<DiscoveryQuery> fromRequest(const http::Request &request);
};

class DiscoveryIndex;

/// Runs a search: `{ items, nextCursor, total? }` as JSON. Pages are keyset-paginated on
/// (sort key, id), so that rows added meanwhile cause neither duplicates nor gaps. `total`
/// (exact up to 10 000, see `totalIsLowerBound`) comes with the first page only. The index
/// catches up with the database first and selects the page with its items; PostgreSQL matches
/// free text.
common::Result<QByteArray> discover(
        db::Connection &c, DiscoveryIndex &index, const DiscoveryQuery &query);

} // namespace influence::server::profiles
