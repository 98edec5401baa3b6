// SPDX-License-Identifier: Apache-2.0
// HTTP for deals and deliverables: the route table, and for each route the reading and checking
// of its input on the HTTP thread (400/422 before any database work) into the work on the
// database pool.
#include "DealRoutes.h"

#include "Deals.h"
#include "Deliverables.h"
#include "Timeline.h"
#include "ToDos.h"
#include "common/Validation.h"
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
using influence::server::http::Work;

namespace influence::server::deals {

namespace {

/// A short free text field ("message"): absent is empty.
Result<QString> note(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull()) {
        return QString();
    }
    if (!value.isString() || value.toString().trimmed().size() > common::collab::kMaxText) {
        return Error::validation({{field, u"invalid_value"_s,
                u"Must be text of at most %1 characters."_s.arg(common::collab::kMaxText)}});
    }
    return value.toString().trimmed();
}

// --- Invitations, applications and deals -------------------------------------------------

Result<Work> inviteCreator(const Request &request)
{
    const auto campaign = request.uuidParam(u"id"_s);
    if (!campaign) {
        return campaign.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    QList<common::FieldError> errors;
    const auto influencer =
            common::validation::parseUuid(body->value(u"influencerId"_s).toString());
    if (!influencer) {
        errors.append({u"influencerId"_s, u"required"_s, u"Must be the creator's id (UUID)."_s});
    }
    const auto offer =
            common::collab::validateOffer(body->value(u"offer"_s).toObject(), u"offer."_s);
    if (!offer) {
        errors.append(offer.error().fieldErrors);
    }
    const auto message = note(*body, u"message"_s);
    if (!message) {
        errors.append(message.error().fieldErrors);
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Work([campaign = *campaign, influencer = *influencer, offer = *offer,
                        message = *message](Connection &c, const Principal &p) {
        return deals::invite(c, p, campaign, influencer, offer, message);
    });
}

Result<Work> applyTo(const Request &request)
{
    const auto campaign = request.uuidParam(u"id"_s);
    if (!campaign) {
        return campaign.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    std::optional<common::OfferInput> offer;
    if (body->contains(u"offer"_s) && !body->value(u"offer"_s).isNull()) {
        const auto checked =
                common::collab::validateOffer(body->value(u"offer"_s).toObject(), u"offer."_s);
        if (!checked) {
            return checked.error();
        }
        offer = *checked;
    }
    const auto message = note(*body, u"message"_s);
    if (!message) {
        return message.error();
    }
    return Work(
            [campaign = *campaign, offer, message = *message](Connection &c, const Principal &p) {
                return deals::apply(c, p, campaign, offer, message);
            });
}

Result<Work> listDeals(const Request &request)
{
    ListQuery query;
    const auto campaign = http::optionalUuidOf(request, u"campaign"_s);
    if (!campaign) {
        return campaign.error();
    }
    query.campaign = *campaign;
    if (request.hasQuery(u"state"_s)) {
        query.states = request.queryValue(u"state"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &state : std::as_const(query.states)) {
            if (!common::collabFromString<common::DealState>(state)) {
                return http::invalidParameter(u"state"_s,
                        u"Must be states from: %1."_s.arg(
                                common::collabNames<common::DealState>().join(u", "_s)));
            }
        }
    }
    const auto overdue = http::flagOf(request, u"overdue"_s);
    const auto paging = http::pageOf(request, Page::Order::NewestFirst);
    if (!overdue || !paging) {
        return overdue ? paging.error() : overdue.error();
    }
    const auto creator = http::searchTextOf(request, u"creator"_s);
    if (!creator) {
        return creator.error();
    }
    query.overdueOnly = *overdue;
    query.creator = *creator;
    query.page = *paging;
    return Work([query](Connection &c, const Principal &p) {
        return deals::list(c, p, query);
    });
}

http::Prepare dealAction(Action action)
{
    return http::onId([action](Connection &c, const Principal &p, const QUuid &id) {
        return deals::act(c, p, id, action);
    });
}

Result<Work> counterOffer(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto offer = common::collab::validateOffer(*body);
    if (!offer) {
        return offer.error();
    }
    return Work([id = *id, offer = *offer](Connection &c, const Principal &p) {
        return deals::makeOffer(c, p, id, offer);
    });
}

http::Prepare answerOffer(Answer answer)
{
    return [answer](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        const auto offer = id ? request.uuidParam(u"offerId"_s) : Result<QUuid>(id.error());
        if (!offer) {
            return offer.error();
        }
        return Work([id = *id, offer = *offer, answer](Connection &c, const Principal &p) {
            return deals::answer(c, p, id, offer, answer);
        });
    };
}

/// A page of one deal's messages or events.
http::Prepare dealPage(Page::Order order,
        std::function<Result<QByteArray>(
                Connection &, const Principal &, const QUuid &, const Page &)>
                work)
{
    return [order, work = std::move(work)](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        const auto paging = http::pageOf(request, order);
        if (!paging) {
            return paging.error();
        }
        return Work([id = *id, paging = *paging, work](Connection &c, const Principal &p) {
            return work(c, p, id, paging);
        });
    };
}

Result<Work> postMessage(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto message = common::collab::validateMessage(*body);
    if (!message) {
        return message.error();
    }
    return Work([id = *id, message = *message](Connection &c, const Principal &p) {
        return timeline::postMessage(c, p, id, message);
    });
}

// --- Deliverables ------------------------------------------------------------------------

Result<Work> listDeliverables(const Request &request)
{
    deliverables::ListQuery query;
    const auto deal = http::optionalUuidOf(request, u"deal"_s);
    if (!deal) {
        return deal.error();
    }
    query.deal = *deal;
    const auto overdue = http::flagOf(request, u"overdue"_s);
    const auto paging = http::pageOf(request, Page::Order::OldestFirst);
    if (!overdue || !paging) {
        return overdue ? paging.error() : overdue.error();
    }
    query.overdueOnly = *overdue;
    query.page = *paging;
    return Work([query](Connection &c, const Principal &p) {
        return deliverables::list(c, p, query);
    });
}

Result<Work> submitDraft(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto draft = common::collab::validateDraft(*body);
    if (!draft) {
        return draft.error();
    }
    return Work([id = *id, draft = *draft](Connection &c, const Principal &p) {
        return deliverables::submit(c, p, id, draft);
    });
}

Result<Work> reviewDraft(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    bool ok = false;
    const int version = request.pathParams.value(u"version"_s).toInt(&ok);
    if (!ok || version < 1) {
        return http::invalidParameter(u"version"_s, u"Must be a version number (1, 2, ...)."_s);
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto review = common::collab::validateReview(*body);
    if (!review) {
        return review.error();
    }
    return Work([id = *id, version, review = *review](Connection &c, const Principal &p) {
        return deliverables::review(c, p, id, version, review);
    });
}

Result<Work> goLive(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto url = common::collab::validateLiveUrl(*body);
    if (!url) {
        return url.error();
    }
    return Work([id = *id, url = *url](Connection &c, const Principal &p) {
        return deliverables::goLive(c, p, id, url);
    });
}

/// GET /api/v1/me/todos?limit= (items per group, 1–100, default 20).
Result<Work> listToDos(const Request &request)
{
    const auto limit = http::limitOf(request, 20, 100);
    if (!limit) {
        return limit.error();
    }
    return Work([limit = *limit](Connection &c, const Principal &p) {
        return deals::toDos(c, p, limit);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = Access::SignedIn;
    constexpr auto get = HttpMethod::Get;
    constexpr auto post = HttpMethod::Post;
    http::addRoutes(context,
            {
                    {post, u"/api/v1/campaigns/{id}/invitations"_s, signedIn, inviteCreator, 201},
                    {post, u"/api/v1/campaigns/{id}/applications"_s, signedIn, applyTo, 201},
                    {get, u"/api/v1/deals"_s, signedIn, listDeals},
                    {get, u"/api/v1/deals/{id}"_s, signedIn, http::onId(deals::read)},
                    {post, u"/api/v1/deals/{id}/offers"_s, signedIn, counterOffer, 201},
                    {post, u"/api/v1/deals/{id}/offers/{offerId}/accept"_s, signedIn,
                            answerOffer(Answer::Accept), 200, http::Idempotency::Honoured},
                    {post, u"/api/v1/deals/{id}/offers/{offerId}/decline"_s, signedIn,
                            answerOffer(Answer::Decline)},
                    {post, u"/api/v1/deals/{id}/start"_s, signedIn, dealAction(Action::Start)},
                    {post, u"/api/v1/deals/{id}/complete"_s, signedIn,
                            dealAction(Action::Complete)},
                    {post, u"/api/v1/deals/{id}/withdraw"_s, signedIn,
                            dealAction(Action::Withdraw)},
                    {post, u"/api/v1/deals/{id}/cancel"_s, signedIn, dealAction(Action::Cancel)},
                    {get, u"/api/v1/deals/{id}/messages"_s, signedIn,
                            dealPage(Page::Order::NewestFirst, timeline::messages)},
                    {post, u"/api/v1/deals/{id}/messages"_s, signedIn, postMessage, 201},
                    {get, u"/api/v1/deals/{id}/events"_s, signedIn,
                            dealPage(Page::Order::OldestFirst, timeline::events)},
                    {get, u"/api/v1/deliverables"_s, signedIn, listDeliverables},
                    {get, u"/api/v1/deliverables/{id}"_s, signedIn, http::onId(deliverables::read)},
                    {post, u"/api/v1/deliverables/{id}/versions"_s, signedIn, submitDraft, 201},
                    {post, u"/api/v1/deliverables/{id}/versions/{version}/review"_s, signedIn,
                            reviewDraft},
                    {post, u"/api/v1/deliverables/{id}/live"_s, signedIn, goLive},
                    {get, u"/api/v1/me/todos"_s, signedIn, listToDos},
            });
}

} // namespace influence::server::deals
