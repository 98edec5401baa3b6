// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/net/HttpFetcher.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace influence::server::social {

/// A platform that is offered, as its provider uses it: the PlatformClient configured for it,
/// with its name and its endpoints as URLs.
struct PlatformSettings
{
    QString platform; ///< "instagram", "youtube" or "tiktok"
    QString clientId;
    QString clientSecret;
    QUrl authUrl; ///< the consent page
    QUrl tokenUrl; ///< code exchange and refresh
    QUrl apiUrl; ///< profile and metrics
};

/// Tokens as a platform hands them out. expiresIn 0: the platform did not say.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; ///< empty: none (Instagram refreshes with the access token)
    qint64 expiresIn = 0;
    qint64 refreshExpiresIn = 0;
    QString scopes;
};

/// Figures of one day; those a platform does not give stay empty (NULL, never 0).
struct MetricSnapshot
{
    qint64 followers = 0;
    std::optional<qint64> following;
    std::optional<qint64> posts;
    std::optional<qint64> views;
    std::optional<qint64> reach; ///< the account's reach of the day (Instagram's insights)
    /// Where the account's recent media are listed, for platforms that need to be told
    /// (YouTube's uploads playlist); empty otherwise.
    QString mediaList;
};

/// One of an account's recent posts as its platform lists it, with its lifetime totals; figures
/// the platform does not give stay empty (NULL, never 0).
struct MediaItem
{
    QString externalId;
    QString kind = QStringLiteral("post"); ///< posts.kind: post, reel, story, video
    QString url; ///< the post's https address, or empty
    QString caption;
    QDateTime publishedAt; ///< valid, UTC
    std::optional<qint64> views;
    std::optional<qint64> impressions;
    std::optional<qint64> reach;
    std::optional<qint64> likes;
    std::optional<qint64> comments;
    std::optional<qint64> shares;
    std::optional<qint64> saves;
};

/// What a sync round learnt about an account's posts: the list (newest first) and what the
/// follow-up calls added to it.
struct MediaRound
{
    QList<MediaItem> items;
    std::optional<qint64> accountReach;
};

/// The platform account behind a token.
struct AccountProfile
{
    QString externalId;
    QString handle;
    QString profileUrl; ///< https, or empty
    MetricSnapshot metrics;
};

/// An outbound call: GET, or POST of a form.
struct Call
{
    QNetworkRequest request;
    std::optional<QByteArray> form;
};

/// Why a token request failed: the platform refused the grant (the user must connect again), or
/// it could not be asked (try later).
enum class TokenFailure { Refused, Unavailable };

/// A social platform's OAuth 2.0 client and account API, as publicly documented: requests are
/// built and answers parsed here, sent by SocialService. Implementations hold no state beyond
/// their settings and are used from one thread.
class SocialProvider
{
public:
    explicit SocialProvider(PlatformSettings settings)
        : m_settings(std::move(settings))
    { }
    virtual ~SocialProvider() = default;
    SocialProvider(const SocialProvider &) = delete;
    SocialProvider &operator=(const SocialProvider &) = delete;

    const PlatformSettings &settings() const { return m_settings; }

    /// The consent page with state and, where the platform supports it, PKCE (RFC 7636 S256).
    virtual QUrl authorizationUrl(const QString &redirectUri, const QString &state,
            const QString &codeVerifier) const = 0;
    /// The authorization-code exchange (RFC 6749 §4.1.3).
    virtual Call codeExchange(
            const QString &code, const QString &redirectUri, const QString &codeVerifier) const = 0;
    /// A second step after the code exchange (Instagram's long-lived token), if any.
    virtual std::optional<Call> upgrade(const TokenSet & /*tokens*/) const { return std::nullopt; }
    /// Renews the access token from what is stored.
    virtual Call refresh(const TokenSet &current) const = 0;
    /// Reads a token answer (code exchange, upgrade or refresh); `previous` fills in what a
    /// refresh answer leaves out (Google keeps the refresh token).
    virtual common::Result<TokenSet> parseTokens(
            const net::Fetched &fetched, const TokenSet &previous) const;
    /// The account behind the token with its current figures.
    virtual Call profile(const QString &accessToken) const = 0;
    virtual common::Result<AccountProfile> parseProfile(const net::Fetched &fetched) const = 0;
    /// Today's figures (the profile call answers them for these three platforms).
    virtual Call metrics(const QString &accessToken) const { return profile(accessToken); }
    virtual common::Result<MetricSnapshot> parseMetrics(const net::Fetched &fetched) const;

    /// The account's recent posts (one page, at most kMediaPage), or none where the platform
    /// lists none.
    virtual std::optional<Call> recentMedia(
            const QString & /*accessToken*/, const MetricSnapshot & /*account*/) const
    {
        return std::nullopt;
    }
    /// Reads the list; items without an id or a valid publication time are left out.
    virtual common::Result<QList<MediaItem>> parseMedia(const net::Fetched &fetched) const;
    /// Calls that complete the list (YouTube's statistics, Instagram's insights of the newest
    /// kInsightPosts posts and of the account): at most kInsightPosts + 1.
    virtual QList<Call> mediaDetails(
            const QString & /*accessToken*/, const QList<MediaItem> & /*items*/) const
    {
        return {};
    }
    /// Adds the answer to mediaDetails()[index] to `round`; an answer it cannot read changes
    /// nothing (the figures stay empty). False: the remaining follow-ups would be refused too
    /// (the token lacks the permission), so they are not asked for.
    virtual bool parseMediaDetail(
            qsizetype /*index*/, const net::Fetched & /*fetched*/, MediaRound & /*round*/) const
    {
        return true;
    }

    /// Whether a failed token request means the grant is gone (RFC 6749 §5.2 invalid_grant, or
    /// 400/401) rather than the platform being unreachable.
    static TokenFailure classify(const common::Error &error);

protected:
    /// `path` under `base`, keeping a base path (a local peer or a proxy).
    static QUrl endpoint(const QUrl &base, const QString &path);
    static QNetworkRequest bearer(const QUrl &url, const QString &accessToken);
    /// The object of a JSON answer, or an error for a non-2xx status or a non-object.
    static common::Result<QJsonObject> answer(const net::Fetched &fetched, const QString &what);

private:
    PlatformSettings m_settings;
};

std::unique_ptr<SocialProvider> makeInstagram(PlatformSettings settings);
std::unique_ptr<SocialProvider> makeYouTube(PlatformSettings settings);
std::unique_ptr<SocialProvider> makeTikTok(PlatformSettings settings);
/// The provider for settings.platform, or nullptr for an unknown platform.
std::unique_ptr<SocialProvider> makeProvider(PlatformSettings settings);

/// Platform numbers: whole JSON numbers >= 0, or decimal strings (YouTube's statistics); empty
/// for anything else.
std::optional<qint64> count(const QJsonValue &value);
/// `value` when it is an https URL a post may keep (at most 2048 characters), else empty.
QString postUrl(const QJsonValue &value);
/// An ISO 8601 time ("2026-11-30T12:00:00Z", Instagram's "+0000") or Unix seconds (TikTok) in
/// UTC; invalid for anything else.
QDateTime platformTime(const QJsonValue &value);
/// A platform's id of a post: a string, or a whole number; empty for anything else.
QString mediaId(const QJsonValue &value);

/// Posts asked for per account and day, and how many of the newest get insights of their own.
inline constexpr int kMediaPage = 25;
inline constexpr int kInsightPosts = 12;

} // namespace influence::server::social
