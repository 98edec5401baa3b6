// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace influence::server::db {
class Connection;
}

/// The job queue (resources/migrations/0018_jobs.sql): background work is a row in `jobs`,
/// written in the same transaction as the change that causes it and run by a JobWorker in some
/// server process, at least once.
namespace influence::server::jobs {

struct NewJob
{
    /// What runs it: the handler registered for this kind (JobWorker::addHandler).
    QString kind;
    QJsonObject payload;
    /// The queue of the kind's handler.
    QString queue = QStringLiteral("default");
    /// Not before (now when invalid).
    QDateTime runAt;
    /// Higher runs first among a queue's due jobs.
    int priority = 0;
    int maxAttempts = 10;
    /// At most one job with this key is queued or running; another enqueue is dropped.
    QString uniqueKey;
};

/// Enqueues `job` in the caller's transaction (db::inTransaction): it runs only if that commits.
/// The job's id, or nothing when a job with its unique key is already queued or running.
common::Result<std::optional<qint64>> enqueue(db::Connection &connection, const NewJob &job);

/// The queues' depth for /metrics, in Prometheus' text format: jobs queued and running per
/// queue, and dead ones (from the partial indexes; nothing when the query fails).
QByteArray metricsText(db::Connection &connection);

} // namespace influence::server::jobs
