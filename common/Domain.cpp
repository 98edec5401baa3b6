// SPDX-License-Identifier: Apache-2.0
#include "Domain.h"

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

template<class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, QLatin1StringView>, N>;

constexpr NameTable<UserRole, 3> kRoles{{
        {UserRole::Brand, "brand"_L1},
        {UserRole::Influencer, "influencer"_L1},
        {UserRole::Admin, "admin"_L1},
}};
constexpr NameTable<UserStatus, 2> kUserStatuses{{
        {UserStatus::Active, "active"_L1},
        {UserStatus::Disabled, "disabled"_L1},
}};
constexpr NameTable<Platform, 9> kPlatforms{{
        {Platform::Instagram, "instagram"_L1},
        {Platform::YouTube, "youtube"_L1},
        {Platform::TikTok, "tiktok"_L1},
        {Platform::Twitch, "twitch"_L1},
        {Platform::X, "x"_L1},
        {Platform::Facebook, "facebook"_L1},
        {Platform::Pinterest, "pinterest"_L1},
        {Platform::LinkedIn, "linkedin"_L1},
        {Platform::Snapchat, "snapchat"_L1},
}};
constexpr NameTable<AccountStatus, 4> kAccountStatuses{{
        {AccountStatus::Manual, "manual"_L1},
        {AccountStatus::Connected, "connected"_L1},
        {AccountStatus::NeedsReconnect, "needs_reconnect"_L1},
        {AccountStatus::Disconnected, "disconnected"_L1},
}};
constexpr NameTable<DeliverableType, 7> kDeliverableTypes{{
        {DeliverableType::Post, "post"_L1},
        {DeliverableType::Story, "story"_L1},
        {DeliverableType::Reel, "reel"_L1},
        {DeliverableType::Video, "video"_L1},
        {DeliverableType::Short, "short"_L1},
        {DeliverableType::Livestream, "livestream"_L1},
        {DeliverableType::Blog, "blog"_L1},
}};

constexpr std::array kNiches{
        "art"_L1,
        "automotive"_L1,
        "beauty"_L1,
        "comedy"_L1,
        "diy"_L1,
        "education"_L1,
        "family"_L1,
        "fashion"_L1,
        "finance"_L1,
        "fitness"_L1,
        "food"_L1,
        "gaming"_L1,
        "health"_L1,
        "home"_L1,
        "lifestyle"_L1,
        "music"_L1,
        "outdoors"_L1,
        "pets"_L1,
        "photography"_L1,
        "sports"_L1,
        "sustainability"_L1,
        "tech"_L1,
        "travel"_L1,
        "wellness"_L1,
};

template<class Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value) {
            return name;
        }
    }
    return {};
}

template<class Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &table, const QString &text)
{
    for (const auto &[value, name] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

template<class Enum, std::size_t N>
QStringList namesOf(const NameTable<Enum, N> &table)
{
    QStringList names;
    names.reserve(N);
    for (const auto &entry : table) {
        names.append(entry.second);
    }
    return names;
}

} // namespace

QString wireName(UserRole role)
{
    return nameOf(kRoles, role);
}
QString wireName(UserStatus status)
{
    return nameOf(kUserStatuses, status);
}
QString wireName(Platform platform)
{
    return nameOf(kPlatforms, platform);
}
QString wireName(AccountStatus status)
{
    return nameOf(kAccountStatuses, status);
}
QString wireName(DeliverableType type)
{
    return nameOf(kDeliverableTypes, type);
}

std::optional<UserRole> userRoleFromString(const QString &text)
{
    return valueOf(kRoles, text);
}
std::optional<UserStatus> userStatusFromString(const QString &text)
{
    return valueOf(kUserStatuses, text);
}
std::optional<Platform> platformFromString(const QString &text)
{
    return valueOf(kPlatforms, text);
}
std::optional<AccountStatus> accountStatusFromString(const QString &text)
{
    return valueOf(kAccountStatuses, text);
}
std::optional<DeliverableType> deliverableTypeFromString(const QString &text)
{
    return valueOf(kDeliverableTypes, text);
}

QStringList userRoleNames()
{
    return namesOf(kRoles);
}
QStringList platformNames()
{
    return namesOf(kPlatforms);
}
QStringList accountStatusNames()
{
    return namesOf(kAccountStatuses);
}
QStringList deliverableTypeNames()
{
    return namesOf(kDeliverableTypes);
}

QStringList nicheNames()
{
    QStringList names;
    for (const auto niche : kNiches) {
        names.append(niche);
    }
    return names;
}

bool isNiche(const QString &text)
{
    return std::any_of(kNiches.begin(), kNiches.end(), [&text](QLatin1StringView niche) {
        return niche == text;
    });
}

} // namespace influence::common
