// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

namespace influence::tests {

/// An event-loop stall watchdog: a 10 ms timer measures the gaps between its turns. A GUI thread
/// that computes, waits for the network or reads a disk shows up as a long gap. On a loaded
/// machine a gap also holds time in which the thread was ready to run but not scheduled; the
/// kernel counts that time (run-queue delay, /proc/thread-self/schedstat), and the stall is the
/// gap without it: time spent working or blocked, which is the application's doing. Tests fail
/// on that; the wall-clock gap is reported beside it. Without schedstat the stall is the gap.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            turn();
        });
        reset();
        m_timer.start();
    }
    /// Longest gap between two turns, less the time the thread waited to be scheduled, in ms.
    qint64 longestMs() const { return m_longest; }
    /// Longest gap between two turns in wall-clock time (includes time not scheduled).
    qint64 longestWallMs() const { return m_longestWall; }
    /// Starts measuring afresh (after a step that blocks on purpose, such as test set-up).
    void reset()
    {
        m_longest = 0;
        m_longestWall = 0;
        m_last.restart();
        m_lastQueuedNs = queuedNs();
    }

private:
    void turn()
    {
        const qint64 queued = queuedNs();
        const qint64 wall = m_last.nsecsElapsed();
        m_longestWall = qMax(m_longestWall, wall / 1'000'000);
        m_longest = qMax(m_longest, qMax(qint64{0}, wall - (queued - m_lastQueuedNs)) / 1'000'000);
        m_last.restart();
        m_lastQueuedNs = queued;
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

    QTimer m_timer;
    QElapsedTimer m_last;
    qint64 m_lastQueuedNs = 0;
    qint64 m_longest = 0;
    qint64 m_longestWall = 0;
};

} // namespace influence::tests
