// SPDX-License-Identifier: Apache-2.0
// TikTok Login Kit v2: authorization at www.tiktok.com/v2/auth/authorize/ (client_key, PKCE),
// tokens from open.tiktokapis.com/v2/oauth/token/, the account from /v2/user/info/ with the
// user.info.stats figures; recent videos with their figures from the Display API's
// POST /v2/video/list/ (scope video.list; at most 20 a page).
#include "SocialProvider.h"
#include "core/crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::social {

namespace {

class TikTokProvider : public SocialProvider
{
public:
    using SocialProvider::SocialProvider;

    QUrl authorizationUrl(const QString &redirectUri, const QString &state,
            const QString &codeVerifier) const override
    {
        QUrl url = settings().authUrl;
        url.setQuery(QString::fromLatin1(net::formEncode({{u"client_key"_s, settings().clientId},
                {u"scope"_s, u"user.info.basic,user.info.profile,user.info.stats,video.list"_s},
                {u"response_type"_s, u"code"_s}, {u"redirect_uri"_s, redirectUri},
                {u"state"_s, state}, {u"code_challenge"_s, crypto::pkceChallenge(codeVerifier)},
                {u"code_challenge_method"_s, u"S256"_s}})));
        return url;
    }

    Call codeExchange(const QString &code, const QString &redirectUri,
            const QString &codeVerifier) const override
    {
        return {QNetworkRequest(settings().tokenUrl),
                net::formEncode({{u"client_key"_s, settings().clientId},
                        {u"client_secret"_s, settings().clientSecret}, {u"code"_s, code},
                        {u"grant_type"_s, u"authorization_code"_s},
                        {u"redirect_uri"_s, redirectUri}, {u"code_verifier"_s, codeVerifier}})};
    }

    Call refresh(const TokenSet &current) const override
    {
        return {QNetworkRequest(settings().tokenUrl),
                net::formEncode({{u"client_key"_s, settings().clientId},
                        {u"client_secret"_s, settings().clientSecret},
                        {u"grant_type"_s, u"refresh_token"_s},
                        {u"refresh_token"_s, current.refreshToken}})};
    }

    Call profile(const QString &accessToken) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/v2/user/info/"_s);
        url.setQuery(u"fields=open_id%2Cusername%2Cdisplay_name%2Cprofile_deep_link%2C"
                     "follower_count%2Cfollowing_count%2Cvideo_count%2Clikes_count"_s);
        return {bearer(url, accessToken), std::nullopt};
    }

    Result<AccountProfile> parseProfile(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"TikTok's /v2/user/info/"_s);
        if (!object) {
            return object.error();
        }
        const QString status =
                object->value(u"error"_s).toObject().value(u"code"_s).toString(u"ok"_s);
        if (status != u"ok"_s) {
            return Error::make(ErrorCode::BadRequest,
                    u"TikTok's /v2/user/info/ refused (%1)"_s.arg(net::oauthErrorCode(status)));
        }
        const QJsonObject user = object->value(u"data"_s).toObject().value(u"user"_s).toObject();
        AccountProfile profile;
        profile.externalId = user.value(u"open_id"_s).toString();
        profile.handle =
                user.value(u"username"_s).toString(user.value(u"display_name"_s).toString());
        const auto followers = count(user.value(u"follower_count"_s));
        if (profile.externalId.isEmpty() || profile.handle.isEmpty() || !followers) {
            return Error::unavailable(
                    u"TikTok's /v2/user/info/ lacks open_id, username or follower_count"_s, 30);
        }
        profile.handle = profile.handle.left(100);
        const QString link = user.value(u"profile_deep_link"_s).toString();
        profile.profileUrl =
                link.startsWith(u"https://"_s) && link.size() <= 2048 ? link : QString();
        profile.metrics.followers = *followers;
        profile.metrics.following = count(user.value(u"following_count"_s));
        profile.metrics.posts = count(user.value(u"video_count"_s));
        return profile;
    }

    std::optional<Call> recentMedia(
            const QString &accessToken, const MetricSnapshot & /*account*/) const override
    {
        QUrl url = endpoint(settings().apiUrl, u"/v2/video/list/"_s);
        url.setQuery(u"fields=id%2Ctitle%2Ccreate_time%2Cshare_url%2Cview_count%2Clike_count%2C"
                     "comment_count%2Cshare_count"_s);
        QNetworkRequest request = bearer(url, accessToken);
        request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return Call{request, QByteArray("{\"max_count\":") + QByteArray::number(kTikTokPage) + '}'};
    }

    Result<QList<MediaItem>> parseMedia(const net::Fetched &fetched) const override
    {
        auto object = answer(fetched, u"TikTok's /v2/video/list/"_s);
        if (!object) {
            return object.error();
        }
        const QString status =
                object->value(u"error"_s).toObject().value(u"code"_s).toString(u"ok"_s);
        if (status != u"ok"_s) {
            return Error::make(ErrorCode::BadRequest,
                    u"TikTok's /v2/video/list/ refused (%1)"_s.arg(net::oauthErrorCode(status)));
        }
        QList<MediaItem> items;
        const QJsonArray videos = object->value(u"data"_s).toObject().value(u"videos"_s).toArray();
        for (const QJsonValue value : videos) {
            const QJsonObject video = value.toObject();
            MediaItem item;
            item.kind = u"video"_s;
            item.externalId = mediaId(video.value(u"id"_s));
            item.publishedAt = platformTime(video.value(u"create_time"_s));
            if (item.externalId.isEmpty() || !item.publishedAt.isValid()) {
                continue;
            }
            item.url = postUrl(video.value(u"share_url"_s));
            item.caption = video.value(u"title"_s).toString().left(5000);
            item.views = count(video.value(u"view_count"_s));
            item.likes = count(video.value(u"like_count"_s));
            item.comments = count(video.value(u"comment_count"_s));
            item.shares = count(video.value(u"share_count"_s));
            items.append(item);
            if (items.size() == kMediaPage) {
                break;
            }
        }
        return items;
    }

private:
    static constexpr int kTikTokPage = 20; ///< max_count's upper limit
};

} // namespace

std::unique_ptr<SocialProvider> makeTikTok(PlatformSettings settings)
{
    return std::make_unique<TikTokProvider>(std::move(settings));
}

} // namespace influence::server::social
