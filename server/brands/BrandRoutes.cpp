// SPDX-License-Identifier: Apache-2.0
// HTTP for a brand's staff: the route table and the reading of each route's input.
#include "BrandRoutes.h"

#include "Members.h"
#include "common/Validation.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::brands {

namespace {

Result<Work> myBrands(const Request & /*request*/)
{
    return Work([](Connection &c, const Principal &p) {
        return brands::brandsOf(c, p);
    });
}

Result<Work> listMembers(const Request &request)
{
    const auto brand = request.uuidParam(u"id"_s);
    if (!brand) {
        return brand.error();
    }
    return Work([brand = *brand](Connection &c, const Principal &p) {
        return brands::members(c, p, brand);
    });
}

Result<Work> add(const Request &request)
{
    const auto brand = request.uuidParam(u"id"_s);
    if (!brand) {
        return brand.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto user = common::validation::parseUuid(body->value(u"userId"_s).toString());
    if (!user) {
        return Error::validation({{u"userId"_s, u"required"_s, u"Must be a user id (UUID)."_s}});
    }
    return Work([brand = *brand, user = *user](Connection &c, const Principal &p) {
        return brands::addMember(c, p, brand, user);
    });
}

/// 204, or 404 when the user was no member.
Result<Work> remove(const Request &request)
{
    const auto brand = request.uuidParam(u"id"_s);
    const auto user = brand ? request.uuidParam(u"userId"_s) : Result<QUuid>(brand.error());
    if (!user) {
        return user.error();
    }
    return Work([brand = *brand, user = *user](Connection &c, const Principal &p) {
        return brands::removeMember(c, p, brand, user);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = Access::SignedIn;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/me/brands"_s, signedIn, myBrands},
                    {HttpMethod::Get, u"/api/v1/brands/{id}/members"_s, signedIn, listMembers},
                    {HttpMethod::Post, u"/api/v1/brands/{id}/members"_s, signedIn, add, 201},
                    {HttpMethod::Delete, u"/api/v1/brands/{id}/members/{userId}"_s, signedIn,
                            remove},
            });
}

} // namespace influence::server::brands
