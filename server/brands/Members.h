// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QUuid>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

/// A brand's staff (brand_members): users with the brand role who act for the brand in its
/// campaigns and deals. The brand's owner (or an admin) manages them; the database function
/// acts_for_brand() is how every other domain asks who acts for a brand.
namespace influence::server::brands {

/// The brands the caller acts for, as owner or staff: {"items": [{id, name, role}]} by name
/// (empty for creators). What a client offers in a brand picker.
common::Result<QByteArray> brandsOf(db::Connection &c, const http::Principal &p);
/// The staff of a brand (visible to those who act for it).
common::Result<QByteArray> members(db::Connection &c, const http::Principal &p, const QUuid &brand);
/// The brand's owner (or an admin) adds a user with the brand role as staff.
common::Result<QByteArray> addMember(
        db::Connection &c, const http::Principal &p, const QUuid &brand, const QUuid &user);
/// Removes a member; 404 when the user was not one.
common::Result<void> removeMember(
        db::Connection &c, const http::Principal &p, const QUuid &brand, const QUuid &user);

} // namespace influence::server::brands
