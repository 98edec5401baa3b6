// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Connection.h"
#include "DatabaseSettings.h"
#include "common/WalPosition.h"

#include <QList>
#include <QString>
#include <QThreadPool>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace influence::server::db {

/// Why a read meant for a replica ran on the primary (for /metrics).
enum class ReplicaFallback {
    NoReplica, ///< none is usable (down, lagging, or not yet checked)
    WaitTimedOut, ///< no replica replayed the client's WAL position in time
    ReplicaFailed, ///< the replica failed the task (connection lost, recovery conflict, …)
};

/// Worker threads for read-only work on streaming replicas, and a monitor thread that checks each
/// replica every checkInterval: whether it answers and how far its replay lags behind the primary.
/// A task runs with a connection (read-only session) to a usable replica, chosen round robin;
/// the caller falls back to the primary pool when there is none (Responder::runOnReadPool).
class ReplicaPool
{
public:
    ReplicaPool(std::shared_ptr<const ConnectionSettings> primary, const ReplicaSettings &settings,
            int threads, int queueLimit);
    ~ReplicaPool();
    ReplicaPool(const ReplicaPool &) = delete;
    ReplicaPool &operator=(const ReplicaPool &) = delete;

    /// The primary's WAL insert position now, on the primary connection `c` (after a write's
    /// commit: a replica that has replayed it has the write).
    static std::optional<common::WalPosition> primaryPosition(Connection &c);

    enum class Queued { Yes, QueueFull, NoReplica };
    /// Queues `task` for a replica worker unless no replica is usable now or the queue is full.
    /// The task gets a connection to a usable replica and its index, or null and -1 when the
    /// replica it would have had became unusable meanwhile. It must not throw.
    Queued tryRun(std::function<void(Connection *replica, int index)> task);
    /// Waits until every queued task has run.
    void waitForDone();

    /// Whether replica `index` (of `c`) has replayed `position`, waiting up to the configured
    /// bound for it.
    bool waitForReplay(Connection &c, int index, common::WalPosition position);
    /// A task found replica `index` broken: skip it until the monitor sees it healthy again.
    void markDown(int index);
    void countFallback(ReplicaFallback reason);

    struct Status
    {
        QString name; ///< the replica's URL without its password
        bool up = false;
        bool usable = false;
        qint64 lagMs = -1; ///< -1: unknown (down, or not yet checked)
        quint64 tasks = 0;
    };
    QList<Status> status() const;
    quint64 fallbacks(ReplicaFallback reason) const;
    int threads() const { return m_pool.maxThreadCount(); }
    int busy() const { return m_busy.load(std::memory_order_relaxed); }
    int queued() const { return m_queued.load(); }
    const ReplicaSettings &settings() const { return m_settings; }

private:
    struct Replica
    {
        std::shared_ptr<ConnectionSettings> connection;
        QString name;
        std::atomic<bool> up{false};
        std::atomic<bool> usable{false};
        std::atomic<qint64> lagMs{-1};
        std::atomic<quint64> replayed{0}; ///< the replay position last seen
        std::atomic<quint64> tasks{0};
    };
    struct Sample
    {
        qint64 atMs; ///< steady clock
        quint64 position; ///< the primary's WAL insert position then
    };

    int pick();
    void monitor();
    void check(Connection &primary, std::vector<std::unique_ptr<Connection>> &replicas);
    void checkReplica(Replica &replica, Connection &c);
    qint64 lagOf(quint64 replayed, double replayAgeMs, qint64 nowMs) const;

    std::shared_ptr<const ConnectionSettings> m_primary;
    ReplicaSettings m_settings;
    std::vector<std::unique_ptr<Replica>> m_replicas;
    std::vector<Sample> m_samples; ///< the monitor thread's only, oldest first
    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    std::atomic<int> m_busy{0};
    std::atomic<quint64> m_next{0};
    std::array<std::atomic<quint64>, 3> m_fallbacks{};
    int m_queueLimit;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_monitor;
};

} // namespace influence::server::db
