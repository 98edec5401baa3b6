// SPDX-License-Identifier: Apache-2.0
// HTTP for the caller's notifications: the route table and the reading of each route's input.
#include "NotificationRoutes.h"

#include "NotificationSettings.h"
#include "Notifications.h"
#include "common/NotificationTypes.h"
#include "core/http/HttpContext.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::FieldError;
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

Result<Work> readSettings(const Request & /*request*/)
{
    return Work(notifications::settings);
}

/// One kind's member of a PUT body into `kinds`, or its field errors.
void readKind(
        const QString &kind, const QJsonValue &value, QJsonObject &kinds, QList<FieldError> &errors)
{
    const QString field = u"kinds/"_s + kind;
    if (!common::reminderKinds().contains(kind)) {
        errors.append({field, u"invalid_value"_s,
                u"Not a kind of reminder; one of: %1."_s.arg(
                        common::reminderKinds().join(u", "_s))});
        return;
    }
    if (!value.isObject()) {
        errors.append({field, u"invalid_type"_s, u"Must be an object."_s});
        return;
    }
    QJsonObject setting;
    const QJsonValue channel = value[u"channel"_s];
    if (!channel.isUndefined()) {
        if (!common::notificationChannelFromString(channel.toString())) {
            errors.append({field + u"/channel"_s, u"invalid_value"_s,
                    u"Must be one of: %1."_s.arg(
                            common::notificationChannelNames().join(u", "_s))});
        }
        setting.insert(u"channel"_s, channel);
    }
    const QJsonValue digest = value[u"digest"_s];
    if (!digest.isUndefined()) {
        if (!digest.isBool()) {
            errors.append({field + u"/digest"_s, u"invalid_type"_s, u"Must be true or false."_s});
        }
        setting.insert(u"digest"_s, digest);
    }
    kinds.insert(kind, setting);
}

std::optional<std::pair<QTime, QTime>> readQuietHours(
        const QJsonValue &value, QList<FieldError> &errors)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    if (!value.isObject()) {
        errors.append({u"quietHours"_s, u"invalid_type"_s,
                u"Must be {\"start\": \"HH:MM\", \"end\": \"HH:MM\"} or null."_s});
        return std::nullopt;
    }
    const QTime start = common::timeOfDayFromString(value[u"start"_s].toString());
    const QTime end = common::timeOfDayFromString(value[u"end"_s].toString());
    for (const auto &[name, time] : {std::pair{u"start"_s, start}, std::pair{u"end"_s, end}}) {
        if (!time.isValid()) {
            errors.append({u"quietHours/"_s + name, u"invalid_format"_s,
                    u"Must be a time of day, HH:MM (00:00 to 23:59)."_s});
        }
    }
    if (start.isValid() && start == end) {
        errors.append({u"quietHours/end"_s, u"invalid_value"_s, u"Must differ from the start."_s});
    }
    return std::pair{start, end};
}

Result<Work> writeSettings(const Request &request)
{
    const auto body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    QList<FieldError> errors;
    SettingsUpdate update;
    const QJsonValue kinds = body->value(u"kinds"_s);
    if (kinds.isObject()) {
        const QJsonObject object = kinds.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            readKind(it.key(), it.value(), update.kinds, errors);
        }
    } else if (!kinds.isUndefined()) {
        errors.append({u"kinds"_s, u"invalid_type"_s, u"Must be an object keyed by kind."_s});
    }
    if (body->contains(u"quietHours"_s)) {
        update.quietHours = readQuietHours(body->value(u"quietHours"_s), errors);
    }
    const QJsonValue zone = body->value(u"timeZone"_s);
    if (!zone.isUndefined()) {
        const QByteArray id = zone.toString().toUtf8();
        if (!zone.isString() || id.isEmpty() || id.size() > 64
                || !QTimeZone::isTimeZoneIdAvailable(id)) {
            errors.append({u"timeZone"_s, u"invalid_value"_s,
                    u"Must be an IANA time zone name such as Europe/Berlin."_s});
        }
        update.timeZone = zone.toString();
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors);
    }
    return Work([update = std::move(update)](Connection &c, const Principal &p) {
        return notifications::updateSettings(c, p, update);
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
                    {HttpMethod::Get, u"/api/v1/me/notification-settings"_s, signedIn,
                            readSettings},
                    {HttpMethod::Put, u"/api/v1/me/notification-settings"_s, signedIn,
                            writeSettings},
            });
}

} // namespace influence::server::notifications
