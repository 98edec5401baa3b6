// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QJsonArray>
#include <QUuid>

#include <optional>

namespace influence::server::db {
class Connection;
}

/// SQL for profiles and connected accounts. JSON comes straight from the database functions
/// api_*_json (migration 0003), so that every route shows the same shape. Functions that write
/// expect to run inside a transaction.
namespace influence::server::profiles::store {

/// The creator's profile as JSON; `owner` adds what only the owner sees. Nothing when there is
/// no such profile or its user is disabled.
common::Result<std::optional<QByteArray>> influencerJson(
        db::Connection &c, const QUuid &id, bool owner);
/// The owner's profile, locked for an update.
common::Result<std::optional<QByteArray>> lockInfluencer(db::Connection &c, const QUuid &id);
/// Creates or replaces; true when it was created.
common::Result<bool> saveInfluencer(
        db::Connection &c, const QUuid &id, const common::InfluencerProfileInput &input);
/// Removes the profile with its rates, accounts and their history; false when there was none.
common::Result<bool> deleteInfluencer(db::Connection &c, const QUuid &id);

common::Result<std::optional<QByteArray>> brandJson(db::Connection &c, const QUuid &id);
common::Result<std::optional<QByteArray>> lockBrand(db::Connection &c, const QUuid &id);
common::Result<bool> saveBrand(
        db::Connection &c, const QUuid &id, const common::BrandProfileInput &input);
common::Result<bool> deleteBrand(db::Connection &c, const QUuid &id);

/// The owner's accounts as a JSON array.
common::Result<QByteArray> accountsJson(db::Connection &c, const QUuid &owner);
common::Result<QByteArray> insertManualAccount(
        db::Connection &c, const QUuid &owner, const common::ManualAccountInput &input);
/// The account's status ("manual", "connected" …) if `owner` owns it, locked.
common::Result<std::optional<QString>> lockAccount(
        db::Connection &c, const QUuid &id, const QUuid &owner);
common::Result<QByteArray> updateAccount(db::Connection &c, const QUuid &id,
        const std::optional<QString> &handle, const std::optional<QString> &profileUrl);
common::Result<bool> deleteAccount(db::Connection &c, const QUuid &id, const QUuid &owner);

/// The version of the account's metric series (account_metrics_changes.change_xid, migration
/// 0009; 0 when its series has not changed since), if the account exists and belongs to an active
/// creator (its history is public to signed-in users); nothing otherwise.
common::Result<std::optional<quint64>> accountSeriesVersion(db::Connection &c, const QUuid &id);
/// Metric points from..to, one per day/week/month (the last snapshot's counts of the period,
/// summed views and reach, mean engagement), as a JSON array.
common::Result<QByteArray> metricsSeries(db::Connection &c, const QUuid &id, const QDate &from,
        const QDate &to, const QString &interval);

} // namespace influence::server::profiles::store
