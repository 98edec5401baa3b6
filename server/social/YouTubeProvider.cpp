// SPDX-License-Identifier: Apache-2.0
// YouTube: Google's OAuth 2.0 for web server apps (offline access for a refresh token, PKCE) and
// the YouTube Data API v3 channels.list?part=snippet,statistics,contentDetails&mine=true. Recent
// videos from the channel's uploads playlist (playlistItems.list, 1 quota unit, rather than
// search.list's 100), then their figures from videos.list?part=snippet,statistics (viewCount,
// likeCount, commentCount as decimal strings; likeCount is absent where the owner hides it).
#include "SocialProvider.h"
#include "core/crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;

namespace influence::server::social {

namespace {

class YouTubeProvider : public SocialProvider
{
public:
    using SocialProvider::SocialProvider;

    QUrl authorizationUrl(const QString &redirectUri, const QString &state,
            const QString &codeVerifier) const override
    {
        QUrl url = settings().authUrl;
        url.setQuery(QString::fromLatin1(net::formEncode({{u"client_id"_s, settings().clientId},
                {u"redirect_uri"_s, redirectUri}, {u"response_type"_s, u"code"_s},
                {u"scope"_s, u"https://www.googleapis.com/auth/youtube.readonly"_s},
                // A refresh token is only issued for offline access, and again only on consent.
                {u"access_type"_s, u"offline"_s}, {u"prompt"_s, u"consent"_s}, {u"state"_s, state},
                {u"code_challenge"_s, crypto::pkceChallenge(codeVerifier)},
                {u"code_challenge_method"_s, u"S256"_s}})));
        return url;
    }

    Call codeExchange(const QString &code, const QString &redirectUri,
            const QString &codeVerifier) const override
    {
        return {QNetworkRequest(settings().tokenUrl),
                net::formEncode({{u"grant_type"_s, u"authorization_code"_s}, {u"code"_s, code},
                        {u"redirect_uri"_s, redirectUri}, {u"client_id"_s, settings().clientId},
                        {u"client_secret"_s, settings().clientSecret},
                        {u"code_verifier"_s, codeVerifier}})};
    }

    Call refresh(const TokenSet &current) const override
    {
        return {QNetworkRequest(settings().tokenUrl),
                net::formEncode({{u"grant_type"_s, u"refresh_token"_s},
                        {u"refresh_token"_s, current.refreshToken},
                        {u"client_id"_s, settings().clientId},
                        {u"client_secret"_s, settings().clientSecret}})};
    }

    Call profile(const QString &accessToken) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/youtube/v3/channels"_s);
        url.setQuery(u"part=snippet%2Cstatistics%2CcontentDetails&mine=true"_s);
        return {bearer(url, accessToken), std::nullopt};
    }

    Result<AccountProfile> parseProfile(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"YouTube's channels.list"_s);
        if (!object) {
            return object.error();
        }
        const QJsonObject channel = object->value(u"items"_s).toArray().first().toObject();
        const QJsonObject snippet = channel.value(u"snippet"_s).toObject();
        const QJsonObject statistics = channel.value(u"statistics"_s).toObject();
        AccountProfile profile;
        profile.externalId = channel.value(u"id"_s).toString();
        profile.handle =
                snippet.value(u"customUrl"_s).toString(snippet.value(u"title"_s).toString());
        // hiddenSubscriberCount: the count is not public; 0 is the honest number we can store.
        const auto subscribers = count(statistics.value(u"subscriberCount"_s));
        if (profile.externalId.isEmpty() || profile.handle.isEmpty()) {
            return Error::unavailable(u"the YouTube account has no channel"_s, 30);
        }
        profile.handle = profile.handle.left(100);
        profile.profileUrl = u"https://www.youtube.com/channel/"_s + profile.externalId;
        profile.metrics.followers = subscribers.value_or(0);
        profile.metrics.posts = count(statistics.value(u"videoCount"_s));
        profile.metrics.views = count(statistics.value(u"viewCount"_s));
        profile.metrics.mediaList = channel.value(u"contentDetails"_s)
                                            .toObject()
                                            .value(u"relatedPlaylists"_s)
                                            .toObject()
                                            .value(u"uploads"_s)
                                            .toString()
                                            .left(200);
        return profile;
    }

    std::optional<Call> recentMedia(
            const QString &accessToken, const MetricSnapshot &account) const override
    {
        if (account.mediaList.isEmpty()) {
            return std::nullopt;
        }
        QUrl url = endpoint(settings().apiUrl, u"/youtube/v3/playlistItems"_s);
        url.setQuery(QString::fromLatin1(net::formEncode(
                {{u"part"_s, u"snippet,contentDetails"_s}, {u"playlistId"_s, account.mediaList},
                        {u"maxResults"_s, QString::number(kMediaPage)}})));
        return Call{bearer(url, accessToken), std::nullopt};
    }

    Result<QList<MediaItem>> parseMedia(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"YouTube's playlistItems.list"_s);
        if (!object) {
            return object.error();
        }
        QList<MediaItem> items;
        for (const QJsonValue value : object->value(u"items"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            const QJsonObject details = entry.value(u"contentDetails"_s).toObject();
            MediaItem item;
            item.kind = u"video"_s;
            item.externalId = mediaId(details.value(u"videoId"_s));
            // videoPublishedAt is absent for a private or deleted video: left out.
            item.publishedAt = platformTime(details.value(u"videoPublishedAt"_s));
            if (item.externalId.isEmpty() || !item.publishedAt.isValid()) {
                continue;
            }
            item.caption =
                    entry.value(u"snippet"_s).toObject().value(u"title"_s).toString().left(5000);
            item.url = postUrl(QJsonValue(u"https://www.youtube.com/watch?v="_s
                    + QString::fromLatin1(QUrl::toPercentEncoding(item.externalId))));
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
        if (items.isEmpty()) {
            return {};
        }
        QStringList ids;
        for (const MediaItem &item : items) {
            ids.append(item.externalId);
        }
        QUrl url = endpoint(settings().apiUrl, u"/youtube/v3/videos"_s);
        url.setQuery(QString::fromLatin1(net::formEncode({{u"part"_s, u"snippet,statistics"_s},
                {u"id"_s, ids.join(u',')}, {u"maxResults"_s, QString::number(kMediaPage)}})));
        return {Call{bearer(url, accessToken), std::nullopt}};
    }

    bool parseMediaDetail(
            qsizetype /*index*/, const net::Fetched &fetched, MediaRound &round) const override
    {
        const auto object = answer(fetched, u"YouTube's videos.list"_s);
        if (!object) {
            return true;
        }
        for (const QJsonValue value : object->value(u"items"_s).toArray()) {
            const QJsonObject video = value.toObject();
            const QString id = mediaId(video.value(u"id"_s));
            const QJsonObject statistics = video.value(u"statistics"_s).toObject();
            for (MediaItem &item : round.items) {
                if (id.isEmpty() || item.externalId != id) {
                    continue;
                }
                item.views = count(statistics.value(u"viewCount"_s));
                item.likes = count(statistics.value(u"likeCount"_s));
                item.comments = count(statistics.value(u"commentCount"_s));
                const QString title =
                        video.value(u"snippet"_s).toObject().value(u"title"_s).toString();
                if (!title.isEmpty()) {
                    item.caption = title.left(5000);
                }
            }
        }
        return true;
    }
};

} // namespace

std::unique_ptr<SocialProvider> makeYouTube(PlatformSettings settings)
{
    return std::make_unique<YouTubeProvider>(std::move(settings));
}

} // namespace influence::server::social
