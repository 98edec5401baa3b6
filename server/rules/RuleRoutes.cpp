// SPDX-License-Identifier: Apache-2.0
// HTTP for rules: the route table, and for each route the reading and checking of its input on
// the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "RuleRoutes.h"

#include "brands/BrandOwned.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::Page;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::rules {

namespace {

Result<Work> listRoute(const Request &request)
{
    const auto brand = http::optionalUuidOf(request, u"brand"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!brand || !page) {
        return !brand ? brand.error() : page.error();
    }
    return Work([brand = *brand, page = *page](Connection &c, const Principal &p) {
        return list(c, p, brand, page);
    });
}

Result<Work> createRoute(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto rule = parseRuleDefinition(*body);
    const auto brand = brands::brandIdOf(*body);
    if (!rule || !brand) {
        return !rule ? rule.error() : brand.error();
    }
    return Work([rule = *rule, brand = *brand](Connection &c, const Principal &p) {
        return create(c, p, rule, brand);
    });
}

Result<Work> updateRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    return Work([id = *id, patch = *body](Connection &c, const Principal &p) {
        return update(c, p, id, patch);
    });
}

Result<Work> removeRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return remove(c, p, id);
    });
}

Result<Work> firingsRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!id || !page) {
        return !id ? id.error() : page.error();
    }
    return Work([id = *id, page = *page](Connection &c, const Principal &p) {
        return firings(c, p, id, page);
    });
}

Result<Work> templatesRoute(const Request & /*request*/)
{
    return Work([](Connection &, const Principal &p) {
        return templates(p);
    });
}

Result<Work> dryRunRoute(const Request &request, const ContextPtr &context)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto rule = parseRuleDefinition(*body, NameRule::Optional);
    const auto brand = brands::brandIdOf(*body);
    if (!rule || !brand) {
        return !rule ? rule.error() : brand.error();
    }
    return Work([context, rule = *rule, brand = *brand](Connection &c, const Principal &p) {
        return dryRun(c, p, *context, rule, brand);
    });
}

Result<Work> dryRunSavedRoute(const Request &request, const ContextPtr &context)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([context, id = *id](Connection &c, const Principal &p) {
        return dryRunSaved(c, p, *context, id);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, const ContextPtr &rules)
{
    constexpr auto signedIn = Access::SignedIn;
    const QString one = u"/api/v1/rules/{id}"_s;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/rules"_s, signedIn, listRoute},
                    {HttpMethod::Post, u"/api/v1/rules"_s, signedIn, createRoute, 201},
                    {HttpMethod::Get, u"/api/v1/rules/templates"_s, signedIn, templatesRoute},
                    {HttpMethod::Post, u"/api/v1/rules/dry-run"_s, signedIn,
                            http::bind(rules, dryRunRoute)},
                    {HttpMethod::Get, one, signedIn, http::onId(read)},
                    {HttpMethod::Patch, one, signedIn, updateRoute},
                    {HttpMethod::Delete, one, signedIn, removeRoute},
                    {HttpMethod::Post, one + u"/dry-run"_s, signedIn,
                            http::bind(rules, dryRunSavedRoute)},
                    {HttpMethod::Get, one + u"/firings"_s, signedIn, firingsRoute},
            });
}

} // namespace influence::server::rules
