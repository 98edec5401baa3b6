// SPDX-License-Identifier: Apache-2.0
#include "ReplicaPool.h"

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReplicas, "influence.db.replicas")

namespace influence::server::db {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

// For a write's answer, the insert position, not the written one: it already covers every commit
// record that has returned (also under synchronous_commit=off, where the WAL writer writes it up
// to wal_writer_delay later), so a replica that has replayed it has the write.
const SqlStatement kInsertPosition(u"SELECT pg_current_wal_insert_lsn()::text"_s);
// For the lag, the written position: what the replicas can have been sent. (An idle primary's
// insert position may point past the next page's header, which no replica ever reaches.)
const SqlStatement kWrittenPosition(u"SELECT pg_current_wal_lsn()::text"_s);

// A promoted standby (or a primary named as a replica by mistake) is not in recovery: it is
// as current as itself, and its own WAL position stands for "replayed".
const SqlStatement kReplicaState(
        u"SELECT pg_is_in_recovery(), "
        "CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
        "ELSE pg_current_wal_lsn() END::text, "
        "extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000"_s);

const SqlStatement kReplayPosition(
        u"SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
        "ELSE pg_current_wal_lsn() END::text"_s);

/// Samples of the primary's position kept for the lag estimate: 10 minutes at one a second.
constexpr std::size_t kMaxSamples = 600;

/// How often a waiting read asks the replica again.
constexpr unsigned long kReplayPollMs = 2;

} // namespace

ReplicaPool::ReplicaPool(std::shared_ptr<const ConnectionSettings> primary,
        const ReplicaSettings &settings, int threads, int queueLimit)
    : m_primary(std::move(primary))
    , m_settings(settings)
    , m_queueLimit(queueLimit)
{
    for (const DatabaseUrl &url : settings.urls) {
        auto replica = std::make_unique<Replica>();
        auto connection = std::make_shared<ConnectionSettings>();
        connection->url = url;
        connection->connectTimeout = m_primary->connectTimeout;
        connection->statementTimeout = m_primary->statementTimeout;
        connection->reconnectBackoff = m_primary->reconnectBackoff;
        // A read-only session: a write that reaches a replica promoted meanwhile (or a primary
        // named as a replica) fails with 25006 instead of changing anything. A startup option,
        // so a pooler in front of a replica must let "options" through.
        connection->url.options.insert(u"options"_s, u"-c default_transaction_read_only=on"_s);
        replica->connection = std::move(connection);
        replica->name = url.redacted();
        m_replicas.push_back(std::move(replica));
    }
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // as DbPool: the threads keep their connections
    m_pool.setObjectName(u"db-replica-pool"_s);
    m_monitor.reset(QThread::create([this] {
        monitor();
    }));
    m_monitor->setObjectName(u"db-replica-monitor"_s);
    m_monitor->start();
}

ReplicaPool::~ReplicaPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_monitor->wait();
    m_pool.waitForDone();
}

std::optional<common::WalPosition> ReplicaPool::primaryPosition(Connection &c)
{
    auto text = c.scalar(kInsertPosition);
    if (!text) {
        return std::nullopt;
    }
    return common::WalPosition::parse(text->toString().toLatin1());
}

int ReplicaPool::pick()
{
    const auto count = static_cast<quint64>(m_replicas.size());
    const quint64 start = m_next.fetch_add(1, std::memory_order_relaxed);
    for (quint64 i = 0; i < count; ++i) {
        const auto index = static_cast<std::size_t>((start + i) % count);
        if (m_replicas[index]->usable.load(std::memory_order_relaxed)) {
            return static_cast<int>(index);
        }
    }
    return -1;
}

ReplicaPool::Queued ReplicaPool::tryRun(std::function<void(Connection *, int)> task)
{
    const bool any = std::any_of(m_replicas.begin(), m_replicas.end(), [](const auto &replica) {
        return replica->usable.load(std::memory_order_relaxed);
    });
    if (!any) {
        return Queued::NoReplica;
    }
    if (m_queued.fetch_add(1) >= m_queueLimit) {
        m_queued.fetch_sub(1);
        return Queued::QueueFull;
    }
    m_pool.start([this, task = std::move(task)] {
        m_queued.fetch_sub(1);
        m_busy.fetch_add(1, std::memory_order_relaxed);
        // Chosen when the task starts, not when it was queued: the state is fresher.
        const int index = pick();
        if (index < 0) {
            task(nullptr, -1);
        } else {
            Replica &replica = *m_replicas[static_cast<std::size_t>(index)];
            replica.tasks.fetch_add(1, std::memory_order_relaxed);
            task(&Connection::forThread(replica.connection), index);
        }
        m_busy.fetch_sub(1, std::memory_order_relaxed);
    });
    return Queued::Yes;
}

void ReplicaPool::waitForDone()
{
    m_pool.waitForDone();
}

bool ReplicaPool::waitForReplay(Connection &c, int index, common::WalPosition position)
{
    Replica &replica = *m_replicas[static_cast<std::size_t>(index)];
    if (position.value <= replica.replayed.load(std::memory_order_relaxed)) {
        return true;
    }
    const qint64 deadline = steadyMs() + m_settings.wait.count();
    for (;;) {
        auto text = c.scalar(kReplayPosition);
        if (!text) {
            return false;
        }
        const auto replayed = common::WalPosition::parse(text->toString().toLatin1());
        if (!replayed) {
            return false;
        }
        // Only ever forward: another thread may have seen a newer position meanwhile.
        quint64 seen = replica.replayed.load(std::memory_order_relaxed);
        while (seen < replayed->value
                && !replica.replayed.compare_exchange_weak(seen, replayed->value)) { }
        if (position <= *replayed) {
            return true;
        }
        if (steadyMs() >= deadline) {
            return false;
        }
        QThread::msleep(kReplayPollMs);
    }
}

void ReplicaPool::markDown(int index)
{
    Replica &replica = *m_replicas[static_cast<std::size_t>(index)];
    if (replica.up.exchange(false)) {
        qCWarning(lcReplicas, "replica %s failed; reads go elsewhere until it recovers",
                qPrintable(replica.name));
    }
    replica.usable.store(false);
    replica.lagMs.store(-1);
}

void ReplicaPool::countFallback(ReplicaFallback reason)
{
    m_fallbacks.at(static_cast<std::size_t>(reason)).fetch_add(1, std::memory_order_relaxed);
}

quint64 ReplicaPool::fallbacks(ReplicaFallback reason) const
{
    return m_fallbacks.at(static_cast<std::size_t>(reason)).load(std::memory_order_relaxed);
}

QList<ReplicaPool::Status> ReplicaPool::status() const
{
    QList<Status> out;
    for (const auto &replica : m_replicas) {
        out.append({replica->name, replica->up.load(), replica->usable.load(),
                replica->lagMs.load(), replica->tasks.load()});
    }
    return out;
}

void ReplicaPool::monitor()
{
    // The monitor's connections are its own (QtSql: used only in this thread) and closed here.
    Connection primary(m_primary, u"influence-replica-monitor-primary"_s);
    std::vector<std::unique_ptr<Connection>> replicas;
    for (std::size_t i = 0; i < m_replicas.size(); ++i) {
        replicas.push_back(std::make_unique<Connection>(
                m_replicas[i]->connection, u"influence-replica-monitor-%1"_s.arg(i)));
    }
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        check(primary, replicas);
        lock.lock();
        m_wake.wait_for(lock, m_settings.checkInterval, [this] {
            return m_stopping;
        });
    }
}

void ReplicaPool::check(Connection &primary, std::vector<std::unique_ptr<Connection>> &replicas)
{
    // The primary's position first: a replica that has replayed it since is not behind.
    if (auto text = primary.scalar(kWrittenPosition)) {
        if (const auto position = common::WalPosition::parse(text->toString().toLatin1())) {
            m_samples.push_back({steadyMs(), position->value});
            if (m_samples.size() > kMaxSamples) {
                m_samples.erase(m_samples.begin());
            }
        }
    }
    for (std::size_t i = 0; i < m_replicas.size(); ++i) {
        checkReplica(*m_replicas[i], *replicas[i]);
    }
}

void ReplicaPool::checkReplica(Replica &replica, Connection &c)
{
    auto query = c.run(kReplicaState);
    std::optional<common::WalPosition> replayed;
    double replayAgeMs = std::nan("");
    bool inRecovery = false;
    if (query && (*query)->next()) {
        inRecovery = (*query)->value(0).toBool();
        replayed = common::WalPosition::parse((*query)->value(1).toString().toLatin1());
        if (!(*query)->value(2).isNull()) {
            replayAgeMs = (*query)->value(2).toDouble();
        }
        (*query)->finish();
    }
    if (!replayed) {
        if (replica.up.exchange(false)) {
            qCWarning(
                    lcReplicas, "replica %s is unreachable; skipping it", qPrintable(replica.name));
        }
        replica.usable.store(false);
        replica.lagMs.store(-1);
        return;
    }
    replica.replayed.store(replayed->value, std::memory_order_relaxed);
    const qint64 lag = inRecovery ? lagOf(replayed->value, replayAgeMs, steadyMs()) : 0;
    replica.lagMs.store(lag);
    const bool usable = lag >= 0 && lag <= m_settings.maxLag.count();
    if (!replica.up.exchange(true)) {
        qCInfo(lcReplicas, "replica %s is up", qPrintable(replica.name));
    }
    if (replica.usable.exchange(usable) != usable) {
        qCInfo(lcReplicas, "replica %s %s (lag %lld ms)", qPrintable(replica.name),
                usable ? "takes reads" : "is skipped", static_cast<long long>(lag));
    }
}

qint64 ReplicaPool::lagOf(quint64 replayed, double replayAgeMs, qint64 nowMs) const
{
    if (m_samples.empty()) {
        return -1; // the primary's position is not known yet: no estimate
    }
    // Idle replicas report an old last-replay time although they miss nothing: compare positions
    // first.
    if (replayed >= m_samples.back().position) {
        return 0;
    }
    // Behind. Both estimates are upper bounds of the age of the oldest change not replayed yet:
    // the replica had everything the primary had at the newest sample it has reached, and
    // everything up to its last replayed commit.
    qint64 lag = -1;
    const auto reached =
            std::find_if(m_samples.rbegin(), m_samples.rend(), [replayed](const Sample &sample) {
                return sample.position <= replayed;
            });
    if (reached != m_samples.rend()) {
        lag = nowMs - reached->atMs;
    }
    if (!std::isnan(replayAgeMs)) {
        const auto byTime = static_cast<qint64>(std::max(0.0, replayAgeMs));
        lag = lag < 0 ? byTime : std::min(lag, byTime);
    }
    if (lag < 0) {
        // Behind every sample we have and no replayed commit: at least as old as the oldest.
        lag = nowMs - m_samples.front().atMs;
    }
    return lag;
}

} // namespace influence::server::db
