// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace influence::server {

/// Worker threads for CPU-bound work that must hold neither an HTTP thread nor a database
/// connection (argon2 password hashing takes tens of milliseconds). The queue is bounded: when it
/// is full, tryRun() refuses and the caller answers 503.
class CpuPool
{
public:
    CpuPool(int threads, int queueLimit);
    ~CpuPool();
    CpuPool(const CpuPool &) = delete;
    CpuPool &operator=(const CpuPool &) = delete;

    bool tryRun(std::function<void()> task);
    void waitForDone();

private:
    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    int m_queueLimit;
};

} // namespace influence::server
