// SPDX-License-Identifier: Apache-2.0
// HTTP for campaigns, deals, deliverables, messages, notifications and brand staff. Each route
// checks the token on the HTTP thread (401 first), then its path, query and body (400/422, before
// any database work), and runs the service on the database pool.
#include "Campaigns.h"
#include "CollabModule.h"
#include "Deals.h"
#include "Deliverables.h"
#include "Inbox.h"
#include "auth/SignedIn.h"
#include "common/Validation.h"
#include "core/http/HttpContext.h"
#include "core/http/Request.h"
#include "core/http/Responder.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::auth::Principal;
using influence::server::http::HttpMethod;
using influence::server::http::Request;
using influence::server::http::Responder;
using influence::server::http::Response;

namespace influence::server::collab {

namespace {

constexpr int kMaxLimit = 100;
constexpr int kMaxSearchText = 100;

/// What a route does once the caller is known: the service call with its checked input.
using Work = std::function<Result<QByteArray>(db::Connection &, const Principal &)>;
/// Reads and checks a request's input into the work to do.
using Prepare = std::function<Result<Work>(const Request &)>;

void handle(const auth::Authenticator &auth, const Request &request, const Responder &out,
        const Prepare &prepare, int status)
{
    const auto claims = auth::tokenOr401(auth, request, out);
    if (!claims) {
        return;
    }
    auto work = prepare(request);
    if (!work) {
        out.problem(work.error());
        return;
    }
    auth::withPrincipal(
            *claims, out, [work = std::move(*work), status](db::Connection &c, const Principal &p) {
                const auto json = work(c, p);
                return json ? Response::rawJson(*json, status) : Response::fromError(json.error());
            });
}

Error invalid(const QString &parameter, const QString &message)
{
    return Error::invalidParameter(parameter, u"invalid_value"_s, message);
}

Result<Page> page(const Request &request, Page::Order order)
{
    Page result;
    result.order = order;
    if (request.hasQuery(u"limit"_s)) {
        bool ok = false;
        result.limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || result.limit < 1 || result.limit > kMaxLimit) {
            return invalid(u"limit"_s, u"Must be between 1 and %1."_s.arg(kMaxLimit));
        }
    }
    if (request.hasQuery(u"cursor"_s)) {
        result.after = decodeCursor(request.queryValue(u"cursor"_s));
        if (!result.after) {
            return invalid(u"cursor"_s, u"Is not a cursor from this list."_s);
        }
    }
    return result;
}

Result<bool> flag(const Request &request, const QString &name)
{
    const QString value = request.queryValue(name);
    if (!request.hasQuery(name) || value == u"false"_s) {
        return false;
    }
    if (value == u"true"_s) {
        return true;
    }
    return invalid(name, u"Must be true or false."_s);
}

Result<std::optional<QUuid>> optionalUuid(const Request &request, const QString &name)
{
    if (!request.hasQuery(name)) {
        return std::optional<QUuid>();
    }
    const auto id = common::validation::parseUuid(request.queryValue(name), name);
    if (!id) {
        return id.error();
    }
    return std::optional(*id);
}

/// A short text to search for in a query parameter: trimmed, absent or blank is empty.
Result<QString> searchText(const Request &request, const QString &name)
{
    QString text = request.queryValue(name).trimmed();
    if (text.size() > kMaxSearchText) {
        return invalid(name, u"At most %1 characters."_s.arg(kMaxSearchText));
    }
    return text;
}

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

// --- Campaigns ---------------------------------------------------------------------------

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
    const auto input = common::collab::validateCampaign(*body);
    if (!input) {
        return input.error();
    }
    return Work([input = *input, brand](db::Connection &c, const Principal &p) {
        return campaigns::create(c, p, input, brand);
    });
}

Result<Work> listCampaigns(const Request &request)
{
    campaigns::ListQuery query;
    const QString view = request.queryValue(u"view"_s);
    if (view == u"open"_s) {
        query.view = campaigns::View::Open;
    } else if (!view.isEmpty() && view != u"own"_s) {
        return invalid(u"view"_s, u"Must be own or open."_s);
    }
    if (request.hasQuery(u"status"_s)) {
        query.status =
                common::collabFromString<common::CampaignStatus>(request.queryValue(u"status"_s));
        if (!query.status) {
            return invalid(u"status"_s,
                    u"Must be one of: %1."_s.arg(
                            common::collabNames<common::CampaignStatus>().join(u", "_s)));
        }
    }
    const auto paging = page(request, Page::Order::NewestFirst);
    if (!paging) {
        return paging.error();
    }
    query.page = *paging;
    // A creator's default is the open campaigns; the brand side's its own.
    const bool defaultView = view.isEmpty();
    return Work([query, defaultView](db::Connection &c, const Principal &p) {
        campaigns::ListQuery effective = query;
        if (defaultView && p.role() == common::UserRole::Influencer) {
            effective.view = campaigns::View::Open;
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
    return Work([id = *id](db::Connection &c, const Principal &p) {
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
    return Work([id = *id, patch = *body](db::Connection &c, const Principal &p) {
        return campaigns::update(c, p, id, patch);
    });
}

Prepare campaignAction(common::CampaignAction action)
{
    return [action](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        return Work([id = *id, action](db::Connection &c, const Principal &p) {
            return campaigns::transition(c, p, id, action);
        });
    };
}

// --- Invitations, applications and deals -------------------------------------------------

Result<Work> invite(const Request &request)
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
                        message = *message](db::Connection &c, const Principal &p) {
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
    return Work([campaign = *campaign, offer, message = *message](
                        db::Connection &c, const Principal &p) {
        return deals::apply(c, p, campaign, offer, message);
    });
}

Result<Work> listDeals(const Request &request)
{
    deals::ListQuery query;
    const auto campaign = optionalUuid(request, u"campaign"_s);
    if (!campaign) {
        return campaign.error();
    }
    query.campaign = *campaign;
    if (request.hasQuery(u"state"_s)) {
        query.states = request.queryValue(u"state"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &state : std::as_const(query.states)) {
            if (!common::collabFromString<common::DealState>(state)) {
                return invalid(u"state"_s,
                        u"Must be states from: %1."_s.arg(
                                common::collabNames<common::DealState>().join(u", "_s)));
            }
        }
    }
    const auto overdue = flag(request, u"overdue"_s);
    const auto paging = page(request, Page::Order::NewestFirst);
    if (!overdue || !paging) {
        return overdue ? paging.error() : overdue.error();
    }
    const auto creator = searchText(request, u"creator"_s);
    if (!creator) {
        return creator.error();
    }
    query.overdueOnly = *overdue;
    query.creator = *creator;
    query.page = *paging;
    return Work([query](db::Connection &c, const Principal &p) {
        return deals::list(c, p, query);
    });
}

/// A route on one deal: GET /deals/{id}, POST /deals/{id}/<action>.
Prepare onId(
        std::function<Result<QByteArray>(db::Connection &, const Principal &, const QUuid &)> work)
{
    return [work = std::move(work)](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        if (!id) {
            return id.error();
        }
        return Work([id = *id, work](db::Connection &c, const Principal &p) {
            return work(c, p, id);
        });
    };
}

Prepare dealAction(deals::Action action)
{
    return onId([action](db::Connection &c, const Principal &p, const QUuid &id) {
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
    return Work([id = *id, offer = *offer](db::Connection &c, const Principal &p) {
        return deals::makeOffer(c, p, id, offer);
    });
}

Prepare answerOffer(deals::Answer answer)
{
    return [answer](const Request &request) -> Result<Work> {
        const auto id = request.uuidParam(u"id"_s);
        const auto offer = id ? request.uuidParam(u"offerId"_s) : Result<QUuid>(id.error());
        if (!offer) {
            return offer.error();
        }
        return Work([id = *id, offer = *offer, answer](db::Connection &c, const Principal &p) {
            return deals::answer(c, p, id, offer, answer);
        });
    };
}

Result<Work> dealPage(const Request &request, Page::Order order,
        std::function<Result<QByteArray>(
                db::Connection &, const Principal &, const QUuid &, const Page &)>
                work)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    const auto paging = page(request, order);
    if (!paging) {
        return paging.error();
    }
    return Work([id = *id, paging = *paging, work = std::move(work)](
                        db::Connection &c, const Principal &p) {
        return work(c, p, id, paging);
    });
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
    return Work([id = *id, message = *message](db::Connection &c, const Principal &p) {
        return inbox::postMessage(c, p, id, message);
    });
}

// --- Deliverables ------------------------------------------------------------------------

Result<Work> listDeliverables(const Request &request)
{
    deliverables::ListQuery query;
    const auto deal = optionalUuid(request, u"deal"_s);
    if (!deal) {
        return deal.error();
    }
    query.deal = *deal;
    const auto overdue = flag(request, u"overdue"_s);
    const auto paging = page(request, Page::Order::OldestFirst);
    if (!overdue || !paging) {
        return overdue ? paging.error() : overdue.error();
    }
    query.overdueOnly = *overdue;
    query.page = *paging;
    return Work([query](db::Connection &c, const Principal &p) {
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
    return Work([id = *id, draft = *draft](db::Connection &c, const Principal &p) {
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
        return invalid(u"version"_s, u"Must be a version number (1, 2, ...)."_s);
    }
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const auto review = common::collab::validateReview(*body);
    if (!review) {
        return review.error();
    }
    return Work([id = *id, version, review = *review](db::Connection &c, const Principal &p) {
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
    return Work([id = *id, url = *url](db::Connection &c, const Principal &p) {
        return deliverables::goLive(c, p, id, url);
    });
}

// --- Notifications and brand staff -------------------------------------------------------

Result<Work> listNotifications(const Request &request)
{
    const auto unread = flag(request, u"unread"_s);
    const auto paging = page(request, Page::Order::NewestFirst);
    if (!unread || !paging) {
        return unread ? paging.error() : unread.error();
    }
    return Work([unread = *unread, paging = *paging](db::Connection &c, const Principal &p) {
        return inbox::notifications(c, p, unread, paging);
    });
}

Result<Work> addMember(const Request &request)
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
    return Work([brand = *brand, user = *user](db::Connection &c, const Principal &p) {
        return inbox::addMember(c, p, brand, user);
    });
}

/// DELETE /api/v1/brands/{id}/members/{userId}: 204, or 404 when the user was no member.
void removeMember(const auth::Authenticator &auth, const Request &request, const Responder &out)
{
    const auto claims = auth::tokenOr401(auth, request, out);
    if (!claims) {
        return;
    }
    const auto brand = request.uuidParam(u"id"_s);
    const auto user = brand ? request.uuidParam(u"userId"_s) : Result<QUuid>(brand.error());
    if (!user) {
        out.problem(user.error());
        return;
    }
    auth::withPrincipal(
            *claims, out, [brand = *brand, user = *user](db::Connection &c, const Principal &p) {
                const auto removed = inbox::removeMember(c, p, brand, user);
                if (!removed) {
                    return Response::fromError(removed.error());
                }
                return *removed ? Response::noContent()
                                : Response::fromError(Error::notFound(u"No such member."_s));
            });
}

struct Route
{
    HttpMethod method;
    QString path;
    Prepare prepare;
    int status = 200;
};

QList<Route> campaignRoutes()
{
    using common::CampaignAction;
    return {
            {HttpMethod::Post, u"/api/v1/campaigns"_s, createCampaign, 201},
            {HttpMethod::Get, u"/api/v1/campaigns"_s, listCampaigns},
            {HttpMethod::Get, u"/api/v1/campaigns/{id}"_s, readCampaign},
            {HttpMethod::Patch, u"/api/v1/campaigns/{id}"_s, patchCampaign},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/launch"_s,
                    campaignAction(CampaignAction::Launch)},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/pause"_s,
                    campaignAction(CampaignAction::Pause)},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/resume"_s,
                    campaignAction(CampaignAction::Resume)},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/complete"_s,
                    campaignAction(CampaignAction::Complete)},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/cancel"_s,
                    campaignAction(CampaignAction::Cancel)},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/invitations"_s, invite, 201},
            {HttpMethod::Post, u"/api/v1/campaigns/{id}/applications"_s, applyTo, 201},
    };
}

QList<Route> dealRoutes()
{
    return {
            {HttpMethod::Get, u"/api/v1/deals"_s, listDeals},
            {HttpMethod::Get, u"/api/v1/deals/{id}"_s, onId(deals::read)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/offers"_s, counterOffer, 201},
            {HttpMethod::Post, u"/api/v1/deals/{id}/offers/{offerId}/accept"_s,
                    answerOffer(deals::Answer::Accept)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/offers/{offerId}/decline"_s,
                    answerOffer(deals::Answer::Decline)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/start"_s, dealAction(deals::Action::Start)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/complete"_s,
                    dealAction(deals::Action::Complete)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/withdraw"_s,
                    dealAction(deals::Action::Withdraw)},
            {HttpMethod::Post, u"/api/v1/deals/{id}/cancel"_s, dealAction(deals::Action::Cancel)},
            {HttpMethod::Get, u"/api/v1/deals/{id}/messages"_s,
                    [](const Request &r) {
                        return dealPage(r, Page::Order::NewestFirst, inbox::messages);
                    }},
            {HttpMethod::Post, u"/api/v1/deals/{id}/messages"_s, postMessage, 201},
            {HttpMethod::Get, u"/api/v1/deals/{id}/events"_s,
                    [](const Request &r) {
                        return dealPage(r, Page::Order::OldestFirst, inbox::events);
                    }},
    };
}

QList<Route> otherRoutes()
{
    return {
            {HttpMethod::Get, u"/api/v1/deliverables"_s, listDeliverables},
            {HttpMethod::Get, u"/api/v1/deliverables/{id}"_s, onId(deliverables::read)},
            {HttpMethod::Post, u"/api/v1/deliverables/{id}/versions"_s, submitDraft, 201},
            {HttpMethod::Post, u"/api/v1/deliverables/{id}/versions/{version}/review"_s,
                    reviewDraft},
            {HttpMethod::Post, u"/api/v1/deliverables/{id}/live"_s, goLive},
            {HttpMethod::Get, u"/api/v1/notifications"_s, listNotifications},
            {HttpMethod::Get, u"/api/v1/notifications/unread-count"_s,
                    [](const Request &) -> Result<Work> {
                        return Work(inbox::unreadCount);
                    }},
            {HttpMethod::Post, u"/api/v1/notifications/read-all"_s,
                    [](const Request &) -> Result<Work> {
                        return Work(inbox::markAllRead);
                    }},
            {HttpMethod::Post, u"/api/v1/notifications/{id}/read"_s, onId(inbox::markRead)},
            {HttpMethod::Get, u"/api/v1/brands/{id}/members"_s, onId(inbox::members)},
            {HttpMethod::Post, u"/api/v1/brands/{id}/members"_s, addMember, 201},
    };
}

} // namespace

void registerRoutes(http::HttpContext &context, const auth::Authenticator &authenticator)
{
    const auth::Authenticator *auth = &authenticator;
    for (const auto &routes : {campaignRoutes(), dealRoutes(), otherRoutes()}) {
        for (const Route &route : routes) {
            context.router.add(route.method, route.path,
                    [auth, prepare = route.prepare, status = route.status](
                            const Request &request, const Responder &out) {
                        handle(*auth, request, out, prepare, status);
                    });
        }
    }
    context.router.del(u"/api/v1/brands/{id}/members/{userId}"_s,
            [auth](const Request &request, const Responder &out) {
                removeMember(*auth, request, out);
            });
}

} // namespace influence::server::collab
