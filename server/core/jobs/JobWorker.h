// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JobSettings.h"
#include "core/db/Connection.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace influence::server::jobs {

/// One claimed job as its handler sees it.
struct Job
{
    qint64 id = 0;
    QString kind;
    QJsonObject payload;
    /// 1 for the first run.
    int attempt = 0;
    int maxAttempts = 0;
    /// The worker thread's own connection, outside any transaction.
    db::Connection &connection;

    bool isLastAttempt() const { return attempt >= maxAttempts; }
};

/// Runs a job; an error (or an exception) is a failed attempt, retried after a pause until
/// the job's max_attempts, then dead. A job may run more than once (a process that dies after
/// the work and before recording it): handlers are idempotent.
using Handler = std::function<common::Result<void>(const Job &job)>;

/// Runs the queue's jobs in this process: `workers` threads, each with its own connection,
/// claim due jobs of the registered queues (FOR UPDATE SKIP LOCKED, so several processes share
/// the queue), run their handler and record the outcome. A listener thread LISTENs on 'jobs' to
/// wake them, renews the leases of running jobs, reclaims jobs whose lease ran out and enqueues
/// the periodic jobs. stop() lets every running job finish.
class JobWorker : public QObject
{
    Q_OBJECT

public:
    JobWorker(std::shared_ptr<const db::ConnectionSettings> settings, JobSettings jobSettings);
    ~JobWorker() override;

    /// Registers the handler of `kind`, whose jobs are in `queue`. Before start() only.
    void addHandler(const QString &kind, const QString &queue, Handler handler);
    /// Enqueues `kind` (registered with addHandler) every `interval`, one at a time across all
    /// processes (its kind is its unique key). Before start() only.
    void addPeriodic(const QString &kind, std::chrono::milliseconds interval);

    void start();
    /// Stops claiming, waits for the running jobs to finish, and closes the connections.
    void stop();
    /// Looks for due jobs now.
    void wake();

    /// This process's name in jobs.locked_by.
    QString workerId() const { return m_workerId; }

private:
    struct Registered
    {
        QString queue;
        Handler handler;
    };
    struct Claimed
    {
        qint64 id = 0;
        QString kind;
        QJsonObject payload;
        int attempts = 0;
        int maxAttempts = 0;
    };

    void listen();
    void subscribe();
    void tick();
    void runLoop(int index);
    common::Result<QList<Claimed>> claim(db::Connection &connection);
    void runJob(db::Connection &connection, const Claimed &claimed);
    QString queueOf(const QString &kind) const;

    std::shared_ptr<const db::ConnectionSettings> m_settings;
    JobSettings m_jobSettings;
    QString m_workerId;
    QStringList m_queues; ///< the handlers' queues
    QHash<QString, Registered> m_handlers;
    QList<std::pair<QString, std::chrono::milliseconds>> m_periodic;

    QThread m_listenerThread;
    std::unique_ptr<db::Connection> m_listenerConnection;
    QTimer *m_tick = nullptr;
    std::vector<std::unique_ptr<QThread>> m_runners;

    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    quint64 m_wakeups = 0;
    bool m_stopping = false;
    QSet<qint64> m_running;
    /// Per queue: jobs running now, and claims under way that may return one of its jobs. A claim
    /// asks only for queues where the two together are below the queue's limit, so no queue
    /// ever has more running than its limit, however many workers claim at once.
    QHash<QString, int> m_busy;
    QHash<QString, int> m_claiming;
    bool m_deferred = false; ///< a claim left out a queue because of another claim under way
};

} // namespace influence::server::jobs
