// SPDX-License-Identifier: Apache-2.0
#include "CpuPool.h"

namespace influence::server {

CpuPool::CpuPool(int threads, int queueLimit)
    : m_queueLimit(queueLimit)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("cpu-pool"));
}

CpuPool::~CpuPool()
{
    m_pool.waitForDone();
}

bool CpuPool::tryRun(std::function<void()> task)
{
    if (m_queued.fetch_add(1) >= m_queueLimit) {
        m_queued.fetch_sub(1);
        return false;
    }
    m_pool.start([this, task = std::move(task)] {
        m_queued.fetch_sub(1);
        task();
    });
    return true;
}

void CpuPool::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace influence::server
