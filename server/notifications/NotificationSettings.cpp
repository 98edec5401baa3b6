// SPDX-License-Identifier: Apache-2.0
#include "NotificationSettings.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::notifications {

namespace {

const SqlStatement kRead(u"SELECT api_notification_settings_json(:user)::text"_s);
// A zone QTimeZone knows may still be unknown to PostgreSQL, which must convert with it.
const SqlStatement kZoneKnown(
        u"SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :zone)"_s);
const SqlStatement kLock(u"INSERT INTO notification_settings AS s (user_id) VALUES (:user) "
                         "ON CONFLICT (user_id) DO UPDATE SET user_id = s.user_id"_s);
const SqlStatement kUpdate(
        u"UPDATE notification_settings SET "
        "kinds = kinds || coalesce((SELECT jsonb_object_agg(e.key, "
        "  coalesce(kinds -> e.key, '{}'::jsonb) || e.value) "
        "  FROM jsonb_each(CAST(:kinds AS jsonb)) e), '{}'::jsonb), "
        "quiet_start = CASE WHEN CAST(:setQuiet AS boolean) THEN CAST(:quietStart AS time) "
        "  ELSE quiet_start END, "
        "quiet_end = CASE WHEN CAST(:setQuiet AS boolean) THEN CAST(:quietEnd AS time) "
        "  ELSE quiet_end END, "
        "time_zone = coalesce(CAST(:zone AS text), time_zone) "
        "WHERE user_id = :user"_s);

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant timeText(const std::optional<std::pair<QTime, QTime>> &hours, bool start)
{
    if (!hours) {
        return nullText();
    }
    return (start ? hours->first : hours->second).toString(u"HH:mm"_s);
}

} // namespace

Result<QByteArray> settings(Connection &c, const Principal &p)
{
    return db::json(c, kRead, {{u":user"_s, p.userId()}});
}

Result<QByteArray> updateSettings(Connection &c, const Principal &p, const SettingsUpdate &update)
{
    if (update.timeZone) {
        const auto known = c.scalar(kZoneKnown, {{u":zone"_s, *update.timeZone}});
        if (!known) {
            return known.error();
        }
        if (!known->toBool()) {
            return Error::validation({{u"timeZone"_s, u"invalid_value"_s,
                    u"The server does not know this time zone."_s}});
        }
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const bool setQuiet = update.quietHours.has_value();
        const auto hours = setQuiet ? *update.quietHours : std::nullopt;
        const Connection::Binds binds{{u":user"_s, p.userId()},
                {u":kinds"_s,
                        QString::fromUtf8(
                                QJsonDocument(update.kinds).toJson(QJsonDocument::Compact))},
                {u":setQuiet"_s, setQuiet}, {u":quietStart"_s, timeText(hours, true)},
                {u":quietEnd"_s, timeText(hours, false)},
                {u":zone"_s, update.timeZone ? QVariant(*update.timeZone) : nullText()}};
        for (const auto *statement : {&kLock, &kUpdate}) {
            auto done = tx.run(*statement, binds);
            if (!done) {
                return done.error();
            }
            (*done)->finish();
        }
        return db::json(tx, kRead, {{u":user"_s, p.userId()}});
    });
}

} // namespace influence::server::notifications
