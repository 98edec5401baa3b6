// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace influence::tests {

/// An event-loop stall watchdog: a 10 ms timer measures the gaps between its turns. A blocked
/// GUI thread shows up as a long gap. Tests fail when the longest gap exceeds their limit.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_last.isValid()) {
                m_longest = qMax(m_longest, m_last.elapsed());
            }
            m_last.restart();
        });
        m_last.start();
        m_timer.start();
    }
    /// Longest gap between two turns, in milliseconds.
    qint64 longestMs() const { return m_longest; }
    /// Starts measuring afresh (after a step that blocks on purpose, such as test set-up).
    void reset()
    {
        m_longest = 0;
        m_last.restart();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_last;
    qint64 m_longest = 0;
};

} // namespace influence::tests
