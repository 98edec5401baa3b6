// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/net/HttpFetcher.h"

#include <QByteArray>
#include <QDateTime>
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

/// Platform numbers: JSON numbers, or decimal strings (YouTube's statistics).
std::optional<qint64> count(const QJsonValue &value);

} // namespace influence::server::social
