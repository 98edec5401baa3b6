// SPDX-License-Identifier: Apache-2.0
// HTTP for recommendations: the route table, and the reading and checking of the parameters on
// the HTTP thread (the token first, then 400 before any database work).
#include "RecommendationRoutes.h"

#include "FeatureStore.h"
#include "Recommendations.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"
#include "discovery/DiscoveryIndexLoader.h"

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::recommendations {

namespace {

using Loader = std::shared_ptr<discovery::DiscoveryIndexLoader>;
using Store = std::shared_ptr<const FeatureStore>;

http::Prepare recommendCreators(const Loader &loader, const Store &store)
{
    return [loader, store](const Request &request) -> Result<Work> {
        auto campaign = request.uuidParam(u"id"_s);
        if (!campaign) {
            return campaign.error();
        }
        auto limit = http::limitOf(request, 20, kMaxRecommendations);
        if (!limit) {
            return limit.error();
        }
        RecommendationQuery query{*campaign, *limit, 0};
        if (request.hasQuery(u"cursor"_s)) {
            const auto offset = decodeCursor(request.queryValue(u"cursor"_s));
            if (!offset) {
                return http::invalidParameter(u"cursor"_s, u"Is not a cursor from this list."_s);
            }
            query.offset = *offset;
        }
        return Work([loader, store, query](Connection &c, const Principal &p) {
            return recommend(c, p, *loader, *store, query);
        });
    };
}

http::Prepare similarCreators(const Loader &loader, const Store &store)
{
    return [loader, store](const Request &request) -> Result<Work> {
        auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        auto limit = http::limitOf(request, 10, kMaxSimilar);
        if (!limit) {
            return limit.error();
        }
        SimilarQuery query{*id, {}, *limit};
        const QString also = request.queryValue(u"also"_s);
        for (const QString &part : also.split(u',', Qt::SkipEmptyParts)) {
            const QUuid other = QUuid::fromString(part.trimmed());
            if (other.isNull()) {
                return http::invalidParameter(
                        u"also"_s, u"Must be creator ids, comma separated."_s);
            }
            query.also.append(other);
        }
        if (query.also.size() > kMaxAlso) {
            return http::invalidParameter(
                    u"also"_s, u"Names at most %1 more creators."_s.arg(kMaxAlso));
        }
        return Work([loader, store, query](Connection &c, const Principal &) {
            return similar(c, *loader, *store, query);
        });
    };
}

} // namespace

void registerRoutes(http::HttpContext &context,
        const std::shared_ptr<discovery::DiscoveryIndexLoader> &loader,
        const std::shared_ptr<const FeatureStore> &store)
{
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/campaigns/{id}/recommendations"_s, Access::SignedIn,
                            recommendCreators(loader, store)},
                    {HttpMethod::Get, u"/api/v1/influencers/{id}/similar"_s, Access::SignedIn,
                            similarCreators(loader, store)},
            });
}

} // namespace influence::server::recommendations
