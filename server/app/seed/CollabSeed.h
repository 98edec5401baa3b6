// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QtGlobal>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

struct CollabSeedReport
{
    qint64 campaigns = 0;
    qint64 deals = 0;
};

/// Demo collaboration for the first brands (in id order): an active public campaign with four
/// creators' deals at different points of the workflow (invited; negotiating over a
/// counter-offer; in progress with a draft in review and an overdue deliverable; completed with a
/// live post), with offers, frozen terms, timeline, messages and unread notifications, plus a
/// draft campaign. Ids come from UUIDv5 names and times from `anchor`, so the same data set
/// always gives the same rows. Runs inside the caller's transaction.
common::Result<CollabSeedReport> seedCollaboration(
        db::Connection &c, quint64 seed, const QDateTime &anchor);

} // namespace influence::server::seed
