// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}
namespace influence::server::discovery {
class DiscoveryIndexLoader;
}

/// Recommendations: creators ranked by their fit with a campaign, each factor's part of the score
/// with its reasons, and creators like given ones.
namespace influence::server::recommendations {

class FeatureStore;

/// The largest page of recommendations, and of similar creators.
constexpr int kMaxRecommendations = 100;
constexpr int kMaxSimilar = 50;
/// The most creators `also` names.
constexpr int kMaxAlso = 20;

struct RecommendationQuery
{
    QUuid campaign;
    int limit = 20;
    /// The rank position to continue after (the cursor's).
    int offset = 0;
};

/// GET /campaigns/{id}/recommendations: `{items, nextCursor, generatedAt}`. The campaign's
/// brand staff and admins; a creator gets 403, another brand's staff 404.
common::Result<QByteArray> recommend(db::Connection &c, const http::Principal &p,
        discovery::DiscoveryIndexLoader &loader, const FeatureStore &store,
        const RecommendationQuery &query);

/// The cursor of the page after rank position `offset`, and back (nothing when malformed).
QString encodeCursor(int offset);
std::optional<int> decodeCursor(const QString &cursor);

struct SimilarQuery
{
    QUuid id;
    QList<QUuid> also;
    int limit = 10;
};

/// GET /influencers/{id}/similar: `{items}`, the creators most like `id` (and `also`), none of
/// them included. 404 when one of them is not a visible creator.
common::Result<QByteArray> similar(db::Connection &c, discovery::DiscoveryIndexLoader &loader,
        const FeatureStore &store, const SimilarQuery &query);

} // namespace influence::server::recommendations
