// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace influence::server::db {
class Connection;
}

namespace influence::server::seed {

struct EvaluationWorldReport
{
    qint64 historyCampaigns = 0;
    qint64 completedDeals = 0;
    qint64 declinedDeals = 0;
    qint64 testCampaigns = 0;
    qint64 outcomes = 0; ///< creator outcomes written to the file (accepted or relevant)
};

/// The recommendation evaluation's world (bench/recommendations/README.md), on top of the
/// generated creators: each creator gets a hidden quality q (never stored in the database) that
/// drives, with noise, their engagement rate, their post captions' topical focus, their
/// authenticity score, how their past deals' posts performed and how often they declined
/// invitations; completed history campaigns with those deals and declines; and active test
/// campaigns without deals whose outcomes (who would accept, how their post would perform, a
/// graded relevance) go only to `outcomesFile`, one JSON line per test campaign. Deterministic
/// for a seed; runs inside the caller's transaction.
common::Result<EvaluationWorldReport> seedEvaluationWorld(
        db::Connection &c, quint64 seed, const QDateTime &anchor, const QString &outcomesFile);

} // namespace influence::server::seed
