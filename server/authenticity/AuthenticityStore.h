// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QString>

namespace influence::server::db {
class Connection;
}

/// Runs the authenticity detector (Detector.h) over accounts' stored daily figures
/// (account_metrics) and stores their events and scores (store_account_authenticity,
/// 0015_authenticity.sql). The sync calls it after an account's figures, the seeder after the
/// histories it writes.
namespace influence::server::authenticity {

/// `accountIdsJson`: a JSON array of account ids.
common::Result<void> refreshAuthenticity(db::Connection &c, const QString &accountIdsJson);

} // namespace influence::server::authenticity
