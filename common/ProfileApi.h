// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "JsonReply.h"
#include "ProfileTypes.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace influence::common {

class ApiClient;

/// A follower event the server's authenticity detector found in an account's history
/// (`authenticityEvents` of an account in a creator profile).
struct AuthenticityEvent
{
    enum class Kind {
        FollowerStep, ///< a step or ramp not matched by views or engagement: bought followers
        OrganicSpike, ///< matched by a views or engagement spike; costs the score nothing
        Churn, ///< a jump that fell back within days (follow/unfollow)
    };
    QDate day; ///< the event's first day
    Kind kind = Kind::FollowerStep;
    double size = 0; ///< the excess followers as a fraction of the followers before
    int lengthDays = 1; ///< 1 for a step, more for a ramp
    QString reason; ///< the server's plain English words for it

    /// The event, or none for a kind this client does not know (left out, not an error).
    static std::optional<AuthenticityEvent> fromJson(const QJsonObject &json);
};

/// A social account of a creator as the API shows it (GET /connected-accounts, or inside a
/// creator profile, where `status` is left out for everyone but the owner).
struct ConnectedAccount
{
    QString id;
    Platform platform = Platform::Instagram;
    QString platformName; ///< the wire name, kept for platforms this client does not know
    QString handle;
    QString profileUrl;
    qint64 followers = 0;
    std::optional<double> engagementRate;
    std::optional<double> growth30d;
    bool verified = false;
    std::optional<AccountStatus> status;
    QDateTime lastSyncedAt;
    /// 0–100 (100: nothing suspicious); none until the history is long enough to judge.
    std::optional<int> authenticityScore;
    QList<AuthenticityEvent> authenticityEvents; ///< oldest first

    static Result<ConnectedAccount> fromJson(const QJsonObject &json);
};

/// GET /api/v1/influencers/{id} and /api/v1/me/influencer: the editable fields plus what the
/// platform derives from the accounts.
struct InfluencerProfile
{
    QString id;
    InfluencerProfileInput details;
    qint64 totalFollowers = 0;
    std::optional<double> engagementRate;
    std::optional<double> growth30d;
    /// The follower-weighted mean of the accounts' scores; none when no account has one.
    std::optional<int> authenticityScore;
    QList<ConnectedAccount> accounts;

    static Result<InfluencerProfile> fromJson(const QJsonObject &json);
};

/// GET /api/v1/me/brand: a brand's profile, which campaigns, offers and lists name.
struct BrandProfile
{
    QString id; ///< the owner's user id, which is the brand's id
    BrandProfileInput details;
    QDateTime updatedAt;

    static Result<BrandProfile> fromJson(const QJsonObject &json);
};

/// GET /api/v1/me/brands: one brand the caller acts for.
struct ActingBrand
{
    QString id; ///< the brand (its owner's user id)
    QString name;
    bool owner = false; ///< the caller owns it; else they are its staff

    static Result<ActingBrand> fromJson(const QJsonObject &json);
};

/// One period of an account's metric history.
struct MetricPoint
{
    QDate date; ///< the first day of the period
    qint64 followers = 0;
};

/// GET /api/v1/connected-accounts/{id}/metrics.
struct MetricSeries
{
    QString accountId;
    QString interval; ///< day, week, month
    QDate from;
    QDate to;
    QList<MetricPoint> points;

    static Result<MetricSeries> fromJson(const QJsonObject &json);
};

/// The creator profile calls: profiles, the caller's connected accounts and their metrics.
/// Holds no state but the client; copy it freely.
class ProfileApi
{
public:
    explicit ProfileApi(ApiClient *client)
        : m_client(client)
    { }

    /// GET /api/v1/influencers/{id}: a creator's public profile.
    QFuture<Result<InfluencerProfile>> influencer(const QString &id) const;
    /// GET /api/v1/me/influencer: the caller's own creator profile (NotFound when none yet).
    QFuture<Result<InfluencerProfile>> myInfluencer() const;
    /// PUT /api/v1/me/influencer: replaces (or creates) the caller's creator profile.
    QFuture<Result<InfluencerProfile>> saveMyInfluencer(const InfluencerProfileInput &input) const;
    /// GET /api/v1/me/brand: the brand the caller owns (NotFound when they own none, as staff
    /// acting for another's brand).
    QFuture<Result<BrandProfile>> myBrand() const;
    /// GET /api/v1/me/brands: the brands the caller owns or is staff of, by name.
    QFuture<Result<QList<ActingBrand>>> myBrands() const;
    /// PUT /api/v1/me/brand: replaces (or creates) the caller's brand profile.
    QFuture<Result<BrandProfile>> saveMyBrand(const BrandProfileInput &input) const;
    /// GET /api/v1/connected-accounts: the caller's own accounts, with their status.
    QFuture<Result<QList<ConnectedAccount>>> connectedAccounts() const;
    /// POST /api/v1/connected-accounts: adds an account by hand.
    QFuture<Result<ConnectedAccount>> addManualAccount(const ManualAccountInput &input) const;
    /// DELETE /api/v1/connected-accounts/{id}: removes an account and its history.
    QFuture<Result<JsonReply>> removeAccount(const QString &id) const;
    /// GET /api/v1/connected-accounts/{id}/metrics: the history from `from` to `to` (inclusive)
    /// in periods of `interval` (day, week, month).
    QFuture<Result<MetricSeries>> accountMetrics(
            const QString &id, QDate from, QDate to, const QString &interval) const;
    /// GET /api/v1/connected-accounts/{platform}/connect: the platform's consent page to open
    /// in the browser (the server keeps the state and PKCE verifier).
    QFuture<Result<QUrl>> connectUrl(const QString &platform) const;

private:
    ApiClient *m_client;
};

} // namespace influence::common
