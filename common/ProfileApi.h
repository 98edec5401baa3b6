// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "ProfileTypes.h"
#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace influence::common {

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
    QList<ConnectedAccount> accounts;

    static Result<InfluencerProfile> fromJson(const QJsonObject &json);
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

} // namespace influence::common
