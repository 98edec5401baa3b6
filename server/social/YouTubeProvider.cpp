// SPDX-License-Identifier: Apache-2.0
// YouTube: Google's OAuth 2.0 for web server apps (offline access for a refresh token, PKCE) and
// the YouTube Data API v3 channels.list?part=snippet,statistics&mine=true.
#include "SocialProvider.h"
#include "core/crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonObject>

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
        url.setQuery(u"part=snippet%2Cstatistics&mine=true"_s);
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
        return profile;
    }
};

} // namespace

std::unique_ptr<SocialProvider> makeYouTube(PlatformSettings settings)
{
    return std::make_unique<YouTubeProvider>(std::move(settings));
}

} // namespace influence::server::social
