// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

/// Notification settings (issue 22): how a person hears about each kind of reminder, quiet hours
/// and their time zone; the wire names and the reader of GET/PUT /me/notification-settings.
namespace influence::common {

/// Where a kind of reminder goes: the app, e-mail, both, or nowhere.
enum class NotificationChannel { InApp, Email, Both, Off };

QString wireName(NotificationChannel value);
std::optional<NotificationChannel> notificationChannelFromString(const QString &text);
/// Every channel's wire name, in declaration order.
QStringList notificationChannelNames();
/// The kinds a person can set a channel for, in the order the API documents them
/// (reminder_kinds() in 0030_deal_activity_settings.sql lists the same): "deal.activity" (what
/// the other side does on a deal: offers, messages, drafts, reviews, posts, payouts), then the
/// reminders.
QStringList reminderKinds();
/// The channel of `kind` for someone who has not set one: the app only for deal activity,
/// the app and e-mail for every reminder.
NotificationChannel defaultChannel(const QString &kind);

/// One kind's setting; `digest`: its e-mails wait for the daily digest.
struct ReminderPreference
{
    QString kind;
    NotificationChannel channel = NotificationChannel::Both;
    bool digest = false;

    friend bool operator==(const ReminderPreference &, const ReminderPreference &) = default;
};

/// Mails that fall between start and end (in the person's time zone) wait for the end; start
/// after end spans midnight.
struct QuietHours
{
    QTime start;
    QTime end;

    friend bool operator==(const QuietHours &, const QuietHours &) = default;
};

/// The answer of GET /me/notification-settings, and the body of PUT.
struct NotificationSettings
{
    QList<ReminderPreference> kinds; ///< every kind of reminderKinds(), in that order
    std::optional<QuietHours> quietHours;
    QString timeZone = QStringLiteral("UTC"); ///< IANA name
    QDateTime lastDigestAt; ///< invalid: no digest yet

    static Result<NotificationSettings> fromJson(const QJsonObject &json);
    /// The body of PUT: every kind, the quiet hours (null: none) and the time zone.
    QJsonObject toJson() const;
    /// The preference of `kind`, or the default one.
    ReminderPreference preference(const QString &kind) const;
};

/// "HH:MM" (24 hours) as the API writes a time of day; an invalid time when it is not one.
QTime timeOfDayFromString(const QString &text);
QString timeOfDayText(QTime time);

} // namespace influence::common
