// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}
namespace influence::server::http {
struct Principal;
}

/// A creator's social accounts: added by hand (manual) or connected through the platform (the
/// social domain), changed and removed by their owner only; another user's account answers 404
/// as if it did not exist. JSON comes from api_account_json (migration 0003).
namespace influence::server::profiles {

/// What a change of an account sets; a member without a value stays as it is.
struct AccountChange
{
    std::optional<QString> handle;
    std::optional<QString> profileUrl; ///< empty: removed
};

/// The caller's accounts, `{"items": [...]}`, by platform and handle.
common::Result<QByteArray> accounts(db::Connection &c, const http::Principal &p);
/// Adds an account by hand; 409 while the caller has no influencer profile (it is locked until
/// the account is in).
common::Result<QByteArray> addManualAccount(
        db::Connection &c, const http::Principal &p, const common::ManualAccountInput &input);
/// Changes one of the caller's accounts, with the row locked; only a manual account's handle may
/// change (409: a connected account's comes from the platform).
common::Result<QByteArray> changeAccount(
        db::Connection &c, const http::Principal &p, const QUuid &id, const AccountChange &change);
/// Removes one of the caller's accounts with its metric history (and stored platform tokens).
common::Result<void> deleteAccount(db::Connection &c, const http::Principal &p, const QUuid &id);

} // namespace influence::server::profiles
