// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QString>

class QTextStream;

namespace influence::server::seed {

/// A textual progress bar for `influence-server seed`, one per stage (creators, brands…). On a
/// terminal it redraws its line in place; in a log or a pipe it prints at most one line a second
/// and the last line of each stage, so that logs stay short.
class ProgressBar
{
public:
    enum class Output {
        Terminal,
        Log,
    };

    ProgressBar(QTextStream &stream, Output output);

    /// `done` of `total` rows of `stage` are written. A stage starts with its first report.
    void update(const QString &stage, qint64 done, qint64 total);

    /// The text of one line, e.g.
    /// "[############..................]  40% creators 40000/100000  12.3 s, about 18 s left".
    static QString render(const QString &stage, qint64 done, qint64 total, qint64 elapsedMs);

private:
    QTextStream &m_stream;
    Output m_output;
    QString m_stage;
    QElapsedTimer m_stageTimer;
    qint64 m_lastLineMs = -1;
    bool m_lineOpen = false;
};

} // namespace influence::server::seed
