// SPDX-License-Identifier: Apache-2.0
#include "EventThread.h"

#include <QObject>

namespace influence::server {

EventThread::EventThread(const QString &name)
    : m_anchor(new QObject)
{
    m_thread.setObjectName(name);
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
}

EventThread::~EventThread()
{
    stop({});
}

bool EventThread::post(std::function<void()> task)
{
    const QMutexLocker lock(&m_mutex);
    if (m_stopped) {
        return false;
    }
    QMetaObject::invokeMethod(m_anchor, std::move(task), Qt::QueuedConnection);
    return true;
}

void EventThread::stop(const std::function<void()> &last)
{
    {
        const QMutexLocker lock(&m_mutex);
        if (m_stopped) {
            return;
        }
        m_stopped = true;
    }
    // Tasks posted before this one still run first (the queue is in order).
    QMetaObject::invokeMethod(
            m_anchor,
            [&last] {
                if (last) {
                    last();
                }
            },
            Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
    m_anchor = nullptr;
}

} // namespace influence::server
