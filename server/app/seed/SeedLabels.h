// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace influence::server::db {
class Connection;
}

/// The size of the follower jumps the seeder plants (viral days and bought followers), an SQL
/// expression over the account's draw `us`: 1, 2, 5, 10 or 25 % of the followers before.
#define SEED_STEP_SIZE "(ARRAY[0.01, 0.02, 0.05, 0.10, 0.25])[1 + floor(5 * us)::int]"

namespace influence::server::seed {

/// An event the seeder planted in an account's follower history (Seeder.cpp, kInsertMetrics):
/// the first day at the new level, the jump as a fraction of the followers before, and its kind
/// as the authenticity detector names it (follower_step: bought; organic_spike: a viral day,
/// with 12× the views).
struct PlantedEvent
{
    QString accountId;
    QDate day;
    double size = 0.0;
    QString kind;
};

/// The events planted in the verified accounts' histories of `days` days ending on `end`, from
/// the same draws as the histories (keep the two in step).
common::Result<QList<PlantedEvent>> plantedEvents(db::Connection &c, const QDate &end, int days);

} // namespace influence::server::seed
