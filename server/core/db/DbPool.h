// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"
#include "DatabaseSettings.h"

#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace influence::server::db {

class ReplicaPool;

/// The worker threads that talk to PostgreSQL, each with its own connection (QtSql connections
/// are bound to their thread). Work that touches the database runs here, never on an HTTP thread.
/// The queue is bounded: when it is full, tryRun() refuses and the caller answers 503.
class DbPool
{
public:
    DbPool(std::shared_ptr<const ConnectionSettings> settings, int threads, int queueLimit);
    /// As many threads and as long a queue as the database part of the configuration says.
    DbPool(std::shared_ptr<const ConnectionSettings> settings, const DatabaseSettings &database);
    ~DbPool();
    DbPool(const DbPool &) = delete;
    DbPool &operator=(const DbPool &) = delete;

    /// Queues `task`, which runs on a worker with that worker's connection. The task must not
    /// throw (runOnDbPool wraps handlers in a catch-all). False when the queue is full.
    bool tryRun(std::function<void(Connection &)> task);

    /// Waits until every queued task has run.
    void waitForDone();

    int queued() const { return m_queued.load(); }
    /// The worker threads (and connections) the pool may have.
    int threads() const { return m_pool.maxThreadCount(); }
    /// Tasks running now.
    int busy() const { return m_busy.load(std::memory_order_relaxed); }
    /// Tasks started so far, and the time they waited in the queue in total (for /metrics).
    quint64 started() const { return m_started.load(std::memory_order_relaxed); }
    quint64 waitedNanoseconds() const { return m_waitedNs.load(std::memory_order_relaxed); }
    const std::shared_ptr<const ConnectionSettings> &settings() const { return m_settings; }

    /// The read replicas read-only work may run on instead (DATABASE_REPLICA_URLS); null: none.
    /// Set once before any task is queued.
    void setReplicas(ReplicaPool *replicas) { m_replicas = replicas; }
    ReplicaPool *replicas() const { return m_replicas; }

private:
    std::shared_ptr<const ConnectionSettings> m_settings;
    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    std::atomic<int> m_busy{0};
    std::atomic<quint64> m_started{0};
    std::atomic<quint64> m_waitedNs{0};
    int m_queueLimit;
    ReplicaPool *m_replicas = nullptr;
};

} // namespace influence::server::db
