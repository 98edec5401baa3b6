// SPDX-License-Identifier: Apache-2.0
// HTTP for discovery: the route table, and the reading and checking of a search's parameters on
// the HTTP thread (400 before any database work) into the work on the database pool.
#include "DiscoveryRoutes.h"

#include "Discovery.h"
#include "DiscoveryIndex.h"
#include "DiscoveryIndexLoader.h"
#include "common/DiscoveryTypes.h"
#include "core/db/DbPool.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <QLoggingCategory>

#include <memory>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

// The index's start-up warning has always been logged under this category (discovery began as a
// part of profiles); log filters that name it keep matching.
Q_LOGGING_CATEGORY(lcProfiles, "influence.profiles")

namespace influence::server::discovery {

namespace {

using Loader = std::shared_ptr<DiscoveryIndexLoader>;

http::Prepare searchCreators(const Loader &loader)
{
    return [loader](const Request &request) -> Result<Work> {
        const auto search = common::discovery::validateSearch(request.query);
        if (!search) {
            return search.error();
        }
        return Work([loader, search = *search](Connection &c, const Principal &) {
            return discover(c, *loader, search);
        });
    };
}

} // namespace

std::shared_ptr<DiscoveryIndexLoader> registerRoutes(
        http::HttpContext &context, std::vector<std::shared_ptr<CreatorSink>> sinks)
{
    // The index loads at start; searches that arrive meanwhile wait for it (a few seconds at
    // 100 000 creators), and one that finds it not loaded (a failed load) loads it.
    auto loader = std::make_shared<DiscoveryIndexLoader>(
            std::make_shared<DiscoveryIndex>(), std::move(sinks));
    if (context.dbPool) {
        context.dbPool->tryRun([loader](Connection &c) {
            if (auto loaded = loader->catchUp(c); !loaded) {
                qCWarning(lcProfiles, "discovery index: loading failed: %s",
                        qPrintable(loaded.error().detail));
            }
        });
    }
    http::addRoutes(context,
            {
                    http::onReadReplica({HttpMethod::Get, u"/api/v1/influencers"_s,
                            Access::SignedIn, searchCreators(loader)}),
            });
    return loader;
}

} // namespace influence::server::discovery
