// SPDX-License-Identifier: Apache-2.0
// HTTP for webhooks: the route table, and for each route the reading and checking of its input on
// the HTTP thread (400/422 before any database work) into the work on the database pool.
#include "WebhookRoutes.h"

#include "Targets.h"
#include "brands/BrandOwned.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <QJsonArray>
#include <QRegularExpression>

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

namespace influence::server::webhooks {

namespace {

/// The event filter: at most kMaxEvents known event types, duplicates dropped.
void eventsOf(const QJsonValue &events, EndpointInput &input, QList<common::FieldError> &errors)
{
    if (events.isUndefined() || events.isNull()) {
        return;
    }
    QStringList types;
    bool valid = events.isArray() && events.toArray().size() <= kMaxEvents;
    const QJsonArray list = events.toArray();
    for (const QJsonValue type : list) {
        valid = valid && type.isString() && isEventType(type.toString());
        if (valid && !types.contains(type.toString())) {
            types.append(type.toString());
        }
    }
    if (!valid) {
        errors.append({u"events"_s, u"invalid_value"_s,
                u"Must be at most %1 event types (deal.offer_accepted, …, webhook.test)."_s.arg(
                        kMaxEvents)});
        return;
    }
    input.events = types;
}

void descriptionOf(
        const QJsonValue &description, EndpointInput &input, QList<common::FieldError> &errors)
{
    if (description.isUndefined() || description.isNull()) {
        return;
    }
    if (!description.isString() || description.toString().size() > kMaxDescription) {
        errors.append({u"description"_s, u"invalid_value"_s,
                u"Must be text of at most %1 characters."_s.arg(kMaxDescription)});
        return;
    }
    input.description = description.toString().trimmed();
}

/// The fields of a create (`creating`: url required) or an update body. A bad URL is its own
/// problem (invalid_webhook_url), the rest field errors.
Result<EndpointInput> inputOf(const QJsonObject &body, bool creating, const Context &context)
{
    EndpointInput input;
    QList<common::FieldError> errors;
    const QJsonValue url = body.value(u"url"_s);
    if (url.isUndefined() || url.isNull()) {
        if (creating) {
            errors.append({u"url"_s, u"required"_s, u"The endpoint's URL (https)."_s});
        }
    } else if (!url.isString()) {
        errors.append({u"url"_s, u"invalid_format"_s, u"Must be a URL."_s});
    } else {
        const auto parsed = parseTargetUrl(url.toString(), context.settings.allowLocalTargets);
        if (!parsed) {
            return parsed.error();
        }
        input.url = parsed->toString(QUrl::FullyEncoded);
    }
    descriptionOf(body.value(u"description"_s), input, errors);
    eventsOf(body.value(u"events"_s), input, errors);
    if (const QJsonValue enabled = body.value(u"enabled"_s); !enabled.isUndefined()) {
        if (!enabled.isBool()) {
            errors.append({u"enabled"_s, u"invalid_value"_s, u"Must be true or false."_s});
        } else {
            input.enabled = enabled.toBool();
        }
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return input;
}

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

Result<Work> createRoute(const Request &request, const ContextPtr &context)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto input = inputOf(*body, true, *context);
    if (!input) {
        return input.error();
    }
    const auto brand = brands::brandIdOf(*body);
    if (!brand) {
        return brand.error();
    }
    return Work([context, input = *input, brand = *brand](Connection &c, const Principal &p) {
        return create(c, p, *context, input, brand);
    });
}

Result<Work> updateRoute(const Request &request, const ContextPtr &context)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    auto input = inputOf(*body, false, *context);
    if (!input) {
        return input.error();
    }
    return Work([context, id = *id, input = *input](Connection &c, const Principal &p) {
        return update(c, p, *context, id, input);
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

Result<Work> rotateRoute(const Request &request, const ContextPtr &context)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([context, id = *id](Connection &c, const Principal &p) {
        return rotateSecret(c, p, *context, id);
    });
}

Result<Work> deliveriesRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    const auto page = http::pageOf(request, Page::Order::NewestFirst);
    if (!id || !page) {
        return !id ? id.error() : page.error();
    }
    return Work([id = *id, page = *page](Connection &c, const Principal &p) {
        return deliveries(c, p, id, page);
    });
}

Result<Work> replayRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    static const QRegularExpression messageId(u"^msg_[A-Za-z0-9]{16,40}$"_s);
    const QString delivery = request.pathParams.value(u"deliveryId"_s);
    if (!messageId.match(delivery).hasMatch()) {
        return http::invalidParameter(u"deliveryId"_s, u"Must be a delivery's id (msg_…)."_s);
    }
    return Work([id = *id, delivery](Connection &c, const Principal &p) -> Response {
        return Response::from(replay(c, p, id, delivery), 202);
    });
}

Result<Work> testRoute(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) -> Response {
        return Response::from(sendTest(c, p, id), 202);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context, const ContextPtr &webhooks)
{
    constexpr auto signedIn = Access::SignedIn;
    const QString one = u"/api/v1/webhooks/{id}"_s;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/webhooks"_s, signedIn, listRoute},
                    {HttpMethod::Post, u"/api/v1/webhooks"_s, signedIn,
                            http::bind(webhooks, createRoute), 201},
                    {HttpMethod::Get, one, signedIn, http::onId(read)},
                    {HttpMethod::Patch, one, signedIn, http::bind(webhooks, updateRoute)},
                    {HttpMethod::Delete, one, signedIn, removeRoute},
                    {HttpMethod::Post, one + u"/rotate-secret"_s, signedIn,
                            http::bind(webhooks, rotateRoute)},
                    {HttpMethod::Post, one + u"/test"_s, signedIn, testRoute, 202},
                    {HttpMethod::Get, one + u"/deliveries"_s, signedIn, deliveriesRoute},
                    {HttpMethod::Post, one + u"/deliveries/{deliveryId}/replay"_s, signedIn,
                            replayRoute, 202},
            });
}

} // namespace influence::server::webhooks
