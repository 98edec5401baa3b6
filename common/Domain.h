// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace influence::common {

/// Who a user is on the platform. Agency staff act for brands with the brand role.
enum class UserRole { Brand, Influencer, Admin };
/// Whether a user may sign in.
enum class UserStatus { Active, Disabled };
/// The social platforms a creator can connect.
enum class Platform {
    Instagram,
    YouTube,
    TikTok,
    Twitch,
    X,
    Facebook,
    Pinterest,
    LinkedIn,
    Snapchat
};
/// The state of a connected social account.
enum class AccountStatus {
    Manual, ///< added by hand, not verified with the platform
    Connected, ///< verified through the platform's OAuth, tokens stored
    NeedsReconnect, ///< a token refresh failed; the creator must connect again
    Disconnected, ///< the creator revoked access; history is kept
};
/// What a creator delivers in a deal; rates are quoted per type.
enum class DeliverableType { Post, Story, Reel, Video, Short, Livestream, Blog };

QString wireName(UserRole role);
QString wireName(UserStatus status);
QString wireName(Platform platform);
QString wireName(AccountStatus status);
QString wireName(DeliverableType type);

std::optional<UserRole> userRoleFromString(const QString &text);
std::optional<UserStatus> userStatusFromString(const QString &text);
std::optional<Platform> platformFromString(const QString &text);
std::optional<AccountStatus> accountStatusFromString(const QString &text);
std::optional<DeliverableType> deliverableTypeFromString(const QString &text);

/// The stable wire names ("brand", "instagram") of enum values, as the API uses them.

/// The wire names of every value, in declaration order (for OpenAPI enums and UI lists).
QStringList userRoleNames();
QStringList platformNames();
QStringList accountStatusNames();
QStringList deliverableTypeNames();

/// The niches creators describe themselves with; discovery filters on them.
QStringList nicheNames();
bool isNiche(const QString &text);

} // namespace influence::common
