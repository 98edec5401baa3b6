// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <QUuid>

#include <optional>

/// A discovery search (GET /api/v1/influencers) as the server checks it. The desktop app's
/// filters are common::DiscoveryQuery (DiscoveryApi.h): one value per filter and the sort as
/// text, which DiscoveryQuery::toQuery() writes into the parameters read here.
namespace influence::common {

/// The orders of a discovery search, each descending by its key and then by id.
enum class DiscoverySort { Relevance, Followers, Engagement, Growth, Authenticity };

/// Where a page of a search ended: its last creator's sort key and id. The next page starts
/// after it.
struct DiscoveryCursor
{
    double key = 0; ///< the key as the page's answer carried it (a bigint or a real, widened)
    QUuid id;
};

/// The parameters of GET /api/v1/influencers, checked.
struct DiscoverySearch
{
    QString text; ///< trimmed; empty: no free-text search
    QStringList niches;
    QString platform;
    QStringList countries;
    QStringList languages;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    std::optional<double> minEngagementRate;
    /// Minimum authenticity score (0–100); creators without one are left out.
    std::optional<int> minAuthenticity;
    /// A price filter: maxPrice (minor units of `currency`) for a deliverable type; set
    /// together, or none of them.
    QString deliverableType;
    std::optional<qint64> maxPrice;
    QString currency;
    DiscoverySort sort = DiscoverySort::Followers;
    int limit = 25;
    std::optional<DiscoveryCursor> after;
};

namespace discovery {

/// The largest page of a search (`limit`).
constexpr int kMaxLimit = 100;

/// The search a request's query parameters ask for: 400 invalid_parameter naming the parameter
/// for anything malformed (the first one found). The sort defaults to relevance with a search
/// text and to followers without; a cursor must come from a search with the same sort.
Result<DiscoverySearch> validateSearch(const QUrlQuery &query);

/// The sort's wire name (`sort=`).
QString sortName(DiscoverySort sort);

/// An opaque cursor for the page that ends at (`key`, `id`) of a search in `sort`;
/// validateSearch() reads it back.
QString encodeCursor(DiscoverySort sort, double key, const QUuid &id);

} // namespace discovery

} // namespace influence::common
