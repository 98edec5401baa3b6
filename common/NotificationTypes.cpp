// SPDX-License-Identifier: Apache-2.0
#include "NotificationTypes.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

constexpr std::array kChannels{
        std::pair{NotificationChannel::InApp, "in_app"},
        std::pair{NotificationChannel::Email, "email"},
        std::pair{NotificationChannel::Both, "both"},
        std::pair{NotificationChannel::Off, "off"},
};

} // namespace

QString wireName(NotificationChannel value)
{
    for (const auto &[channel, name] : kChannels) {
        if (channel == value) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<NotificationChannel> notificationChannelFromString(const QString &text)
{
    for (const auto &[channel, name] : kChannels) {
        if (text == QLatin1StringView(name)) {
            return channel;
        }
    }
    return std::nullopt;
}

QStringList notificationChannelNames()
{
    QStringList names;
    for (const auto &entry : kChannels) {
        names.append(QString::fromLatin1(entry.second));
    }
    return names;
}

QStringList reminderKinds()
{
    return {u"deal.activity"_s, u"deliverable.due_soon"_s, u"deliverable.overdue"_s,
            u"offer.awaiting_reply"_s, u"version.awaiting_review"_s, u"payout.details_missing"_s,
            u"payout.late"_s, u"payout.unclaimed"_s};
}

NotificationChannel defaultChannel(const QString &kind)
{
    return kind == u"deal.activity"_s ? NotificationChannel::InApp : NotificationChannel::Both;
}

QTime timeOfDayFromString(const QString &text)
{
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-3]):([0-5][0-9])$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    return QTime(match.captured(1).toInt(), match.captured(2).toInt());
}

QString timeOfDayText(QTime time)
{
    return time.toString(u"HH:mm"_s);
}

Result<NotificationSettings> NotificationSettings::fromJson(const QJsonObject &json)
{
    NotificationSettings settings;
    const QJsonObject kinds = json.value(u"kinds"_s).toObject();
    for (const QString &kind : reminderKinds()) {
        const QJsonObject entry = kinds.value(kind).toObject();
        ReminderPreference preference{kind, defaultChannel(kind)};
        if (const auto channel =
                        notificationChannelFromString(entry.value(u"channel"_s).toString())) {
            preference.channel = *channel;
        }
        preference.digest = entry.value(u"digest"_s).toBool();
        settings.kinds.append(preference);
    }
    const QJsonValue quiet = json.value(u"quietHours"_s);
    if (quiet.isObject()) {
        const QuietHours hours{timeOfDayFromString(quiet[u"start"_s].toString()),
                timeOfDayFromString(quiet[u"end"_s].toString())};
        if (!hours.start.isValid() || !hours.end.isValid()) {
            return Error::make(ErrorCode::InvalidResponse, u"Quiet hours are not HH:MM."_s);
        }
        settings.quietHours = hours;
    }
    settings.timeZone = json.value(u"timeZone"_s).toString(u"UTC"_s);
    settings.lastDigestAt =
            QDateTime::fromString(json.value(u"lastDigestAt"_s).toString(), Qt::ISODateWithMs);
    return settings;
}

QJsonObject NotificationSettings::toJson() const
{
    QJsonObject kindsJson;
    for (const ReminderPreference &preference : kinds) {
        kindsJson.insert(preference.kind,
                QJsonObject{{u"channel"_s, wireName(preference.channel)},
                        {u"digest"_s, preference.digest}});
    }
    QJsonValue quiet(QJsonValue::Null);
    if (quietHours) {
        quiet = QJsonObject{{u"start"_s, timeOfDayText(quietHours->start)},
                {u"end"_s, timeOfDayText(quietHours->end)}};
    }
    return {{u"kinds"_s, kindsJson}, {u"quietHours"_s, quiet}, {u"timeZone"_s, timeZone}};
}

ReminderPreference NotificationSettings::preference(const QString &kind) const
{
    for (const ReminderPreference &preference : kinds) {
        if (preference.kind == kind) {
            return preference;
        }
    }
    return ReminderPreference{kind, defaultChannel(kind)};
}

} // namespace influence::common
