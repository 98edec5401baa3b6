// SPDX-License-Identifier: Apache-2.0
#include "JobWorker.h"

#include "JobQueue.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <atomic>
#include <exception>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobs, "influence.jobs")

namespace influence::server::jobs {

namespace {

const db::SqlStatement kClaim(u"SELECT id, kind, payload::text, attempts, max_attempts "
                              "FROM job_claim(:worker, CAST(:queues AS text[]), 1, "
                              "CAST(:lease AS interval))"_s);
const db::SqlStatement kSucceed(u"SELECT job_succeed(:id, :worker)"_s);
const db::SqlStatement kFail(u"SELECT job_fail(:id, :worker, :error, :base)"_s);
const db::SqlStatement kRenew(
        u"SELECT job_renew(CAST(:ids AS bigint[]), :worker, CAST(:lease AS interval))"_s);
const db::SqlStatement kReclaim(u"SELECT job_reclaim(:base)"_s);
// Only when none is pending: a dropped insert would still use up an id.
const db::SqlStatement kSchedule(u"SELECT job_enqueue(:kind, '{}', :queue, now() + CAST(:interval "
                                 u"AS interval), 0, 3, :kind) "
                                 "WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE unique_key = :kind "
                                 "                  AND state IN ('queued', 'running'))"_s);

QString millis(std::chrono::milliseconds value)
{
    return u"%1 milliseconds"_s.arg(value.count());
}

// Connection names are process-wide; several servers may run in one process (tests).
QString connectionName(const QString &role)
{
    static std::atomic<int> counter{0};
    return u"influence-jobs-%1-%2"_s.arg(role).arg(counter.fetch_add(1));
}

} // namespace

JobWorker::JobWorker(
        std::shared_ptr<const db::ConnectionSettings> settings, JobSettings jobSettings)
    : m_settings(std::move(settings))
    , m_jobSettings(std::move(jobSettings))
    , m_workerId(u"%1:%2:%3"_s.arg(QHostInfo::localHostName())
                         .arg(QCoreApplication::applicationPid())
                         .arg(QRandomGenerator::global()->generate() % 100000))
{
    m_listenerThread.setObjectName(u"jobs-listener"_s);
}

JobWorker::~JobWorker()
{
    stop();
}

void JobWorker::addHandler(const QString &kind, const QString &queue, Handler handler)
{
    m_handlers.insert(kind, {queue, std::move(handler)});
}

void JobWorker::addPeriodic(const QString &kind, std::chrono::milliseconds interval)
{
    Q_ASSERT(m_handlers.contains(kind));
    m_periodic.append({kind, interval});
}

void JobWorker::start()
{
    if (m_jobSettings.workers <= 0 || m_listenerThread.isRunning()) {
        return;
    }
    m_queues.clear();
    for (const Registered &registered : std::as_const(m_handlers)) {
        if (!m_queues.contains(registered.queue)) {
            m_queues.append(registered.queue);
        }
    }
    {
        const std::scoped_lock lock(m_mutex);
        m_stopping = false;
    }
    moveToThread(&m_listenerThread);
    m_listenerThread.start();
    QMetaObject::invokeMethod(this, &JobWorker::listen, Qt::QueuedConnection);
    for (int i = 0; i < m_jobSettings.workers; ++i) {
        auto runner = std::unique_ptr<QThread>(QThread::create([this, i] {
            runLoop(i);
        }));
        runner->setObjectName(u"jobs-%1"_s.arg(i));
        runner->start();
        m_runners.push_back(std::move(runner));
    }
}

void JobWorker::stop()
{
    {
        const std::scoped_lock lock(m_mutex);
        m_stopping = true;
    }
    m_wakeup.notify_all();
    // The running jobs finish (their leases still renewed by the listener), then the listener
    // stops.
    for (auto &runner : m_runners) {
        runner->wait();
    }
    m_runners.clear();
    if (!m_listenerThread.isRunning()) {
        return;
    }
    QMetaObject::invokeMethod(
            this,
            [this] {
                delete m_tick;
                m_tick = nullptr;
                m_listenerConnection.reset(); // closed in the thread that opened it
                moveToThread(QCoreApplication::instance() ? QCoreApplication::instance()->thread()
                                                          : nullptr);
            },
            Qt::BlockingQueuedConnection);
    m_listenerThread.quit();
    m_listenerThread.wait();
}

void JobWorker::wake()
{
    {
        const std::scoped_lock lock(m_mutex);
        ++m_wakeups;
    }
    m_wakeup.notify_all();
}

void JobWorker::listen()
{
    m_listenerConnection =
            std::make_unique<db::Connection>(m_settings, connectionName(u"listener"_s));
    m_tick = new QTimer(this);
    m_tick->setInterval(m_jobSettings.tick);
    connect(m_tick, &QTimer::timeout, this, &JobWorker::tick);
    m_tick->start();
    tick();
}

void JobWorker::subscribe()
{
    // LISTEN needs the connection open; a reconnect (QPSQL opens a new session after the server
    // restarted) loses the subscription, so it is made again.
    QSqlDatabase db = QSqlDatabase::database(m_listenerConnection->name(), false);
    if (!db.isOpen() || db.driver()->subscribedToNotifications().contains(u"jobs"_s)) {
        return;
    }
    if (db.driver()->subscribeToNotification(u"jobs"_s)) {
        connect(db.driver(), &QSqlDriver::notification, this, &JobWorker::wake,
                Qt::UniqueConnection);
        wake(); // anything enqueued while unsubscribed
    }
}

void JobWorker::tick()
{
    if (!m_listenerConnection || !m_listenerConnection->ensureOpen()) {
        return;
    }
    subscribe();
    db::Connection &c = *m_listenerConnection;
    QStringList ids;
    {
        const std::scoped_lock lock(m_mutex);
        for (const qint64 id : std::as_const(m_running)) {
            ids.append(QString::number(id));
        }
    }
    if (!ids.isEmpty()) {
        (void)c.scalar(kRenew,
                {{u":ids"_s, QString(u"{"_s + ids.join(u',') + u"}"_s)}, {u":worker"_s, m_workerId},
                        {u":lease"_s, millis(m_jobSettings.lease)}});
    }
    if (const auto reclaimed = c.scalar(kReclaim, {{u":base"_s, m_jobSettings.backoffBaseSeconds}});
            reclaimed && reclaimed->toInt() > 0) {
        qCWarning(lcJobs, "%d job(s) whose lease ran out queued again", reclaimed->toInt());
    }
    for (const auto &[kind, interval] : std::as_const(m_periodic)) {
        (void)c.scalar(kSchedule,
                {{u":kind"_s, kind}, {u":queue"_s, m_handlers.value(kind).queue},
                        {u":interval"_s, millis(interval)}});
    }
}

QString JobWorker::queueOf(const QString &kind) const
{
    const auto registered = m_handlers.constFind(kind);
    return registered == m_handlers.cend() ? QString() : registered->queue;
}

common::Result<QList<JobWorker::Claimed>> JobWorker::claim(db::Connection &connection)
{
    QStringList open; // the queues this claim may take a job of
    {
        const std::scoped_lock lock(m_mutex);
        for (const QString &queue : std::as_const(m_queues)) {
            const int limit = m_jobSettings.limitFor(queue);
            if (m_busy.value(queue) + m_claiming.value(queue) < limit) {
                open.append(queue);
                ++m_claiming[queue];
            } else if (m_busy.value(queue) < limit) {
                m_deferred = true; // left out only because of other claims under way
            }
        }
    }
    if (open.isEmpty()) {
        return QList<Claimed>();
    }
    auto query = connection.run(kClaim,
            {{u":worker"_s, m_workerId},
                    // names are [a-z0-9_] (the table's check)
                    {u":queues"_s, QString(u"{"_s + open.join(u',') + u"}"_s)},
                    {u":lease"_s, millis(m_jobSettings.lease)}});
    // Every row returned is this worker's now: all of them run, whatever the limit asked for.
    QList<Claimed> claimed;
    if (query) {
        while ((*query)->next()) {
            claimed.append({db::toInt64((*query)->value(0)), (*query)->value(1).toString(),
                    QJsonDocument::fromJson((*query)->value(2).toString().toUtf8()).object(),
                    (*query)->value(3).toInt(), (*query)->value(4).toInt()});
        }
        (*query)->finish();
    }
    bool wakeOthers = false;
    {
        const std::scoped_lock lock(m_mutex);
        for (const QString &queue : std::as_const(open)) {
            --m_claiming[queue];
        }
        for (const Claimed &job : std::as_const(claimed)) {
            m_running.insert(job.id);
            ++m_busy[queueOf(job.kind)];
        }
        // A worker that left a queue out for this claim's sake looks again, if this claim took a
        // job (of another queue, perhaps). An empty claim found nothing due in those queues.
        wakeOthers = std::exchange(m_deferred, false) && !claimed.isEmpty();
    }
    if (wakeOthers) {
        wake();
    }
    if (!query) {
        return query.error();
    }
    return claimed;
}

void JobWorker::runLoop(int index)
{
    auto connection =
            std::make_unique<db::Connection>(m_settings, connectionName(u"run%1"_s.arg(index)));
    for (;;) {
        quint64 seen = 0;
        {
            const std::scoped_lock lock(m_mutex);
            if (m_stopping) {
                break;
            }
            seen = m_wakeups;
        }
        const auto claimed = claim(*connection);
        if (claimed && !claimed->isEmpty()) {
            for (const Claimed &job : *claimed) {
                runJob(*connection, job);
            }
            continue;
        }
        std::unique_lock lock(m_mutex);
        m_wakeup.wait_for(lock, m_jobSettings.poll, [&] {
            return m_stopping || m_wakeups != seen;
        });
    }
    connection.reset(); // closed in the thread that opened it
}

void JobWorker::runJob(db::Connection &connection, const Claimed &claimed)
{
    common::Result<void> outcome;
    const auto registered = m_handlers.constFind(claimed.kind);
    if (registered == m_handlers.constEnd()) {
        outcome = common::Error::make(
                common::ErrorCode::Internal, u"no handler for job kind %1"_s.arg(claimed.kind));
    } else {
        const Job job{claimed.id, claimed.kind, claimed.payload, claimed.attempts,
                claimed.maxAttempts, connection};
        try {
            connection.clearFailure();
            outcome = registered->handler(job);
        } catch (const std::exception &e) {
            outcome = common::Error::make(common::ErrorCode::Internal,
                    u"handler threw: %1"_s.arg(QString::fromUtf8(e.what())));
        }
    }
    if (!outcome) {
        qCWarning(lcJobs, "job %lld (%s, attempt %d of %d) failed: %s",
                static_cast<long long>(claimed.id), qPrintable(claimed.kind), claimed.attempts,
                claimed.maxAttempts, qPrintable(outcome.error().detail));
    }
    const common::Result<QVariant> recorded = outcome
            ? connection.scalar(kSucceed, {{u":id"_s, claimed.id}, {u":worker"_s, m_workerId}})
            : connection.scalar(kFail,
                    {{u":id"_s, claimed.id}, {u":worker"_s, m_workerId},
                            {u":error"_s, outcome.error().detail},
                            {u":base"_s, m_jobSettings.backoffBaseSeconds}});
    if (!recorded || !recorded->toBool()) {
        // The lease ran out meanwhile (the job may run again elsewhere), or the database failed:
        // the lease will run out and the job run again.
        qCWarning(lcJobs, "job %lld: outcome not recorded (%s)", static_cast<long long>(claimed.id),
                qPrintable(recorded ? u"no longer this worker's"_s : recorded.error().detail));
    }
    const QString queue = queueOf(claimed.kind);
    bool wasFull = false;
    {
        const std::scoped_lock lock(m_mutex);
        m_running.remove(claimed.id);
        wasFull = m_busy.value(queue) >= m_jobSettings.limitFor(queue);
        --m_busy[queue];
    }
    if (wasFull) {
        wake(); // a worker that left this queue out may take its next job now
    }
}

} // namespace influence::server::jobs
