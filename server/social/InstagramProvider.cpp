// SPDX-License-Identifier: Apache-2.0
// Instagram API with Instagram Login: authorization at www.instagram.com/oauth/authorize, a
// short-lived token from api.instagram.com/oauth/access_token, exchanged for a long-lived one
// (60 days, ig_exchange_token) and renewed with ig_refresh_token; the account from
// graph.instagram.com/me. Instagram has no refresh token and no PKCE: the access token refreshes
// itself, and the state alone protects the callback. Recent posts from /me/media with their like
// and comment counts; reach, views, saves and shares from each newest post's /{media-id}/insights
// and the account's reach of the day from /me/insights (instagram_business_manage_insights).
#include "SocialProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::social {

namespace {

/// A Graph API refusal for want of permission (HTTP 403, or error code 10 or 200-299: a token
/// without instagram_business_manage_insights), rather than about one post (code 100: a metric
/// its media type lacks).
bool permissionRefused(const net::Fetched &fetched)
{
    const int code = QJsonDocument::fromJson(fetched.body)
                             .object()
                             .value(u"error"_s)
                             .toObject()
                             .value(u"code"_s)
                             .toInt(-1);
    return fetched.status == 403
            || (fetched.status >= 400 && (code == 10 || (code >= 200 && code <= 299)));
}

class InstagramProvider : public SocialProvider
{
public:
    using SocialProvider::SocialProvider;

    QUrl authorizationUrl(const QString &redirectUri, const QString &state,
            const QString & /*codeVerifier*/) const override
    {
        QUrl url = settings().authUrl;
        url.setQuery(QString::fromLatin1(net::formEncode({{u"client_id"_s, settings().clientId},
                {u"redirect_uri"_s, redirectUri}, {u"response_type"_s, u"code"_s},
                {u"scope"_s, u"instagram_business_basic,instagram_business_manage_insights"_s},
                {u"state"_s, state}})));
        return url;
    }

    Call codeExchange(const QString &code, const QString &redirectUri,
            const QString & /*codeVerifier*/) const override
    {
        return {QNetworkRequest(settings().tokenUrl),
                net::formEncode({{u"client_id"_s, settings().clientId},
                        {u"client_secret"_s, settings().clientSecret},
                        {u"grant_type"_s, u"authorization_code"_s},
                        {u"redirect_uri"_s, redirectUri}, {u"code"_s, code}})};
    }

    std::optional<Call> upgrade(const TokenSet &tokens) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/access_token"_s);
        url.setQuery(QString::fromLatin1(net::formEncode({{u"grant_type"_s, u"ig_exchange_token"_s},
                {u"client_secret"_s, settings().clientSecret},
                {u"access_token"_s, tokens.accessToken}})));
        return Call{QNetworkRequest(url), std::nullopt};
    }

    Call refresh(const TokenSet &current) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/refresh_access_token"_s);
        url.setQuery(QString::fromLatin1(net::formEncode({{u"grant_type"_s, u"ig_refresh_token"_s},
                {u"access_token"_s, current.accessToken}})));
        return {QNetworkRequest(url), std::nullopt};
    }

    Result<TokenSet> parseTokens(
            const net::Fetched &fetched, const TokenSet &previous) const override
    {
        // The code exchange answers either the token itself or {"data": [{…}]}.
        net::Fetched unwrapped = fetched;
        const QJsonObject object = QJsonDocument::fromJson(fetched.body).object();
        const QJsonArray data = object.value(u"data"_s).toArray();
        if (!data.isEmpty() && data.first().isObject()) {
            unwrapped.body = QJsonDocument(data.first().toObject()).toJson(QJsonDocument::Compact);
        }
        auto tokens = SocialProvider::parseTokens(unwrapped, previous);
        if (tokens) {
            tokens->refreshToken.clear(); // the access token is what refreshes
        }
        return tokens;
    }

    Call profile(const QString &accessToken) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/me"_s);
        url.setQuery(QString::fromLatin1(net::formEncode(
                {{u"fields"_s, u"user_id,username,followers_count,follows_count,media_count"_s},
                        {u"access_token"_s, accessToken}})));
        return {QNetworkRequest(url), std::nullopt};
    }

    Result<AccountProfile> parseProfile(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"Instagram's /me"_s);
        if (!object) {
            return object.error();
        }
        AccountProfile profile;
        const QJsonValue id = object->value(u"user_id"_s).isUndefined()
                ? object->value(u"id"_s)
                : object->value(u"user_id"_s);
        profile.externalId = id.isString() ? id.toString() : QString::number(count(id).value_or(0));
        profile.handle = object->value(u"username"_s).toString();
        const auto followers = count(object->value(u"followers_count"_s));
        if (profile.externalId.isEmpty() || profile.externalId == u"0"_s || profile.handle.isEmpty()
                || !followers) {
            return Error::unavailable(
                    u"Instagram's /me lacks user_id, username or followers"_s, 30);
        }
        profile.profileUrl = u"https://www.instagram.com/"_s + profile.handle;
        profile.metrics.followers = *followers;
        profile.metrics.following = count(object->value(u"follows_count"_s));
        profile.metrics.posts = count(object->value(u"media_count"_s));
        return profile;
    }

    std::optional<Call> recentMedia(
            const QString &accessToken, const MetricSnapshot & /*account*/) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/me/media"_s);
        url.setQuery(QString::fromLatin1(
                net::formEncode({{u"fields"_s,
                                         u"id,caption,media_type,media_product_type,permalink,"
                                         "timestamp,like_count,comments_count"_s},
                        {u"limit"_s, QString::number(kMediaPage)},
                        {u"access_token"_s, accessToken}})));
        return Call{QNetworkRequest(url), std::nullopt};
    }

    Result<QList<MediaItem>> parseMedia(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"Instagram's /me/media"_s);
        if (!object) {
            return object.error();
        }
        QList<MediaItem> items;
        for (const QJsonValue value : object->value(u"data"_s).toArray()) {
            const QJsonObject media = value.toObject();
            MediaItem item;
            item.externalId = mediaId(media.value(u"id"_s));
            item.publishedAt = platformTime(media.value(u"timestamp"_s));
            if (item.externalId.isEmpty() || !item.publishedAt.isValid()) {
                continue;
            }
            const QString product = media.value(u"media_product_type"_s).toString();
            item.kind = product == u"REELS"_s ? u"reel"_s
                    : product == u"STORY"_s   ? u"story"_s
                                              : u"post"_s;
            item.url = postUrl(media.value(u"permalink"_s));
            item.caption = media.value(u"caption"_s).toString().left(5000);
            // Absent when the owner hides like counts: unknown, not 0.
            item.likes = count(media.value(u"like_count"_s));
            item.comments = count(media.value(u"comments_count"_s));
            items.append(item);
            if (items.size() == kMediaPage) {
                break;
            }
        }
        return items;
    }

    QList<Call> mediaDetails(
            const QString &accessToken, const QList<MediaItem> &items) const override
    {
        // [0]: the account's reach of the day; [1 + i]: the insights of items[i].
        QList<Call> calls;
        QUrl account = endpoint(settings().apiUrl, u"/me/insights"_s);
        account.setQuery(QString::fromLatin1(
                net::formEncode({{u"metric"_s, u"reach"_s}, {u"period"_s, u"day"_s},
                        {u"metric_type"_s, u"total_value"_s}, {u"access_token"_s, accessToken}})));
        calls.append({QNetworkRequest(account), std::nullopt});
        for (const MediaItem &item : items.mid(0, kInsightPosts)) {
            QUrl url = endpoint(settings().apiUrl,
                    u"/"_s + QString::fromLatin1(QUrl::toPercentEncoding(item.externalId))
                            + u"/insights"_s);
            url.setQuery(QString::fromLatin1(
                    net::formEncode({{u"metric"_s, u"reach,views,saved,shares"_s},
                            {u"access_token"_s, accessToken}})));
            calls.append({QNetworkRequest(url), std::nullopt});
        }
        return calls;
    }

    bool parseMediaDetail(
            qsizetype index, const net::Fetched &fetched, MediaRound &round) const override
    {
        const auto object = answer(fetched, u"Instagram's insights"_s);
        if (!object && permissionRefused(fetched)) {
            return false; // the rest would be refused as well
        }
        if (!object || index < 0 || index > round.items.size()) {
            return true; // a metric the media type lacks fails the whole request: all stay NULL
        }
        for (const QJsonValue value : object->value(u"data"_s).toArray()) {
            const QJsonObject metric = value.toObject();
            // {"name", "values": [{"value"}]} for media; {"total_value": {"value"}} for
            // metric_type=total_value.
            const QJsonValue total = metric.value(u"total_value"_s).toObject().value(u"value"_s);
            const auto figure = total.isUndefined() ? count(metric.value(u"values"_s)
                                                                    .toArray()
                                                                    .first()
                                                                    .toObject()
                                                                    .value(u"value"_s))
                                                    : count(total);
            const QString name = metric.value(u"name"_s).toString();
            if (index == 0) {
                if (name == u"reach"_s) {
                    round.accountReach = figure;
                }
                continue;
            }
            MediaItem &item = round.items[index - 1];
            if (name == u"reach"_s) {
                item.reach = figure;
            } else if (name == u"views"_s) {
                item.views = figure;
            } else if (name == u"saved"_s) {
                item.saves = figure;
            } else if (name == u"shares"_s) {
                item.shares = figure;
            }
        }
        return true;
    }
};

} // namespace

std::unique_ptr<SocialProvider> makeInstagram(PlatformSettings settings)
{
    return std::make_unique<InstagramProvider>(std::move(settings));
}

} // namespace influence::server::social
