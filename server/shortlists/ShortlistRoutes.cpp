// SPDX-License-Identifier: Apache-2.0
// HTTP for shortlists: the route table, and for each route the reading and checking of its input
// on the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "ShortlistRoutes.h"

#include "Shortlists.h"
#include "brands/BrandOwned.h"
#include "common/Validation.h"
#include "core/http/CsvResponse.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::Page;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Response;
using influence::server::http::Work;
using Column = influence::server::http::csv::Column;

namespace influence::server::shortlists {

namespace {

/// A text member of `body`: absent or null is nothing; otherwise trimmed, at most `max`
/// characters (and at least one when `nonEmpty`).
void textOf(const QJsonObject &body, const QString &field, qsizetype max, bool nonEmpty,
        std::optional<QString> &out, QList<common::FieldError> &errors)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return;
    }
    const QString text = value.toString().trimmed();
    if (!value.isString() || text.size() > max || (nonEmpty && text.isEmpty())) {
        errors.append({field, u"invalid_value"_s,
                nonEmpty ? u"Must be 1 to %1 characters."_s.arg(max)
                         : u"Must be text of at most %1 characters."_s.arg(max)});
        return;
    }
    out = text;
}

Result<Work> listRoute(const Request &request)
{
    const auto brand = http::optionalUuidOf(request, u"brand"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!brand || !page) {
        return !brand ? brand.error() : page.error();
    }
    return Work([query = ListQuery{*brand, *page}](Connection &c, const Principal &p) {
        return list(c, p, query);
    });
}

Result<Work> createRoute(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    QList<common::FieldError> errors;
    ShortlistInput input;
    textOf(*body, u"name"_s, kMaxName, true, input.name, errors);
    if (!input.name && errors.isEmpty()) {
        errors.append({u"name"_s, u"required"_s, u"The list's name (1 to 120 characters)."_s});
    }
    textOf(*body, u"description"_s, kMaxText, false, input.description, errors);
    const auto brand = brands::brandIdOf(*body);
    if (!brand) {
        errors.append(brand.error().fieldErrors);
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Work([input, brand = *brand](Connection &c, const Principal &p) {
        return create(c, p, input, brand);
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
    QList<common::FieldError> errors;
    ShortlistInput input;
    textOf(*body, u"name"_s, kMaxName, true, input.name, errors);
    textOf(*body, u"description"_s, kMaxText, false, input.description, errors);
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Work([id = *id, input](Connection &c, const Principal &p) {
        return update(c, p, id, input);
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

Result<Work> membersRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto page = http::pageOf(request, Page::Order::OldestFirst);
    if (!id || !page) {
        return !id ? id.error() : page.error();
    }
    return Work([id = *id, page = *page](Connection &c, const Principal &p) {
        return members(c, p, id, page);
    });
}

Result<Work> putMemberRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto influencer = request.uuidParam(u"influencerId"_s);
    if (!id || !influencer) {
        return !id ? id.error() : influencer.error();
    }
    std::optional<QString> note;
    if (!request.body.trimmed().isEmpty()) {
        const auto body = request.jsonObject();
        if (!body) {
            return body.error();
        }
        QList<common::FieldError> errors;
        textOf(*body, u"note"_s, kMaxText, false, note, errors);
        if (!errors.isEmpty()) {
            return Error::validation(errors);
        }
    }
    return Work([id = *id, influencer = *influencer, note](
                        Connection &c, const Principal &p) -> Response {
        const auto put = putMember(c, p, id, influencer, note);
        if (!put) {
            return Response::fromError(put.error());
        }
        return Response::rawJson(put->json, put->created ? 201 : 200);
    });
}

Result<Work> removeMemberRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto influencer = request.uuidParam(u"influencerId"_s);
    if (!id || !influencer) {
        return !id ? id.error() : influencer.error();
    }
    return Work([id = *id, influencer = *influencer](Connection &c, const Principal &p) {
        return removeMember(c, p, id, influencer);
    });
}

Result<Work> exportRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) -> Response {
        const auto rows = allMembers(c, p, id, http::csv::kMaxRows);
        if (!rows) {
            return Response::fromError(rows.error());
        }
        return http::csv::response(*rows,
                {{u"influencer_id"_s, u"influencer.id"_s}, {u"name"_s, u"influencer.displayName"_s},
                        {u"country"_s, u"influencer.country"_s},
                        {u"niches"_s, u"influencer.niches"_s},
                        {u"languages"_s, u"influencer.languages"_s},
                        {u"platforms"_s, u"influencer.platforms"_s},
                        {u"followers"_s, u"influencer.totalFollowers"_s},
                        {u"engagement_rate"_s, u"influencer.engagementRate"_s},
                        {u"authenticity_score"_s, u"influencer.authenticityScore"_s},
                        {u"note"_s, u"note"_s}, {u"added_at"_s, u"addedAt"_s}},
                u"shortlist.csv"_s);
    });
}

Result<Work> inviteRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    QList<common::FieldError> errors;
    ListInvitation invitation;
    const auto campaign = common::validation::parseUuid(body->value(u"campaignId"_s).toString());
    if (!campaign) {
        errors.append({u"campaignId"_s, u"required"_s, u"Must be the campaign's id (UUID)."_s});
    }
    const auto offer =
            common::collab::validateOffer(body->value(u"offer"_s).toObject(), u"offer."_s);
    if (!offer) {
        errors.append(offer.error().fieldErrors);
    }
    std::optional<QString> message;
    textOf(*body, u"message"_s, common::collab::kMaxText, false, message, errors);
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    invitation.campaign = *campaign;
    invitation.offer = *offer;
    invitation.message = message.value_or(QString());
    return Work([id = *id, invitation](Connection &c, const Principal &p) {
        return invite(c, p, id, invitation);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = Access::SignedIn;
    const QString one = u"/api/v1/shortlists/{id}"_s;
    const QString member = one + u"/members/{influencerId}"_s;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/shortlists"_s, signedIn, listRoute},
                    {HttpMethod::Post, u"/api/v1/shortlists"_s, signedIn, createRoute, 201},
                    {HttpMethod::Get, one, signedIn, http::onId(read)},
                    {HttpMethod::Patch, one, signedIn, updateRoute},
                    {HttpMethod::Delete, one, signedIn, removeRoute},
                    {HttpMethod::Get, one + u"/members"_s, signedIn, membersRoute},
                    {HttpMethod::Put, member, signedIn, putMemberRoute},
                    {HttpMethod::Delete, member, signedIn, removeMemberRoute},
                    {HttpMethod::Get, one + u"/export"_s, signedIn, exportRoute},
                    {HttpMethod::Post, one + u"/invite"_s, signedIn, inviteRoute},
            });
}

} // namespace influence::server::shortlists
