// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <ctime>

namespace influence::tests {

/// An event-loop watchdog: a 10 ms timer measures the gaps between its turns and splits each gap
/// by what the GUI thread did in it, as the kernel counts it:
///  - work: time on a CPU (CLOCK_THREAD_CPUTIME_ID): computing, laying out, painting;
///  - queued: time runnable but waiting for a CPU (run-queue delay, /proc/thread-self/schedstat):
///    the machine's load, not the app's doing;
///  - blocked: the rest, time asleep. The event loop sleeps until its next timer (at most the
///    10 ms interval); sleeping longer than that within one gap is a wait outside the event loop:
///    a synchronous network call, a disk read, a lock. blockedMs() is that excess.
/// Tests fail on blocked waits: whether the app waits on the network or the disk on its GUI
/// thread does not depend on the machine's speed. How long a turn's work takes does (a debug
/// build with sanitizers, on two shared cores); the tests report it and bench/desktop measures it
/// in the release build against a baseline. Without schedstat, queued time counts as blocked.
class StallMeter : public QObject
{
public:
    /// The timer's interval, in ms: the event loop's own sleep within one gap.
    static constexpr qint64 kIntervalMs = 10;

    StallMeter()
    {
        m_timer.setInterval(static_cast<int>(kIntervalMs));
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            turn();
        });
        reset();
        m_timer.start();
    }
    /// Longest gap between two turns less the time the thread waited to be scheduled, in ms:
    /// work and blocking together, what the user sees as a frozen window on an idle machine.
    qint64 longestMs() const { return m_longest; }
    /// Longest time on a CPU within one gap, in ms.
    qint64 longestWorkMs() const { return m_longestWork; }
    /// Longest time asleep within one gap beyond the event loop's own wait, in ms.
    qint64 longestBlockedMs() const { return m_longestBlocked; }
    /// Longest gap between two turns in wall-clock time (includes time not scheduled).
    qint64 longestWallMs() const { return m_longestWall; }
    /// Starts measuring afresh (after a step that blocks on purpose, such as test set-up).
    void reset()
    {
        m_longest = 0;
        m_longestWork = 0;
        m_longestBlocked = 0;
        m_longestWall = 0;
        m_last.restart();
        m_lastQueuedNs = queuedNs();
        m_lastCpuNs = cpuNs();
    }

private:
    void turn()
    {
        const qint64 queued = queuedNs() - m_lastQueuedNs;
        const qint64 cpu = cpuNs() - m_lastCpuNs;
        const qint64 wall = m_last.nsecsElapsed();
        const qint64 ms = 1'000'000;
        m_longestWall = qMax(m_longestWall, wall / ms);
        m_longest = qMax(m_longest, qMax(qint64{0}, wall - queued) / ms);
        m_longestWork = qMax(m_longestWork, cpu / ms);
        const qint64 asleep = qMax(qint64{0}, wall - queued - cpu);
        m_longestBlocked = qMax(m_longestBlocked, qMax(qint64{0}, asleep / ms - kIntervalMs));
        m_last.restart();
        m_lastQueuedNs = queuedNs();
        m_lastCpuNs = cpuNs();
    }

    /// Nanoseconds this thread has spent runnable but waiting for a CPU (0 when unknown).
    static qint64 queuedNs()
    {
        QFile stats(QStringLiteral("/proc/thread-self/schedstat"));
        if (!stats.open(QIODevice::ReadOnly)) {
            return 0;
        }
        // "<on-CPU ns> <run-queue ns> <time slices>"
        const QList<QByteArray> fields = stats.readAll().simplified().split(' ');
        return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
    }

    /// Nanoseconds this thread has spent on a CPU.
    static qint64 cpuNs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return static_cast<qint64>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    }

    QTimer m_timer;
    QElapsedTimer m_last;
    qint64 m_lastQueuedNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_longest = 0;
    qint64 m_longestWork = 0;
    qint64 m_longestBlocked = 0;
    qint64 m_longestWall = 0;
};

} // namespace influence::tests
