// SPDX-License-Identifier: Apache-2.0
// HTTP for the caller's notifications: the route table and the reading of each route's input.
#include "NotificationRoutes.h"

#include "Notifications.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::notifications {

namespace {

Result<Work> listNotifications(const Request &request)
{
    const auto unread = http::flagOf(request, u"unread"_s);
    const auto paging = http::pageOf(request, db::Page::Order::NewestFirst);
    if (!unread || !paging) {
        return unread ? paging.error() : unread.error();
    }
    const Filter filter = *unread ? Filter::UnreadOnly : Filter::All;
    return Work([filter, paging = *paging](Connection &c, const Principal &p) {
        return notifications::list(c, p, filter, paging);
    });
}

Result<Work> countUnread(const Request & /*request*/)
{
    return Work(notifications::unreadCount);
}

Result<Work> readAll(const Request & /*request*/)
{
    return Work(notifications::markAllRead);
}

Result<Work> readOne(const Request &request)
{
    const auto id = request.uuidParam(u"id"_s);
    if (!id) {
        return id.error();
    }
    return Work([id = *id](Connection &c, const Principal &p) {
        return notifications::markRead(c, p, id);
    });
}

} // namespace

void registerRoutes(http::HttpContext &context)
{
    constexpr auto signedIn = Access::SignedIn;
    http::addRoutes(context,
            {
                    {HttpMethod::Get, u"/api/v1/notifications"_s, signedIn, listNotifications},
                    {HttpMethod::Get, u"/api/v1/notifications/unread-count"_s, signedIn,
                            countUnread},
                    {HttpMethod::Post, u"/api/v1/notifications/read-all"_s, signedIn, readAll},
                    {HttpMethod::Post, u"/api/v1/notifications/{id}/read"_s, signedIn, readOne},
            });
}

} // namespace influence::server::notifications
