// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JsonReply.h"
#include "ProfileTypes.h"
#include "Result.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace influence::common {

class ApiClient;

/// The filters and sort of GET /api/v1/influencers; empty members are not sent.
struct DiscoveryQuery
{
    QString text;
    QString niche;
    QString platform;
    QString country;
    QString language;
    std::optional<qint64> minFollowers;
    std::optional<qint64> maxFollowers;
    std::optional<double> minEngagementRate;
    std::optional<int> minAuthenticity; ///< 0–100
    /// A price filter: charges at most maxPrice (minor units of `currency`) for a deliverable
    /// of `deliverableType` (a wire name). Sent only with all three set, as the server needs;
    /// the type alone says which rate the results show.
    QString deliverableType;
    std::optional<qint64> maxPrice;
    QString currency; ///< ISO 4217
    QString sort; ///< relevance, followers, engagement, growth, authenticity; empty: the default
    int limit = 50;

    QUrlQuery toQuery(const QString &cursor) const;
    bool operator==(const DiscoveryQuery &) const = default;
};

/// One creator in a discovery result.
struct DiscoveryItem
{
    QString id;
    QString displayName;
    QString country;
    QStringList niches;
    QStringList languages;
    QStringList platforms;
    qint64 totalFollowers = 0;
    std::optional<double> engagementRate;
    std::optional<double> growth30d;
    std::optional<int> authenticityScore; ///< 0–100; none until the creator is assessed
    QList<Rate> rates; ///< at most one per deliverable type, in the creator's currency

    /// The creator's rate for `type` (a wire name); none when they give no price for it.
    std::optional<Money> rate(const QString &type) const;

    static Result<DiscoveryItem> fromJson(const QJsonObject &json);
};

/// A page of a discovery result; `total` only on the first page.
struct DiscoveryPage
{
    QList<DiscoveryItem> items;
    QString nextCursor; ///< empty on the last page
    std::optional<qint64> total;

    static Result<DiscoveryPage> fromJson(const QJsonObject &json);
};

/// The search for creators. Holds no state but the client; copy it freely.
class DiscoveryApi
{
public:
    explicit DiscoveryApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/influencers: one page of creators; `cursor` is the previous page's nextCursor.
    QFuture<Result<DiscoveryPage>> discover(
            const DiscoveryQuery &query, const QString &cursor) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
