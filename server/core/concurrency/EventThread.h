// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMutex>
#include <QString>
#include <QThread>

#include <functional>

class QObject;

namespace influence::server {

/// A thread with its own event loop that runs posted tasks in order: the home of objects that
/// must stay on one thread (a QNetworkAccessManager, a database connection) while callers on any
/// thread hand them work.
class EventThread
{
public:
    explicit EventThread(const QString &name);
    ~EventThread();
    EventThread(const EventThread &) = delete;
    EventThread &operator=(const EventThread &) = delete;

    /// Queues `task` on the thread; false (and `task` dropped) after stop().
    bool post(std::function<void()> task);
    /// Runs `last` on the thread after the tasks queued before it, waits for it, and ends the
    /// thread; later posts fail. Idempotent.
    void stop(const std::function<void()> &last);
    /// The object whose thread affinity is the thread (a parent or context for timers).
    QObject *anchor() const { return m_anchor; }

private:
    QThread m_thread;
    QObject *m_anchor = nullptr; ///< lives in m_thread: the target of posted tasks
    QMutex m_mutex;
    bool m_stopped = false;
};

} // namespace influence::server
