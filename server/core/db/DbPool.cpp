// SPDX-License-Identifier: Apache-2.0
#include "DbPool.h"

#include <QElapsedTimer>

namespace influence::server::db {

DbPool::DbPool(std::shared_ptr<const ConnectionSettings> settings, int threads, int queueLimit)
    : m_settings(std::move(settings))
    , m_queueLimit(queueLimit)
{
    m_pool.setMaxThreadCount(threads);
    // Threads (and the connections they hold) live as long as the pool; an expiring thread
    // would take its prepared statements with it.
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("db-pool"));
}

DbPool::DbPool(std::shared_ptr<const ConnectionSettings> settings, const DatabaseSettings &database)
    : DbPool(std::move(settings), database.poolSize, database.queueLimit)
{ }

DbPool::~DbPool()
{
    m_pool.waitForDone();
}

bool DbPool::tryRun(std::function<void(Connection &)> task)
{
    if (m_queued.fetch_add(1) >= m_queueLimit) {
        m_queued.fetch_sub(1);
        return false;
    }
    QElapsedTimer queuedAt;
    queuedAt.start();
    m_pool.start([this, task = std::move(task), queuedAt] {
        m_queued.fetch_sub(1);
        m_waitedNs.fetch_add(
                static_cast<quint64>(queuedAt.nsecsElapsed()), std::memory_order_relaxed);
        m_started.fetch_add(1, std::memory_order_relaxed);
        m_busy.fetch_add(1, std::memory_order_relaxed);
        task(Connection::forThread(m_settings));
        m_busy.fetch_sub(1, std::memory_order_relaxed);
    });
    return true;
}

void DbPool::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace influence::server::db
