// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

/// Influencer and brand profiles: each user has at most one of each, which only they change;
/// other signed-in users see the public part of an active user's profile. JSON comes from the
/// database functions api_influencer_json and api_brand_json (migration 0003), so that every
/// route shows the same shape. Every write runs its own transaction.
namespace influence::server::profiles {

/// Whether a write made the profile or replaced the one there was.
enum class Outcome { Created, Replaced };

/// A profile as its owner sees it after a write.
struct Written
{
    QByteArray json;
    Outcome outcome = Outcome::Replaced;
};

/// The caller's influencer profile, with what only its owner sees; 404 when there is none.
common::Result<QByteArray> ownInfluencer(db::Connection &c, const http::Principal &p);
/// Creates or replaces the caller's influencer profile with its rates (PUT).
common::Result<Written> replaceInfluencer(
        db::Connection &c, const http::Principal &p, const common::InfluencerProfileInput &input);
/// Lays the editable fields of `patch` over the caller's influencer profile (JSON merge patch,
/// RFC 7396) and validates the whole, with the row locked; 404 when there is none.
common::Result<Written> patchInfluencer(
        db::Connection &c, const http::Principal &p, const QJsonObject &patch);
/// Removes the caller's influencer profile with its rates, connected accounts (and their stored
/// platform tokens) and metric history; the user account stays. 404 when there is none.
common::Result<void> deleteInfluencer(db::Connection &c, const http::Principal &p);

/// The caller's brand profile; 404 when there is none.
common::Result<QByteArray> ownBrand(db::Connection &c, const http::Principal &p);
common::Result<Written> replaceBrand(
        db::Connection &c, const http::Principal &p, const common::BrandProfileInput &input);
common::Result<Written> patchBrand(
        db::Connection &c, const http::Principal &p, const QJsonObject &patch);
common::Result<void> deleteBrand(db::Connection &c, const http::Principal &p);

/// An active creator's public profile; 404 for anyone else.
common::Result<QByteArray> publicInfluencer(db::Connection &c, const QUuid &id);
/// An active user's brand profile; 404 for anyone else.
common::Result<QByteArray> publicBrand(db::Connection &c, const QUuid &id);

/// The user's influencer profile as its owner sees it, locked (FOR UPDATE) for the rest of the
/// caller's transaction; nothing when there is none.
common::Result<std::optional<QByteArray>> lockInfluencer(db::Connection &c, const QUuid &user);

} // namespace influence::server::profiles
