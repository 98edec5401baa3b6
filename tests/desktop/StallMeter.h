// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <ctime>

namespace influence::tests {

/// An event-loop stall watchdog: a 10 ms timer measures the gaps between its turns. A blocked
/// GUI thread shows up as a long gap. On a loaded machine a gap can also mean that the thread
/// was not scheduled at all, so each gap is measured twice: wall time, and the CPU time the GUI
/// thread itself spent in it (work that blocked the event loop). Tests fail on the latter.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 cpu = threadCpuMs();
            if (m_last.isValid()) {
                const qint64 wall = m_last.elapsed();
                m_longestWall = qMax(m_longestWall, wall);
                m_longest = qMax(m_longest, qMin(wall, cpu - m_lastCpu));
            }
            m_last.restart();
            m_lastCpu = cpu;
        });
        m_last.start();
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    /// Longest gap between two turns that the GUI thread spent working, in milliseconds.
    qint64 longestMs() const { return m_longest; }
    /// Longest gap between two turns in wall-clock time (includes time not scheduled).
    qint64 longestWallMs() const { return m_longestWall; }
    /// Starts measuring afresh (after a step that blocks on purpose, such as test set-up).
    void reset()
    {
        m_longest = 0;
        m_longestWall = 0;
        m_last.restart();
        m_lastCpu = threadCpuMs();
    }

private:
    static qint64 threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return static_cast<qint64>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    }

    QTimer m_timer;
    QElapsedTimer m_last;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestWall = 0;
};

} // namespace influence::tests
