// SPDX-License-Identifier: Apache-2.0
#include "ProfileApi.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (value.isDouble()) {
        return value.toDouble();
    }
    return std::nullopt;
}

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

} // namespace

Result<ConnectedAccount> ConnectedAccount::fromJson(const QJsonObject &json)
{
    ConnectedAccount account;
    account.id = json.value(u"id"_s).toString();
    if (account.id.isEmpty()) {
        return invalid(u"A connected account has no id."_s);
    }
    account.platformName = json.value(u"platform"_s).toString();
    account.platform = platformFromString(account.platformName).value_or(Platform::Instagram);
    account.handle = json.value(u"handle"_s).toString();
    account.profileUrl = json.value(u"profileUrl"_s).toString();
    account.followers = json.value(u"followers"_s).toInteger();
    account.engagementRate = optionalNumber(json.value(u"engagementRate"_s));
    account.growth30d = optionalNumber(json.value(u"growth30d"_s));
    account.verified = json.value(u"verified"_s).toBool();
    if (json.contains(u"status"_s)) {
        account.status = accountStatusFromString(json.value(u"status"_s).toString());
    }
    account.lastSyncedAt =
            QDateTime::fromString(json.value(u"lastSyncedAt"_s).toString(), Qt::ISODateWithMs);
    return account;
}

Result<InfluencerProfile> InfluencerProfile::fromJson(const QJsonObject &json)
{
    InfluencerProfile profile;
    profile.id = json.value(u"id"_s).toString();
    if (profile.id.isEmpty()) {
        return invalid(u"A creator profile has no id."_s);
    }
    // The server sends what it validated; the same rules read it back.
    auto details = profiles::validateInfluencer(json);
    if (!details) {
        return invalid(u"A creator profile has invalid fields: "_s + details.error().detail);
    }
    profile.details = std::move(*details);
    profile.totalFollowers = json.value(u"totalFollowers"_s).toInteger();
    profile.engagementRate = optionalNumber(json.value(u"engagementRate"_s));
    profile.growth30d = optionalNumber(json.value(u"growth30d"_s));
    const QJsonArray accounts = json.value(u"accounts"_s).toArray();
    for (const auto &value : accounts) {
        auto account = ConnectedAccount::fromJson(value.toObject());
        if (!account) {
            return account.error();
        }
        profile.accounts.append(std::move(*account));
    }
    return profile;
}

Result<MetricSeries> MetricSeries::fromJson(const QJsonObject &json)
{
    MetricSeries series;
    series.accountId = json.value(u"accountId"_s).toString();
    series.interval = json.value(u"interval"_s).toString();
    series.from = QDate::fromString(json.value(u"from"_s).toString(), Qt::ISODate);
    series.to = QDate::fromString(json.value(u"to"_s).toString(), Qt::ISODate);
    const QJsonArray points = json.value(u"points"_s).toArray();
    series.points.reserve(points.size());
    for (const auto &value : points) {
        const QJsonObject point = value.toObject();
        MetricPoint parsed;
        parsed.date = QDate::fromString(point.value(u"date"_s).toString(), Qt::ISODate);
        if (!parsed.date.isValid()) {
            return invalid(u"A metric point has no valid date."_s);
        }
        parsed.followers = point.value(u"followers"_s).toInteger();
        series.points.append(parsed);
    }
    return series;
}

} // namespace influence::common
