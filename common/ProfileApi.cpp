// SPDX-License-Identifier: Apache-2.0
#include "ProfileApi.h"

#include "ApiClient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>
#include <functional>

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

/// `reply` read by `parse`, whatever JSON its body holds; a failed call passes its Error through.
template<class T>
QFuture<Result<T>> readReply(
        QFuture<Result<JsonReply>> reply, std::function<Result<T>(const JsonReply &)> parse)
{
    return reply.then(QtFuture::Launch::Sync,
            [parse = std::move(parse)](const Result<JsonReply> &answer) -> Result<T> {
                if (!answer) {
                    return answer.error();
                }
                return parse(*answer);
            });
}

QString pathSegment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString accountPath(const QString &id)
{
    return u"/api/v1/connected-accounts/"_s + pathSegment(id);
}

std::optional<int> optionalInt(const QJsonValue &value)
{
    if (value.isDouble()) {
        return static_cast<int>(value.toInteger());
    }
    return std::nullopt;
}

} // namespace

std::optional<AuthenticityEvent> AuthenticityEvent::fromJson(const QJsonObject &json)
{
    static const QHash<QString, Kind> kinds{{u"follower_step"_s, Kind::FollowerStep},
            {u"organic_spike"_s, Kind::OrganicSpike}, {u"churn"_s, Kind::Churn}};
    const auto kind = kinds.constFind(json.value(u"kind"_s).toString());
    AuthenticityEvent event;
    event.day = QDate::fromString(json.value(u"day"_s).toString(), Qt::ISODate);
    if (kind == kinds.cend() || !event.day.isValid()) {
        return std::nullopt;
    }
    event.kind = *kind;
    event.size = json.value(u"size"_s).toDouble();
    event.lengthDays = std::max(1, json.value(u"lengthDays"_s).toInt(1));
    event.reason = json.value(u"reason"_s).toString();
    return event;
}

Result<ActingBrand> ActingBrand::fromJson(const QJsonObject &json)
{
    ActingBrand brand;
    brand.id = json.value(u"id"_s).toString();
    brand.name = json.value(u"name"_s).toString();
    const QString role = json.value(u"role"_s).toString();
    if (brand.id.isEmpty() || (role != u"owner"_s && role != u"staff"_s)) {
        return invalid(u"A brand has no id or an unknown role."_s);
    }
    brand.owner = role == u"owner"_s;
    return brand;
}

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
    account.authenticityScore = optionalInt(json.value(u"authenticityScore"_s));
    const QJsonArray events = json.value(u"authenticityEvents"_s).toArray();
    for (const auto &value : events) {
        if (auto event = AuthenticityEvent::fromJson(value.toObject())) {
            account.authenticityEvents.append(std::move(*event));
        }
    }
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
    profile.authenticityScore = optionalInt(json.value(u"authenticityScore"_s));
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

Result<BrandProfile> BrandProfile::fromJson(const QJsonObject &json)
{
    BrandProfile profile;
    profile.id = json.value(u"id"_s).toString();
    if (profile.id.isEmpty()) {
        return invalid(u"A brand profile has no id."_s);
    }
    // The server sends what it validated; the same rules read it back.
    auto details = profiles::validateBrand(json);
    if (!details) {
        return invalid(u"A brand profile has invalid fields: "_s + details.error().detail);
    }
    profile.details = std::move(*details);
    profile.updatedAt = QDateTime::fromString(json.value(u"updatedAt"_s).toString(), Qt::ISODate);
    return profile;
}

QFuture<Result<BrandProfile>> ProfileApi::myBrand() const
{
    return readObject<BrandProfile>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/brand"_s), BrandProfile::fromJson);
}

QFuture<Result<BrandProfile>> ProfileApi::saveMyBrand(const BrandProfileInput &input) const
{
    return readObject<BrandProfile>(m_client->send(ApiClient::Method::Put, u"/api/v1/me/brand"_s,
                                            {}, QJsonDocument(input.toJson())),
            BrandProfile::fromJson);
}

QFuture<Result<InfluencerProfile>> ProfileApi::influencer(const QString &id) const
{
    return readObject<InfluencerProfile>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/influencers/"_s + pathSegment(id)),
            InfluencerProfile::fromJson);
}

QFuture<Result<InfluencerProfile>> ProfileApi::myInfluencer() const
{
    return readObject<InfluencerProfile>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/influencer"_s),
            InfluencerProfile::fromJson);
}

QFuture<Result<InfluencerProfile>> ProfileApi::saveMyInfluencer(
        const InfluencerProfileInput &input) const
{
    return readObject<InfluencerProfile>(
            m_client->send(ApiClient::Method::Put, u"/api/v1/me/influencer"_s, {},
                    QJsonDocument(input.toJson())),
            InfluencerProfile::fromJson);
}

QFuture<Result<QList<ActingBrand>>> ProfileApi::myBrands() const
{
    return readReply<QList<ActingBrand>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/me/brands"_s),
            [](const JsonReply &reply) -> Result<QList<ActingBrand>> {
                QList<ActingBrand> brands;
                for (const auto &item : reply.body.object().value(u"items"_s).toArray()) {
                    auto brand = ActingBrand::fromJson(item.toObject());
                    if (!brand) {
                        return brand.error();
                    }
                    brands.append(std::move(*brand));
                }
                return brands;
            });
}

QFuture<Result<QList<ConnectedAccount>>> ProfileApi::connectedAccounts() const
{
    return readReply<QList<ConnectedAccount>>(
            m_client->send(ApiClient::Method::Get, u"/api/v1/connected-accounts"_s),
            [](const JsonReply &reply) -> Result<QList<ConnectedAccount>> {
                QList<ConnectedAccount> accounts;
                const QJsonArray items = reply.body.object().value(u"items"_s).toArray();
                for (const auto &item : items) {
                    auto account = ConnectedAccount::fromJson(item.toObject());
                    if (!account) {
                        return account.error();
                    }
                    accounts.append(std::move(*account));
                }
                return accounts;
            });
}

QFuture<Result<ConnectedAccount>> ProfileApi::addManualAccount(
        const ManualAccountInput &input) const
{
    QJsonObject body{{u"platform"_s, wireName(input.platform)}, {u"handle"_s, input.handle}};
    if (!input.profileUrl.isEmpty()) {
        body.insert(u"profileUrl"_s, input.profileUrl);
    }
    return readObject<ConnectedAccount>(
            m_client->send(ApiClient::Method::Post, u"/api/v1/connected-accounts"_s, {},
                    QJsonDocument(body)),
            ConnectedAccount::fromJson);
}

QFuture<Result<JsonReply>> ProfileApi::removeAccount(const QString &id) const
{
    return m_client->send(ApiClient::Method::Delete, accountPath(id));
}

QFuture<Result<MetricSeries>> ProfileApi::accountMetrics(
        const QString &id, QDate from, QDate to, const QString &interval) const
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    query.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    query.addQueryItem(u"interval"_s, interval);
    return readObject<MetricSeries>(
            m_client->send(ApiClient::Method::Get, accountPath(id) + u"/metrics"_s, query),
            MetricSeries::fromJson);
}

QFuture<Result<QUrl>> ProfileApi::connectUrl(const QString &platform) const
{
    // With Accept: application/json the server answers the address instead of a redirect.
    return readReply<QUrl>(
            m_client->send(ApiClient::Method::Get, accountPath(platform) + u"/connect"_s),
            [](const JsonReply &reply) -> Result<QUrl> {
                QUrl url(reply.body.object().value(u"authorizationUrl"_s).toString(),
                        QUrl::StrictMode);
                if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)) {
                    return Error::make(ErrorCode::InvalidResponse,
                            u"The server sent no valid authorization address."_s);
                }
                return url;
            });
}

} // namespace influence::common
