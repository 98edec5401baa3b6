// SPDX-License-Identifier: Apache-2.0
// HTTP for campaigns: the route table, and for each route the reading and checking of its input
// on the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "CampaignRoutes.h"

#include "Campaigns.h"
#include "common/Validation.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::CampaignAction;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::campaigns {

namespace {

Result<Work> createCampaign(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    std::optional<QUuid> brand;
    if (body->contains(u"brandId"_s) && !body->value(u"brandId"_s).isNull()) {
        const auto id = common::validation::parseUuid(body->value(u"brandId"_s).toString());
        if (!id) {
            return Error::validation({{u"brandId"_s, u"invalid_format"_s, u"Must be a UUID."_s}});
        }
        brand = *id;
    }
    const auto command = common::collab::validateCampaignCommand(*body);
    if (!command) {
        return command.error();
    }
    return Work([command = *command, brand](Connection &c, const Principal &p) {
        return campaigns::create(c, p, command, brand);
    });
}

Result<Work> listCampaigns(const Request &request)
{
    ListQuery query;
    const QString view = request.queryValue(u"view"_s);
    if (view == u"open"_s) {
        query.view = View::Open;
    } else if (!view.isEmpty() && view != u"own"_s) {
        return http::invalidParameter(u"view"_s, u"Must be own or open."_s);
    }
    if (request.hasQuery(u"status"_s)) {
        query.status =
                common::collabFromString<common::CampaignStatus>(request.queryValue(u"status"_s));
        if (!query.status) {
            return http::invalidParameter(u"status"_s,
                    u"Must be one of: %1."_s.arg(
                            common::collabNames<common::CampaignStatus>().join(u", "_s)));
        }
    }
    const auto brand = http::optionalUuidOf(request, u"brandId"_s);
    if (!brand) {
        return brand.error();
    }
    query.brand = *brand;
    const auto paging = http::pageOf(request, db::Page::Order::NewestFirst);
    if (!paging) {
        return paging.error();
    }
    query.page = *paging;
    // A creator's default is the open campaigns; the brand side's its own.
    const bool defaultView = view.isEmpty();
    return Work([query, defaultView](Connection &c, const Principal &p) {
        ListQuery effective = query;
        if (defaultView && p.role() == common::UserRole::Influencer) {
            effective.view = View::Open;
        }
        return campaigns::list(c, p, effective);
    });
}

Result<Work> readCampaign(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return campaigns::read(c, p, id);
    });
}

Result<Work> patchCampaign(const Request &request)
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
        return campaigns::update(c, p, id, patch);
    });
}

http::Prepare campaignAction(CampaignAction action)
{
    return [action](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        return Work([id = *id, action](Connection &c, const Principal &p) {
            return campaigns::transition(c, p, id, action);
        });
    };
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = Access::SignedIn;
    http::addRoutes(context,
            {
                    {HttpMethod::Post, u"/api/v1/campaigns"_s, signedIn, createCampaign, 201},
                    {HttpMethod::Get, u"/api/v1/campaigns"_s, signedIn, listCampaigns},
                    {HttpMethod::Get, u"/api/v1/campaigns/{id}"_s, signedIn, readCampaign},
                    // A budget change moves money: the same request is answered once.
                    {HttpMethod::Patch, u"/api/v1/campaigns/{id}"_s, signedIn, patchCampaign, 200,
                            http::Idempotency::Honoured},
                    {HttpMethod::Post, u"/api/v1/campaigns/{id}/launch"_s, signedIn,
                            campaignAction(CampaignAction::Launch)},
                    {HttpMethod::Post, u"/api/v1/campaigns/{id}/pause"_s, signedIn,
                            campaignAction(CampaignAction::Pause)},
                    {HttpMethod::Post, u"/api/v1/campaigns/{id}/resume"_s, signedIn,
                            campaignAction(CampaignAction::Resume)},
                    {HttpMethod::Post, u"/api/v1/campaigns/{id}/complete"_s, signedIn,
                            campaignAction(CampaignAction::Complete)},
                    {HttpMethod::Post, u"/api/v1/campaigns/{id}/cancel"_s, signedIn,
                            campaignAction(CampaignAction::Cancel)},
            });
}

} // namespace influence::server::campaigns
